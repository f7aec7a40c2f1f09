"""The pemda dashboard's figures for every agency of one year, in a fixed number of queries.

`pengukuran()` measures one agency (five queries); a pemda of fifty agencies would need 250.
Here each kind of record is read once for all agencies, grouped in Python, and each indicator
is computed with the same `hitung` and scale as the documents, so the dashboard and the LKIP
can never disagree."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import SimpleNamespace

from django.db.models import Q
from django.utils.translation import gettext as _

from sakip.measurement.models import Realisasi, SkalaPredikat
from sakip.measurement.pengukuran import hitung
from sakip.planning.models import PerjanjianKinerja, RencanaKinerjaTahunan, Renstra, Target
from sakip.reporting.models import Narasi, TahunKinerja

TIDAK_DAPAT = "—"  # the predicate slot of indicators whose capaian cannot be computed
TRIWULAN = ("tw1", "tw2", "tw3", "tw4")


@dataclass
class Sebaran:
    """Count of one predicate among an agency's indicators, with its traffic-light colour."""

    predikat: str
    jumlah: int
    warna: str


@dataclass
class RingkasanInstansi:
    instansi: object
    status: TahunKinerja
    indikator: int = 0
    sebaran: list[Sebaran] = field(default_factory=list)
    tanpa_realisasi_triwulan: int = 0  # indicators without a realisasi for `triwulan_terakhir`
    narasi_kosong: int = 0  # narrative sections of the LKIP still empty
    ada_pk: bool = False

    @property
    def kekurangan(self) -> list[str]:
        """What is missing, in the words the admin uses when chasing the agency."""
        out = []
        if not self.ada_pk:
            out.append(_("belum ada Perjanjian Kinerja"))
        if self.indikator and self.tanpa_realisasi_triwulan:
            out.append(
                _("%(n)d dari %(total)d indikator belum ada realisasi")
                % {"n": self.tanpa_realisasi_triwulan, "total": self.indikator}
            )
        if not self.indikator:
            out.append(_("belum ada target indikator"))
        if self.narasi_kosong:
            out.append(_("%(n)d bagian narasi LKIP kosong") % {"n": self.narasi_kosong})
        return out


def triwulan_terakhir(tahun: int, hari_ini: date) -> str:
    """The last quarter that has ended by `hari_ini`: tw4 for a past year, none ("") before April."""
    if tahun < hari_ini.year:
        return "tw4"
    if tahun > hari_ini.year:
        return ""
    selesai = (hari_ini.month - 1) // 3
    return TRIWULAN[selesai - 1] if selesai else ""


def batas_waktu(tahun: int) -> date:
    """The LKIP of a year is due on 31 March of the following year (PermenPANRB 53/2014)."""
    return date(tahun + 1, 3, 31)


def _terbaru(rows, key):
    """{instansi_id: the row with the highest `key`} — the version in force per agency."""
    out = {}
    for row in rows:
        if row.instansi_id not in out or key(row) > key(out[row.instansi_id]):
            out[row.instansi_id] = row
    return out


def targets_per_instansi(instansi_ids: list[int], tahun: int) -> tuple[dict[int, list], set[int]]:
    """The targets each agency's year is measured against — PK in force, else RKT, else the
    active Renstra — the same choice as `pengukuran.targets_for`, read in four queries; and the
    agencies that have a PK."""
    pk = _terbaru(PerjanjianKinerja.objects.filter(instansi__in=instansi_ids, tahun=tahun), lambda p: p.versi)
    rkt = {r.instansi_id: r for r in RencanaKinerjaTahunan.objects.filter(instansi__in=instansi_ids, tahun=tahun)}
    renstra = _terbaru(
        Renstra.objects.filter(
            instansi__in=instansi_ids, tahun_awal__lte=tahun, tahun_akhir__gte=tahun, berlaku_mulai__lte=tahun
        ),
        lambda r: r.versi,
    )
    sumber = {}  # instansi → Q of its targets
    for i in instansi_ids:
        if i in pk:
            sumber[i] = Q(perjanjian=pk[i])
        elif i in rkt:
            sumber[i] = Q(rkt=rkt[i], indikator__sasaran__isnull=False)
        elif i in renstra:
            sumber[i] = Q(
                indikator__renstra=renstra[i], tahun=tahun, rkt=None, perjanjian=None, indikator__sasaran__isnull=False
            )
    per_instansi = defaultdict(list)
    if sumber:
        q = Q()
        for cond in sumber.values():
            q |= cond
        # plain rows, not model instances: a pemda-year is a thousand targets
        fields = ("indikator_id", "nilai", "nilai_atas", "indikator__rumus", "indikator__jenis_nilai")
        for row in Target.objects.filter(q).values("indikator__renstra__instansi_id", *fields):
            per_instansi[row["indikator__renstra__instansi_id"]].append(
                SimpleNamespace(
                    indikator_id=row["indikator_id"],
                    nilai=row["nilai"],
                    nilai_atas=row["nilai_atas"],
                    indikator=SimpleNamespace(rumus=row["indikator__rumus"], jenis_nilai=row["indikator__jenis_nilai"]),
                )
            )
    return per_instansi, set(pk)


