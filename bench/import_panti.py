"""Import of the Kecamatan Panti example (the real LKIP 2020 as data), into a fresh SQLite
database and again into a database that already has it (re-import writes nothing).
Run: .venv/bin/python bench/import_panti.py"""

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

from sakip.interchange.importer import example_path, import_file  # noqa: E402
from sakip.organisation.models import Pemda  # noqa: E402

RUNS = 5


def main():
    call_command("migrate", verbosity=0)
    path = example_path("kabupaten-jember.json")
    fresh, again = [], []
    for _ in range(RUNS):
        Pemda.objects.filter(slug="kabupaten-jember").delete()
        t0 = time.perf_counter()
        import_file(path)
        fresh.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        import_file(path)
        again.append(time.perf_counter() - t0)
    print(
        f"Panti example ({path.stat().st_size // 1024} KiB), {RUNS} runs: "
        f"fresh import median {statistics.median(fresh) * 1000:.0f} ms, "
        f"re-import median {statistics.median(again) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
