"""Survei Kepuasan Masyarakat: methods (unsur sets) as data, surveys and their answer
distributions, so the SKM indicator's realisasi can be traced to its survey."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sakip.organisation.models import Instansi, Pemda
from sakip.planning.models import Indikator


class MetodeSKM(models.Model):
    """A set of unsur: a regulation's (PermenPANRB 14/2017, KepmenPAN 25/2004) or an agency's own."""

    pemda = models.ForeignKey(
        Pemda,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="metode_skm",
        help_text=_("kosong = metode nasional"),
    )
    kode = models.SlugField()
    nama = models.CharField(max_length=200)
    dasar_hukum = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("metode SKM")
        verbose_name_plural = _("metode SKM")
        ordering = ["kode"]
        constraints = [models.UniqueConstraint(fields=["pemda", "kode"], name="metode_skm_kode_unik")]

    def __str__(self):
        return self.nama


class UnsurSKM(models.Model):
    metode = models.ForeignKey(MetodeSKM, on_delete=models.CASCADE, related_name="unsur")
    nomor = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=300)

    class Meta:
        verbose_name = _("unsur SKM")
        verbose_name_plural = _("unsur SKM")
        ordering = ["metode", "nomor"]
        constraints = [models.UniqueConstraint(fields=["metode", "nomor"], name="unsur_nomor_unik")]

    def __str__(self):
        return f"U{self.nomor} {self.nama}"


class SurveiSKM(models.Model):
    """One survey of one agency and period; its result feeds the SKM indicator."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="survei_skm")
    kode = models.SlugField()
    tahun = models.PositiveSmallIntegerField()
    judul = models.CharField(max_length=300)
    metode = models.ForeignKey(MetodeSKM, on_delete=models.RESTRICT, related_name="survei")
    indikator = models.ForeignKey(
        Indikator, null=True, blank=True, on_delete=models.SET_NULL, related_name="survei_skm"
    )
    populasi = models.PositiveIntegerField(null=True, blank=True)
    jumlah_responden = models.PositiveIntegerField(null=True, blank=True)
    catatan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("survei SKM")
        verbose_name_plural = _("survei SKM")
        ordering = ["instansi", "tahun", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="survei_kode_unik")]

    def __str__(self):
        return self.judul


class DistribusiJawaban(models.Model):
    """The share of answers 1–4 (Tidak Baik … Sangat Baik) for one unsur, in percent."""

    survei = models.ForeignKey(SurveiSKM, on_delete=models.CASCADE, related_name="distribusi")
    unsur = models.ForeignKey(UnsurSKM, on_delete=models.RESTRICT, related_name="+")
    persen_1 = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    persen_2 = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    persen_3 = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    persen_4 = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    catatan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("distribusi jawaban")
        verbose_name_plural = _("distribusi jawaban")
        ordering = ["survei", "unsur__nomor"]
        constraints = [
            models.UniqueConstraint(fields=["survei", "unsur"], name="distribusi_unik"),
            models.CheckConstraint(
                name="distribusi_lengkap_atau_kosong",
                condition=Q(persen_1=None, persen_2=None, persen_3=None, persen_4=None)
                | Q(persen_1__isnull=False, persen_2__isnull=False, persen_3__isnull=False, persen_4__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.survei} U{self.unsur.nomor}"

    @property
    def persen(self) -> tuple[Decimal | None, ...]:
        return (self.persen_1, self.persen_2, self.persen_3, self.persen_4)

    def clean(self):
        if self.unsur_id and self.survei_id and self.unsur.metode_id != self.survei.metode_id:
            raise ValidationError({"unsur": _("Unsur bukan bagian dari metode survei ini.")})
