import pytest

from sakip.calc import GOLONGAN, golongan, pangkat


def test_all_seventeen_golongan_in_order():
    assert list(GOLONGAN)[0] == "I/a"
    assert list(GOLONGAN)[-1] == "IV/e"
    assert len(GOLONGAN) == 17


def test_signature_block_example():
    assert pangkat("IV/b") == "Pembina Tingkat I"
    assert golongan("Pembina Tingkat I") == "IV/b"


@pytest.mark.parametrize("teks", ["iv/b", " IV / b ", "IV b", "IV-B"])
def test_golongan_is_read_leniently(teks):
    assert pangkat(teks) == "Pembina Tingkat I"


@pytest.mark.parametrize("teks", ["pembina tingkat i", "PEMBINA TK. I", "Pembina  Tkt I"])
def test_pangkat_is_case_insensitive_and_knows_the_tk_abbreviation(teks):
    assert golongan(teks) == "IV/b"


@pytest.mark.parametrize("teks", ["III/e", "V/a", "", "IV"])
def test_unknown_golongan_raises_value_error_not_key_error(teks):
    with pytest.raises(ValueError, match="tidak dikenal"):
        pangkat(teks)


def test_unknown_pangkat_raises_value_error():
    with pytest.raises(ValueError, match="tidak dikenal"):
        golongan("Jenderal")


def test_every_pangkat_maps_back_to_its_golongan():
    for kode, nama in GOLONGAN.items():
        assert golongan(nama) == kode
        assert pangkat(kode) == nama
