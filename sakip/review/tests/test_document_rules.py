"""Every document rule on a small report that breaks it and on one that does not.

Reports are written in the reference file's format: plain text, tables as tab-separated lines."""

from sakip.review.document_rules import reviu_dokumen
from sakip.review.reader import read_text

COVER = ["LAPORAN KINERJA", "DINAS CONTOH", "TAHUN 2020", ""]

SCALE = [
    "Penilaian capaian menggunakan skala berikut:",
    "No\tCAPAIAN KINERJA\tKETERANGAN",
    "1.\tLebih dari 100 %\tSANGAT BAIK",
    "2.\t76 ≤ x ≤ 100\tBAIK",
    "3.\t55 ≤ x < 76\tCUKUP",
    "4.\tKurang dari 55 %\tKURANG",
    "",
]


def measurement(rows: list[str]) -> list[str]:
    return [
        "BAB III AKUNTABILITAS KINERJA",
        "A. PENGUKURAN CAPAIAN KINERJA TAHUN 2020",
        *SCALE,
        "Tabel 3.1",
        "Pengukuran Kinerja Tahun 2020",
        "NO.\tSASARAN STRATEGIS\tINDIKATOR\tTARGET\tREALISASI\tCAPAIAN\tPREDIKAT",
        *rows,
        "",
    ]


GOOD_ROWS = [
    "1\tMeningkatnya kualitas pelayanan\tPersentase layanan tepat waktu\t80 %\t70,89 %\t88,61 %\tBaik",
    "2\tMeningkatnya koordinasi\tPersentase rekomendasi yang ditindaklanjuti\t100 %\t100 %\t100,00 %\tBaik",
]


def findings(*lines: str):
    return reviu_dokumen(read_text("\n".join(lines)))


def rules(*lines: str, severity: str = "error") -> list[str]:
    return [f.rule for f in findings(*lines) if f.severity == severity]


def found(rule: str, *lines: str, severity: str = "error"):
    return [f for f in findings(*lines) if f.rule == rule and f.severity == severity]


def test_a_consistent_report_has_no_error():
    assert rules(*COVER, *measurement(GOOD_ROWS)) == []


# ------------------------------------------------------------------ totals
BUDGET = [
    "Tabel 3.9 Anggaran dan Realisasi",
    "No\tPROGRAM/KEGIATAN\tANGGARAN (Rp.)\tREALISASI\tCAPAIAN (%)",
    "I\tProgram A\t100.000.000,00\t90.000.000,00\t90,00",
    "1\tKegiatan A1\t60.000.000,00\t50.000.000,00\t83,33",
    "2\tKegiatan A2\t40.000.000,00\t40.000.000,00\t100,00",
    "II\tProgram B\t50.000.000,00\t25.000.000,00\t50,00",
    "1\tKegiatan B1\t50.000.000,00\t25.000.000,00\t50,00",
]


def test_a_total_that_is_not_the_sum_of_its_rows():
    bad = found("total-baris", *COVER, *BUDGET, "TOTAL\t\t150.000.000,00\t115.927.600,00\t77,29")
    assert len(bad) == 1
    assert bad[0].stated == "115.927.600,00" and bad[0].expected == "115.000.000,00"
    assert 'baris "TOTAL"' in bad[0].location and "kolom REALISASI" in bad[0].location
    assert found("total-baris", *COVER, *BUDGET, "TOTAL\t\t150.000.000,00\t115.000.000,00\t76,67") == []


def test_a_program_that_is_not_the_sum_of_its_kegiatan():
    rows = [r.replace("90.000.000,00\t90,00", "95.000.000,00\t95,00") for r in BUDGET]
    bad = found("total-baris", *COVER, *rows, "TOTAL\t\t150.000.000,00\t120.000.000,00\t80,00")
    assert [f.location.split(" › ")[-2] for f in bad] == ['baris "Program A" (baris 7)']


