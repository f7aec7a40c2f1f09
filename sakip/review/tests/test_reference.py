"""Document reviu of the real LKIP Kecamatan Panti 2020 (/work/shared/reference): the report's
problems listed in docs/panti-2020-contradictions.md, each at the line where it is."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from sakip.review.document_rules import reviu_dokumen
from sakip.review.reader import read

REFERENCE = Path(settings.BASE_DIR).parent.parent / "shared" / "reference" / "lkip-kecamatan-panti-2020.txt"

# (rule, line) of every error, with the contradiction number of docs/panti-2020-contradictions.md
ERRORS = [
    ("tahun-laporan", 64),  # 9
    ("jumlah-narasi", 76),  # 20: 3 indicators for sasaran 1 (has 1) …
    ("jumlah-narasi", 76),  # … 2 of them "Baik"
    ("jumlah-narasi", 78),  # 17
    ("jumlah-narasi", 80),  # 18
    ("tahun-laporan", 306),  # 10
    ("skala-celah", 342),  # 15
    ("tahun-laporan", 348),  # 11
    ("tahun-laporan", 353),  # 11: Tabel 3.1 title
    ("predikat-skala", 357),  # 16
    ("mutu-skm", 374),  # 1: "B 100" is no grade B
    ("realisasi-beda", 374),  # 4: 79,92
    ("target-beda", 374),  # 1: B 100 against B (80 %)
    ("mutu-skm", 384),  # 1, 4: B 100 % and B 91,51 %
    ("mutu-skm", 384),
    ("realisasi-beda", 384),  # 4, 7
    ("target-beda", 384),  # 1: end target 100 against the Renstra's 85
    ("realisasi-beda", 394),  # 7
    ("distribusi-skm", 409),  # 37
    ("skor-unsur-skm", 421),  # 39
    ("capaian-narasi", 431),  # 23
    ("angka-format", 440),  # 29
    ("realisasi-beda", 473),  # 5
    ("target-beda", 473),  # 2: 95,97
    ("realisasi-beda", 482),  # 6
    ("target-beda", 482),  # 3: 96,27 against the Renstra's 80
    ("realisasi-beda", 492),  # 5, 6
    ("realisasi-beda", 492),
    ("capaian-narasi", 496),  # 23
    ("jumlah-narasi", 498),  # 22: programs …
    ("jumlah-narasi", 498),  # … and kegiatan
    ("anggaran-lintas-tabel", 505),  # 25
    ("total-baris", 554),  # 24
    ("anggaran-narasi", 568),  # 26
    ("anggaran-narasi", 576),  # 26
    ("jumlah-narasi", 584),  # 19: 10 indicators, 8 baik, 2 kurang
    ("jumlah-narasi", 584),
    ("jumlah-narasi", 584),
]
WARNINGS = [
    ("rujukan-tabel", 66),  # 64
    ("total-baris", 84),  # 24, repeated in the ikhtisar
    ("tahun-laporan", 227),  # 13
    ("nomor-urut", 345),  # 15
    ("mutu-skm", 355),  # 4
    ("tahun-laporan", 382),  # 12
    ("tahun-laporan", 392),  # 12
    ("distribusi-skm", 402),  # 38
    ("distribusi-skm", 403),  # 38
    ("total-baris", 586),  # 24, repeated in the penutup
    ("target-beda", 611),  # 1
    ("target-beda", 612),  # 2
    ("target-beda", 613),  # 3
    ("satuan-target", 639),  # 62
    ("target-beda", 639),  # 2: RKT 2021 100 % against the Renstra's 80
    ("rujukan-peraturan", 740),  # 47
    ("nomor-urut", 757),  # 49
    ("nomor-urut", 775),  # 50
]


@pytest.fixture(scope="module")
def findings():
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} tidak ada")
    return reviu_dokumen(read(REFERENCE))


def _line(location: str) -> int | None:
    lines = re.findall(r"baris (\d+)\)", location)
    return int(lines[-1]) if lines else None


def test_every_error_of_the_reference_report_is_found_where_it_is_and_nothing_else(findings):
    found = Counter((f.rule, _line(f.location)) for f in findings if f.severity == "error")
    assert found == Counter(ERRORS)


def test_the_reports_doubtful_places_are_warnings(findings):
    found = {(f.rule, _line(f.location)) for f in findings if f.severity == "warning"}
    assert set(WARNINGS) <= found


def test_the_target_disagreement_names_both_tables_and_values(findings):
    (f,) = [f for f in findings if f.rule == "target-beda" and _line(f.location) == 473]
    assert f.stated == "95,97" and f.expected.startswith("100%")
    assert "Tabel 3.5" in f.location and "Tabel 3.1" in f.message


def test_the_budget_total_says_what_the_rows_add_up_to(findings):
    (f,) = [f for f in findings if f.rule == "total-baris" and f.severity == "error"]
    assert (f.stated, f.expected) == ("314.681.767,00", "313.754.167,00")
    assert "selisih 927.600,00" in f.message and 'baris "TOTAL"' in f.location
