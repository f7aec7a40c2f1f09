"""SKM calculations pinned to hand-computed results (PermenPANRB 14/2017, KepmenPAN 25/2004)."""

from decimal import Decimal

import pytest

from sakip.calc.skm import (
    KEPMENPAN_25_2004,
    PERMENPAN_14_2017,
    Sebaran,
    hitung_jawaban,
    hitung_survei,
    nrr_distribusi,
    sampel_minimal,
    skala_100,
)

D = Decimal

# The reference report (LKIP Kecamatan Panti 2020, "Penjelasan hasil survai"): unsur 1 and 2
# have no distribution, 3–14 the percentages of Tidak Baik / Kurang Baik / Baik / Sangat Baik.
PANTI = {
    3: (0, 0, 100, 0),
    4: (0, 40, 20, 40),
    5: (0, 10, 80, 10),
    6: (0, 10, 90, 0),
    7: (0, 10, 70, 20),
    8: (10, 30, 50, 10),
    9: (0, 90, 10, 0),
    10: (40, 10, 40, 10),
    11: (10, 0, 90, 0),
    12: (0, 30, 60, 10),
    13: (10, 10, 80, 0),
    14: (0, 0, 10, 90),
}


def panti(acuan=KEPMENPAN_25_2004):
    unsur = [(n, f"U{n}", Sebaran.dari_persen(PANTI[n]) if n in PANTI else None) for n in range(1, 15)]
    return hitung_survei(acuan, unsur)


def seragam(acuan, jumlah: tuple, k: int, **kw):
    """A survey whose every unsur has the same answer counts."""
    return hitung_survei(acuan, [(n, f"U{n}", Sebaran.dari_jumlah(jumlah)) for n in range(1, k + 1)], **kw)


def test_unsur_score_follows_from_the_answer_distribution():
    # the reference report's unsur 3 (Kecepatan Pelayanan): 0 / 0 / 100 / 0 % → 3,00 → 75
    assert nrr_distribusi((0, 0, 100, 0)).nilai == 3
    assert skala_100(nrr_distribusi((0, 0, 100, 0))).nilai == 75
    # unsur 9: 0 / 90 / 10 / 0 → 2,10
    assert nrr_distribusi((0, 90, 10, 0)).dibulatkan == Decimal("2.10")
    # unsur 14: 0 / 0 / 10 / 90 → 3,90
    assert nrr_distribusi((0, 0, 10, 90)).dibulatkan == Decimal("3.90")


def test_a_missing_distribution_is_not_computable():
    assert not nrr_distribusi((None, None, None, None)).dapat_dihitung
    assert not nrr_distribusi((0, 0, 0, 0)).dapat_dihitung


def test_reference_report_scores_average_and_below_average_unsur():
    h = panti()
    by_no = {u.nomor: u for u in h.unsur}
    assert (by_no[3].nrr.dibulatkan, by_no[3].nik.dibulatkan) == (D("3.00"), D("75.00"))
    assert (by_no[9].nrr.dibulatkan, by_no[9].nik.dibulatkan) == (D("2.10"), D("52.50"))
    assert (by_no[14].nrr.dibulatkan, by_no[14].nik.dibulatkan) == (D("3.90"), D("97.50"))
    # 34,1 / 12 = 2,841666… → × 25 = 71,041666…: the report printed 70,89
    assert h.ikm.dibulatkan == D("2.84") and h.nik.dibulatkan == D("71.04") and h.rerata.dibulatkan == D("71.04")
    assert [u.nomor for u in h.prioritas] == [9, 10, 8, 13, 11, 12]  # the report names only 10, 9, 8
    assert [u.nomor for u in h.tanpa_data] == [1, 2] and h.k == 12
    assert h.catatan == ["Unsur 1, 2 tanpa data jawaban; indeks dihitung dari 12 unsur."]
    # The report's "B (70,89)" is B only on KepmenPAN 25/2004 intervals; PermenPANRB 14/2017 gives C.
    assert h.mutu.huruf == "B" and h.mutu.kinerja == "Baik"
    assert panti(PERMENPAN_14_2017).mutu.huruf == "C"
    assert PERMENPAN_14_2017.mutu_dari(D("70.89")).kinerja == "Kurang Baik"
    assert KEPMENPAN_25_2004.mutu_dari(D("70.89")).huruf == "B"