def test_sub_kegiatan_rows_under_a_kegiatan_are_not_counted_twice():
    rows = [
        "No\tPROGRAM/KEGIATAN\tANGGARAN (Rp.)\tREALISASI",
        "I\tProgram A\t100.000,00\t80.000,00",
        "1\tKegiatan A1\t100.000,00\t80.000,00",
        "2\tSub kegiatan A1.1\t70.000,00\t50.000,00",
        "3\tSub kegiatan A1.2\t30.000,00\t30.000,00",
        "JUMLAH\t\t100.000,00\t80.000,00",
    ]
    assert found("total-baris", *COVER, *rows) == []


def test_a_wrong_total_repeated_in_the_text_is_pointed_out():
    text = "Realisasi belanja langsung sebesar Rp 115.927.600,00 atau 77,29 % dari pagu."
    bad = found(
        "total-baris", *COVER, text, *BUDGET, "TOTAL\t\t150.000.000,00\t115.927.600,00\t77,29", severity="warning"
    )
    assert len(bad) == 1 and "baris 5" in bad[0].location


# ------------------------------------------------------------------ percentages
def test_a_budget_percentage_against_its_own_pagu_and_realisasi():
    rows = ["No\tKEGIATAN\tANGGARAN\tREALISASI\tCAPAIAN (%)"]
    bad = found("persen-rasio", *COVER, *rows, "1\tKegiatan A\t5.340.000,00\t5.090.000,00\t95,23")
    assert bad[0].stated == "95,23" and bad[0].expected == "95,32"
    assert found("persen-rasio", *COVER, *rows, "1\tKegiatan A\t5.340.000,00\t5.090.000,00\t95,32") == []


def test_indonesian_half_up_rounding_is_not_flagged():
    rows = ["No\tKEGIATAN\tANGGARAN\tREALISASI\tCAPAIAN (%)"]
    # 1 / 800 × 100 = 0,125: half up gives 0,13 (half even would give 0,12)
    assert found("persen-rasio", *COVER, *rows, "1\tKegiatan A\t800,00\t1,00\t0,13") == []
    assert found("persen-rasio", *COVER, *rows, "1\tKegiatan A\t800,00\t1,00\t0,12")


def test_a_capaian_against_target_and_realisasi():
    row = "1\tMeningkatnya kualitas pelayanan\tPersentase layanan tepat waktu\t80 %\t70,89 %\t86,61 %\tBaik"
    bad = found("persen-rasio", *COVER, *measurement([row]))
    assert bad[0].expected == "88,61"


def test_a_negative_polarity_capaian_is_right_when_the_report_states_its_formula():
    row = "1\tMenurunnya angka kematian\tAngka kematian ibu\t125\t120,4\t103,68 %\tSangat Baik"
    formula = "Capaian = (Target − (Realisasi − Target)) / Target × 100"
    assert found("persen-rasio", *COVER, formula, *measurement([row])) == []
    assert found("persen-rasio", *COVER, *measurement([row]), severity="warning")  # formula not stated


def test_a_range_target_inside_its_range_is_100():
    row = "1\tMeningkatnya mutu\tBed occupancy rate\t60–85 %\t71,2 %\t100,00 %\tBaik"
    assert found("persen-rasio", *COVER, *measurement([row])) == []


# ------------------------------------------------------------------ scale and predicates
def test_a_predicate_against_the_reports_own_scale():
    row = "1\tMeningkatnya koordinasi\tPersentase desa\t100 %\t100 %\t100,00 %\tSangat Baik"
    bad = found("predikat-skala", *COVER, *measurement([row]))
    assert (bad[0].stated, bad[0].expected) == ("Sangat Baik", "Baik")


def test_a_predicate_in_the_capaian_column_is_checked_on_the_computed_capaian():
    rows = ["1\tMeningkatnya koordinasi\tPersentase desa\t100 %\t100 %\tSangat Baik\t"]
    assert found("predikat-skala", *COVER, *measurement(rows))
    rows = ["1\tMeningkatnya koordinasi\tPersentase desa\t100 %\t100 %\tBaik\t"]
    assert found("predikat-skala", *COVER, *measurement(rows)) == []


