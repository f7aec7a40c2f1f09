"""The Perjanjian Kinerja of a year as a grid of its targets, and the perubahan: a new version
copied from the one in force (targets, rencana aksi, programs and their pagu); the old version
stays as it was signed."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from .grid import ANGKA, INFO, TEKS, Baris, Grid, Kolom, kelompok_indikator, per_baris
from .models import PerjanjianKinerja, PKProgram, RencanaAksi, Target

KOLOM = [
    Kolom("satuan", "Satuan", INFO, lebar=10),
    Kolom("nilai", "Target", ANGKA),
    Kolom("mutu", "Predikat target", TEKS, lebar=10),
    Kolom("catatan", "Keterangan", TEKS, lebar=40),
]
MUTU_MAKS = 5


@dataclass
class LembarPK:
    pk: PerjanjianKinerja | None
    target: list[Target]
    dapat_diubah: bool  # only the version in force is edited; older versions are records

    def grid(self) -> Grid:
        baris = [
            Baris(
                t.indikator.kode,
                t.pk,
                t.indikator.nama,
                kelompok_indikator(t.indikator),
                {"satuan": t.indikator.satuan, "nilai": t.nilai, "mutu": t.mutu, "catatan": t.catatan},
            )
            for t in self.target
        ]
        judul = str(self.pk) if self.pk else _("Perjanjian Kinerja")
        return Grid(judul, "PK", KOLOM, baris)

    def periksa(self, baris: Baris, kolom: Kolom, value) -> str | None:
        if kolom.kode == "mutu" and len(value) > MUTU_MAKS:
            return _("Predikat target paling banyak %(n)d huruf, mis. B atau BB.") % {"n": MUTU_MAKS}
        return None

    @transaction.atomic
    def simpan(self, perubahan: dict, lain: dict) -> int:
        ditulis = 0
        baris = per_baris(perubahan)
        for t in self.target:
            ubah = baris.get(t.pk)
            if ubah:
                for k, v in ubah.items():
                    setattr(t, k, "" if v is None and k != "nilai" else v)
                t.full_clean()
                t.save()
                ditulis += len(ubah)
        return ditulis


def lembar(instansi, tahun: int, versi: int | None = None) -> LembarPK:
    berlaku = PerjanjianKinerja.berlaku(instansi, tahun)
    pk = berlaku
    if versi is not None and berlaku is not None:
        pk = PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, versi=versi).first()
    target = []
    if pk is not None:
        target = list(
            pk.target.select_related(
                "indikator__tujuan",
                "indikator__sasaran",
                "indikator__program",
                "indikator__kegiatan",
                "indikator__sub_kegiatan",
            ).order_by("urutan", "pk")
        )
    return LembarPK(pk, target, pk is not None and pk == berlaku)


@transaction.atomic
def buat_perubahan(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    """A new version after the latest one, with a copy of everything `pk` agreed; unsigned
    (no date) until the new agreement is signed. Each row is saved on its own for the audit trail."""
    terakhir = PerjanjianKinerja.objects.filter(instansi=pk.instansi, tahun=pk.tahun).aggregate(v=Max("versi"))["v"]
    baru = PerjanjianKinerja.objects.create(
        instansi=pk.instansi,
        tahun=pk.tahun,
        versi=terakhir + 1,
        tempat=pk.tempat,
        pihak_pertama=pk.pihak_pertama,
        jabatan_pihak_pertama=pk.jabatan_pihak_pertama,
        pihak_kedua=pk.pihak_kedua,
        jabatan_pihak_kedua=pk.jabatan_pihak_kedua,
        keterangan=_("Disalin dari %(judul)s.") % {"judul": pk.judul},
    )
    for t in pk.target.prefetch_related("rencana_aksi").order_by("urutan", "pk"):
        salinan = Target.objects.create(
            indikator_id=t.indikator_id,
            tahun=t.tahun,
            perjanjian=baru,
            nilai=t.nilai,
            nilai_atas=t.nilai_atas,
            mutu=t.mutu,
            catatan=t.catatan,
            urutan=t.urutan,
        )
        for ra in t.rencana_aksi.all():
            RencanaAksi.objects.create(
                target=salinan, triwulan=ra.triwulan, nilai=ra.nilai, nilai_atas=ra.nilai_atas, aksi=ra.aksi
            )
    for p in pk.program.order_by("urutan", "pk"):
        PKProgram.objects.create(
            perjanjian=baru, program_id=p.program_id, anggaran=p.anggaran, keterangan=p.keterangan, urutan=p.urutan
        )
    return baru
