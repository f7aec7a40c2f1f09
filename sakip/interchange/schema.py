"""The interchange format `sakip/1`: one pemda with its agencies and all their years.

One pydantic model tree validates JSON, YAML and Excel alike (the workbook is this tree
flattened: every list of objects is a sheet). Inside a Renstra the cascade is kept flat
(tujuan, sasaran, program … each a list pointing to its parent by `kode`) so that the same
shape reads well in JSON and fills naturally in Excel. Everything refers to other records by
their `kode`/`slug`; indicators and programs are looked up in the Renstra in force for the
year of the row that names them."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from sakip.calc.capaian import JenisNilai, Rumus
from sakip.calc.pangkat import GOLONGAN
from sakip.calc.skm import ACUAN, PERMENPAN_14_2017
from sakip.measurement.belanja import JENIS_BELANJA
from sakip.skm.profil import JENIS_KELAMIN, PEKERJAAN, PENDIDIKAN, USIA

from .numbers import parse_angka

FORMAT = "sakip/1"

Angka = Annotated[Decimal, BeforeValidator(parse_angka)]
Kode = Annotated[str, Field(min_length=1, max_length=50, pattern=r"^[A-Za-z0-9][A-Za-z0-9._\-]*$")]
Tahun = Annotated[int, Field(ge=1945, le=2100)]
Teks = Annotated[str, Field(max_length=20000)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


# ---------------------------------------------------------------- pemda level
class Pejabat(Model):
    """An official who signs; referred to by `kode` everywhere else."""

    kode: Kode
    nama: str = Field(min_length=1, max_length=200, description="nama lengkap dengan gelar")
    nip: str = Field("", description="18 angka; kosong untuk pejabat politik (Bupati)")
    golongan: Literal[tuple(GOLONGAN)] | Literal[""] = ""  # type: ignore[valid-type]


class Pemda(Model):
    slug: Kode
    nama: str = Field(min_length=1, max_length=200, description="mis. Kabupaten Jember")
    jenis: Literal["provinsi", "kabupaten", "kota"]
    ibukota: str = ""
    kepala: Kode | None = Field(None, description="kode pejabat kepala daerah")
    jabatan_kepala: str = ""


class Misi(Model):
    nomor: int = Field(ge=1)
    uraian: Teks


class SasaranPemda(Model):
    kode: Kode
    uraian: Teks
    misi: int | None = Field(None, description="nomor misi yang didukung")


class RPJMD(Model):
    tahun_awal: Tahun
    tahun_akhir: Tahun
    visi: Teks
    dasar_hukum: Teks = ""
    misi: list[Misi] = []
    sasaran: list[SasaranPemda] = []


class Rentang(Model):
    predikat: str = Field(min_length=1, max_length=50)
    bawah: Angka | None = Field(None, description="kosong = tak terhingga ke bawah")
    bawah_inklusif: bool = True
    atas: Angka | None = Field(None, description="kosong = tak terhingga ke atas")
    atas_inklusif: bool = False
    warna: str = Field("", pattern=r"^(#[0-9a-fA-F]{6})?$")


class SkalaPredikat(Model):
    kode: Kode
    nama: str = Field(min_length=1, max_length=200)
    sumber: str = ""
    instansi: Kode | None = Field(None, description="kosong = skala bawaan pemda")
    rentang: list[Rentang] = Field(min_length=1)


class Unsur(Model):
    nomor: int = Field(ge=1)
    nama: str = Field(min_length=1, max_length=300)
    pertanyaan: Teks = Field("", description="kosong = kalimat peraturan atau pertanyaan umum")
    jawaban_1: str = Field("", max_length=100, description="jawaban a (nilai 1); isi keempatnya atau kosongkan")
    jawaban_2: str = Field("", max_length=100, description="jawaban b (nilai 2)")
    jawaban_3: str = Field("", max_length=100, description="jawaban c (nilai 3)")
    jawaban_4: str = Field("", max_length=100, description="jawaban d (nilai 4)")


class MetodeSKM(Model):
    kode: Kode
    nama: str = Field(min_length=1, max_length=200)
    dasar_hukum: str = ""
    acuan: Literal[tuple(ACUAN)] = Field(  # type: ignore[valid-type]
        PERMENPAN_14_2017.kode, description="peraturan yang interval mutu dan pembulatan bobotnya dipakai"
    )
    unsur: list[Unsur] = Field(min_length=1)


# ---------------------------------------------------------------- agency level
class TugasFungsi(Model):
    jenis: Literal["tugas", "fungsi"]
    uraian: Teks


class Unit(Model):
    kode: Kode
    nama: str = Field(min_length=1, max_length=200)
    jenis: Literal["pimpinan", "sekretariat", "subbagian", "bidang", "seksi", "upt", "fungsional", "lainnya"]
    induk: Kode | None = None
    jabatan_kepala: str = ""


class Tujuan(Model):
    kode: Kode
    uraian: Teks
    sasaran_pemda: Kode | None = Field(None, description="kode sasaran RPJMD yang didukung")


class Sasaran(Model):
    kode: Kode
    tujuan: Kode
    uraian: Teks


class Uraian(Model):
    sasaran: Kode
    uraian: Teks


class Program(Model):
    kode: Kode = Field(description="kode Permendagri 90/2019 atau kode lokal")
    nama: str = Field(min_length=1, max_length=300)
    sasaran: Kode | None = Field(None, description="kosong untuk program penunjang")


class Kegiatan(Model):
    kode: Kode = Field(description="unik dalam Renstra")
    program: Kode
    nama: str = Field(min_length=1, max_length=300)


class SubKegiatan(Model):
    kode: Kode = Field(description="unik dalam Renstra")
    kegiatan: Kode
    nama: str = Field(min_length=1, max_length=300)


class Indikator(Model):
    kode: Kode
    nama: Teks = Field(min_length=1)
    tujuan: Kode | None = None
    sasaran: Kode | None = None
    program: Kode | None = None
    kegiatan: Kode | None = None
    sub_kegiatan: Kode | None = None
    induk: Kode | None = Field(None, description="indikator gabungan, bila ini komponennya")
    satuan: str = Field("", max_length=50)
    jenis_nilai: JenisNilai = JenisNilai.ANGKA
    rumus: Rumus = Rumus.POSITIF
    kategori: Literal["input", "output", "outcome", "impact"] = "outcome"
    iku: bool = False
    formulasi: Teks = ""
    pembilang: Teks = ""
    penyebut: Teks = ""
    penanggung_jawab: list[Kode] = Field([], description="kode unit organisasi")
    sumber_data: str = Field("", max_length=300)


class Nilai(Model):
    nilai: Angka | None = None
    mutu: str = Field("", max_length=5, description="predikat huruf, mis. B")
    catatan: Teks = ""


class TargetRenstra(Nilai):
    indikator: Kode
    tahun: Tahun
    nilai_atas: Angka | None = Field(None, description="batas atas target rentang")


class Renstra(Model):
    kode: Kode
    tahun_awal: Tahun
    tahun_akhir: Tahun
    versi: int = Field(0, ge=0, description="0 = awal, 1 = perubahan ke-1 …")
    berlaku_mulai: Tahun | None = Field(None, description="kosong = tahun awal")
    dasar_hukum: Teks = ""
    tanggal: date | None = None
    keterangan: Teks = ""
    tujuan: list[Tujuan] = []
    sasaran: list[Sasaran] = []
    strategi: list[Uraian] = []
    kebijakan: list[Uraian] = []
    program: list[Program] = []
    kegiatan: list[Kegiatan] = []
    sub_kegiatan: list[SubKegiatan] = []
    indikator: list[Indikator] = []
    target: list[TargetRenstra] = []


class TargetDokumen(Nilai):
    indikator: Kode
    nilai_atas: Angka | None = None


class RKT(Model):
    tahun: Tahun
    tempat: str = ""
    tanggal: date | None = None
    penandatangan: Kode | None = None
    jabatan_penandatangan: str = ""
    target: list[TargetDokumen] = []


class RencanaAksi(Model):
    indikator: Kode
    triwulan: int = Field(ge=1, le=4)
    nilai: Angka | None = None
    nilai_atas: Angka | None = Field(None, description="batas atas target rentang")
    aksi: Teks = ""


class PKProgram(Model):
    program: Kode
    anggaran: Angka
    keterangan: str = ""


class PerjanjianKinerja(Model):
    tahun: Tahun
    versi: int = Field(0, ge=0, description="0 = awal, 1 = perubahan ke-1 …")
    tempat: str = ""
    tanggal: date | None = None
    pihak_pertama: Kode
    jabatan_pihak_pertama: str = Field(min_length=1)
    pihak_kedua: Kode
    jabatan_pihak_kedua: str = Field(min_length=1)
    keterangan: Teks = ""
    target: list[TargetDokumen] = []
    rencana_aksi: list[RencanaAksi] = []
    program: list[PKProgram] = []


class KeputusanIKU(Model):
    nomor: str = Field(min_length=1, max_length=100)
    tahun: Tahun
    tanggal: date | None = None
    tempat: str = ""
    tentang: str = ""
    penandatangan: Kode | None = None
    jabatan_penandatangan: str = ""
    indikator: list[Kode] = []
    keterangan: Teks = ""


class Realisasi(Nilai):
    indikator: Kode
    tahun: Tahun
    periode: Literal["tw1", "tw2", "tw3", "tw4", "tahun"] = "tahun"
    pembilang: Angka | None = None
    penyebut: Angka | None = None
    bukti: str = Field("", description="nama berkas bukti dukung")


class RealisasiNasional(Model):
    indikator: Kode
    tahun: Tahun
    nilai: Angka
    sumber: str = ""


class Anggaran(Model):
    tahun: Tahun
    program: Kode | None = None
    kegiatan: Kode | None = None
    sub_kegiatan: Kode | None = None
    pagu: Angka = Field(ge=0)
    realisasi: Angka | None = Field(None, ge=0)
    catatan: Teks = ""


class Belanja(Model):
    tahun: Tahun
    jenis: Literal[tuple(JENIS_BELANJA)]  # type: ignore[valid-type]
    pagu: Angka = Field(ge=0)
    realisasi: Angka | None = Field(None, ge=0)
    catatan: Teks = ""


class Distribusi(Model):
    unsur: int = Field(ge=1)
    persen_1: Angka | None = Field(None, ge=0, le=100, description="Tidak Baik")
    persen_2: Angka | None = Field(None, ge=0, le=100, description="Kurang Baik")
    persen_3: Angka | None = Field(None, ge=0, le=100, description="Baik")
    persen_4: Angka | None = Field(None, ge=0, le=100, description="Sangat Baik")
    jumlah_1: int | None = Field(None, ge=0, description="jumlah jawaban Tidak Baik (bila diketahui, ganti persen)")
    jumlah_2: int | None = Field(None, ge=0, description="jumlah jawaban Kurang Baik")
    jumlah_3: int | None = Field(None, ge=0, description="jumlah jawaban Baik")
    jumlah_4: int | None = Field(None, ge=0, description="jumlah jawaban Sangat Baik")
    catatan: Teks = ""


def _profil(pilihan: dict):
    return Literal[(*pilihan, "")]  # type: ignore[valid-type]


class Responden(Model):
    nomor: int = Field(ge=1)
    tanggal: date | None = None
    jenis_kelamin: _profil(JENIS_KELAMIN) = ""  # type: ignore[valid-type]
    usia: _profil(USIA) = ""  # type: ignore[valid-type]
    pendidikan: _profil(PENDIDIKAN) = ""  # type: ignore[valid-type]
    pekerjaan: _profil(PEKERJAAN) = ""  # type: ignore[valid-type]
    layanan: str = Field("", max_length=200, description="jenis layanan yang diterima")
    jawaban: list[Annotated[int, Field(ge=1, le=4)]] = Field(
        min_length=1, description="nilai 1–4 tiap unsur, urut nomor unsur"
    )


class SurveiSKM(Model):
    kode: Kode
    tahun: Tahun
    judul: str = Field(min_length=1, max_length=300)
    metode: Kode
    indikator: Kode | None = Field(None, description="indikator SKM yang diberi hasil survei ini")
    unit: Kode | None = Field(None, description="unit layanan yang disurvei; kosong = seluruh instansi")
    mulai: date | None = None
    selesai: date | None = None
    populasi: int | None = Field(None, ge=1)
    jumlah_responden: int | None = Field(None, ge=1)
    bobot_dibulatkan: bool = False
    terbuka: bool = Field(False, description="kuesioner daring menerima jawaban")
    diterbitkan: bool = Field(False, description="hasil boleh ditampilkan kepada publik")
    jenis_layanan: Teks = ""
    analisis: Teks = ""
    tindak_lanjut: Teks = ""
    catatan: Teks = ""
    distribusi: list[Distribusi] = []
    responden: list[Responden] = []


class Narasi(Model):
    bagian: Literal[
        "kata_pengantar",
        "latar_belakang",
        "maksud_tujuan",
        "isu_strategis",
        "kendala",
        "upaya",
        "analisis",
        "pelaksanaan_kegiatan",
        "penutup",
        "hambatan",
        "langkah_perbaikan",
    ]
    sasaran: Kode | None = Field(None, description="hanya untuk bagian analisis")
    kegiatan: Kode | None = Field(None, description="hanya untuk bagian pelaksanaan_kegiatan")
    teks: Teks = ""


class Laporan(Model):
    tahun: Tahun
    tempat: str = ""
    tanggal: date | None = None
    penandatangan: Kode | None = None
    jabatan_penandatangan: str = ""
    narasi: list[Narasi] = []


class Instansi(Model):
    slug: Kode
    nama: str = Field(min_length=1, max_length=200)
    singkatan: str = ""
    jenis: Literal[
        "sekretariat",
        "inspektorat",
        "dinas",
        "badan",
        "kantor",
        "satuan",
        "rsud",
        "kecamatan",
        "kelurahan",
        "lainnya",
    ]
    kode_unit: str = ""
    alamat: str = ""
    kota: str = ""
    kode_pos: str = Field("", pattern=r"^(\d{5})?$")
    telepon: str = ""
    email: str = ""
    website: str = ""
    kepala: Kode | None = None
    jabatan_kepala: str = ""
    dasar_hukum: Teks = ""
    kedudukan: Teks = ""
    tugas_fungsi: list[TugasFungsi] = []
    unit: list[Unit] = []
    renstra: list[Renstra] = []
    rkt: list[RKT] = []
    perjanjian_kinerja: list[PerjanjianKinerja] = []
    keputusan_iku: list[KeputusanIKU] = []
    realisasi: list[Realisasi] = []
    realisasi_nasional: list[RealisasiNasional] = []
    anggaran: list[Anggaran] = []
    belanja: list[Belanja] = []
    survei_skm: list[SurveiSKM] = []
    laporan: list[Laporan] = []


class Dokumen(Model):
    """A `sakip/1` file: one pemda, the officials, scales, SKM methods and agencies in it."""

    format: Literal["sakip/1"] = FORMAT
    pemda: Pemda
    pejabat: list[Pejabat] = []
    rpjmd: list[RPJMD] = []
    skala_predikat: list[SkalaPredikat] = []
    metode_skm: list[MetodeSKM] = []
    instansi: list[Instansi] = []
