"""Perencanaan kinerja: RPJMD of the pemda, Renstra of the agency with its whole cascade
(tujuan → sasaran → program → kegiatan → sub kegiatan, each with indicators), yearly targets
from every source document, Perjanjian Kinerja with versions, rencana aksi, RKT and IKU decrees."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sakip.calc.capaian import JenisNilai, Rumus
from sakip.organisation.models import Ditandatangani, Instansi, Pejabat, Pemda, UnitOrganisasi


class RPJMD(models.Model):
    """The pemda's medium-term plan the agencies' Renstra cascade from."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="rpjmd")
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()
    visi = models.TextField()
    dasar_hukum = models.TextField(blank=True)

    class Meta:
        verbose_name = "RPJMD"
        verbose_name_plural = "RPJMD"
        ordering = ["pemda", "tahun_awal"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "tahun_awal"], name="rpjmd_periode_unik"),
            models.CheckConstraint(condition=Q(tahun_akhir__gte=models.F("tahun_awal")), name="rpjmd_periode_urut"),
        ]

    def __str__(self):
        return f"RPJMD {self.pemda} {self.tahun_awal}–{self.tahun_akhir}"


class Misi(models.Model):
    rpjmd = models.ForeignKey(RPJMD, on_delete=models.CASCADE, related_name="misi")
    nomor = models.PositiveSmallIntegerField()
    uraian = models.TextField()

    class Meta:
        verbose_name = _("misi")
        verbose_name_plural = _("misi")
        ordering = ["rpjmd", "nomor"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "nomor"], name="misi_nomor_unik")]

    def __str__(self):
        return f"Misi {self.nomor}: {self.uraian}"


class SasaranPemda(models.Model):
    """A sasaran strategis of the pemda (RPJMD) that agency tujuan support."""

    rpjmd = models.ForeignKey(RPJMD, on_delete=models.CASCADE, related_name="sasaran")
    misi = models.ForeignKey(Misi, null=True, blank=True, on_delete=models.SET_NULL)
    kode = models.SlugField()
    uraian = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("sasaran pemda")
        verbose_name_plural = _("sasaran pemda")
        ordering = ["rpjmd", "urutan"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "kode"], name="sasaran_pemda_kode_unik")]

    def __str__(self):
        return self.uraian


class Renstra(models.Model):
    """One version of an agency's five-year plan; a perubahan is a new version, the old stays."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="renstra")
    kode = models.SlugField(help_text="mis. 2016-2021 atau 2016-2021-perubahan")
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()
    versi = models.PositiveSmallIntegerField(default=0, help_text="0 = awal, 1 = perubahan ke-1, …")
    berlaku_mulai = models.PositiveSmallIntegerField(help_text="tahun pertama yang diukur dengan versi ini")
    dasar_hukum = models.TextField(blank=True)
    tanggal = models.DateField(null=True, blank=True)
    keterangan = models.TextField(blank=True)

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["instansi", "tahun_awal", "versi"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "kode"], name="renstra_kode_unik"),
            models.UniqueConstraint(fields=["instansi", "tahun_awal", "versi"], name="renstra_versi_unik"),
            models.CheckConstraint(condition=Q(tahun_akhir__gte=models.F("tahun_awal")), name="renstra_periode_urut"),
        ]

    def __str__(self):
        label = "Perubahan " if self.versi else ""
        return f"{label}Renstra {self.instansi} {self.tahun_awal}–{self.tahun_akhir}"

    @property
    def tahun(self) -> range:
        return range(self.tahun_awal, self.tahun_akhir + 1)

    def clean(self):
        if not self.tahun_awal <= self.berlaku_mulai <= self.tahun_akhir:
            raise ValidationError({"berlaku_mulai": _("Tahun berlaku harus di dalam periode Renstra.")})

    @classmethod
    def aktif(cls, instansi, tahun: int) -> "Renstra | None":
        """The version that measures `tahun`: the latest one in force by then."""
        return (
            cls.objects.filter(
                instansi=instansi,
                tahun_awal__lte=tahun,
                tahun_akhir__gte=tahun,
                berlaku_mulai__lte=tahun,
            )
            .order_by("-versi")
            .first()
        )


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.SlugField()
    uraian = models.TextField()
    sasaran_pemda = models.ForeignKey(
        SasaranPemda, null=True, blank=True, on_delete=models.SET_NULL, related_name="tujuan_opd"
    )
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        ordering = ["renstra", "urutan"]
        constraints = [models.UniqueConstraint(fields=["renstra", "kode"], name="tujuan_kode_unik")]

    def __str__(self):
        return self.uraian


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    kode = models.SlugField()
    uraian = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        ordering = ["tujuan__urutan", "urutan"]
        constraints = [models.UniqueConstraint(fields=["tujuan", "kode"], name="sasaran_kode_unik")]

    def __str__(self):
        return self.uraian


class Strategi(models.Model):
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="strategi")
    uraian = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("strategi")
        verbose_name_plural = _("strategi")
        ordering = ["sasaran", "urutan"]

    def __str__(self):
        return self.uraian


class Kebijakan(models.Model):
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="kebijakan")
    uraian = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("kebijakan")
        verbose_name_plural = _("kebijakan")
        ordering = ["sasaran", "urutan"]

    def __str__(self):
        return self.uraian


class Program(models.Model):
    """A program of the Renstra; support programs have no sasaran."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="program")
    kode = models.CharField(max_length=40, help_text="kode Permendagri 90/2019 (mis. 7.01.02) atau kode lokal")
    nama = models.CharField(max_length=300)
    sasaran = models.ForeignKey(Sasaran, null=True, blank=True, on_delete=models.SET_NULL, related_name="program")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")
        ordering = ["renstra", "urutan"]
        constraints = [models.UniqueConstraint(fields=["renstra", "kode"], name="program_kode_unik")]

    def __str__(self):
        return self.nama