def test_a_scale_with_a_gap_and_a_number_used_twice():
    scale = [
        "No\tCAPAIAN KINERJA\tKETERANGAN",
        "1.\tLebih dari 100 %\tSANGAT BAIK",
        "2.\t76 % s/d 100 %\tBAIK",
        "2.\t55 % s/d 75 %\tCUKUP",
        "3.\tKurang dari 55 %\tKURANG",
    ]
    gap = found("skala-celah", *COVER, *scale)
    assert "75 dan 76" in gap[0].message
    assert found("nomor-urut", *COVER, *scale, severity="warning")[0].stated == "2."
    assert found("skala-celah", *COVER, *SCALE) == [] and found("nomor-urut", *COVER, *SCALE, severity="warning") == []


def test_an_overlapping_scale():
    scale = ["No\tCAPAIAN\tPREDIKAT", "1.\t> 85 – 100\tBaik", "2.\t80 – 90\tCukup", "3.\tKurang dari 80\tKurang"]
    assert found("skala-tumpang-tindih", *COVER, *scale)
    assert found("skala-tumpang-tindih", *COVER, *SCALE) == []


def test_a_scale_with_nothing_above_100_is_a_warning():
    scale = [
        "No\tCAPAIAN\tPREDIKAT",
        "1.\t91 – 100\tSangat Baik",
        "2.\t76 ≤ x < 91\tBaik",
        "3.\tKurang dari 76\tKurang",
    ]
    assert "100" in found("skala-tidak-mencakup", *COVER, *scale, severity="warning")[0].message
    assert found("skala-tidak-mencakup", *COVER, *SCALE, severity="warning") == []


# ------------------------------------------------------------------ same indicator across tables
COMPARE = [
    "B. EVALUASI DAN ANALISIS CAPAIAN KINERJA",
    "Tabel 3.2",
    "Perbandingan Realisasi Kinerja sasaran 1",
    "NO.\tSASARAN STRATEGIS\tINDIKATOR SASARAN\tTARGET\tREALISASI\t",
    "\t\t\t\tTh. 2019\tTh. 2020",
    "1\tMeningkatnya kualitas pelayanan\tPersentase layanan tepat waktu\t{target}\t75,79 %\t{real}",
    "",
]


def compare(target="80 %", real="70,89 %"):
    return [line.format(target=target, real=real) for line in COMPARE]


def test_the_same_indicator_with_two_targets_in_bab_iii():
    bad = found("target-beda", *COVER, *measurement(GOOD_ROWS), *compare(target="100 %"))
    assert bad[0].stated == "100 %" and bad[0].expected.startswith("80 %")
    assert "Tabel 3.2" in bad[0].location and "Tabel 3.1" in bad[0].message
    assert found("target-beda", *COVER, *measurement(GOOD_ROWS), *compare()) == []


def test_the_same_indicator_with_two_realisasi_under_a_merged_header():
    bad = found("realisasi-beda", *COVER, *measurement(GOOD_ROWS), *compare(real="79,92 %"))
    assert bad[0].stated == "79,92 %" and "REALISASI Th. 2020" in bad[0].location
    assert found("realisasi-beda", *COVER, *measurement(GOOD_ROWS), *compare(real="70,89 %")) == []


def test_a_renstra_target_differing_from_the_pk_is_a_warning():
    renstra = [
        "LAMPIRAN I",
        "RENCANA STRATEGIS 2016 - 2021",
        "No.\tSasaran\tIndikator Sasaran\tTarget 2019\tTarget 2020\tTarget 2021",
        "1\tMeningkatnya kualitas pelayanan\tPersentase layanan tepat waktu\t{t}\t{t}\t{t}",
    ]
    bad = [line.format(t="85 %") for line in renstra]
    good = [line.format(t="80 %") for line in renstra]
    assert found("target-beda", *COVER, *measurement(GOOD_ROWS), *bad, severity="warning")
    assert found("target-beda", *COVER, *measurement(GOOD_ROWS), *bad) == []
    assert found("target-beda", *COVER, *measurement(GOOD_ROWS), *good, severity="warning") == []


