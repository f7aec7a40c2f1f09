"""The Perjanjian Kinerja pages: the version in force, a perubahan copied from it (the old one
kept), editing the new version's targets, a frozen year; a first PK of a year started from the
Renstra, its header, choosing its indicators, its program table, and the document made from it."""

import io
from datetime import date
from decimal import Decimal

import docx
from auditlog.models import LogEntry
from django.core.management import call_command

from sakip.measurement.models import Anggaran
from sakip.organisation.models import Pejabat
from sakip.planning.models import Indikator, PerjanjianKinerja, PKProgram, Program, RencanaAksi, Target
from sakip.reporting.models import TahunKinerja

URL = "/instansi/kecamatan-panti/2020/pk/"


def _pk(versi):
    return PerjanjianKinerja.objects.get(instansi__slug="kecamatan-panti", tahun=2020, versi=versi)


def _targets(pk):
    return sorted(pk.target.values_list("indikator__kode", "nilai", "mutu", "catatan"))


def test_the_page_shows_the_pk_in_force_and_older_versions_read_only(operator):
    html = operator.get(URL).content.decode()
    assert "Perjanjian Kinerja Perubahan — Kecamatan Panti 2020" in html
    rekomendasi = _pk(1).target.get(indikator__kode="rekomendasi")
    assert f'name="r-{rekomendasi.pk}-nilai" value="100"' in html
    assert "Rp 255.975.000,00" in html  # program table of the PK Perubahan
    lama = operator.get(URL, {"versi": 0}).content.decode()
    assert "Versi lama, disimpan sebagaimana ditandatangani" in lama and 'name="r-' not in lama
    assert "85" in lama


def test_buat_perubahan_copies_the_pk_in_force_and_keeps_the_old_one(operator):
    lama = _targets(_pk(1))
    response = operator.post(f"{URL}perubahan/")
    assert response.status_code == 302
    baru = _pk(2)
    assert _targets(baru) == lama and _targets(_pk(1)) == lama
    assert sorted(baru.program.values_list("program__kode", "anggaran")) == sorted(
        _pk(1).program.values_list("program__kode", "anggaran")
    )
    html = operator.get(URL).content.decode()
    assert "Perjanjian Kinerja Perubahan ke-2 dibuat dari salinan Perjanjian Kinerja Perubahan" in html

    target = baru.target.get(indikator__kode="rekomendasi")
    assert operator.post(URL, {f"r-{target.pk}-nilai": "95"}).status_code == 302
    assert Target.objects.get(pk=target.pk).nilai == Decimal(95)
    assert _targets(_pk(1)) == lama  # the signed version is untouched
    realisasi = operator.get("/instansi/kecamatan-panti/2020/realisasi/").content.decode()
    assert "Target dari Perjanjian Kinerja Perubahan ke-2 yang berlaku" in realisasi


def test_a_bad_target_writes_nothing(operator):
    pk = _pk(1)
    before = _targets(pk)
    a, b = pk.target.order_by("pk")[:2]
    html = operator.post(URL, {f"r-{a.pk}-nilai": "90", f"r-{b.pk}-nilai": "seratus"}).content.decode()
    assert "kolom Target: “seratus” bukan angka" in html
    assert _targets(pk) == before


def test_a_perubahan_of_an_approved_year_is_refused_with_a_message(operator, personas):
    TahunKinerja.objects.create(instansi=personas.operator.peran.instansi, tahun=2020, status="disetujui")
    response = operator.post(f"{URL}perubahan/", follow=True)
    assert "sudah disetujui dan dibekukan" in response.content.decode()
    assert not PerjanjianKinerja.objects.filter(instansi__slug="kecamatan-panti", tahun=2020, versi=2).exists()


# --- a first PK, its header, its indicators, its programs -----------------------------------

URL_2021 = "/instansi/kecamatan-panti/2021/pk/"


def _pejabat(kode):
    return Pejabat.objects.get(pemda__slug="kabupaten-jember", kode=kode)


def _naskah(**ubah):
    data = {
        "tempat": "Jember",
        "tanggal": "",
        "pihak_pertama": _pejabat("budi-susila").pk,
        "jabatan_pihak_pertama": "Camat Panti",
        "pihak_kedua": _pejabat("faida").pk,
        "jabatan_pihak_kedua": "Bupati Jember",
        "keterangan": "",
    }
    return {**data, **ubah}


