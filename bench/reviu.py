"""Document reviu speed: the reference report (plain text) and a ~100-page LKIP generated from a
synthetic agency with many indicators, rendered once as PDF and DOCX (median of 5 reviu runs
each, reading included). Target: under 2 s each.
Run: .venv/bin/python bench/reviu.py [--indicators N]"""

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
from sakip.interchange.importer import import_data  # noqa: E402
from sakip.organisation.models import Instansi  # noqa: E402
from sakip.reporting.generate import dokumen, render  # noqa: E402
from sakip.review.document_rules import reviu_dokumen  # noqa: E402
from sakip.review.reader import read  # noqa: E402

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "lkip-kecamatan-panti-2020.txt"


def median_reviu(path: Path) -> tuple[float, int, int]:
    runs, findings = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        doc = read(path)
        findings = reviu_dokumen(doc)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), len(findings), sum(1 for f in findings if f.severity == "error")


def pages(path: Path) -> int:
    import pymupdf

    with pymupdf.open(path) as d:
        return d.page_count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--indicators", type=int, default=250)
    args = parser.parse_args()
    if REFERENCE.exists():
        t, n, e = median_reviu(REFERENCE)
        print(f"reference report (txt, 821 lines): median {t:.2f} s, {n} findings ({e} errors)")
    call_command("migrate", verbosity=0)
    import_data(generated_pemda(agencies=1, indicators=args.indicators, years=6))
    agency = Instansi.objects.get(pemda__slug="kabupaten-bench")
    out = Path(tempfile.mkdtemp(prefix="sakip-bench-reviu-"))
    for fmt in ("pdf", "docx"):
        path = out / f"lkip.{fmt}"
        path.write_bytes(render(dokumen(agency, 2023, "lkip"), fmt))
        if fmt == "pdf":
            print(f"generated LKIP: {args.indicators} indicators, {pages(path)} pages")
        t, n, e = median_reviu(path)
        print(f"generated LKIP ({fmt}): median {t:.2f} s, {n} findings ({e} errors)")


if __name__ == "__main__":
    main()
