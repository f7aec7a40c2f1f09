"""The pemda and agency dashboards read the real 2020 data of Kecamatan Panti."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sakip.dashboard.ringkasan import batas_waktu, ringkasan, triwulan_terakhir
from sakip.measurement.models import Realisasi
from sakip.organisation.models import Instansi
from sakip.reporting.models import Narasi, TahunKinerja

pytestmark = pytest.mark.django_db


def test_last_quarter_is_tw4_for_a_past_year_and_the_last_ended_quarter_this_year():
    assert triwulan_terakhir(2020, date(2021, 2, 1)) == "tw4"
    assert triwulan_terakhir(2021, date(2021, 2, 1)) == ""
    assert triwulan_terakhir(2021, date(2021, 4, 1)) == "tw1"
    assert triwulan_terakhir(2021, date(2021, 12, 31)) == "tw3"
    assert batas_waktu(2020) == date(2021, 3, 31)


def test_panti_2020_predicates_match_the_measurement_of_the_documents(examples):
    from sakip.measurement.pengukuran import pengukuran

    panti = Instansi.objects.get(slug="kecamatan-panti")
    (row,) = ringkasan([panti], 2020, date(2021, 1, 10))
    expected = {}
    for b in pengukuran(panti, 2020).baris:
        expected[b.predikat or "—"] = expected.get(b.predikat or "—", 0) + 1
    assert {s.predikat: s.jumlah for s in row.sebaran} == expected
    assert row.indikator == sum(expected.values()) > 0
    assert row.ada_pk
    assert row.status.status == "draft"
    # the scale's own colours, best predicate first
    assert row.sebaran[0].warna.startswith("#")


def test_missing_last_quarter_realisasi_is_counted(examples):
    panti = Instansi.objects.get(slug="kecamatan-panti")
    (before,) = ringkasan([panti], 2020, date(2021, 1, 10))
    Realisasi.objects.filter(indikator__renstra__instansi=panti, tahun=2020).delete()
    (after,) = ringkasan([panti], 2020, date(2021, 1, 10))
    assert after.tanpa_realisasi_triwulan == after.indikator
    assert after.tanpa_realisasi_triwulan > before.tanpa_realisasi_triwulan
    assert f"{after.indikator} dari {after.indikator} indikator belum ada realisasi" in after.kekurangan


def test_the_summary_takes_the_same_number_of_queries_for_one_agency_or_many(examples):
    agencies = list(Instansi.objects.all())
    with CaptureQueriesContext(connection) as one:
        ringkasan(agencies[:1], 2020, date(2021, 1, 10))
    with CaptureQueriesContext(connection) as many:
        ringkasan(agencies, 2020, date(2021, 1, 10))
    assert len(many) == len(one) <= 12


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_admin_sees_every_agency_of_the_pemda_with_status_and_deadline(personas, client):
    TahunKinerja.objects.create(instansi=Instansi.objects.get(slug="kecamatan-panti"), tahun=2020, status="diajukan")
    client.force_login(personas.admin)
    response = client.get("/dasbor/kabupaten-jember/2020/")
    text = _text(response)
    assert response.status_code == 200
    assert "Kecamatan Panti" in text and "Kecamatan Sukorambi" in text
    assert "Dinas Kesehatan Sukamaju" not in text
    assert "Diajukan" in text
    assert "batas penyampaian LKIP: 31 Maret 2021" in text
    assert "Lewat batas penyampaian LKIP" in text  # 2020's deadline has passed


def test_days_to_the_deadline_are_counted_to_31_march_of_the_next_year(personas, client, monkeypatch):
    monkeypatch.setattr("sakip.dashboard.views.hari_ini", lambda: date(2021, 3, 1))
    client.force_login(personas.pimpinan)
    assert "30 hari lagi batas penyampaian LKIP: 31 Maret 2021" in _text(client.get("/dasbor/kabupaten-jember/2020/"))


def test_dashboard_start_page_opens_the_latest_year_with_realisasi(personas, client):
    client.force_login(personas.reviewer)
    response = client.get("/dasbor/", follow=True)
    assert response.redirect_chain[-1][0] == "/dasbor/kabupaten-jember/2020/"


def test_an_operator_sees_only_their_own_agency_on_the_pemda_dashboard(personas, client):
    client.force_login(personas.operator)
    text = _text(client.get("/dasbor/kabupaten-jember/2020/"))
    assert "Kecamatan Panti" in text and "Kecamatan Sukorambi" not in text


def test_empty_narrative_sections_are_listed_as_missing(examples):
    panti = Instansi.objects.get(slug="kecamatan-panti")
    (before,) = ringkasan([panti], 2020, date(2021, 1, 10))
    Narasi.objects.filter(laporan__instansi=panti, laporan__tahun=2020).update(teks="")
    (after,) = ringkasan([panti], 2020, date(2021, 1, 10))
    wajib = len([b for b in Narasi.Bagian.values if b not in Narasi.PER_POKOK])
    assert after.narasi_kosong == wajib > before.narasi_kosong
    assert f"{wajib} bagian narasi LKIP kosong" in after.kekurangan


def test_agency_dashboard_shows_each_indicator_with_capaian_trend_and_budget(personas, client):
    from sakip import formatting as fmt
    from sakip.measurement.pengukuran import anggaran, pengukuran

    panti = Instansi.objects.get(slug="kecamatan-panti")
    client.force_login(personas.operator)
    response = client.get("/instansi/kecamatan-panti/2020/dasbor/")
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(response)
    for b in pengukuran(panti, 2020).baris:
        assert b.indikator.nama in text
        if b.capaian.dapat_dihitung:
            assert fmt.persen(b.capaian) in text
    programs = [a for a in anggaran(panti, 2020).baris if a.tingkat == "program"]
    assert programs and all(fmt.rupiah(p.pagu) in text for p in programs)
    assert '<svg class="tren"' in html
    assert 'href="/instansi/kecamatan-panti/2020/dasbor/"' in html  # in the stage navigation
