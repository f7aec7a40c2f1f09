"""Pelaporan kinerja: the yearly LKIP of an agency — its signature data and the narrative only
people can write. Every stated fact in the report is generated from the data instead."""

from django.db import models
from django.db.models import Q
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
