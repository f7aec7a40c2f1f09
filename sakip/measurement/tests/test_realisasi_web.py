"""The realisasi page of Kecamatan Panti 2020: the sheet, saving all or nothing, evidence, the
live capaian cell, a frozen year, and the Excel round trip."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sakip.measurement.models import Realisasi
from sakip.planning.models import Indikator
from sakip.planning.tests.excel_grid import cell, upload, workbook
from sakip.reporting.models import TahunKinerja

URL = "/instansi/kecamatan-panti/2020/realisasi/"


def _snapshot():
    return sorted(
        Realisasi.objects.filter(indikator__renstra__instansi__slug="kecamatan-panti").values_list(
            "indikator__kode", "tahun", "periode", "nilai", "catatan", "bukti"
        )
    )


def _ind(kode) -> Indikator:
    return Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode=kode)


def test_the_sheet_shows_each_indicator_with_target_realisasi_capaian_and_predikat(operator):
    html = operator.get(URL).content.decode()
    skm = _ind("skm")
    row = html[html.index(f'id="indikator-{skm.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "B (80)" in row  # the PK Perubahan target
    assert f'name="r-{skm.pk}-tahun" value="70,89"' in row
    assert "88,61 %" in row and "Baik" in row
    assert "Sasaran: " in html and "Kegiatan: " in html  # grouped by level


def test_saving_writes_the_changed_cells_and_the_page_shows_the_new_capaian(operator):
    ind = _ind("rekomendasi")
    response = operator.post(
        URL,
        {
            f"r-{ind.pk}-tw1": "25",
            f"r-{ind.pk}-tw2": "50,5",
            f"r-{ind.pk}-tahun": "90",
            f"r-{ind.pk}-keterangan": "rekap",
        },
    )
    assert response.status_code == 302
    saved = {r.periode: r for r in Realisasi.objects.filter(indikator=ind, tahun=2020)}
    assert saved["tw1"].nilai == Decimal(25) and saved["tw2"].nilai == Decimal("50.5")
    assert saved["tahun"].nilai == Decimal(90) and saved["tahun"].catatan == "rekap"
    html = operator.get(URL).content.decode()
    assert "Tersimpan: 3 isian." in html
    row = html[html.index(f'id="indikator-{ind.pk}"') :]
    assert "90,00 %" in row[: row.index("</tr>")]  # 90 against the PK Perubahan target 100


def test_a_bad_cell_is_named_by_row_and_column_and_nothing_is_written(operator):
    ind, other = _ind("rekomendasi"), _ind("desa-dokumen")
    before = _snapshot()
    response = operator.post(URL, {f"r-{ind.pk}-tw1": "25", f"r-{other.pk}-tw2": "dua puluh"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Belum disimpan: 1 isian perlu diperbaiki." in html
    assert "kolom TW II: “dua puluh” bukan angka" in html
    assert 'value="dua puluh" aria-label' in html and 'aria-invalid="true"' in html  # shown again, marked
    assert html.count("“dua puluh” bukan angka") == 2  # in the list and under its cell, nowhere else
    assert "88,61 %" in html  # the other rows keep their capaian
    assert _snapshot() == before


def test_a_milestone_indicator_takes_only_one_or_zero(operator):
    ind = _ind("rekomendasi")
    ind.jenis_nilai = "milestone"
    ind.save()
    before = _snapshot()
    html = operator.post(URL, {f"r-{ind.pk}-tahun": "2"}).content.decode()
    assert "isi 1 bila tercapai atau 0 bila belum" in html
    assert _snapshot() == before


def test_evidence_is_stored_under_media_root_and_served_to_who_may_see_it(operator, client, personas, settings):
    ind = _ind("skm")
    pdf = SimpleUploadedFile("survei skm.pdf", b"%PDF-1.4 bukti", content_type="application/pdf")
    assert operator.post(URL, {f"b-{ind.pk}-tahun": pdf}).status_code == 302
    r = Realisasi.objects.get(indikator=ind, tahun=2020, periode="tahun")
    assert (settings.MEDIA_ROOT / r.bukti.name).read_bytes() == b"%PDF-1.4 bukti"
    assert r.nilai == Decimal("70.89")  # the value is kept
    got = operator.get(f"{URL}bukti/{r.pk}/")
    assert got.status_code == 200 and b"".join(got.streaming_content) == b"%PDF-1.4 bukti"
    client.force_login(personas.operator_lain)
    assert client.get(f"{URL}bukti/{r.pk}/").status_code == 404


def test_a_save_refused_part_way_leaves_no_evidence_file_behind(operator, settings, monkeypatch):
    skm, rekomendasi = _ind("skm"), _ind("rekomendasi")
    simpan_asli = Realisasi.save

    def refuse_rekomendasi(self, *args, **kwargs):
        if self.indikator_id == rekomendasi.pk:
            raise ValidationError("ditolak (uji)")
        simpan_asli(self, *args, **kwargs)

    monkeypatch.setattr(Realisasi, "save", refuse_rekomendasi)
    before = _snapshot()
    response = operator.post(
        URL,
        {
            f"b-{skm.pk}-tahun": SimpleUploadedFile("skm.pdf", b"%PDF-1.4 bukti"),
            f"b-{rekomendasi.pk}-tahun": SimpleUploadedFile("rek.pdf", b"%PDF-1.4 bukti"),
        },
    )
    assert response.status_code == 409 and "ditolak (uji)" in response.content.decode()
    assert _snapshot() == before
    assert [p for p in (settings.MEDIA_ROOT / "bukti").rglob("*") if p.is_file()] == []


@pytest.mark.parametrize(
    "name, content, pesan",
    [
        ("bukti.exe", b"MZ", "tidak diterima"),
        ("bukti.pdf", b"<html>not a pdf</html>", "bukan PDF yang sah"),
    ],
)
def test_a_wrong_evidence_file_is_refused_and_nothing_is_written(operator, name, content, pesan):
    ind = _ind("skm")
    before = _snapshot()
    html = operator.post(
        URL, {f"r-{ind.pk}-tw1": "50", f"b-{ind.pk}-tw1": SimpleUploadedFile(name, content)}
    ).content.decode()
    assert "kolom Bukti TW I" in html and pesan in html
    assert _snapshot() == before


def test_the_capaian_cell_follows_what_is_typed(operator):
    ind = _ind("rekomendasi")
    html = operator.get(f"{URL}hitung/", {"indikator": ind.pk, f"r-{ind.pk}-tahun": "75"}).content.decode()
    assert "75,00 %" in html
    html = operator.get(f"{URL}hitung/", {"indikator": ind.pk, f"r-{ind.pk}-tahun": "7x"}).content.decode()
    assert "bukan angka" in html


def test_an_approved_year_is_read_only_and_a_save_is_refused(operator, personas):
    TahunKinerja.objects.create(instansi=personas.operator.peran.instansi, tahun=2020, status="disetujui")
    ind = _ind("rekomendasi")
    html = operator.get(URL).content.decode()
    assert "sudah disetujui dan dibekukan" in html and f'name="r-{ind.pk}-tw1"' not in html
    before = _snapshot()
    response = operator.post(URL, {f"r-{ind.pk}-tw1": "25"})
    assert response.status_code == 409 and "perubahan tidak disimpan" in response.content.decode()
    assert _snapshot() == before


def test_a_reviewer_reads_the_sheet_without_inputs(client, personas):
    client.force_login(personas.reviewer)
    html = client.get(URL).content.decode()
    assert "70,89" in html and 'name="r-' not in html and "hanya dapat membaca" in html


def test_excel_export_then_import_writes_the_edited_cells(operator):
    wb = workbook(operator, f"{URL}excel/")
    ws = wb["Realisasi"]
    assert cell(ws, "skm", "Tahunan").value == 70.89 and cell(ws, "skm", "Target").value == 80
    cell(ws, "rekomendasi", "TW III").value = "66,5"
    cell(ws, "desa-dokumen", "TW I").value = 12
    before = _snapshot()
    assert operator.post(f"{URL}impor/", {"berkas": upload(wb)}).status_code == 302
    after = set(_snapshot()) - set(before)
    assert {(k, p, n) for k, _t, p, n, *_ in after} == {
        ("rekomendasi", "tw3", Decimal("66.5")),
        ("desa-dokumen", "tw1", Decimal(12)),
    }
    # the unchanged round trip writes nothing
    response = operator.post(f"{URL}impor/", {"berkas": upload(workbook(operator, f"{URL}excel/"))})
    assert response.status_code == 302
    assert "Tidak ada perubahan" in operator.get(URL).content.decode()


def test_excel_import_names_every_bad_cell_and_writes_nothing(operator):
    wb = workbook(operator, f"{URL}excel/")
    ws = wb["Realisasi"]
    bad = cell(ws, "rekomendasi", "TW II")
    bad.value = "lima"
    cell(ws, "desa-dokumen", "TW I").value = 12  # a good cell is not written either
    ws.append(["tidak-ada"])
    before = _snapshot()
    html = operator.post(f"{URL}impor/", {"berkas": upload(wb)}).content.decode()
    assert f"sheet Realisasi, baris {bad.row}, kolom {bad.column_letter} (TW II): “lima” bukan angka" in html
    assert f"sheet Realisasi, baris {ws.max_row}, kolom A: Kode “tidak-ada” tidak ada di lembar ini." in html
    assert "Impor dibatalkan; tidak ada data yang diubah." in html
    assert _snapshot() == before


def test_a_file_that_is_not_a_workbook_is_refused(operator):
    before = _snapshot()
    html = operator.post(f"{URL}impor/", {"berkas": SimpleUploadedFile("x.xlsx", b"not excel")}).content.decode()
    assert "tidak dapat dibaca sebagai Excel" in html
    assert _snapshot() == before
