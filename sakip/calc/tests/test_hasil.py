from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.calc import Hasil, bulatkan, ke_desimal, teks_angka


def test_inputs_may_be_decimal_int_or_text_and_stay_exact():
    assert ke_desimal(Decimal("70.89")) == Decimal("70.89")
    assert ke_desimal(80) == Decimal(80)
    assert ke_desimal(" 70.89 ") == Decimal("70.89")


@pytest.mark.parametrize("nilai", [70.89, True])
def test_floats_and_booleans_are_refused_so_no_inexact_value_slips_in(nilai):
    with pytest.raises(TypeError):
        ke_desimal(nilai)


@pytest.mark.parametrize("teks", ["", "tujuh", "70,89", "NaN", "Infinity"])
def test_text_that_is_not_a_finite_number_is_refused_with_a_message(teks):
    with pytest.raises(ValueError):
        ke_desimal(teks)


def test_rounding_is_half_up_as_in_indonesian_reports():
    assert bulatkan(Decimal("88.625")) == Decimal("88.63")
    assert bulatkan(Decimal("88.615")) == Decimal("88.62")
    assert bulatkan(Decimal("-50.005")) == Decimal("-50.01")


def test_rounding_works_for_any_magnitude():
    assert bulatkan(Decimal("1E+60")) == Decimal("1E+60")
    assert bulatkan(Decimal("-1E-100")) == 0


def test_rounding_never_prints_negative_zero():
    assert str(bulatkan(Decimal("-0.001"))) == "0.00"


def test_not_computable_result_carries_its_reason():
    h = Hasil(None, "target nol: capaian tidak dapat dihitung")
    assert not h.dapat_dihitung
    assert h.dibulatkan is None


def test_a_result_without_value_must_say_why():
    with pytest.raises(ValueError):
        Hasil(None)


def test_numbers_are_written_the_indonesian_way():
    assert teks_angka(Decimal("1234567.89")) == "1.234.567,89"
    assert teks_angka(Decimal("76.00")) == "76"
    assert teks_angka(Decimal("-0.5")) == "-0,5"
    assert teks_angka(100) == "100"


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=6) | st.decimals(allow_nan=False, allow_infinity=False)
)
def test_rounded_value_is_within_half_a_cent(d):
    assert abs(bulatkan(d) - d) <= Decimal("0.005")
