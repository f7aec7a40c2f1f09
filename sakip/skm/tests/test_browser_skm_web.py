"""The operator imports a Google Forms export into Kecamatan Panti's 2020 survey in a real
Chromium: the SKM page, the mapping step (one column corrected by hand), the result; and the
mapping step at phone width. Screenshots go to $SAKIP_SCREENSHOTS when set."""

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
