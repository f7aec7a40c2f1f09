"""The kegiatan sheet of an agency-year: per program → kegiatan what the LKIP's kegiatan table
prints (BAB III): the input dana (pagu, realisasi, serapan), every input and output indicator
of the kegiatan (satuan, target, realisasi tahunan, capaian) and the keterangan pelaksanaan
kegiatan, entered in one place.

It is a view over three sheets that already exist and saves through them, so the rules stay in
one place: the realisasi sheet (`lembar.py`: which target counts, the milestone rule, capaian,
one `save()` per row), the budget sheet (`anggaran_lembar.py`) and the LKIP narrative
(`reporting/narasi.py`, whose per-kegiatan section is what the LKIP prints as "Keterangan
pelaksanaan kegiatan")."""

from dataclasses import dataclass
from functools import cached_property

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sakip.planning.grid import ANGKA, INFO, TEKS, Baris, Grid, Kolom
from sakip.planning.models import Kegiatan, Program
from sakip.reporting import narasi as narasi_lkip
from sakip.reporting.narasi import TEKS_NARASI, LembarNarasi

from . import anggaran_lembar
from . import lembar as lb

PAGU, REALISASI_RP, SERAPAN, _CATATAN = anggaran_lembar.KOLOM
SATUAN = Kolom("satuan", gettext_lazy("Satuan"), INFO, lebar=10)
TARGET = Kolom("target", gettext_lazy("Target"), INFO)
REALISASI = Kolom(lb.P.TAHUN, gettext_lazy("Realisasi tahunan"), ANGKA)
CAPAIAN = Kolom("capaian", gettext_lazy("Capaian (%)"), INFO)
KETERANGAN = Kolom("keterangan", gettext_lazy("Keterangan pelaksanaan kegiatan"), TEKS, lebar=50)
KOLOM = [SATUAN, TARGET, REALISASI, CAPAIAN, PAGU, REALISASI_RP, SERAPAN, KETERANGAN]
KOLOM_KEGIATAN = {PAGU.kode, REALISASI_RP.kode, KETERANGAN.kode}  # the kegiatan's own row


@dataclass
class BarisKegiatan:
    """One kegiatan: its budget line, its indicators and its narrative section."""

    kegiatan: Kegiatan
    program: Program
    indikator: list[lb.BarisRealisasi]

    kode: str  # the budget sheet's Excel key of the kegiatan ("p4/p4-k1")

    @property
    def kunci(self) -> str:
        """The row key the budget sheet uses too ("k5")."""
        return f"k{self.kegiatan.pk}"

    @property
    def kunci_narasi(self) -> str:
        return f"k-{self.kegiatan.pk}"

    @property
    def kelompok(self) -> str:
        return f"{self.program.nama} › {self.kegiatan.nama}"


@dataclass
class LembarKegiatan:
    instansi: object
    tahun: int
    realisasi: lb.Lembar
    anggaran: anggaran_lembar.LembarAnggaran
    narasi: LembarNarasi
    kegiatan: list[BarisKegiatan]

    @cached_property
    def indikator(self) -> dict:
        """pk → the kegiatan indicators of the sheet."""
        return {b.indikator.pk: b.indikator for k in self.kegiatan for b in k.indikator}

    def grid(self) -> Grid:
        dana = {b.pk: b.nilai for b in self.anggaran.grid().baris}
        rows = []
        for k in self.kegiatan:
            teks = self.narasi.teks.get(k.kunci_narasi)
            nilai = {c: dana[k.kunci][c] for c in (PAGU.kode, REALISASI_RP.kode, SERAPAN.kode)}
            nilai[KETERANGAN.kode] = teks.teks if teks else ""
            label = _("Kegiatan %(nama)s") % {"nama": k.kegiatan.nama}
            rows.append(Baris(k.kode, k.kunci, label, k.kelompok, nilai))
            for b in k.indikator:
                semua = b.nilai()
                nilai = {c.kode: semua[c.kode] for c in (SATUAN, TARGET, REALISASI, CAPAIAN)}
                rows.append(Baris(b.indikator.kode, b.indikator.pk, label_indikator(b), k.kelompok, nilai))
        judul = _("Kegiatan %(instansi)s tahun %(tahun)s") % {"instansi": self.instansi, "tahun": self.tahun}
        return Grid(judul, "Kegiatan", KOLOM, rows)

    def periksa(self, baris: Baris, kolom: Kolom, value) -> str | None:
        if value in (None, ""):
            return None
        baris_kegiatan = isinstance(baris.pk, str)
        if baris_kegiatan != (kolom.kode in KOLOM_KEGIATAN):
            if baris_kegiatan:
                return _("Realisasi indikator diisi pada baris indikatornya, bukan pada baris kegiatan.")
            return _("Pagu, realisasi anggaran dan keterangan diisi pada baris kegiatan, bukan pada baris indikator.")
        if baris_kegiatan:
            return self.anggaran.periksa(baris, kolom, value)
        return lb.periksa(self.indikator[baris.pk], kolom.kode, value)

    @transaction.atomic
    def simpan(self, perubahan: dict, lain: dict) -> int:
        """Each cell goes to the sheet it belongs to; all or nothing (one transaction)."""
        realisasi, dana, keterangan = {}, {}, {}
        narasi_dari = {k.kunci: k.kunci_narasi for k in self.kegiatan}
        for (pk, kode), value in perubahan.items():
            if kode == REALISASI.kode:
                realisasi[(pk, kode)] = value
            elif kode == KETERANGAN.kode:
                keterangan[(narasi_dari[pk], TEKS_NARASI.kode)] = value
            else:
                dana[(pk, kode)] = value
        ditulis = 0
        for sheet, cells in ((self.realisasi, realisasi), (self.anggaran, dana), (self.narasi, keterangan)):
            if cells:
                ditulis += sheet.simpan(cells, {})
        return ditulis


def label_indikator(b: lb.BarisRealisasi) -> str:
    """“Keluaran (output): Jumlah peserta musrenbang”, as the LKIP's kegiatan table labels it."""
    return f"{b.indikator.get_kategori_display()}: {b.indikator.nama}"


def lembar(instansi, tahun: int) -> LembarKegiatan:
    """Every kegiatan of the Renstra in force, in the budget sheet's program → kegiatan order."""
    realisasi = lb.lembar(instansi, tahun)
    anggaran = anggaran_lembar.lembar(instansi, tahun)
    per_kegiatan: dict[int, list] = {}
    for b in realisasi.baris:
        if b.indikator.kegiatan_id:
            per_kegiatan.setdefault(b.indikator.kegiatan_id, []).append(b)
    kegiatan = [
        BarisKegiatan(b.pemilik, b.program, per_kegiatan.get(b.pemilik.pk, []), b.kode)
        for b in anggaran.baris
        if isinstance(b.pemilik, Kegiatan)
    ]
    return LembarKegiatan(instansi, tahun, realisasi, anggaran, narasi_lkip.lembar(instansi, tahun), kegiatan)
