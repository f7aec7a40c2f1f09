from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.calc import (
    SKALA_MALUKU_TENGAH_2021,
    SKALA_PANTI_2020,
    SKALA_SAMPANG_2019,
    Hasil,
    Rentang,
    Skala,
    capaian,
)


def jenis(skala):
    return [m.jenis for m in skala.periksa()]


# Labels.


@pytest.mark.parametrize(
    ("rentang", "label"),
    [
        (Rentang("Baik", 76, True, 100, True), "76 ≤ x ≤ 100"),
        (Rentang("Sangat Baik", 100, False, None, False), "> 100"),
        (Rentang("Kurang", None, False, 55, False), "< 55"),
        (Rentang("Cukup", 55, True, 76, False), "55 ≤ x < 76"),
        (Rentang("Baik", "88.3", False, None, False), "> 88,3"),
        (Rentang("Titik", 5, True, 5, True), "x = 5"),
    ],
)
def test_band_labels_are_readable(rentang, label):
    assert rentang.label() == label


def test_infinite_bound_cannot_be_inclusive():
    r = Rentang("Kurang", None, True, 55, False)
    assert r.bawah_inklusif is False
    assert r.memuat(Decimal("-1e30"))


# The example (Panti 2020) as written.


def test_example_scale_as_written_reports_the_gap_between_75_and_76():
    masalah = SKALA_PANTI_2020.periksa()
    assert [m.jenis for m in masalah] == ["celah"]
    assert "75" in masalah[0].pesan and "76" in masalah[0].pesan


def test_scale_with_problems_refuses_to_give_predicates():
    with pytest.raises(ValueError, match="celah antara 75 dan 76"):
        SKALA_PANTI_2020.predikat(80)


def test_proposal_for_the_example_is_valid_and_half_open():
    usulan = SKALA_PANTI_2020.usulan_setengah_terbuka()
    assert usulan.periksa() == []
    labels = {r.predikat: r.label() for r in usulan.rentang}
    assert labels == {
        "Kurang": "< 55",
        "Cukup": "55 ≤ x < 76",
        "Baik": "76 ≤ x ≤ 100",
        "Sangat Baik": "> 100",
    }


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        (100, "Baik"),
        ("88.61", "Baik"),
        ("100.004", "Baik"),
        ("100.005", "Sangat Baik"),
        ("100.01", "Sangat Baik"),
        ("75.5", "Cukup"),
        ("75.999", "Baik"),
        ("54.994", "Kurang"),
        (-50, "Kurang"),
    ],
)
def test_predicate_under_the_proposal_follows_the_printed_value(nilai, predikat):
    assert SKALA_PANTI_2020.usulan_setengah_terbuka().predikat(nilai) == predikat


def test_full_capaian_is_baik_not_sangat_baik_as_the_example_printed():
    usulan = SKALA_PANTI_2020.usulan_setengah_terbuka()
    assert usulan.predikat(capaian(100, 100)) == "Baik"
    assert usulan.predikat(capaian(80, "70.89")) == "Baik"


def test_not_computable_capaian_has_no_predicate():
    usulan = SKALA_PANTI_2020.usulan_setengah_terbuka()
    assert usulan.predikat(capaian(0, 5)) is None
    assert usulan.predikat(None) is None
    assert usulan.predikat(Hasil(None, "realisasi belum ada")) is None


# Other agencies' scales.


def test_sampang_scale_written_closed_has_four_gaps_and_nothing_above_100():
    assert jenis(SKALA_SAMPANG_2019) == ["celah"] * 4 + ["tidak-mencakup"]
    assert jenis(SKALA_SAMPANG_2019.usulan_setengah_terbuka()) == ["tidak-mencakup"]


def test_maluku_tengah_scale_is_gap_free_but_misses_below_0_and_above_100():
    masalah = SKALA_MALUKU_TENGAH_2021.periksa()
    assert [m.jenis for m in masalah] == ["tidak-mencakup", "tidak-mencakup"]
    assert masalah[0].pesan.startswith("Nilai < 0")
    assert masalah[1].pesan.startswith("Nilai > 100")


def test_overlapping_bands_are_reported_with_the_shared_values():
    skala = Skala(
        "tumpang-tindih",
        (
            Rentang("Sangat Baik", 85, True, None, False),
            Rentang("Baik", 76, True, 90, True),
            Rentang("Kurang", None, False, 76, False),
        ),
    )
    masalah = skala.periksa()
    assert [m.jenis for m in masalah] == ["tumpang-tindih"]
    assert "85 ≤ x ≤ 90" in masalah[0].pesan
    assert skala.usulan_setengah_terbuka().periksa() == masalah


