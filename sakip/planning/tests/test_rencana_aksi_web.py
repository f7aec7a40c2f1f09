"""The rencana aksi page of a Perjanjian Kinerja: per PK indicator, each triwulan's target and
actions in one grid; saved row by row (audit trail), all or nothing, a milestone's quarters 0/1,
ranges checked, an emptied quarter deleted, older versions and approved years read-only, Excel
out and back in, and the quarter targets shown on the PK page."""

from decimal import Decimal

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from sakip.planning.models import PerjanjianKinerja, RencanaAksi, Target
from sakip.planning.tests.excel_grid import cell, upload, workbook
from sakip.reporting.models import TahunKinerja

URL = "/instansi/kecamatan-panti/2020/pk/rencana-aksi/"


def _pk(versi):
    return PerjanjianKinerja.objects.get(instansi__slug="kecamatan-panti", tahun=2020, versi=versi)


def _target(kode, versi=1):
    return _pk(versi).target.select_related("indikator").get(indikator__kode=kode)


def _rencana():
    """Every rencana aksi row, to compare the database before and after a refused write."""
    return sorted(RencanaAksi.objects.values_list("target_id", "triwulan", "nilai", "nilai_atas", "aksi"))


def test_the_page_lists_each_pk_indicator_under_its_sasaran_with_four_quarters(operator):
    rekomendasi = _target("rekomendasi")
    RencanaAksi.objects.create(target=rekomendasi, triwulan=2, nilai=50, aksi="Rapat koordinasi desa")
    html = operator.get(URL).content.decode()
    assert "Rencana aksi — Perjanjian Kinerja Perubahan — Kecamatan Panti 2020" in html
    assert "Sasaran: Meningkatnya Koordinasi Pemerintahan dan Penyelenggara Pemerintahan Desa" in html
    assert f'name="r-{rekomendasi.pk}-tw2" value="50"' in html
    assert f'name="r-{rekomendasi.pk}-tw2_aksi" rows="1"' in html and ">Rapat koordinasi desa</textarea>" in html
    assert f'name="r-{rekomendasi.pk}-tw4"' in html
    assert "Batas atas" not in html  # no range target in this PK


def test_saving_writes_each_quarter_as_its_own_row_and_an_emptied_quarter_is_deleted(operator):
    t = _target("rekomendasi")
    lama = RencanaAksi.objects.create(target=t, triwulan=4, nilai=100, aksi="Evaluasi")
    jenis = ContentType.objects.get_for_model(RencanaAksi)
    entri = LogEntry.objects.filter(content_type=jenis).count()
    data = {
        f"r-{t.pk}-tw1": "25",
        f"r-{t.pk}-tw1_aksi": "Inventarisasi rekomendasi",
        f"r-{t.pk}-tw2_aksi": "Rapat koordinasi",  # an action without a number
        f"r-{t.pk}-tw3": "75,5",
        f"r-{t.pk}-tw4": "",
        f"r-{t.pk}-tw4_aksi": "",  # emptied: deleted
    }
    response = operator.post(URL, data, follow=True)
    assert "Tersimpan: 6 isian." in response.content.decode()
    assert sorted(t.rencana_aksi.values_list("triwulan", "nilai", "aksi")) == [
        (1, Decimal(25), "Inventarisasi rekomendasi"),
        (2, None, "Rapat koordinasi"),
        (3, Decimal("75.5"), ""),
    ]
    assert not RencanaAksi.objects.filter(pk=lama.pk).exists()
    assert LogEntry.objects.filter(content_type=jenis).count() == entri + 4  # 3 created, 1 deleted
    assert _pk(0).target.filter(rencana_aksi__isnull=False).count() == 0  # the signed version is untouched
    pk_page = operator.get("/instansi/kecamatan-panti/2020/pk/").content.decode()
    assert "25 · – · 75,5 · –" in pk_page  # the quarter targets, read-only on the PK page
    assert 'href="/instansi/kecamatan-panti/2020/pk/rencana-aksi/">Isi rencana aksi triwulanan</a>' in pk_page


def test_a_milestone_quarter_takes_only_1_or_0_and_a_bad_cell_writes_nothing(operator):
    t = _target("desa-dokumen")
    t.indikator.jenis_nilai = "milestone"
    t.indikator.save()
    skm = _target("skm")
    before = _rencana()
    data = {
        f"r-{t.pk}-tw1": "0",
        f"r-{t.pk}-tw2": "50",
        f"r-{skm.pk}-tw1": "delapan puluh",
        f"r-{skm.pk}-tw1_aksi": "Survei",
    }
    response = operator.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Belum disimpan: 2 isian perlu diperbaiki." in html
    assert (
        "kolom Target TW II: Indikator ini berupa tonggak (milestone): isi 1 bila tercapai atau 0 bila belum." in html
    )
    assert "Baris 1 (Hasil Survei Kepuasan Masyarakat (SKM) pada bidang pelayana…), kolom Target TW I: “delapan" in html
    assert f'name="r-{skm.pk}-tw1_aksi" rows="1"' in html and ">Survei</textarea>" in html  # as typed
    assert _rencana() == before
    assert operator.post(URL, {f"r-{t.pk}-tw2": "1"}).status_code == 302
    assert t.rencana_aksi.get().nilai == Decimal(1)


