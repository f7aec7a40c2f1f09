"""The workflow of an agency-year and its frozen result.

    draft ──ajukan (kepala)──► diajukan ──loloskan (reviewer)──► direviu ──setujui (kepala/admin)──► disetujui
      ▲                          │  catat: a reviewer note, status unchanged                           │
      └──kembalikan (reviewer, with a note)                           buka (admin, with a reason) ─────┘

Approval is the kepala's signature on the reviewed LKIP (PermenPANRB 53/2014: the head signs the
report) or the admin pemda's acceptance of it for the pemda; either closes the year. Approval
stores the LKIP PDF generated at that moment with its SHA-256, then freezes every record of the
agency-year (frozen.py). Every step is a RiwayatStatus row: who, when, in which role, with which note.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from sakip.accounts.access import can
from sakip.accounts.predicates import peran

from .models import RiwayatStatus, TahunKinerja

S = TahunKinerja.Status


class WorkflowError(Exception):
    """A step that cannot be taken now; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Aksi:
    kode: str
    dari: tuple[str, ...]
    ke: str | None  # None: the status stays (a note)
    rule: str
    catatan_wajib: bool = False
    penting: bool = False  # shown as the main button
    persiapan: Callable | None = None  # runs before the step is recorded; may refuse it

    @property
    def label(self) -> str:
        return RiwayatStatus.Aksi(self.kode).label


def open_review_errors(instansi, tahun: int) -> list:
    """Hook for the reviu (sakip.review, issue 6): its open findings of severity `error`
    block approval. `sakip.review.open_errors(instansi, tahun)` returns them (each shown with
    str()); while that app is not installed nothing blocks."""
    if not apps.is_installed("sakip.review"):
        return []
    from sakip.review import open_errors

    return list(open_errors(instansi, tahun))


def _simpan_lkip(riwayat: RiwayatStatus, instansi, tahun: int) -> None:
    """Refuse while the reviu has open errors; otherwise keep the LKIP being approved, byte for byte."""
    from .generate import dokumen, render

    errors = open_review_errors(instansi, tahun)
    if errors:
        daftar = "; ".join(str(e) for e in errors[:3]) + ("; …" if len(errors) > 3 else "")
        raise WorkflowError(
            _("Belum dapat disetujui: reviu masih mencatat %(n)d kesalahan terbuka (%(daftar)s).")
            % {"n": len(errors), "daftar": daftar}
        )
    pdf = render(dokumen(instansi, tahun, "lkip"), "pdf")
    riwayat.sha256 = hashlib.sha256(pdf).hexdigest()
    riwayat.berkas.save(f"lkip-{instansi.slug}-{tahun}.pdf", ContentFile(pdf), save=False)


A = RiwayatStatus.Aksi
AKSI: dict[str, Aksi] = {
    a.kode: a
    for a in (
        Aksi(A.AJUKAN, (S.DRAFT,), S.DIAJUKAN, "sakip.submit", penting=True),
        Aksi(A.CATAT, (S.DIAJUKAN,), None, "sakip.review", catatan_wajib=True),
        Aksi(A.KEMBALIKAN, (S.DIAJUKAN,), S.DRAFT, "sakip.review", catatan_wajib=True),
        Aksi(A.LOLOSKAN, (S.DIAJUKAN,), S.DIREVIU, "sakip.review", penting=True),
        Aksi(A.SETUJUI, (S.DIREVIU,), S.DISETUJUI, "sakip.approve", penting=True, persiapan=_simpan_lkip),
        Aksi(A.BUKA, (S.DISETUJUI,), S.DRAFT, "sakip.reopen", catatan_wajib=True),
    )
}


def tersedia(user, tahun_kinerja: TahunKinerja) -> list[Aksi]:
    """The steps this user may take now."""
    return [a for a in AKSI.values() if tahun_kinerja.status in a.dari and can(user, a.rule, tahun_kinerja)]


def _nama(user) -> str:
    p = peran(user)
    nama = user.get_full_name() or user.get_username()
    return f"{nama} — {p.get_jenis_display()}" if p else nama


def jalankan(user, instansi, tahun: int, kode: str, catatan: str = "") -> RiwayatStatus:
    """Take step `kode` for the agency-year. PermissionDenied when the role may not,
    WorkflowError when the step does not fit the status or lacks its note."""
    aksi = AKSI[kode]
    catatan = catatan.strip()
    with transaction.atomic():
        tk, _created = TahunKinerja.objects.select_for_update().get_or_create(instansi=instansi, tahun=tahun)
        if not can(user, aksi.rule, tk):
            raise PermissionDenied(_("Peran Anda tidak boleh melakukan tindakan ini."))
        if tk.status not in aksi.dari:
            raise WorkflowError(
                _("“%(aksi)s” tidak dapat dilakukan: status tahun %(tahun)s sekarang %(status)s.")
                % {"aksi": aksi.label, "tahun": tahun, "status": tk.get_status_display()}
            )
        if aksi.catatan_wajib and not catatan:
            raise WorkflowError(_("“%(aksi)s” memerlukan catatan atau alasan tertulis.") % {"aksi": aksi.label})
        riwayat = RiwayatStatus(
            tahun_kinerja=tk,
            aksi=kode,
            status_awal=tk.status,
            status_akhir=aksi.ke or tk.status,
            oleh=user,
            nama=_nama(user),
            catatan=catatan,
        )
        if aksi.persiapan:
            aksi.persiapan(riwayat, instansi, tahun)
        tk.status = riwayat.status_akhir
        tk.save()
        riwayat.save()
    return riwayat
