"""The Perjanjian Kinerja page: the version in force, a perubahan copied from it (the old one
kept), editing the new version's targets, and a frozen year."""

from decimal import Decimal

from sakip.planning.models import PerjanjianKinerja, Target
from sakip.reporting.models import TahunKinerja

URL = "/instansi/kecamatan-panti/2020/pk/"


def _pk(versi):
    return PerjanjianKinerja.objects.get(instansi__slug="kecamatan-panti", tahun=2020, versi=versi)


def _targets(pk):
    return sorted(pk.target.values_list("indikator__kode", "nilai", "mutu", "catatan"))


def test_the_page_shows_the_pk_in_force_and_older_versions_read_only(operator):
    html = operator.get(URL).content.decode()
    assert "Perjanjian Kinerja Perubahan — Kecamatan Panti 2020" in html
    rekomendasi = _pk(1).target.get(indikator__kode="rekomendasi")
    assert f'name="r-{rekomendasi.pk}-nilai" value="100"' in html
    assert "Rp 255.975.000,00" in html  # program table of the PK Perubahan
    lama = operator.get(URL, {"versi": 0}).content.decode()
    assert "Versi lama, disimpan sebagaimana ditandatangani" in lama and 'name="r-' not in lama
    assert "85" in lama


def test_buat_perubahan_copies_the_pk_in_force_and_keeps_the_old_one(operator):
    lama = _targets(_pk(1))
    response = operator.post(f"{URL}perubahan/")
    assert response.status_code == 302
    baru = _pk(2)
    assert _targets(baru) == lama and _targets(_pk(1)) == lama
    assert sorted(baru.program.values_list("program__kode", "anggaran")) == sorted(
        _pk(1).program.values_list("program__kode", "anggaran")
    )
    html = operator.get(URL).content.decode()
    assert "Perjanjian Kinerja Perubahan ke-2 dibuat dari salinan Perjanjian Kinerja Perubahan" in html

    target = baru.target.get(indikator__kode="rekomendasi")
    assert operator.post(URL, {f"r-{target.pk}-nilai": "95"}).status_code == 302
    assert Target.objects.get(pk=target.pk).nilai == Decimal(95)
    assert _targets(_pk(1)) == lama  # the signed version is untouched
    realisasi = operator.get("/instansi/kecamatan-panti/2020/realisasi/").content.decode()
    assert "Target dari Perjanjian Kinerja Perubahan ke-2 yang berlaku" in realisasi


def test_a_bad_target_writes_nothing(operator):
    pk = _pk(1)
    before = _targets(pk)
    a, b = pk.target.order_by("pk")[:2]
    html = operator.post(URL, {f"r-{a.pk}-nilai": "90", f"r-{b.pk}-nilai": "seratus"}).content.decode()
    assert "kolom Target: “seratus” bukan angka" in html
    assert _targets(pk) == before


def test_a_perubahan_of_an_approved_year_is_refused_with_a_message(operator, personas):
    TahunKinerja.objects.create(instansi=personas.operator.peran.instansi, tahun=2020, status="disetujui")
    response = operator.post(f"{URL}perubahan/", follow=True)
    assert "sudah disetujui dan dibekukan" in response.content.decode()
    assert not PerjanjianKinerja.objects.filter(instansi__slug="kecamatan-panti", tahun=2020, versi=2).exists()
