from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sakip.calc import JenisNilai, Rumus, banding_nasional, capaian, perubahan, tingkat_kemajuan

angka = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), allow_nan=False, places=4)
positif = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("1e9"), places=4)


# Pinned examples (the Panti 2020 report and the brief).


def test_positive_capaian_is_realisasi_over_target_exactly():
    h = capaian(80, "70.89")
    assert h.nilai == Decimal("88.6125")
    assert h.dibulatkan == Decimal("88.61")


def test_pinned_positive_examples():
    assert capaian(100, "86.90").nilai == Decimal("86.90")
    assert capaian(100, 100).nilai == 100
    assert capaian("96.27", "95.79").dibulatkan == Decimal("99.50")


def test_negative_polarity_uses_two_t_minus_r():
    assert capaian(10, 12, Rumus.NEGATIF).nilai == 80


def test_negative_polarity_may_go_below_zero_and_is_not_clamped():
    assert capaian(10, 25, Rumus.NEGATIF).nilai == -50


def test_ratio_variant_divides_target_by_realisasi():
    assert capaian(10, 8, Rumus.NEGATIF_RASIO).nilai == Decimal("125")


def test_rumus_may_be_given_as_its_stored_text():
    assert capaian(10, 12, "negatif").nilai == 80
    with pytest.raises(ValueError, match="tidak dikenal"):
        capaian(10, 12, "terbalik")


# Not computable cases.


@pytest.mark.parametrize("rumus", [Rumus.POSITIF, Rumus.NEGATIF])
def test_zero_target_is_not_computable_instead_of_dividing(rumus):
    h = capaian(0, 5, rumus)
    assert not h.dapat_dihitung
    assert h.alasan == "target nol: capaian tidak dapat dihitung"


def test_ratio_variant_with_zero_realisasi_is_not_computable():
    h = capaian(10, 0, Rumus.NEGATIF_RASIO)
    assert not h.dapat_dihitung
    assert "realisasi nol" in h.alasan


def test_missing_target_or_realisasi_says_which_is_missing():
    assert capaian(None, 5).alasan == "target belum ada"
    assert capaian(5, None).alasan == "realisasi belum ada"


def test_floats_are_refused():
    with pytest.raises(TypeError):
        capaian(80.0, 70)


# Kinds of value.


def test_grade_targets_compute_on_their_number():
    assert capaian(80, 85, jenis=JenisNilai.PREDIKAT).nilai == Decimal("106.25")


def test_percentage_values_compute_like_numbers():
    assert capaian(100, "86.90", jenis="persen").nilai == Decimal("86.90")


def test_milestone_done_is_100_and_not_done_is_0():
    assert capaian(1, 1, jenis=JenisNilai.MILESTONE).nilai == 100
    assert capaian(1, 0, jenis=JenisNilai.MILESTONE).nilai == 0


def test_milestone_with_other_values_is_not_computable():
    assert "realisasi milestone" in capaian(1, 2, jenis=JenisNilai.MILESTONE).alasan
    assert "target milestone" in capaian(2, 1, jenis=JenisNilai.MILESTONE).alasan


def test_milestone_cannot_have_a_range_target():
    with pytest.raises(ValueError):
        capaian(1, 1, target_atas=2, jenis=JenisNilai.MILESTONE)


# Range targets (SKP, PermenPANRB 6/2022).


def test_realisasi_inside_a_range_target_is_100():
    assert capaian(80, 85, target_atas=90).nilai == 100
    assert capaian(80, 80, target_atas=90).nilai == 100
    assert capaian(80, 90, target_atas=90).nilai == 100


def test_above_the_range_is_measured_against_the_upper_bound():
    assert capaian(80, 99, target_atas=90).nilai == Decimal("110")
    assert capaian(80, 99, Rumus.NEGATIF, target_atas=90).nilai == Decimal("90")


