"""The Renstra's structure page of Kecamatan Panti: the cascade as a document, each item edited,
added and deleted on its own (one row, one audit entry), a new indicator reaching the Renstra
grid, the model's own rules shown next to the fields, and nothing written for a frozen year or
for a user who may not edit."""

import pytest
from auditlog.models import LogEntry

from sakip.organisation.models import Instansi
from sakip.planning.models import Indikator, Kebijakan, Kegiatan, Program, Renstra, Sasaran, Strategi, Tujuan
from sakip.reporting.models import TahunKinerja
from sakip.tests.browser import login

URL = "/instansi/kecamatan-panti/2020/renstra/struktur/"


def _renstra() -> Renstra:
    return Renstra.aktif(Instansi.objects.get(slug="kecamatan-panti"), 2020)


def _get(model, **lookup):
    return model.objects.get(**lookup, **{_KE_RENSTRA[model]: _renstra()})


_KE_RENSTRA = {
    Tujuan: "renstra",
    Sasaran: "tujuan__renstra",
    Kebijakan: "sasaran__tujuan__renstra",
    Strategi: "sasaran__tujuan__renstra",
    Program: "renstra",
    Kegiatan: "program__renstra",
    Indikator: "renstra",
}


def _snapshot():
    """Every row of the cascade of Panti's Renstra versions, to compare before and after."""
    renstra = Renstra.objects.filter(instansi__slug="kecamatan-panti")
    return [
        sorted(m.objects.filter(**{f"{_KE_RENSTRA[m]}__in": renstra}).values_list(*fields))
        for m, fields in [
            (Tujuan, ("pk", "kode", "uraian")),
            (Sasaran, ("pk", "kode", "uraian")),
            (Strategi, ("pk", "uraian")),
            (Kebijakan, ("pk", "uraian")),
            (Program, ("pk", "kode", "nama", "sasaran")),
            (Kegiatan, ("pk", "kode", "nama")),
            (Indikator, ("pk", "kode", "nama", "satuan", "jenis_nilai", "kategori", "iku")),
        ]
    ]


def _entries(obj) -> list[int]:
    """The audit-trail actions recorded for `obj`, oldest first."""
    return list(LogEntry.objects.get_for_object(obj).order_by("timestamp", "pk").values_list("action", flat=True))


def _article(html: str, anchor: str) -> str:
    """The HTML of one item of the page, from its anchor up to the next item of any kind."""
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("<article", start + 1)]


def test_the_page_reads_the_cascade_with_each_indicator_under_its_owner(operator, django_assert_max_num_queries):
    sasaran = _get(Sasaran, kode="sasaran-1")
    program = _get(Program, kode="p5")
    with django_assert_max_num_queries(25):
        html = operator.get(URL).content.decode()
    assert "Perubahan Renstra Kecamatan Panti 2016–2021, versi yang berlaku untuk tahun 2020" in html
    bagian = _article(html, f"sasaran-{sasaran.pk}")
    assert "Meningkatnya Kualitas Pelayanan" in bagian
    assert "Hasil Survei Kepuasan Masyarakat (SKM) pada bidang pelayanan publik" in bagian
    assert "Orientasi Pelayanan Publik Berbasis Kepuasan Masyarakat" in bagian  # its strategi
    assert "Peningkatan dukungan bagi peningkatan kapasitas/kinerja pelayanan publik" in bagian  # its kebijakan
    assert f'<a href="#program-{program.pk}">p5 Program Penyelenggaraan Pelayanan Umum Kecamatan</a>' in bagian
    bagian = _article(html, f"program-{program.pk}")
    assert f'Mendukung sasaran: <a href="#sasaran-{sasaran.pk}">' in bagian
    assert "p5-ip1" in bagian
    kegiatan = _get(Kegiatan, kode="p5-k1")
    bagian = html[html.index(f'id="kegiatan-{kegiatan.pk}"') :]
    kk = _get(Indikator, kode="p5-k1-o1-kk")
    assert bagian.index("p5-k1-o1 ") < bagian.index(f'<li id="indikator-{kk.pk}" class="komponen">')
    assert f'href="/instansi/kecamatan-panti/2020/renstra/#indikator-{kk.pk}">Target</a>' in bagian


def test_readers_get_the_same_document_without_edit_links(client, personas):
    client.force_login(personas.kepala)
    html = client.get(URL).content.decode()
    assert "Meningkatnya Kualitas Pelayanan" in html
    assert "Peran Anda hanya dapat membaca halaman ini." in html
    assert ">Ubah</a>" not in html and "+ Tambah" not in html


