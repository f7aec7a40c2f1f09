"""Survei Kepuasan Masyarakat: methods (unsur sets) as data, surveys with their answers per
respondent or an aggregated answer distribution, so the SKM indicator's realisasi can be
traced to its survey."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from sakip import formatting as fmt
from sakip.calc.skm import ACUAN, JAWABAN_UMUM, PERMENPAN_14_2017, Acuan, Sebaran
from sakip.organisation.models import Instansi, Pemda, UnitOrganisasi
from sakip.planning.models import Indikator

from .profil import JENIS_KELAMIN, PEKERJAAN, PENDIDIKAN, USIA

KATA_UMUM = {"survei", "survey", "kepuasan", "masyarakat", "skm", "tahun", "ikm", "indeks", "terhadap"}
"""Words of a survey's title left out of its generated code (every survey has them)."""


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
    acuan = models.CharField(
        max_length=30,
        choices=[(a.kode, a.nama) for a in ACUAN.values()],
        default=PERMENPAN_14_2017.kode,
        help_text=_("peraturan yang interval mutu (A–D) dan pembulatan bobotnya dipakai"),
    )

    class Meta:
        verbose_name = _("metode SKM")
        verbose_name_plural = _("metode SKM")
        ordering = ["kode"]
        constraints = [models.UniqueConstraint(fields=["pemda", "kode"], name="metode_skm_kode_unik")]

    def __str__(self):
        return self.nama

    @classmethod
    def nasional(cls, kode: str) -> "MetodeSKM":
        """The regulation's own method (no pemda), created from `sakip.calc.skm` when missing."""
        from .nasional import pasang_metode_nasional

        return pasang_metode_nasional(cls, UnsurSKM, [kode])[kode]

    @property
    def aturan(self) -> Acuan:
        """The regulation's rules (intervals, weight rounding, questionnaire wording)."""
        return ACUAN[self.acuan]


class UnsurSKM(models.Model):
    """One unsur with its question and the wording of answers 1–4 (a–d).

    Left blank, the wording is the regulation's when the unsur is the regulation's own (same
    number and name), else a neutral question with Tidak Baik … Sangat Baik."""

    metode = models.ForeignKey(MetodeSKM, on_delete=models.CASCADE, related_name="unsur")
    nomor = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=300)
    pertanyaan = models.TextField(blank=True)
    jawaban_1 = models.CharField(max_length=100, blank=True, help_text=_("jawaban a (nilai 1)"))
    jawaban_2 = models.CharField(max_length=100, blank=True, help_text=_("jawaban b (nilai 2)"))
    jawaban_3 = models.CharField(max_length=100, blank=True, help_text=_("jawaban c (nilai 3)"))
    jawaban_4 = models.CharField(max_length=100, blank=True, help_text=_("jawaban d (nilai 4)"))

    class Meta:
        verbose_name = _("unsur SKM")
        verbose_name_plural = _("unsur SKM")
        ordering = ["metode", "nomor"]
        constraints = [models.UniqueConstraint(fields=["metode", "nomor"], name="unsur_nomor_unik")]

    def __str__(self):
        return f"U{self.nomor} {self.nama}"

    def _baku(self):
        unsur = self.metode.aturan.unsur
        if self.nomor <= len(unsur) and unsur[self.nomor - 1].nama.casefold() == self.nama.strip().casefold():
            return unsur[self.nomor - 1]
        return None

    def teks_pertanyaan(self) -> str:
        if self.pertanyaan:
            return self.pertanyaan
        baku = self._baku()
        return baku.pertanyaan if baku else f"Bagaimana penilaian Saudara tentang {self.nama.lower()}?"

    def pilihan(self) -> tuple[str, str, str, str]:
        """The wording of answers 1–4."""
        sendiri = (self.jawaban_1, self.jawaban_2, self.jawaban_3, self.jawaban_4)
        if all(sendiri):
            return sendiri
        baku = self._baku()
        return baku.jawaban if baku else JAWABAN_UMUM

    def clean(self):
        sendiri = [self.jawaban_1, self.jawaban_2, self.jawaban_3, self.jawaban_4]
        if any(sendiri) and not all(sendiri):
            raise ValidationError(_("Isi keempat jawaban, atau kosongkan semuanya."))


