"""Checks a parsed `sakip/1` document beyond its types: references, duplicates, periods,
NIPs and predicate scales. Every problem is collected with the path where it is."""

from collections import Counter
from decimal import Decimal

from pydantic import ValidationError

from sakip.calc import nip as nip_rules
from sakip.calc.predikat import Rentang as RentangCalc
from sakip.calc.predikat import Skala
from sakip.calc.skm import ACUAN

from . import schema as s
from .errors import Path

# What pydantic's error types mean, said to an operator.
_PESAN = {
    "missing": "wajib diisi",
    "extra_forbidden": "kolom/isian tidak dikenal (periksa ejaannya)",
    "decimal_parsing": "bukan angka",
    "decimal_type": "bukan angka",
    "int_parsing": "bukan bilangan bulat",
    "int_type": "bukan bilangan bulat",
    "int_from_float": "harus bilangan bulat",
    "bool_parsing": "harus ya/tidak (true/false)",
    "bool_type": "harus ya/tidak (true/false)",
    "date_parsing": "bukan tanggal; tulis YYYY-MM-DD",
    "date_from_datetime_parsing": "bukan tanggal; tulis YYYY-MM-DD",
    "date_type": "bukan tanggal; tulis YYYY-MM-DD",
    "string_type": "harus teks",
    "list_type": "harus daftar",
    "model_type": "harus berupa objek",
    "model_attributes_type": "harus berupa objek",
    "dict_type": "harus berupa objek",
}


def pydantic_problems(error: ValidationError) -> list[tuple[Path, str]]:
    out = []
    for e in error.errors():
        kind, ctx = e["type"], e.get("ctx", {})
        value = e.get("input")
        shown = "" if kind in ("missing", "extra_forbidden") or isinstance(value, dict | list) else f" ({value!r})"
        if kind in ("literal_error", "enum"):
            msg = f"nilai {value!r} tidak dikenal; pilih salah satu: {ctx.get('expected', '')}"
        elif kind == "string_too_short":
            msg = "wajib diisi" if ctx.get("min_length") == 1 else f"terlalu pendek (min. {ctx['min_length']})"
        elif kind == "too_short":
            msg = f"minimal {ctx.get('min_length')} baris"
        elif kind == "string_too_long":
            msg = f"terlalu panjang (maks. {ctx.get('max_length')} karakter)"
        elif kind == "string_pattern_mismatch":
            msg = f"bentuknya salah{shown}; " + _pattern_hint(e["loc"])
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
            word = {
                "greater_than_equal": "minimal",
                "less_than_equal": "maksimal",
                "greater_than": "harus lebih dari",
                "less_than": "harus kurang dari",
            }[kind]
            msg = f"{word} {bound}{shown}"
        else:
            msg = _PESAN.get(kind, e["msg"]) + (shown if kind in _PESAN else "")
        out.append((tuple(e["loc"]), msg))
    return out


def _pattern_hint(loc) -> str:
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if field == "kode_pos":
        return "kode pos terdiri dari 5 angka"
    if field == "warna":
        return "tulis warna sebagai #RRGGBB"
    return "kode hanya boleh huruf, angka, titik, garis bawah dan tanda hubung, diawali huruf/angka"


def _dupes(items, key, path: Path, what: str, field: str, problems):
    seen = Counter(key(x) for x in items)
    reported = set()
    for i, x in enumerate(items):
        k = key(x)
        if seen[k] > 1 and k in reported:
            shown = k if not isinstance(k, tuple) else " / ".join(str(p) for p in k)
            problems.append(((*path, i, field), f"{what} {shown!s} tercantum lebih dari sekali"))
        reported.add(k)


