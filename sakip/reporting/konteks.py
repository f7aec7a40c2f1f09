"""The report context of one agency-year: everything the LKIP and the other documents say,
read from the database once and computed with `sakip.calc`. Builders turn it into blocks."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from sakip.calc import Hasil, efisiensi, serapan, tingkat_kemajuan
from sakip.calc.skm import HasilSurvei
from sakip.measurement.models import Anggaran, Realisasi, RealisasiNasional
from sakip.measurement.pengukuran import BarisCapaian, Pengukuran, TabelAnggaran, anggaran, pengukuran
from sakip.organisation.models import Instansi
from sakip.planning.models import (
    RPJMD,
    Indikator,
    Kegiatan,
    KeputusanIKU,
    PerjanjianKinerja,
    Program,
    Renstra,
    Sasaran,
    Target,
    Tujuan,
)
from sakip.reporting.models import LaporanKinerja, Narasi
from sakip.skm.models import SurveiSKM

TAHUN_BANDING = 3  # how many years the comparison tables show, the report year included


@dataclass
class BarisKegiatan:
    """An input/output indicator of a kegiatan: its target for the year and what was reached."""

    indikator: Indikator
    target: Target | None
    realisasi: Realisasi | None
    komponen: list["BarisKegiatan"] = field(default_factory=list)


@dataclass
class KegiatanPendukung:
    kegiatan: Kegiatan
    indikator: list[BarisKegiatan]
    anggaran: Anggaran | None
    keterangan: str


@dataclass
class ProgramPendukung:
    program: Program
    anggaran: Anggaran | None
    kegiatan: list[KegiatanPendukung]


@dataclass
class Perbandingan:
    """One indicator of a sasaran compared over the years, with the Renstra end and the nation."""

    baris: BarisCapaian
    tahun: list[int]
    realisasi_tahun: list[Decimal | None]
    target_renstra_tahun: list[Decimal | None]
    target_akhir: Target | None
    tahun_akhir: int | None
    kemajuan: Hasil
    nasional: RealisasiNasional | None


@dataclass
class HasilSKM:
    """The survey behind an SKM indicator, its computed result and the realisasi recorded."""

    survei: SurveiSKM
    hasil: HasilSurvei
    realisasi: Realisasi | None


@dataclass
class AnalisisSasaran:
    nomor: int
    sasaran: Sasaran
    baris: list[BarisCapaian]
    perbandingan: list[Perbandingan]
    program: list[ProgramPendukung]
    analisis: str
    skm: HasilSKM | None
    rerata_capaian: Hasil
    predikat: str | None
    pagu: Decimal
    realisasi_anggaran: Decimal
    serapan: Hasil
    efisiensi: object


@dataclass
class Konteks:
    instansi: Instansi
    tahun: int
    laporan: LaporanKinerja | None
    narasi: dict[str, str]
    renstra: Renstra | None
    rpjmd: RPJMD | None
    tujuan: list[Tujuan]
    pk: PerjanjianKinerja | None
    pk_versi: list[PerjanjianKinerja]
    rkt: object
    rkt_berikut: object
    keputusan_iku: KeputusanIKU | None
    iku: list[Indikator]
    pengukuran: Pengukuran
    anggaran: TabelAnggaran
    sasaran: list[AnalisisSasaran]
    program: list[Program]
    kosong: list[str] = field(default_factory=list)  # what is still missing, for the CLI

    @property
    def pemda(self):
        return self.instansi.pemda


def _rerata(values: list[Hasil]) -> Hasil:
    ok = [v.nilai for v in values if v.dapat_dihitung]
    return Hasil(sum(ok, Decimal(0)) / len(ok)) if ok else Hasil(None, "tidak ada capaian yang dapat dihitung")


def build(instansi: Instansi, tahun: int) -> Konteks:
    """Everything one agency-year's documents need, with what is still missing listed."""
    kosong: list[str] = []
    renstra = Renstra.aktif(instansi, tahun)
    if renstra is None:
        kosong.append(f"Renstra yang berlaku untuk tahun {tahun}")
    laporan = LaporanKinerja.objects.filter(instansi=instansi, tahun=tahun).select_related("penandatangan").first()
    narasi, per_sasaran, per_kegiatan = {}, {}, {}
    if laporan:
        for n in laporan.narasi.all():
            if n.sasaran_id:
                per_sasaran[n.sasaran_id] = n.teks
            elif n.kegiatan_id:
                per_kegiatan[n.kegiatan_id] = n.teks
            else:
                narasi[n.bagian] = n.teks
    else:
        kosong.append(f"data laporan (tempat, tanggal, penandatangan) tahun {tahun}")
    for bagian in Narasi.Bagian:
        if bagian not in Narasi.PER_POKOK and not narasi.get(bagian):
            kosong.append(f"narasi: {bagian.label}")
    rpjmd = (
        RPJMD.objects.filter(pemda=instansi.pemda, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .prefetch_related("misi")
        .first()
    )
    tujuan = (
        list(
            renstra.tujuan.prefetch_related(
                "indikator",
                Prefetch("sasaran", queryset=Sasaran.objects.prefetch_related("indikator", "strategi", "kebijakan")),
            ).select_related("sasaran_pemda")
        )
        if renstra
        else []
    )
    pk_versi = list(PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).order_by("versi"))
    pk = pk_versi[-1] if pk_versi else None
    if pk is None:
        kosong.append(f"Perjanjian Kinerja tahun {tahun}")
    ukur = pengukuran(instansi, tahun)
    for b in ukur.baris:
        if b.realisasi is None or b.realisasi.nilai is None:
            kosong.append(f"realisasi {tahun}: {b.indikator.nama}")
    tabel_anggaran = anggaran(instansi, tahun)
    if not tabel_anggaran.baris and not tabel_anggaran.belanja:
        kosong.append(f"anggaran tahun {tahun}")
    program = list(renstra.program.select_related("sasaran").order_by("urutan")) if renstra else []
    iku_decree = KeputusanIKU.berlaku(instansi, tahun)
    iku = (
        list(
            renstra.indikator.filter(iku=True).select_related("sasaran", "tujuan").prefetch_related("penanggung_jawab")
        )
        if renstra
        else []
    )
    konteks = Konteks(
        instansi=instansi,
        tahun=tahun,
        laporan=laporan,
        narasi=narasi,
        renstra=renstra,
        rpjmd=rpjmd,
        tujuan=tujuan,
        pk=pk,
        pk_versi=pk_versi,
        rkt=instansi.rkt.filter(tahun=tahun).first(),
        rkt_berikut=instansi.rkt.filter(tahun=tahun + 1).first(),
        keputusan_iku=iku_decree,
        iku=iku,
        pengukuran=ukur,
        anggaran=tabel_anggaran,
        sasaran=[],
        program=program,
        kosong=kosong,
    )
    konteks.sasaran = _per_sasaran(konteks, per_sasaran, per_kegiatan)
    return konteks


