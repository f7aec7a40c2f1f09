import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from sakip.interchange.errors import ImportGagal
from sakip.interchange.exporter import dumps_json, export_dokumen
from sakip.interchange.importer import import_data, import_file
from sakip.organisation.models import Instansi, Pemda
from sakip.planning.models import Indikator

pytestmark = pytest.mark.django_db

SAKIP_MODELS = [
    m for m in apps.get_models() if m._meta.app_label in ("organisation", "planning", "measurement", "skm", "reporting")
]


def snapshot() -> dict:
    """Row counts of every sakip table plus the export of every pemda: 'unchanged' means equal."""
    counts = {m.__name__: m.objects.count() for m in SAKIP_MODELS}
    exports = {p.slug: dumps_json(export_dokumen(p, list(p.instansi.all()))) for p in Pemda.objects.all()}
    return {"counts": counts, "exports": exports}


def import_fails(raw) -> list[str]:
    before = snapshot()
    with pytest.raises(ImportGagal) as e:
        import_data(raw)
    assert snapshot() == before, "a failed import changed the database"
    return [str(m) for m in e.value.masalah]


def test_valid_document_round_trips_through_the_database(doc):
    import_data(doc)
    first = dumps_json(export_dokumen(Pemda.objects.get(), list(Instansi.objects.all())))
    Pemda.objects.all().delete()
    import_data(json.loads(first))
    assert dumps_json(export_dokumen(Pemda.objects.get(), list(Instansi.objects.all()))) == first
    assert '"nilai": 20.5' in first and '"tanggal": "2023-01-20"' in first


def test_reimporting_the_same_file_keeps_record_ids(doc):
    import_data(doc)
    ids = sorted(Indikator.objects.values_list("id", flat=True))
    import_data(doc)
    assert sorted(Indikator.objects.values_list("id", flat=True)) == ids


def test_the_file_is_the_whole_truth_for_its_agencies(doc):
    import_data(doc)
    doc["instansi"][0]["renstra"][0]["indikator"].pop()  # drop "cakupan"
    doc["instansi"][0]["realisasi"].pop()
    import_data(doc)
    assert list(Indikator.objects.values_list("kode", flat=True)) == ["aki"]


def test_wrong_type_is_reported_at_its_json_path_and_nothing_is_written(doc):
    doc["instansi"][0]["renstra"][0]["target"][0]["nilai"] = "abc"
    doc["instansi"][0]["realisasi"][0]["tahun"] = "dua ribu"
    problems = import_fails(doc)
    assert "$.instansi[0].renstra[0].target[0].nilai: bukan angka ('abc')" in problems
    assert "$.instansi[0].realisasi[0].tahun: bukan bilangan bulat ('dua ribu')" in problems
    assert Pemda.objects.count() == 0


def test_unknown_reference_names_the_missing_code(doc):
    doc["instansi"][0]["realisasi"][0]["indikator"] = "tidak-ada"
    doc["instansi"][0]["perjanjian_kinerja"][0]["pihak_kedua"] = "gubernur"
    problems = import_fails(doc)
    assert problems == [
        "$.instansi[0].perjanjian_kinerja[0].pihak_kedua: pejabat 'gubernur' tidak ada di daftar pejabat",
        "$.instansi[0].realisasi[0].indikator: indikator 'tidak-ada' tidak ada di Renstra 2021-2026 "
        "(berlaku untuk 2022)",
    ]


def test_duplicate_codes_are_refused(doc):
    ind = doc["instansi"][0]["renstra"][0]["indikator"]
    ind.append(dict(ind[1]))
    problems = import_fails(doc)
    assert problems == ["$.instansi[0].renstra[0].indikator[2].kode: indikator cakupan tercantum lebih dari sekali"]


def test_year_outside_the_renstra_period_is_refused(doc):
    doc["instansi"][0]["realisasi"][0]["tahun"] = 2030
    doc["instansi"][0]["renstra"][0]["target"][0]["tahun"] = 2019
    problems = import_fails(doc)
    assert "$.instansi[0].realisasi[0].tahun: tahun 2030 di luar periode Renstra (2021–2026)" in problems
    assert "$.instansi[0].renstra[0].target[0].tahun: tahun 2019 di luar periode Renstra 2021–2026" in problems


def test_nip_of_the_wrong_shape_is_refused(doc):
    doc["pejabat"][1]["nip"] = "19700101 200003 3 001"  # gender digit 3
    doc["pejabat"][0]["nip"] = "1234"
    problems = import_fails(doc)
    assert len(problems) == 2
    assert problems[0].startswith("$.pejabat[0].nip: ") and "18" in problems[0]
    assert problems[1].startswith("$.pejabat[1].nip: ") and "jenis kelamin" in problems[1].lower()