def test_a_pk_with_a_range_target_gets_upper_bounds_which_are_checked(operator):
    t = _target("skm")
    Target.objects.filter(pk=t.pk).update(nilai=Decimal(76), nilai_atas=Decimal(88))
    html = operator.get(URL).content.decode()
    assert "76–88" in html and f'name="r-{t.pk}-tw3_atas"' in html
    before = _rencana()
    html = operator.post(URL, {f"r-{t.pk}-tw1": "80", f"r-{t.pk}-tw1_atas": "70", f"r-{t.pk}-tw2_atas": "85"})
    html = html.content.decode()
    assert "kolom Batas atas TW I: Batas atas lebih kecil dari Target TW I." in html
    assert "kolom Batas atas TW II: Isi juga Target TW II; batas atas hanya untuk target rentang." in html
    assert _rencana() == before
    assert operator.post(URL, {f"r-{t.pk}-tw1": "76", f"r-{t.pk}-tw1_atas": "80"}).status_code == 302
    assert t.rencana_aksi.values_list("triwulan", "nilai", "nilai_atas").get() == (1, Decimal(76), Decimal(80))


def test_an_older_version_is_read_only_and_a_save_changes_the_version_in_force_only(operator):
    lama = _target("rekomendasi", versi=0)
    RencanaAksi.objects.create(target=lama, triwulan=1, nilai=20, aksi="Sosialisasi")
    html = operator.get(URL, {"versi": 0}).content.decode()
    assert "Versi lama, disimpan sebagaimana ditandatangani" in html and 'name="r-' not in html
    assert "Sosialisasi" in html and "Unduh Excel" not in html
    assert f'name="r-{lama.pk}-' not in operator.get(URL).content.decode()
    pk_lama = operator.get("/instansi/kecamatan-panti/2020/pk/", {"versi": 0}).content.decode()
    assert 'href="/instansi/kecamatan-panti/2020/pk/rencana-aksi/?versi=0">Rencana aksi triwulanan</a>' in pk_lama
    # a cell of the older version posted anyway is not on the sheet of the version in force
    operator.post(f"{URL}?versi=0", {f"r-{lama.pk}-tw1": "99"})
    assert lama.rencana_aksi.get().nilai == Decimal(20)


def test_an_approved_year_answers_409_with_the_reason_and_writes_nothing(operator, personas):
    t = _target("rekomendasi")
    TahunKinerja.objects.create(instansi=personas.operator.peran.instansi, tahun=2020, status="disetujui")
    before = _rencana()
    response = operator.post(URL, {f"r-{t.pk}-tw1": "25"})
    assert response.status_code == 409
    assert "sudah disetujui dan dibekukan" in response.content.decode()
    assert _rencana() == before
    html = operator.get(URL).content.decode()
    assert "lembar ini hanya dapat dibaca" in html and 'name="r-' not in html


def test_a_reader_sees_the_rencana_aksi_but_cannot_save_it(client, personas):
    t = _target("rekomendasi")
    RencanaAksi.objects.create(target=t, triwulan=3, nilai=75, aksi="Monitoring")
    client.force_login(personas.kepala)
    html = client.get(URL).content.decode()
    assert "Monitoring" in html and 'name="r-' not in html and "Peran Anda hanya dapat membaca" in html
    assert client.post(URL, {f"r-{t.pk}-tw3": "1"}).status_code == 403
    assert t.rencana_aksi.get().nilai == Decimal(75)


def test_excel_round_trip_and_a_bad_cell_named_by_sheet_row_and_column(operator):
    t = _target("rekomendasi")
    wb = workbook(operator, f"{URL}excel/")
    ws = wb["Rencana Aksi"]
    cell(ws, "rekomendasi", "Target TW I").value = 30
    cell(ws, "rekomendasi", "Rencana aksi TW I").value = "Pendataan rekomendasi"
    response = operator.post(f"{URL}impor/", {"berkas": upload(wb)}, follow=True)
    assert "Tersimpan: 2 isian." in response.content.decode()
    assert t.rencana_aksi.values_list("triwulan", "nilai", "aksi").get() == (1, Decimal(30), "Pendataan rekomendasi")

    wb = workbook(operator, f"{URL}excel/")
    ws = wb["Rencana Aksi"]
    assert cell(ws, "rekomendasi", "Target TW I").value == 30
    salah = cell(ws, "skm", "Target TW II")
    salah.value = "banyak"
    cell(ws, "rekomendasi", "Target TW I").value = 40
    before = _rencana()
    html = operator.post(f"{URL}impor/", {"berkas": upload(wb)}).content.decode()
    assert (
        f"sheet Rencana Aksi, baris {salah.row}, kolom {salah.column_letter} (Target TW II): “banyak” bukan angka"
        in html
    )
    assert "Impor dibatalkan; tidak ada data yang diubah." in html
    assert _rencana() == before
