"""The workspace's SKM page of Kecamatan Panti 2020 (its survey of 14 unsur, imported as the
reference report's distribution): its import (upload, column mapping, confirm; all or nothing,
every problem by row and column) and managing the surveys (create, settings, questionnaire and
publication switches, delete, "pakai sebagai realisasi")."""

import io
import re
from decimal import Decimal

from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from sakip.measurement.models import Realisasi
from sakip.organisation.models import Instansi, Pemda, UnitOrganisasi
from sakip.planning.models import Indikator
from sakip.reporting.models import TahunKinerja
from sakip.skm import unggahan
from sakip.skm.models import DistribusiJawaban, Jawaban, MetodeSKM, Responden, SurveiSKM

URL = "/instansi/kecamatan-panti/2020/skm/"
UNGGAH = f"{URL}skm-2020/impor/"

# A Google-Forms-like export: the timestamp, two profile columns, the respondent's name, 13
# unsur recognised by their number and one ("Nilai 14") that its header does not tell.
JUDUL = ["Timestamp", "Nama", "Jenis kelamin", "Umur", *[f"{n}. Unsur {n}" for n in range(1, 14)], "Nilai 14"]


def _csv(rows, judul=JUDUL) -> SimpleUploadedFile:
    text = "\n".join(",".join(r) for r in [judul, *rows]) + "\n"
    return SimpleUploadedFile("ekspor gform.csv", text.encode(), content_type="text/csv")


def _baris(nama="Ani", jawaban="c", kelamin="Perempuan", umur="34"):
    return ["2020-08-01 09:00", nama, kelamin, umur, *[jawaban] * 14]


def _database():
    return (
        list(Responden.objects.order_by("pk").values_list("pk", "nomor", "jenis_kelamin", "usia")),
        list(Jawaban.objects.order_by("pk").values_list("pk", "unsur_id", "nilai")),
        list(DistribusiJawaban.objects.order_by("pk").values_list("pk", "persen_3", "jumlah_3")),
    )


