"""A respondent fills in the public questionnaire on a phone at the service counter."""

import os

from django.core.cache import cache

from .conftest import buat_survei

SCREENSHOTS = os.environ.get("SKM_SCREENSHOTS")  # a folder to keep the screenshots in, for a look


def test_questionnaire_on_a_phone_counts_the_answer(phone, transactional_db, settings):
    cache.clear()
    settings.SKM_MIN_DETIK = 0
    survei = buat_survei()
    phone.goto("/skm/dinas-uji/skm-2024/")
    assert phone.locator("h1").inner_text() == survei.judul
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # nothing wider than the phone: no sideways scrolling
    phone.get_by_role("radio", name="Perempuan").check()
    phone.get_by_role("radio", name="30–39 tahun").check()
    phone.get_by_role("radio", name="SMA/SMK/sederajat").check()
    phone.get_by_role("radio", name="Wirausaha").check()
    phone.get_by_role("radio", name="Kartu keluarga").check()
    for i in range(1, 10):
        phone.locator(f"#f-u{i} label.opsi").nth(2).tap()  # answer c
    phone.locator("#f-u7 label.opsi").nth(3).tap()  # d: Sangat sopan dan ramah
    box = phone.locator("#f-u1 label.opsi").first.bounding_box()
    assert box["height"] >= 44  # a tap target a thumb can hit
    if SCREENSHOTS:
        phone.screenshot(path=f"{SCREENSHOTS}/kuesioner-ponsel.png", full_page=True)
    phone.get_by_role("button", name="Kirim jawaban").tap()
    phone.wait_for_url("**/terima-kasih/**")
    assert "Jawaban Anda tercatat sebagai responden ke-1." in phone.locator("[role=status]").inner_text()
    assert "Sejauh ini 1 responden" in phone.content()
    if SCREENSHOTS:
        phone.screenshot(path=f"{SCREENSHOTS}/terima-kasih-ponsel.png")
    r = survei.responden.get()
    assert (r.jenis_kelamin, r.pendidikan, r.layanan) == ("P", "sma", "Kartu keluarga")
    assert sorted(r.jawaban.values_list("unsur__nomor", "nilai")) == [(i, 4 if i == 7 else 3) for i in range(1, 10)]
    assert survei.hasil().unsur[6].nik.dibulatkan == 100
