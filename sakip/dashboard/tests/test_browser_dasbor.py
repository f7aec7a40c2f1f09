"""The admin, logged in through the real login page, reads every agency's status on the pemda
dashboard and opens an agency's dashboard. Screenshots go to $SAKIP_SCREENSHOTS when set."""

from sakip.organisation.models import Instansi
from sakip.reporting.models import TahunKinerja
from sakip.tests.browser import login


def test_admin_reads_each_agency_status_on_the_pemda_dashboard(page, personas, transactional_db, shots, csp_violations):
    TahunKinerja.objects.create(instansi=Instansi.objects.get(slug="kecamatan-panti"), tahun=2020, status="diajukan")
    login(page, "admin")
    page.get_by_role("link", name="Dasbor kinerja semua instansi").first.click()
    page.wait_for_url("**/dasbor/kabupaten-jember/2020/")
    shots(page, "dasbor-pemda")
    panti = page.get_by_role("row").filter(has_text="Kecamatan Panti")
    assert panti.get_by_role("link", name="Diajukan").is_visible()
    sukorambi = page.get_by_role("row").filter(has_text="Kecamatan Sukorambi")
    assert sukorambi.get_by_role("link", name="Draft").is_visible()
    assert "belum ada target indikator" in sukorambi.inner_text()
    assert page.get_by_text("batas penyampaian LKIP: 31 Maret 2021").is_visible()

    page.get_by_role("button", name="Buat semua LKIP (DOCX)").click()
    assert page.locator("progress").is_visible()  # polled by HTMX until the ZIP is ready
    shots(page, "dasbor-lkip-massal-berjalan")
    page.get_by_role("link", name="Unduh ZIP").wait_for(timeout=180_000)
    shots(page, "dasbor-lkip-massal-selesai")
    assert page.get_by_role("button", name="Buat semua LKIP (PDF)").is_enabled()

    panti.get_by_role("link", name="Kecamatan Panti").click()
    page.wait_for_url("**/instansi/kecamatan-panti/2020/dasbor/")
    shots(page, "dasbor-instansi")
    assert page.get_by_role("heading", name="Capaian indikator").is_visible()
    assert page.locator("svg.tren").count() > 0
    assert csp_violations == []


def test_the_public_page_needs_no_login(page, examples, transactional_db, shots):
    page.goto("/transparansi/")
    page.get_by_role("link", name="Dinas Kesehatan Kabupaten Sukamaju").click()
    page.wait_for_url("**/transparansi/dinas-kesehatan-sukamaju/")
    shots(page, "transparansi-instansi")
    assert page.get_by_role("link", name="Perjanjian Kinerja Perubahan 2022 (PDF)").is_visible()
