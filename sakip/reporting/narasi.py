"""The narrative sheet of an agency-year: every free-text section of the LKIP that only people
can write (latar belakang, kendala, analysis per sasaran, pelaksanaan per kegiatan …), in one
grid with its Excel round trip (sakip/planning/web.py). An emptied section is removed, so the
LKIP shows its placeholder again and the missing list names it."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from sakip.planning.grid import TEKS, Baris, Grid, Kolom, per_baris
from sakip.planning.models import Kegiatan, Renstra, Sasaran

from .models import LaporanKinerja, Narasi

TEKS_NARASI = Kolom("teks", "Teks", TEKS, lebar=90)


@dataclass
class BarisNarasi:
    kunci: str  # "b-latar_belakang", "s-12" (analysis of a sasaran), "k-7" (pelaksanaan of a kegiatan)
    label: str
    kelompok: str
    bagian: str
    sasaran: Sasaran | None = None
    kegiatan: Kegiatan | None = None


@dataclass
class LembarNarasi:
    instansi: object
    tahun: int
    baris: list[BarisNarasi]
    teks: dict[str, Narasi]

    def grid(self) -> Grid:
        rows = [
            Baris(b.kunci, b.kunci, b.label, b.kelompok, {"teks": n.teks if (n := self.teks.get(b.kunci)) else ""})
            for b in self.baris
        ]
        return Grid(_("Narasi LKIP tahun %(tahun)s") % {"tahun": self.tahun}, "Narasi", [TEKS_NARASI], rows)

    def periksa(self, baris, kolom, value) -> str | None:
        return None

    @transaction.atomic
    def simpan(self, perubahan: dict, lain: dict) -> int:
        ubah = per_baris(perubahan)
        laporan = None
        ditulis = 0
        for b in self.baris:
            if b.kunci not in ubah:
                continue
            teks = (ubah[b.kunci].get("teks") or "").strip()
            lama = self.teks.get(b.kunci)
            if lama is not None and not teks:
                lama.delete()
            elif teks and (lama is None or lama.teks != teks):
                if lama is None:
                    laporan = (
                        laporan or LaporanKinerja.objects.get_or_create(instansi=self.instansi, tahun=self.tahun)[0]
                    )
                    lama = Narasi(laporan=laporan, bagian=b.bagian, sasaran=b.sasaran, kegiatan=b.kegiatan)
                lama.teks = teks
                lama.save()
            else:
                continue
            ditulis += 1
        return ditulis


def lembar(instansi, tahun: int) -> LembarNarasi:
    umum = _("Bagian laporan")
    baris = [
        BarisNarasi(f"b-{kode}", str(label), umum, kode)
        for kode, label in Narasi.Bagian.choices
        if kode not in Narasi.PER_POKOK
    ]
    renstra = Renstra.aktif(instansi, tahun)
    if renstra:
        for s in Sasaran.objects.filter(tujuan__renstra=renstra).order_by("tujuan__urutan", "urutan", "pk"):
            baris.append(
                BarisNarasi(f"s-{s.pk}", s.uraian, _("Analisis capaian per sasaran"), Narasi.Bagian.ANALISIS, sasaran=s)
            )
        for k in Kegiatan.objects.filter(program__renstra=renstra).order_by("program__urutan", "urutan", "pk"):
            baris.append(
                BarisNarasi(
                    f"k-{k.pk}", k.nama, _("Pelaksanaan kegiatan"), Narasi.Bagian.PELAKSANAAN_KEGIATAN, kegiatan=k
                )
            )
    teks = {}
    for n in Narasi.objects.filter(laporan__instansi=instansi, laporan__tahun=tahun):
        kunci = f"s-{n.sasaran_id}" if n.sasaran_id else f"k-{n.kegiatan_id}" if n.kegiatan_id else f"b-{n.bagian}"
        teks[kunci] = n
    return LembarNarasi(instansi, tahun, baris, teks)
