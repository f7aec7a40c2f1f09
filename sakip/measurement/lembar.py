"""The realisasi sheet of an agency-year: every indicator of the Renstra in force, its target,
the realisasi of each triwulan and of the year, keterangan, evidence, capaian and predikat.

The web page, its live capaian cell and its Excel round trip all read this module; capaian
comes from `pengukuran.hitung` (sakip/calc), so the page shows what the documents print.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sakip.calc import Hasil
from sakip.calc.capaian import JenisNilai
from sakip.planning.grid import INFO, TEKS, Baris, Grid, Kolom, indikator_berurut, kelompok_indikator
from sakip.planning.models import Indikator, PerjanjianKinerja, Renstra, Target

from .models import Realisasi, SkalaPredikat
from .pengukuran import hitung

P = Realisasi.Periode
PERIODE = [
    Kolom(P.TW1, gettext_lazy("TW I")),
    Kolom(P.TW2, gettext_lazy("TW II")),
    Kolom(P.TW3, gettext_lazy("TW III")),
    Kolom(P.TW4, gettext_lazy("TW IV")),
    Kolom(P.TAHUN, gettext_lazy("Tahunan")),
]
KETERANGAN = Kolom("keterangan", gettext_lazy("Keterangan"), TEKS, lebar=40)

# Evidence: what an operator scans or exports, recognised by extension *and* first bytes.
BUKTI_JENIS = {
    "pdf": (b"%PDF",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}
BUKTI_MAKS_MB = 10


@dataclass
class BarisRealisasi:
    """One indicator of the sheet with what the page shows about it."""

    nomor: int
    indikator: Indikator
    kelompok: str
    target: Target | None
    realisasi: dict[str, Realisasi]  # periode → stored row
    hasil: Hasil
    predikat: str | None
    warna: str

    @property
    def baris(self) -> Baris:
        return Baris(self.indikator.kode, self.indikator.pk, self.indikator.nama, self.kelompok, self.nilai())

    def nilai(self) -> dict:
        tahunan = self.realisasi.get(P.TAHUN)
        return {
            **{k.kode: (self.realisasi[k.kode].nilai if k.kode in self.realisasi else None) for k in PERIODE},
            KETERANGAN.kode: tahunan.catatan if tahunan else "",
            "satuan": self.indikator.satuan,
            "target": self.target.nilai if self.target else None,
            "capaian": self.hasil.dibulatkan,
            "predikat": self.predikat or "",
        }


@dataclass
class Lembar:
    instansi: object
    tahun: int
    renstra: Renstra | None
    pk: PerjanjianKinerja | None
    skala: object  # calc Skala or None
    warna: dict[str, str]  # predikat → colour
    baris: list[BarisRealisasi]

    def grid(self) -> Grid:
        kolom = [
            Kolom("satuan", _("Satuan"), INFO, lebar=10),
            Kolom("target", _("Target"), INFO),
            *PERIODE,
            KETERANGAN,
            Kolom("capaian", _("Capaian (%)"), INFO),
            Kolom("predikat", _("Predikat"), INFO, lebar=14),
        ]
        judul = _("Realisasi kinerja %(instansi)s tahun %(tahun)s") % {"instansi": self.instansi, "tahun": self.tahun}
        return Grid(judul, "Realisasi", kolom, [b.baris for b in self.baris])

    @cached_property
    def per_pk(self) -> dict[int, BarisRealisasi]:
        """Built once: `periksa` looks a row up for every cell read."""
        return {b.indikator.pk: b for b in self.baris}

    def periksa(self, baris: Baris, kolom: Kolom, value) -> str | None:
        return periksa(self.per_pk[baris.pk].indikator, kolom.kode, value)

    def simpan(self, perubahan: dict, bukti: dict) -> int:
        return simpan(self, perubahan, bukti)

    def nilai_hasil(self, b: BarisRealisasi, tahunan: Decimal | None) -> tuple[Hasil, str | None, str]:
        """Capaian, predikat and its colour for an annual realisasi (stored or being typed)."""
        hasil = hitung(b.indikator, b.target, Realisasi(nilai=tahunan) if tahunan is not None else None)
        predikat = self.skala.predikat(hasil.dibulatkan) if self.skala and hasil.dapat_dihitung else None
        return hasil, predikat, self.warna.get(predikat or "", "")


def pilih_target(targets: list[Target], pk: PerjanjianKinerja | None) -> Target | None:
    """The target the year is measured against: the PK in force, else the RKT, else the Renstra
    (a document that names the indicator without a number does not count)."""
    berangka = [t for t in targets if t.nilai is not None]
    for cocok in (
        lambda t: pk is not None and t.perjanjian_id == pk.pk,
        lambda t: t.rkt_id is not None,
        lambda t: t.rkt_id is None and t.perjanjian_id is None,
    ):
        found = next((t for t in berangka if cocok(t)), None)
        if found:
            return found
    return None


def lembar(instansi, tahun: int, hanya: int | None = None) -> Lembar:
    """The sheet in four queries whatever the number of indicators (the load benchmark reads it);
    `hanya`: only the row of that indicator (the live capaian cell, asked at every keystroke)."""
    renstra = Renstra.aktif(instansi, tahun)
    pk = PerjanjianKinerja.berlaku(instansi, tahun)
    skala_obj = SkalaPredikat.untuk(instansi)
    skala = skala_obj.skala() if skala_obj else None
    warna = dict(skala_obj.warna()) if skala_obj else {}
    indikator = [i for i in indikator_berurut(renstra) if hanya is None or i.pk == hanya]
    targets: dict[int, list[Target]] = {}
    for t in Target.objects.filter(indikator__in=indikator, tahun=tahun):
        targets.setdefault(t.indikator_id, []).append(t)
    realisasi: dict[int, dict[str, Realisasi]] = {}
    for r in Realisasi.objects.filter(indikator__in=indikator, tahun=tahun):
        realisasi.setdefault(r.indikator_id, {})[r.periode] = r
    sheet = Lembar(instansi, tahun, renstra, pk, skala, warna, [])
    for nomor, ind in enumerate(indikator, start=1):
        kelompok = kelompok_indikator(ind)
        b = BarisRealisasi(
            nomor, ind, kelompok, pilih_target(targets.get(ind.pk, []), pk), realisasi.get(ind.pk, {}), None, None, ""
        )
        tahunan = b.realisasi.get(P.TAHUN)
        b.hasil, b.predikat, b.warna = sheet.nilai_hasil(b, tahunan.nilai if tahunan else None)
        sheet.baris.append(b)
    return sheet


def periksa(indikator: Indikator, kolom_kode: str, value) -> str | None:
    """The sheet's own rule on a value that was read: a milestone is 1 (tercapai) or 0 (belum)."""
    milestone = indikator.jenis_nilai == JenisNilai.MILESTONE
    if milestone and kolom_kode in {k.kode for k in PERIODE} and value not in (Decimal(0), Decimal(1)):
        return _("Indikator ini berupa tonggak (milestone): isi 1 bila tercapai atau 0 bila belum.")
    return None


