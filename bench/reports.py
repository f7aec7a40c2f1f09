"""Document generation speed: the Panti LKIP as DOCX and as PDF (median of 5), then the LKIP of
100 generated agencies in one batch (seconds per report). Targets: DOCX < 1 s, PDF < 3 s.
Run: .venv/bin/python bench/reports.py [--agencies N]

The virtual machine's speed changes by up to 3× from minute to minute (other guests share the
host), so each figure is printed with the time of a fixed pure-Python loop measured just
before it: compare figures only at a similar reference time."""

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
from sakip.reporting import workers  # noqa: E402
from sakip.reporting.generate import dokumen, render  # noqa: E402


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _loop() -> None:
    total = 0
    for i in range(3_000_000):
        total += i


def reference() -> str:
    """The time of a fixed pure-Python loop (about 0,35 s when the machine runs at full speed)."""
    return f"[reference loop {min(timed(_loop) for _ in range(3)):.2f} s]"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=100)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    for name in EXAMPLES:
        import_file(example_path(name))
    panti = Instansi.objects.get(slug="kecamatan-panti")
    print(f"background processes for charts and PDF parts: {workers.count()}")
    for fmt in ("docx", "pdf"):
        render(dokumen(panti, 2020, "lkip"), fmt)  # first run: fonts, worker start
        ref = reference()
        runs = [timed(lambda f=fmt: render(dokumen(panti, 2020, "lkip"), f)) for _ in range(5)]
        print(f"Panti LKIP 2020 as {fmt.upper()}: median {statistics.median(runs):.2f} s (min {min(runs):.2f} s) {ref}")

    if not args.agencies:
        return
    import_data(generated_pemda(args.agencies, 20, 6))
    agencies = list(Instansi.objects.filter(pemda__slug="kabupaten-bench"))
    for fmt in ("docx", "pdf"):
        ref = reference()
        total = timed(lambda f=fmt: [render(dokumen(a, 2023, "lkip"), f) for a in agencies])
        print(
            f"batch of {len(agencies)} generated LKIPs as {fmt.upper()}: {total:.1f} s, "
            f"{total / len(agencies):.2f} s per report {ref} → {reference()}"
        )


if __name__ == "__main__":
    main()
