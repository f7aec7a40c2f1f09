"""Reading printed numbers, rounding tolerance and SKM grade bands (sakip.calc.reviu, no Django)."""

from decimal import Decimal

import pytest

from sakip.calc.reviu import (
    MUTU_KEPMENPAN_25_2004,
    MUTU_PERMENPAN_14_2017,
    Angka,
    Temuan,
    baca_angka,
    baca_nilai,
    cocok_rumus,
    dibulatkan_sama,
    metode_disebut,
    salah_format,
    urutkan,
)


@pytest.mark.parametrize(
    "text, value, decimals",
    [
        ("1.234.567,89", "1234567.89", 2),
        ("78,67", "78.67", 2),
        ("1.825", "1825", 0),  # dots in groups of three are thousands, as operators type them
        ("70.89", "70.89", 2),
        ("12,345,678.90", "12345678.90", 2),  # English notation in an Indonesian report
        ("100", "100", 0),
    ],
)
def test_numbers_read_with_dot_or_comma_thousands(text, value, decimals):
    assert baca_angka(text) == Angka(Decimal(value), decimals)


@pytest.mark.parametrize("token", ["1.3.69", "2.40.000", "1,2.3"])
def test_malformed_numbers_are_recognised(token):
    assert baca_angka(token) is None and salah_format(token)


def test_a_well_formed_number_is_not_malformed():
    assert not salah_format("1.369") and not salah_format("95,79")


@pytest.mark.parametrize(
    "text, angka, mutu, persen",
    [
        ("B (80 %)", "80", "B", True),
        ("B (70,89%)", "70.89", "B", True),
        ("85 (B)", "85", "B", False),
        ("B 100 %", "100", "B", True),
        ("100%", "100", "", True),
        ("100 %", "100", "", True),
        ("Rp 2.400.000,00", "2400000.00", "", False),
        ("Rp.2.400.000", "2400000", "", False),
        ("RP.1.974.523.419,00", "1974523419.00", "", False),
        ("270 Orang", "270", "", False),
        ("125 per 100.000 KH", "125", "", False),
    ],
)
def test_value_cells_as_reports_write_them(text, angka, mutu, persen):
    v = baca_nilai(text)
    assert v.angka.nilai == Decimal(angka) and v.mutu == mutu and v.persen == persen


def test_a_range_target_keeps_both_bounds():
    v = baca_nilai("60–85 %")
    assert (v.angka.nilai, v.atas.nilai) == (Decimal(60), Decimal(85))


@pytest.mark.parametrize("text", ["", "-", "KK = 1.825 KTP = 2.310", "Baik", "95,79 97,53"])
def test_cells_that_are_not_one_value(text):
    assert baca_nilai(text) is None or baca_nilai(text).angka is None


def test_same_value_compares_numbers_and_grades_separately():
    assert baca_nilai("B").sama(baca_nilai("B (80 %)"))
    assert not baca_nilai("B (80 %)").sama(baca_nilai("B 100"))
    assert not baca_nilai("85 (B)").sama(baca_nilai("85 (A)"))


def test_half_up_rounding_is_right_and_half_even_is_not():
    assert dibulatkan_sama(Angka(Decimal("0.13"), 2), Decimal("0.125"))
    assert not dibulatkan_sama(Angka(Decimal("0.12"), 2), Decimal("0.125"))
    assert dibulatkan_sama(Angka(Decimal("88.61"), 2), Decimal("88.6125"))


def test_a_result_from_rounded_inputs_is_accepted_within_their_rounding():
    # 70,89 / 80 = 88,6125; from an unrounded realisasi 70,894 the report may print 88,62
    pos = lambda t, r: r * 100 / t  # noqa: E731
    assert cocok_rumus(Angka(Decimal("88.62"), 2), pos, Angka(Decimal(80), 0), Angka(Decimal("70.89"), 2))
    assert not cocok_rumus(Angka(Decimal("88.70"), 2), pos, Angka(Decimal(80), 0), Angka(Decimal("70.89"), 2))


def test_skm_grade_bands_of_both_regulations():
    assert MUTU_PERMENPAN_14_2017.mutu(Decimal("76.60"))[0] == "C"
    assert MUTU_PERMENPAN_14_2017.mutu(Decimal("76.61"))[0] == "B"
    assert MUTU_PERMENPAN_14_2017.mutu(Decimal("88.31")) == ("A", "Sangat Baik")
    assert MUTU_KEPMENPAN_25_2004.mutu(Decimal("70.89")) == ("B", "Baik")
    assert MUTU_KEPMENPAN_25_2004.mutu(Decimal("81.26"))[0] == "A"


def test_the_method_a_text_names():
    assert metode_disebut("sesuai PermenPANRB Nomor 14 Tahun 2017") is MUTU_PERMENPAN_14_2017
    assert metode_disebut("KepmenPAN 25/2004") is MUTU_KEPMENPAN_25_2004
    assert metode_disebut("survei kepuasan") is None


def test_a_finding_has_the_json_keys_the_acceptance_checks_read():
    t = Temuan("total-baris", "error", "Tabel 3.9 › baris TOTAL", "pesan", "1", "2")
    assert list(t.as_json()) == ["rule", "severity", "location", "message", "stated", "expected"]
    with pytest.raises(ValueError):
        Temuan("x", "fatal", "", "")


def test_errors_come_first():
    ts = [Temuan("a", "info", "", ""), Temuan("b", "error", "", ""), Temuan("c", "warning", "", "")]
    assert [t.severity for t in urutkan(ts)] == ["error", "warning", "info"]
