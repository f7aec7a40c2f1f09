"""Rules the planning models carry themselves."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sakip.interchange.importer import example_path, import_file
from sakip.organisation.models import Instansi, Pejabat
from sakip.planning.models import Indikator, PerjanjianKinerja, Renstra, Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def sukamaju():
    import_file(example_path("kabupaten-sukamaju.json"))
    return Instansi.objects.get(slug="dinas-kesehatan-sukamaju")


def test_the_renstra_version_in_force_follows_berlaku_mulai(sukamaju):
    assert Renstra.aktif(sukamaju, 2022).kode == "2021-2026"
    assert Renstra.aktif(sukamaju, 2023).kode == "2021-2026-perubahan"
    assert Renstra.aktif(sukamaju, 2027) is None


def test_the_agreement_in_force_is_the_latest_version(sukamaju):
    pk = PerjanjianKinerja.berlaku(sukamaju, 2022)
    assert pk.versi == 1 and pk.judul == "Perjanjian Kinerja Perubahan"
    assert PerjanjianKinerja.berlaku(sukamaju, 2021) is None


def test_an_indicator_belongs_to_exactly_one_element_of_the_cascade(sukamaju):
    ind = Indikator.objects.filter(sasaran__isnull=False).first()
    ind.pk, ind.kode, ind.program = None, "dua-pemilik", ind.renstra.program.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ind.save()


def test_a_target_points_to_one_document_at_most(sukamaju):
    t = Target.objects.exclude(perjanjian=None).first()
    t.rkt = sukamaju.rkt.get(tahun=t.tahun)
    with pytest.raises(IntegrityError), transaction.atomic():
        t.save()


def test_a_document_target_must_carry_its_documents_year(sukamaju):
    t = Target.objects.exclude(perjanjian=None).first()
    t.tahun = t.tahun + 1
    with pytest.raises(ValidationError, match="Tahun target"):
        t.clean()


def test_pejabat_nip_is_validated_and_stored_as_digits(sukamaju):
    p = Pejabat(pemda=sukamaju.pemda, kode="x", nama="X", nip="NIP. 19640305 199204 1 001")
    p.clean()
    assert p.nip == "196403051992041001" and p.nip_tampil == "19640305 199204 1 001"
    p.nip = "19640305 198004 1 001"  # appointed at 16
    with pytest.raises(ValidationError, match="18 tahun"):
        p.clean()
