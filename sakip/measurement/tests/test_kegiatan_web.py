"""The kegiatan sheet of Kecamatan Panti 2020: per program → kegiatan the dana, the indicators
and the keterangan, saved all or nothing through the realisasi, budget and narrative sheets, in
the LKIP's kegiatan table afterwards, read-only when frozen, and its Excel round trip."""

import io
from decimal import Decimal

import docx
from auditlog.models import LogEntry

from sakip.accounts.personas import PASSWORD
from sakip.measurement.models import Anggaran, Realisasi
from sakip.planning.models import Indikator, Kegiatan
from sakip.planning.tests.excel_grid import cell, upload, workbook
from sakip.reporting.models import Narasi, TahunKinerja

URL = "/instansi/kecamatan-panti/2020/kegiatan/"


def _ind(kode) -> Indikator:
    return Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode=kode)


def _kegiatan(kode) -> Kegiatan:
    return Kegiatan.objects.get(program__renstra__instansi__slug="kecamatan-panti", kode=kode)


def _snapshot():
    panti = {"indikator__renstra__instansi__slug": "kecamatan-panti"}
    return (
        sorted(Realisasi.objects.filter(**panti).values_list("indikator__kode", "tahun", "periode", "nilai")),
        sorted(Anggaran.objects.filter(tahun=2020).values_list("pk", "pagu", "realisasi", "catatan")),
        sorted(Narasi.objects.values_list("pk", "kegiatan", "teks")),
    )


def _row(html: str, anchor: str) -> str:
    row = html[html.index(f'id="indikator-{anchor}"') :]
    return row[: row.index("</tr>")]


def test_the_sheet_lists_each_kegiatan_with_dana_indicators_and_keterangan(operator):
    html = operator.get(URL).content.decode()
    k = _kegiatan("p5-k1")
    kk = _ind("p5-k1-o1-kk")
    assert "Program: Program Penyelenggaraan Pelayanan Umum Kecamatan" in html
    assert "Kegiatan Koordinasi Pelayanan Umum" in _row(html, f"k{k.pk}")
    dana = html[html.index(f'id="indikator-k{k.pk}"') :]
    assert f'name="r-k{k.pk}-pagu" value="22.660.000"' in dana and "89,74 %" in dana  # pagu and serapan
    assert "Perekaman KTP, Pembuatan KK" in dana  # the LKIP's keterangan pelaksanaan kegiatan
    row = _row(html, kk.pk)
    assert "Keluaran (output): KK (Kartu Keluarga)" in row and "1.825" in row  # the RKT target
    assert f'name="r-{kk.pk}-tahun" value="1.369"' in row and "75,01 %" in row
    assert _row(html, _ind("p5-k1-i1").pk).count("Masukan (input): Prosentase Pelayanan") == 1


def test_entered_output_realisasi_pagu_and_keterangan_appear_in_the_lkip_kegiatan_table(operator):
    k = _kegiatan("p5-k1")
    kk = _ind("p5-k1-o1-kk")
    response = operator.post(
        URL,
        {
            f"r-{kk.pk}-tahun": "1.402",
            f"r-k{k.pk}-pagu": "25.000.000",
            f"r-k{k.pk}-realisasi": "20.000.000",
            f"r-k{k.pk}-keterangan": "Pelayanan keliling ke 7 desa",
        },
    )
    assert response.status_code == 302
    assert Realisasi.objects.get(indikator=kk, tahun=2020, periode="tahun").nilai == Decimal(1402)
    assert Anggaran.objects.get(kegiatan=k, tahun=2020).pagu == Decimal(25000000)

    lkip = docx.Document(io.BytesIO(operator.get("/instansi/kecamatan-panti/2020/unduh/lkip.docx").content))
    table = next(t for t in lkip.tables if any("KK (Kartu Keluarga)" in c.text for c in t.columns[0].cells))
    rows = {r.cells[0].text.strip(): [c.text for c in r.cells[1:]] for r in table.rows}
    assert rows["– KK (Kartu Keluarga)"] == ["1.825 dokumen", "1.402 dokumen"]
    assert rows["Anggaran: Rp 25.000.000,00"] == ["100 %", "80,00 %"]
    assert "Pelayanan keliling ke 7 desa" in "\n".join(p.text for p in lkip.paragraphs)


def test_each_save_is_in_the_audit_trail(operator):
    k = _kegiatan("p4-k3")
    ind = _ind("p4-k3-o1-peserta")
    before = LogEntry.objects.count()
    operator.post(URL, {f"r-{ind.pk}-tahun": "540", f"r-k{k.pk}-pagu": "5.000.000"})
    logged = set(LogEntry.objects.order_by("pk")[before:].values_list("content_type__model", "action"))
    assert {("realisasi", LogEntry.Action.CREATE), ("anggaran", LogEntry.Action.CREATE)} <= logged


def test_bad_cells_are_named_and_nothing_is_written(operator):
    k = _kegiatan("p5-k1")
    kk = _ind("p5-k1-o1-kk")
    before = _snapshot()
    html = operator.post(
        URL,
        {f"r-{kk.pk}-tahun": "seribu", f"r-k{k.pk}-pagu": "-5", f"r-k{k.pk}-keterangan": "tetap tidak disimpan"},
    ).content.decode()
    assert "(Keluaran (output): KK (Kartu Keluarga)), kolom Realisasi tahunan: “seribu” bukan angka" in html
    assert "(Kegiatan Koordinasi Pelayanan Umum), kolom Pagu (Rp): Tidak boleh negatif." in html
    assert 'value="seribu"' in html  # what was typed is shown again
    assert _snapshot() == before