def skala_per_instansi(instansi_list, pemda_ids) -> dict[int, tuple]:
    """{instansi_id: (Skala, [(predikat, colour)] best first)}: the agency's own scale, else its
    pemda's default."""
    skala = list(SkalaPredikat.objects.filter(pemda__in=pemda_ids).prefetch_related("rentang"))
    own = {s.instansi_id: s for s in skala if s.instansi_id}
    default = {s.pemda_id: s for s in skala if not s.instansi_id}
    dibaca, out = {}, {}
    for i in instansi_list:
        s = own.get(i.pk) or default.get(i.pemda_id)
        if s is not None:
            if s.pk not in dibaca:
                dibaca[s.pk] = (s.skala(), s.warna())
            out[i.pk] = dibaca[s.pk]
    return out


def ringkasan(instansi_list: list, tahun: int, hari_ini: date) -> list[RingkasanInstansi]:
    """One row per agency of `instansi_list` for the pemda dashboard."""
    ids = [i.pk for i in instansi_list]
    targets, punya_pk = targets_per_instansi(ids, tahun)
    indikator_ids = [t.indikator_id for ts in targets.values() for t in ts]
    tw = triwulan_terakhir(tahun, hari_ini)
    realisasi, terisi = {}, set()
    for ind, periode, nilai, mutu in Realisasi.objects.filter(
        indikator__in=indikator_ids, tahun=tahun, periode__in=("tahun", tw)
    ).values_list("indikator_id", "periode", "nilai", "mutu"):
        if periode == "tahun":
            realisasi[ind] = SimpleNamespace(nilai=nilai)
        if nilai is not None or mutu:
            terisi.add(ind)  # the annual value counts as the last quarter's
    status = {tk.instansi_id: tk for tk in TahunKinerja.objects.filter(instansi__in=ids, tahun=tahun)}
    wajib = [b for b in Narasi.Bagian.values if b not in Narasi.PER_POKOK]
    ditulis = Counter(
        Narasi.objects.filter(
            laporan__instansi__in=ids, laporan__tahun=tahun, bagian__in=wajib, sasaran=None, kegiatan=None
        )
        .exclude(teks="")
        .values_list("laporan__instansi_id", flat=True)
    )
    skala = skala_per_instansi(instansi_list, {i.pemda_id for i in instansi_list})

    @cache
    def predikat(sk, nilai):
        """Skala.predikat checks the whole scale on every call; capaian values repeat."""
        return sk.predikat(nilai) if sk and nilai is not None else None

    rows = []
    for i in instansi_list:
        ts = targets.get(i.pk, [])
        sk, warna = skala.get(i.pk, (None, []))
        hitungan = Counter()
        for t in ts:
            hasil = hitung(t.indikator, t, realisasi.get(t.indikator_id))
            hitungan[predikat(sk, hasil.dibulatkan) or TIDAK_DAPAT] += 1
        sebaran = [Sebaran(p, hitungan[p], w) for p, w in warna if hitungan[p]]
        if hitungan[TIDAK_DAPAT]:
            sebaran.append(Sebaran(TIDAK_DAPAT, hitungan[TIDAK_DAPAT], ""))
        rows.append(
            RingkasanInstansi(
                instansi=i,
                status=status.get(i.pk) or TahunKinerja(instansi=i, tahun=tahun),
                indikator=len(ts),
                sebaran=sebaran,
                tanpa_realisasi_triwulan=sum(1 for t in ts if t.indikator_id not in terisi) if tw else 0,
                narasi_kosong=len(wajib) - ditulis[i.pk],
                ada_pk=i.pk in punya_pk,
            )
        )
    return rows
