"""Capaian at scale: 100 agencies × 20 indicators × 6 years.

Prints (1) the pure engine: capaian + predicate for every agency-indicator-year, and
(2) the same from the database through `pengukuran()` per agency-year, after importing a
generated pemda (import time printed too). Run: .venv/bin/python bench/capaian.py"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
os.environ.setdefault("SAKIP_DATA_DIR", tempfile.mkdtemp(prefix="sakip-bench-"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from sakip.calc import Skala, capaian  # noqa: E402
from sakip.calc.predikat import Rentang  # noqa: E402
from sakip.examples.generate import generated_pemda  # noqa: E402
from sakip.interchange.importer import import_data  # noqa: E402
from sakip.measurement.pengukuran import pengukuran  # noqa: E402
from sakip.organisation.models import Instansi  # noqa: E402

AGENCIES, INDICATORS, YEARS = 100, 20, 6


def main():
    doc = generated_pemda(AGENCIES, INDICATORS, YEARS)
    rows = [
        (t["nilai"], r["nilai"], ind["rumus"])
        for ins in doc["instansi"]
        for ind in ins["renstra"][0]["indikator"]
        for t, r in zip(ins["renstra"][0]["target"], ins["realisasi"], strict=True)
        if t["indikator"] == ind["kode"]
    ]
    skala = Skala(
        "bawaan",
        (
            Rentang("Kurang", None, False, 55, False),
            Rentang("Cukup", 55, True, 76, False),
            Rentang("Baik", 76, True, 100, True),
            Rentang("Sangat Baik", 100, False, None, False),
        ),
    )
    t0 = time.perf_counter()
    predicates = [skala.predikat(capaian(t, r, rumus).dibulatkan) for t, r, rumus in rows]
    engine = time.perf_counter() - t0
    print(
        f"engine: {len(predicates)} capaian+predikat in {engine:.3f} s ({engine / len(predicates) * 1e6:.1f} µs each)"
    )

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    import_data(doc)
    imported = time.perf_counter() - t0
    print(f"import of the generated pemda ({AGENCIES} agencies, {len(rows)} targets): {imported:.1f} s")

    t0 = time.perf_counter()
    n = 0
    for ins in Instansi.objects.filter(pemda__slug="kabupaten-bench"):
        for y in range(2021, 2021 + YEARS):
            n += len(pengukuran(ins, y).baris)
    db = time.perf_counter() - t0
    print(
        f"from the database: {AGENCIES * YEARS} agency-years, {n} rows in {db:.2f} s "
        f"({db / (AGENCIES * YEARS) * 1000:.1f} ms per agency-year)"
    )


if __name__ == "__main__":
    main()