def _unggah(client, berkas):
    response = client.post(UNGGAH, {"berkas": berkas})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def _pilihan(html: str) -> dict[str, str]:
    """The selected option of every column select on the mapping page."""
    out = {}
    for name, body in re.findall(r'<select name="(kolom-\d+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        out[name] = chosen.group(1) if chosen else ""
    return out


def _semua_kolom(**ubah) -> dict[str, str]:
    peta = {"kolom-0": "tanggal", "kolom-1": "", "kolom-2": "jenis_kelamin", "kolom-3": "usia"}
    peta |= {f"kolom-{n + 3}": f"U{n}" for n in range(1, 15)}
    return peta | ubah


def test_page_shows_the_survey_with_period_method_respondents_ikm_mutu_and_links(operator):
    html = operator.get(URL).content.decode()
    assert "Survei Kepuasan Masyarakat Kecamatan Panti Tahun 2020" in html
    assert "Survei Kepuasan Masyarakat Kecamatan Panti (14 unsur)" in html  # the method
    assert "71,04" in html and 'class="mutu mutu-b">B<' in html  # the recomputed index (docs/skm.md)
    assert "(distribusi jawaban)" in html and "tahun 2020" in html
    assert (
        'href="/skm/kecamatan-panti/skm-2020/cetak/"' in html and 'href="/skm/kecamatan-panti/skm-2020/qr.svg"' in html
    )
    assert f'href="{URL}skm-2020/laporan.docx"' in html and f'href="{URL}skm-2020/laporan.pdf"' in html
    assert f'action="{UNGGAH}"' in html


def test_the_page_is_in_the_stage_navigation(operator):
    html = operator.get("/instansi/kecamatan-panti/2020/realisasi/").content.decode()
    assert f'<a href="{URL}">Survei Kepuasan Masyarakat</a>' in html


def test_readers_see_the_results_but_no_import_and_may_not_upload(client, personas):
    client.force_login(personas.kepala)
    html = client.get(URL).content.decode()
    assert "71,04" in html and "Peran Anda hanya dapat membaca halaman ini." in html
    assert UNGGAH not in html
    assert client.post(UNGGAH, {"berkas": _csv([_baris()])}).status_code == 403


def test_the_skm_report_of_the_survey_downloads_as_word(operator):
    response = operator.get(f"{URL}skm-2020/laporan.docx")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert 'filename="laporan-skm-kecamatan-panti-skm-2020.docx"' in response["Content-Disposition"]
    assert operator.get(f"{URL}skm-lain/laporan.docx").status_code == 404


def test_mapping_step_shows_every_column_with_its_detected_meaning_and_the_first_rows(operator):
    peta_url = _unggah(operator, _csv([_baris("Ani"), _baris("Budi", "d", "Laki-laki", "61")]))
    html = operator.get(peta_url).content.decode()
    assert _pilihan(html) == _semua_kolom(**{"kolom-17": ""})  # "Nilai 14" is not recognised
    assert "unsur 14 (Keamanan) belum dipetakan ke kolom mana pun" in html
    assert "<td>Budi</td>" in html and '<th scope="row">3</th>' in html  # preview with the file's row numbers
    assert "Berkas ekspor gform.csv: 2 baris data." in html
    assert "Survei ini sudah berisi distribusi jawaban." in html  # the reference report's distribution
    assert "isi yang ada diganti oleh berkas ini" in html and 'name="ganti"' in html


def test_confirming_the_corrected_mapping_stores_every_respondent_in_one_go(operator):
    peta_url = _unggah(operator, _csv([_baris("Ani"), _baris("Budi", "d", "Laki-laki", "61")]))
    response = operator.post(peta_url, _semua_kolom(ganti="on"))
    assert response.status_code == 302 and response["Location"] == URL
    survei = SurveiSKM.objects.get(kode="skm-2020")
    assert list(survei.responden.values_list("nomor", "jenis_kelamin", "usia")) == [
        (1, "P", "30-39"),
        (2, "L", "60-ke-atas"),
    ]
    assert Jawaban.objects.filter(responden__survei=survei).count() == 28 and not survei.distribusi.exists()
    html = operator.get(URL).content.decode()
    assert "Impor selesai: survei kini berisi 2 responden." in html
    assert "87,50" in html  # (3 + 4) / 2 × 25
    assert operator.get(peta_url).status_code == 404  # the upload is gone once imported


def test_bad_cells_are_named_by_row_and_column_and_nothing_is_written(operator):
    salah = _baris("Citra")
    salah[5], salah[2] = "7", "tidak tahu"
    peta_url = _unggah(operator, _csv([_baris("Ani"), salah]))
    before = _database()
    html = operator.post(peta_url, _semua_kolom(ganti="on")).content.decode()
    assert "Tidak diimpor: 2 masalah perlu diperbaiki." in html
    assert "ekspor gform.csv, baris 3, kolom F (2. Unsur 2): jawaban &#x27;7&#x27; tidak dikenal" in html
    assert "ekspor gform.csv, baris 3, kolom C (Jenis kelamin): &#x27;tidak tahu&#x27; tidak dikenal" in html
    assert _database() == before
    assert _pilihan(html) == _semua_kolom()  # the operator's choices are kept for the next try


def test_a_mapping_with_an_unsur_twice_or_missing_is_refused(operator):
    peta_url = _unggah(operator, _csv([_baris()]))
    before = _database()
    html = operator.post(peta_url, _semua_kolom(**{"kolom-17": "U1", "kolom-16": ""}, ganti="on")).content.decode()
    assert (
        "unsur 1 (Persyaratan) dipetakan ke lebih dari satu kolom: E (1. Unsur 1), R (Nilai 14)" in html
        and "unsur 13 (Kecepatan dan ketepatan waktu) belum dipetakan ke kolom mana pun" in html
    )
    assert _database() == before


def test_answers_are_not_mixed_with_a_distribution_unless_replacing_is_chosen(operator):
    peta_url = _unggah(operator, _csv([_baris()]))
    before = _database()
    html = operator.post(peta_url, _semua_kolom()).content.decode()
    assert "survei ini sudah berisi distribusi jawaban; pilih “ganti isi survei”" in html
    assert _database() == before


def test_an_aggregated_distribution_is_previewed_then_replaces_the_distribution(operator):
    text = "unsur;jumlah_1;jumlah_2;jumlah_3;jumlah_4\n" + "".join(f"{n};0;2;10;8\n" for n in range(1, 15))
    peta_url = _unggah(operator, SimpleUploadedFile("distribusi.csv", text.encode()))
    html = operator.get(peta_url).content.decode()
    assert "Dikenali sebagai distribusi jawaban" in html and "<select" not in html
    assert "dan 9 baris lagi" in html
    assert operator.post(peta_url, {}).status_code == 302
    survei = SurveiSKM.objects.get(kode="skm-2020")
    assert survei.distribusi.count() == 14 and survei.jumlah_responden == 20
    assert set(survei.distribusi.values_list("jumlah_3", "persen_3")) == {(10, None)}


def test_each_imported_respondent_and_distribution_row_is_in_the_audit_trail(operator, personas):
    peta_url = _unggah(operator, _csv([_baris("Ani"), _baris("Budi")]))
    operator.post(peta_url, _semua_kolom(ganti="on"))
    survei = SurveiSKM.objects.get(kode="skm-2020")
    pks = [str(pk) for pk in survei.responden.values_list("pk", flat=True)]
    created = LogEntry.objects.filter(content_type__model="responden", action=LogEntry.Action.CREATE, object_pk__in=pks)
    assert created.count() == 2 and {e.actor for e in created} == {personas.operator}
    deleted = LogEntry.objects.filter(
        content_type__model="distribusijawaban", action=LogEntry.Action.DELETE, actor=personas.operator
    )
    assert deleted.count() == 14  # the reference distribution it replaced


def test_an_unreadable_file_is_refused_on_the_page_and_not_kept(operator, settings):
    for berkas, pesan in (
        (SimpleUploadedFile("jawaban.txt", b"a,b"), "Gunakan berkas .csv atau .xlsx."),
        (SimpleUploadedFile("rusak.xlsx", b"bukan excel"), "rusak.xlsx: bukan berkas Excel yang dapat dibaca"),
        (SimpleUploadedFile("kosong.csv", b"\n\n"), "kosong.csv: berkas kosong"),
    ):
        response = operator.post(UNGGAH, {"berkas": berkas})
        assert response.status_code == 200 and pesan in response.content.decode()
    folder = settings.MEDIA_ROOT / unggahan.FOLDER
    assert not folder.exists() or not any(folder.iterdir())


def test_an_excel_upload_is_mapped_by_its_column_letters(operator):
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append(["No", *[f"P{n}" for n in range(1, 15)]])
    ws.append([1, *[4] * 14])
    buf = io.BytesIO()
    wb.save(buf)
    peta_url = _unggah(operator, SimpleUploadedFile("rekap.xlsx", buf.getvalue()))
    html = operator.get(peta_url).content.decode()
    assert "Berkas rekap.xlsx: 1 baris data." in html and len(_pilihan(html)) == 15
    data = {f"kolom-{n}": f"U{n}" for n in range(1, 15)} | {"ganti": "on"}
    assert operator.post(peta_url, data).status_code == 302
    assert SurveiSKM.objects.get(kode="skm-2020").hasil().nik.dibulatkan == 100


def test_an_upload_belongs_to_its_uploader_and_can_be_cancelled(operator, personas, settings):
    peta_url = _unggah(operator, _csv([_baris()]))
    admin = Client()
    admin.force_login(personas.admin)  # may edit Kecamatan Panti, but did not upload this file
    response = admin.get(peta_url)
    assert response.status_code == 404 and "Berkas unggahan tidak ditemukan" in response.content.decode()
    response = operator.post(peta_url, {"batal": "1"})
    assert response.status_code == 302 and not any((settings.MEDIA_ROOT / unggahan.FOLDER).iterdir())
    assert "Impor dibatalkan" in operator.get(URL).content.decode()


def test_an_approved_year_refuses_the_import_with_a_clear_message(operator):
    peta_url = _unggah(operator, _csv([_baris()]))
    TahunKinerja.objects.create(
        instansi=SurveiSKM.objects.get(kode="skm-2020").instansi, tahun=2020, status="disetujui"
    )
    before = _database()
    for response in (operator.post(peta_url, _semua_kolom(ganti="on")), operator.post(UNGGAH, {"berkas": _csv([])})):
        assert response.status_code == 409
        assert "sudah disetujui dan dibekukan; jawaban survei tidak dapat diimpor" in response.content.decode()
    assert _database() == before
    assert "Unggah dan periksa" not in operator.get(URL).content.decode()


# ------------------------------------------------------------------ managing the surveys
BUAT = f"{URL}buat/"


def _survei_db():
    return list(
        SurveiSKM.objects.order_by("pk").values_list(
            "pk", "kode", "judul", "metode_id", "unit_id", "mulai", "selesai", "terbuka", "diterbitkan", "indikator_id"
        )
    )


def _realisasi_db():
    return list(Realisasi.objects.order_by("pk").values_list("pk", "indikator_id", "nilai", "mutu", "catatan"))


def _metode(kode="permenpan-14-2017"):
    return MetodeSKM.objects.get(pemda=None, kode=kode)


def _isian(**ubah):
    unit = UnitOrganisasi.objects.get(instansi__slug="kecamatan-panti", kode="seksi-pelayanan-umum")
    data = {
        "judul": "Survei Kepuasan Masyarakat Kecamatan Panti Tahun 2020",
        "kode": "",
        "unit": unit.pk,
        "metode": _metode().pk,
        "mulai": "2020-07-01",
        "selesai": "2020-09-30",
        "terbuka": "on",
        "jenis_layanan": "KTP elektronik\nSurat pindah",
        "populasi": "300",
    }
    return {k: v for k, v in (data | ubah).items() if v is not None}


def _panti(kode):
    return SurveiSKM.objects.get(instansi__slug="kecamatan-panti", kode=kode)


def _kosong(kode="skm-loket-2020"):
    """A survey of Panti 2020 that holds no answers yet."""
    return SurveiSKM.objects.create(
        instansi=Instansi.objects.get(slug="kecamatan-panti"),
        tahun=2020,
        kode=kode,
        judul="Survei Loket",
        metode=_metode(),
    )


def test_the_create_form_offers_the_national_methods_and_the_agencys_pemda_own_only(operator):
    lain = Pemda.objects.create(slug="kota-lain", nama="Kota Lain", jenis="kota")
    MetodeSKM.objects.create(pemda=lain, kode="metode-lain", nama="Metode Kota Lain")
    html = operator.get(BUAT).content.decode()
    assert 'value="Survei Kepuasan Masyarakat Kecamatan Panti Tahun 2020"' in html  # a title to start from
    assert "SKM menurut PermenPANRB 14/2017 — 9 unsur (nasional)" in html
    assert "Survei Kepuasan Masyarakat Kecamatan Panti (14 unsur) — 14 unsur (metode pemda)" in html
    assert "Metode Kota Lain" not in html
    assert "Seksi Pelayanan Umum" in html and "— seluruh instansi —" in html


def test_operator_creates_a_survey_whose_code_is_made_from_its_title(operator, personas):
    response = operator.post(BUAT, _isian())
    survei = _panti("skm-kecamatan-panti-2020")
    assert response.status_code == 302 and response["Location"] == f"{URL}#survei-skm-kecamatan-panti-2020"
    assert (survei.tahun, survei.metode, survei.unit.kode, str(survei.mulai), survei.terbuka, survei.populasi) == (
        2020,
        _metode(),
        "seksi-pelayanan-umum",
        "2020-07-01",
        True,
        300,
    )
    assert survei.daftar_layanan == ["KTP elektronik", "Surat pindah"]
    entry = LogEntry.objects.get(content_type__model="surveiskm", object_pk=str(survei.pk))
    assert entry.action == LogEntry.Action.CREATE and entry.actor == personas.operator
    operator.post(BUAT, _isian())  # the same title again gets the next free code
    assert _panti("skm-kecamatan-panti-2020-2").judul == survei.judul
    html = operator.get(URL).content.decode()
    assert "Survei “Survei Kepuasan Masyarakat Kecamatan Panti Tahun 2020” dibuat." in html
    assert 'href="/skm/kecamatan-panti/skm-kecamatan-panti-2020/"' in html  # the questionnaire is open
    assert operator.get("/skm/kecamatan-panti/skm-kecamatan-panti-2020/").status_code == 200


def test_bad_settings_are_named_next_to_their_fields_and_nothing_is_written(operator):
    sukorambi = UnitOrganisasi.objects.create(
        instansi=Instansi.objects.get(slug="kecamatan-sukorambi"), kode="loket", nama="Loket", jenis="upt"
    )
    before = _survei_db()
    cases = {
        "judul": (_isian(judul=""), "Tulis judul survei."),
        "mulai": (_isian(mulai="2021-01-05"), "Tanggal 5 Januari 2021 di luar tahun survei 2020."),
        "selesai": (_isian(mulai="2020-09-01", selesai="2020-08-01"), "Akhir periode tidak boleh sebelum awalnya."),
        "kode": (_isian(kode="skm-2020"), "Kode skm-2020 sudah dipakai survei lain instansi ini."),
        "unit": (_isian(unit=sukorambi.pk), "Masukkan pilihan yang valid"),
        "metode": (_isian(metode=""), "Pilih metode survei."),
    }
    for field, (data, pesan) in cases.items():
        response = operator.post(BUAT, data)
        html = response.content.decode()
        assert response.status_code == 200 and "Belum disimpan." in html
        bidang = re.search(
            rf'<div class="bidang bidang-salah">\s*<label for="id_{field}".*?</div>\s*</div>', html, re.S
        )
        assert bidang and pesan in bidang.group(0), field  # the message sits next to its field
    assert _survei_db() == before


def test_editing_keeps_the_code_and_refuses_another_method_once_there_are_answers(operator):
    url = f"{URL}skm-2020/ubah/"
    html = operator.get(url).content.decode()
    assert 'name="kode"' not in html and "Survei Kepuasan Masyarakat Kecamatan Panti Tahun 2020" in html
    before = _survei_db()
    html = operator.post(url, _isian(metode=_metode().pk)).content.decode()
    assert "Metode tidak dapat diganti: survei ini sudah berisi jawaban atas unsur metode lama." in html
    assert _survei_db() == before
    panti = MetodeSKM.objects.get(kode="panti-14-unsur")
    data = _isian(metode=panti.pk, judul="SKM Kecamatan Panti 2020", terbuka=None, analisis="Unsur 9 terendah.")
    assert operator.post(url, data).status_code == 302
    survei = _panti("skm-2020")
    assert (survei.judul, survei.terbuka, survei.analisis) == ("SKM Kecamatan Panti 2020", False, "Unsur 9 terendah.")
    assert survei.distribusi.count() == 14  # the answers stay


def test_the_questionnaire_is_opened_and_closed_with_a_button(operator, client):
    assert operator.post(f"{URL}skm-2020/atur/buka/").status_code == 302
    assert _panti("skm-2020").terbuka
    assert "Kuesioner daring “Survei Kepuasan Masyarakat Kecamatan Panti Tahun 2020” dibuka" in (
        operator.get(URL).content.decode()
    )
    assert client.get("/skm/kecamatan-panti/skm-2020/").status_code == 200
    operator.post(f"{URL}skm-2020/atur/tutup/")
    assert not _panti("skm-2020").terbuka
    assert Client().get("/skm/kecamatan-panti/skm-2020/").status_code == 403


def test_a_published_result_is_on_the_transparency_page_until_taken_back(operator):
    publik = Client()
    assert "71,04" not in publik.get("/transparansi/kecamatan-panti/").content.decode()
    operator.post(f"{URL}skm-2020/atur/terbitkan/")
    assert _panti("skm-2020").diterbitkan
    assert "71,04" in publik.get("/transparansi/kecamatan-panti/").content.decode()
    assert 'href="/transparansi/kecamatan-panti/#skm">hasil diterbitkan<' in operator.get(URL).content.decode()
    operator.post(f"{URL}skm-2020/atur/tarik/")
    assert "Belum ada hasil survei yang diterbitkan." in publik.get("/transparansi/kecamatan-panti/").content.decode()


def test_a_survey_without_answers_cannot_be_published(operator):
    _kosong()
    before = _survei_db()
    response = operator.post(f"{URL}skm-loket-2020/atur/terbitkan/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tidak disimpan." in html and "Survei Loket: Hasil belum dapat diterbitkan: survei ini belum berisi" in html
    assert _survei_db() == before


def test_a_survey_is_deleted_only_while_it_holds_no_answers(operator, personas):
    url = f"{URL}skm-2020/hapus/"
    assert "Hapus survei…" not in re.search(
        r'id="survei-skm-2020".*?</section>', operator.get(URL).content.decode(), re.S
    ).group(0)
    before = _survei_db()
    response = operator.post(url)
    assert response.status_code == 409
    assert "Tidak dapat dihapus." in response.content.decode()
    assert "Survei ini sudah berisi distribusi jawaban 14 unsur." in response.content.decode()
    assert _survei_db() == before
    kosong = _kosong()
    assert f'href="{URL}skm-loket-2020/hapus/"' in operator.get(URL).content.decode()
    assert "Survei ini belum berisi jawaban." in operator.get(f"{URL}skm-loket-2020/hapus/").content.decode()
    assert operator.post(f"{URL}skm-loket-2020/hapus/").status_code == 302
    assert not SurveiSKM.objects.filter(pk=kosong.pk).exists()
    entry = LogEntry.objects.get(
        content_type__model="surveiskm", object_pk=str(kosong.pk), action=LogEntry.Action.DELETE
    )
    assert entry.actor == personas.operator


def test_the_ikm_becomes_the_yearly_realisasi_of_the_chosen_skm_indicator(operator, personas):
    html = operator.get(URL).content.decode()
    # Panti's Renstra has two SKM indicators: the tujuan's and the sasaran's (the survey's own)
    pilihan = re.search(r'<select name="indikator"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert "tujuan-1-skm — Hasil Survey Kepuasan Masyarakat (SKM) (belum diisi)" in pilihan
    assert re.search(
        r'<option value="\d+" selected>skm — Hasil Survei Kepuasan Masyarakat .*?\(realisasi kini B \(70,89\)\)',
        pilihan,
    )
    assert "Nilai IKM 71,04 (B) menjadi realisasi tahunan 2020 indikator ini" in html

    skm = _panti("skm-2020").indikator
    response = operator.post(f"{URL}skm-2020/realisasi/", {"indikator": skm.pk})
    assert response.status_code == 302
    r = Realisasi.objects.get(indikator=skm, tahun=2020, periode="tahun")
    assert (r.nilai, r.mutu) == (Decimal("71.04"), "B")  # 71,0416… as the SKM report prints it
    assert r.catatan == (
        "Hasil survei SKM skm-2020: Survei Kepuasan Masyarakat Kecamatan Panti Tahun 2020; nilai 71,04 (B, Baik), "
        "jumlah responden tidak diketahui."
    )
    entry = LogEntry.objects.filter(content_type__model="realisasi", object_pk=str(r.pk)).latest("timestamp")
    assert entry.action == LogEntry.Action.UPDATE and entry.actor == personas.operator
    assert entry.changes_dict["nilai"] == ["70.8900", "71.04"]  # the report's B (70,89) replaced
    assert (
        "Realisasi tahunan 2020 indikator “Hasil Survei Kepuasan Masyarakat (SKM) pada bidang pelayanan publik” diisi B (71,04)"
        in (operator.get(URL).content.decode())
    )


def test_choosing_another_skm_indicator_links_the_survey_to_it(operator):
    tujuan = SurveiSKM.indikator_skm(Instansi.objects.get(slug="kecamatan-panti"), 2020).get(kode="tujuan-1-skm")
    assert operator.post(f"{URL}skm-2020/realisasi/", {"indikator": tujuan.pk}).status_code == 302
    assert _panti("skm-2020").indikator == tujuan
    r = Realisasi.objects.get(indikator=tujuan, tahun=2020, periode="tahun")
    assert (r.nilai, r.mutu) == (Decimal("71.04"), "B")


def test_the_realisasi_needs_a_chosen_indicator_of_this_renstra(operator):
    bukan_skm = Indikator.objects.filter(renstra__instansi__slug="kecamatan-panti", kode="rekomendasi").first()
    before = _realisasi_db()
    for data, pesan in (
        ({}, "Pilih indikator SKM yang realisasinya diisi."),
        ({"indikator": bukan_skm.pk}, "Masukkan pilihan yang valid"),
    ):
        response = operator.post(f"{URL}skm-2020/realisasi/", data)
        assert response.status_code == 200 and pesan in response.content.decode()
    assert _realisasi_db() == before


def test_an_approved_year_refuses_every_change_of_a_survey_with_the_frozen_message(operator):
    _kosong()
    TahunKinerja.objects.create(instansi=Instansi.objects.get(slug="kecamatan-panti"), tahun=2020, status="disetujui")
    survei, realisasi = _survei_db(), _realisasi_db()
    skm = _panti("skm-2020").indikator
    for url, data, pesan in (
        (BUAT, _isian(), "Data tahun 2020 sudah disetujui dan dibekukan"),
        (f"{URL}skm-2020/ubah/", _isian(), "Data tahun 2020 sudah disetujui dan dibekukan"),
        (f"{URL}skm-2020/atur/buka/", {}, "dibekukan; pengaturan survei tidak dapat diubah"),
        (f"{URL}skm-2020/realisasi/", {"indikator": skm.pk}, "dibekukan; realisasi tidak dapat diisi dari survei"),
        (f"{URL}skm-loket-2020/hapus/", {}, "dibekukan: survei tidak dapat dihapus"),
    ):
        response = operator.post(url, data)
        assert response.status_code == 409 and pesan in response.content.decode(), url
    assert (_survei_db(), _realisasi_db()) == (survei, realisasi)
    html = operator.get(URL).content.decode()
    assert "Buat survei" not in html and "Pakai sebagai realisasi" not in html


def test_readers_see_no_survey_management(client, personas):
    client.force_login(personas.kepala)
    html = client.get(URL).content.decode()
    for teks in (
        "Buat survei",
        "Ubah pengaturan",
        "Buka kuesioner daring",
        "Pakai sebagai realisasi",
        "Hapus survei",
    ):
        assert teks not in html
    assert client.post(f"{URL}skm-2020/atur/buka/").status_code == 403 and not _panti("skm-2020").terbuka
