"""The agency-year workflow, the approved LKIP kept byte for byte, and the frozen result."""

import hashlib
import io

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from pypdf import PdfReader

from sakip.accounts.scopes import SCOPES, owner
from sakip.measurement.models import Realisasi
from sakip.organisation.models import Instansi
from sakip.planning.models import Indikator, KeputusanIKU
from sakip.reporting import workflow
from sakip.reporting.frozen import FrozenError
from sakip.reporting.models import RiwayatStatus, TahunKinerja

S = TahunKinerja.Status


@pytest.fixture
def panti(personas):
    return Instansi.objects.get(slug="kecamatan-panti")


def _status(instansi, tahun=2020):
    return TahunKinerja.objects.get(instansi=instansi, tahun=tahun).status


def test_submit_review_and_approve_keep_the_lkip_as_approved(panti, personas):
    workflow.jalankan(personas.kepala, panti, 2020, "ajukan")
    assert _status(panti) == S.DIAJUKAN
    workflow.jalankan(personas.reviewer, panti, 2020, "catat", "Tabel 3.1: target IKU 2 beda dengan PK.")
    workflow.jalankan(personas.reviewer, panti, 2020, "loloskan", "Sudah sesuai.")
    assert _status(panti) == S.DIREVIU
    approved = workflow.jalankan(personas.admin, panti, 2020, "setujui")
    assert _status(panti) == S.DISETUJUI

    data = approved.berkas.read()
    assert hashlib.sha256(data).hexdigest() == approved.sha256
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages[:3])
    assert "KECAMATAN PANTI" in text.upper() and "2020" in text
    steps = [
        (r.aksi, r.status_awal, r.status_akhir, r.nama, r.catatan)
        for r in RiwayatStatus.objects.filter(tahun_kinerja__instansi=panti)
    ]
    assert steps == [
        ("ajukan", "draft", "diajukan", "Camat Panti — Kepala instansi", ""),
        (
            "catat",
            "diajukan",
            "diajukan",
            "Reviewer Inspektorat — Reviewer (Inspektorat)",
            "Tabel 3.1: target IKU 2 beda dengan PK.",
        ),
        ("loloskan", "diajukan", "direviu", "Reviewer Inspektorat — Reviewer (Inspektorat)", "Sudah sesuai."),
        ("setujui", "direviu", "disetujui", "Admin Bagian Organisasi — Admin pemda", ""),
    ]
    assert TahunKinerja.objects.get(instansi=panti, tahun=2020).lkip_disetujui() == approved


def test_the_reviewer_returns_a_year_for_correction_with_a_note(panti, personas):
    workflow.jalankan(personas.kepala, panti, 2020, "ajukan")
    with pytest.raises(workflow.WorkflowError, match="memerlukan catatan"):
        workflow.jalankan(personas.reviewer, panti, 2020, "kembalikan", "   ")
    workflow.jalankan(personas.reviewer, panti, 2020, "kembalikan", "Realisasi TW4 belum diisi.")
    assert _status(panti) == S.DRAFT
    workflow.jalankan(personas.kepala, panti, 2020, "ajukan")  # and it can be submitted again
    assert _status(panti) == S.DIAJUKAN


def test_a_step_that_does_not_fit_the_status_is_refused_and_changes_nothing(panti, personas):
    with pytest.raises(workflow.WorkflowError, match="status tahun 2020 sekarang Draft"):
        workflow.jalankan(personas.admin, panti, 2020, "setujui")
    assert not TahunKinerja.objects.filter(instansi=panti).exists()
    assert not RiwayatStatus.objects.exists()


@pytest.mark.parametrize("persona", ["operator", "reviewer", "pimpinan", "admin", "operator_lain"])
def test_only_the_kepala_submits(panti, personas, persona):
    with pytest.raises(PermissionDenied):
        workflow.jalankan(personas.semua[persona], panti, 2020, "ajukan")
    assert not TahunKinerja.objects.filter(instansi=panti).exists()


def test_open_review_errors_block_approval(panti, personas, monkeypatch):
    TahunKinerja.objects.create(instansi=panti, tahun=2020, status=S.DIREVIU)
    monkeypatch.setattr(workflow, "open_review_errors", lambda i, t: ["jumlah pagu ≠ jumlah baris", "target beda"])
    with pytest.raises(workflow.WorkflowError, match="reviu masih mencatat 2 kesalahan terbuka"):
        workflow.jalankan(personas.kepala, panti, 2020, "setujui")
    assert _status(panti) == S.DIREVIU
    assert not RiwayatStatus.objects.exists()


