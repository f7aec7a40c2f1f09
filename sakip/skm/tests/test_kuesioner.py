"""The public questionnaire: no login, the regulation's wording, answers stored per respondent,
and the protections against automated flooding."""

import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save

from sakip.skm.models import Jawaban, Responden

URL = "/skm/dinas-uji/skm-2024/"


@pytest.fixture(autouse=True)
def bersih(settings):
    cache.clear()
    settings.SKM_MIN_DETIK = 0
    yield
    cache.clear()


def isian(client, **ubah) -> dict:
    """The answers a person gives: the form's token, a profile and c/d for every unsur."""
    html = client.get(URL).content.decode()
    data = {
        "token": re.search(r'name="token" value="([^"]+)"', html).group(1),
        "jenis_kelamin": "P",
        "usia": "30-39",
        "pendidikan": "sma",
        "pekerjaan": "wirausaha",
        "layanan": "Kartu keluarga",
        "situs_web": "",
        **{f"u{i}": "3" for i in range(1, 10)},
        "u7": "4",
    }
    data.update(ubah)
    return data


def test_questionnaire_shows_the_profile_and_the_regulations_questions(survei, client):
    r = client.get(URL)
    html = r.content.decode()
    assert r.status_code == 200
    assert "Loket Pelayanan Terpadu" in html and "Jenis kelamin" in html and "Kartu keluarga" in html
    assert "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?" in html
    assert "d. Dikelola dengan baik" in html and "a. Tidak sesuai" in html
    assert 'name="situs_web"' in html and "style=" not in html and "<script" not in html  # CSP: own CSS file only


def test_an_answer_is_stored_per_respondent_and_counted(survei, client):
    r = client.post(URL, isian(client))
    assert r.status_code == 302
    resp = Responden.objects.get(survei=survei)
    assert (resp.nomor, resp.jenis_kelamin, resp.usia, resp.layanan) == (1, "P", "30-39", "Kartu keluarga")
    assert list(Jawaban.objects.filter(responden=resp).values_list("nilai", flat=True)) == [3, 3, 3, 3, 3, 3, 4, 3, 3]
    page = client.get(r.url).content.decode()
    assert "responden ke-1." in page and "Sejauh ini 1 responden" in page
    assert client.post(URL, isian(client)).status_code == 302
    assert survei.responden.count() == 2 and survei.hasil().unsur[6].nik.dibulatkan == 100


def test_missing_answers_are_shown_and_nothing_is_stored(survei, client):
    data = isian(client)
    del data["u5"]
    r = client.post(URL, data)
    assert r.status_code == 200 and "Masih ada pertanyaan yang belum dijawab" in r.content.decode()
    assert not Responden.objects.exists()


def test_a_filled_honeypot_is_refused(survei, client):
    r = client.post(URL, isian(client, situs_web="http://spam.example"))
    assert r.status_code == 400 and not Responden.objects.exists()


def test_a_form_sent_faster_than_a_person_can_is_refused(survei, client, settings):
    settings.SKM_MIN_DETIK = 60
    r = client.post(URL, isian(client))
    assert r.status_code == 200 and "terlalu cepat" in r.content.decode()
    assert not Responden.objects.exists()


def test_a_form_token_is_accepted_once(survei, client):
    data = isian(client)
    assert client.post(URL, data).status_code == 302
    r = client.post(URL, data)
    assert "sudah pernah dikirim" in r.content.decode() and survei.responden.count() == 1
    r = client.post(URL, {**data, "token": "palsu"})
    assert "kedaluwarsa" in r.content.decode() and survei.responden.count() == 1


def test_one_address_is_limited_per_hour(survei, client, settings):
    settings.SKM_BATAS_PER_JAM = 2
    assert [client.post(URL, isian(client)).status_code for _ in range(3)] == [302, 302, 429]
    assert survei.responden.count() == 2


def test_a_closed_survey_takes_no_answers(survei, client):
    data = isian(client)
    survei.terbuka = False
    survei.save()
    assert client.get(URL).status_code == 403
    assert client.post(URL, data).status_code == 403 and not Responden.objects.exists()
    assert client.get("/skm/dinas-uji/tidak-ada/").status_code == 404


def test_printable_page_has_the_qr_code_and_the_link(survei, client):
    page = client.get(URL + "cetak/").content.decode()
    assert "http://testserver/skm/dinas-uji/skm-2024/" in page and 'src="/skm/dinas-uji/skm-2024/qr.svg"' in page
    qr = client.get(URL + "qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content and b"<path" in qr.content


def test_a_refused_save_is_explained_not_a_server_error(survei, client):
    """A model rule refusing the respondent (e.g. an approved, frozen year) reaches the person as a message."""

    def tolak(sender, instance, **kwargs):
        raise ValidationError("Data tahun 2024 sudah disetujui dan dibekukan.")

    pre_save.connect(tolak, sender=Responden, dispatch_uid="uji-tolak")
    try:
        r = client.post(URL, isian(client))
    finally:
        pre_save.disconnect(dispatch_uid="uji-tolak", sender=Responden)
    assert r.status_code == 403 and "sudah disetujui dan dibekukan" in r.content.decode()
    assert not Responden.objects.exists()
