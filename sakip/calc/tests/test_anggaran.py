from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sakip.calc import Hasil, efisiensi, proporsi, selisih_jumlah, serapan


@pytest.mark.parametrize(
    ("pagu", "realisasi", "persen"),
    [
        ("255975000", "193623560", "75.64"),
        (27975000, 10200000, "36.46"),
        (74400000, 72848000, "97.91"),
        (400000000, 314681767, "78.67"),
        (1974523419, 1593362864, "80.70"),
    ],
)
def test_serapan_matches_the_panti_2020_budget_table(pagu, realisasi, persen):
    assert serapan(pagu, realisasi).dibulatkan == Decimal(persen)


def test_share_of_belanja_langsung_in_the_total_budget():
    assert proporsi(400000000, 2374523419).dibulatkan == Decimal("16.85")


def test_zero_pagu_is_not_computable():
    h = serapan(0, 100)
    assert h.alasan == "pagu nol: serapan tidak dapat dihitung"
    assert not proporsi(1, 0).dapat_dihitung


def test_missing_realisasi_is_not_computable():
    assert serapan(100, None).alasan == "realisasi anggaran belum ada"


def test_total_that_does_not_match_its_rows_is_detected():
    baris = [193623560, 26947607, 0, 72848000, 20335000]
    assert selisih_jumlah(314681767, baris) == 927600


def test_consistent_total_has_zero_difference():
    assert selisih_jumlah("10.5", ["4.25", "6.25"]) == 0


def test_empty_row_is_refused_rather_than_counted_as_zero():
    with pytest.raises(ValueError, match="Baris ke-2"):
        selisih_jumlah(10, [5, None])


def test_efficiency_reads_as_points_and_as_index():
    e = efisiensi("88.6125", "75.64")
    assert e.selisih == Decimal("12.9725")
    assert e.indeks.dibulatkan == Decimal("117.15")
    assert e.efisien is True


def test_spending_more_than_achieving_is_not_efficient():
    assert efisiensi(70, 80).efisien is False


def test_efficiency_is_decided_on_the_printed_difference():
    e = efisiensi("100.001", "100.004")
    assert e.selisih < 0
    assert e.efisien is True  # both print as 100,00


def test_efficiency_with_zero_serapan_has_difference_but_no_index():
    e = efisiensi(50, 0)
    assert e.selisih == 50
    assert not e.indeks.dapat_dihitung


def test_efficiency_passes_on_why_capaian_is_missing():
    e = efisiensi(Hasil(None, "target nol: capaian tidak dapat dihitung"), 80)
    assert e.selisih is None and e.efisien is None
    assert "target nol" in e.indeks.alasan


@given(st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2))
def test_spending_the_whole_pagu_is_100(p):
    assume(p != 0)
    assert serapan(p, p).nilai == 100


@given(st.lists(st.decimals(min_value=0, max_value=Decimal("1e13"), places=2), max_size=20))
def test_total_equal_to_sum_of_rows_has_no_difference(baris):
    assert selisih_jumlah(sum(baris, Decimal(0)), baris) == 0
