"""Results from stored answers, profile tables, the published result and the realisasi feed."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sakip.measurement.models import Realisasi
from sakip.skm.hasil import hasil_terbit, profil_responden
from sakip.skm.models import MetodeSKM, SurveiSKM

from .conftest import isi


def test_national_methods_carry_the_regulations_unsur_and_questionnaire(db):
    m = MetodeSKM.nasional("permenpan-14-2017")
    assert m.pemda is None and m.unsur.count() == 9
    u8 = m.unsur.get(nomor=8)
    assert u8.nama == "Penanganan Pengaduan, Saran dan Masukan"
    assert u8.pilihan() == (
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    )
    k = MetodeSKM.nasional("kepmenpan-25-2004")
    assert k.unsur.count() == 14 and k.unsur.get(nomor=11).pilihan()[0] == "Selalu tidak sesuai"
    assert MetodeSKM.nasional("permenpan-14-2017").pk == m.pk  # not created twice


def test_own_unsur_without_wording_get_a_neutral_question(db):
    m = MetodeSKM.objects.create(kode="sendiri", nama="Unsur sendiri", acuan="kepmenpan-25-2004")
    u = m.unsur.create(nomor=1, nama="Kenyamanan")
    assert u.teks_pertanyaan() == "Bagaimana penilaian Saudara tentang kenyamanan?"
    assert u.pilihan() == ("Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik")


def test_result_is_counted_from_the_stored_answers(survei):
    isi(survei, [(4, 4, 3, 4, 3, 3, 4, 2, 3), (3, 3, 3, 4, 3, 3, 4, 2, 4)], jenis_kelamin="P", usia="30-39")
    isi(survei, [(3, 3, 2, 4, 3, 4, 4, 3, 3)], jenis_kelamin="L", usia="30-39", layanan="KTP elektronik")
    h = survei.hasil()
    u1 = h.unsur[0]
    assert u1.sebaran.frekuensi == (0, 0, 2, 1) and u1.nrr.dibulatkan == Decimal("3.33")
    # Σ NRR = (10 + 10 + 8 + 12 + 9 + 10 + 12 + 7 + 10) / 3 = 88 / 3 → 88 / 27 × 25 = 81,481…
    assert h.jumlah_responden == 3 and h.nik.dibulatkan == Decimal("81.48") and h.mutu.huruf == "B"
    assert [u.nomor for u in h.prioritas] == [8, 3, 5]  # 58,33, 66,67, 75,00


def test_profile_tables_list_every_choice_and_the_unanswered(survei):
    isi(survei, [(3,) * 9, (3,) * 9], jenis_kelamin="P", pendidikan="sma", layanan="KTP elektronik")
    isi(survei, [(4,) * 9], jenis_kelamin="L", layanan="Akta kelahiran")
    tabel = {t.judul: t for t in profil_responden(survei)}
    assert [(b.label, b.jumlah) for b in tabel["Jenis kelamin"].baris] == [("Laki-laki", 1), ("Perempuan", 2)]
    pendidikan = {b.label: b.jumlah for b in tabel["Pendidikan"].baris}
    assert pendidikan["SMA/SMK/sederajat"] == 2 and pendidikan["tidak diisi"] == 1 and pendidikan["S3"] == 0
    assert [(b.label, b.jumlah) for b in tabel["Jenis layanan yang diterima"].baris] == [
        ("KTP elektronik", 2),
        ("Akta kelahiran", 1),
    ]


def test_comparison_uses_the_previous_survey_of_the_same_unit(survei):
    isi(survei, [(4,) * 9])
    lama = SurveiSKM.objects.create(
        instansi=survei.instansi, unit=survei.unit, kode="skm-2023", tahun=2023, judul="2023", metode=survei.metode
    )
    isi(lama, [(3,) * 9])
    p = survei.hasil().perbandingan
    assert (p.periode, p.nik_lalu.dibulatkan, p.selisih.dibulatkan) == ("2023", Decimal("75.00"), Decimal("25.00"))
    assert lama.hasil().perbandingan is None


def test_published_results_only(survei):
    isi(survei, [(3,) * 9])
    assert hasil_terbit(survei.instansi) == []
    survei.diterbitkan = True
    survei.save()
    [terbit] = hasil_terbit(survei.instansi)
    assert terbit.unit == "Loket Pelayanan Terpadu" and terbit.hasil.nik.dibulatkan == Decimal("75.00")


def test_result_feeds_the_indicator_realisasi_and_links_back(examples):
    survei = SurveiSKM.objects.get(kode="skm-puskesmas-2022")
    r = survei.isi_realisasi()
    assert (r.nilai, r.mutu, r.tahun, r.periode) == (Decimal("80.80"), "B", 2022, "tahun")
    assert "skm-puskesmas-2022" in r.catatan and "400 responden" in r.catatan
    assert Realisasi.objects.filter(indikator=survei.indikator, tahun=2022).count() == 1
    assert SurveiSKM.untuk_realisasi(r) == survei


def test_realisasi_needs_an_indicator_and_answers(examples):
    panti = SurveiSKM.objects.get(kode="skm-2020")
    kosong = SurveiSKM.objects.create(
        instansi=panti.instansi, kode="kosong", tahun=2021, judul="Belum diisi", metode=panti.metode
    )
    with pytest.raises(ValidationError, match="tidak terhubung ke indikator"):
        kosong.isi_realisasi()
    kosong.indikator = panti.indikator
    with pytest.raises(ValidationError, match="belum ada jawaban"):
        kosong.isi_realisasi()
    assert not Realisasi.objects.filter(indikator=panti.indikator, tahun=2021).exists()