def _snapshot():
    """Every PK-related row, to compare the database before and after a refused write."""
    return (
        sorted(PerjanjianKinerja.objects.values_list("instansi_id", "tahun", "versi", "tempat", "tanggal")),
        sorted(Target.objects.exclude(perjanjian=None).values_list("perjanjian_id", "indikator_id", "nilai", "urutan")),
        sorted(PKProgram.objects.values_list("perjanjian_id", "program_id", "anggaran", "keterangan")),
        RencanaAksi.objects.count(),
    )


def _docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])


def test_a_year_without_pk_offers_to_create_one_prefilled_with_the_heads(operator):
    html = operator.get(URL_2021).content.decode()
    assert "Belum ada Perjanjian Kinerja untuk tahun ini." in html
    assert "Peran Anda hanya dapat membaca" not in html
    assert 'href="/instansi/kecamatan-panti/2021/pk/buat/"' in html
    form = operator.get(f"{URL_2021}buat/").content.decode()
    assert (
        f'<option value="{_pejabat("budi-susila").pk}" selected>Drs. H. BUDI SUSILA, M.Si — NIP 19640305 199204 1 001'
        in form
    )
    assert f'<option value="{_pejabat("faida").pk}" selected>dr. Hj. FAIDA, MMR.</option>' in form
    assert 'value="Camat Panti"' in form and 'value="Bupati Jember"' in form and 'value="Jember"' in form
    # the preview: the three sasaran-level IKU with their Renstra 2021 targets
    assert "3 indikator sasaran (IKU)" in form
    assert "Hasil Survei Kepuasan Masyarakat (SKM) pada bidang pelayanan publik" in form
    assert "pagu belum ada — tidak dimasukkan" in form


def test_a_reader_sees_a_year_without_pk_but_cannot_start_one(client, personas):
    client.force_login(personas.kepala)
    html = client.get(URL_2021).content.decode()
    assert "Belum ada Perjanjian Kinerja untuk tahun ini." in html
    assert "Peran Anda hanya dapat membaca lembar ini." in html and "/pk/buat/" not in html
    assert client.post(f"{URL_2021}buat/", _naskah()).status_code == 403
    assert not PerjanjianKinerja.objects.filter(instansi__slug="kecamatan-panti", tahun=2021).exists()


def test_creating_the_first_pk_copies_the_iku_targets_and_the_known_pagu(operator):
    p1 = Program.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p1")
    Anggaran.objects.create(tahun=2021, program=p1, pagu=Decimal("260000000"))
    response = operator.post(f"{URL_2021}buat/", _naskah())
    assert response.status_code == 302 and response["Location"] == URL_2021
    pk = PerjanjianKinerja.objects.get(instansi__slug="kecamatan-panti", tahun=2021)
    assert (pk.versi, pk.tanggal, pk.tempat, pk.jabatan_pihak_kedua) == (0, None, "Jember", "Bupati Jember")
    assert list(pk.target.order_by("urutan").values_list("indikator__kode", "nilai", "tahun")) == [
        ("skm", Decimal(85), 2021),
        ("rekomendasi", Decimal(80), 2021),
        ("desa-dokumen", Decimal(80), 2021),
    ]
    assert list(pk.program.values_list("program__kode", "anggaran")) == [("p1", Decimal("260000000"))]
    for t in pk.target.all():  # each row saved on its own: one audit entry per created target
        assert LogEntry.objects.get_for_object(t).filter(action=LogEntry.Action.CREATE).count() == 1
    html = operator.get(URL_2021).content.decode()
    assert "Perjanjian Kinerja tahun 2021 dibuat dengan 3 indikator dari Renstra." in html
    assert "belum ditandatangani (tanggal kosong)" in html
    assert operator.get(f"{URL_2021}buat/").status_code == 302  # only one first PK


def test_a_bad_header_shows_each_problem_by_its_field_and_writes_nothing(operator):
    before = _snapshot()
    data = _naskah(pihak_pertama="", pihak_kedua=_pejabat("faida").pk, jabatan_pihak_kedua="", tanggal="31-02-2021")
    html = operator.post(f"{URL_2021}buat/", data).content.decode()
    assert "Pilih pejabat pihak pertama." in html
    assert "Tulis jabatan pihak kedua." in html
    assert "Masukkan tanggal yang valid." in html or "Enter a valid date." in html
    same = operator.post(f"{URL_2021}buat/", _naskah(pihak_kedua=_pejabat("budi-susila").pk)).content.decode()
    assert "Pihak kedua adalah atasan pihak pertama, bukan orang yang sama." in same
    assert _snapshot() == before