class _Checker:
    def __init__(self, doc: s.Dokumen, known_metode: set[str], known_slugs_elsewhere: set[str]):
        self.doc = doc
        self.p: list[tuple[Path, str]] = []
        self.pejabat = {pj.kode for pj in doc.pejabat}
        self.metode = {m.kode: m for m in doc.metode_skm}
        self.known_metode = known_metode
        self.slugs_elsewhere = known_slugs_elsewhere

    def add(self, path: Path, msg: str):
        self.p.append((path, msg))

    def ref_pejabat(self, path: Path, kode):
        if kode is not None and kode not in self.pejabat:
            self.add(path, f"pejabat {kode!r} tidak ada di daftar pejabat")

    def run(self):
        d = self.doc
        _dupes(d.pejabat, lambda x: x.kode, ("pejabat",), "kode pejabat", "kode", self.p)
        for i, pj in enumerate(d.pejabat):
            if pj.nip:
                try:
                    nip_rules.parse_nip(pj.nip)
                except nip_rules.NipError as e:
                    self.add(("pejabat", i, "nip"), str(e))
        self.ref_pejabat(("pemda", "kepala"), d.pemda.kepala)
        self.check_rpjmd()
        self.check_metode()
        slugs = {ins.slug for ins in d.instansi}
        _dupes(d.instansi, lambda x: x.slug, ("instansi",), "instansi", "slug", self.p)
        self.check_skala(slugs)
        for i, ins in enumerate(d.instansi):
            _InstansiChecker(self, ("instansi", i), ins).run()
        return self.p

    def check_rpjmd(self):
        _dupes(self.doc.rpjmd, lambda x: x.tahun_awal, ("rpjmd",), "RPJMD tahun", "tahun_awal", self.p)
        for i, r in enumerate(self.doc.rpjmd):
            path = ("rpjmd", i)
            if r.tahun_akhir < r.tahun_awal:
                self.add((*path, "tahun_akhir"), "tahun akhir sebelum tahun awal")
            _dupes(r.misi, lambda x: x.nomor, (*path, "misi"), "misi nomor", "nomor", self.p)
            _dupes(r.sasaran, lambda x: x.kode, (*path, "sasaran"), "sasaran", "kode", self.p)
            nomor = {m.nomor for m in r.misi}
            for j, sp in enumerate(r.sasaran):
                if sp.misi is not None and sp.misi not in nomor:
                    self.add((*path, "sasaran", j, "misi"), f"misi nomor {sp.misi} tidak ada di RPJMD ini")

    def check_metode(self):
        _dupes(self.doc.metode_skm, lambda x: x.kode, ("metode_skm",), "metode", "kode", self.p)
        for i, m in enumerate(self.doc.metode_skm):
            _dupes(m.unsur, lambda x: x.nomor, ("metode_skm", i, "unsur"), "unsur nomor", "nomor", self.p)
            for j, u in enumerate(m.unsur):
                jawaban = [u.jawaban_1, u.jawaban_2, u.jawaban_3, u.jawaban_4]
                if any(jawaban) and not all(jawaban):
                    self.add(("metode_skm", i, "unsur", j), "isi keempat jawaban (a–d), atau kosongkan semuanya")

    def check_skala(self, slugs):
        _dupes(self.doc.skala_predikat, lambda x: x.kode, ("skala_predikat",), "skala", "kode", self.p)
        _dupes(self.doc.skala_predikat, lambda x: x.instansi, ("skala_predikat",), "skala untuk", "instansi", self.p)
        for i, sk in enumerate(self.doc.skala_predikat):
            path = ("skala_predikat", i)
            if sk.instansi is not None and sk.instansi not in slugs:
                self.add((*path, "instansi"), f"instansi {sk.instansi!r} tidak ada di berkas ini")
            calc = skala_calc(sk)
            for m in calc.periksa():
                msg = m.pesan
                if m.jenis == "celah":
                    usulan = "; ".join(f"{r.predikat} {r.label()}" for r in calc.usulan_setengah_terbuka().rentang)
                    msg += f" Usulan pembacaan setengah terbuka: {usulan}."
                self.add((*path, "rentang"), msg)


def skala_calc(sk: s.SkalaPredikat) -> Skala:
    return Skala(
        sk.nama, tuple(RentangCalc(r.predikat, r.bawah, r.bawah_inklusif, r.atas, r.atas_inklusif) for r in sk.rentang)
    )


