"""`sakip skm`: compute a file, import it into a survey, feed the realisasi, write the report."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from sakip.measurement.models import Realisasi
from sakip.skm.models import Responden, SurveiSKM

from .conftest import PANTI_CSV
from .test_impor import BAIK, google_forms


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("skm", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_reference_distribution_file_computes_without_a_database(db, tmp_path):
    path = tmp_path / "panti.csv"
    path.write_text(PANTI_CSV, encoding="utf-8")
    out, _ = run(str(path), "--method", "kepmenpan-25-2004", "--json")
    d = json.loads(out)
    assert (d["nik"], d["mutu"], d["kinerja"], d["prioritas"]) == (71.04, "B", "Baik", [9, 10, 8, 13, 11, 12])
    assert {u["nomor"]: u["nik"] for u in d["unsur"]}[3] == 75.0
    # The weight as printed: 1/12 → 0,083; 34,1 × 0,083 × 25 = 70,7575
    text, _ = run(str(path), "--method", "kepmenpan-25-2004", "--bobot-dibulatkan")
    assert "Nilai IKM unit pelayanan 70,76 (nilai interval 2,83, bobot tiap unsur 0,083)" in text
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("skm", str(path), "--method", "permenpan-14-2017", stderr=err)
    assert "panti.csv, baris 9, kolom A (unsur): unsur '10' tidak ada di metode ini" in err.getvalue()


def test_google_forms_file_with_population_and_both_weights(db, tmp_path):
    path = google_forms(tmp_path / "gf.csv", [BAIK] * 80)
    d = json.loads(run(str(path), "--method", "permenpan-14-2017", "--population", "100", "--json")[0])
    # answers 3 4 2 4 3 3 4 3 3: Σ 29 / 9 × 25 = 80,555…
    assert (d["nik"], d["jumlah_responden"], d["sampel"]) == (
        80.56,
        80,
        {"populasi": 100, "minimal": 80, "cukup": True},
    )
    d = json.loads(run(str(path), "--method", "permenpan-14-2017", "--bobot-dibulatkan", "--json")[0])
    assert (d["bobot"], d["nik"]) == ("0.11", 79.75)  # 29 × 0,11 × 25


def test_file_problems_are_listed_and_the_command_fails(db, tmp_path):
    salah = list(BAIK)
    salah[7] = "x"
    path = google_forms(tmp_path / "gf.csv", [salah])
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 masalah ditemukan"):
        call_command("skm", str(path), "--method", "permenpan-14-2017", stderr=err)
    assert "gf.csv, baris 2, kolom H" in err.getvalue()
    with pytest.raises(CommandError, match="--method"):
        run(str(path))


def test_import_into_a_survey_feeds_the_realisasi_and_writes_the_report(examples, tmp_path):
    survei = SurveiSKM.objects.get(kode="skm-pkm-karangsari-2023")
    before = survei.responden.count()
    path = google_forms(tmp_path / "gf.csv", [BAIK] * 3)
    report = tmp_path / "skm.docx"
    out, err = run(
        str(path),
        "--agency",
        "dinas-kesehatan-sukamaju",
        "--survey",
        survei.kode,
        "--population",
        "40",
        "-o",
        str(report),
    )
    assert survei.responden.count() == before + 3 and "jawaban per responden" in err
    assert "33 (tiga puluh tiga) responden" in out and report.stat().st_size > 10_000
    survei.refresh_from_db()
    assert survei.populasi == 40
    with pytest.raises(CommandError, match="tidak terhubung ke indikator"):
        run("--agency", "dinas-kesehatan-sukamaju", "--survey", survei.kode, "--realisasi")
    run("--agency", "dinas-kesehatan-sukamaju", "--survey", "skm-puskesmas-2022", "--realisasi")
    r = Realisasi.objects.get(indikator__kode="skm-pkm", tahun=2022, periode="tahun")
    assert r.nilai == Decimal("80.80") and r.mutu == "B"


def test_an_import_error_leaves_the_survey_unchanged(examples, tmp_path):
    survei = SurveiSKM.objects.get(kode="skm-pkm-karangsari-2023")
    before = list(Responden.objects.filter(survei=survei).values_list("id", flat=True))
    salah = list(BAIK)
    salah[14] = "lima"
    path = google_forms(tmp_path / "gf.csv", [BAIK, salah])
    with pytest.raises(CommandError):
        call_command(
            "skm",
            str(path),
            "--agency",
            "dinas-kesehatan-sukamaju",
            "--survey",
            survei.kode,
            "--population",
            "99",
            stderr=io.StringIO(),
        )
    survei.refresh_from_db()
    assert list(Responden.objects.filter(survei=survei).values_list("id", flat=True)) == before
    assert survei.populasi == 36