def test_editing_a_sasaran_writes_that_row_only_and_the_audit_trail_has_it(operator):
    sasaran = _get(Sasaran, kode="sasaran-2")
    before, logged = _snapshot(), _entries(sasaran)
    response = operator.post(f"{URL}sasaran/{sasaran.pk}/", {"kode": "sasaran-2", "uraian": "Meningkatnya Koordinasi"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}#sasaran-{sasaran.pk}"
    sasaran.refresh_from_db()
    assert sasaran.uraian == "Meningkatnya Koordinasi"
    after = _snapshot()
    assert [a for a, b in zip(before, after, strict=True) if a != b] == [before[1]]
    assert _entries(sasaran) == [*logged, LogEntry.Action.UPDATE]
    assert "Tersimpan: sasaran “Meningkatnya Koordinasi”." in operator.get(URL).content.decode()


def test_htmx_asks_for_the_form_only_with_its_own_field_ids(operator):
    tujuan = _get(Tujuan, kode="tujuan-1")
    html = operator.get(f"{URL}tujuan/{tujuan.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html
    assert f'<form method="post" action="{URL}tujuan/{tujuan.pk}/"' in html
    assert f'id="tujuan-{tujuan.pk}-uraian"' in html
    assert "Meningkatnya Kualitas Kelembagaan" in html  # the current text to correct
    full = operator.get(f"{URL}tujuan/{tujuan.pk}/").content.decode()
    assert "<html" in full and "<h1>Ubah tujuan</h1>" in full


def test_adding_items_under_their_parent_places_them_last(operator):
    tujuan = _get(Tujuan, kode="tujuan-2")
    response = operator.post(
        f"{URL}tujuan/{tujuan.pk}/tambah/sasaran/", {"kode": "sasaran-3", "uraian": "Meningkatnya Partisipasi Desa"}
    )
    baru = Sasaran.objects.get(tujuan=tujuan, kode="sasaran-3")
    assert response["Location"] == f"{URL}#sasaran-{baru.pk}"
    assert baru.urutan > max(s.urutan for s in tujuan.sasaran.exclude(pk=baru.pk))
    operator.post(f"{URL}sasaran/{baru.pk}/tambah/strategi/", {"uraian": "Pendampingan musyawarah desa"})
    assert baru.strategi.get().uraian == "Pendampingan musyawarah desa"

    program = _get(Program, kode="p6")
    operator.post(
        f"{URL}program/{program.pk}/tambah/kegiatan/", {"kode": "p6-k4", "nama": "Fasilitasi Musrenbang Desa"}
    )
    assert program.kegiatan.get(kode="p6-k4").nama == "Fasilitasi Musrenbang Desa"
    operator.post(f"{URL}tambah/program/", {"kode": "7.01.02", "nama": "Program Penunjang Urusan", "sasaran": ""})
    assert _get(Program, kode="7.01.02").sasaran is None
    html = operator.get(URL).content.decode()
    lama = _get(Sasaran, kode="sasaran-2")
    assert html.index(f'id="sasaran-{baru.pk}"') > html.index(f'id="sasaran-{lama.pk}"')  # last under its tujuan
    assert "Fasilitasi Musrenbang Desa" in html and "Program Penunjang Urusan" in html


def test_a_new_indicator_gets_a_free_kode_and_then_appears_in_the_renstra_grid(operator):
    kegiatan = _get(Kegiatan, kode="p6-k2")
    form = operator.get(f"{URL}kegiatan/{kegiatan.pk}/tambah/indikator/").content.decode()
    assert 'value="p6-k2-2"' in form  # p6-k2 has one indicator
    response = operator.post(
        f"{URL}kegiatan/{kegiatan.pk}/tambah/indikator/",
        {
            "nama": "Jumlah dokumen RKA yang diverifikasi",
            "kode": "p6-k2-2",
            "satuan": "dokumen",
            "jenis_nilai": "angka",
            "rumus": "positif",
            "kategori": "output",
            "iku": "on",
        },
    )
    ind = Indikator.objects.get(renstra=_renstra(), kode="p6-k2-2")
    assert response["Location"] == f"{URL}#indikator-{ind.pk}"
    assert (ind.kegiatan, ind.satuan, ind.kategori, ind.iku) == (kegiatan, "dokumen", "output", True)
    grid = operator.get("/instansi/kecamatan-panti/2020/renstra/").content.decode()
    assert "Jumlah dokumen RKA yang diverifikasi" in grid
    assert f'name="r-{ind.pk}-t2021" value=""' in grid  # its targets are entered there


def test_the_models_own_rules_are_shown_next_to_the_fields_and_nothing_is_written(operator):
    sasaran = _get(Sasaran, kode="sasaran-1")
    before = _snapshot()
    html = operator.post(
        f"{URL}sasaran/{sasaran.pk}/tambah/indikator/",
        {"nama": "", "kode": "skm", "satuan": "x" * 51, "jenis_nilai": "angka", "rumus": "positif", "kategori": "kira"},
    ).content.decode()
    assert "Belum disimpan: perbaiki isian bertanda merah." in html
    assert _field_error(html, "nama") == "Bidang ini tidak boleh kosong."
    assert _field_error(html, "kode") == "Kode “skm” sudah dipakai; tulis kode lain."
    assert "paling banyak 50 karakter" in _field_error(html, "satuan")
    assert "kira bukan salah satu dari pilihan yang tersedia" in _field_error(html, "kategori")
    html = operator.post(f"{URL}sasaran/{sasaran.pk}/", {"kode": "Sasaran Satu!", "uraian": "x"}).content.decode()
    assert (
        _field_error(html, "kode")
        == "Kode hanya boleh berisi huruf, angka dan tanda hubung, tanpa spasi (mis. sasaran-3)."
    )
    assert _snapshot() == before


def _field_error(html: str, field: str) -> str:
    """The error shown in the form group of `field`."""
    group = html[html.index(f'-{field}"') :]
    group = group[: group.index('<div class="bidang')] if '<div class="bidang' in group else group
    start = group.index('<div class="galat">') + len('<div class="galat">')
    return group[start : group.index("</div>", start)]


def test_deleting_is_refused_with_what_still_depends_on_it(operator):
    tujuan = _get(Tujuan, kode="tujuan-1")
    before = _snapshot()
    html = operator.get(f"{URL}tujuan/{tujuan.pk}/hapus/").content.decode()
    assert "Tidak dapat dihapus." in html and "Ya, hapus" not in html
    response = operator.post(f"{URL}tujuan/{tujuan.pk}/hapus/")
    assert response.status_code == 409
    html = response.content.decode()
    assert "Masih ada yang bergantung pada tujuan ini: 1 sasaran, 1 indikator." in html
    ind = _get(Indikator, kode="skm")
    html = operator.post(f"{URL}indikator/{ind.pk}/hapus/").content.decode()
    assert "10 target" in html and "2 realisasi" in html
    program = _get(Program, kode="p1")
    html = operator.post(f"{URL}program/{program.pk}/hapus/").content.decode()
    assert "5 kegiatan, 1 program perjanjian kinerja, 1 anggaran." in html  # its budget and PK line keep it
    assert _snapshot() == before


def test_an_item_nothing_depends_on_is_deleted_and_the_audit_trail_keeps_it(operator):
    kebijakan = _get(Kebijakan, uraian__startswith="Membangun koordinasi")
    sasaran = kebijakan.sasaran
    logged = _entries(kebijakan)
    assert "Ya, hapus" in operator.get(f"{URL}kebijakan/{kebijakan.pk}/hapus/").content.decode()
    response = operator.post(f"{URL}kebijakan/{kebijakan.pk}/hapus/")
    assert response["Location"] == f"{URL}#sasaran-{sasaran.pk}"
    assert not Kebijakan.objects.filter(pk=kebijakan.pk).exists()
    assert _entries(kebijakan) == [*logged, LogEntry.Action.DELETE]


@pytest.mark.parametrize(
    "path",
    [
        "tambah/sasaran/",  # a sasaran needs its tujuan
        "tambah/indikator/",
        "program/{program}/tambah/sasaran/",  # not under a program
        "kebijakan/{kebijakan}/tambah/indikator/",
        "misi/{program}/",
        "kegiatan/{kegiatan_lain}/",  # a kegiatan of Dinas Kesehatan Sukamaju
    ],
)
def test_a_kind_or_item_that_does_not_belong_there_answers_404(operator, path):
    ids = {
        "program": _get(Program, kode="p1").pk,
        "kebijakan": _get(Kebijakan, uraian__startswith="Membangun koordinasi").pk,
        "kegiatan_lain": Kegiatan.objects.filter(program__renstra__instansi__slug="dinas-kesehatan-sukamaju")[0].pk,
    }
    assert operator.get(URL + path.format(**ids)).status_code == 404


def test_an_item_of_another_agency_or_version_answers_404(client, personas):
    tujuan = _get(Tujuan, kode="tujuan-1")
    panti = Instansi.objects.get(slug="kecamatan-panti")
    perubahan = Renstra.objects.create(
        instansi=panti, kode="2016-2021-perubahan-2", tahun_awal=2016, tahun_akhir=2021, versi=2, berlaku_mulai=2021
    )
    kelak = Tujuan.objects.create(renstra=perubahan, kode="tujuan-1", uraian="Tujuan mulai 2021")
    client.force_login(personas.operator_lain)
    assert client.get(f"/instansi/kecamatan-sukorambi/2020/renstra/struktur/tujuan/{tujuan.pk}/").status_code == 404
    client.force_login(personas.operator)
    assert client.get(f"{URL}tujuan/{kelak.pk}/").status_code == 404  # not the version in force in 2020
    assert client.get(f"/instansi/kecamatan-panti/2021/renstra/struktur/tujuan/{kelak.pk}/").status_code == 200


def test_an_approved_year_of_the_renstra_freezes_its_structure_with_the_reason(operator):
    panti = Instansi.objects.get(slug="kecamatan-panti")
    TahunKinerja.objects.create(instansi=panti, tahun=2021, status=TahunKinerja.Status.DISETUJUI)
    sasaran = _get(Sasaran, kode="sasaran-1")
    before = _snapshot()
    html = operator.get(URL).content.decode()
    assert "Data Kecamatan Panti tahun 2021 sudah disetujui dan dibekukan" in html
    assert ">Ubah</a>" not in html
    response = operator.post(f"{URL}sasaran/{sasaran.pk}/", {"kode": "sasaran-1", "uraian": "Diubah"})
    assert response.status_code == 409
    assert "tahun 2021 sudah disetujui dan dibekukan" in response.content.decode()
    assert operator.post(f"{URL}tambah/tujuan/", {"kode": "t9", "uraian": "Baru"}).status_code == 409
    assert (
        operator.post(f"{URL}kebijakan/{Kebijakan.objects.filter(sasaran=sasaran).get().pk}/hapus/").status_code == 409
    )
    assert _snapshot() == before


def test_the_operator_corrects_a_sasaran_and_adds_an_indicator_in_place(
    page, phone, personas, transactional_db, shots, csp_violations
):
    sasaran = _get(Sasaran, kode="sasaran-2")
    kegiatan = _get(Kegiatan, kode="p6-k3")
    login(page, "operator")
    page.goto(URL)
    page.get_by_role("link", name="Struktur Renstra").first.wait_for()
    shots(page, "struktur")

    page.locator(f"#teks-sasaran-{sasaran.pk}").get_by_role("link", name="Ubah").click()
    uraian = page.locator(f"#sasaran-{sasaran.pk}-uraian")  # the form is put in place of the text
    uraian.fill("Meningkatnya Koordinasi Penyelenggaraan Pemerintahan Kecamatan dan Desa")
    shots(page, "struktur-ubah")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan: sasaran").wait_for()
    assert page.locator(f"#teks-sasaran-{sasaran.pk}").inner_text().count("Penyelenggaraan Pemerintahan Kecamatan") == 1

    page.locator(f"#kegiatan-{kegiatan.pk}").get_by_role("link", name="+ Tambah indikator kegiatan").click()
    page.get_by_label("Nama indikator").fill("Jumlah peserta rapat koordinasi")
    page.get_by_label("Satuan").fill("orang")
    page.get_by_label("Kategori").select_option("output")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Ditambahkan: indikator “Jumlah peserta rapat koordinasi”.").wait_for()
    ind = Indikator.objects.get(kegiatan=kegiatan, nama="Jumlah peserta rapat koordinasi")
    assert (ind.satuan, ind.kategori) == ("orang", "output")
    page.locator(f"#indikator-{ind.pk}").get_by_role("link", name="Target").click()
    page.locator(f'input[name="r-{ind.pk}-t2020"]').wait_for()

    page.goto(URL)
    page.get_by_role("link", name="+ Tambah tujuan").click()
    page.get_by_label("Kode").fill("tujuan-1")
    page.get_by_role("button", name="Simpan").click()  # without htmx: the form comes back as a page
    page.get_by_text("Kode “tujuan-1” sudah dipakai; tulis kode lain.").wait_for()
    page.get_by_text("Bidang ini tidak boleh kosong.").wait_for()  # the uraian
    shots(page, "struktur-galat")

    page.goto(f"{URL}tujuan/{_get(Tujuan, kode='tujuan-1').pk}/hapus/")
    shots(page, "struktur-hapus-ditolak")
    assert csp_violations == []

    login(phone, "operator")
    phone.goto(URL)
    phone.locator(f"#teks-sasaran-{sasaran.pk}").get_by_role("link", name="Ubah").click()
    phone.locator(f"#sasaran-{sasaran.pk}-uraian").wait_for()
    shots(phone, "struktur-ponsel")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
