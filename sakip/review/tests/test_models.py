"""Stored findings: a re-run keeps the reviewer's decisions; open errors block approval."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from sakip.interchange.importer import example_path, import_file
from sakip.measurement.models import Belanja
from sakip.organisation.models import Instansi
from sakip.planning.models import Target
from sakip.review import open_errors
from sakip.review.data_rules import reviu_data
from sakip.review.models import TemuanReviu

pytestmark = pytest.mark.django_db


@pytest.fixture
def panti():
    import_file(example_path("kabupaten-jember.json"))
    return Instansi.objects.get(slug="kecamatan-panti")


def run(instansi):
    return TemuanReviu.sync(instansi, 2020, reviu_data(instansi, 2020))


def test_a_rerun_keeps_the_decision_on_findings_that_still_exist(panti):
    user = get_user_model().objects.create(username="reviewer")
    first = run(panti)
    assert first and {t.status for t in first} == {"open"}
    renstra = next(t for t in first if t.rule == "target-beda" and t.stated == "85")
    renstra.decide("accepted", user, "Target Renstra direvisi lewat PK perubahan.")
    again = {t.key: t for t in run(panti)}
    kept = again[renstra.key]
    assert (kept.status, kept.note, kept.decided_by) == (
        "accepted",
        "Target Renstra direvisi lewat PK perubahan.",
        user,
    )
    assert TemuanReviu.objects.filter(instansi=panti, tahun=2020).count() == len(first)


def test_a_finding_that_no_longer_occurs_is_removed_and_a_new_one_is_open(panti):
    run(panti)
    renstra = Target.objects.get(indikator__kode="skm", tahun=2020, rkt=None, perjanjian=None)
    renstra.nilai = 80
    renstra.save()
    Target.objects.filter(indikator__kode="rekomendasi", tahun=2020, perjanjian__versi=1).update(nilai=90)
    stored = run(panti)
    assert not [t for t in stored if t.rule == "target-beda" and t.stated == "85"]
    new = [t for t in stored if t.rule == "target-beda" and t.expected.startswith("90 %")]
    assert new and all(t.status == "open" for t in new)


def test_open_errors_block_until_each_is_decided(panti):
    run(panti)
    (error,) = open_errors(panti, 2020)  # belanja langsung against the sum of its programs
    assert error.rule == "anggaran-jumlah" and "anggaran-jumlah" in str(error)
    with pytest.raises(ValidationError):
        error.decide("dismissed", None, "")  # dismissing an error needs a reason
    error.decide("dismissed", None, "Selisih Rp 927.600 adalah koreksi SP2D yang dicatat setelah tabel disusun.")
    assert list(open_errors(panti, 2020)) == []
    error.decide("open")
    assert list(open_errors(panti, 2020)) == [error]


def test_an_error_fixed_in_the_data_no_longer_blocks(panti):
    run(panti)
    Belanja.objects.filter(instansi=panti, tahun=2020, jenis="bl").update(realisasi=313754167)
    run(panti)
    assert list(open_errors(panti, 2020)) == []


def test_the_findings_are_in_the_back_office(panti, client):
    stored = run(panti)
    client.force_login(get_user_model().objects.create_superuser("admin", password="x"))
    listing = client.get(reverse("admin:review_temuanreviu_changelist"))
    assert listing.status_code == 200 and "anggaran-jumlah" in listing.content.decode()
    record = client.get(reverse("admin:review_temuanreviu_change", args=[stored[0].pk]))
    assert record.status_code == 200 and stored[0].message[:40] in record.content.decode()
