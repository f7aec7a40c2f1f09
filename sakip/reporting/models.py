"""Pelaporan kinerja: the yearly LKIP of an agency — its signature data and the narrative only
people can write. Every stated fact in the report is generated from the data instead."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakip.organisation.models import Ditandatangani, Instansi
from sakip.planning.models import Kegiatan, Sasaran


class LaporanKinerja(Ditandatangani):
    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="laporan")
    tahun = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("laporan kinerja")
        verbose_name_plural = _("laporan kinerja")
        ordering = ["instansi", "tahun"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="laporan_tahun_unik")]

    def __str__(self):
        return f"LKIP {self.instansi} {self.tahun}"

    def bagian_kosong(self) -> list[str]:
        """The narrative sections still to be written, in report order."""
        ada = set(self.narasi.exclude(teks="").filter(sasaran=None, kegiatan=None).values_list("bagian", flat=True))
        return [b for b in Narasi.Bagian.values if b not in ada and b not in Narasi.PER_POKOK]


class Narasi(models.Model):
    """One free-text section of the LKIP; analysis is written per sasaran."""

    class Bagian(models.TextChoices):
        KATA_PENGANTAR = "kata_pengantar", _("Kata Pengantar")
        LATAR_BELAKANG = "latar_belakang", _("Latar Belakang")
        MAKSUD_TUJUAN = "maksud_tujuan", _("Maksud dan Tujuan")
        ISU_STRATEGIS = "isu_strategis", _("Isu Strategis")
        KENDALA = "kendala", _("Kendala (Ikhtisar Eksekutif)")
        UPAYA = "upaya", _("Langkah Mengatasi Kendala (Ikhtisar Eksekutif)")
        ANALISIS = "analisis", _("Analisis Capaian Sasaran")
        PELAKSANAAN_KEGIATAN = "pelaksanaan_kegiatan", _("Keterangan Pelaksanaan Kegiatan")
        PENUTUP = "penutup", _("Penutup")
        HAMBATAN = "hambatan", _("Hambatan (Penutup)")
        LANGKAH_PERBAIKAN = "langkah_perbaikan", _("Langkah Perbaikan (Penutup)")

    PER_POKOK = (Bagian.ANALISIS, Bagian.PELAKSANAAN_KEGIATAN)  # written per sasaran / per kegiatan

    laporan = models.ForeignKey(LaporanKinerja, on_delete=models.CASCADE, related_name="narasi")
    bagian = models.CharField(max_length=30, choices=Bagian.choices)
    sasaran = models.ForeignKey(Sasaran, null=True, blank=True, on_delete=models.CASCADE)
    kegiatan = models.ForeignKey(Kegiatan, null=True, blank=True, on_delete=models.CASCADE)
    teks = models.TextField(blank=True, help_text=_("paragraf dipisah baris kosong; butir daftar diawali '- '"))

    class Meta:
        verbose_name = _("narasi")
        verbose_name_plural = _("narasi")
        ordering = ["laporan", "bagian"]
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "bagian"], condition=Q(sasaran=None, kegiatan=None), name="narasi_bagian_unik"
            ),
            models.UniqueConstraint(
                fields=["laporan", "bagian", "sasaran"],
                condition=Q(sasaran__isnull=False),
                name="narasi_sasaran_unik",
            ),
            models.UniqueConstraint(
                fields=["laporan", "bagian", "kegiatan"],
                condition=Q(kegiatan__isnull=False),
                name="narasi_kegiatan_unik",
            ),
            models.CheckConstraint(condition=Q(sasaran=None) | Q(kegiatan=None), name="narasi_satu_pokok"),
        ]

    def __str__(self):
        return f"{self.get_bagian_display()} — {self.laporan}"


class TahunKinerja(models.Model):
    """The workflow of one agency-year: draft → diajukan → direviu → disetujui (see workflow.py).
    While it is disetujui every record of that agency-year is frozen (see frozen.py)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        DIAJUKAN = "diajukan", _("Diajukan")
        DIREVIU = "direviu", _("Direviu")
        DISETUJUI = "disetujui", _("Disetujui")

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="tahun_kinerja")
    tahun = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)

    class Meta:
        verbose_name = _("status tahun kinerja")
        verbose_name_plural = _("status tahun kinerja")
        ordering = ["instansi", "tahun"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="tahun_kinerja_unik")]

    def __str__(self):
        return f"{self.instansi} {self.tahun}: {self.get_status_display()}"

    @classmethod
    def untuk(cls, instansi, tahun: int) -> "TahunKinerja":
        """The record of an agency-year; an unsaved draft when nobody has acted on it yet."""
        tk = cls.objects.filter(instansi=instansi, tahun=tahun).first() or cls(instansi=instansi, tahun=tahun)
        tk.instansi = instansi  # already loaded: the access rules read its pemda without a query
        return tk

    def lkip_disetujui(self) -> "RiwayatStatus | None":
        """The LKIP as approved last, while the year is approved."""
        if self.status != self.Status.DISETUJUI:
            return None
        return self.riwayat.exclude(sha256="").order_by("-waktu", "-pk").first()


class RiwayatStatus(models.Model):
    """One step of an agency-year's workflow: who did what, when, with which note. An approval
    keeps the LKIP exactly as approved, with its SHA-256, so it can be shown again byte for byte."""

    class Aksi(models.TextChoices):
        AJUKAN = "ajukan", _("Ajukan untuk direviu")
        CATAT = "catat", _("Simpan catatan reviu")
        KEMBALIKAN = "kembalikan", _("Kembalikan untuk perbaikan")
        LOLOSKAN = "loloskan", _("Nyatakan telah direviu")
        SETUJUI = "setujui", _("Setujui dan bekukan")
        BUKA = "buka", _("Buka kembali")

    tahun_kinerja = models.ForeignKey(TahunKinerja, on_delete=models.CASCADE, related_name="riwayat")
    aksi = models.CharField(max_length=20, choices=Aksi.choices)
    status_awal = models.CharField(max_length=10, choices=TahunKinerja.Status.choices)
    status_akhir = models.CharField(max_length=10, choices=TahunKinerja.Status.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    nama = models.CharField(max_length=200, help_text=_("nama dan peran pelaku saat itu"))
    waktu = models.DateTimeField(default=timezone.now)
    catatan = models.TextField(blank=True)
    berkas = models.FileField(upload_to="lkip-disetujui/%Y/", blank=True, help_text=_("LKIP (PDF) yang disetujui"))
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("riwayat status")
        verbose_name_plural = _("riwayat status")
        ordering = ["tahun_kinerja", "waktu", "pk"]

    def __str__(self):
        return f"{self.tahun_kinerja.instansi} {self.tahun_kinerja.tahun}: {self.get_aksi_display()} ({self.nama})"

    def berkas_utuh(self) -> bytes | None:
        """The approved LKIP's bytes; None when the stored file no longer matches its SHA-256."""
        with self.berkas.open("rb") as f:
            data = f.read()
        return data if hashlib.sha256(data).hexdigest() == self.sha256 else None
