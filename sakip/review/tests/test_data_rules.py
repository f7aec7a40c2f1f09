"""Data reviu of an agency-year: each rule on the examples as they are, and after a change that
breaks it."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from sakip.interchange.importer import example_path, import_file
from sakip.measurement.models import Anggaran, Realisasi, RentangPredikat
from sakip.organisation.models import Instansi
from sakip.planning.models import Indikator, Target
from sakip.reporting.models import Narasi
from sakip.review.data_rules import reviu_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def panti():
    import_file(example_path("kabupaten-jember.json"))
    return Instansi.objects.get(slug="kecamatan-panti")


@pytest.fixture
def sukamaju():
    import_file(example_path("kabupaten-sukamaju.json"))
    return Instansi.objects.get(slug="dinas-kesehatan-sukamaju")


def of(findings, rule, severity=None):
    return [f for f in findings if f.rule == rule and (severity is None or f.severity == severity)]


def test_panti_target_disagreements_name_both_documents_and_values(panti):
    beda = of(reviu_data(panti, 2020), "target-beda")
    pairs = {(f.severity, f.stated, f.expected) for f in beda}
    assert ("warning", "85", "B (80) (Perjanjian Kinerja Perubahan 2020)") in pairs  # Renstra SKM
    assert ("warning", "80 %", "100 % (Perjanjian Kinerja Perubahan 2020)") in pairs  # Renstra rekomendasi, desa
    assert ("info", "85 %", "100 % (Perjanjian Kinerja Perubahan 2020)") in pairs  # the PK the perubahan replaced
    renstra = next(f for f in beda if f.stated == "85")
    assert "Perubahan Renstra 2016–2021 menyebut 85" in renstra.message
    assert "Perjanjian Kinerja Perubahan 2020 menyebut B (80)" in renstra.message


def test_sukamaju_planted_disagreements_and_not_the_replaced_pk_budget(sukamaju):
    f2022 = reviu_data(sukamaju, 2022)
    pairs = {(f.location.split(" › ")[0], f.stated, f.expected.split(" (")[0]) for f in of(f2022, "target-beda")}
    assert ("RKT 2022", "130", "125") in pairs  # planted #1
    assert ("Renstra 2021–2026", "84 %", "80 %") in pairs  # planted #3, against the PK in force
    assert ("Perjanjian Kinerja 2022", "84 %", "80 %") in pairs  # the PK awal, as info
    assert not [f for f in f2022 if "anggaran" in f.rule]  # planted #4 is the replaced PK: not a finding
    f2023 = reviu_data(sukamaju, 2023)
    assert {(f.stated, f.expected.split(" (")[0]) for f in of(f2023, "target-beda")} == {("20 %", "18 %")}  # #2


def test_a_target_for_the_renstras_last_year_differing_from_its_end_target(panti):
    (f,) = of(reviu_data(panti, 2020), "target-akhir-renstra")
    assert f.location.startswith("RKT 2021") and (f.stated, f.expected) == (
        "100 %",
        "80 % (Perubahan Renstra 2016–2021)",
    )


def test_targets_moving_against_the_polarity(sukamaju):
    assert of(reviu_data(sukamaju, 2022), "target-polaritas") != []  # bumil-standar, a count, falls from 2023
    stunting = Target.objects.get(
        indikator__kode="stunting", indikator__renstra__kode="2021-2026", tahun=2024, rkt=None, perjanjian=None
    )
    stunting.nilai = Decimal(30)  # negative polarity: a rising target is a worse plan
    stunting.save()
    flagged = [f for f in of(reviu_data(sukamaju, 2022), "target-polaritas") if "stunting" in f.message]
    assert [f.location.split(" › ")[-1] for f in flagged] == ["tahun 2024"]


def test_a_pk_indicator_without_realisasi_is_an_error_and_without_evidence_a_warning(panti):
    before = reviu_data(panti, 2020)
    assert of(before, "realisasi-kosong") == [] and len(of(before, "bukti-kosong")) == 3
    Realisasi.objects.filter(indikator__kode="rekomendasi", tahun=2020).delete()
    r = Realisasi.objects.get(indikator__kode="skm", tahun=2020, periode="tahun")
    r.bukti.save("skm-2020.pdf", ContentFile(b"%PDF-1.4"), save=True)
    after = reviu_data(panti, 2020)
    assert [f.severity for f in of(after, "realisasi-kosong")] == ["error"]
    assert len(of(after, "bukti-kosong")) == 1


def test_an_iku_without_formula_unit_or_data_source(sukamaju):
    assert of(reviu_data(sukamaju, 2022), "iku-tidak-lengkap") == []
    aki = Indikator.objects.get(kode="aki", renstra__kode="2021-2026")
    aki.formulasi, aki.sumber_data = "", ""
    aki.save()
    aki.penanggung_jawab.clear()
    missing = {f.expected for f in of(reviu_data(sukamaju, 2022), "iku-tidak-lengkap")}
    assert missing == {"formulasi", "unit penanggung jawab", "sumber data"}


def test_budget_realisasi_above_pagu_and_parts_not_adding_up(sukamaju):
    assert (
        of(reviu_data(sukamaju, 2022), "anggaran-lebih-pagu") == []
        and of(reviu_data(sukamaju, 2022), "anggaran-jumlah") == []
    )
    line = Anggaran.objects.filter(tahun=2022, kegiatan__kode="1.02.01.2.01").get()
    line.realisasi = line.pagu + 1
    line.save()
    found = reviu_data(sukamaju, 2022)
    assert [f.severity for f in of(found, "anggaran-lebih-pagu")] == ["error"]
    assert of(found, "anggaran-jumlah", "error")  # the program no longer equals its kegiatan


def test_panti_belanja_langsung_against_its_programs(panti):
    (f,) = of(reviu_data(panti, 2020), "anggaran-jumlah")
    assert f.severity == "error" and "selisih Rp 927.600,00" in f.message


def test_a_predicate_scale_with_a_gap(sukamaju):
    assert of(reviu_data(sukamaju, 2022), "skala-celah") == []
    band = RentangPredikat.objects.get(skala__pemda__slug="kabupaten-sukamaju", predikat="Baik")
    band.bawah = Decimal(78)
    band.save()
    (f,) = of(reviu_data(sukamaju, 2022), "skala-celah")
    assert f.severity == "error" and "76 dan 78" in f.message


def test_an_skm_grade_against_its_value_under_the_surveys_regulation(sukamaju):
    assert of(reviu_data(sukamaju, 2022), "mutu-skm") == []  # 80,80 B under PermenPANRB 14/2017
    Realisasi.objects.filter(indikator__kode="skm-pkm", tahun=2022, periode="tahun").update(mutu="A")
    (f,) = of(reviu_data(sukamaju, 2022), "mutu-skm")
    assert f.severity == "error" and f.expected == "B menurut PermenPANRB 14/2017"


def test_an_skm_result_that_does_not_follow_from_its_survey(panti, sukamaju):
    (f,) = of(reviu_data(panti, 2020), "skm-hasil")
    assert (f.stated, f.expected) == ("70,89", "71,04")
    assert of(reviu_data(sukamaju, 2022), "skm-hasil") == []


def test_narrative_still_to_write(sukamaju):
    assert of(reviu_data(sukamaju, 2022), "narasi-kosong") == []
    missing = {f.location.split(" › ")[1] for f in of(reviu_data(sukamaju, 2023), "narasi-kosong")}
    assert {
        "Isu Strategis",
        "Kendala (Ikhtisar Eksekutif)",
        "Penutup",
        "Analisis sasaran 2",
        "Analisis sasaran 3",
    } <= missing
    Narasi.objects.filter(laporan__tahun=2022, bagian="penutup").update(teks="")
    assert [f.location for f in of(reviu_data(sukamaju, 2022), "narasi-kosong")] == ["LKIP 2022 › Penutup"]
