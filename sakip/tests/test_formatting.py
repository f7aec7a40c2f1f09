"""Indonesian formatting: numbers, money, dates, words, pangkat."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import formatting as fmt
from sakip.calc import Hasil

# --- numbers ------------------------------------------------------------------------


def test_angka_rounds_half_up_not_bankers():
    assert fmt.angka(Decimal("88.605")) == "88,61"
    assert fmt.angka(Decimal("88.615")) == "88,62"
    assert fmt.angka(Decimal("1234567.891")) == "1.234.567,89"
    assert fmt.angka(None) == "-"


def test_angka_and_persen_accept_hasil():
    assert fmt.angka(Hasil(Decimal("88.605"))) == "88,61"
    assert fmt.persen(Hasil(Decimal("78.666"))) == "78,67 %"
    assert fmt.angka(Hasil(None, "target nol")) == "-"
    assert fmt.persen(Hasil(None, "target nol")) == "-"


def test_persen():
    assert fmt.persen(Decimal("78.666")) == "78,67 %"
    assert fmt.persen(100) == "100,00 %"
    assert fmt.persen(None) == "-"


def test_rupiah():
    assert fmt.rupiah(2374523419) == "Rp 2.374.523.419,00"
    assert fmt.rupiah(None) == "-"


def test_ringkas_keeps_existing_behaviour():
    assert fmt.ringkas(80) == "80"
    assert fmt.ringkas(Decimal("70.890")) == "70,89"
    assert fmt.ringkas(Decimal("1234.5")) == "1.234,5"
    assert fmt.ringkas(None) == "-"


@pytest.mark.parametrize(
    ("value", "satuan", "mutu", "expected"),
    [
        (Decimal("80.00"), "", "", "80"),
        (Decimal("70.890"), "%", "", "70,89 %"),
        (Decimal("1500"), "orang", "", "1.500"),
        (80, "nilai", "B", "B (80)"),
        (Decimal("85.5"), "%", "A", "A (85,5 %)"),
        (None, "%", "", "-"),
        (None, "nilai", "B", "-"),
        (Hasil(Decimal("12.345")), "%", "", "12,35 %"),
        (Hasil(None, "tidak ada data"), "%", "", "-"),
    ],
)
def test_nilai(value, satuan, mutu, expected):
    assert fmt.nilai(value, satuan, mutu) == expected


# --- dates, NIP, pangkat --------------------------------------------------------------


def test_tanggal_and_bulan_tahun():
    assert fmt.tanggal(date(2021, 1, 18)) == "18 Januari 2021"
    assert fmt.tanggal(date(2021, 3, 5)) == "5 Maret 2021"
    assert fmt.tanggal(None) == ""
    assert fmt.bulan_tahun(date(2020, 9, 30)) == "September 2020"
    assert fmt.bulan_tahun(date(2021, 2, 1)) == "Februari 2021"
    assert fmt.bulan_tahun(None) == ""


def test_nip():
    assert fmt.nip("196403051992041001") == "NIP. 19640305 199204 1 001"
    assert fmt.nip("") == ""


def test_pangkat():
    assert fmt.pangkat("IV/b") == "Pembina Tingkat I"
    assert fmt.pangkat("iii/a") == "Penata Muda"
    assert fmt.pangkat_golongan("IV/b") == "Pembina Tingkat I (IV/b)"
    assert fmt.pangkat_golongan("iv b") == "Pembina Tingkat I (IV/b)"
    assert fmt.pangkat("") == ""
    assert fmt.pangkat_golongan("") == ""
    assert fmt.pangkat_golongan(None) == ""
    with pytest.raises(ValueError):
        fmt.pangkat("V/a")


# --- terbilang --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (10_000, "sepuluh ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (10_000_000, "sepuluh juta"),
        (100_000_000, "seratus juta"),
        (1_000_000_000, "satu miliar"),
        (1_000_000_000_000, "satu triliun"),
        (
            2374523419,
            "dua miliar tiga ratus tujuh puluh empat juta lima ratus dua puluh tiga ribu empat ratus sembilan belas",
        ),
        (-5, "minus lima"),
        (-1000, "minus seribu"),
    ],
)
def test_terbilang(n, words):
    assert fmt.terbilang(n) == words


def test_terbilang_largest_and_too_large():
    assert fmt.terbilang(999 * 10**12).startswith("sembilan ratus sembilan puluh sembilan triliun")
    assert fmt.terbilang(10**15 - 1).endswith("ribu sembilan ratus sembilan puluh sembilan")
    with pytest.raises(ValueError):
        fmt.terbilang(10**15)
    with pytest.raises(ValueError):
        fmt.terbilang(-(10**15))


def test_terbilang_refuses_non_integers():
    with pytest.raises(TypeError):
        fmt.terbilang(1.5)
    with pytest.raises(ValueError):
        fmt.terbilang(Decimal("1.5"))
    assert fmt.terbilang(Decimal("12")) == "dua belas"


@given(st.integers(min_value=0, max_value=10**12))
def test_terbilang_is_clean(n):
    words = fmt.terbilang(n)
    assert words
    assert "  " not in words
    assert words == words.strip() == words.lower()
    assert "satu ratus" not in words and "satu puluh" not in words  # seratus, sepuluh
    tokens = words.split()
    for i, word in enumerate(tokens[:-1]):  # a lone 1 before ribu is "seribu" (but "dua puluh satu ribu")
        if word == "satu" and tokens[i + 1] == "ribu":
            assert i > 0 and tokens[i - 1] in ("puluh", "ratus", "seratus")  # "seratus satu ribu" = 101.000


def test_jumlah():
    assert fmt.jumlah(3) == "3 (tiga)"
    assert fmt.jumlah(12) == "12 (dua belas)"
    assert fmt.jumlah(1000) == "1.000 (seribu)"


def test_rupiah_terbilang():
    assert fmt.rupiah_terbilang(2400000) == "dua juta empat ratus ribu rupiah"
    assert fmt.rupiah_terbilang(Decimal("2400000.25")) == "dua juta empat ratus ribu rupiah dua puluh lima sen"
    assert fmt.rupiah_terbilang(Decimal("2400000.00")) == "dua juta empat ratus ribu rupiah"
    assert fmt.rupiah_terbilang(Decimal("10.255")) == "sepuluh rupiah dua puluh enam sen"  # half up
    assert fmt.rupiah_terbilang(0) == "nol rupiah"
    assert fmt.rupiah_terbilang(Hasil(Decimal("1000"))) == "seribu rupiah"