def test_realisasi_of_a_kegiatan_without_pagu_is_refused(operator):
    k = _kegiatan("p4-k3")
    before = _snapshot()
    response = operator.post(URL, {f"r-k{k.pk}-realisasi": "1.000"})
    assert response.status_code == 409 and "isi pagunya" in response.content.decode()
    assert _snapshot() == before


def test_an_approved_year_is_read_only_and_refuses_a_save(operator, personas):
    TahunKinerja.objects.create(instansi=personas.operator.peran.instansi, tahun=2020, status="disetujui")
    k = _kegiatan("p5-k1")
    html = operator.get(URL).content.decode()
    assert "sudah disetujui dan dibekukan" in html and f'name="r-k{k.pk}-pagu"' not in html
    before = _snapshot()
    response = operator.post(URL, {f"r-k{k.pk}-pagu": "1"})
    assert response.status_code == 409 and "perubahan tidak disimpan" in response.content.decode()
    assert _snapshot() == before


def test_a_reviewer_reads_the_sheet_without_inputs(client, personas):
    client.force_login(personas.reviewer)
    html = client.get(URL).content.decode()
    assert "22.660.000" in html and 'name="r-' not in html and "hanya dapat membaca" in html


def test_excel_round_trip_writes_realisasi_pagu_and_keterangan(operator):
    k = _kegiatan("p4-k2")
    ind = _ind("p4-k2-o2")
    ws = (wb := workbook(operator, f"{URL}excel/"))["Kegiatan"]
    assert cell(ws, "p4/p4-k2", "Pagu (Rp)").value == 72000000
    cell(ws, ind.kode, "Realisasi tahunan").value = 12
    cell(ws, "p4/p4-k2", "Realisasi (Rp)").value = 71000000
    cell(ws, "p4/p4-k2", "Keterangan pelaksanaan kegiatan").value = "Honor Banpol dibayar 11 bulan"
    assert operator.post(f"{URL}impor/", {"berkas": upload(wb)}).status_code == 302
    assert Realisasi.objects.get(indikator=ind, tahun=2020, periode="tahun").nilai == 12
    assert Anggaran.objects.get(kegiatan=k, tahun=2020).realisasi == Decimal(71000000)
    assert Narasi.objects.get(kegiatan=k).teks == "Honor Banpol dibayar 11 bulan"


def test_excel_values_in_a_cell_that_does_not_apply_to_the_row_are_refused(operator):
    ind = _ind("p4-k2-o2")
    ws = (wb := workbook(operator, f"{URL}excel/"))["Kegiatan"]
    cell(ws, ind.kode, "Pagu (Rp)").value = 5000
    cell(ws, "p4/p4-k2", "Realisasi tahunan").value = 3
    before = _snapshot()
    html = operator.post(f"{URL}impor/", {"berkas": upload(wb)}).content.decode()
    assert "kolom F (Realisasi tahunan): Realisasi indikator diisi pada baris indikatornya" in html
    assert "kolom H (Pagu (Rp)): Pagu, realisasi anggaran dan keterangan diisi pada baris kegiatan" in html
    assert _snapshot() == before


def test_operator_fills_a_kegiatan_in_the_browser(page, phone, personas, transactional_db, shots, csp_violations):
    k = _kegiatan("p5-k1")
    kk = _ind("p5-k1-o1-kk")
    for p in (page, phone):
        p.goto("/masuk/")
        p.get_by_label("Nama pengguna").fill("operator")
        p.get_by_label("Kata sandi").fill(PASSWORD)
        p.get_by_role("button", name="Masuk").click()
        p.wait_for_url("**/")
    page.goto("/instansi/kecamatan-panti/2020/")
    page.get_by_role("link", name="Kegiatan").click()
    page.wait_for_url(f"**{URL}")
    shots(page, "kegiatan-01-awal")
    page.locator(f'[name="r-{kk.pk}-tahun"]').fill("1.500")
    page.locator(f"#hasil-{kk.pk}").get_by_text("82,19 %").wait_for()  # live capaian while typing
    page.locator(f'[name="r-k{k.pk}-pagu"]').fill("lima juta")
    page.get_by_role("button", name="Simpan kegiatan").click()
    page.get_by_text("Belum disimpan: 1 isian perlu diperbaiki.").wait_for()
    shots(page, "kegiatan-02-salah")
    page.locator(f'[name="r-k{k.pk}-pagu"]').fill("5.000.000")
    page.get_by_role("button", name="Simpan kegiatan").click()
    page.get_by_text("Tersimpan:").wait_for()
    assert Anggaran.objects.get(kegiatan=k, tahun=2020).pagu == Decimal(5000000)
    assert Realisasi.objects.get(indikator=kk, tahun=2020, periode="tahun").nilai == Decimal(1500)
    phone.goto(URL)
    shots(phone, "kegiatan-03-ponsel")
    assert csp_violations == []