class SurveiSKM(models.Model):
    """One survey of one agency (or one of its service units) and period; its result feeds the
    SKM indicator. Answers are stored per respondent, or — for surveys counted elsewhere — as
    an answer distribution per unsur."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="survei_skm")
    kode = models.SlugField()
    tahun = models.PositiveSmallIntegerField()
    judul = models.CharField(max_length=300)
    metode = models.ForeignKey(MetodeSKM, on_delete=models.RESTRICT, related_name="survei")
    indikator = models.ForeignKey(
        Indikator, null=True, blank=True, on_delete=models.SET_NULL, related_name="survei_skm"
    )
    unit = models.ForeignKey(
        UnitOrganisasi,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survei_skm",
        help_text=_("unit layanan yang disurvei; kosong = seluruh instansi"),
    )
    mulai = models.DateField(null=True, blank=True, help_text=_("awal periode survei"))
    selesai = models.DateField(null=True, blank=True, help_text=_("akhir periode survei"))
    populasi = models.PositiveIntegerField(null=True, blank=True)
    jumlah_responden = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("untuk distribusi jawaban; bila jawaban per responden ada, dihitung")
    )
    bobot_dibulatkan = models.BooleanField(
        default=False, help_text=_("pakai bobot sebagaimana dicetak peraturan (0,11) alih-alih 1/n yang tepat")
    )
    terbuka = models.BooleanField(default=False, help_text=_("kuesioner daring menerima jawaban"))
    diterbitkan = models.BooleanField(default=False, help_text=_("hasil boleh ditampilkan kepada publik"))
    jenis_layanan = models.TextField(blank=True, help_text=_("pilihan jenis layanan di kuesioner, satu per baris"))
    analisis = models.TextField(blank=True, help_text=_("analisis hasil untuk laporan SKM"))
    tindak_lanjut = models.TextField(blank=True, help_text=_("rencana tindak lanjut untuk laporan SKM"))
    catatan = models.TextField(blank=True)

    class Meta:
        verbose_name = _("survei SKM")
        verbose_name_plural = _("survei SKM")
        ordering = ["instansi", "tahun", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="survei_kode_unik")]

    def __str__(self):
        return self.judul

    def get_absolute_url(self) -> str:
        """The public questionnaire."""
        return reverse("skm:kuesioner", args=[self.instansi.slug, self.kode])

    def clean(self):
        if self.unit_id and self.instansi_id and self.unit.instansi_id != self.instansi_id:
            raise ValidationError({"unit": _("Unit harus dari instansi yang sama.")})
        if self.mulai and self.selesai and self.mulai > self.selesai:
            raise ValidationError({"selesai": _("Akhir periode tidak boleh sebelum awalnya.")})
        if self.pk and self.metode_id and self.ada_jawaban():
            lama = SurveiSKM.objects.filter(pk=self.pk).values_list("metode_id", flat=True).first()
            if lama is not None and lama != self.metode_id:  # the stored answers belong to the old unsur
                raise ValidationError(
                    {"metode": _("Metode tidak dapat diganti: survei ini sudah berisi jawaban atas unsur metode lama.")}
                )

    def ada_jawaban(self) -> bool:
        return self.responden.exists() or self.distribusi.exists()

    def alasan_tidak_dapat_dihapus(self) -> str | None:
        """Why deleting would lose collected answers, or None when the survey holds none yet."""
        n = self.responden.count()
        if n:
            return _("Survei ini sudah berisi %(n)d responden.") % {"n": n}
        n = self.distribusi.count()
        if n:
            return _("Survei ini sudah berisi distribusi jawaban %(n)d unsur.") % {"n": n}
        return None

    @classmethod
    def kode_baru(cls, instansi, tahun: int, judul: str) -> str:
        """A free code from the title for the questionnaire's address: "Survei Kepuasan Masyarakat
        Kecamatan Panti Tahun 2020" → skm-kecamatan-panti-2020 (then -2, -3 … when taken)."""
        kata = [k for k in slugify(judul).split("-") if k and k not in KATA_UMUM and k != str(tahun)]
        maks = cls._meta.get_field("kode").max_length - 3  # room for a "-2" suffix
        while kata and len("-".join(["skm", *kata, str(tahun)])) > maks:
            kata.pop()
        dasar = "-".join(["skm", *kata, str(tahun)])
        terpakai = set(cls.objects.filter(instansi=instansi, kode__startswith=dasar).values_list("kode", flat=True))
        return next(k for k in (dasar, *(f"{dasar}-{i}" for i in range(2, len(terpakai) + 2))) if k not in terpakai)

    @staticmethod
    def indikator_skm(instansi, tahun: int):
        """The indicators of the Renstra in force for `tahun` that an SKM result can be the
        realisasi of: named after the survey (kepuasan masyarakat, SKM) or already linked to one."""
        from sakip.planning.models import Renstra

        renstra = Renstra.aktif(instansi, tahun)
        if renstra is None:
            return Indikator.objects.none()
        cocok = (
            Q(nama__icontains="kepuasan masyarakat")
            | Q(nama__icontains="skm")
            | Q(kode__icontains="skm")
            | Q(survei_skm__instansi=instansi)
        )
        return renstra.indikator.filter(cocok).distinct().order_by("urutan", "pk")

    @property
    def daftar_layanan(self) -> list[str]:
        return [baris.strip() for baris in self.jenis_layanan.splitlines() if baris.strip()]

    def sebelumnya(self) -> "SurveiSKM | None":
        """The previous period's survey of the same agency and unit, for the comparison."""
        return (
            SurveiSKM.objects.filter(instansi_id=self.instansi_id, unit_id=self.unit_id, tahun__lt=self.tahun)
            .order_by("-tahun", "-kode")
            .first()
        )

    def hasil(self, banding: bool = True):
        """The computed result (`sakip.calc.skm.HasilSurvei`), compared with the previous period."""
        from .hasil import hasil_survei

        return hasil_survei(self, banding=banding)

    @transaction.atomic
    def isi_realisasi(self, indikator=None):
        """Write the result as the yearly realisasi of the survey's indicator (nilai = the
        25–100 value as printed, mutu = its letter), naming the survey in the catatan. With
        `indikator`, the survey is linked to it first (its LKIP section follows the link)."""
        from sakip.measurement.models import Realisasi

        if indikator is not None and indikator.pk != self.indikator_id:
            self.indikator = indikator
            self.save(update_fields=["indikator"])
        if self.indikator_id is None:
            raise ValidationError(_("Survei ini tidak terhubung ke indikator."))
        h = self.hasil(banding=False)
        if not h.nik.dapat_dihitung:
            raise ValidationError(_("Hasil survei belum dapat dihitung: belum ada jawaban."))
        responden = f"dari {h.jumlah_responden} responden" if h.jumlah_responden else "jumlah responden tidak diketahui"
        catatan = (
            f"Hasil survei SKM {self.kode}: {self.judul}; nilai {fmt.angka(h.nik)} ({h.mutu.huruf}, "
            f"{h.mutu.kinerja}), {responden}."
        )
        realisasi, _created = Realisasi.objects.update_or_create(
            indikator_id=self.indikator_id,
            tahun=self.tahun,
            periode=Realisasi.Periode.TAHUN,
            defaults={"nilai": h.nik.dibulatkan, "mutu": h.mutu.huruf, "catatan": catatan},
        )
        return realisasi

    @classmethod
    def untuk_realisasi(cls, realisasi) -> "SurveiSKM | None":
        """The survey a yearly realisasi comes from (the link back from the indicator)."""
        return cls.objects.filter(indikator_id=realisasi.indikator_id, tahun=realisasi.tahun).first()


