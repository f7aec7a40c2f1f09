"""Pengukuran kinerja: realisasi of indicators, budget pagu and realisasi, and the predicate
scales that turn capaian into words."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sakip.calc.predikat import Rentang, Skala
from sakip.organisation.models import Instansi, Pemda
from sakip.planning.models import Indikator, Kegiatan, NilaiMixin, Program, SubKegiatan

from .belanja import JENIS_BELANJA

LAMPU = ("#2e7d32", "#9acd32", "#ffbf00", "#ef6c00", "#c62828")  # best → worst, when a scale names no colours


class SkalaPredikat(models.Model):
    """A named predicate scale; an agency's own scale overrides its pemda's default."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="skala_predikat")
    instansi = models.ForeignKey(
        Instansi,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="skala_predikat",
        help_text=_("kosong = skala bawaan pemda"),
    )
    kode = models.SlugField()
    nama = models.CharField(max_length=200)
    sumber = models.CharField(max_length=300, blank=True, help_text="dasar atau dokumen asal skala")

    class Meta:
        verbose_name = _("skala predikat")
        verbose_name_plural = _("skala predikat")
        ordering = ["pemda", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "kode"], name="skala_kode_unik"),
            models.UniqueConstraint(fields=["pemda"], condition=Q(instansi=None), name="skala_satu_bawaan_pemda"),
            models.UniqueConstraint(
                fields=["instansi"], condition=Q(instansi__isnull=False), name="skala_satu_per_instansi"
            ),
        ]

    def __str__(self):
        return self.nama

    def skala(self) -> Skala:
        """The framework-free scale the capaian engine works with."""
        return Skala(self.nama, tuple(r.rentang() for r in self.rentang.all()))

    def warna(self) -> list[tuple[str, str]]:
        """[(predikat, colour)] best first (highest band first), each band's own colour or a
        traffic-light colour by its rank."""
        bands = sorted(self.rentang.all(), key=lambda r: (r.bawah is not None, r.bawah or 0), reverse=True)
        n = len(bands)
        return [
            (r.predikat, r.warna or LAMPU[round(k * (len(LAMPU) - 1) / max(n - 1, 1))]) for k, r in enumerate(bands)
        ]

    @classmethod
    def untuk(cls, instansi) -> "SkalaPredikat | None":
        skala = cls.objects.prefetch_related("rentang")
        return (
            skala.filter(instansi=instansi).first() or skala.filter(pemda_id=instansi.pemda_id, instansi=None).first()
        )


class RentangPredikat(models.Model):
    """One band of a scale; bounds are open or closed, None is infinite."""

    skala = models.ForeignKey(SkalaPredikat, on_delete=models.CASCADE, related_name="rentang")
    predikat = models.CharField(max_length=50)
    bawah = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    bawah_inklusif = models.BooleanField(default=True)
    atas = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    atas_inklusif = models.BooleanField(default=False)
    warna = models.CharField(max_length=7, blank=True, help_text="warna lampu lalu lintas, mis. #2e7d32")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("rentang predikat")
        verbose_name_plural = _("rentang predikat")
        ordering = ["skala", "urutan"]

    def __str__(self):
        return f"{self.predikat}: {self.rentang().label()}"

    def rentang(self) -> Rentang:
        return Rentang(
            self.predikat,
            None if self.bawah is None else Decimal(self.bawah).normalize(),
            self.bawah_inklusif,
            None if self.atas is None else Decimal(self.atas).normalize(),
            self.atas_inklusif,
        )


