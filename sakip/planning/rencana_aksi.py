"""The rencana aksi of a Perjanjian Kinerja as one grid: per indicator of the PK, for each
triwulan the target (and, where the PK has range targets, its upper bound) and the actions
planned. Agencies sign it with the PK; the quarterly realisasi is judged against it.

A quarter's value follows the indicator's value type by the realisasi sheet's own rule (a
milestone takes 0 or 1); a quarter left without value and action is deleted. Only the PK in
force is written, one `save()`/`delete()` per RencanaAksi so the audit trail has each change.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db import transaction
from django.utils.translation import gettext as _

from sakip.measurement import lembar as realisasi

from . import pk
from .grid import ANGKA, INFO, TEKS, Baris, Grid, Kolom, kelompok_indikator, per_baris
from .models import PerjanjianKinerja, RencanaAksi, Target

TRIWULAN = (1, 2, 3, 4)
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _kode(tw: int, bagian: str = "") -> str:
    return f"tw{tw}{'_' + bagian if bagian else ''}"


@dataclass
class LembarRencanaAksi:
    pk: PerjanjianKinerja | None
    target: list[Target]  # the PK's indicators, rencana_aksi prefetched
    dapat_diubah: bool  # only the version in force; older versions stay as signed
    rentang: bool  # the PK has range targets, so each quarter gets an upper bound column too

    @cached_property
    def indikator(self) -> dict:
        """Target pk → its indicator, for `periksa` on every cell read."""
        return {t.pk: t.indikator for t in self.target}

    def kolom(self) -> list[Kolom]:
        kolom = [Kolom("satuan", _("Satuan"), INFO, lebar=10), Kolom("target", _("Target tahunan"), INFO)]
        for tw in TRIWULAN:
            r = ROMAWI[tw]
            kolom.append(Kolom(_kode(tw), _("Target TW %(tw)s") % {"tw": r}, ANGKA, lebar=10))
            if self.rentang:
                kolom.append(Kolom(_kode(tw, "atas"), _("Batas atas TW %(tw)s") % {"tw": r}, ANGKA, lebar=10))
            kolom.append(Kolom(_kode(tw, "aksi"), _("Rencana aksi TW %(tw)s") % {"tw": r}, TEKS, lebar=36))
        return kolom

    def grid(self) -> Grid:
        baris = []
        for t in self.target:
            per_tw = {ra.triwulan: ra for ra in t.rencana_aksi.all()}
            nilai = {
                "satuan": t.indikator.satuan,
                "target": t.nilai if t.nilai_atas is None else pk.teks_rentang(t.nilai, t.nilai_atas),
            }
            for tw in TRIWULAN:
                ra = per_tw.get(tw)
                nilai[_kode(tw)] = ra.nilai if ra else None
                if self.rentang:
                    nilai[_kode(tw, "atas")] = ra.nilai_atas if ra else None
                nilai[_kode(tw, "aksi")] = ra.aksi if ra else ""
            baris.append(Baris(t.indikator.kode, t.pk, t.indikator.nama, kelompok_indikator(t.indikator), nilai))
        judul = _("Rencana aksi %(pk)s") % {"pk": self.pk} if self.pk else _("Rencana aksi")
        return Grid(judul, "Rencana Aksi", self.kolom(), baris)

    def periksa(self, baris: Baris, kolom: Kolom, value) -> str | None:
        """A quarter's target by the realisasi sheet's rule for the quarter (milestone: 0 or 1)."""
        if kolom.jenis != ANGKA:
            return None
        tw = int(kolom.kode[2])
        return realisasi.periksa(self.indikator[baris.pk], realisasi.PERIODE[tw - 1].kode, value)

    def periksa_baris(self, baris: Baris, nilai: dict) -> list[tuple[str, str]]:
        """A quarter's upper bound needs its target, and is not below it."""
        salah = []
        for tw in TRIWULAN if self.rentang else ():
            bawah, atas = nilai.get(_kode(tw)), nilai.get(_kode(tw, "atas"))
            if atas is None:
                continue
            if bawah is None:
                pesan = _("Isi juga Target TW %(tw)s; batas atas hanya untuk target rentang.")
            elif atas < bawah:
                pesan = _("Batas atas lebih kecil dari Target TW %(tw)s.")
            else:
                continue
            salah.append((_kode(tw, "atas"), pesan % {"tw": ROMAWI[tw]}))
        return salah

    @transaction.atomic
    def simpan(self, perubahan: dict, lain: dict) -> int:
        """One `save()` or `delete()` per changed quarter; all or nothing."""
        ditulis = 0
        baris = per_baris(perubahan)
        for t in self.target:
            ubah = baris.get(t.pk)
            if not ubah:
                continue
            per_tw = {ra.triwulan: ra for ra in t.rencana_aksi.all()}
            for tw in TRIWULAN:
                isi = {k: v for k, v in ubah.items() if k.startswith(_kode(tw))}
                if isi:
                    self._simpan_triwulan(per_tw.get(tw) or RencanaAksi(target=t, triwulan=tw), tw, isi)
                    ditulis += len(isi)
        return ditulis

    @staticmethod
    def _simpan_triwulan(ra: RencanaAksi, tw: int, isi: dict) -> None:
        ra.nilai = isi.get(_kode(tw), ra.nilai)
        ra.nilai_atas = isi.get(_kode(tw, "atas"), ra.nilai_atas)
        ra.aksi = isi.get(_kode(tw, "aksi"), ra.aksi) or ""
        if ra.nilai is None and ra.nilai_atas is None and not ra.aksi:  # an emptied quarter
            if ra.pk:
                ra.delete()
            return
        ra.full_clean()
        ra.save()


def lembar(instansi, tahun: int, versi: int | None = None) -> LembarRencanaAksi:
    """The PK in force (or version `versi`, read-only) with its indicators' rencana aksi."""
    dasar = pk.lembar(instansi, tahun, versi)
    rentang = any(t.nilai_atas is not None for t in dasar.target) or any(
        ra.nilai_atas is not None for t in dasar.target for ra in t.rencana_aksi.all()
    )
    return LembarRencanaAksi(dasar.pk, dasar.target, dasar.dapat_diubah, rentang)
