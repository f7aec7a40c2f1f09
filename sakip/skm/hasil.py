"""A survey's result from the database: answers counted in SQL, computed by `sakip.calc.skm`;
the respondent profile tables; the published results for the transparency page."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count

from sakip import formatting as fmt
from sakip.calc.skm import HasilSurvei, Sebaran, hitung_survei

from .models import DistribusiJawaban, Jawaban, Responden, SurveiSKM
from .profil import JUDUL_PROFIL, PROFIL


def sebaran(survei: SurveiSKM) -> tuple[dict[int, Sebaran], int | None]:
    """Answers per unsur id and the number of respondents: counted from the stored answers
    when there are any, else the imported distribution with the stated number."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    rows = (
        Jawaban.objects.filter(responden__survei=survei)
        .values_list("unsur_id", "nilai")
        .annotate(n=Count("id"))
        .order_by()
    )
    for unsur_id, nilai, n in rows:
        counts[unsur_id][nilai - 1] = n
    if counts:
        return {u: Sebaran.dari_jumlah(c) for u, c in counts.items()}, survei.responden.count()
    out = {d.unsur_id: d.sebaran() for d in DistribusiJawaban.objects.filter(survei=survei)}
    return {u: s for u, s in out.items() if s is not None}, survei.jumlah_responden


def hasil_survei(survei: SurveiSKM, banding: bool = True) -> HasilSurvei:
    answers, responden = sebaran(survei)
    lalu = survei.sebelumnya() if banding else None
    return hitung_survei(
        survei.metode.aturan,
        [(u.nomor, u.nama, answers.get(u.id)) for u in survei.metode.unsur.order_by("nomor")],
        bobot_dibulatkan=survei.bobot_dibulatkan,
        populasi=survei.populasi,
        jumlah_responden=responden,
        sebelumnya=hasil_survei(lalu, banding=False) if lalu else None,
        periode_sebelumnya=str(lalu.tahun) if lalu else "",
    )


@dataclass(frozen=True)
class BarisProfil:
    label: str
    jumlah: int


@dataclass(frozen=True)
class TabelProfil:
    judul: str
    baris: list[BarisProfil]

    @property
    def total(self) -> int:
        return sum(b.jumlah for b in self.baris)


def profil_responden(survei: SurveiSKM) -> list[TabelProfil]:
    """One table per profile question: every choice in questionnaire order (zero included),
    the services as answered, and the unanswered as "tidak diisi"."""
    qs = Responden.objects.filter(survei=survei)
    out = []
    for field, judul in JUDUL_PROFIL.items():
        counts = dict(qs.values_list(field).annotate(n=Count("id")).order_by())
        if field in PROFIL:
            baris = [BarisProfil(label, counts.get(kode, 0)) for kode, label in PROFIL[field].items()]
        else:
            baris = [BarisProfil(k, n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if k]
        if counts.get(""):
            baris.append(BarisProfil("tidak diisi", counts[""]))
        out.append(TabelProfil(judul, baris))
    return out


@dataclass(frozen=True)
class HasilTerbit:
    """What the public transparency page shows of one survey."""

    survei: SurveiSKM
    unit: str
    hasil: HasilSurvei


def hasil_terbit(instansi) -> list[HasilTerbit]:
    """The agency's published survey results, newest first."""
    surveys = (
        SurveiSKM.objects.filter(instansi=instansi, diterbitkan=True)
        .select_related("metode", "unit", "instansi")
        .order_by("-tahun", "kode")
    )
    return [HasilTerbit(s, s.unit.nama if s.unit else s.instansi.nama, s.hasil()) for s in surveys]


@dataclass(frozen=True)
class RingkasanSurvei:
    """One survey on the workspace's SKM page: its result and where its answers come from."""

    survei: SurveiSKM
    hasil: HasilSurvei
    sumber: str  # "responden", "distribusi" or "" (no answers yet)

    @property
    def nilai(self) -> str:
        """The NIK as printed (25–100), "-" while it cannot be computed."""
        return fmt.angka(self.hasil.nik)


def ringkasan_tahun(instansi, tahun: int) -> list[RingkasanSurvei]:
    """The agency's surveys of the year, each with its result (compared with no earlier one)."""
    surveys = (
        SurveiSKM.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("metode", "unit", "instansi")
        .order_by("kode")
    )
    out = []
    for s in surveys:
        sumber = "responden" if s.responden.exists() else "distribusi" if s.distribusi.exists() else ""
        out.append(RingkasanSurvei(s, s.hasil(banding=False), sumber))
    return out
