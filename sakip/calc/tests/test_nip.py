from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.calc import NipError, format_nip, parse_nip

CONTOH = "196403051992041001"


def test_example_nip_is_read_into_its_parts():
    n = parse_nip(CONTOH)
    assert n.tanggal_lahir == date(1964, 3, 5)
    assert n.tmt_cpns == (1992, 4)
    assert n.jenis_kelamin == "L"
    assert n.urut == 1
    assert str(n) == "19640305 199204 1 001"


@pytest.mark.parametrize(
    "teks",
    [
        "19640305 199204 1 001",
        "NIP. 19640305 199204 1 001",
        "nip 19640305.199204.1.001",
        "NIP:19640305-199204-1-001",
        196403051992041001,
    ],
)
def test_nip_is_accepted_with_spaces_dots_and_prefix(teks):
    assert format_nip(teks) == "19640305 199204 1 001"


@pytest.mark.parametrize(
    ("teks", "kata"),
    [
        ("", "kosong"),
        ("19640305 199204 1 00", "18 digit"),
        ("1964030519920410011", "18 digit"),
        ("19640305 199204 1 OO1", "hanya boleh berisi angka"),
        ("19641305 199204 1 001", "bulan 13"),
        ("19640231 199204 1 001", "31 Februari 1964"),
        ("18990305 199204 1 001", "tahun 1899"),
        ("19640305 199213 1 001", "Bulan TMT CPNS"),
        ("19640305 198202 1 001", "berumur 18 tahun"),
        ("19640305 199204 3 001", "jenis kelamin"),
        ("19640305 199204 1 000", "000"),
    ],
)
def test_invalid_nip_says_what_is_wrong(teks, kata):
    with pytest.raises(NipError, match=kata):
        parse_nip(teks)


def test_nip_error_is_a_value_error():
    assert issubclass(NipError, ValueError)


def test_nip_read_from_excel_as_float_is_refused_with_advice():
    with pytest.raises(NipError, match="teks"):
        parse_nip(1.964030519920410e17)


def test_appointment_in_the_month_of_the_18th_birthday_is_allowed():
    assert parse_nip("19640305 198203 2 001").jenis_kelamin == "P"


@st.composite
def nip_sah(draw):
    lahir = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2007, 12, 31)))
    awal = (lahir.year + 18) * 12 + lahir.month - 1
    bulan_ke = draw(st.integers(awal, awal + 12 * 45))
    tmt_th, tmt_bl = divmod(bulan_ke, 12)
    kelamin = draw(st.sampled_from("12"))
    urut = draw(st.integers(1, 999))
    return f"{lahir:%Y%m%d}{tmt_th:04d}{tmt_bl + 1:02d}{kelamin}{urut:03d}"


@given(nip_sah())
def test_formatted_nip_reads_back_to_the_same_nip(digits):
    n = parse_nip(digits)
    assert parse_nip(format_nip(digits)) == n
    assert n.digits == digits
    assert str(n).replace(" ", "") == digits