def periksa_bukti(berkas) -> str | None:
    """Why an uploaded evidence file is refused, or None."""
    ext = berkas.name.rsplit(".", 1)[-1].lower() if "." in berkas.name else ""
    if ext not in BUKTI_JENIS:
        return _("Jenis berkas “%(nama)s” tidak diterima; unggah PDF, JPG, PNG, DOCX atau XLSX.") % {
            "nama": berkas.name
        }
    if berkas.size > BUKTI_MAKS_MB * 1024 * 1024:
        return _("Berkas “%(nama)s” lebih dari %(mb)d MB.") % {"nama": berkas.name, "mb": BUKTI_MAKS_MB}
    awal = berkas.read(16)
    berkas.seek(0)
    if not any(awal.startswith(tanda) for tanda in BUKTI_JENIS[ext]):
        return _("Isi berkas “%(nama)s” bukan %(ext)s yang sah.") % {"nama": berkas.name, "ext": ext.upper()}
    return None


def _kosong(r: Realisasi) -> bool:
    return r.nilai is None and not r.bukti and not r.catatan and not r.mutu and r.pembilang is None


@transaction.atomic
def simpan(sheet: Lembar, perubahan: dict[tuple[int, str], object], bukti: dict[tuple[int, str], object]) -> int:
    """Write the changed cells and the uploaded evidence, one `save()` per row so the audit trail
    records each change; all or nothing (a refused row, e.g. a frozen year, rolls back the rest).
    Returns the number of realisasi rows written."""
    berkas_baru: list = []  # evidence written to storage by this save, removed again if it fails
    try:
        return _simpan_baris(sheet, perubahan, bukti, berkas_baru)
    except Exception:
        for berkas in berkas_baru:
            if berkas._committed:  # stored (a save that failed before storing it left nothing)
                berkas.storage.delete(berkas.name)
        raise


def _simpan_baris(sheet: Lembar, perubahan: dict, bukti: dict, berkas_baru: list) -> int:
    ditulis = 0
    for b in sheet.baris:
        for k in PERIODE:
            kunci = (b.indikator.pk, k.kode)
            keterangan = (b.indikator.pk, KETERANGAN.kode) if k.kode == P.TAHUN else None
            if kunci not in perubahan and kunci not in bukti and keterangan not in perubahan:
                continue
            r = b.realisasi.get(k.kode) or Realisasi(indikator=b.indikator, tahun=sheet.tahun, periode=k.kode)
            if kunci in perubahan:
                r.nilai = perubahan[kunci]
            if keterangan in perubahan:
                r.catatan = perubahan[keterangan]
            if kunci in bukti:
                r.bukti = bukti[kunci]
            if _kosong(r):
                if r.pk:
                    r.delete()
                    ditulis += 1
                continue
            if kunci in bukti:
                berkas_baru.append(r.bukti)
            r.save()
            ditulis += 1
    return ditulis