class Responden(models.Model):
    """One respondent: the profile asked first, then one `Jawaban` per unsur."""

    survei = models.ForeignKey(SurveiSKM, on_delete=models.CASCADE, related_name="responden")
    nomor = models.PositiveIntegerField(help_text=_("nomor urut dalam survei"))
    tanggal = models.DateField(null=True, blank=True)
    jenis_kelamin = models.CharField(max_length=1, choices=list(JENIS_KELAMIN.items()), blank=True)
    usia = models.CharField(max_length=12, choices=list(USIA.items()), blank=True)
    pendidikan = models.CharField(max_length=10, choices=list(PENDIDIKAN.items()), blank=True)
    pekerjaan = models.CharField(max_length=10, choices=list(PEKERJAAN.items()), blank=True)
    layanan = models.CharField(max_length=200, blank=True, help_text=_("jenis layanan yang diterima"))

    class Meta:
        verbose_name = _("responden SKM")
        verbose_name_plural = _("responden SKM")
        ordering = ["survei", "nomor"]
        constraints = [models.UniqueConstraint(fields=["survei", "nomor"], name="responden_nomor_unik")]

    def __str__(self):
        return f"{self.survei} — responden {self.nomor}"


class Jawaban(models.Model):
    """A respondent's answer to one unsur: 1–4 (a–d)."""

    responden = models.ForeignKey(Responden, on_delete=models.CASCADE, related_name="jawaban")
    unsur = models.ForeignKey(UnsurSKM, on_delete=models.RESTRICT, related_name="+")
    nilai = models.PositiveSmallIntegerField(choices=[(i, str(i)) for i in range(1, 5)])

    class Meta:
        verbose_name = _("jawaban SKM")
        verbose_name_plural = _("jawaban SKM")
        ordering = ["responden", "unsur__nomor"]
        constraints = [
            models.UniqueConstraint(fields=["responden", "unsur"], name="jawaban_unik"),
            models.CheckConstraint(name="jawaban_1_sampai_4", condition=Q(nilai__gte=1, nilai__lte=4)),
        ]

    def __str__(self):
        return f"{self.responden} U{self.unsur.nomor}: {self.nilai}"


