"""The main journey of issue 4 in one walk through a real Chromium: the operator enters the 2020
realisasi of Kecamatan Panti with evidence and downloads the generated LKIP; the kepala submits;
the reviewer notes and passes; the admin sees the status change on the pemda dashboard and
approves; the operator's next edit is refused."""

import docx

from sakip.planning.models import Indikator
from sakip.tests.browser import login, logout

YEAR = "/instansi/kecamatan-panti/2020/"
DASHBOARD = "/dasbor/kabupaten-jember/2020/"


def _panti_status(page) -> str:
    page.goto(DASHBOARD)
    return page.locator("tr", has_text="Kecamatan Panti").first.inner_text()


def test_operator_to_approval_in_one_walk(page, personas, transactional_db, tmp_path, shots):
    ind = Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode="rekomendasi")
    login(page, "operator")
    page.goto(YEAR + "realisasi/")
    row = page.locator(f"#indikator-{ind.pk}")
    row.locator(f'[name="r-{ind.pk}-tahun"]').fill("95,97")
    row.locator("summary").click()
    bukti = tmp_path / "rekap rakor.pdf"
    bukti.write_bytes(b"%PDF-1.4\n% rekap\n")
    row.locator(f'[name="b-{ind.pk}-tahun"]').set_input_files(str(bukti))
    page.get_by_role("button", name="Simpan realisasi").click()
    page.get_by_text("Tersimpan:").wait_for()

    page.goto(YEAR)
    with page.expect_download(timeout=60_000) as download:
        page.locator(f'a[href="{YEAR}unduh/lkip.docx"]').click()
    lkip = docx.Document(str(download.value.path()))
    cells = {c.text for t in lkip.tables for r in t.rows for c in r.cells}
    assert "95,97 %" in cells  # the realisasi just entered is in the generated LKIP
    logout(page)

    login(page, "kepala")
    page.goto(YEAR)
    page.get_by_role("button", name="Ajukan untuk direviu").click()
    page.get_by_text("Status tahun 2020 sekarang Diajukan").wait_for()
    logout(page)

    login(page, "reviewer")
    page.goto(YEAR)
    page.get_by_label("Catatan").fill("Bukti rekap rapat koordinasi sudah diunggah; capaian 95,97 % wajar.")
    page.get_by_role("button", name="Simpan catatan reviu").click()
    page.get_by_text("Simpan catatan reviu: berhasil").wait_for()
    page.get_by_role("button", name="Nyatakan telah direviu").click()
    page.get_by_text("Status tahun 2020 sekarang Direviu").wait_for()
    logout(page)

    login(page, "admin")
    assert "Direviu" in _panti_status(page)
    shots(page, "journey-dasbor-direviu")
    page.goto(YEAR)
    page.get_by_role("button", name="Setujui dan bekukan").click(timeout=90_000)
    page.get_by_text("Status tahun 2020 sekarang Disetujui").wait_for(timeout=90_000)
    assert "Disetujui" in _panti_status(page)
    logout(page)

    login(page, "operator")
    page.goto(YEAR + "realisasi/")
    page.get_by_text("sudah disetujui dan dibekukan").first.wait_for()
    assert page.locator(f'[name="r-{ind.pk}-tahun"]').count() == 0  # read-only: no input to change
    shots(page, "journey-realisasi-beku")
