"""SKM at scale: a survey of 100 000 respondents × 9 unsur (PermenPANRB 14/2017).

Prints (1) the pure calculation from answers in memory (count per unsur, NRR, IKM, mutu,
priorities), (2) `sakip skm FILE`'s path: read a Google-Forms-like CSV with the answers as
text, map the columns, check every cell, compute, and (3) the result of a stored survey
(answers counted in SQL, then computed), after storing the answers (insert time printed too).
Target: under 2 s for a computation. Run: .venv/bin/python bench/skm.py"""

import csv
import os
import random
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

from sakip.calc.skm import PERMENPAN_14_2017, Sebaran, hitung_jawaban, hitung_survei  # noqa: E402
from sakip.organisation.models import Instansi, Pemda  # noqa: E402
from sakip.skm.impor import baca_jawaban, baca_tabel, simpan_jawaban, unsur_metode  # noqa: E402
from sakip.skm.models import MetodeSKM, SurveiSKM  # noqa: E402

RESPONDEN = 100_000
UNSUR = len(PERMENPAN_14_2017.unsur)


def answers(seed: int = 1) -> list[tuple[int, ...]]:
    rnd = random.Random(seed)
    return [tuple(rnd.choices((1, 2, 3, 4), weights=(2, 10, 55, 33), k=UNSUR)) for _ in range(RESPONDEN)]


def timed(label: str, fn):
    t0 = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - t0:.2f} s")
    return result


def main():
    rows = answers()
    names = [(i, u.nama) for i, u in enumerate(PERMENPAN_14_2017.unsur, start=1)]

    def pure():
        counts = hitung_jawaban(rows, UNSUR)
        return hitung_survei(
            PERMENPAN_14_2017, [(n, nama, Sebaran.dari_jumlah(c)) for (n, nama), c in zip(names, counts, strict=True)]
        )

    h = timed(f"(1) calculation from {RESPONDEN:,} respondents in memory", pure)
    print(f"    IKM {h.nik.dibulatkan} mutu {h.mutu.huruf}, priorities {[u.nomor for u in h.prioritas]}")

    call_command("migrate", verbosity=0)
    metode = MetodeSKM.nasional("permenpan-14-2017")
    folder = Path(tempfile.mkdtemp(prefix="sakip-bench-skm-"))
    path = folder / "google-forms.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["Timestamp", "Jenis Kelamin", *[f"{n}. {u.pertanyaan}" for n, u in enumerate(PERMENPAN_14_2017.unsur, 1)]]
        )
        for i, r in enumerate(rows):
            w.writerow(
                [f"1/8/2024 09:{i % 60:02d}:00", "Perempuan" if i % 2 else "Laki-laki"]
                + [u.jawaban[v - 1] for u, v in zip(PERMENPAN_14_2017.unsur, r, strict=True)]
            )
    unsur = unsur_metode(metode)

    def from_file():
        data, _ = baca_jawaban(baca_tabel(path), unsur)
        counts = hitung_jawaban((d.jawaban for d in data), UNSUR)
        return data, hitung_survei(
            PERMENPAN_14_2017, [(n, nama, Sebaran.dari_jumlah(c)) for (n, nama), c in zip(names, counts, strict=True)]
        )

    data, h2 = timed(
        f"(2) read, check and compute a CSV of {RESPONDEN:,} rows ({path.stat().st_size // 1024} KiB)", from_file
    )
    assert h2.nik.nilai == h.nik.nilai

    pemda = Pemda.objects.create(slug="bench", nama="Kabupaten Bench", jenis="kabupaten")
    ins = Instansi.objects.create(pemda=pemda, slug="bench", nama="Dinas Bench", jenis="dinas")
    survei = SurveiSKM.objects.create(instansi=ins, kode="skm", tahun=2024, judul="SKM Bench", metode=metode)
    timed(
        f"    storing {RESPONDEN:,} respondents and {RESPONDEN * UNSUR:,} answers", lambda: simpan_jawaban(survei, data)
    )
    h3 = timed("(3) result of the stored survey (SQL count + calculation)", lambda: survei.hasil())
    assert h3.nik.nilai == h.nik.nilai


if __name__ == "__main__":
    main()