def test_closed_bands_sharing_a_boundary_overlap_at_that_point():
    skala = Skala(
        "titik",
        (
            Rentang("Kurang", None, False, 55, True),
            Rentang("Cukup", 55, True, None, False),
        ),
    )
    masalah = skala.periksa()
    assert [m.jenis for m in masalah] == ["tumpang-tindih"]
    assert "nilai 55 punya dua predikat" in masalah[0].pesan
    usulan = skala.usulan_setengah_terbuka()
    assert usulan.periksa() == []
    assert usulan.predikat(55) == "Cukup"


def test_both_sides_open_at_a_boundary_leaves_that_value_without_predicate():
    skala = Skala(
        "lubang",
        (
            Rentang("Kurang", None, False, 55, False),
            Rentang("Cukup", 55, False, None, False),
        ),
    )
    masalah = skala.periksa()
    assert [m.jenis for m in masalah] == ["celah"]
    assert "nilai 55 tidak punya predikat" in masalah[0].pesan
    assert skala.usulan_setengah_terbuka().predikat(55) == "Kurang"


def test_scale_not_reaching_down_is_reported():
    skala = Skala(
        "tanpa bawah",
        (Rentang("Baik", 50, True, None, False), Rentang("Cukup", 0, True, 50, False)),
    )
    masalah = skala.periksa()
    assert [m.jenis for m in masalah] == ["tidak-mencakup"]
    assert masalah[0].pesan.startswith("Nilai < 0 tidak punya predikat")


def test_inverted_band_is_reported_as_empty():
    skala = Skala(
        "terbalik",
        (
            Rentang("Kurang", None, False, 50, False),
            Rentang("Baik", 100, True, 50, True),
            Rentang("Sangat Baik", 50, True, None, False),
        ),
    )
    masalah = skala.periksa()
    assert [m.jenis for m in masalah] == ["rentang-kosong"]
    assert "100" in masalah[0].pesan and "50" in masalah[0].pesan


def test_scale_without_bands_covers_nothing():
    assert jenis(Skala("kosong", ())) == ["tidak-mencakup"]


def test_precision_of_a_scale_can_be_finer_than_two_decimals():
    skala = Skala(
        "NI",
        (
            Rentang("C", None, False, "3.0644", False),
            Rentang("B", "3.0644", True, None, False),
        ),
        desimal=4,
    )
    assert skala.predikat("3.06434") == "C"
    assert skala.predikat("3.06435") == "B"


# Property: the half-open proposal of closed bands with gaps is always valid.

titik = st.decimals(min_value=Decimal(-1000), max_value=Decimal(1000), places=2, allow_nan=False)


@st.composite
def skala_dengan_celah(draw):
    """Sorted closed bands, the ends reaching ±∞, neighbours touching or apart."""
    batas = sorted(set(draw(st.lists(titik, min_size=1, max_size=12))))
    rentang = []
    bawah, bawah_inklusif = None, False
    for i, b in enumerate(batas):
        if bawah is not None and b < bawah:
            continue
        rentang.append(Rentang(f"P{i}", bawah, bawah_inklusif, b, True))
        if draw(st.booleans()):
            bawah, bawah_inklusif = b, False  # touches exactly
        else:
            bawah, bawah_inklusif = b + Decimal(draw(st.sampled_from(["0.01", "0.5", "1"]))), True
    rentang.append(Rentang("Atas", bawah, bawah_inklusif, None, False))
    urutan = draw(st.permutations(rentang))
    return Skala("acak", tuple(urutan))


@given(skala_dengan_celah(), st.lists(titik | st.decimals(allow_nan=False, allow_infinity=False)))
def test_proposal_gives_every_value_exactly_one_predicate(skala, nilai):
    usulan = skala.usulan_setengah_terbuka()
    assert usulan.periksa() == []
    for v in nilai:
        assert sum(r.memuat(v) for r in usulan.rentang) == 1
        assert usulan.predikat(v) is not None


@given(skala_dengan_celah())
def test_proposal_keeps_every_value_that_already_had_a_predicate(skala):
    usulan = skala.usulan_setengah_terbuka()
    for lama, baru in zip(skala.rentang, usulan.rentang, strict=True):
        assert lama.predikat == baru.predikat
        for v in (lama.bawah, lama.atas):
            if v is not None and lama.memuat(v):
                assert baru.memuat(v)