@pytest.mark.parametrize(
    ("nik", "mutu"),
    [
        ("64.99", "D"),
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.604", "C"),
        ("76.605", "B"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.31", "A"),
        ("100", "A"),
        ("25", "D"),
    ],
)
def test_permenpan_14_2017_interval_edges_on_the_printed_value(nik, mutu):
    assert PERMENPAN_14_2017.mutu_dari(D(nik)).huruf == mutu


@pytest.mark.parametrize(
    ("nik", "mutu"),
    [("43.75", "D"), ("43.76", "C"), ("62.50", "C"), ("62.51", "B"), ("81.25", "B"), ("81.26", "A")],
)
def test_kepmenpan_25_2004_interval_edges(nik, mutu):
    assert KEPMENPAN_25_2004.mutu_dari(D(nik)).huruf == mutu


def test_permenpan_survey_on_the_c_b_edge():
    # 936 × 3 + 64 × 4 = 3064 over 1000 answers: NRR 3,064 on all 9 unsur → IKM 3,064 → 76,60 → C
    h = seragam(PERMENPAN_14_2017, (0, 0, 936, 64), 9)
    assert (h.ikm.nilai, h.nik.nilai, h.mutu.huruf, h.mutu.kinerja) == (D("3.064"), D("76.6"), "C", "Kurang Baik")
    # 9356 × 3 + 644 × 4 over 10 000: 3,0644 → 76,61 → B
    h = seragam(PERMENPAN_14_2017, (0, 0, 9356, 644), 9)
    assert (h.nik.nilai, h.mutu.huruf) == (D("76.61"), "B")
    assert h.jumlah_responden == 10000 and h.bobot * 9 == 1


def test_permenpan_survey_on_the_b_a_edge_and_the_0_11_weight():
    h = seragam(PERMENPAN_14_2017, (0, 0, 468, 532), 9)  # 3,532 → 88,30
    assert (h.nik.nilai, h.mutu.huruf) == (D("88.3"), "B")
    h = seragam(PERMENPAN_14_2017, (0, 0, 4676, 5324), 9)  # 3,5324 → 88,31
    assert (h.nik.nilai, h.mutu.huruf) == (D("88.31"), "A")
    # The weight as printed: 9 × 3,5324 × 0,11 = 3,497076 → 87,4269 → 87,43: B, not A
    r = seragam(PERMENPAN_14_2017, (0, 0, 4676, 5324), 9, bobot_dibulatkan=True)
    assert r.bobot == D("0.11") and r.ikm.nilai == D("3.497076")
    assert (r.nik.dibulatkan, r.mutu.huruf) == (D("87.43"), "B")
    assert r.rerata.dibulatkan == D("88.31")  # the average unsur score does not depend on the weight


def test_mixed_unsur_exact_and_rounded_weight():
    # NRR 3,2 3,1 3,0 3,4 3,3 3,2 3,5 2,9 3,0 (10 respondents each): Σ 28,6
    jumlah = [
        (0, 0, 8, 2),
        (0, 0, 9, 1),
        (0, 0, 10, 0),
        (0, 0, 6, 4),
        (0, 0, 7, 3),
        (0, 0, 8, 2),
        (0, 0, 5, 5),
        (0, 1, 9, 0),
        (0, 0, 10, 0),
    ]
    unsur = [(n, f"U{n}", Sebaran.dari_jumlah(j)) for n, j in enumerate(jumlah, start=1)]
    tepat = hitung_survei(PERMENPAN_14_2017, unsur)
    assert tepat.nik.dibulatkan == D("79.44") and tepat.mutu.huruf == "B"  # 28,6 / 9 × 25 = 79,444…
    bulat = hitung_survei(PERMENPAN_14_2017, unsur, bobot_dibulatkan=True)
    assert bulat.ikm.nilai == D("3.146") and bulat.nik.nilai == D("78.65")  # 28,6 × 0,11 × 25
    assert [u.nomor for u in tepat.prioritas] == [8, 3, 9, 2]  # below 79,44: 72,50, 75,00, 75,00, 77,50
    assert {u.nomor: u.mutu.huruf for u in tepat.unsur}[7] == "B"  # 3,5 → 87,50


def test_kepmenpan_survey_on_the_c_b_edge_and_its_printed_weight():
    h = seragam(KEPMENPAN_25_2004, (0, 5, 5, 0), 14)  # NRR 2,5 → 62,50 → C
    assert (h.nik.nilai, h.mutu.huruf) == (D("62.5"), "C")
    h = seragam(KEPMENPAN_25_2004, (0, 4996, 5004, 0), 14)  # 2,5004 → 62,51 → B
    assert (h.nik.nilai, h.mutu.huruf, h.mutu.kinerja) == (D("62.51"), "B", "Baik")
    r = seragam(KEPMENPAN_25_2004, (0, 4996, 5004, 0), 14, bobot_dibulatkan=True)
    # 14 × 2,5004 × 0,071 = 2,4853976 → 62,13494 → 62,13: C
    assert r.bobot == D("0.071") and r.ikm.nilai == D("2.4853976") and r.mutu.huruf == "C"


@pytest.mark.parametrize(
    ("populasi", "sampel"), [(50, 44), (100, 80), (300, 169), (1000, 278), (2000, 322), (186420, 383)]
)
def test_krejcie_morgan_sample_sizes(populasi, sampel):
    assert sampel_minimal(populasi) == sampel


def test_sample_adequacy_against_the_stated_population():
    h = seragam(PERMENPAN_14_2017, (0, 1, 40, 39), 9, populasi=100)
    assert (h.sampel.minimal, h.sampel.responden, h.sampel.cukup) == (80, 80, True)
    h = seragam(PERMENPAN_14_2017, (0, 1, 40, 38), 9, populasi=100)
    assert h.sampel.cukup is False
    with pytest.raises(ValueError):
        sampel_minimal(0)


def test_answers_per_respondent_are_counted_per_unsur():
    rows = [(4, 3, 1), (3, 3, 2), (4, 2, 2), (1, 4, 2)]
    assert hitung_jawaban(rows, 3) == [(1, 0, 1, 2), (0, 1, 2, 1), (1, 3, 0, 0)]
    assert Sebaran.dari_jumlah((1, 0, 1, 2)).nrr().nilai == D("3")  # (1 + 3 + 8) / 4
    with pytest.raises(ValueError, match="1–4"):
        hitung_jawaban([(5, 3, 1)], 3)
    with pytest.raises(ValueError, match="tepat 3"):
        hitung_jawaban([(4, 3)], 3)


def test_comparison_with_the_previous_period():
    lalu = seragam(PERMENPAN_14_2017, (0, 0, 936, 64), 9)  # 76,60 C
    kini = seragam(PERMENPAN_14_2017, (0, 0, 4676, 5324), 9, sebelumnya=lalu, periode_sebelumnya="2022")
    p = kini.perbandingan
    assert (p.periode, p.nik_lalu.dibulatkan, p.selisih.nilai, p.arah, p.mutu_lalu.huruf) == (
        "2022",
        D("76.60"),
        D("11.71"),
        "naik",
        "C",
    )
    assert all(u.selisih.nilai == D("11.71") for u in kini.unsur)


def test_json_shape_of_a_result():
    d = panti().sebagai_dict()
    assert (d["acuan"], d["bobot"], d["nik"], d["mutu"], d["prioritas"][:3]) == (
        "kepmenpan-25-2004",
        "1/12",
        71.04,
        "B",
        [9, 10, 8],
    )
    assert d["unsur"][2]["persen"] == [0.0, 0.0, 100.0, 0.0] and d["unsur"][0]["nrr"] is None


def test_a_survey_without_answers_is_not_computable():
    h = hitung_survei(PERMENPAN_14_2017, [(1, "U1", None)])
    assert not h.nik.dapat_dihitung and h.mutu is None and h.bobot is None