def test_a_scale_with_a_gap_is_refused_with_the_half_open_reading_proposed(doc):
    doc["skala_predikat"][0]["rentang"] = [
        {"predikat": "Kurang", "atas": 55},
        {"predikat": "Cukup", "bawah": 55, "atas": 75, "atas_inklusif": True},
        {"predikat": "Baik", "bawah": 76, "atas": 100, "atas_inklusif": True},
        {"predikat": "Sangat Baik", "bawah": 100, "bawah_inklusif": False},
    ]
    [problem] = import_fails(doc)
    assert problem.startswith("$.skala_predikat[0].rentang: ")
    assert "75" in problem and "76" in problem and "Usulan pembacaan setengah terbuka" in problem
    assert "Cukup 55 ≤ x < 76" in problem


def test_unknown_field_and_missing_field_are_named(doc):
    doc["instansi"][0]["renstra"][0]["indikator"][0]["satuna"] = "%"
    del doc["pemda"]["nama"]
    problems = import_fails(doc)
    assert "$.pemda.nama: wajib diisi" in problems
    assert "$.instansi[0].renstra[0].indikator[0].satuna: kolom/isian tidak dikenal (periksa ejaannya)" in problems


def test_a_failed_import_leaves_existing_data_untouched(doc):
    import_data(doc)
    before = snapshot()
    doc["instansi"][0]["nama"] = "Nama Baru"
    doc["instansi"][0]["realisasi"][0]["indikator"] = "tidak-ada"
    with pytest.raises(ImportGagal):
        import_data(doc)
    assert snapshot() == before
    assert Instansi.objects.get().nama == "Dinas Kesehatan Kota Uji"


def test_an_agency_slug_of_another_pemda_is_refused(doc):
    import_data(doc)
    doc["pemda"]["slug"] = "kota-lain"
    problems = import_fails(doc)
    assert problems == ["$.instansi[0].slug: slug 'dinkes-uji' sudah dipakai instansi milik Kota Uji"]


def test_broken_json_names_line_and_column(tmp_path):
    f = tmp_path / "rusak.json"
    f.write_text('{"format": "sakip/1",\n "pemda": {,}}')
    with pytest.raises(ImportGagal) as e:
        import_file(f)
    [m] = e.value.masalah
    assert m.lokasi == "rusak.json baris 2 kolom 12" and m.pesan.startswith("JSON rusak")


def test_broken_workbook_is_one_clear_message(tmp_path):
    f = tmp_path / "rusak.xlsx"
    f.write_bytes(b"bukan zip sama sekali")
    with pytest.raises(ImportGagal) as e:
        import_file(f)
    assert len(e.value.masalah) == 1 and "rusak.xlsx" in str(e.value.masalah[0])


def test_import_command_lists_every_problem_and_fails(doc, tmp_path):
    doc["instansi"][0]["realisasi"][0]["tahun"] = 2030
    doc["pejabat"][1]["nip"] = "1"
    f = tmp_path / "salah.json"
    f.write_text(json.dumps(doc))
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 masalah ditemukan; tidak ada data yang disimpan."):
        call_command("import", str(f), stderr=err)
    assert "salah.json $.pejabat[1].nip" in err.getvalue() and "tahun 2030" in err.getvalue()
    assert Pemda.objects.count() == 0


def test_workbook_problems_name_sheet_row_and_column(doc, tmp_path):
    from openpyxl import load_workbook

    from sakip.interchange.excel import write_workbook

    f = tmp_path / "isian.xlsx"
    write_workbook(doc, f)
    wb = load_workbook(f)
    ws = wb["Realisasi"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("tahun") + 1, value=2030)
    ws.cell(row=3, column=header.index("nilai") + 1, value="dua puluh")
    wb.save(f)
    col = {h: chr(ord("A") + i) for i, h in enumerate(header)}
    # type problems are reported first (the meaning of a row can only be checked once it parses) …
    assert workbook_problems(f) == [
        f"isian.xlsx, sheet Realisasi, baris 3, kolom {col['nilai']} (nilai): bukan angka ('dua puluh')",
    ]
    ws.cell(row=3, column=header.index("nilai") + 1, value=20)
    wb.save(f)
    # … then every reference, period and duplicate problem
    assert workbook_problems(f) == [
        f"isian.xlsx, sheet Realisasi, baris 2, kolom {col['tahun']} (tahun): "
        "tahun 2030 di luar periode Renstra (2021–2026)",
    ]


def workbook_problems(f) -> list[str]:
    before = snapshot()
    with pytest.raises(ImportGagal) as e:
        import_file(f)
    assert snapshot() == before
    return [str(m) for m in e.value.masalah]


def test_template_command_writes_a_workbook_that_imports_once_filled(doc, tmp_path):
    from openpyxl import load_workbook

    f = tmp_path / "templat.xlsx"
    call_command("template", "-o", str(f), stdout=io.StringIO())
    wb = load_workbook(f)
    assert wb.sheetnames[0] == "Petunjuk" and "Indikator" in wb.sheetnames and "Realisasi" in wb.sheetnames
    assert all(ws.max_row == 1 for ws in wb.worksheets if ws.title not in ("Petunjuk", "_pilihan"))
