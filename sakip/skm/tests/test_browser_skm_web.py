"""The operator imports a Google Forms export into Kecamatan Panti's 2020 survey in a real
Chromium: the SKM page, the mapping step (one column corrected by hand), the result; the
mapping step at phone width; creating a survey and using a result as realisasi. Screenshots go
to $SAKIP_SCREENSHOTS when set."""

from decimal import Decimal

from sakip.measurement.models import Realisasi
from sakip.skm.models import SurveiSKM
from sakip.tests.browser import login

URL = "/instansi/kecamatan-panti/2020/skm/"
JUDUL = ["Timestamp", "Nama", "Jenis kelamin", "Umur", *[f"{n}. Unsur {n}" for n in range(1, 14)], "Nilai 14"]


def _ekspor(tmp_path):
    rows = [
        ["2020-08-01 09:00", "Ani", "Perempuan", "34", *["c. Baik"] * 13, "d"],
        ["2020-08-01 10:30", "Budi", "Laki-laki", "61", *["Sangat Baik"] * 13, "4"],
        ["2020-08-02 08:15", "Citra", "Perempuan", "22", *["3"] * 13, "3"],
    ]
    path = tmp_path / "Survei Kecamatan Panti (Jawaban).csv"
    path.write_text("\n".join(",".join(r) for r in [JUDUL, *rows]) + "\n", encoding="utf-8")
    return path


def test_operator_maps_the_columns_of_an_export_and_imports_it(page, personas, transactional_db, shots, tmp_path):
    csp = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    login(page, "operator")
    page.goto("/instansi/kecamatan-panti/2020/")
    page.get_by_role("link", name="Survei Kepuasan Masyarakat").click()
    page.wait_for_url(f"**{URL}")
    shots(page, "skm-01-halaman")
    kartu = page.locator("#survei-skm-2020")
    assert "71,04" in kartu.locator(".nilai-ikm").inner_text()

    kartu.get_by_label("Impor jawaban dari berkas").set_input_files(str(_ekspor(tmp_path)))
    kartu.get_by_role("button", name="Unggah dan periksa").click()
    page.wait_for_url("**/impor/*/")
    assert "unsur 14 (Keamanan) belum dipetakan" in page.locator(".pesan .warning").inner_text()
    shots(page, "skm-02-pemetaan")

    page.get_by_label("Ganti isi survei yang sudah ada").check()
    page.get_by_role("button", name="Impor jawaban").click()  # unsur 14 still without a column
    masalah = page.locator(".daftar-masalah").inner_text()
    assert "Tidak diimpor: 1 masalah" in masalah and "unsur 14 (Keamanan) belum dipetakan" in masalah
    shots(page, "skm-03-masalah")
    assert not SurveiSKM.objects.get(kode="skm-2020").responden.exists()  # nothing written

    page.get_by_label("Nilai 14").select_option("U14")
    page.get_by_role("button", name="Impor jawaban").click()
    page.get_by_text("Impor selesai: survei kini berisi 3 responden.").wait_for()
    shots(page, "skm-04-selesai")
    survei = SurveiSKM.objects.get(kode="skm-2020")
    assert list(survei.responden.values_list("jenis_kelamin", flat=True)) == ["P", "L", "P"]
    assert survei.hasil().unsur[13].sebaran.frekuensi == (0, 0, 1, 2)
    assert csp == []


def test_the_mapping_step_fits_a_phone(phone, personas, transactional_db, shots, tmp_path):
    login(phone, "operator")
    phone.goto(URL)
    phone.get_by_label("Impor jawaban dari berkas").set_input_files(str(_ekspor(tmp_path)))
    phone.get_by_role("button", name="Unggah dan periksa").tap()
    phone.wait_for_url("**/impor/*/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # the preview scrolls in its own box
    select = phone.get_by_label("Nilai 14")
    assert select.bounding_box()["width"] > 200  # a select a thumb can use
    shots(phone, "skm-05-pemetaan-ponsel")
    phone.goto(URL)
    shots(phone, "skm-06-halaman-ponsel")


def test_operator_creates_a_survey_and_uses_a_result_as_realisasi(
    page, personas, transactional_db, shots, csp_violations
):
    login(page, "operator")
    page.goto(URL)
    page.get_by_role("link", name="Buat survei").click()
    page.wait_for_url("**/skm/buat/")
    page.get_by_label("Unit layanan yang disurvei").select_option(label="Seksi Pelayanan Umum")
    page.get_by_label("Periode: mulai").fill("2021-07-01")  # a slip: the survey is of 2020
    page.get_by_label("Periode: selesai").fill("2020-09-30")
    page.get_by_label("Kuesioner daring menerima jawaban").check()
    page.get_by_role("button", name="Buat survei").click()
    salah = page.locator(".bidang-salah")
    assert salah.count() == 1 and "di luar tahun survei 2020" in salah.inner_text()
    shots(page, "skm-07-buat-salah")
    assert not SurveiSKM.objects.filter(judul__contains="Kecamatan Panti", tahun=2020).exclude(kode="skm-2020").exists()

    page.get_by_label("Periode: mulai").fill("2020-07-01")
    page.get_by_role("button", name="Buat survei").click()
    page.get_by_text("dibuat.").wait_for()
    kartu = page.locator("#survei-skm-kecamatan-panti-2020")
    assert (
        "Seksi Pelayanan Umum" in kartu.inner_text()
        and kartu.get_by_role("button", name="Tutup kuesioner daring").count()
    )
    shots(page, "skm-08-survei-baru")

    lama = page.locator("#survei-skm-2020")
    skm = SurveiSKM.objects.get(kode="skm-2020").indikator  # the sasaran's, of the two SKM indicators
    lama.get_by_label("Indikator yang realisasinya diisi").select_option(str(skm.pk))
    lama.get_by_role("button", name="Pakai sebagai realisasi").click()
    page.locator(".pesan .success", has_text="Realisasi tahunan 2020 indikator").wait_for()
    shots(page, "skm-09-realisasi")
    survei = SurveiSKM.objects.get(kode="skm-2020")
    r = Realisasi.objects.get(indikator=survei.indikator, tahun=2020, periode="tahun")
    assert (survei.indikator.kode, r.nilai, r.mutu) == ("skm", Decimal("71.04"), "B")
    assert csp_violations == []


def test_the_survey_form_fits_a_phone(phone, personas, transactional_db, shots):
    login(phone, "operator")
    phone.goto(f"{URL}skm-2020/ubah/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    shots(phone, "skm-10-pengaturan-ponsel")
    phone.goto(URL)
    shots(phone, "skm-11-halaman-ponsel")