class Realisasi(NilaiMixin):
    """What an indicator reached in one triwulan or the whole year, with its evidence."""

    class Periode(models.TextChoices):
        TW1 = "tw1", _("Triwulan I")
        TW2 = "tw2", _("Triwulan II")
        TW3 = "tw3", _("Triwulan III")
        TW4 = "tw4", _("Triwulan IV")
        TAHUN = "tahun", _("Tahunan")

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=5, choices=Periode.choices, default=Periode.TAHUN)
    pembilang = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    penyebut = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    bukti = models.FileField(upload_to="bukti/%Y/", blank=True, help_text="bukti dukung")

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["indikator", "tahun", "periode"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun", "periode"], name="realisasi_unik")]

    def __str__(self):
        return f"{self.indikator} {self.tahun} {self.get_periode_display()}"

    def clean(self):
        if self.penyebut == 0:
            raise ValidationError({"penyebut": _("Penyebut tidak boleh nol.")})


class RealisasiNasional(models.Model):
    """The national figure an indicator is compared with, where one exists."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="nasional")
    tahun = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(max_digits=20, decimal_places=4)
    sumber = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("realisasi nasional")
        verbose_name_plural = _("realisasi nasional")
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="nasional_unik")]

    def __str__(self):
        return f"{self.indikator} {self.tahun} (nasional)"


class Anggaran(models.Model):
    """Pagu and realisasi of exactly one program, kegiatan or sub kegiatan in one year."""

    tahun = models.PositiveSmallIntegerField()
    program = models.ForeignKey(Program, null=True, blank=True, on_delete=models.CASCADE, related_name="anggaran")
    kegiatan = models.ForeignKey(Kegiatan, null=True, blank=True, on_delete=models.CASCADE, related_name="anggaran")
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, null=True, blank=True, on_delete=models.CASCADE, related_name="anggaran"
    )
    pagu = models.DecimalField(max_digits=20, decimal_places=2)
    realisasi = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    catatan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("anggaran")
        verbose_name_plural = _("anggaran")
        ordering = ["tahun", "id"]
        constraints = [
            models.CheckConstraint(
                name="anggaran_satu_pemilik",
                condition=(
                    Q(program__isnull=False, kegiatan=None, sub_kegiatan=None)
                    | Q(program=None, kegiatan__isnull=False, sub_kegiatan=None)
                    | Q(program=None, kegiatan=None, sub_kegiatan__isnull=False)
                ),
            ),
            models.UniqueConstraint(fields=["tahun", "program"], name="anggaran_program_unik"),
            models.UniqueConstraint(fields=["tahun", "kegiatan"], name="anggaran_kegiatan_unik"),
            models.UniqueConstraint(fields=["tahun", "sub_kegiatan"], name="anggaran_sub_kegiatan_unik"),
        ]

    def __str__(self):
        return f"{self.pemilik} {self.tahun}"

    @property
    def pemilik(self):
        return self.sub_kegiatan or self.kegiatan or self.program

    @property
    def tingkat(self) -> str:
        if self.sub_kegiatan_id:
            return "sub_kegiatan"
        return "kegiatan" if self.kegiatan_id else "program"

    @property
    def urutan_pohon(self) -> tuple:
        """Sort key that lists a program, then its kegiatan, then their sub kegiatan."""
        keg = self.kegiatan or (self.sub_kegiatan.kegiatan if self.sub_kegiatan else None)
        prog = self.program or keg.program
        return (
            prog.renstra_id,
            prog.urutan,
            keg.urutan if keg else -1,
            self.sub_kegiatan.urutan if self.sub_kegiatan else -1,
        )

    @classmethod
    def milik(cls, instansi):
        """Every budget line of an agency, whatever level it sits at, with its tree loaded."""
        return cls.objects.filter(
            Q(program__renstra__instansi=instansi)
            | Q(kegiatan__program__renstra__instansi=instansi)
            | Q(sub_kegiatan__kegiatan__program__renstra__instansi=instansi)
        ).select_related("program", "kegiatan__program", "sub_kegiatan__kegiatan__program")


class Belanja(models.Model):
    """Pagu and realisasi per belanja type of an agency-year (BTL/BL or the 90/2019 structure)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="belanja")
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=30, choices=list(JENIS_BELANJA.items()))
    pagu = models.DecimalField(max_digits=20, decimal_places=2)
    realisasi = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    catatan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("belanja")
        verbose_name_plural = _("belanja")
        ordering = ["instansi", "tahun", "jenis"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun", "jenis"], name="belanja_unik")]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.tahun}"
