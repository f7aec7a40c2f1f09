"""The Perjanjian Kinerja of a year: a new one (versi 0) started from the Renstra in force, its
targets and its program table as grids, choosing its indicators, and the perubahan: a new
version copied from the one in force (targets, rencana aksi, programs and their pagu); the old
version stays as it was signed. Every row is written with save()/delete() for the audit trail."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sakip import formatting
from sakip.measurement.models import Anggaran

from .grid import ANGKA, INFO, TEKS, Baris, Grid, Kolom, indikator_berurut, kelompok_indikator, per_baris
from .models import Indikator, PerjanjianKinerja, PKProgram, Program, RencanaAksi, Renstra, Target

KOLOM = [
    Kolom("satuan", "Satuan", INFO, lebar=10),
    Kolom("nilai", "Target", ANGKA),
    Kolom("mutu", "Predikat target", TEKS, lebar=10),
    Kolom("catatan", "Keterangan", TEKS, lebar=40),
    Kolom("triwulan", "Target TW I–IV", INFO, lebar=20),
]
MUTU_MAKS = Target._meta.get_field("mutu").max_length


def teks_rentang(nilai, nilai_atas) -> str:
    """A target as written in a cell: “80”, or a range “60–85”."""
    teks = formatting.ringkas(nilai)
    return teks if nilai_atas is None else f"{teks}–{formatting.ringkas(nilai_atas)}"


def target_triwulan(target: Target) -> str:
    """The quarter targets of a PK indicator's rencana aksi in one line: “25 · 50 · 75 · 100”."""
    per_tw = {ra.triwulan: ra for ra in target.rencana_aksi.all() if ra.nilai is not None}
    if not per_tw:
        return ""
    return " · ".join(teks_rentang(ra.nilai, ra.nilai_atas) if ra else "–" for ra in map(per_tw.get, range(1, 5)))


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
                {
                    "satuan": t.indikator.satuan,
                    "nilai": t.nilai,
                    "mutu": t.mutu,
                    "catatan": t.catatan,
                    "triwulan": target_triwulan(t),
                },
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
            )
            .prefetch_related("rencana_aksi")
            .order_by("urutan", "pk")
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


# --- a new PK and its indicators ------------------------------------------------------------


def target_renstra(indikator: list[Indikator], tahun: int) -> dict[int, Target]:
    """The Renstra's target of each indicator for the year (targets of no document)."""
    qs = Target.objects.filter(indikator__in=indikator, tahun=tahun, rkt=None, perjanjian=None)
    return {t.indikator_id: t for t in qs}


def pagu_program(program: list[Program], tahun: int) -> dict[int, Decimal]:
    """The year's pagu of each program, where the budget data has it."""
    return {a.program_id: a.pagu for a in Anggaran.objects.filter(program__in=program, tahun=tahun)}


@dataclass
class Usulan:
    """What a new PK of the year starts with: the sasaran-level IKU of the Renstra in force
    with their Renstra targets, and the Renstra's programs with the year's pagu."""

    renstra: Renstra | None
    indikator: list[tuple[Indikator, Target | None]]
    program: list[tuple[Program, Decimal | None]]


def usulan(instansi, tahun: int) -> Usulan:
    renstra = Renstra.aktif(instansi, tahun)
    if renstra is None:
        return Usulan(None, [], [])
    iku = [i for i in indikator_berurut(renstra) if i.iku and i.sasaran_id]
    target = target_renstra(iku, tahun)
    program = list(renstra.program.order_by("urutan", "pk"))
    pagu = pagu_program(program, tahun)
    return Usulan(renstra, [(i, target.get(i.pk)) for i in iku], [(p, pagu.get(p.pk)) for p in program])


def _target_baru(pk: PerjanjianKinerja, indikator: Indikator, renstra: Target | None, urutan: int) -> Target:
    """An unsaved PK target with the Renstra's target of the year."""
    return Target(
        indikator=indikator,
        tahun=pk.tahun,
        perjanjian=pk,
        nilai=renstra.nilai if renstra else None,
        nilai_atas=renstra.nilai_atas if renstra else None,
        mutu=renstra.mutu if renstra else "",
        urutan=urutan,
    )


