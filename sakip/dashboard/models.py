"""A batch generation of every agency's LKIP of a pemda-year, run in the background."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakip.organisation.models import Pemda


class LkipMassal(models.Model):
    """One batch: its progress (updated with queryset.update, so not in the audit trail) and
    the resulting ZIP."""

    class Status(models.TextChoices):
        BERJALAN = "berjalan", _("Sedang dibuat")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="lkip_massal")
    tahun = models.PositiveSmallIntegerField()
    format = models.CharField(max_length=4, choices=[("pdf", "PDF"), ("docx", "DOCX")])
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    mulai = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BERJALAN)
    total = models.PositiveIntegerField(default=0)
    selesai = models.PositiveIntegerField(default=0)
    sedang = models.CharField(max_length=200, blank=True, help_text=_("instansi yang sedang dibuat"))
    catatan = models.TextField(blank=True, help_text=_("instansi yang LKIP-nya tidak dapat dibuat, dan sebabnya"))
    berkas = models.FileField(upload_to="lkip-massal/%Y/", blank=True)

    class Meta:
        verbose_name = _("pembuatan LKIP massal")
        verbose_name_plural = _("pembuatan LKIP massal")
        ordering = ["-mulai", "-pk"]

    def __str__(self):
        return f"LKIP {self.pemda} {self.tahun} ({self.format}): {self.get_status_display()}"

    @property
    def persen(self) -> int:
        return round(100 * self.selesai / self.total) if self.total else 0
