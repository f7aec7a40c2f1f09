"""The Renstra sheet: every indicator of the Renstra version in force with its yearly Renstra
targets, IKU flag, formulasi, unit penanggung jawab and sumber data, in one grid."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from .grid import ANGKA, TEKS, YA_TIDAK, Baris, Grid, Kolom, indikator_berurut, kelompok_indikator, per_baris
from .models import Indikator, Renstra, Target

SATUAN = Kolom("satuan", "Satuan", TEKS, lebar=10)
IKU = Kolom("iku", "IKU", YA_TIDAK, lebar=6)
TEKS_INDIKATOR = [
    Kolom("formulasi", "Formulasi", TEKS, lebar=40),
    Kolom("penanggung_jawab", "Penanggung jawab", TEKS, lebar=24),
    Kolom("sumber_data", "Sumber data", TEKS, lebar=24),
]
FIELD_MAKS = {f: Indikator._meta.get_field(f).max_length for f in ("satuan", "sumber_data")}


def kolom_tahun(tahun: int) -> Kolom:
    return Kolom(f"t{tahun}", str(tahun), ANGKA, lebar=9)


@dataclass
class LembarRenstra:
    renstra: Renstra | None
    indikator: list[Indikator]
    target: dict[tuple[int, int], Target]  # (indikator pk, tahun) → Renstra target
    unit: dict[str, object]  # kode and lower-case nama → UnitOrganisasi of the agency

    @property
    def tahun(self) -> range:
        return self.renstra.tahun if self.renstra else range(0)

    def kolom(self) -> list[Kolom]:
        return [SATUAN, *(kolom_tahun(t) for t in self.tahun), IKU, *TEKS_INDIKATOR]

    def grid(self) -> Grid:
        baris = []
        for ind in self.indikator:
            nilai = {
                "satuan": ind.satuan,
                "iku": ind.iku,
                "formulasi": ind.formulasi,
                "sumber_data": ind.sumber_data,
                "penanggung_jawab": ", ".join(u.kode for u in ind.penanggung_jawab.all()),
            }
            for t in self.tahun:
                target = self.target.get((ind.pk, t))
                nilai[f"t{t}"] = target.nilai if target else None
            baris.append(Baris(ind.kode, ind.pk, ind.nama, kelompok_indikator(ind), nilai))
        judul = _("Indikator dan target %(renstra)s") % {"renstra": self.renstra}
        return Grid(judul, "Renstra", self.kolom(), baris)

    def periksa(self, baris: Baris, kolom: Kolom, value) -> str | None:
        if kolom.kode == "penanggung_jawab":
            asing = [x for x in _daftar(value) if x not in self.unit and x.lower() not in self.unit]
            if asing:
                return _("Unit “%(unit)s” tidak ada; tulis kode unit instansi, pisahkan dengan koma (%(ada)s).") % {
                    "unit": asing[0],
                    "ada": ", ".join(sorted({u.kode for u in self.unit.values()})) or _("belum ada unit"),
                }
        if kolom.kode in FIELD_MAKS and len(value) > FIELD_MAKS[kolom.kode]:
            return _("Paling banyak %(n)d huruf.") % {"n": FIELD_MAKS[kolom.kode]}
        return None

    @transaction.atomic
    def simpan(self, perubahan: dict, lain: dict) -> int:
        """One `save()` per changed indicator and target (the audit trail sees each); all or nothing."""
        ditulis = 0
        baris = per_baris(perubahan)
        for ind in self.indikator:
            ubah = baris.get(ind.pk)
            if not ubah:
                continue
            fields = {k: v for k, v in ubah.items() if k in ("satuan", "iku", "formulasi", "sumber_data")}
            if fields:
                for k, v in fields.items():
                    setattr(ind, k, v)
                ind.save()
                ditulis += len(fields)
            if "penanggung_jawab" in ubah:
                units = {self.unit.get(x) or self.unit[x.lower()] for x in _daftar(ubah["penanggung_jawab"])}
                ind.penanggung_jawab.set(units)
                ditulis += 1
            for t in self.tahun:
                if f"t{t}" in ubah:
                    ditulis += self._target(ind, t, ubah[f"t{t}"])
        return ditulis

    def _target(self, ind: Indikator, tahun: int, nilai) -> int:
        target = self.target.get((ind.pk, tahun)) or Target(indikator=ind, tahun=tahun)
        target.nilai = nilai
        if nilai is None and not target.catatan and not target.mutu and target.nilai_atas is None:
            if target.pk:
                target.delete()
            return 1
        target.full_clean()
        target.save()
        return 1


def _daftar(teks: str) -> list[str]:
    return [x.strip() for x in (teks or "").split(",") if x.strip()]


def lembar(instansi, tahun: int) -> LembarRenstra:
    renstra = Renstra.aktif(instansi, tahun)
    indikator = indikator_berurut(renstra)
    prefetch_related_objects(indikator, "penanggung_jawab")
    target = {
        (t.indikator_id, t.tahun): t for t in Target.objects.filter(indikator__in=indikator, rkt=None, perjanjian=None)
    }
    unit = {}
    for u in instansi.unit.all():
        unit[u.kode] = u
        unit[u.nama.lower()] = u
    return LembarRenstra(renstra, indikator, target, unit)
