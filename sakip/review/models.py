"""The findings of the data reviu of an agency-year, and the reviewer's decision on each.

A re-run of the reviu keeps the decision of every finding that still exists (matched on its
stable key), adds the new ones as open and removes those that no longer occur."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakip.calc.reviu import ERROR, INFO, WARNING, Temuan
from sakip.organisation.models import Instansi


def stable_key(t: Temuan) -> str:
    return hashlib.sha1(t.key.encode("utf-8")).hexdigest()


class TemuanReviu(models.Model):
    class Severity(models.TextChoices):
        ERROR = ERROR, _("error")
        WARNING = WARNING, _("peringatan")
        INFO = INFO, _("info")

    class Status(models.TextChoices):
        OPEN = "open", _("terbuka")
        ACCEPTED = "accepted", _("diterima")
        DISMISSED = "dismissed", _("diabaikan")

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="temuan_reviu")
    tahun = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=40, help_text=_("sidik kunci stabil temuan (aturan + pokoknya)"))
    rule = models.CharField(_("aturan"), max_length=60)
    severity = models.CharField(_("tingkat"), max_length=10, choices=Severity.choices)
    location = models.TextField(_("lokasi"))
    message = models.TextField(_("uraian"))
    stated = models.CharField(_("tertulis"), max_length=500, blank=True)
    expected = models.CharField(_("seharusnya"), max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(_("catatan reviewer"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("temuan reviu")
        verbose_name_plural = _("temuan reviu")
        ordering = ["instansi", "tahun", "id"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun", "key"], name="temuan_reviu_kunci_unik")]

    def __str__(self):
        return f"[{self.severity}] {self.rule}: {self.message} ({self.location})"

    def decide(self, status: str, user=None, note: str = "") -> None:
        """Accept or dismiss (or reopen) with a note; dismissing an error needs a reason."""
        if status not in self.Status.values:
            raise ValidationError(_("Status temuan tidak dikenal: %(s)s") % {"s": status})
        if status == self.Status.DISMISSED and self.severity == ERROR and not note.strip():
            raise ValidationError(_("Mengabaikan temuan bertingkat error memerlukan catatan alasannya."))
        self.status, self.note = status, note
        self.decided_by = user if status != self.Status.OPEN else None
        self.decided_at = timezone.now() if status != self.Status.OPEN else None
        self.save(update_fields=["status", "note", "decided_by", "decided_at", "checked_at"])

    @classmethod
    def open_errors(cls, instansi, tahun: int):
        return cls.objects.filter(instansi=instansi, tahun=tahun, severity=ERROR, status=cls.Status.OPEN)

    @classmethod
    @transaction.atomic
    def sync(cls, instansi, tahun: int, temuan: list[Temuan]) -> list["TemuanReviu"]:
        """Store a reviu run: existing findings keep their decision, vanished ones go."""
        existing = {t.key: t for t in cls.objects.filter(instansi=instansi, tahun=tahun)}
        out, seen = [], set()
        for t in temuan:
            key = stable_key(t)
            if key in seen:
                continue
            seen.add(key)
            fields = {
                "rule": t.rule,
                "severity": t.severity,
                "location": t.location,
                "message": t.message,
                "stated": t.stated[:500],
                "expected": t.expected[:500],
            }
            row = existing.get(key)
            if row is None:
                row = cls.objects.create(instansi=instansi, tahun=tahun, key=key, **fields)
            else:
                for name, value in fields.items():
                    setattr(row, name, value)
                row.save()
            out.append(row)
        cls.objects.filter(instansi=instansi, tahun=tahun).exclude(key__in=seen).delete()
        return out