def renstra_berlaku(ins: s.Instansi, tahun: int) -> tuple[int, s.Renstra] | None:
    """Index and version of the Renstra in force for `tahun` (same rule as Renstra.aktif)."""
    found = [
        (i, r)
        for i, r in enumerate(ins.renstra)
        if r.tahun_awal <= tahun <= r.tahun_akhir and (r.berlaku_mulai or r.tahun_awal) <= tahun
    ]
    return max(found, key=lambda ir: ir[1].versi, default=None)


class _InstansiChecker:
    def __init__(self, top: _Checker, path: Path, ins: s.Instansi):
        self.top, self.path, self.ins = top, path, ins
        self.codes = {}  # renstra index -> {"indikator": set, ...}

    def add(self, path, msg):
        self.top.add(path, msg)

    def run(self):
        ins, path = self.ins, self.path
        self.top.ref_pejabat((*path, "kepala"), ins.kepala)
        units = {u.kode: u for u in ins.unit}
        _dupes(ins.unit, lambda x: x.kode, (*path, "unit"), "unit", "kode", self.top.p)
        for j, u in enumerate(ins.unit):
            if u.induk is not None and u.induk not in units:
                self.add((*path, "unit", j, "induk"), f"unit induk {u.induk!r} tidak ada")
            seen, cur = {u.kode}, u
            while cur.induk in units:
                cur = units[cur.induk]
                if cur.kode in seen:
                    self.add((*path, "unit", j, "induk"), "susunan unit berputar (unit menjadi induk dirinya)")
                    break
                seen.add(cur.kode)
        self.units = set(units)
        _dupes(ins.renstra, lambda x: x.kode, (*path, "renstra"), "Renstra", "kode", self.top.p)
        _dupes(
            ins.renstra,
            lambda x: (x.tahun_awal, x.versi),
            (*path, "renstra"),
            "Renstra tahun awal/versi",
            "versi",
            self.top.p,
        )
        for j, r in enumerate(ins.renstra):
            self.codes[j] = self.check_renstra((*path, "renstra", j), r)
        self.check_documents()
        self.check_measurement()
        self.check_reporting()

    def check_renstra(self, path, r: s.Renstra):
        if r.tahun_akhir < r.tahun_awal:
            self.add((*path, "tahun_akhir"), "tahun akhir sebelum tahun awal")
        if r.berlaku_mulai is not None and not r.tahun_awal <= r.berlaku_mulai <= r.tahun_akhir:
            self.add(
                (*path, "berlaku_mulai"),
                f"tahun {r.berlaku_mulai} di luar periode Renstra {r.tahun_awal}–{r.tahun_akhir}",
            )
        pemda_sasaran = {sp.kode for rp in self.top.doc.rpjmd for sp in rp.sasaran}
        codes = {}
        for name in ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "indikator"):
            items = getattr(r, name)
            label = name.replace("_", " ")
            _dupes(items, lambda x: x.kode, (*path, name), label, "kode", self.top.p)
            codes[name] = {x.kode for x in items}

        def ref(p, kind, kode):
            if kode is not None and kode not in codes[kind]:
                self.add(p, f"{kind.replace('_', ' ')} {kode!r} tidak ada di Renstra {r.kode}")

        for j, t in enumerate(r.tujuan):
            if t.sasaran_pemda is not None and t.sasaran_pemda not in pemda_sasaran:
                self.add((*path, "tujuan", j, "sasaran_pemda"), f"sasaran pemda {t.sasaran_pemda!r} tidak ada di RPJMD")
        for j, x in enumerate(r.sasaran):
            ref((*path, "sasaran", j, "tujuan"), "tujuan", x.tujuan)
        for name in ("strategi", "kebijakan"):
            for j, x in enumerate(getattr(r, name)):
                ref((*path, name, j, "sasaran"), "sasaran", x.sasaran)
        for j, x in enumerate(r.program):
            ref((*path, "program", j, "sasaran"), "sasaran", x.sasaran)
        for j, x in enumerate(r.kegiatan):
            ref((*path, "kegiatan", j, "program"), "program", x.program)
        for j, x in enumerate(r.sub_kegiatan):
            ref((*path, "sub_kegiatan", j, "kegiatan"), "kegiatan", x.kegiatan)
        owners = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
        induk = {x.kode: x.induk for x in r.indikator}
        for j, x in enumerate(r.indikator):
            p = (*path, "indikator", j)
            given = [o for o in owners if getattr(x, o) is not None]
            if len(given) != 1:
                self.add(
                    p,
                    "isi tepat satu dari tujuan, sasaran, program, kegiatan, sub_kegiatan"
                    f" (terisi: {', '.join(given) or 'tidak ada'})",
                )
            for o in given:
                ref((*p, o), o, getattr(x, o))
            if x.induk is not None:
                if x.induk not in induk:
                    self.add((*p, "induk"), f"indikator induk {x.induk!r} tidak ada di Renstra {r.kode}")
                elif induk[x.induk] is not None or x.induk == x.kode:
                    self.add((*p, "induk"), "komponen hanya boleh satu tingkat di bawah indikator gabungan")
            for k, unit in enumerate(x.penanggung_jawab):
                if unit not in self.units:
                    self.add((*p, "penanggung_jawab", k), f"unit {unit!r} tidak ada di susunan organisasi")
        _dupes(
            r.target, lambda x: (x.indikator, x.tahun), (*path, "target"), "target indikator/tahun", "tahun", self.top.p
        )
        for j, t in enumerate(r.target):
            p = (*path, "target", j)
            ref((*p, "indikator"), "indikator", t.indikator)
            if not r.tahun_awal <= t.tahun <= r.tahun_akhir:
                self.add((*p, "tahun"), f"tahun {t.tahun} di luar periode Renstra {r.tahun_awal}–{r.tahun_akhir}")
            _check_range(self, p, t)
        return codes

    def in_force(self, path, tahun):
        """Codes of the Renstra in force for the year, or a problem at `path`."""
        found = renstra_berlaku(self.ins, tahun)
        if found is None:
            periods = ", ".join(f"{r.tahun_awal}–{r.tahun_akhir}" for r in self.ins.renstra) or "belum ada"
            self.add(path, f"tahun {tahun} di luar periode Renstra ({periods})")
            return None
        return found[1].kode, self.codes[found[0]]

    def ref_year(self, path, tahun, kind, kode, year_path=None):
        if kode is None:
            return
        found = self.in_force(year_path or path, tahun)
        if found and kode not in found[1][kind]:
            self.add(path, f"{kind.replace('_', ' ')} {kode!r} tidak ada di Renstra {found[0]} (berlaku untuk {tahun})")

    def check_documents(self):
        ins, path = self.ins, self.path
        _dupes(ins.rkt, lambda x: x.tahun, (*path, "rkt"), "RKT tahun", "tahun", self.top.p)
        for j, d in enumerate(ins.rkt):
            p = (*path, "rkt", j)
            self.top.ref_pejabat((*p, "penandatangan"), d.penandatangan)
            self.check_targets(p, d)
        _dupes(
            ins.perjanjian_kinerja,
            lambda x: (x.tahun, x.versi),
            (*path, "perjanjian_kinerja"),
            "Perjanjian Kinerja tahun/versi",
            "versi",
            self.top.p,
        )
        for j, d in enumerate(ins.perjanjian_kinerja):
            p = (*path, "perjanjian_kinerja", j)
            self.top.ref_pejabat((*p, "pihak_pertama"), d.pihak_pertama)
            self.top.ref_pejabat((*p, "pihak_kedua"), d.pihak_kedua)
            self.check_targets(p, d)
            own = {t.indikator for t in d.target}
            _dupes(
                d.rencana_aksi,
                lambda x: (x.indikator, x.triwulan),
                (*p, "rencana_aksi"),
                "rencana aksi indikator/triwulan",
                "triwulan",
                self.top.p,
            )
            for k, ra in enumerate(d.rencana_aksi):
                _check_range(self, (*p, "rencana_aksi", k), ra)
                if ra.indikator not in own:
                    self.add(
                        (*p, "rencana_aksi", k, "indikator"),
                        f"indikator {ra.indikator!r} tidak ada di tabel target perjanjian ini",
                    )
            _dupes(d.program, lambda x: x.program, (*p, "program"), "program", "program", self.top.p)
            for k, pr in enumerate(d.program):
                self.ref_year((*p, "program", k, "program"), d.tahun, "program", pr.program, (*p, "tahun"))
        _dupes(ins.keputusan_iku, lambda x: x.nomor, (*path, "keputusan_iku"), "keputusan nomor", "nomor", self.top.p)
        for j, d in enumerate(ins.keputusan_iku):
            p = (*path, "keputusan_iku", j)
            self.top.ref_pejabat((*p, "penandatangan"), d.penandatangan)
            for k, kode in enumerate(d.indikator):
                self.ref_year((*p, "indikator", k), d.tahun, "indikator", kode, (*p, "tahun"))

    def check_targets(self, p, d):
        _dupes(d.target, lambda x: x.indikator, (*p, "target"), "target indikator", "indikator", self.top.p)
        for k, t in enumerate(d.target):
            self.ref_year((*p, "target", k, "indikator"), d.tahun, "indikator", t.indikator, (*p, "tahun"))
            _check_range(self, (*p, "target", k), t)

    def check_measurement(self):
        ins, path = self.ins, self.path
        _dupes(
            ins.realisasi,
            lambda x: (x.indikator, x.tahun, x.periode),
            (*path, "realisasi"),
            "realisasi indikator/tahun/periode",
            "periode",
            self.top.p,
        )
        for j, x in enumerate(ins.realisasi):
            p = (*path, "realisasi", j)
            self.ref_year((*p, "indikator"), x.tahun, "indikator", x.indikator, (*p, "tahun"))
            if x.penyebut == 0:
                self.add((*p, "penyebut"), "penyebut tidak boleh nol")
        _dupes(
            ins.realisasi_nasional,
            lambda x: (x.indikator, x.tahun),
            (*path, "realisasi_nasional"),
            "realisasi nasional indikator/tahun",
            "tahun",
            self.top.p,
        )
        for j, x in enumerate(ins.realisasi_nasional):
            p = (*path, "realisasi_nasional", j)
            self.ref_year((*p, "indikator"), x.tahun, "indikator", x.indikator, (*p, "tahun"))
        _dupes(
            ins.anggaran,
            lambda x: (x.tahun, x.program, x.kegiatan, x.sub_kegiatan),
            (*path, "anggaran"),
            "anggaran tahun/program/kegiatan/sub kegiatan",
            "tahun",
            self.top.p,
        )
        for j, x in enumerate(ins.anggaran):
            p = (*path, "anggaran", j)
            given = [k for k in ("program", "kegiatan", "sub_kegiatan") if getattr(x, k) is not None]
            if len(given) != 1:
                self.add(
                    p,
                    f"isi tepat satu dari program, kegiatan, sub_kegiatan (terisi: {', '.join(given) or 'tidak ada'})",
                )
            for k in given:
                self.ref_year((*p, k), x.tahun, k, getattr(x, k), (*p, "tahun"))
        _dupes(
            ins.belanja, lambda x: (x.tahun, x.jenis), (*path, "belanja"), "belanja tahun/jenis", "jenis", self.top.p
        )

    def check_responden(self, sv, p, metode):
        """Answers per respondent: one per unsur of the method, never beside a distribution."""
        if sv.responden and sv.distribusi:
            self.add((*p, "responden"), "isi jawaban per responden atau distribusi jawaban, tidak keduanya")
        _dupes(sv.responden, lambda x: x.nomor, (*p, "responden"), "responden nomor", "nomor", self.top.p)
        n = len(metode.unsur) if metode else len(ACUAN[sv.metode].unsur) if sv.metode in ACUAN else None
        for k, r in enumerate(sv.responden):
            if n is not None and len(r.jawaban) != n:
                self.add(
                    (*p, "responden", k, "jawaban"),
                    f"{len(r.jawaban)} jawaban, seharusnya {n} (satu per unsur metode {sv.metode})",
                )

    def check_reporting(self):
        ins, path = self.ins, self.path
        _dupes(ins.survei_skm, lambda x: x.kode, (*path, "survei_skm"), "survei", "kode", self.top.p)
        for j, sv in enumerate(ins.survei_skm):
            p = (*path, "survei_skm", j)
            metode = self.top.metode.get(sv.metode)
            if metode is None and sv.metode not in self.top.known_metode:
                self.add((*p, "metode"), f"metode SKM {sv.metode!r} tidak dikenal")
            self.ref_year((*p, "indikator"), sv.tahun, "indikator", sv.indikator, (*p, "tahun"))
            if sv.unit is not None and sv.unit not in self.units:
                self.add((*p, "unit"), f"unit {sv.unit!r} tidak ada di susunan organisasi")
            if sv.mulai and sv.selesai and sv.mulai > sv.selesai:
                self.add((*p, "selesai"), "akhir periode survei sebelum awalnya")
            self.check_responden(sv, p, metode)
            unsur = {u.nomor for u in metode.unsur} if metode else None
            _dupes(sv.distribusi, lambda x: x.unsur, (*p, "distribusi"), "unsur", "unsur", self.top.p)
            for k, dj in enumerate(sv.distribusi):
                q = (*p, "distribusi", k)
                if unsur is not None and dj.unsur not in unsur:
                    self.add((*q, "unsur"), f"unsur nomor {dj.unsur} tidak ada di metode {sv.metode}")
                values = [dj.persen_1, dj.persen_2, dj.persen_3, dj.persen_4]
                filled = [v for v in values if v is not None]
                counts = [v for v in (dj.jumlah_1, dj.jumlah_2, dj.jumlah_3, dj.jumlah_4) if v is not None]
                if filled and len(filled) < 4:
                    self.add(q, "isi keempat persentase jawaban, atau kosongkan semuanya")
                elif filled and abs(sum(filled) - 100) > 1:
                    self.add(q, f"jumlah persentase jawaban {sum(filled)} %, seharusnya 100 %")
                if counts and (len(counts) < 4 or filled):
                    self.add(q, "isi keempat jumlah jawaban tanpa persentase, atau kosongkan semuanya")
        _dupes(ins.laporan, lambda x: x.tahun, (*path, "laporan"), "laporan tahun", "tahun", self.top.p)
        for j, lp in enumerate(ins.laporan):
            p = (*path, "laporan", j)
            self.top.ref_pejabat((*p, "penandatangan"), lp.penandatangan)
            _dupes(
                lp.narasi,
                lambda x: (x.bagian, x.sasaran, x.kegiatan),
                (*p, "narasi"),
                "narasi bagian/sasaran/kegiatan",
                "bagian",
                self.top.p,
            )
            for k, n in enumerate(lp.narasi):
                q = (*p, "narasi", k)
                for field, bagian in (("sasaran", "analisis"), ("kegiatan", "pelaksanaan_kegiatan")):
                    if (n.bagian == bagian) != (getattr(n, field) is not None):
                        self.add((*q, field), f"{field} diisi untuk bagian {bagian} saja, dan wajib di sana")
                    self.ref_year((*q, field), lp.tahun, field, getattr(n, field), (*p, "tahun"))


def _check_range(checker, path, t):
    if t.nilai_atas is not None and (t.nilai is None or t.nilai_atas < t.nilai):
        checker.add((*path, "nilai_atas"), "batas atas target rentang harus ≥ nilai (batas bawah)")


def check(doc: s.Dokumen, known_metode: set[str] = frozenset(), slugs_elsewhere: set[str] = frozenset()):
    """Every semantic problem of the document as (path, message)."""
    problems = _Checker(doc, set(known_metode), set(slugs_elsewhere)).run()
    return problems


def decimal_sum(values) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))
