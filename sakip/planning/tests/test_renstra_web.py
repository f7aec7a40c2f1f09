"""The Renstra grid of Kecamatan Panti: yearly targets, IKU, unit penanggung jawab in one form,
all or nothing, and its Excel round trip."""

from decimal import Decimal

from sakip.planning.models import Indikator, Target
from sakip.planning.tests.excel_grid import cell, upload, workbook

URL = "/instansi/kecamatan-panti/2020/renstra/"


def _ind(kode) -> Indikator:
    return Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode=kode)


def _snapshot():
    inds = Indikator.objects.filter(renstra__instansi__slug="kecamatan-panti")
    return (
        sorted(inds.values_list("kode", "satuan", "iku", "formulasi", "sumber_data")),
        sorted(inds.values_list("kode", "penanggung_jawab__kode")),
        sorted(
            Target.objects.filter(indikator__in=inds, rkt=None, perjanjian=None).values_list(
                "indikator__kode", "tahun", "nilai"
            )
        ),
    )


def test_the_grid_shows_every_year_of_the_renstra_with_its_target(operator):
    html = operator.get(URL).content.decode()
    ind = _ind("rekomendasi")
    row = html[html.index(f'id="indikator-{ind.pk}"') :]
    row = row[: row.index("</tr>")]
    for tahun in range(2016, 2022):
        assert f'name="r-{ind.pk}-t{tahun}" value="80"' in row
    assert "seksi-trantib, seksi-pmks" in row
    assert '<option value="ya" selected>' in row


def test_saving_changes_targets_flags_and_units_together(operator):
    ind = _ind("p5-ip1")
    response = operator.post(
        URL,
        {
            f"r-{ind.pk}-t2021": "92,5",
            f"r-{ind.pk}-iku": "ya",
            f"r-{ind.pk}-penanggung_jawab": "seksi-pemerintahan, Sekretariat",
            f"r-{ind.pk}-formulasi": "dilayani / didaftarkan × 100 %",
        },
    )
    assert response.status_code == 302
    ind.refresh_from_db()
    assert ind.iku and ind.formulasi == "dilayani / didaftarkan × 100 %"
    assert {u.kode for u in ind.penanggung_jawab.all()} == {"seksi-pemerintahan", "sekretariat"}
    assert Target.objects.get(indikator=ind, tahun=2021, rkt=None, perjanjian=None).nilai == Decimal("92.5")


def test_bad_cells_are_each_named_and_nothing_is_written(operator):
    ind = _ind("p5-ip1")
    before = _snapshot()
    html = operator.post(
        URL,
        {
            f"r-{ind.pk}-t2021": "sembilan",
            f"r-{ind.pk}-iku": "mungkin",
            f"r-{ind.pk}-penanggung_jawab": "seksi-tidak-ada",
            f"r-{ind.pk}-formulasi": "ini benar tetapi tidak disimpan",
        },
    ).content.decode()
    assert "Belum disimpan: 3 isian perlu diperbaiki." in html
    assert "kolom 2021: “sembilan” bukan angka" in html
    assert "kolom IKU: Tulis “ya” atau “tidak”, bukan “mungkin”." in html
    assert "kolom Penanggung jawab: Unit “seksi-tidak-ada” tidak ada" in html
    assert _snapshot() == before


def test_excel_round_trip_of_the_renstra_grid(operator):
    wb = workbook(operator, f"{URL}excel/")
    ws = wb["Renstra"]
    assert cell(ws, "rekomendasi", "2020").value == 80 and cell(ws, "rekomendasi", "IKU").value == "ya"
    cell(ws, "rekomendasi", "2021").value = "85,5"
    cell(ws, "p5-ip1", "IKU").value = "ya"
    assert operator.post(f"{URL}impor/", {"berkas": upload(wb)}).status_code == 302
    assert Target.objects.get(indikator=_ind("rekomendasi"), tahun=2021, rkt=None, perjanjian=None).nilai == Decimal(
        "85.5"
    )
    assert _ind("p5-ip1").iku

    wb = workbook(operator, f"{URL}excel/")
    ws = wb["Renstra"]
    bad = cell(ws, "skm", "2019")
    bad.value = "delapan puluh"
    cell(ws, "skm", "2020").value = 90
    before = _snapshot()
    html = operator.post(f"{URL}impor/", {"berkas": upload(wb)}).content.decode()
    assert f"sheet Renstra, baris {bad.row}, kolom {bad.column_letter} (2019): “delapan puluh” bukan angka" in html
    assert _snapshot() == before
