"""The budget sheet of an agency-year: pagu and realisasi of every program, kegiatan and sub
kegiatan of the Renstra in force, with serapan computed by sakip/calc."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sakip import formatting
from sakip.calc import serapan
from sakip.planning.grid import ANGKA, INFO, TEKS, Baris, Grid, Kolom, per_baris
from sakip.planning.models import Kegiatan, Program, Renstra, SubKegiatan

from .models import Anggaran

KOLOM = [
    Kolom("pagu", "Pagu (Rp)", ANGKA, lebar=18, desimal=2),
    Kolom("realisasi", "Realisasi (Rp)", ANGKA, lebar=18, desimal=2),
    Kolom("serapan", "Serapan", INFO, lebar=10),
    Kolom("catatan", "Catatan", TEKS, lebar=40),
]
TINGKAT = {
    "p": ("program", gettext_lazy("Program")),
    "k": ("kegiatan", gettext_lazy("Kegiatan")),
    "s": ("sub_kegiatan", gettext_lazy("Sub kegiatan")),
}


@dataclass
class BarisAnggaran:
    kunci: str  # "p12", "k5", "s3": level and pk, unique in the sheet (form fields)
    pemilik: Program | Kegiatan | SubKegiatan
    program: Program
    anggaran: Anggaran | None
    kode: str  # the Excel key, from the Renstra codes ("7.01.02/2.01" for a kegiatan), so a
    # workbook imports into any installation that holds the same Renstra, not only this one


@dataclass
class LembarAnggaran:
    tahun: int
    baris: list[BarisAnggaran]

    def grid(self) -> Grid:
        rows = []
        for b in self.baris:
            a = b.anggaran
            nilai = {
                "pagu": a.pagu if a else None,
                "realisasi": a.realisasi if a else None,
                "serapan": formatting.persen(serapan(a.pagu, a.realisasi)) if a else "",
                "catatan": a.catatan if a else "",
            }
            label = f"{TINGKAT[b.kunci[0]][1]} {b.pemilik.kode} {b.pemilik.nama}"
            rows.append(Baris(b.kode, b.kunci, label, f"{_('Program')}: {b.program.nama}", nilai))
        return Grid(_("Anggaran tahun %(tahun)s") % {"tahun": self.tahun}, "Anggaran", KOLOM, rows)

    def periksa(self, baris: Baris, kolom: Kolom, value) -> str | None:
        if kolom.kode in ("pagu", "realisasi") and value < 0:
            return _("Tidak boleh negatif.")
        return None

    @transaction.atomic
    def simpan(self, perubahan: dict, lain: dict) -> int:
        ditulis = 0
        baris = per_baris(perubahan)
        for b in self.baris:
            ubah = baris.get(b.kunci)
            if not ubah:
                continue
            a = b.anggaran or Anggaran(tahun=self.tahun, **{TINGKAT[b.kunci[0]][0]: b.pemilik})
            for k, v in ubah.items():
                setattr(a, k, "" if k == "catatan" and v is None else v)
            if a.pagu is None:
                if a.realisasi is not None or a.catatan:
                    raise ValidationError(
                        _("%(baris)s: isi pagunya; realisasi atau catatan tanpa pagu tidak dapat disimpan.")
                        % {"baris": b.pemilik.nama}
                    )
                if a.pk:
                    a.delete()
            else:
                a.save()
            ditulis += len(ubah)
        return ditulis


def lembar(instansi, tahun: int) -> LembarAnggaran:
    renstra = Renstra.aktif(instansi, tahun)
    anggaran = {}
    for a in Anggaran.milik(instansi).filter(tahun=tahun):
        anggaran[("p" if a.program_id else "k" if a.kegiatan_id else "s") + str(a.pemilik.pk)] = a
    baris = []
    subs: dict[int, list] = {}
    for s in SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).order_by("urutan", "pk"):
        subs.setdefault(s.kegiatan_id, []).append(s)
    kegiatan: dict[int, list] = {}
    for k in Kegiatan.objects.filter(program__renstra=renstra).order_by("urutan", "pk"):
        kegiatan.setdefault(k.program_id, []).append(k)
    for p in Program.objects.filter(renstra=renstra).order_by("urutan", "pk"):
        baris.append(BarisAnggaran(f"p{p.pk}", p, p, anggaran.get(f"p{p.pk}"), p.kode))
        for k in kegiatan.get(p.pk, []):
            baris.append(BarisAnggaran(f"k{k.pk}", k, p, anggaran.get(f"k{k.pk}"), f"{p.kode}/{k.kode}"))
            for s in subs.get(k.pk, []):
                baris.append(BarisAnggaran(f"s{s.pk}", s, p, anggaran.get(f"s{s.pk}"), f"{p.kode}/{k.kode}/{s.kode}"))
    return LembarAnggaran(tahun, baris)