def test_below_the_range_is_measured_against_the_lower_bound():
    assert capaian(80, 60, target_atas=90).nilai == Decimal("75")
    assert capaian(80, 60, Rumus.NEGATIF, target_atas=90).nilai == Decimal("125")


def test_inverted_range_is_a_configuration_error():
    with pytest.raises(ValueError, match="lebih kecil"):
        capaian(90, 85, target_atas=80)


def test_zero_lower_bound_is_only_a_problem_below_the_range():
    assert capaian(0, 3, target_atas=5).nilai == 100
    assert capaian(0, -1, target_atas=5).alasan.startswith("batas bawah target nol")


# Properties.


@given(positif, angka, angka)
def test_positive_capaian_rises_with_realisasi(t, r1, r2):
    lo, hi = sorted((r1, r2))
    assert capaian(t, lo).nilai <= capaian(t, hi).nilai


@given(positif, angka, angka)
def test_negative_capaian_falls_as_realisasi_rises(t, r1, r2):
    lo, hi = sorted((r1, r2))
    assert capaian(t, lo, Rumus.NEGATIF).nilai >= capaian(t, hi, Rumus.NEGATIF).nilai


@given(angka, st.sampled_from(list(Rumus)))
def test_meeting_the_target_exactly_is_100_for_every_rumus(t, rumus):
    assume(t != 0)
    assert capaian(t, t, rumus).nilai == 100


@given(angka, positif, st.floats(0, 1), st.sampled_from(list(Rumus)))
def test_anywhere_inside_a_range_is_100(lo, lebar, f, rumus):
    hi = lo + lebar
    r = lo + lebar * Decimal(str(round(f, 3)))
    assert capaian(lo, r, rumus, target_atas=hi).nilai == 100


@given(positif, positif, angka, angka)
def test_range_capaian_rises_with_realisasi(lo, lebar, r1, r2):
    r1, r2 = sorted((r1, r2))
    hi = lo + lebar
    assert capaian(lo, r1, target_atas=hi).nilai <= capaian(lo, r2, target_atas=hi).nilai


# Other comparisons in BAB III.


def test_progress_towards_the_renstra_end_target_uses_the_same_formula():
    assert tingkat_kemajuan(75, 100).nilai == 75
    assert tingkat_kemajuan(12, 10, Rumus.NEGATIF).nilai == 80
    assert tingkat_kemajuan(5, None).alasan == "target akhir Renstra belum ada"
    assert "target akhir Renstra nol" in tingkat_kemajuan(5, 0).alasan


def test_tingkat_kemajuan_inside_a_range_end_target_is_100():
    # BOR 71,2 against a Renstra end target of 60–85: on target, not 118,67 % of the lower bound
    assert tingkat_kemajuan(Decimal("71.2"), 60, target_atas=85).nilai == 100
    assert tingkat_kemajuan(90, 60, target_atas=85).dibulatkan == Decimal("105.88")  # above: against 85
    assert tingkat_kemajuan(30, 60, target_atas=85).nilai == 50  # below: against 60


def test_change_from_last_year_gives_difference_and_percentage():
    p = perubahan("88.61", "80")
    assert p.selisih == Decimal("8.61")
    assert p.persen.nilai == Decimal("10.7625")


def test_change_is_relative_to_the_size_of_a_negative_earlier_value():
    p = perubahan(-5, -10)
    assert p.selisih == 5
    assert p.persen.nilai == 50


def test_change_from_zero_has_a_difference_but_no_percentage():
    p = perubahan(5, 0)
    assert p.selisih == 5
    assert not p.persen.dapat_dihitung


def test_change_without_earlier_data_is_not_computable():
    p = perubahan(5, None)
    assert p.selisih is None
    assert p.persen.alasan == "nilai sebelumnya belum ada"


def test_national_comparison_needs_the_national_figure():
    assert banding_nasional(90, 100).nilai == 90
    assert banding_nasional(90, None).alasan == "data nasional tidak tersedia"
    assert banding_nasional(8, 10, Rumus.NEGATIF).nilai == 120
