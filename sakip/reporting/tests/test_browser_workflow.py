"""The workflow in a real Chromium: the kepala submits, the reviewer notes and passes, the admin
approves, and an edit after approval is refused. Screenshots go to $SAKIP_SCREENSHOTS when set
(fixture `shots` in sakip/conftest.py)."""

from sakip.measurement.models import Realisasi
from sakip.tests.browser import login, logout

YEAR = "/instansi/kecamatan-panti/2020/"


def test_submit_review_approve_then_an_edit_is_refused(page, personas, transactional_db, shots, csp_violations):
    page.goto("/masuk/")
    shots(page, "01-masuk")
    login(page, "kepala")
    shots(page, "02-beranda-kepala")
    page.get_by_role("link", name="Kecamatan Panti").click()
    shots(page, "03-instansi")
    page.get_by_role("link", name="2020").first.click()
    page.wait_for_url(f"**{YEAR}")
    shots(page, "04-tahun-draft-kepala")
    page.get_by_role("button", name="Ajukan untuk direviu").click()
    page.get_by_text("Status tahun 2020 sekarang Diajukan").wait_for()
    logout(page)

    login(page, "reviewer")
    page.goto(YEAR)
    page.get_by_label("Catatan").fill(
        "IKU 2: target PK (75 %) berbeda dengan Renstra (80 %); mohon dijelaskan di BAB III."
    )
    page.get_by_role("button", name="Simpan catatan reviu").click()
    page.get_by_text("Simpan catatan reviu: berhasil").wait_for()
    assert page.locator("#riwayat").get_by_text("target PK (75 %) berbeda").is_visible()
    page.get_by_role("button", name="Nyatakan telah direviu").click()
    page.get_by_text("Status tahun 2020 sekarang Direviu").wait_for()
    shots(page, "05-tahun-direviu-reviewer")
    logout(page)

    login(page, "admin")
    page.goto(YEAR)
    page.get_by_role("button", name="Setujui dan bekukan").click(timeout=90_000)  # the LKIP takes seconds
    page.get_by_text("Status tahun 2020 sekarang Disetujui").wait_for(timeout=90_000)
    assert page.get_by_role("link", name="Unduh LKIP yang disetujui (PDF)").is_visible()
    page.locator("#jejak-isi table").wait_for()
    shots(page, "06-tahun-disetujui-admin")

    realisasi = Realisasi.objects.filter(indikator__renstra__instansi__slug="kecamatan-panti", tahun=2020).first()
    page.goto(f"/admin/measurement/realisasi/{realisasi.pk}/change/")
    page.locator("#id_catatan").fill("angka diubah sesudah disetujui")
    page.get_by_role("button", name="Simpan", exact=True).click()
    refusal = page.get_by_text("sudah disetujui dan dibekukan")
    refusal.wait_for()
    shots(page, "07-admin-ditolak")
    realisasi.refresh_from_db()
    assert realisasi.catatan != "angka diubah sesudah disetujui"
    assert csp_violations == []


def test_the_year_page_reads_on_a_phone(phone, personas, transactional_db, shots):
    login(phone, "operator")
    phone.goto(YEAR)
    phone.locator("#jejak-isi").wait_for()
    shots(phone, "08-tahun-ponsel")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width}px wide on a 360px screen"
