"""A small agency with a PermenPANRB 14/2017 survey, and helpers to fill it."""

import pytest

from sakip.calc.tests.test_skm import PANTI
from sakip.organisation.models import Instansi, Pemda, UnitOrganisasi
from sakip.skm.models import Jawaban, MetodeSKM, Responden, SurveiSKM

PANTI_CSV = "unsur,Tidak Baik,Kurang Baik,Baik,Sangat Baik\n" + "".join(
    f"{n},{a},{b},{c},{d}\n" for n, (a, b, c, d) in PANTI.items()
)
"""The reference report's answer distribution (LKIP Kecamatan Panti 2020) as a CSV file."""


def buat_survei() -> SurveiSKM:
    pemda = Pemda.objects.create(slug="kota-uji", nama="Kota Uji", jenis="kota")
    ins = Instansi.objects.create(
        pemda=pemda, slug="dinas-uji", nama="Dinas Kependudukan Kota Uji", jenis="dinas", kota="Uji"
    )
    unit = UnitOrganisasi.objects.create(instansi=ins, kode="loket", nama="Loket Pelayanan Terpadu", jenis="upt")
    return SurveiSKM.objects.create(
        instansi=ins,
        unit=unit,
        kode="skm-2024",
        tahun=2024,
        judul="Survei Kepuasan Masyarakat Loket Pelayanan Terpadu 2024",
        metode=MetodeSKM.nasional("permenpan-14-2017"),
        terbuka=True,
        jenis_layanan="KTP elektronik\nKartu keluarga\nAkta kelahiran",
    )


@pytest.fixture
def survei(db):
    return buat_survei()


def isi(survei, baris, **profil):
    """Store one respondent per row of answers (unsur order)."""
    unsur = list(survei.metode.unsur.order_by("nomor"))
    awal = survei.responden.count()
    for i, jawaban in enumerate(baris, start=awal + 1):
        r = Responden.objects.create(survei=survei, nomor=i, **profil)
        Jawaban.objects.bulk_create(Jawaban(responden=r, unsur=u, nilai=v) for u, v in zip(unsur, jawaban, strict=True))
