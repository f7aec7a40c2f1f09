"""The operator enters the 2020 realisasi of Kecamatan Panti in a real Chromium: live capaian
while typing, an evidence upload, save, and a bad cell refused. Screenshots go to
$SAKIP_SCREENSHOTS when set."""

from decimal import Decimal

from sakip.accounts.personas import PASSWORD
from sakip.measurement.models import Realisasi
from sakip.planning.models import Indikator

URL = "/instansi/kecamatan-panti/2020/realisasi/"


def test_operator_enters_realisasi_with_evidence_and_sees_capaian(page, personas, transactional_db, shots, tmp_path):
    ind = Indikator.objects.get(renstra__instansi__slug="kecamatan-panti", kode="rekomendasi")
    csp = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill("operator")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/")
    page.goto("/instansi/kecamatan-panti/2020/")
    page.get_by_role("link", name="Realisasi dan capaian").click()
    page.wait_for_url(f"**{URL}")
    shots(page, "realisasi-01-awal")

    row = page.locator(f"#indikator-{ind.pk}")
    for periode, value in (("tw1", "20"), ("tw2", "45,5"), ("tw3", "70"), ("tw4", "95,97")):
        row.locator(f'[name="r-{ind.pk}-{periode}"]').fill(value)
    row.locator(f'[name="r-{ind.pk}-tahun"]').fill("95,97")
    hasil = page.locator(f"#hasil-{ind.pk}")
    hasil.get_by_text("95,97 %").wait_for()  # computed by the server while typing, before saving
    assert "Baik" in hasil.inner_text()
    row.locator(f'[name="r-{ind.pk}-keterangan"]').fill("Rekap rapat koordinasi")
    row.locator("summary").click()
    bukti = tmp_path / "notulen rakor.pdf"
    bukti.write_bytes(b"%PDF-1.4\n% notulen\n")
    row.locator(f'[name="b-{ind.pk}-tahun"]').set_input_files(str(bukti))
    shots(page, "realisasi-02-diisi")
    page.get_by_role("button", name="Simpan realisasi").click()
    page.get_by_text("Tersimpan: 5 isian.").wait_for()
    shots(page, "realisasi-03-tersimpan")

    row = page.locator(f"#indikator-{ind.pk}")
    assert "95,97 %" in row.locator(f"#hasil-{ind.pk}").inner_text()
    assert "1 berkas" in row.locator("summary").inner_text()
    tahunan = Realisasi.objects.get(indikator=ind, tahun=2020, periode="tahun")
    assert tahunan.nilai == Decimal("95.97") and tahunan.catatan == "Rekap rapat koordinasi"
    assert tahunan.bukti.read() == b"%PDF-1.4\n% notulen\n"
    assert Realisasi.objects.get(indikator=ind, tahun=2020, periode="tw2").nilai == Decimal("45.5")

    # a bad cell: named by row and column, nothing written, the typed text kept
    row.locator(f'[name="r-{ind.pk}-tw1"]').fill("dua puluh")
    row.locator(f'[name="r-{ind.pk}-tw3"]').fill("71")
    page.get_by_role("button", name="Simpan realisasi").click()
    page.get_by_text("Belum disimpan: 1 isian perlu diperbaiki.").wait_for()
    shots(page, "realisasi-04-salah")
    assert page.locator(f'[name="r-{ind.pk}-tw1"]').input_value() == "dua puluh"
    assert Realisasi.objects.get(indikator=ind, tahun=2020, periode="tw3").nilai == Decimal(70)

    # the Renstra grid is one click away in the stage navigation
    page.get_by_role("link", name="Renstra: indikator dan target").click()
    page.get_by_role("heading", name="Renstra: indikator dan target — Kecamatan Panti").wait_for()
    assert page.locator(f'[name="r-{ind.pk}-t2020"]').input_value() == "80"
    shots(page, "renstra-01")

    # the PK: a perubahan copies the version in force
    page.get_by_role("link", name="Perjanjian Kinerja").click()
    page.get_by_role("button", name="Buat perubahan").click()
    page.get_by_text("Perjanjian Kinerja Perubahan ke-2 dibuat dari salinan").wait_for()
    shots(page, "pk-01-perubahan")

    page.get_by_role("link", name="Anggaran", exact=True).click()
    page.get_by_role("heading", name="Anggaran — Kecamatan Panti 2020").wait_for()
    shots(page, "anggaran-01")
    assert csp == []
