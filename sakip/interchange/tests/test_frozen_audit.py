"""`sakip import` and the two rules of the model layer its bulk writes used to skip: a file that
would change an approved (frozen) agency-year is refused whole, one problem per agency-year; and
every row it creates, changes or deletes is in the audit trail."""

import io
import json

import pytest
from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError

from sakip.accounts import audit
from sakip.interchange.importer import example_path, import_data, import_file
from sakip.measurement.models import Realisasi
from sakip.organisation.models import Instansi
from sakip.reporting.models import TahunKinerja

from .test_import import import_fails

pytestmark = pytest.mark.django_db

DISETUJUI = TahunKinerja.Status.DISETUJUI


def _approve(*years):
    ins = Instansi.objects.get(slug="dinkes-uji")
    for tahun in years:
        TahunKinerja.objects.update_or_create(instansi=ins, tahun=tahun, defaults={"status": DISETUJUI})
    return ins


def _frozen_message(tahun):
    return (
        f"$.instansi[0]: data Dinas Kesehatan Kota Uji tahun {tahun} sudah disetujui dan dibekukan, dan berkas "
        f"ini mengubahnya; admin pemda harus membuka kembali tahun {tahun} lebih dulu, lalu impor lagi"
    )


def test_a_changed_value_of_an_approved_year_is_refused_and_nothing_is_written(doc):
    import_data(doc)
    _approve(2022)
    doc["instansi"][0]["realisasi"][0]["nilai"] = 85
    assert import_fails(doc) == [_frozen_message(2022)]
    assert TahunKinerja.objects.get(tahun=2022).status == DISETUJUI


def test_a_new_row_in_an_approved_year_is_refused_although_it_is_written_in_bulk(doc):
    import_data(doc)
    _approve(2022)
    doc["instansi"][0]["realisasi"].append({"indikator": "cakupan", "tahun": 2022, "periode": "tw2", "nilai": 40})
    assert import_fails(doc) == [_frozen_message(2022)]


def test_a_row_the_file_drops_from_an_approved_year_is_refused(doc):
    import_data(doc)
    _approve(2022)
    doc["instansi"][0]["anggaran"].pop()
    assert import_fails(doc) == [_frozen_message(2022)]


def test_a_renstra_change_names_every_approved_year_it_measures_once(doc):
    import_data(doc)
    _approve(2021, 2022)
    doc["instansi"][0]["renstra"][0]["indikator"][0]["nama"] = "Angka Kematian Ibu (AKI)"
    doc["instansi"][0]["renstra"][0]["target"][0]["nilai"] = 90  # 2021, a second change of that year
    assert import_fails(doc) == [_frozen_message(2021), _frozen_message(2022)]


def test_the_same_file_again_or_a_change_of_an_open_year_is_accepted_and_the_year_stays_approved(doc):
    import_data(doc)
    _approve(2022)
    import_data(doc)
    doc["instansi"][0]["realisasi"].append({"indikator": "aki", "tahun": 2023, "nilai": 80})
    import_data(doc)
    assert Realisasi.objects.filter(tahun=2023).count() == 1
    assert TahunKinerja.objects.get(tahun=2022).status == DISETUJUI


def test_the_panti_example_again_into_its_approved_year_writes_and_logs_nothing(examples):
    TahunKinerja.objects.create(instansi=Instansi.objects.get(slug="kecamatan-panti"), tahun=2020, status=DISETUJUI)
    before = LogEntry.objects.count()
    import_file(example_path("kabupaten-jember.json"))  # its component indicators too
    assert LogEntry.objects.count() == before


def test_the_import_command_refuses_a_frozen_year_with_a_failing_exit(doc, tmp_path):
    import_data(doc)
    _approve(2022)
    doc["instansi"][0]["belanja"][0]["realisasi"] = 950000
    f = tmp_path / "ubah.json"
    f.write_text(json.dumps(doc))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 masalah ditemukan; tidak ada data yang disimpan."):
        call_command("import", str(f), stderr=err)
    assert f"ubah.json {_frozen_message(2022)}" in err.getvalue()


def test_every_row_an_import_creates_is_in_the_audit_trail_of_its_agency_year(doc):
    import_data(doc)
    ins = Instansi.objects.get(slug="dinkes-uji")
    created = {
        (e.content_type.model, e.object_repr) for e in audit.for_year(ins, 2022).filter(action=LogEntry.Action.CREATE)
    }
    r = Realisasi.objects.get(indikator__kode="cakupan")
    assert ("realisasi", str(r)) in created
    assert ("indikator", "Angka Kematian Ibu") in {(m, o.split(" (")[0]) for m, o in created}
    entry = audit.for_object(r).get()
    assert entry.changes_dict["nilai"] == ["None", "20.5"] and entry.additional_data["instansi"] == ins.pk
    for model in ("realisasi", "anggaran", "belanja", "target", "narasi"):
        assert model in {m for m, _ in created}, model


def test_an_import_inside_disable_auditlog_logs_nothing(doc):
    with disable_auditlog():
        import_data(doc)
    assert not LogEntry.objects.exists()


def test_a_reimport_logs_only_what_changed(doc):
    import_data(doc)
    before = LogEntry.objects.count()
    import_data(doc)
    assert LogEntry.objects.count() == before
    doc["instansi"][0]["realisasi"][0]["nilai"] = 85
    doc["instansi"][0]["anggaran"].pop()
    import_data(doc)
    new = LogEntry.objects.order_by("pk")[before:]
    assert sorted((e.content_type.model, e.action) for e in new) == [
        ("anggaran", LogEntry.Action.DELETE),
        ("realisasi", LogEntry.Action.UPDATE),
    ]