def test_a_pejabat_of_another_pemda_cannot_sign(operator):
    lain = Pejabat.objects.exclude(pemda__slug="kabupaten-jember").first()
    html = operator.post(f"{URL_2021}buat/", _naskah(pihak_kedua=lain.pk)).content.decode()
    assert "Masukkan pilihan yang valid." in html
    assert not PerjanjianKinerja.objects.filter(instansi__slug="kecamatan-panti", tahun=2021).exists()


def test_editing_the_header_changes_the_pk_in_force_only(operator):
    lama = _pk(0)
    data = _naskah(tanggal="2020-09-14", tempat="Panti", keterangan="Ditandatangani di kantor kecamatan.")
    assert operator.post(f"{URL}naskah/", data).status_code == 302
    berlaku = _pk(1)
    assert (berlaku.tanggal, berlaku.tempat, berlaku.keterangan) == (
        date(2020, 9, 14),
        "Panti",
        "Ditandatangani di kantor kecamatan.",
    )
    assert (_pk(0).tanggal, _pk(0).tempat) == (lama.tanggal, lama.tempat)
    html = operator.get(URL).content.decode()
    assert "Data penandatanganan Perjanjian Kinerja Perubahan tersimpan." in html
    assert "14 September 2020" in html


def test_adding_an_indicator_takes_the_renstra_target_and_its_place_in_the_renstra_order(operator):
    operator.post(f"{URL_2021}buat/", _naskah())
    pk = PerjanjianKinerja.objects.get(instansi__slug="kecamatan-panti", tahun=2021)
    rekomendasi = pk.target.get(indikator__kode="rekomendasi")
    RencanaAksi.objects.create(target=rekomendasi, triwulan=1, nilai=20, aksi="Rapat koordinasi")
    assert operator.post(f"{URL_2021}indikator/{rekomendasi.pk}/hapus/").status_code == 302
    assert not Target.objects.filter(pk=rekomendasi.pk).exists()
    assert not RencanaAksi.objects.filter(target_id=rekomendasi.pk).exists()

    page = operator.get(f"{URL_2021}indikator/").content.decode()
    assert "2 indikator dalam PK ini" in page
    assert "(target Renstra 2021: 80 %)" in page  # the choice says which target it brings
    ind = Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode="rekomendasi")
    response = operator.post(f"{URL_2021}indikator/", {"indikator": ind.pk, "nilai": "", "mutu": ""})
    assert response.status_code == 302
    assert list(pk.target.order_by("urutan").values_list("indikator__kode", "nilai")) == [
        ("skm", Decimal(85)),
        ("rekomendasi", Decimal(80)),
        ("desa-dokumen", Decimal(80)),
    ]
    program = Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p5-ip1")
    operator.post(f"{URL_2021}indikator/", {"indikator": program.pk, "nilai": "92,5", "mutu": "A"})
    added = pk.target.get(indikator=program)
    assert (added.nilai, added.mutu, added.urutan) == (Decimal("92.5"), "A", 3)
    html = operator.get(f"{URL_2021}indikator/").content.decode()
    assert (
        "Indikator “Prosentase jumlah pelayanan yang ditangani dengan pelayanan yang ada/ yang didaftarkan” ditambahkan"
        in html
    )


def test_a_bad_indicator_choice_or_target_is_refused_by_the_field(operator):
    pk = _pk(1)
    before = _snapshot()
    ada = pk.target.first().indikator
    html = operator.post(f"{URL}indikator/", {"indikator": ada.pk, "nilai": ""}).content.decode()
    assert "Masukkan pilihan yang valid." in html  # already in the PK
    baru = Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p5-ip1")
    html = operator.post(f"{URL}indikator/", {"indikator": baru.pk, "nilai": "sembilan puluh"}).content.decode()
    assert "“sembilan puluh” bukan angka" in html
    html = operator.post(f"{URL}indikator/", {"indikator": baru.pk, "mutu": "SANGAT"}).content.decode()
    assert "paling banyak 5 karakter" in html or "at most 5 characters" in html
    assert _snapshot() == before


def test_an_older_version_cannot_be_changed(operator):
    lama = _pk(0).target.first()
    assert operator.post(f"{URL}indikator/{lama.pk}/hapus/").status_code == 404
    assert Target.objects.filter(pk=lama.pk).exists()
    html = operator.get(URL, {"versi": 0}).content.decode()
    assert "/pk/naskah/" not in html and "/pk/indikator/" not in html and "/pk/program/" not in html