def test_only_the_admin_reopens_and_only_with_a_reason(panti, personas):
    TahunKinerja.objects.create(instansi=panti, tahun=2020, status=S.DISETUJUI)
    with pytest.raises(PermissionDenied):
        workflow.jalankan(personas.kepala, panti, 2020, "buka", "salah ketik")
    with pytest.raises(workflow.WorkflowError):
        workflow.jalankan(personas.admin, panti, 2020, "buka", "")
    workflow.jalankan(personas.admin, panti, 2020, "buka", "Realisasi IKU 1 salah ketik, disetujui Sekda.")
    assert _status(panti) == S.DRAFT
    realisasi = Realisasi.objects.filter(indikator__renstra__instansi=panti, tahun=2020).first()
    realisasi.catatan = "diperbaiki"
    realisasi.save()  # editable again


# --- the frozen result ---------------------------------------------------------------------


def _frozen_models():
    return [apps.get_model(label) for label, scope in SCOPES.items() if scope.frozen and scope.tahun]


def _row_with_a_year(model):
    for obj in model._base_manager.all()[:50]:
        o = owner(obj)
        if o.instansi_id and o.tahun_awal:
            return obj, o
    return None, None


@pytest.fixture
def approved(panti):
    return TahunKinerja.objects.create(instansi=panti, tahun=2020, status=S.DISETUJUI)


@pytest.mark.parametrize("model", _frozen_models(), ids=lambda m: m._meta.label_lower)
def test_every_record_of_an_approved_year_refuses_change_and_deletion(model, personas):
    obj, o = _row_with_a_year(model)
    if obj is None:
        pytest.skip(f"the examples hold no {model._meta.label_lower}")
    tahun = o.tahun_akhir  # for a Renstra record: any year of its period freezes it
    TahunKinerja.objects.create(instansi_id=o.instansi_id, tahun=tahun, status=S.DISETUJUI)
    nama = Instansi.objects.get(pk=o.instansi_id).nama
    before = model._base_manager.filter(pk=obj.pk).values().get()
    with pytest.raises(FrozenError, match=f"{nama} tahun {tahun} sudah disetujui dan dibekukan"):
        obj.save()
    with pytest.raises(FrozenError), transaction.atomic():
        obj.delete()
    assert model._base_manager.filter(pk=obj.pk).values().get() == before


def test_a_new_record_in_an_approved_year_is_refused_and_other_years_stay_open(panti, approved):
    source = Realisasi.objects.filter(indikator__renstra__instansi=panti, tahun=2020).first()
    with pytest.raises(FrozenError):
        Realisasi.objects.create(indikator=source.indikator, tahun=2020, periode="tw1", nilai=1)
    Realisasi.objects.create(indikator=source.indikator, tahun=2021, periode="tw1", nilai=1)
    older = Realisasi.objects.filter(indikator__renstra__instansi=panti, tahun=2019).first()
    older.tahun = 2020  # moving a record into the approved year
    with pytest.raises(FrozenError):
        older.save()
    source.tahun = 2021  # or out of it
    with pytest.raises(FrozenError):
        source.save()


def test_a_decree_of_an_approved_year_keeps_its_indicators(panti, approved):
    decree = KeputusanIKU.objects.filter(instansi=panti, tahun=2020).first() or pytest.skip("no 2020 IKU decree")
    other = Indikator.objects.filter(renstra__instansi=panti).exclude(keputusan_iku=decree).first()
    with pytest.raises(FrozenError), transaction.atomic():
        decree.indikator.add(other)
    with pytest.raises(FrozenError), transaction.atomic():
        other.keputusan_iku.add(decree)  # from the indicator's side too
    assert other not in decree.indikator.all()


def test_agency_records_without_a_year_stay_editable(panti, approved):
    panti.telepon = "(0331) 123456"
    panti.save()


def test_a_refused_change_leaves_no_audit_entry(panti, approved):
    from auditlog.models import LogEntry

    realisasi = Realisasi.objects.filter(indikator__renstra__instansi=panti, tahun=2020).first()
    count = LogEntry.objects.count()
    realisasi.catatan = "diubah diam-diam"
    with pytest.raises(FrozenError):
        realisasi.save()
    assert LogEntry.objects.count() == count


def test_the_back_office_shows_the_refusal_instead_of_an_error_page(panti, approved, personas, client):
    realisasi = Realisasi.objects.filter(indikator__renstra__instansi=panti, tahun=2020).first()
    client.force_login(personas.admin)
    url = f"/admin/measurement/realisasi/{realisasi.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k != "bukti"}
    data.update(indikator=realisasi.indikator_id, catatan="angka baru", nilai="99")
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "sudah disetujui dan dibekukan" in response.content.decode()
    realisasi.refresh_from_db()
    assert realisasi.catatan != "angka baru"
