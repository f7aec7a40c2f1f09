"""The operator starts the 2021 Perjanjian Kinerja of Kecamatan Panti in a real Chromium: create
it from the Renstra, choose its indicators, fill its program table (a bad amount refused), sign
it, and read it on a phone. Screenshots go to $SAKIP_SCREENSHOTS when set."""

from datetime import date
from decimal import Decimal

from sakip.planning.models import Indikator, PerjanjianKinerja, Program
from sakip.tests.browser import login

URL = "/instansi/kecamatan-panti/2021/pk/"


def test_operator_creates_a_pk_chooses_its_indicators_and_fills_its_programs(
    page, phone, personas, transactional_db, shots, csp_violations
):
    login(page, "operator")
    page.goto(URL)
    page.get_by_text("Belum ada Perjanjian Kinerja untuk tahun ini.").wait_for()
    shots(page, "pk-01-belum-ada")

    page.get_by_role("link", name="Buat Perjanjian Kinerja").click()
    page.get_by_role("heading", name="Buat Perjanjian Kinerja — Kecamatan Panti 2021").wait_for()
    assert page.get_by_label("Jabatan pihak pertama").input_value() == "Camat Panti"
    assert "FAIDA" in page.get_by_label("Pihak kedua", exact=True).locator("option:checked").inner_text()
    shots(page, "pk-02-buat")
    page.get_by_role("button", name="Buat Perjanjian Kinerja").click()
    page.get_by_text("Perjanjian Kinerja tahun 2021 dibuat dengan 3 indikator dari Renstra.").wait_for()
    shots(page, "pk-03-dibuat")
    pk = PerjanjianKinerja.objects.get(instansi__slug="kecamatan-panti", tahun=2021)

    # choose the indicators: one more from the Renstra, one taken out
    page.get_by_role("link", name="Tambah atau keluarkan indikator").click()
    tambahan = Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode="p5-ip1")
    page.get_by_label("Indikator", exact=True).select_option(str(tambahan.pk))
    page.get_by_label("Target (tidak wajib)", exact=True).fill("95")
    page.get_by_role("button", name="Tambah indikator").click()
    page.get_by_text("ditambahkan ke Perjanjian Kinerja dengan target 95 %.").wait_for()
    desa = pk.target.get(indikator__kode="desa-dokumen")
    row = page.locator(f"#target-{desa.pk}")
    row.get_by_text("Keluarkan", exact=True).click()
    shots(page, "pk-04-indikator")
    row.get_by_role("button", name="Ya, keluarkan dari PK").click()
    page.get_by_text("dikeluarkan dari Perjanjian Kinerja.").wait_for()
    assert sorted(pk.target.values_list("indikator__kode", flat=True)) == ["p5-ip1", "rekomendasi", "skm"]

    # the program table: a bad amount is named and nothing is written, then saved
    page.get_by_role("link", name="Kembali ke Perjanjian Kinerja").click()
    page.get_by_role("link", name="Ubah program dan anggaran").click()
    p1, p5 = (Program.objects.get(renstra__instansi__slug="kecamatan-panti", kode=k) for k in ("p1", "p5"))
    page.locator(f'[name="r-{p1.pk}-anggaran"]').fill("dua juta")
    page.locator(f'[name="r-{p5.pk}-anggaran"]').fill("22.660.000")
    page.get_by_role("button", name="Simpan program dan anggaran").click()
    page.get_by_text("Belum disimpan: 1 isian perlu diperbaiki.").wait_for()
    shots(page, "pk-05-program-salah")
    assert not pk.program.exists()
    page.locator(f'[name="r-{p1.pk}-anggaran"]').fill("255.975.000")
    page.get_by_role("button", name="Simpan program dan anggaran").click()
    page.get_by_text("Tersimpan: 2 isian.").wait_for()
    assert dict(pk.program.values_list("program__kode", "anggaran")) == {
        "p1": Decimal(255975000),
        "p5": Decimal(22660000),
    }

    # signed: the date of the agreement
    page.get_by_role("link", name="Kembali ke Perjanjian Kinerja").click()
    page.get_by_role("link", name="Ubah tempat, tanggal dan para pihak").click()
    page.get_by_label("Tanggal penandatanganan").fill("2021-01-04")
    shots(page, "pk-06-naskah")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Data penandatanganan Perjanjian Kinerja tersimpan.").wait_for()
    shots(page, "pk-07-berlaku")
    pk.refresh_from_db()
    assert pk.tanggal == date(2021, 1, 4)
    assert csp_violations == []

    login(phone, "operator")
    phone.goto(URL)
    phone.get_by_text("4 Januari 2021").first.wait_for()
    shots(phone, "pk-08-ponsel")
    phone.goto(f"{URL}indikator/")
    shots(phone, "pk-09-ponsel-indikator")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360 + 1


def test_operator_fills_the_rencana_aksi_of_the_pk_in_force(
    page, phone, personas, transactional_db, shots, csp_violations
):
    url = "/instansi/kecamatan-panti/2020/pk/"
    login(page, "operator")
    page.goto(url)
    page.get_by_role("link", name="Isi rencana aksi triwulanan").click()
    page.get_by_role("heading", name="Rencana aksi — Perjanjian Kinerja Perubahan — Kecamatan Panti 2020").wait_for()
    pk = PerjanjianKinerja.berlaku(personas.operator.peran.instansi, 2020)
    t = pk.target.get(indikator__kode="rekomendasi")
    page.get_by_label("Target TW I — Prosentase Rekomendasi", exact=False).fill("25")
    page.get_by_label("Rencana aksi TW I — Prosentase Rekomendasi", exact=False).fill("Inventarisasi rekomendasi")
    page.get_by_label("Target TW II — Prosentase Rekomendasi", exact=False).fill("lima puluh")
    page.get_by_role("button", name="Simpan rencana aksi").click()
    page.get_by_text("Belum disimpan: 1 isian perlu diperbaiki.").wait_for()
    shots(page, "ra-01-salah")
    assert not t.rencana_aksi.exists()
    page.get_by_label("Target TW II — Prosentase Rekomendasi", exact=False).fill("50")
    page.get_by_label("Rencana aksi TW II — Prosentase Rekomendasi", exact=False).fill(
        "Rapat koordinasi tindak lanjut rekomendasi bersama desa dan Forkopimka"
    )
    page.get_by_role("button", name="Simpan rencana aksi").click()
    page.get_by_text("Tersimpan: 4 isian.").wait_for()
    shots(page, "ra-02-tersimpan")
    assert sorted(t.rencana_aksi.values_list("triwulan", "nilai")) == [(1, Decimal(25)), (2, Decimal(50))]
    page.get_by_role("link", name="Kembali ke Perjanjian Kinerja").click()
    page.get_by_text("25 · 50 · – · –").wait_for()
    shots(page, "ra-03-pk")
    assert csp_violations == []

    login(phone, "operator")
    phone.goto(f"{url}rencana-aksi/")
    shots(phone, "ra-04-ponsel")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360 + 1