def test_differently_numbered_indicators_are_not_mixed_up():
    rows = [
        "1\tSasaran satu\tAngka kematian per 100.000 kelahiran\t125\t120\t96,00 %\tBaik",
        "2\tSasaran dua\tAngka kematian per 1.000 kelahiran\t10\t9\t90,00 %\tBaik",
    ]
    other = ["Tabel 3.2 Lain", "NO.\tINDIKATOR\tTARGET", "1\tAngka kematian per 1.000 kelahiran\t10"]
    assert rules(*COVER, *measurement(rows), *other) == []


# ------------------------------------------------------------------ the report year
def test_another_year_written_for_the_report_year():
    bad = found("tahun-laporan", *COVER, "Laporan Kinerja Dinas Contoh tahun 2019 merupakan laporan kinerja.")
    assert (bad[0].stated, bad[0].expected) == ("2019", "2020") and "baris 5" in bad[0].location
    assert found("tahun-laporan", *COVER, "Laporan Kinerja Dinas Contoh tahun 2020 merupakan laporan.") == []


def test_a_measurement_table_titled_with_another_year():
    rows = measurement(GOOD_ROWS)
    rows[rows.index("Pengukuran Kinerja Tahun 2020")] = "Pengukuran Kinerja Tahun 2019"
    assert found("tahun-laporan", *COVER, *rows)
    assert found("tahun-laporan", *COVER, *measurement(GOOD_ROWS)) == []


def test_a_section_about_one_year_that_speaks_of_another():
    lines = ["B. RENCANA KINERJA TAHUNAN (RKT) TAHUN 2020", "Rencana ini dilaksanakan melalui kegiatan di tahun {y}."]
    assert found("tahun-laporan", *COVER, *(x.format(y=2021) for x in lines), severity="warning")
    assert found("tahun-laporan", *COVER, *(x.format(y=2020) for x in lines), severity="warning") == []


# ------------------------------------------------------------------ narrative against the tables
def test_a_narrative_count_of_indicators():
    text = "Dari 10 indikator sasaran sebanyak 8 indikator dalam kategori baik, dan 2 indikator dalam kategori kurang."
    bad = found("jumlah-narasi", *COVER, *measurement(GOOD_ROWS), text)
    assert {(f.stated, f.expected) for f in bad} == {("10", "2"), ("8", "2"), ("2", "0")}
    good = "Dari 2 (dua) indikator sasaran sebanyak 2 (dua) indikator dalam kategori baik."
    assert found("jumlah-narasi", *COVER, *measurement(GOOD_ROWS), good) == []


def test_a_count_of_indicators_above_target():
    bad = found("jumlah-narasi", *COVER, *measurement(GOOD_ROWS), "Sebanyak 2 (dua) indikator capaian diatas target.")
    assert (bad[0].stated, bad[0].expected) == ("2", "0")


def test_a_per_sasaran_count_and_average():
    text = "Sasaran 1 : Meningkatnya kualitas pelayanan diukur dengan {n} indikator, rata-rata capaian sebesar {avg} %."
    bad = findings(*COVER, *measurement(GOOD_ROWS), text.format(n="3 (tiga)", avg="80"))
    assert {(f.rule, f.stated) for f in bad} >= {("jumlah-narasi", "3"), ("capaian-narasi", "80 %")}
    assert rules(*COVER, *measurement(GOOD_ROWS), text.format(n="1 (satu)", avg="88,61")) == []


