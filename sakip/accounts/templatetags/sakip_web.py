"""Template helpers of the web workspace: Indonesian times and the audit history of a record."""

from django import template
from django.utils import timezone

from sakip import formatting
from sakip.accounts import audit
from sakip.accounts.access import can

register = template.Library()

RIWAYAT_MAKS = 50


@register.filter
def waktu(value) -> str:
    """18 Januari 2021 pukul 14.05 (local time)."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{formatting.tanggal(local.date())} pukul {local:%H.%M}"


@register.filter
def tindakan(entry) -> str:
    return audit.TINDAKAN.get(entry.action, "")


@register.filter
def menit(delta) -> int:
    return round(delta.total_seconds() / 60)


@register.inclusion_tag("accounts/_jejak.html", takes_context=True)
def jejak_audit(context, obj):
    """{% jejak_audit obj %}: who changed this record, when, from where, old → new (latest 50)."""
    entries = audit.for_object(obj)[:RIWAYAT_MAKS]
    return {
        "entries": [(e, audit.perubahan(e)) for e in entries],
        "tampil_alamat": can(context["request"].user, "sakip.audit", obj),
    }
