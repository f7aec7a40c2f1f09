"""The budget sheet of Kecamatan Panti 2020: pagu and realisasi per program/kegiatan, all or
nothing, and its Excel round trip."""

from decimal import Decimal

from sakip.measurement.models import Anggaran
from sakip.planning.models import Kegiatan, Program
from sakip.planning.tests.excel_grid import cell, upload, workbook

URL = "/instansi/kecamatan-panti/2020/anggaran/"


def _snapshot():
    return sorted(Anggaran.objects.filter(tahun=2020).values_list("pk", "pagu", "realisasi", "catatan"))


def _program(kode):
    return Program.objects.get(renstra__instansi__slug="kecamatan-panti", kode=kode)


def test_the_sheet_shows_pagu_realisasi_and_serapan_per_program_and_kegiatan(operator):
    p = _program("p1")
    a = Anggaran.objects.get(program=p, tahun=2020)
    html = operator.get(URL).content.decode()
    row = html[html.index(f'id="indikator-p{p.pk}"') :]
    row = row[: row.index("</tr>")]
    assert f'value="{a.pagu:,.0f}"'.replace(",", ".") in row
    assert "%" in row  # serapan


def test_saving_a_kegiatan_budget_creates_its_line(operator):
    k = Kegiatan.objects.filter(program__renstra__instansi__slug="kecamatan-panti", anggaran=None).first()
    response = operator.post(URL, {f"r-k{k.pk}-pagu": "2.400.000", f"r-k{k.pk}-realisasi": "1.200.000,50"})
    assert response.status_code == 302
    a = Anggaran.objects.get(kegiatan=k, tahun=2020)
    assert (a.pagu, a.realisasi) == (Decimal(2400000), Decimal("1200000.50"))
    assert "50,00 %" in operator.get(URL).content.decode()


def test_bad_amounts_are_named_and_nothing_is_written(operator):
    p = _program("p1")
    k = Kegiatan.objects.filter(program__renstra__instansi__slug="kecamatan-panti").first()
    before = _snapshot()
    html = operator.post(
        URL, {f"r-p{p.pk}-pagu": "dua juta", f"r-k{k.pk}-realisasi": "1,234", f"r-k{k.pk}-pagu": "-5"}
    ).content.decode()
    assert "kolom Pagu (Rp): “dua juta” bukan angka" in html
    assert "kolom Realisasi (Rp): Paling banyak 2 angka di belakang koma." in html
    assert "kolom Pagu (Rp): Tidak boleh negatif." in html
    assert _snapshot() == before


def test_realisasi_without_pagu_is_refused_with_a_message(operator):
    k = Kegiatan.objects.filter(program__renstra__instansi__slug="kecamatan-panti", anggaran=None).first()
    before = _snapshot()
    response = operator.post(URL, {f"r-k{k.pk}-realisasi": "1000"})
    assert response.status_code == 409 and "isi pagunya" in response.content.decode()
    assert _snapshot() == before


def test_excel_round_trip_of_the_budget(operator):
    p = _program("p2")
    wb = workbook(operator, f"{URL}excel/")
    ws = wb["Anggaran"]
    kode = [r[0] for r in ws.iter_rows(values_only=True) if r[0]]
    assert "p4/p4-k1" in kode  # rows keyed by the Renstra codes, not by database ids
    cell(ws, "p2", "Realisasi (Rp)").value = "30.000.000"
    assert operator.post(f"{URL}impor/", {"berkas": upload(wb)}).status_code == 302
    assert Anggaran.objects.get(program=p, tahun=2020).realisasi == Decimal(30000000)