def test_a_count_of_programs_and_kegiatan_against_the_list_that_follows():
    lines = [
        "Program dan kegiatan yang mendukung sasaran 2 terdiri dari {p} program dan {k} kegiatan sebagai berikut :",
        "Program Koordinasi Pemerintahan.",
        "a. Koordinasi Pemberdayaan Masyarakat",
        "b. Koordinasi Ketertiban Umum",
        "C. AKUNTABILITAS KEUANGAN",
    ]
    bad = found("jumlah-narasi", *COVER, *measurement(GOOD_ROWS), *(x.format(p=2, k=3) for x in lines))
    assert {(f.stated, f.expected) for f in bad} == {("2", "1"), ("3", "2")}
    assert found("jumlah-narasi", *COVER, *measurement(GOOD_ROWS), *(x.format(p=1, k=2) for x in lines)) == []


# ------------------------------------------------------------------ SKM
def skm_row(value: str) -> list[str]:
    return [
        "Tabel 3.3 Capaian SKM",
        "NO.\tINDIKATOR\tTARGET\tREALISASI",
        f"1\tNilai Survei Kepuasan Masyarakat (SKM)\tB (80)\t{value}",
    ]


def test_an_skm_grade_that_matches_its_value_under_no_regulation():
    bad = found("mutu-skm", *COVER, *skm_row("B (95,00)"))
    assert bad[0].stated == "B (95,00)" and "A menurut PermenPANRB 14/2017" in bad[0].expected
    assert found("mutu-skm", *COVER, *skm_row("B (80,80)")) == []


def test_an_skm_grade_under_the_regulation_the_report_names():
    named = "Survei dilaksanakan menurut PermenPANRB Nomor 14 Tahun 2017."
    assert found("mutu-skm", *COVER, named, *skm_row("B (70,89)"))  # C under 14/2017
    unnamed = found(
        "mutu-skm", *COVER, *skm_row("B (70,89)"), "Tabel 3.4", "NO.\tINDIKATOR\tTARGET", "1\tNilai SKM\t85 (B)"
    )
    assert unnamed == []  # fits one regulation here, the other there: only warnings
    assert found(
        "mutu-skm",
        *COVER,
        *skm_row("B (70,89)"),
        "Tabel 3.4",
        "NO.\tINDIKATOR\tTARGET",
        "1\tNilai SKM\t85 (B)",
        severity="warning",
    )


DISTRIBUTION = ["NO\tUNSUR\tTidak Baik\tKurang Baik\tBaik\tSangat Baik\tTotal"]


def test_answer_shares_that_do_not_add_up_to_100():
    bad = findings(*COVER, *DISTRIBUTION, "1\tKecepatan\t0%\t10%\t80%\t0%\t90%", "2\tBiaya\t10%\t30%\t50%\t10%\t10%")
    assert {(f.rule, f.stated) for f in bad if f.severity == "error"} == {
        ("distribusi-skm", "90 %"),
        ("distribusi-skm", "10%"),
    }
    assert rules(*COVER, *DISTRIBUTION, "1\tKecepatan\t0%\t10%\t90%\t0%\t100%") == []


def test_an_empty_answer_distribution_is_a_warning():
    assert found(
        "distribusi-skm",
        *COVER,
        *DISTRIBUTION,
        "1\tPersyaratan\t\t\t\t\t",
        "2\tBiaya\t0%\t0%\t100%\t0%\t100%",
        severity="warning",
    )


def test_an_unsur_score_against_its_own_distribution():
    scores = ["", "NO\tUNSUR\tSKOR\tPREDIKAT", "1\tKecepatan Pelayanan\t{s}\tBaik"]
    lines = [*COVER, *DISTRIBUTION, "1\tKecepatan Pelayanan\t0%\t0%\t100%\t0%\t100%"]
    bad = found("skor-unsur-skm", *lines, *(x.format(s=70) for x in scores))
    assert (bad[0].stated, bad[0].expected) == ("70", "75,00")
    assert found("skor-unsur-skm", *lines, *(x.format(s=75) for x in scores)) == []


