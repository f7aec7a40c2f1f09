"""The narrative sheet: the operator writes the LKIP's free-text sections, the LKIP uses them,
an emptied section is removed again; the Excel round trip."""

import io

import openpyxl

from sakip.reporting.models import Narasi

URL = "/instansi/kecamatan-panti/2020/narasi/"


def test_operator_writes_isu_strategis_and_the_lkip_no_longer_misses_it(personas, client):
    from sakip.organisation.models import Instansi
    from sakip.reporting.generate import dokumen

    panti = Instansi.objects.get(slug="kecamatan-panti")
    assert "narasi: Isu Strategis" in dokumen(panti, 2020, "lkip").missing
    client.force_login(personas.operator)
    page = client.get(URL).content.decode()
    assert "Isu Strategis" in page and "Analisis capaian per sasaran" in page
    response = client.post(URL, {"r-b-isu_strategis-teks": "Pelayanan administrasi kependudukan masih lambat."})
    assert response.status_code == 302
    n = Narasi.objects.get(laporan__instansi=panti, laporan__tahun=2020, bagian="isu_strategis")
    assert n.teks == "Pelayanan administrasi kependudukan masih lambat."
    assert "narasi: Isu Strategis" not in dokumen(panti, 2020, "lkip").missing
    client.post(URL, {"r-b-isu_strategis-teks": "   "})
    assert not Narasi.objects.filter(pk=n.pk).exists()


def test_narasi_goes_to_excel_and_back(personas, client):
    client.force_login(personas.operator)
    book = openpyxl.load_workbook(io.BytesIO(client.get(URL + "excel/").content))
    sheet = book.active
    header_row = next(r for r in sheet.iter_rows() if any(c.value == "Teks" for c in r))
    teks_col = next(c.column for c in header_row if c.value == "Teks")
    kode_col = next(c.column for c in header_row if c.value == "Kode")
    row = next(r for r in sheet.iter_rows(min_row=header_row[0].row + 1) if r[kode_col - 1].value == "b-kendala")
    sheet.cell(row=row[0].row, column=teks_col, value="Anggaran dipotong untuk penanganan COVID-19.")
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "narasi.xlsx"
    response = client.post(URL + "impor/", {"berkas": out})
    assert response.status_code in (200, 302)
    assert Narasi.objects.get(
        bagian="kendala", laporan__tahun=2020, laporan__instansi__slug="kecamatan-panti"
    ).teks == ("Anggaran dipotong untuk penanganan COVID-19.")