@transaction.atomic
def buat_pk(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    """Versi 0 of a year without a PK: `pk` is its header as typed (unsaved). Programs whose pagu
    is not known are left out (the PK states an amount for each); they can be added later."""
    pk.versi = 0
    pk.full_clean()
    pk.save()
    u = usulan(pk.instansi, pk.tahun)
    for urutan, (ind, renstra) in enumerate(u.indikator):
        t = _target_baru(pk, ind, renstra, urutan)
        t.full_clean()
        t.save()
    for urutan, (program, pagu) in enumerate(p for p in u.program if p[1] is not None):
        PKProgram(perjanjian=pk, program=program, anggaran=pagu, urutan=urutan).save()
    return pk


def pilihan_indikator(pk: PerjanjianKinerja) -> list[tuple[Indikator, Target | None]]:
    """The Renstra's indicators not yet in `pk`, in the Renstra's order, with the year's Renstra target."""
    renstra = Renstra.aktif(pk.instansi, pk.tahun)
    if renstra is None:
        return []
    ada = set(pk.target.values_list("indikator_id", flat=True))
    indikator = [i for i in indikator_berurut(renstra) if i.pk not in ada]
    target = target_renstra(indikator, pk.tahun)
    return [(i, target.get(i.pk)) for i in indikator]


@transaction.atomic
def tambah_indikator(pk: PerjanjianKinerja, indikator: Indikator, nilai=None, mutu: str = "") -> Target:
    """Adds `indikator` with the Renstra's target of the year, unless a target `nilai` (and
    `mutu`) is given. The new row takes its place in the Renstra's order (so the document keeps
    one block per sasaran); the rows after it move down, each saved."""
    renstra = Renstra.aktif(pk.instansi, pk.tahun)
    posisi = {i.pk: n for n, i in enumerate(indikator_berurut(renstra))} if renstra else {}
    baru = _target_baru(pk, indikator, target_renstra([indikator], pk.tahun).get(indikator.pk), 0)
    if nilai is not None:
        baru.nilai, baru.nilai_atas = nilai, None
    if mutu:
        baru.mutu = mutu
    baris = list(pk.target.order_by("urutan", "pk"))
    akhir = len(baris)
    letak = next(
        (n for n, t in enumerate(baris) if posisi.get(t.indikator_id, akhir) > posisi.get(indikator.pk, akhir)), akhir
    )
    baris.insert(letak, baru)
    for urutan, t in enumerate(baris):
        if t is baru or t.urutan != urutan:
            t.urutan = urutan
            t.full_clean()
            t.save()
    return baru


@transaction.atomic
def hapus_indikator(target: Target) -> None:
    """Removes an indicator from its PK: its target row and the rencana aksi under it."""
    for ra in target.rencana_aksi.all():
        ra.delete()
    target.delete()


# --- the program table of a PK ---------------------------------------------------------------

KOLOM_PROGRAM = [
    Kolom("pagu", "Pagu (data anggaran)", INFO, lebar=16),
    Kolom("anggaran", "Anggaran PK", ANGKA, lebar=16, desimal=2),
    Kolom("keterangan", "Keterangan", TEKS, lebar=30),
]
KETERANGAN_MAKS = PKProgram._meta.get_field("keterangan").max_length


@dataclass
class LembarProgramPK:
    """Table 2 of the PK in force: one row per program of the Renstra (and any other program
    already in it); a program is in the PK while it has an anggaran, emptying it takes it out."""

    pk: PerjanjianKinerja | None
    renstra: Renstra | None
    program: list[Program]
    baris_pk: dict[int, PKProgram]  # program id → its row in the PK
    pagu: dict[int, Decimal]

    def grid(self) -> Grid:
        di_renstra = _("Program Renstra")
        lain = _("Program di luar Renstra yang berlaku")
        baris = []
        for p in self.program:
            ada = self.baris_pk.get(p.pk)
            baris.append(
                Baris(
                    p.kode,
                    p.pk,
                    p.nama,
                    di_renstra if self.renstra and p.renstra_id == self.renstra.pk else lain,
                    {
                        "pagu": self.pagu.get(p.pk),
                        "anggaran": ada.anggaran if ada else None,
                        "keterangan": ada.keterangan if ada else "",
                    },
                )
            )
        return Grid(_("Program dan anggaran"), "Program PK", KOLOM_PROGRAM, baris)

    def periksa(self, baris: Baris, kolom: Kolom, value) -> str | None:
        if kolom.kode == "anggaran" and value < 0:
            return _("Anggaran tidak boleh negatif.")
        if kolom.kode == "keterangan" and len(value) > KETERANGAN_MAKS:
            return _("Keterangan paling banyak %(n)d huruf.") % {"n": KETERANGAN_MAKS}
        return None

    @transaction.atomic
    def simpan(self, perubahan: dict, lain: dict) -> int:
        ditulis = 0
        urutan = {p.pk: n for n, p in enumerate(self.program)}
        for program_id, ubah in per_baris(perubahan).items():
            ada = self.baris_pk.get(program_id)
            anggaran = ubah.get("anggaran", ada.anggaran if ada else None)
            ditulis += len(ubah)
            if anggaran is None:  # emptied, or only a keterangan typed for a program not in the PK
                if ada:
                    ada.delete()
                continue
            row = ada or PKProgram(perjanjian=self.pk, program_id=program_id, urutan=urutan[program_id])
            row.anggaran = anggaran
            row.keterangan = ubah.get("keterangan", row.keterangan) or ""
            row.full_clean()
            row.save()
        return ditulis


def lembar_program(instansi, tahun: int) -> LembarProgramPK:
    pk = PerjanjianKinerja.berlaku(instansi, tahun)
    if pk is None:
        return LembarProgramPK(None, None, [], {}, {})
    renstra = Renstra.aktif(instansi, tahun)
    program = list(renstra.program.order_by("urutan", "pk")) if renstra else []
    baris_pk = {b.program_id: b for b in pk.program.select_related("program")}
    program += [b.program for b in baris_pk.values() if b.program not in program]
    return LembarProgramPK(pk, renstra, program, baris_pk, pagu_program(program, tahun))
