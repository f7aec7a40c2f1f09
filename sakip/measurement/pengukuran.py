"""The measurement of one agency-year: the capaian table and the budget table, assembled from
the database and computed by `sakip.calc`. Documents, the CLI and the web all read these."""

from dataclasses import dataclass, field
from decimal import Decimal

from sakip import formatting as fmt
from sakip.calc import Hasil, capaian, proporsi, selisih_jumlah, serapan
from sakip.calc.predikat import Skala
from sakip.planning.models import Indikator, PerjanjianKinerja, Renstra, Sasaran, Target

from .belanja import JENIS_BELANJA, induk
from .models import Anggaran, Belanja, Realisasi, SkalaPredikat


@dataclass
class BarisCapaian:
    sasaran: Sasaran | None
    indikator: Indikator
    target: Target | None
    realisasi: Realisasi | None
    capaian: Hasil
    predikat: str | None


@dataclass
class Pengukuran:
    instansi: object
    tahun: int
    sumber_target: str  # e.g. "Perjanjian Kinerja Perubahan 2020"
    skala: Skala | None
    baris: list[BarisCapaian]


def hitung(indikator: Indikator, target: Target | None, realisasi: Realisasi | None) -> Hasil:
    """Capaian of one indicator with its own formula and value type."""
    return capaian(
        target.nilai if target else None,
        realisasi.nilai if realisasi else None,
        indikator.rumus,
        target_atas=target.nilai_atas if target else None,
        jenis=indikator.jenis_nilai,
    )


def targets_for(instansi, tahun: int) -> tuple[str, list[Target]]:
    """The targets a year is measured against: the PK in force, else the RKT, else the Renstra."""
    pk = PerjanjianKinerja.berlaku(instansi, tahun)
    if pk is not None:
        return f"{pk.judul} {tahun}", list(pk.target.select_related("indikator__sasaran").order_by("urutan"))
    renstra = Renstra.aktif(instansi, tahun)
    rkt = instansi.rkt.filter(tahun=tahun).first()
    if rkt is not None:
        qs, label = rkt.target.filter(indikator__sasaran__isnull=False), f"RKT {tahun}"
    else:
        qs = Target.objects.filter(
            indikator__renstra=renstra, tahun=tahun, rkt=None, perjanjian=None, indikator__sasaran__isnull=False
        )
        label = f"Renstra {renstra.tahun_awal}–{renstra.tahun_akhir}" if renstra else "Renstra"
    return label, list(qs.select_related("indikator__sasaran").order_by("indikator__urutan"))


def pengukuran(instansi, tahun: int) -> Pengukuran:
    label, targets = targets_for(instansi, tahun)
    realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=[t.indikator_id for t in targets], tahun=tahun, periode=Realisasi.Periode.TAHUN
        )
    }
    skala_obj = SkalaPredikat.untuk(instansi)
    skala = skala_obj.skala() if skala_obj else None
    baris = []
    for t in targets:
        r = realisasi.get(t.indikator_id)
        hasil = hitung(t.indikator, t, r)
        predikat = skala.predikat(hasil.dibulatkan) if skala and hasil.dapat_dihitung else None
        baris.append(BarisCapaian(t.indikator.sasaran, t.indikator, t, r, hasil, predikat))
    return Pengukuran(instansi, tahun, label, skala, baris)


@dataclass
class BarisAnggaran:
    tingkat: str  # program / kegiatan / sub_kegiatan
    kode: str
    nama: str
    pagu: Decimal
    realisasi: Decimal | None
    serapan: Hasil


@dataclass
class BarisBelanja:
    jenis: str
    nama: str
    tingkat: int
    pagu: Decimal
    realisasi: Decimal | None
    serapan: Hasil
    proporsi: Hasil  # share of the whole budget (top level) or of its parent type


@dataclass
class TabelAnggaran:
    baris: list[BarisAnggaran]
    total_pagu: Decimal
    total_realisasi: Decimal
    total_serapan: Hasil
    belanja: list[BarisBelanja] = field(default_factory=list)
    total_belanja_pagu: Decimal | None = None
    total_belanja_realisasi: Decimal | None = None
    total_belanja_serapan: Hasil | None = None
    catatan: list[str] = field(default_factory=list)  # inconsistencies worth a reader's eye


