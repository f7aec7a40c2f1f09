"""Who a user is in SAKIP: one role in one pemda, and for agency roles the agency."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip.organisation.models import Instansi, Pemda


class Peran(models.Model):
    """The role of a user. Agency roles (operator, kepala) belong to one instansi; the others
    see every agency of their pemda. A user has one role: a person with two duties gets two logins,
    so every change in the audit trail says in which capacity it was made."""

    class Jenis(models.TextChoices):
        ADMIN = "admin", _("Admin pemda")
        OPERATOR = "operator", _("Operator instansi")
        KEPALA = "kepala", _("Kepala instansi")
        REVIEWER = "reviewer", _("Reviewer (Inspektorat)")
        PIMPINAN = "pimpinan", _("Pimpinan daerah")

    PER_INSTANSI = (Jenis.OPERATOR, Jenis.KEPALA)

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peran")
    jenis = models.CharField(_("peran"), max_length=20, choices=Jenis.choices)
    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="peran")
    instansi = models.ForeignKey(
        Instansi,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="peran",
        help_text=_("wajib untuk operator dan kepala instansi; kosong untuk peran se-pemda"),
    )

    class Meta:
        verbose_name = _("peran pengguna")
        verbose_name_plural = _("peran pengguna")
        ordering = ["pemda", "jenis", "user__username"]
        constraints = [
            models.CheckConstraint(
                name="peran_instansi_sesuai_jenis",
                condition=(
                    models.Q(jenis__in=["operator", "kepala"], instansi__isnull=False)
                    | (~models.Q(jenis__in=["operator", "kepala"]) & models.Q(instansi=None))
                ),
            )
        ]

    def __str__(self):
        return f"{self.user.get_username()}: {self.label}"

    @property
    def per_instansi(self) -> bool:
        return self.jenis in self.PER_INSTANSI

    @property
    def label(self) -> str:
        """The role as the top bar shows it, e.g. "Operator instansi — Kecamatan Panti"."""
        tempat = self.instansi if self.per_instansi else self.pemda
        return f"{self.get_jenis_display()} — {tempat}"

    def clean(self):
        if self.per_instansi and not self.instansi_id:
            raise ValidationError({"instansi": _("Operator dan kepala instansi harus terikat pada satu instansi.")})
        if not self.per_instansi and self.instansi_id:
            raise ValidationError({"instansi": _("Peran se-pemda tidak terikat pada satu instansi.")})
        if self.instansi_id and self.pemda_id and self.instansi.pemda_id != self.pemda_id:
            raise ValidationError({"instansi": _("Instansi harus milik pemda yang sama.")})