class DistribusiJawaban(models.Model):
    """Answers 1–4 (Tidak Baik … Sangat Baik) of one unsur counted elsewhere: the number of
    each answer when known, else the percentages a report prints."""

    survei = models.ForeignKey(SurveiSKM, on_delete=models.CASCADE, related_name="distribusi")
    unsur = models.ForeignKey(UnsurSKM, on_delete=models.RESTRICT, related_name="+")
    persen_1 = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    persen_2 = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    persen_3 = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    persen_4 = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    jumlah_1 = models.PositiveIntegerField(null=True, blank=True)
    jumlah_2 = models.PositiveIntegerField(null=True, blank=True)
    jumlah_3 = models.PositiveIntegerField(null=True, blank=True)
    jumlah_4 = models.PositiveIntegerField(null=True, blank=True)
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
            models.CheckConstraint(
                name="distribusi_jumlah_lengkap_atau_kosong",
                condition=Q(jumlah_1=None, jumlah_2=None, jumlah_3=None, jumlah_4=None)
                | Q(
                    jumlah_1__isnull=False,
                    jumlah_2__isnull=False,
                    jumlah_3__isnull=False,
                    jumlah_4__isnull=False,
                    persen_1=None,
                ),
            ),
        ]

    def __str__(self):
        return f"{self.survei} U{self.unsur.nomor}"

    @property
    def persen(self) -> tuple[Decimal | None, ...]:
        return (self.persen_1, self.persen_2, self.persen_3, self.persen_4)

    @property
    def jumlah(self) -> tuple[int | None, ...]:
        return (self.jumlah_1, self.jumlah_2, self.jumlah_3, self.jumlah_4)

    def sebaran(self) -> Sebaran | None:
        """The answers as the calculation takes them; None when the row is empty."""
        if None not in self.jumlah:
            return Sebaran.dari_jumlah(self.jumlah)
        if None not in self.persen:
            return Sebaran.dari_persen(self.persen)
        return None

    def clean(self):
        if self.unsur_id and self.survei_id and self.unsur.metode_id != self.survei.metode_id:
            raise ValidationError({"unsur": _("Unsur bukan bagian dari metode survei ini.")})
