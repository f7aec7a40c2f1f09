"""Document generation speed: the Panti LKIP as DOCX and as PDF (median of 5), then the LKIP of
100 generated agencies in one batch (seconds per report). Targets: DOCX < 1 s, PDF < 3 s.
Run: .venv/bin/python bench/reports.py [--agencies N]"""

import argparse
import os
import statistics
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

from sakip.examples.generate import generated_pemda  # noqa: E402
from sakip.interchange.importer import EXAMPLES, example_path, import_data, import_file  # noqa: E402
from sakip.organisation.models import Instansi  # noqa: E402
from sakip.reporting.generate import dokumen, render  # noqa: E402


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=100)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    for name in EXAMPLES:
        import_file(example_path(name))
    panti = Instansi.objects.get(slug="kecamatan-panti")
    for fmt in ("docx", "pdf"):
        runs = [timed(lambda f=fmt: render(dokumen(panti, 2020, "lkip"), f)) for _ in range(5)]
        print(f"Panti LKIP 2020 as {fmt.upper()}: median {statistics.median(runs):.2f} s (min {min(runs):.2f} s)")

    if not args.agencies:
        return
    import_data(generated_pemda(args.agencies, 20, 6))
    agencies = list(Instansi.objects.filter(pemda__slug="kabupaten-bench"))
    for fmt in ("docx", "pdf"):
        total = timed(lambda f=fmt: [render(dokumen(a, 2023, "lkip"), f) for a in agencies])
        print(
            f"batch of {len(agencies)} generated LKIPs as {fmt.upper()}: {total:.1f} s, "
            f"{total / len(agencies):.2f} s per report"
        )


if __name__ == "__main__":
    main()
