"""Who does SAKIP: the pemda, its agencies (instansi), their units and the officials who sign."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip.calc import nip as nip_rules
from sakip.calc.pangkat import GOLONGAN, pangkat


class Pemda(models.Model):
    class Jenis(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    slug = models.SlugField(unique=True)
    nama = models.CharField(_("nama"), max_length=200, help_text="mis. Kabupaten Jember")
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    ibukota = models.CharField(max_length=100, blank=True)
    kepala = models.ForeignKey("Pejabat", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    jabatan_kepala = models.CharField(max_length=200, blank=True, help_text="mis. Bupati Jember")
    logo = models.ImageField(upload_to="logo/", blank=True)

    class Meta:
        verbose_name = _("pemerintah daerah")
        verbose_name_plural = _("pemerintah daerah")
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class Pejabat(models.Model):
    """An official who signs documents; NIP is empty for elected heads (Bupati, Wali Kota)."""

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="pejabat")
    kode = models.SlugField(help_text="pengenal singkat dalam berkas impor, mis. budi-susila")
    nama = models.CharField(max_length=200, help_text="lengkap dengan gelar")
    nip = models.CharField("NIP", max_length=18, blank=True)
    golongan = models.CharField(max_length=6, blank=True, choices=[(g, f"{p} ({g})") for g, p in GOLONGAN.items()])

    class Meta:
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")
        ordering = ["nama"]
        constraints = [models.UniqueConstraint(fields=["pemda", "kode"], name="pejabat_kode_unik")]

    def __str__(self):
        return self.nama

    def clean(self):
        if self.nip:
            try:
                self.nip = nip_rules.parse_nip(self.nip).digits
            except nip_rules.NipError as e:
                raise ValidationError({"nip": str(e)}) from e

    @property
    def nip_tampil(self) -> str:
        return nip_rules.format_nip(self.nip) if self.nip else ""

    @property
    def pangkat(self) -> str:
        return pangkat(self.golongan) if self.golongan else ""


class Instansi(models.Model):
    """An agency (OPD) of a pemda that runs its own SAKIP cycle."""

    class Jenis(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        INSPEKTORAT = "inspektorat", _("Inspektorat")
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        KANTOR = "kantor", _("Kantor")
        SATUAN = "satuan", _("Satuan (mis. Satpol PP)")
        RSUD = "rsud", _("Rumah Sakit Daerah")
        KECAMATAN = "kecamatan", _("Kecamatan")
        KELURAHAN = "kelurahan", _("Kelurahan")
        LAINNYA = "lainnya", _("Lainnya")

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="instansi")
    slug = models.SlugField(unique=True)
    nama = models.CharField(max_length=200, help_text="mis. Kecamatan Panti")
    singkatan = models.CharField(max_length=50, blank=True)
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    kode_unit = models.CharField(
        max_length=40, blank=True, help_text="kode unit organisasi (Permendagri 90/2019), bila ada"
    )
    alamat = models.CharField(max_length=300, blank=True)
    kota = models.CharField(max_length=100, blank=True)
    kode_pos = models.CharField(max_length=5, blank=True)
    telepon = models.CharField(max_length=50, blank=True)
    email = models.EmailField(blank=True)
    website = models.CharField(max_length=200, blank=True)
    logo = models.ImageField(upload_to="logo/", blank=True)
    kepala = models.ForeignKey(Pejabat, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    jabatan_kepala = models.CharField(max_length=200, blank=True, help_text="mis. Camat Panti")
    dasar_hukum = models.TextField(blank=True, help_text="peraturan yang mengatur kedudukan, tugas, fungsi dan susunan")
    kedudukan = models.TextField(blank=True, help_text="kedudukan instansi menurut dasar hukumnya")

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["pemda__nama", "nama"]

    def __str__(self):
        return self.nama

    def clean(self):
        if self.kode_pos and not (self.kode_pos.isdigit() and len(self.kode_pos) == 5):
            raise ValidationError({"kode_pos": _("Kode pos terdiri dari 5 angka.")})
        if self.kepala_id and self.kepala.pemda_id != self.pemda_id:
            raise ValidationError({"kepala": _("Kepala instansi harus pejabat pemda yang sama.")})


class TugasFungsi(models.Model):
    """One numbered item of the agency's tugas or fungsi, as its regulation lists them."""

    class Jenis(models.TextChoices):
        TUGAS = "tugas", _("Tugas")
        FUNGSI = "fungsi", _("Fungsi")

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="tugas_fungsi")
    jenis = models.CharField(max_length=10, choices=Jenis.choices)
    urutan = models.PositiveSmallIntegerField(default=0)
    uraian = models.TextField()

    class Meta:
        verbose_name = _("tugas/fungsi")
        verbose_name_plural = _("tugas dan fungsi")
        ordering = ["instansi", "jenis", "urutan"]

    def __str__(self):
        return self.uraian


class UnitOrganisasi(models.Model):
    """A unit of the agency's structure (Sekretariat, Subbag, Seksi, Bidang …), as a tree."""

    class Jenis(models.TextChoices):
        PIMPINAN = "pimpinan", _("Pimpinan")
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        SUBBAGIAN = "subbagian", _("Sub Bagian")
        BIDANG = "bidang", _("Bidang")
        SEKSI = "seksi", _("Seksi")
        UPT = "upt", _("UPT/UPTD")
        FUNGSIONAL = "fungsional", _("Kelompok Jabatan Fungsional")
        LAINNYA = "lainnya", _("Lainnya")

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="unit")
    kode = models.SlugField(help_text="pengenal singkat, mis. seksi-pelayanan-umum")
    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="anak")
    jabatan_kepala = models.CharField(max_length=200, blank=True, help_text="mis. Sekretaris Kecamatan")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")
        ordering = ["instansi", "urutan"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="unit_kode_unik")]

    def __str__(self):
        return self.nama

    def clean(self):
        if self.induk_id and self.induk.instansi_id != self.instansi_id:
            raise ValidationError({"induk": _("Unit induk harus dari instansi yang sama.")})


class Ditandatangani(models.Model):
    """Where, when and by whom a document was signed; jabatan as written at signing."""

    tempat = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    penandatangan = models.ForeignKey(Pejabat, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    jabatan_penandatangan = models.CharField(max_length=200, blank=True)

    class Meta:
        abstract = True