# ------------------------------------------------------------------ numbers and money
def test_a_malformed_number():
    lines = ["\tTarget\tRealisasi", "Output : Jumlah dokumen\tKK = 1.825\tKK = {v}"]
    bad = found("angka-format", *COVER, *(x.format(v="1.3.69") for x in lines))
    assert bad[0].stated == "1.3.69" and "kolom Realisasi" in bad[0].location
    assert found("angka-format", *COVER, *(x.format(v="1.369") for x in lines)) == []


def test_a_share_of_belanja_langsung_in_the_text():
    belanja = ["a.\tBelanja Tidak Langsung\tRp.\t1.974.523.419,00", "b.\tBelanja Langsung\tRp.\t400.000.000,00", ""]
    text = "Keseluruhan anggaran Program sejumlah Rp 12.750.000,00 yang dialokasikan untuk sasaran I adalah sebesar {p} % dari keseluruhan belanja langsung"
    bad = found("anggaran-narasi", *COVER, *belanja, text.format(p="0,00"))
    assert (bad[0].stated, bad[0].expected) == ("0,00 %", "3,19 %")
    assert found("anggaran-narasi", *COVER, *belanja, text.format(p="3,19")) == []


def test_a_kegiatan_budget_percentage_against_the_budget_table():
    kegiatan = [
        "a. Koordinasi Pemberdayaan Masyarakat",
        "Uraian\t\tTarget\tRealisasi",
        "Input\tJumlah Dana Rp 2.400.000,00\t100 %\t{p} %",
    ]
    budget = [
        "",
        "No\tKEGIATAN\tANGGARAN\tREALISASI\tCAPAIAN (%)",
        "1\tKoordinasi Pemberdayaan Masyarakat\t2.400.000,00\t848.000,00\t35,33",
    ]
    bad = found("anggaran-lintas-tabel", *COVER, *(x.format(p="73,98") for x in kegiatan), *budget)
    assert (bad[0].stated, bad[0].expected) == ("73,98 %", "35,33 %")
    assert found("anggaran-lintas-tabel", *COVER, *(x.format(p="35,33") for x in kegiatan), *budget) == []


# ------------------------------------------------------------------ references, numbering, units
def test_a_reference_to_a_table_the_report_does_not_have():
    assert found("rujukan-tabel", *COVER, "Perubahan tercantum dalam (Tabel 4.1).", severity="warning")
    assert found("rujukan-tabel", *COVER, "Lihat Tabel 3.1.", *measurement(GOOD_ROWS), severity="warning") == []


def test_one_regulation_cited_with_two_years():
    a = "berpedoman pada Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja"
    b = "Peraturan Menteri PANRB Nomor 53 Tahun {y} tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan"
    assert found("rujukan-peraturan", *COVER, a, b.format(y=2015), severity="warning")[0].expected == "2014"
    assert found("rujukan-peraturan", *COVER, a, b.format(y=2014), severity="warning") == []


def test_a_skipped_diktum_and_a_list_letter_used_twice():
    assert found("nomor-urut", *COVER, "KESATU : a", "KEDUA : b", "KEEMPAT : d", severity="warning")
    assert found("nomor-urut", *COVER, "- a. satu;", "- a. dua;", severity="warning")
    assert found("nomor-urut", *COVER, "KESATU : a", "KEDUA : b", "- a. satu;", "- b. dua;", severity="warning") == []


def test_a_percentage_indicator_with_a_target_in_packages():
    rkt = [
        "RENCANA KERJA TAHUNAN TAHUN 2021",
        "NO\tINDIKATOR KINERJA\tTARGET",
        "1\tProsentase peran serta masyarakat\t{t}",
    ]
    assert found("satuan-target", *COVER, *(x.format(t="1 Paket") for x in rkt), severity="warning")
    assert found("satuan-target", *COVER, *(x.format(t="100 %") for x in rkt), severity="warning") == []
