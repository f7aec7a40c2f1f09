"""The audit trail, read side. django-auditlog writes one LogEntry per change of every model
(settings.AUDITLOG_*; actor and address from AuditMiddleware); this module gives every scoped
model auditlog's `get_additional_data` hook, so each entry also records the agency, pemda and
years the record belonged to, and the history of an agency-year can be found again after its
records were deleted."""

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .scopes import SCOPES, owner


def _additional_data(self) -> dict:
    o = owner(self)
    return {"instansi": o.instansi_id, "pemda": o.pemda_id, "tahun_awal": o.tahun_awal, "tahun_akhir": o.tahun_akhir}


def connect() -> None:
    """Give every model with a scope the hook (models that define their own keep theirs)."""
    for label in SCOPES:
        model = apps.get_model(label)
        if not hasattr(model, "get_additional_data"):
            model.get_additional_data = _additional_data


def for_object(obj) -> QuerySet[LogEntry]:
    return LogEntry.objects.get_for_object(obj).select_related("actor", "content_type").order_by("-timestamp", "-pk")


def for_year(instansi, tahun: int) -> QuerySet[LogEntry]:
    """Every change to a record of the agency-year, newest first (also of records deleted since)."""
    return (
        LogEntry.objects.filter(
            additional_data__instansi=instansi.pk,
            additional_data__tahun_awal__lte=tahun,
            additional_data__tahun_akhir__gte=tahun,
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


TINDAKAN = {
    LogEntry.Action.CREATE: _("dibuat"),
    LogEntry.Action.UPDATE: _("diubah"),
    LogEntry.Action.DELETE: _("dihapus"),
    LogEntry.Action.ACCESS: _("dibuka"),
}


@dataclass(frozen=True)
class Perubahan:
    """One field of one entry: its label, the old and the new value as text."""

    field: str
    lama: str
    baru: str


def perubahan(entry: LogEntry) -> list[Perubahan]:
    """The fields an entry changed, for people: no internal ids, and a new record only with what it holds."""
    model = entry.content_type.model_class()
    result = []
    for name, values in (entry.changes_dict or {}).items():
        try:
            field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            field = None
        if getattr(field, "primary_key", False):
            continue
        label = str(getattr(field, "verbose_name", name))
        if isinstance(values, dict):  # many-to-many: {"type": "m2m", "operation": "add"|"delete", "objects": [...]}
            objects = ", ".join(values.get("objects", []))
            added = values.get("operation") == "add"
            result.append(Perubahan(label, "" if added else objects, objects if added else ""))
            continue
        choices = {str(k): v for k, v in getattr(field, "flatchoices", None) or []}
        lama, baru = (_shown(v, choices) for v in values)
        if lama or baru:
            result.append(Perubahan(label, lama, baru))
    return result


def _shown(value, choices: dict) -> str:
    if value in (None, "None"):
        return ""
    return str(choices.get(str(value), value))