class Kegiatan(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan")
    kode = models.CharField(max_length=40)
    nama = models.CharField(max_length=300)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        ordering = ["program__urutan", "urutan"]
        constraints = [models.UniqueConstraint(fields=["program", "kode"], name="kegiatan_kode_unik")]

    def __str__(self):
        return self.nama


class SubKegiatan(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan")
    kode = models.CharField(max_length=40)
    nama = models.CharField(max_length=300)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("sub kegiatan")
        verbose_name_plural = _("sub kegiatan")
        ordering = ["kegiatan__urutan", "urutan"]
        constraints = [models.UniqueConstraint(fields=["kegiatan", "kode"], name="sub_kegiatan_kode_unik")]

    def __str__(self):
        return self.nama


OWNER_FIELDS = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")


class Indikator(models.Model):
    """A performance indicator of exactly one element of the cascade.

    Components (the KK / KTP / AK … of one kegiatan output) are indicators whose `induk`
    is the combined indicator, so each keeps its own targets and realisasi."""

    class Kategori(models.TextChoices):
        INPUT = "input", _("Masukan (input)")
        OUTPUT = "output", _("Keluaran (output)")
        OUTCOME = "outcome", _("Hasil (outcome)")
        IMPACT = "impact", _("Dampak (impact)")

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="indikator")
    kode = models.SlugField(help_text="pengenal unik dalam Renstra, mis. iku-1")
    nama = models.TextField()
    satuan = models.CharField(max_length=50, blank=True, help_text="mis. %, nilai, dokumen, orang")
    jenis_nilai = models.CharField(
        max_length=12, choices=[(j.value, j.value) for j in JenisNilai], default=JenisNilai.ANGKA.value
    )
    rumus = models.CharField(
        max_length=16,
        choices=[
            (Rumus.POSITIF.value, _("positif: R / T × 100")),
            (Rumus.NEGATIF.value, _("negatif: (2T − R) / T × 100")),
            (Rumus.NEGATIF_RASIO.value, _("negatif: T / R × 100")),
        ],
        default=Rumus.POSITIF.value,
        help_text=_("polaritas dan rumus capaian"),
    )
    kategori = models.CharField(max_length=10, choices=Kategori.choices, default=Kategori.OUTCOME)
    iku = models.BooleanField("IKU", default=False)
    formulasi = models.TextField(blank=True)
    pembilang = models.TextField(blank=True, help_text="definisi pembilang (numerator)")
    penyebut = models.TextField(blank=True, help_text="definisi penyebut (denominator)")
    penanggung_jawab = models.ManyToManyField(
        UnitOrganisasi, blank=True, related_name="indikator", verbose_name="unit penanggung jawab"
    )
    sumber_data = models.CharField(max_length=300, blank=True)
    tujuan = models.ForeignKey(Tujuan, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator")
    sasaran = models.ForeignKey(Sasaran, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator")
    program = models.ForeignKey(Program, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator")
    kegiatan = models.ForeignKey(Kegiatan, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator")
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="komponen")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["renstra", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kode"], name="indikator_kode_unik"),
            models.CheckConstraint(
                name="indikator_satu_pemilik",
                condition=(
                    Q(tujuan__isnull=False, sasaran=None, program=None, kegiatan=None, sub_kegiatan=None)
                    | Q(tujuan=None, sasaran__isnull=False, program=None, kegiatan=None, sub_kegiatan=None)
                    | Q(tujuan=None, sasaran=None, program__isnull=False, kegiatan=None, sub_kegiatan=None)
                    | Q(tujuan=None, sasaran=None, program=None, kegiatan__isnull=False, sub_kegiatan=None)
                    | Q(tujuan=None, sasaran=None, program=None, kegiatan=None, sub_kegiatan__isnull=False)
                ),
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def pemilik(self):
        """The tujuan, sasaran, program, kegiatan or sub kegiatan this indicator measures."""
        return next(getattr(self, f) for f in OWNER_FIELDS if getattr(self, f"{f}_id"))

    @property
    def tingkat(self) -> str:
        return next(f for f in OWNER_FIELDS if getattr(self, f"{f}_id"))

    @property
    def polaritas(self) -> str:
        return "positif" if self.rumus == Rumus.POSITIF else "negatif"


class NilaiMixin(models.Model):
    """A value as SAKIP documents write it: a number, optionally with a grade ("B (80 %)")."""

    nilai = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    mutu = models.CharField(max_length=5, blank=True, help_text="predikat huruf, mis. B")
    catatan = models.TextField(blank=True, help_text="sumber atau keterangan nilai")

    class Meta:
        abstract = True


class RencanaKinerjaTahunan(Ditandatangani):
    """The RKT/Renja of one year; its rows are the targets that point to it."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="rkt")
    tahun = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("rencana kinerja tahunan")
        verbose_name_plural = _("rencana kinerja tahunan")
        ordering = ["instansi", "tahun"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="rkt_tahun_unik")]

    def __str__(self):
        return f"RKT {self.instansi} {self.tahun}"


class PerjanjianKinerja(models.Model):
    """One version of a year's performance agreement; a perubahan is a new version."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="perjanjian")
    tahun = models.PositiveSmallIntegerField()
    versi = models.PositiveSmallIntegerField(default=0, help_text="0 = awal, 1 = perubahan ke-1, …")
    tempat = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    pihak_pertama = models.ForeignKey(Pejabat, on_delete=models.RESTRICT, related_name="+")
    jabatan_pihak_pertama = models.CharField(max_length=200)
    pihak_kedua = models.ForeignKey(Pejabat, on_delete=models.RESTRICT, related_name="+")
    jabatan_pihak_kedua = models.CharField(max_length=200)
    keterangan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["instansi", "tahun", "versi"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun", "versi"], name="pk_versi_unik")]

    def __str__(self):
        return f"{self.judul} {self.instansi} {self.tahun}"

    @property
    def judul(self) -> str:
        if not self.versi:
            return "Perjanjian Kinerja"
        return "Perjanjian Kinerja Perubahan" + (f" ke-{self.versi}" if self.versi > 1 else "")

    @classmethod
    def berlaku(cls, instansi, tahun: int) -> "PerjanjianKinerja | None":
        """The agreement in force for the year: its latest version."""
        return cls.objects.filter(instansi=instansi, tahun=tahun).order_by("-versi").first()


class Target(NilaiMixin):
    """A target of one indicator for one year as one source document states it.

    Renstra targets point to no document; RKT and PK targets point to theirs, so the
    disagreements between the documents stay visible instead of being overwritten."""

    class Sumber(models.TextChoices):
        RENSTRA = "renstra", "Renstra"
        RKT = "rkt", "RKT"
        PK = "pk", "Perjanjian Kinerja"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField()
    nilai_atas = models.DecimalField(
        max_digits=20, decimal_places=4, null=True, blank=True, help_text="batas atas target rentang"
    )
    rkt = models.ForeignKey(
        RencanaKinerjaTahunan, null=True, blank=True, on_delete=models.CASCADE, related_name="target"
    )
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, null=True, blank=True, on_delete=models.CASCADE, related_name="target"
    )
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("target")
        ordering = ["indikator", "tahun", "urutan"]
        constraints = [
            models.CheckConstraint(condition=Q(rkt=None) | Q(perjanjian=None), name="target_satu_dokumen"),
            models.UniqueConstraint(
                fields=["indikator", "tahun"],
                condition=Q(rkt=None, perjanjian=None),
                name="target_renstra_unik",
            ),
            models.UniqueConstraint(fields=["indikator", "rkt"], name="target_rkt_unik"),
            models.UniqueConstraint(fields=["indikator", "perjanjian"], name="target_pk_unik"),
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun} ({self.get_sumber_display()})"

    @property
    def sumber(self) -> str:
        if self.perjanjian_id:
            return self.Sumber.PK
        return self.Sumber.RKT if self.rkt_id else self.Sumber.RENSTRA

    def get_sumber_display(self) -> str:
        return self.Sumber(self.sumber).label

    def clean(self):
        doc = self.perjanjian or self.rkt
        if doc and doc.tahun != self.tahun:
            raise ValidationError({"tahun": _("Tahun target harus sama dengan tahun dokumennya.")})
        if self.nilai_atas is not None and self.nilai is not None and self.nilai_atas < self.nilai:
            raise ValidationError({"nilai_atas": _("Batas atas lebih kecil dari batas bawah.")})


class RencanaAksi(models.Model):
    """Quarterly target and planned action of one PK indicator."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="rencana_aksi")
    triwulan = models.PositiveSmallIntegerField(choices=[(i, f"Triwulan {i}") for i in range(1, 5)])
    nilai = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    nilai_atas = models.DecimalField(
        max_digits=20, decimal_places=4, null=True, blank=True, help_text="batas atas target rentang"
    )
    aksi = models.TextField(blank=True)

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["target", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["target", "triwulan"], name="rencana_aksi_unik"),
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="triwulan_1_4"),
        ]

    def __str__(self):
        return f"{self.target.indikator} TW {self.triwulan}"

    def clean(self):
        if self.target_id and not self.target.perjanjian_id:
            raise ValidationError(_("Rencana aksi hanya untuk indikator Perjanjian Kinerja."))
        if self.nilai_atas is not None and self.nilai is not None and self.nilai_atas < self.nilai:
            raise ValidationError({"nilai_atas": _("Batas atas lebih kecil dari batas bawah.")})


class PKProgram(models.Model):
    """Table 2 of a PK: a program and its budget."""

    perjanjian = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="program")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    anggaran = models.DecimalField(max_digits=20, decimal_places=2)
    keterangan = models.CharField(max_length=200, blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("program perjanjian kinerja")
        verbose_name_plural = _("program perjanjian kinerja")
        ordering = ["perjanjian", "urutan"]
        constraints = [models.UniqueConstraint(fields=["perjanjian", "program"], name="pk_program_unik")]

    def __str__(self):
        return f"{self.program} — {self.perjanjian}"


class KeputusanIKU(Ditandatangani):
    """The decree that sets the agency's IKU; later decrees revise it, each stays on record."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="keputusan_iku")
    nomor = models.CharField(max_length=100)
    tahun = models.PositiveSmallIntegerField(help_text="tahun kinerja yang diatur")
    tentang = models.CharField(max_length=300, blank=True)
    indikator = models.ManyToManyField(Indikator, related_name="keputusan_iku")
    keterangan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("keputusan IKU")
        verbose_name_plural = _("keputusan IKU")
        ordering = ["instansi", "tahun", "tanggal"]
        constraints = [models.UniqueConstraint(fields=["instansi", "nomor"], name="iku_nomor_unik")]

    def __str__(self):
        return f"Keputusan {self.nomor}"

    @classmethod
    def berlaku(cls, instansi, tahun: int) -> "KeputusanIKU | None":
        """The decree in force for the year: the latest one, an undated decree counting as older."""
        return (
            cls.objects.filter(instansi=instansi, tahun__lte=tahun)
            .order_by("-tahun", models.F("tanggal").desc(nulls_last=True), "-id")
            .select_related("penandatangan")
            .first()
        )