def anggaran(instansi, tahun: int) -> TabelAnggaran:
    """Program/kegiatan/sub kegiatan pagu–realisasi with totals computed from the program rows,
    and the belanja-type table; where stated figures disagree, `catatan` says so."""
    rows = list(Anggaran.milik(instansi).filter(tahun=tahun))
    rows.sort(key=lambda a: a.urutan_pohon)
    baris = [
        BarisAnggaran(a.tingkat, a.pemilik.kode, a.pemilik.nama, a.pagu, a.realisasi, serapan(a.pagu, a.realisasi))
        for a in rows
    ]
    programs = [a for a in rows if a.program_id]
    total_pagu = sum((a.pagu for a in programs), Decimal(0))
    total_real = sum((a.realisasi or Decimal(0) for a in programs), Decimal(0))
    tabel = TabelAnggaran(baris, total_pagu, total_real, serapan(total_pagu, total_real))
    _check_children(rows, tabel)
    belanja = {b.jenis: b for b in Belanja.objects.filter(instansi=instansi, tahun=tahun)}
    top = [b for j, b in belanja.items() if induk(j) is None]
    if top:
        tabel.total_belanja_pagu = sum((b.pagu for b in top), Decimal(0))
        tabel.total_belanja_realisasi = sum((b.realisasi or Decimal(0) for b in top), Decimal(0))
        tabel.total_belanja_serapan = serapan(tabel.total_belanja_pagu, tabel.total_belanja_realisasi)
    for jenis in JENIS_BELANJA:  # the regulation's order
        b = belanja.get(jenis)
        if b is None:
            continue
        parent = belanja.get(induk(jenis))
        whole = parent.pagu if parent else tabel.total_belanja_pagu
        tabel.belanja.append(
            BarisBelanja(
                jenis,
                JENIS_BELANJA[jenis],
                1 if parent else 0,
                b.pagu,
                b.realisasi,
                serapan(b.pagu, b.realisasi),
                proporsi(b.pagu, whole),
            )
        )
    for b in top:
        kids = [c for j, c in belanja.items() if induk(j) == b.jenis]
        if kids and selisih_jumlah(b.pagu, [c.pagu for c in kids]):
            tabel.catatan.append(
                f"Pagu {JENIS_BELANJA[b.jenis]} ({fmt.rupiah(b.pagu)}) tidak sama dengan jumlah rinciannya."
            )
    bl = belanja.get("bl")
    if programs and bl is not None and bl.realisasi is not None and bl.realisasi != total_real:
        tabel.catatan.append(
            f"Realisasi Belanja Langsung tercatat {fmt.rupiah(bl.realisasi)}, sedangkan jumlah realisasi "
            f"program {fmt.rupiah(total_real)} (selisih {fmt.rupiah(bl.realisasi - total_real)})."
        )
    return tabel


def _check_children(rows: list[Anggaran], tabel: TabelAnggaran):
    """A program's (kegiatan's) stated pagu/realisasi against the sum of its kegiatan (sub kegiatan)."""
    levels = (
        ([a for a in rows if a.program_id], lambda c: c.kegiatan.program_id if c.kegiatan_id else None, "program_id"),
        (
            [a for a in rows if a.kegiatan_id],
            lambda c: c.sub_kegiatan.kegiatan_id if c.sub_kegiatan_id else None,
            "kegiatan_id",
        ),
    )
    for parents, parent_of, attr in levels:
        for a in parents:
            kids = [c for c in rows if parent_of(c) == getattr(a, attr)]
            for what in ("pagu", "realisasi") if kids else ():
                stated = getattr(a, what)
                diff = stated is not None and selisih_jumlah(stated, [getattr(c, what) or 0 for c in kids])
                if diff:
                    tabel.catatan.append(
                        f"{what.capitalize()} {a.pemilik.nama} ({fmt.rupiah(stated)}) tidak sama dengan "
                        f"jumlah rinciannya (selisih {fmt.rupiah(diff)})."
                    )
