"""An approved agency-year is frozen: no record of it may be created, changed or deleted.

Enforced in the model layer for every model whose scope has a year (sakip/accounts/scopes.py):
a pre_save / pre_delete / m2m_changed receiver calls `ensure_editable`, so the back office, the
web forms, the importer's updates and a shell all get the same refusal. Forms can call
`ensure_editable(obj)` first to show the message next to the field instead.
`QuerySet.update()` and `bulk_create()` send no signals and are not checked: use them only
where `ensure_editable` was asked before.
"""

from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.utils.translation import gettext as _

from sakip.accounts.scopes import Owner, has_scope, owner, scope_of, stored_owner

from .models import TahunKinerja


class FrozenError(ValidationError):
    """A change to data of an approved agency-year."""


def approved_years() -> set[tuple[int, int]]:
    """(instansi_id, tahun) of every approved agency-year: a short list, read in one query."""
    return set(TahunKinerja.objects.filter(status=TahunKinerja.Status.DISETUJUI).values_list("instansi_id", "tahun"))


def is_frozen(instansi, tahun: int) -> bool:
    return TahunKinerja.objects.filter(instansi=instansi, tahun=tahun, status=TahunKinerja.Status.DISETUJUI).exists()


def _frozen_year(o: Owner | None, approved: set) -> int | None:
    if o is None or o.instansi_id is None:
        return None
    return next((t for t in o.years() if (o.instansi_id, t) in approved), None)


def ensure_editable(obj) -> None:
    """Raise FrozenError when `obj` (as it is now, or as it is stored) belongs to an approved year."""
    model = type(obj)
    if not has_scope(model):
        return
    scope = scope_of(model)
    if not (scope.frozen and scope.tahun):
        return
    approved = approved_years()
    if not approved:
        return
    current = owner(obj)
    tahun = _frozen_year(current, approved)
    instansi_id = current.instansi_id
    if tahun is None and obj.pk is not None:
        stored = stored_owner(model, obj.pk)
        tahun = _frozen_year(stored, approved)
        instansi_id = stored.instansi_id if stored else None
    if tahun is not None:
        from sakip.organisation.models import Instansi

        raise FrozenError(
            _(
                "Data %(instansi)s tahun %(tahun)s sudah disetujui dan dibekukan, sehingga %(data)s tidak dapat "
                "diubah atau dihapus. Bila perlu diperbaiki, minta admin pemda membuka kembali tahun tersebut."
            )
            % {
                "instansi": Instansi.objects.get(pk=instansi_id),
                "tahun": tahun,
                "data": f"{model._meta.verbose_name} “{obj}”",
            },
            code="frozen",
        )


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures load rows as they are
        ensure_editable(instance)


def _on_delete(sender, instance, **kwargs):
    ensure_editable(instance)


def _on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("pre_"):
        return
    ensure_editable(instance)
    if reverse and pk_set:  # e.g. an indicator added to a decree from the indicator's side
        for other in model._base_manager.filter(pk__in=pk_set):
            ensure_editable(other)


def connect() -> None:
    """Connected before the audit trail's receivers, so a refused change is not logged."""
    pre_save.connect(_on_save, dispatch_uid="sakip-frozen-save")
    pre_delete.connect(_on_delete, dispatch_uid="sakip-frozen-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="sakip-frozen-m2m")