def test_the_program_table_adds_changes_and_removes_programs(operator):
    p = {k: Program.objects.get(renstra__instansi__slug="kecamatan-panti", kode=k) for k in ("p1", "p2", "p6")}
    page = operator.get(f"{URL}program/").content.decode()
    assert f'name="r-{p["p1"].pk}-anggaran" value="255.975.000"' in page
    assert f'name="r-{p["p6"].pk}-anggaran" value=""' in page
    data = {
        f"r-{p['p1'].pk}-anggaran": "250.000.000",
        f"r-{p['p2'].pk}-anggaran": "",
        f"r-{p['p6'].pk}-anggaran": "1.500.000,50",
        f"r-{p['p6'].pk}-keterangan": "Tambahan",
    }
    assert operator.post(f"{URL}program/", data).status_code == 302
    rows = dict(_pk(1).program.values_list("program__kode", "anggaran"))
    assert rows["p1"] == Decimal(250000000) and rows["p6"] == Decimal("1500000.50") and "p2" not in rows
    assert _pk(1).program.get(program=p["p6"]).keterangan == "Tambahan"
    assert _pk(0).program.count() == 0  # the older version is untouched
    html = operator.get(URL).content.decode()
    assert "Rp 1.500.000,50" in html


def test_a_bad_anggaran_writes_nothing(operator):
    p1 = Program.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p1")
    p6 = Program.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p6")
    before = _snapshot()
    data = {f"r-{p1.pk}-anggaran": "-5", f"r-{p6.pk}-anggaran": "satu juta"}
    html = operator.post(f"{URL}program/", data).content.decode()
    assert "kolom Anggaran PK: Anggaran tidak boleh negatif." in html
    assert "kolom Anggaran PK: “satu juta” bukan angka" in html
    assert _snapshot() == before


def test_every_pk_write_of_an_approved_year_is_refused_with_a_message(operator, personas):
    TahunKinerja.objects.create(instansi=personas.operator.peran.instansi, tahun=2020, status="disetujui")
    TahunKinerja.objects.create(instansi=personas.operator.peran.instansi, tahun=2021, status="disetujui")
    before = _snapshot()
    baru = Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p5-ip1")
    p1 = Program.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p1")
    for url, data in (
        (f"{URL_2021}buat/", _naskah()),
        (f"{URL}naskah/", _naskah(tempat="Panti")),
        (f"{URL}indikator/", {"indikator": baru.pk}),
        (f"{URL}program/", {f"r-{p1.pk}-anggaran": "1"}),
    ):
        response = operator.post(url, data)
        assert response.status_code == 409, url
        assert "sudah disetujui dan dibekukan" in response.content.decode()
    target = _pk(1).target.first()
    response = operator.post(f"{URL}indikator/{target.pk}/hapus/", follow=True)
    assert "sudah disetujui dan dibekukan" in response.content.decode()
    assert _snapshot() == before
    assert "disabled" in operator.get(f"{URL}naskah/").content.decode()


def test_the_pk_document_of_a_pk_made_on_the_web(operator, tmp_path):
    operator.post(f"{URL_2021}buat/", _naskah(tanggal="2021-01-04"))
    pk = PerjanjianKinerja.objects.get(instansi__slug="kecamatan-panti", tahun=2021)
    skm = pk.target.get(indikator__kode="skm")
    operator.post(URL_2021, {f"r-{skm.pk}-nilai": "87,5", f"r-{skm.pk}-mutu": "B"})
    program = Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p5-ip1")
    operator.post(f"{URL_2021}indikator/", {"indikator": program.pk, "nilai": "95"})
    p5 = Program.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p5")
    operator.post(f"{URL_2021}program/", {f"r-{p5.pk}-anggaran": "22.660.000"})

    response = operator.get("/instansi/kecamatan-panti/2021/unduh/pk.docx")
    assert response.status_code == 200
    berkas = tmp_path / "pk.docx"
    call_command("report", agency="kecamatan-panti", year=2021, doc="pk", output=str(berkas))
    for teks in (_docx_text(response.content), _docx_text(berkas.read_bytes())):
        assert "PERJANJIAN KINERJA TAHUN 2021" in teks
        assert "1. Hasil Survei Kepuasan Masyarakat (SKM) pada bidang pelayanan publik\nB (87,5)" in teks  # as edited
        assert "2. Prosentase desa yang sudah menyusun dokumen perencanaan, penganggaran dan pelaporan" in teks
        assert "1. Prosentase jumlah pelayanan yang ditangani dengan pelayanan yang ada/ yang didaftarkan\n95 %" in teks
        assert "Program Penyelenggaraan Pelayanan Umum Kecamatan" in teks and "Rp 22.660.000,00" in teks
        assert "Jember, 4 Januari 2021" in teks