def _per_sasaran(k: Konteks, per_sasaran: dict, per_kegiatan: dict) -> list[AnalisisSasaran]:
    if k.renstra is None:
        return []
    tahun = k.tahun
    years = list(range(max(k.renstra.tahun_awal, tahun - TAHUN_BANDING + 1), tahun + 1))
    indikator_ids = [b.indikator.id for b in k.pengukuran.baris]
    realisasi = {
        (r.indikator_id, r.tahun): r.nilai
        for r in Realisasi.objects.filter(indikator_id__in=indikator_ids, periode=Realisasi.Periode.TAHUN)
    }
    renstra_targets = {
        (t.indikator_id, t.tahun): t
        for t in Target.objects.filter(indikator__renstra=k.renstra, rkt=None, perjanjian=None)
    }
    nasional = {
        n.indikator_id: n for n in RealisasiNasional.objects.filter(indikator_id__in=indikator_ids, tahun=tahun)
    }
    budget = {
        (a.tingkat, a.program_id or a.kegiatan_id): a
        for a in Anggaran.milik(k.instansi).filter(tahun=tahun, sub_kegiatan=None)
    }
    rkt_targets = {t.indikator_id: t for t in k.rkt.target.all()} if k.rkt else {}
    kegiatan_realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__renstra=k.renstra, tahun=tahun, periode=Realisasi.Periode.TAHUN
        ).exclude(indikator_id__in=indikator_ids)
    }
    survei = {
        s.indikator_id: s
        for s in k.instansi.survei_skm.filter(tahun=tahun).exclude(indikator=None).select_related("metode")
    }
    nomor, out = 0, []
    for tujuan in k.tujuan:
        for sasaran in tujuan.sasaran.all():
            nomor += 1
            baris = [b for b in k.pengukuran.baris if b.indikator.sasaran_id == sasaran.id]
            perbandingan = []
            for b in baris:
                ind = b.indikator
                akhir_tahun = k.renstra.tahun_akhir
                akhir = renstra_targets.get((ind.id, akhir_tahun))
                real = b.realisasi.nilai if b.realisasi else None
                perbandingan.append(
                    Perbandingan(
                        baris=b,
                        tahun=years,
                        realisasi_tahun=[realisasi.get((ind.id, y)) for y in years],
                        target_renstra_tahun=[
                            t.nilai if (t := renstra_targets.get((ind.id, y))) else None for y in years
                        ],
                        target_akhir=akhir,
                        tahun_akhir=akhir_tahun,
                        kemajuan=tingkat_kemajuan(
                            real,
                            akhir.nilai if akhir else None,
                            ind.rumus,
                            target_atas=akhir.nilai_atas if akhir else None,
                        ),
                        nasional=nasional.get(ind.id),
                    )
                )
            programs = []
            for p in sasaran.program.all().order_by("urutan"):
                kegiatan = []
                for keg in p.kegiatan.order_by("urutan").prefetch_related("indikator"):
                    top = [i for i in keg.indikator.all() if i.induk_id is None]
                    rows = []
                    for ind in sorted(top, key=lambda i: i.urutan):
                        comps = sorted((i for i in keg.indikator.all() if i.induk_id == ind.id), key=lambda i: i.urutan)
                        rows.append(
                            BarisKegiatan(
                                ind,
                                rkt_targets.get(ind.id),
                                kegiatan_realisasi.get(ind.id),
                                [BarisKegiatan(c, rkt_targets.get(c.id), kegiatan_realisasi.get(c.id)) for c in comps],
                            )
                        )
                    a = budget.get(("kegiatan", keg.id))
                    if rows or a:
                        kegiatan.append(KegiatanPendukung(keg, rows, a, per_kegiatan.get(keg.id, "")))
                programs.append(ProgramPendukung(p, budget.get(("program", p.id)), kegiatan))
            pagu = sum((pp.anggaran.pagu for pp in programs if pp.anggaran), Decimal(0))
            real = sum((pp.anggaran.realisasi or 0 for pp in programs if pp.anggaran), Decimal(0))
            rerata = _rerata([b.capaian for b in baris])
            skala = k.pengukuran.skala
            serap = serapan(pagu, real) if pagu else Hasil(None, "tidak ada anggaran program pendukung")
            skm = next(
                (
                    HasilSKM(survei[b.indikator.id], survei[b.indikator.id].hasil(), b.realisasi)
                    for b in baris
                    if b.indikator.id in survei
                ),
                None,
            )
            if not per_sasaran.get(sasaran.id):
                k.kosong.append(f"narasi: analisis sasaran {nomor}")
            out.append(
                AnalisisSasaran(
                    nomor=nomor,
                    sasaran=sasaran,
                    baris=baris,
                    perbandingan=perbandingan,
                    program=programs,
                    analisis=per_sasaran.get(sasaran.id, ""),
                    skm=skm,
                    rerata_capaian=rerata,
                    predikat=skala.predikat(rerata.dibulatkan) if skala and rerata.dapat_dihitung else None,
                    pagu=pagu,
                    realisasi_anggaran=real,
                    serapan=serap,
                    efisiensi=efisiensi(rerata, serap),
                )
            )
    return out
