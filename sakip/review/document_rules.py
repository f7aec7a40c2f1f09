"""Document reviu: what a careful auditor checks in an LKIP, on the tables and sentences the
reader found. Each rule returns findings with a stable rule id; `reviu_dokumen` runs them all.

Precision comes first: a figure is wrong only when no legitimate reading makes it right
(half-up rounding at the printed precision, results from unrounded inputs, any capaian formula
the report itself states). Disagreements between planning documents are warnings (a PK may be
revised), disagreements inside the measurement chapter are errors."""

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.calc import Rentang, Skala, bulatkan, capaian
from sakip.calc.reviu import (
    ERROR,
    INFO,
    METODE_MUTU,
    NUMBER,
    WARNING,
    Angka,
    Nilai,
    Temuan,
    angka_teks,
    baca_angka,
    baca_nilai,
    bulat_teks,
    cocok_rumus,
    dibulatkan_sama,
    metode_disebut,
    persen_dari,
    salah_format,
    urutkan,
)
from sakip.calc.skm import nrr_distribusi, skala_100

from .reader import Document, Paragraph, Row, Table

WORD_NUMBERS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
}
_N = r"(\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)(?:\s*\([a-zA-Z ]+\))?"


def _int(word: str) -> int:
    return int(word) if word.isdigit() else WORD_NUMBERS[word.lower()]


def _year(text: str) -> int | None:
    m = re.search(r"\b((?:19|20)\d\d)\b", text)
    return int(m.group(1)) if m else None


# --------------------------------------------------------------------------- columns
def cols(t: Table, pattern: str, exclude: str = r"(?!)") -> list[int]:
    """Columns whose name matches; a word a narrow PDF column broke in two ("Realisas i") counts."""

    def match(p, name):
        return re.search(p, name, re.I) or re.search(p, name.replace(" ", ""), re.I)

    return [i for i, name in enumerate(t.columns) if match(pattern, name) and not match(exclude, name)]


def col(t: Table, pattern: str, exclude: str = r"(?!)") -> int | None:
    found = cols(t, pattern, exclude)
    return found[0] if found else None


def single_number(text: str) -> Angka | None:
    """The one number of a value cell, or None (empty, several numbers, words)."""
    v = baca_nilai(text)
    return v.angka if v and v.atas is None else None


_KEGIATAN_FIRST = r"^(kegiatan|program|uraian|sub ?kegiatan)"


# --------------------------------------------------------------------------- the scale
_RANGE_WORDS = [
    (re.compile(r"^(?:lebih dari|di ?atas|>|x\s*>)\s*([\d.,]+)\s*%?$", re.I), "gt"),
    (re.compile(r"^(?:≥|>=|x\s*≥)\s*([\d.,]+)\s*%?$", re.I), "ge"),
    (re.compile(r"^(?:kurang dari|di ?bawah|<|x\s*<)\s*([\d.,]+)\s*%?$", re.I), "lt"),
    (re.compile(r"^(?:≤|<=|x\s*≤)\s*([\d.,]+)\s*%?$", re.I), "le"),
]
_BETWEEN = re.compile(
    r"^(>)?\s*([\d.,]+)\s*%?\s*(?:s/d|sampai dengan|s\.d\.?|–|-|≤\s*x\s*≤|≤\s*x\s*<|<\s*x\s*≤|<\s*x\s*<)\s*([\d.,]+)\s*%?$",
    re.I,
)


def parse_band(text: str, predikat: str) -> Rentang | None:
    t = " ".join(text.split())
    for pattern, kind in _RANGE_WORDS:
        m = pattern.match(t)
        if m and (a := baca_angka(m.group(1))):
            return {
                "gt": Rentang(predikat, a.nilai, False, None, False),
                "ge": Rentang(predikat, a.nilai, True, None, False),
                "lt": Rentang(predikat, None, False, a.nilai, False),
                "le": Rentang(predikat, None, False, a.nilai, True),
            }[kind]
    m = _BETWEEN.match(t)
    if m and (lo := baca_angka(m.group(2))) and (hi := baca_angka(m.group(3))):
        op = re.search(r"[<≤]\s*x\s*([<≤])", t)
        low_open = bool(m.group(1)) or bool(re.search(r"<\s*x", t))
        high_open = bool(op and op.group(1) == "<")
        return Rentang(predikat, lo.nilai, not low_open, hi.nilai, not high_open)
    return None


@dataclass
class Scale:
    table: Table
    skala: Skala
    lookup: Skala  # the half-open reading when the written scale has gaps

    def predikat(self, value: Decimal) -> str | None:
        v = value.quantize(Decimal("0.01"))
        for r in self.lookup.rentang:
            if r.memuat(v):
                return r.predikat
        return None


def find_scale(doc: Document) -> Scale | None:
    for t in doc.tables:
        bands = []
        for row in t.rows:
            texts = [c.text for c in row.cells if c.origin and c.text.strip()]
            for i, text in enumerate(texts):
                words = [w for w in texts[i + 1 :] + texts[:i] if re.fullmatch(r"[A-Za-z ]{3,30}", w)]
                band = parse_band(text, words[0].strip().title()) if words else None
                if band:
                    bands.append(band)
                    break
        if len(bands) >= 3:
            skala = Skala(t.name, tuple(bands))
            return Scale(t, skala, skala.usulan_setengah_terbuka())
    return None


# --------------------------------------------------------------------------- context
FORMULAS = {
    "positif": lambda t, r: r * 100 / t,
    "negatif": lambda t, r: (2 * t - r) * 100 / t,
    "negatif-rasio": lambda t, r: t * 100 / r,
}
FORMULA_NAMES = {
    "positif": "realisasi / target × 100",
    "negatif": "(2 × target − realisasi) / target × 100",
    "negatif-rasio": "target / realisasi × 100",
}


@dataclass
class Context:
    doc: Document
    tahun: int | None
    tahun_akhir_renstra: int | None
    formulas: set[str]
    scale: Scale | None
    metode_skm: object
    ukur: Table | None  # the measurement table (target, realisasi, capaian per indicator)
    rows: list = field(default_factory=list)  # MeasuredRow of the measurement table
    sasaran: dict = field(default_factory=dict)  # number → wording tokens, as the narrative numbers them


def report_year(doc: Document) -> int | None:
    head = doc.paragraphs[:15]
    for p in head:
        m = re.fullmatch(r"(?:TAHUN|Tahun)\s+((?:19|20)\d\d)", p.text)
        if m:
            return int(m.group(1))
    years = Counter(y for p in doc.paragraphs if p.heading for y in map(int, re.findall(r"\b(20\d\d)\b", p.text)))
    if not years:
        years = Counter(int(y) for p in doc.paragraphs[:40] for y in re.findall(r"\b(20\d\d)\b", p.text))
    return years.most_common(1)[0][0] if years else None


def stated_formulas(doc: Document) -> set[str]:
    found = {"positif"}
    for p in doc.paragraphs:
        t = re.sub(r"\\text\{([^}]*)\}", r"\1", p.text.lower()).replace("−", "-")
        t = re.sub(r"\\frac\{(.*?)\}\{(.*?)\}", r"\1/\2", t)
        t = re.sub(r"[\s(){}]", "", t)
        if "target-realisasi-target" in t or "2t-r" in t:
            found.add("negatif")
        if re.search(r"target/realisasi", t):
            found.add("negatif-rasio")
    return found


def build_context(doc: Document) -> Context:
    tahun = report_year(doc)
    akhir = None
    for p in doc.paragraphs + [Paragraph(t.title, "", "") for t in doc.tables]:
        m = re.search(
            r"(?:Renstra|Rencana Strategis|RS\))[^.]{0,120}?((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", p.text, re.I
        )
        if m:
            akhir = int(m.group(2))
            break
    ctx = Context(doc, tahun, akhir, stated_formulas(doc), find_scale(doc), None, None)
    ctx.metode_skm = metode_disebut(" ".join(p.text for p in doc.paragraphs))
    ctx.sasaran = sasaran_names(doc)
    ctx.ukur = next((t for t in doc.tables if _is_measurement(t)), None)
    if ctx.ukur:
        ctx.rows = measured_rows(ctx, ctx.ukur)
    return ctx


def _is_measurement(t: Table) -> bool:
    return (
        col(t, "indikator") is not None
        and col(t, r"^target$|^target\b", "akhir|kegiatan|program") is not None
        and col(t, r"realisasi", r"nasional|th\.|\b(19|20)\d\d") is not None
        and (col(t, "capaian|predikat") is not None)
    )


# --------------------------------------------------------------------------- measurement rows
@dataclass
class MeasuredRow:
    row: Row
    sasaran: int | None
    indikator: str
    target: Nilai | None
    realisasi: Nilai | None
    capaian_tertulis: Angka | None
    predikat_tertulis: str
    capaian: dict  # formula name → Decimal (computed from target and realisasi)

    def capaian_utama(self, formulas: set[str]) -> Decimal | None:
        """The capaian the table prints (checked on its own by `persen-rasio`), else the one
        computed with the first formula the report states."""
        if self.capaian_tertulis:
            return self.capaian_tertulis.nilai
        return next((self.capaian[f] for f in ("positif", *sorted(formulas)) if f in self.capaian), None)


def compute_capaian(target: Nilai | None, realisasi: Nilai | None) -> dict:
    if not target or not realisasi or not target.angka or not realisasi.angka:
        return {}
    out = {}
    for name in FORMULAS:
        h = capaian(
            target.angka.nilai,
            realisasi.angka.nilai,
            name,
            target_atas=target.atas.nilai if target.atas else None,
        )
        if h.dapat_dihitung:
            out[name] = h.nilai
    return out


def measured_rows(ctx: Context, t: Table) -> list[MeasuredRow]:
    i_ind = col(t, "indikator")
    i_t = col(t, r"^target", "akhir")
    i_r = col(t, "realisasi", "nasional")
    i_c = col(t, "capaian|kemajuan")
    i_p = col(t, "predikat")
    i_s = col(t, "sasaran")
    out, sasaran = [], None
    for row in t.rows:
        first = row.cells[0]
        if first.origin and (m := re.match(r"^(\d+)\.?$", first.text.strip())):
            sasaran = int(m.group(1))
        named = _sasaran_number(ctx, row.text(i_s)) if i_s is not None and i_s != i_ind else None
        sasaran = named or sasaran
        name = strip_number(row.text(i_ind))
        if not name:
            continue
        target, real = baca_nilai(row.text(i_t)), baca_nilai(row.text(i_r))
        cap_text = row.text(i_c) if i_c is not None else ""
        cap = single_number(cap_text)
        pred = row.text(i_p).strip() or ("" if cap else cap_text)
        out.append(MeasuredRow(row, sasaran, name, target, real, cap, pred.strip(), compute_capaian(target, real)))
    return out


_SASARAN_NAME = re.compile(r"^(?:\d+\.\s*)?Sasaran\s+(\d+)\s*:\s*(.+?)(?:\s+mendapat\b.*)?$")


def sasaran_names(doc: Document) -> dict[int, frozenset]:
    """'Sasaran 2: Meningkatnya …' as the narrative and headings number the sasaran."""
    names: dict[int, frozenset] = {}
    for p in doc.paragraphs:
        m = _SASARAN_NAME.match(p.text)
        if m and len(m.group(2)) < 200 and not p.section.startswith("DAFTAR ISI") and "...." not in p.text:
            names[int(m.group(1))] = tokens(m.group(2))  # the last: table-of-contents entries come first
    return names


def _sasaran_number(ctx: Context, text: str) -> int | None:
    """The number the report gives the sasaran of a table row, found by its wording."""
    toks = tokens(text)
    scored = [(similar(toks, name), k) for k, name in ctx.sasaran.items()]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] > 0 else None


def strip_number(text: str) -> str:
    return re.sub(r"^\s*\d+\s*[.)]?\s+", "", text).strip()


# --------------------------------------------------------------------------- indicator names
_STOP = {
    "yang",
    "dan",
    "di",
    "pada",
    "dalam",
    "dengan",
    "ke",
    "dari",
    "untuk",
    "atas",
    "oleh",
    "serta",
    "tahun",
    "satu",
}
_FILLER = {"nilai", "hasil", "jumlah", "tingkat", "persen", "indeks", "angka", "capaian", "rasio"}
_SYNONYMS = {
    "prosentase": "persen",
    "prosentasi": "persen",
    "persentase": "persen",
    "presentase": "persen",
    "survey": "survei",
    "survai": "survei",
    "ketenteraman": "ketentraman",
}


def tokens(name: str) -> frozenset[str]:
    t = name.lower().replace("%", " persen ")
    t = re.sub(r"di\s*tindak\s*lanjut", "ditindaklanjut", t)
    t = re.sub(r"\bkess?os\b", "kesejahteraan sosial", t)
    words = re.findall(r"[a-z]{2,}|\d[\d.]*", t)
    return frozenset(_SYNONYMS.get(w, w.replace(".", "")) for w in words if w not in _STOP)


def similar(a: frozenset, b: frozenset) -> float:
    """How surely two indicator names are one indicator (0 = not at all).

    Numbers in both names must agree ("Indikator 1" is not "Indikator 4"; AKI per 100.000 is
    not AKB per 1.000); a number in one name only ("dalam 1 tahun") does not count."""
    na, nb = {x for x in a if x.isdigit()}, {x for x in b if x.isdigit()}
    if na and nb and na != nb:
        return 0.0
    a, b = a - na, b - nb
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    overlap = len(a & b) / len(small)
    extra = small - big - _FILLER
    if overlap >= 0.7 and not extra:
        return overlap
    if overlap >= 0.8 and len(extra) <= 1 and len(small) >= 6:
        return overlap - 0.1
    return 0.0


# --------------------------------------------------------------------------- rule: totals
TOTAL_LABEL = re.compile(r"^(jumlah|total)(\s+(total|keseluruhan|seluruhnya))?\s*:?$", re.I)
_ROMAN = re.compile(r"^[IVX]{1,5}\.?$")
_ARABIC = re.compile(r"^\d{1,3}\.?$")
_PERCENT_COL = r"%|capaian|proporsi|serapan|persen|kemajuan|nilai|skor|^no\.?$|tahun|hal$"


def numeric_columns(t: Table, rows: list[Row]) -> list[int]:
    out = []
    for c, name in enumerate(t.columns):
        if re.search(_PERCENT_COL, name, re.I):
            continue
        vals = [r.cells[c] for r in rows if c < len(r.cells) and r.cells[c].origin and r.cells[c].text.strip()]
        nums = [v for v in vals if single_number(v.text) is not None and "%" not in v.text]
        if vals and len(nums) >= max(2, len(vals) * 0.8):
            out.append(c)
    return out


def _value(row: Row, c: int) -> Decimal | None:
    cell = row.cells[c]
    if not cell.origin:
        return None
    a = single_number(cell.text)
    return a.nilai if a else None


def _collapse(items: list[tuple[Row, list]]) -> list[tuple[Row, list]]:
    """Rows that are the sum of the rows right after them (a kegiatan over its sub kegiatan)
    take those rows as children; what remains is the top level."""
    top, i = [], 0
    while i < len(items):
        row, vals = items[i]
        j, run = i + 1, [Decimal(0)] * len(vals)
        grouped = False
        while j < len(items) and vals[0] is not None:
            run = [a + (b or 0) for a, b in zip(run, items[j][1], strict=True)]
            j += 1
            if run[0] == vals[0] and all(v is None or s == v for v, s in zip(vals, run, strict=True)):
                grouped = True
                break
            if run[0] > vals[0]:
                break
        top.append((row, vals))
        i = j if grouped else i + 1
    return top


def rule_totals(ctx: Context) -> list[Temuan]:
    out = []
    for t in ctx.doc.tables:
        for k, row in enumerate(t.rows):
            if not TOTAL_LABEL.match(row.label()):
                continue
            body = t.rows[:k]
            numeric = numeric_columns(t, body + [row])
            if not numeric:
                continue
            i_no = col(t, r"^no\.?$") if col(t, r"^no\.?$") is not None else 0
            items = [
                (r, [_value(r, c) for c in numeric]) for r in body if any(_value(r, c) is not None for c in numeric)
            ]
            romans = [i for i, (r, _) in enumerate(items) if _ROMAN.match(r.text(i_no).strip())]
            for a, b in zip(romans, [*romans[1:], len(items)], strict=False):  # each program I, II … over its rows
                out += _against_rows(t, *items[a], items[a + 1 : b], numeric)
            out += _against_rows(
                t, row, [_value(row, c) for c in numeric], [items[i] for i in romans] or items, numeric
            )
    return out


def _against_rows(t: Table, row: Row, stated: list, rows: list, numeric: list[int]) -> list[Temuan]:
    """A row's figures against the sum of the rows it sums up (taken at their top level)."""
    if not rows:
        return []
    flat_ok = all(_total_ok(stated[n], [v[n] for _, v in rows]) for n in range(len(numeric)))
    top = rows if flat_ok else _collapse(rows)
    out = []
    for n, c in enumerate(numeric):
        vals = [v[n] for _, v in top]
        if _total_ok(stated[n], vals):
            continue
        total = sum(vals, Decimal(0))
        out.append(
            Temuan(
                "total-baris",
                ERROR,
                t.place(row, t.columns[c]),
                f"{row.label()}: kolom {t.columns[c]} tertulis {_money(stated[n])}, sedangkan jumlah rinciannya "
                f"{_money(total)} (selisih {_money(stated[n] - total)}).",
                row.text(c),
                _money(total),
            )
        )
    return out


def _total_ok(stated: Decimal | None, vals: list) -> bool:
    return stated is None or any(v is None for v in vals) or stated == sum(vals, Decimal(0))


def _money(v: Decimal) -> str:
    return angka_teks(Angka(v, 2))


# --------------------------------------------------------------------------- rule: percentages
def rule_percentages(ctx: Context) -> list[Temuan]:
    """Capaian, tingkat kemajuan and serapan against their own numerator and denominator."""
    out = []
    for t in ctx.doc.tables:
        i_pagu = col(t, r"anggaran|pagu", "kegiatan|program")
        i_real = col(t, "realisasi", "nasional|th\\.|(19|20)\\d\\d")
        i_pct = col(t, r"^%$|capaian|serapan|\(%\)")
        if i_pagu is not None and i_real is not None and i_pct is not None and i_pct not in (i_pagu, i_real):
            for row in t.rows:
                p, r, s = (single_number(row.text(i)) for i in (i_pagu, i_real, i_pct))
                if not (p and r and s) or not p.nilai:
                    continue
                if not dibulatkan_sama(s, persen_dari(r.nilai, p.nilai)):  # money is printed to the sen: exact
                    exact = persen_dari(r.nilai, p.nilai)
                    out.append(
                        Temuan(
                            "persen-rasio",
                            ERROR,
                            t.place(row, t.columns[i_pct]),
                            f"Persentase tertulis {angka_teks(s)}, sedangkan {angka_teks(r)} / {angka_teks(p)} × 100 = "
                            f"{bulat_teks(exact)}.",
                            row.text(i_pct),
                            bulat_teks(exact),
                        )
                    )
            continue
        i_ind = col(t, "indikator")
        if i_ind is None:
            continue
        i_t = col(t, r"target")
        i_r = col(t, "realisasi", "nasional")
        i_c = col(t, "capaian|kemajuan")
        if None in (i_t, i_r, i_c):
            continue
        for row in t.rows:
            s = single_number(row.text(i_c))
            target, real = baca_nilai(row.text(i_t)), baca_nilai(row.text(i_r))
            if not s or not target or not real or not target.angka or not real.angka:
                continue
            out += _check_capaian(ctx, t, row, t.columns[i_c], s, target, real)
    return out


def _check_capaian(ctx, t, row, column, s: Angka, target: Nilai, real: Nilai) -> list[Temuan]:
    matches = []
    for name, f in FORMULAS.items():
        if target.atas:
            h = capaian(target.angka.nilai, real.angka.nilai, name, target_atas=target.atas.nilai)
            ok = h.dapat_dihitung and dibulatkan_sama(s, h.nilai)
        else:
            ok = cocok_rumus(s, f, target.angka, real.angka)
        if ok:
            matches.append(name)
    if any(m in ctx.formulas for m in matches):
        return []
    if target.atas and not matches:
        bounds = [
            b
            for b in (target.angka, target.atas)
            if any(cocok_rumus(s, FORMULAS[f], b, real.angka) for f in ctx.formulas)
        ]
        if bounds:
            return [
                Temuan(
                    "persen-rasio",
                    WARNING,
                    t.place(row, column),
                    f"Target {target.teks} adalah rentang; {angka_teks(s)} dihitung terhadap batas {angka_teks(bounds[0])} "
                    f"saja, padahal realisasi {real.teks} "
                    + (
                        "berada di dalam rentang (capaian 100 %)."
                        if target.angka.nilai <= real.angka.nilai <= target.atas.nilai
                        else "dinilai terhadap batas terdekat."
                    ),
                    angka_teks(s),
                )
            ]
    computed = capaian(
        target.angka.nilai, real.angka.nilai, "positif", target_atas=target.atas.nilai if target.atas else None
    )
    if matches:
        return [
            Temuan(
                "persen-rasio",
                WARNING,
                t.place(row, column),
                f"Capaian {angka_teks(s)} hanya sesuai dengan rumus {FORMULA_NAMES[matches[0]]}, yang tidak "
                "dinyatakan dalam laporan.",
                angka_teks(s),
                bulat_teks(computed.nilai) if computed.dapat_dihitung else "",
            )
        ]
    return [
        Temuan(
            "persen-rasio",
            ERROR,
            t.place(row, column),
            f"Capaian tertulis {angka_teks(s)}, sedangkan target {target.teks} dan realisasi {real.teks} memberi "
            + (f"{bulat_teks(computed.nilai)}" if computed.dapat_dihitung else "nilai lain")
            + f" (rumus yang dinyatakan: {', '.join(FORMULA_NAMES[f] for f in sorted(ctx.formulas))}).",
            angka_teks(s),
            bulat_teks(computed.nilai) if computed.dapat_dihitung else "",
        )
    ]


# --------------------------------------------------------------------------- rule: scale and predicates
def rule_scale(ctx: Context) -> list[Temuan]:
    if ctx.scale is None:
        return []
    out = []
    for m in ctx.scale.skala.periksa():
        severity = WARNING if m.jenis == "tidak-mencakup" else ERROR
        out.append(
            Temuan(f"skala-{m.jenis}", severity, ctx.scale.table.place(), m.pesan, key=f"skala-{m.jenis}|{m.pesan}")
        )
    return out


def _same_predicate(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def rule_predicates(ctx: Context) -> list[Temuan]:
    """Every predicate printed next to a capaian against the scale the document states."""
    if ctx.scale is None:
        return []
    out = []
    for t in ctx.doc.tables:
        if t is ctx.scale.table or col(t, "indikator") is None:
            continue
        rows = measured_rows(ctx, t) if col(t, r"^target") is not None and col(t, "realisasi") is not None else []
        for m in rows:
            pred = m.predikat_tertulis
            if not pred or not re.fullmatch(r"[A-Za-z ]{3,30}", pred):
                continue
            if m.capaian_tertulis:
                value = m.capaian_tertulis.nilai
                options = {ctx.scale.predikat(value)}
                shown = angka_teks(m.capaian_tertulis)
            else:
                values = {n: v for n, v in m.capaian.items() if n in ctx.formulas}
                if not values:
                    continue
                options = {ctx.scale.predikat(v) for v in values.values()}
                value = values.get("positif", next(iter(values.values())))
                shown = bulat_teks(value)
            options.discard(None)
            if options and not any(_same_predicate(pred, o) for o in options):
                expected = ctx.scale.predikat(value) or ""
                out.append(
                    Temuan(
                        "predikat-skala",
                        ERROR,
                        t.place(m.row, "predikat"),
                        f'Predikat "{pred}" untuk capaian {shown} % tidak sesuai skala laporan sendiri '
                        f'({ctx.scale.table.name}): capaian {shown} % tergolong "{expected}".',
                        pred,
                        expected,
                    )
                )
    return out


def rule_numbering(ctx: Context) -> list[Temuan]:
    out = []
    for t in ctx.doc.tables:
        i_no = col(t, r"^no\.?$")
        if i_no is None:
            continue
        last = None
        for row in t.rows:
            cell = row.cells[i_no]
            text = cell.text.strip()
            if not cell.origin or not text:
                continue
            if not _ARABIC.match(text):
                last = None
                continue
            n = int(text.rstrip("."))
            if last is not None and n == last:
                out.append(
                    Temuan(
                        "nomor-urut",
                        WARNING,
                        t.place(row, t.columns[i_no]),
                        f"Nomor urut {n} dipakai dua kali berturut-turut.",
                        text,
                        str(n + 1),
                    )
                )
            last = n
    return out + _numbered_paragraphs(ctx)


ORDINALS = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN"]


def _numbered_paragraphs(ctx: Context) -> list[Temuan]:
    """A decree's diktum (KESATU, KEDUA …) that skips one, and a list letter used twice in a row."""
    out, diktum, prev = [], None, None
    for b in ctx.doc.blocks:
        if not isinstance(b, Paragraph):
            prev = None
            continue
        text = b.text.lstrip("- ").strip()
        word = re.match(r"^([A-Z]+)\b", text)
        if word and word.group(1) in ORDINALS:
            n = ORDINALS.index(word.group(1))
            if diktum is not None and n not in (diktum + 1, 0):
                out.append(
                    Temuan(
                        "nomor-urut",
                        WARNING,
                        b.place(),
                        f"Diktum {word.group(1)} menyusul diktum {ORDINALS[diktum]}; diktum {ORDINALS[diktum + 1]} tidak ada.",
                        word.group(1),
                        ORDINALS[diktum + 1],
                    )
                )
            diktum = n
        letter = re.match(r"^([a-z])\.\s", text)
        if letter and prev == letter.group(1):
            out.append(
                Temuan(
                    "nomor-urut",
                    WARNING,
                    b.place(),
                    f"Huruf butir {letter.group(1)}. dipakai dua kali berturut-turut.",
                    f"{letter.group(1)}.",
                    f"{chr(ord(letter.group(1)) + 1)}.",
                )
            )
        prev = letter.group(1) if letter else None
    return out


# --------------------------------------------------------------------------- rule: same indicator across tables
@dataclass
class Mention:
    name: str
    toks: frozenset
    kind: str  # target / realisasi
    year: int | None
    nilai: Nilai
    source: str  # renstra, rkt, pk, pk-perubahan, pengukuran
    table: Table
    row: Row
    column: str
    akhir: bool = False  # a "target akhir Renstra" column


def table_source(t: Table) -> str:
    section, title = t.section.upper(), t.title.upper()
    if section.startswith("BAB III"):
        return "pengukuran"
    for text in (title, section):
        if "PERJANJIAN KINERJA" in text:
            return "pk-perubahan" if "PERUBAHAN" in text else "pk"
        if re.search(r"RENCANA KERJA TAHUNAN|RENCANA KINERJA TAHUNAN|\bRKT\b", text):
            return "rkt"
        if re.search(r"RENSTRA|RENCANA (KERJA )?STRATEGIS", text):
            return "renstra"
    return "pengukuran"


SOURCE_NAMES = {
    "renstra": "Renstra",
    "rkt": "RKT",
    "pk": "Perjanjian Kinerja",
    "pk-perubahan": "Perjanjian Kinerja Perubahan",
    "pengukuran": "pengukuran kinerja",
}


def mentions(ctx: Context) -> list[Mention]:
    out = []
    for t in ctx.doc.tables:
        if re.match(_KEGIATAN_FIRST, t.columns[0] if t.columns else "", re.I):
            continue
        value_cols = cols(t, r"target|realisasi", r"kegiatan|program|nasional")
        if not value_cols:
            continue
        ind_cols = [i for i in cols(t, "indikator", "kegiatan|program") if i < value_cols[0]]
        if not ind_cols:
            continue
        i_ind = ind_cols[-1]
        source = table_source(t)
        titled = t.title if len(t.title) <= 80 else ""
        table_year = (_year(titled) or _year(t.section.split(" › ")[-1])) if source != "pengukuran" else None
        for row in t.rows:
            names = split_items(row.text(i_ind))
            for c in value_cols:
                name = t.columns[c]
                kind = "target" if re.search("target", name, re.I) else "realisasi"
                akhir = bool(re.search("akhir", name, re.I))
                year = _year(name) or (ctx.tahun_akhir_renstra if akhir else None) or table_year or ctx.tahun
                values = _split_values(row.text(c), len(names))
                for nm, v in zip(names, values, strict=False):
                    if v is not None and nm:
                        out.append(Mention(nm, tokens(nm), kind, year, v, source, t, row, name, akhir))
    return out


def split_items(text: str) -> list[str]:
    """'1. A … 2. B …' in one cell (a cell whose lines were flattened) → ['A …', 'B …']."""
    parts = re.split(r"(?:^|\s)\d\.\s+", " " + text)
    parts = [p.strip() for p in parts if p.strip()]
    return parts or [strip_number(text)]


def _split_values(text: str, n: int) -> list[Nilai | None]:
    if n == 1:
        return [baca_nilai(text)]
    pieces = text.split()
    if len(pieces) == n:
        return [baca_nilai(p) for p in pieces]
    return [None] * n


@dataclass
class _Cluster:
    mentions: list = field(default_factory=list)
    names: set = field(default_factory=set)  # distinct token sets
    rows: dict = field(default_factory=dict)  # id(table) → {id(row)}

    def add(self, group: list[Mention]) -> None:
        self.mentions += group
        self.names.add(group[0].toks)
        self.rows.setdefault(id(group[0].table), set()).add(id(group[0].row))

    def blocks(self, m: Mention) -> bool:
        """Another row of the same table is in the cluster: then m is another indicator."""
        return bool(self.rows.get(id(m.table), set()) - {id(m.row)})


def cluster(ms: list[Mention], first: Table | None) -> list[list[Mention]]:
    """Group mentions of one indicator; rows of one table are never the same indicator.
    A name seen before goes straight to its cluster; only new wordings are compared."""
    clusters: list[_Cluster] = []
    exact: dict[frozenset, list[_Cluster]] = {}
    groups: dict[tuple, list[Mention]] = {}
    for m in sorted(ms, key=lambda m: 0 if m.table is first else 1):
        groups.setdefault((id(m.row), m.name), []).append(m)
    for group in groups.values():
        m0 = group[0]
        best = next((c for c in exact.get(m0.toks, []) if not c.blocks(m0)), None)
        if best is None:
            score = 0.0
            for c in clusters:
                if c.blocks(m0):
                    continue
                sim = max(similar(m0.toks, n) for n in c.names)
                if sim > score:
                    best, score = c, sim
        if best is None:
            best = _Cluster()
            clusters.append(best)
        best.add(group)
        exact.setdefault(m0.toks, []).append(best)
    return [c.mentions for c in clusters]


def _merge(primary: Nilai | None, plan: Nilai | None) -> Nilai | None:
    if plan is None:
        return primary
    if primary is None or plan.angka:
        return plan
    return Nilai(
        f"{plan.teks} / {primary.teks}", primary.angka, primary.atas, plan.mutu or primary.mutu, primary.persen
    )


def rule_across_tables(ctx: Context) -> list[Temuan]:
    out = []
    for c in cluster(mentions(ctx), ctx.ukur):
        name = next((m.name for m in c if m.table is ctx.ukur), c[0].name)
        for kind in ("target", "realisasi"):
            years = sorted({m.year for m in c if m.kind == kind and m.year})
            for year in years:
                ms = [m for m in c if m.kind == kind and m.year == year]
                out += _compare(ctx, name, kind, year, ms)
    return out


def _compare(ctx, name, kind, year, ms: list[Mention]) -> list[Temuan]:
    primary = next((m for m in ms if m.table is ctx.ukur and not m.akhir), None)
    measured = [m for m in ms if m.source == "pengukuran" and not m.akhir]
    primary = primary or (measured[0] if measured else None)
    pk = next((m for m in ms if m.source == "pk-perubahan"), None) or next((m for m in ms if m.source == "pk"), None)
    renstra = next((m for m in ms if m.source == "renstra"), None)
    out = []

    def finding(m: Mention, ref: Mention | None, ref_nilai: Nilai | None, severity: str, why: str):
        if ref_nilai is None or m.nilai.sama(ref_nilai):
            return
        where = ref.table.name if ref else ""
        label = "Target" if kind == "target" else "Realisasi"
        out.append(
            Temuan(
                f"{kind}-beda",
                severity,
                m.table.place(m.row, m.column),
                f'{label} {year} indikator "{_short(name)}" tertulis {m.nilai.teks} di {m.table.name} '
                f"({SOURCE_NAMES[m.source]}), sedangkan {where} ({SOURCE_NAMES[ref.source]}) menyebut "
                f"{ref_nilai.teks}. {why}".strip(),
                m.nilai.teks,
                f"{ref_nilai.teks} ({where})",
                key=f"{kind}-beda|{m.table.name}|{m.row.where}|{m.column}|{name[:40]}",
            )
        )

    if kind == "realisasi":
        for m in ms:
            if m is not primary and primary is not None:
                finding(m, primary, primary.nilai, ERROR, "Satu indikator harus punya satu realisasi per tahun.")
        return out
    plan = _merge(primary.nilai if primary else None, pk.nilai if pk else None)
    plan_ref = pk or primary
    for m in ms:
        if m.akhir:
            finding(
                m,
                renstra,
                renstra.nilai if renstra else None,
                ERROR,
                "Target akhir Renstra berbeda dengan matriks Renstra.",
            )
        elif m.source == "pengukuran" and m is not primary and primary is not None:
            finding(m, primary, primary.nilai, ERROR, "Tabel-tabel BAB III harus memakai target yang sama.")
        elif m is primary and pk is not None:
            finding(m, pk, pk.nilai, ERROR, "Pengukuran kinerja harus memakai target Perjanjian Kinerja yang berlaku.")
        elif m.source == "pk" and pk is not None and pk.source == "pk-perubahan":
            finding(m, pk, pk.nilai, INFO, "Target diubah oleh Perjanjian Kinerja Perubahan.")
        elif m.source in ("renstra", "rkt", "pk") and m is not pk:
            if year == ctx.tahun:
                finding(m, plan_ref, plan, WARNING, "Target antar-dokumen perencanaan berbeda; perlu penjelasan.")
            elif m.source != "renstra" and renstra is not None:
                finding(
                    m, renstra, renstra.nilai, WARNING, "Target antar-dokumen perencanaan berbeda; perlu penjelasan."
                )
    return out


def _short(name: str) -> str:
    return name if len(name) <= 60 else name[:57].rstrip() + "…"


# --------------------------------------------------------------------------- rule: the report year
_NAME = r"(?:\s+(?:[A-Z][\w./-]*|dan|Perubahan))*?"
_YEAR_PATTERNS = [
    (
        re.compile(
            rf"\bLaporan (?:Akuntabilitas )?Kinerja(?: Instansi Pemerintah)?{_NAME}\s+[Tt]ahun\s+((?:19|20)\d\d)\b"
        ),
        "laporan kinerja",
    ),
    (re.compile(rf"\bPerjanjian Kinerja{_NAME}\s+[Tt]ahun\s+((?:19|20)\d\d)\b"), "Perjanjian Kinerja"),
    (
        re.compile(rf"\b[Pp]engukuran (?:[Rr]ealisasi |[Cc]apaian )?[Kk]inerja{_NAME}\s+[Tt]ahun\s+((?:19|20)\d\d)\b"),
        "pengukuran kinerja",
    ),
]


def rule_year(ctx: Context) -> list[Temuan]:
    if ctx.tahun is None:
        return []
    out, flagged = [], set()
    y = ctx.tahun
    titles = " ".join(t.title for t in ctx.doc.tables)
    for p in ctx.doc.paragraphs:
        if (
            p.section.startswith(("DAFTAR ISI", "KATA PENGANTAR"))
            or p.heading
            or (len(p.text) < 90 and p.text in titles)
        ):
            continue  # a table title is checked with its table
        for pattern, what in _YEAR_PATTERNS:
            for m in pattern.finditer(p.text):
                if int(m.group(1)) != y and not (what == "Perjanjian Kinerja" and "LAMPIRAN" in p.section.upper()):
                    flagged.add(id(p))
                    out.append(
                        Temuan(
                            "tahun-laporan",
                            ERROR,
                            p.place(),
                            f'"{m.group(0)}" menyebut tahun {m.group(1)}, padahal laporan ini untuk tahun {y}.',
                            m.group(1),
                            str(y),
                        )
                    )
        heading_year = _year(p.section.split(" › ")[-1]) if p.section else None
        if heading_year and id(p) not in flagged:
            for m in re.finditer(r"\b(?:di|pada|dalam)\s+tahun\s+((?:19|20)\d\d)\b", p.text, re.I):
                if int(m.group(1)) != heading_year:
                    out.append(
                        Temuan(
                            "tahun-laporan",
                            WARNING,
                            p.place(),
                            f'Bagian "{p.section.split(" › ")[-1]}" membahas tahun {heading_year}, tetapi kalimatnya '
                            f'menyebut "{m.group(0)}".',
                            m.group(1),
                            str(heading_year),
                        )
                    )
    for t in ctx.doc.tables:
        if table_source(t) != "pengukuran" or not t.section.upper().startswith("BAB III"):
            continue
        ty = _year(t.title)
        multi_year = len({_year(c) for c in t.columns if _year(c)}) > 1
        if ty and ty != y and not multi_year:
            out.append(
                Temuan(
                    "tahun-laporan",
                    ERROR,
                    t.place(),
                    f"Judul tabel menyebut tahun {ty}, padahal tabel ini memuat pengukuran tahun laporan {y}.",
                    str(ty),
                    str(y),
                )
            )
        real_cols = cols(t, "realisasi", "nasional")
        if len(real_cols) == 1 and (cy := _year(t.columns[real_cols[0]])) and cy != y and str(cy) not in t.title:
            out.append(
                Temuan(
                    "tahun-laporan",
                    WARNING,
                    t.place(column=t.columns[real_cols[0]]),
                    f'Kolom "{t.columns[real_cols[0]]}" adalah satu-satunya kolom realisasi di tabel laporan tahun {y}; '
                    f"kemungkinan yang dimaksud tahun {y}.",
                    str(cy),
                    str(y),
                )
            )
    return out


# --------------------------------------------------------------------------- rule: narrative counts
def _scope(ctx: Context, sasaran: int | None) -> list[MeasuredRow]:
    return [r for r in ctx.rows if sasaran is None or r.sasaran == sasaran]


def _correct_predicate(ctx: Context, r: MeasuredRow) -> str | None:
    v = r.capaian_utama(ctx.formulas)
    return ctx.scale.predikat(v) if ctx.scale and v is not None else None


def rule_narrative(ctx: Context) -> list[Temuan]:
    """Counts, predicates and averages the narrative states against the measurement table."""
    if not ctx.rows:
        return []
    out = []
    current: int | None = None
    n_sasaran = len({r.sasaran for r in ctx.rows})
    blocks = ctx.doc.blocks
    for idx, b in enumerate(blocks):
        if isinstance(b, Table):
            if m := re.search(r"\bsasaran\s+(\d+)\b", b.title, re.I):
                current = int(m.group(1))
            continue
        p: Paragraph = b
        if p.heading:
            current = None
        m = re.match(r"^(?:\d+\.\s*)?(?:Tujuan\s+\d+\s*,?\s*)?Sasaran\s+(\d+)\b", p.text)
        if m:
            current = int(m.group(1))
        elif re.search(r"\bsasaran\s+(\d+)\b", p.text, re.I) and re.match(r"^Program dan kegiatan", p.text):
            current = int(re.search(r"\bsasaran\s+(\d+)\b", p.text, re.I).group(1))
        if p.section.startswith(("DAFTAR ISI",)) or p.heading:
            continue
        scope = _scope(ctx, current)
        for m in re.finditer(rf"\b(?:dari|terhadap|pengukuran|diukur dengan)\W+{_N}\s+indikator", p.text, re.I):
            out += _count(p, m, len(scope), "indikator" + (f" sasaran {current}" if current else ""))
        for m in re.finditer(rf"\b(?:ada|dari|terhadap|sebanyak)\s+{_N}\s+sasaran\b", p.text, re.I):
            if current is None:
                out += _count(p, m, n_sasaran, "sasaran")
        for m in re.finditer(
            rf"{_N}\s+indikator\s+(?:dengan capaian\s+)?(?:tergolong|dalam kategori)\s+(sangat baik|baik|cukup|kurang|sangat kurang)",
            p.text,
            re.I,
        ):
            pred = m.group(2)
            correct = sum(1 for r in scope if (_correct_predicate(ctx, r) or "").lower() == pred.lower())
            out += _count(p, m, correct, f'indikator tergolong "{pred}" menurut skala laporan')
        for m in re.finditer(rf"{_N}\s+indikator\s+(?:capaian\s+)?di\s*atas target", p.text, re.I):
            above = sum(1 for r in scope if (v := r.capaian_utama(ctx.formulas)) is not None and v > 100)
            out += _count(p, m, above, "indikator dengan capaian di atas target (> 100 %)")
        for m in re.finditer(r"rata-rata capaian(?: sasaran)?(?: sebesar)?\s+(\d[\d.,]*)\s*%", p.text, re.I):
            out += _average(ctx, p, m, scope, current)
        for m in re.finditer(rf"(?:terdiri dari|:)\s*{_N}\s+program\s+dan\s+{_N}\s+kegiatan", p.text, re.I):
            out += _program_count(p, m, blocks[idx + 1 :])
    return out


def _count(p: Paragraph, m, correct: int, what: str) -> list[Temuan]:
    stated = _int(m.group(1))
    if stated == correct:
        return []
    return [
        Temuan(
            "jumlah-narasi",
            ERROR,
            p.place(),
            f'Kalimat "{m.group(0).strip()}" menyebut {stated}, sedangkan tabel pengukuran memuat {correct} {what}.',
            str(stated),
            str(correct),
        )
    ]


def _average(ctx, p, m, scope, current) -> list[Temuan]:
    stated = baca_angka(m.group(1))
    values = [v for r in scope if (v := r.capaian_utama(ctx.formulas)) is not None]
    if not stated or not values:
        return []
    avg = sum(values, Decimal(0)) / len(values)
    half = Decimal("0.005")  # the capaian the average is taken of are printed with 2 decimals
    low, high = bulatkan(avg - half, stated.desimal), bulatkan(avg + half, stated.desimal)
    if low <= stated.nilai <= high:
        return []
    subject = f"sasaran {current}" if current else "seluruh indikator"
    return [
        Temuan(
            "capaian-narasi",
            ERROR,
            p.place(),
            f"Rata-rata capaian {subject} tertulis {angka_teks(stated)} %, sedangkan dari tabel pengukuran "
            f"{bulat_teks(avg)} %.",
            f"{angka_teks(stated)} %",
            f"{bulat_teks(avg)} %",
        )
    ]


def _program_count(p: Paragraph, m, after: list) -> list[Temuan]:
    programs = kegiatan = 0
    for b in after:
        if isinstance(b, Table):
            continue
        text = b.text
        if (
            b.heading
            or re.match(r"^\d+\.\s*(Tujuan\s+\d+\s*)?Sasaran\s+\d", text)
            or re.search(r"\d+\s*(\([a-z ]+\))?\s+program\s+dan", text, re.I)
        ):
            break
        if re.match(r"^Tabel\s+[\d.]+", text) and not re.match(r"^Tabel\s+[\d.]+\s+Kegiatan\b", text):
            break
        if re.match(r"^(\d+\.\s*)?Program\b", text):
            programs += 1
        elif re.match(r"^(-\s*)?[a-z]\.\s+\S", text) or re.match(r"^Tabel\s+[\d.]+\s+Kegiatan\b", text):
            kegiatan += 1
    out = []
    for i, found, what in ((1, programs, "program"), (2, kegiatan, "kegiatan")):
        stated = _int(m.group(i))
        if found and stated != found:
            out.append(
                Temuan(
                    "jumlah-narasi",
                    ERROR,
                    p.place(),
                    f'Kalimat "{m.group(0).strip()}" menyebut {stated} {what}, sedangkan uraian sesudahnya memuat '
                    f"{found} {what}.",
                    str(stated),
                    str(found),
                    key=f"jumlah-narasi|{p.where}|{what}",
                )
            )
    return out


# --------------------------------------------------------------------------- rule: SKM
def _is_skm(text: str) -> bool:
    return bool(re.search(r"\bSKM\b|\bIKM\b|kepuasan masyarakat", text, re.I))


def rule_skm_grades(ctx: Context) -> list[Temuan]:
    values = []
    for t in ctx.doc.tables:
        for row in t.rows:
            if not _is_skm(" ".join(c.text for c in row.cells)):
                continue
            for c, cell in enumerate(row.cells):
                v = baca_nilai(cell.text)
                if cell.origin and v and v.mutu and v.angka and not v.atas and c < len(t.columns):
                    values.append((t, row, t.columns[c], v))
    if not values:
        return []
    methods = [ctx.metode_skm] if ctx.metode_skm else list(METODE_MUTU)
    fits = [
        (t, row, c, v, [m for m in methods if (m.mutu(v.angka.nilai) or ("",))[0] == v.mutu]) for t, row, c, v in values
    ]
    if not ctx.metode_skm:
        common = [m for m in METODE_MUTU if all(m in f for *_, f in fits)]
        if common:
            t, row, c, v, _ = fits[0]
            return [
                Temuan(
                    "mutu-skm",
                    INFO,
                    t.place(row, c),
                    f"Laporan tidak menyebut metode SKM; semua mutu SKM yang tertulis sesuai dengan {common[0].nama}.",
                    "",
                    common[0].nama,
                    key="mutu-skm|metode",
                )
            ]
    out = []
    for t, row, c, v, fit in fits:
        expected = "; ".join(f"{(m.mutu(v.angka.nilai) or ('-',))[0]} menurut {m.nama}" for m in methods)
        if not fit:
            # A grade no regulation gives is an error; a target grade that only the other
            # regulation gives may come from a plan written under it: a warning.
            other = any((m.mutu(v.angka.nilai) or ("",))[0] == v.mutu for m in METODE_MUTU)
            severity = WARNING if other and re.search("target", c, re.I) else ERROR
            out.append(
                Temuan(
                    "mutu-skm",
                    severity,
                    t.place(row, c),
                    f"Mutu {v.mutu} tidak sesuai dengan nilai SKM {angka_teks(v.angka)} ({expected}).",
                    v.teks,
                    expected,
                )
            )
        elif len(fit) < len(methods):
            out.append(
                Temuan(
                    "mutu-skm",
                    WARNING,
                    t.place(row, c),
                    f"Mutu {v.mutu} untuk nilai SKM {angka_teks(v.angka)} hanya sesuai dengan {fit[0].nama} ({expected}); "
                    "laporan tidak menyebut metode yang dipakai.",
                    v.teks,
                    expected,
                )
            )
    return out


_ANSWERS = r"tidak baik|kurang baik|^baik|sangat baik"


def _distribution(t: Table) -> tuple[list[int], int | None] | None:
    answers = cols(t, _ANSWERS)
    if len(answers) != 4:
        return None
    return answers, col(t, "^total|^jumlah")


def rule_skm_distribution(ctx: Context) -> list[Temuan]:
    out = []
    for t in ctx.doc.tables:
        found = _distribution(t)
        if not found:
            continue
        answers, i_total = found
        for row in t.rows:
            shares = [single_number(row.text(c)) for c in answers]
            if all(s is None for s in shares):
                if row.label() and not TOTAL_LABEL.match(row.label()):
                    out.append(
                        Temuan(
                            "distribusi-skm",
                            WARNING,
                            t.place(row),
                            "Distribusi jawaban unsur ini kosong; nilainya tidak dapat diperiksa.",
                        )
                    )
                continue
            if any(s is None for s in shares):
                continue
            total = sum((s.nilai for s in shares), Decimal(0))
            slack = sum((Decimal(5).scaleb(-(s.desimal + 1)) for s in shares), Decimal(0))
            if abs(total - 100) > slack:
                out.append(
                    Temuan(
                        "distribusi-skm",
                        ERROR,
                        t.place(row),
                        f"Persentase jawaban berjumlah {angka_teks(total)} %, bukan 100 %.",
                        f"{angka_teks(total)} %",
                        "100 %",
                    )
                )
            stated = single_number(row.text(i_total)) if i_total is not None else None
            if stated and abs(stated.nilai - total) > slack:
                out.append(
                    Temuan(
                        "distribusi-skm",
                        ERROR,
                        t.place(row, t.columns[i_total]),
                        f"Kolom {t.columns[i_total]} tertulis {angka_teks(stated)} %, sedangkan jumlah persentase "
                        f"jawaban {angka_teks(total)} %.",
                        row.text(i_total),
                        f"{angka_teks(total)} %",
                    )
                )
    return out


def rule_skm_scores(ctx: Context) -> list[Temuan]:
    """The printed score of each unsur against the score its own answer distribution gives."""
    dist = {}
    for t in ctx.doc.tables:
        found = _distribution(t)
        if found:
            for row in t.rows:
                shares = [single_number(row.text(c)) for c in found[0]]
                no = row.text(0).strip().rstrip(".")
                if no.isdigit() and all(shares):
                    dist[int(no)] = shares
    if not dist:
        return []
    out = []
    for t in ctx.doc.tables:
        i_skor = col(t, r"skor|nilai \(?25")
        if _distribution(t) or i_skor is None or col(t, "unsur") is None:
            continue
        for row in t.rows:
            no = row.text(0).strip().rstrip(".")
            stated = single_number(row.text(i_skor))
            if not no.isdigit() or int(no) not in dist or not stated:
                continue
            shares = dist[int(no)]

            def score(*ps):
                return skala_100(nrr_distribusi(tuple(ps))).nilai

            if not cocok_rumus(stated, score, *shares, bulat_eksak=False):
                exact = score(*(s.nilai for s in shares))
                out.append(
                    Temuan(
                        "skor-unsur-skm",
                        ERROR,
                        t.place(row, t.columns[i_skor]),
                        f"Skor unsur {no} tertulis {angka_teks(stated)}, sedangkan distribusi jawabannya "
                        f"({' / '.join(angka_teks(s) + ' %' for s in shares)}) memberi {bulat_teks(exact)}.",
                        row.text(i_skor),
                        bulat_teks(exact),
                    )
                )
    return out


# --------------------------------------------------------------------------- rule: malformed numbers
_VALUE_COL = r"target|realisasi|anggaran|pagu|capaian|jumlah|nilai|skor|%"


def rule_number_format(ctx: Context) -> list[Temuan]:
    out = []
    for t in ctx.doc.tables:
        for c in cols(t, _VALUE_COL):
            for row in t.rows:
                for token in NUMBER.findall(row.text(c)):
                    if _malformed(token):
                        out.append(_malformed_finding(t.place(row, t.columns[c]), token))
    for p in ctx.doc.paragraphs:
        for m in re.finditer(r"Rp\.?\s*(\d[\d.,]*\d)", p.text, re.I):
            if _malformed(m.group(1)):
                out.append(_malformed_finding(p.place(), m.group(1)))
    return out


def _malformed(token: str) -> bool:
    groups = re.split(r"[.,]", token)
    if any(g.startswith("0") and len(g) < 3 for g in groups[1:]):
        return False  # codes and dates: 1.02.02, 18.01.2021
    return salah_format(token)


def _malformed_finding(place: str, token: str) -> Temuan:
    return Temuan(
        "angka-format",
        ERROR,
        place,
        f'"{token}" bukan penulisan angka yang sah (pemisah ribuan harus tiap tiga angka).',
        token,
        "",
    )


# --------------------------------------------------------------------------- rule: budget in text and across tables
@dataclass
class Budget:
    pagu: dict  # "bl" / "btl" / "total" → Decimal
    realisasi: dict
    rows: list  # (name, pagu, realisasi, serapan Angka|None, table, row)


def collect_budget(ctx: Context) -> Budget:
    """Pagu and realisasi of the belanja types, and every pagu–realisasi row of the budget tables."""
    b = Budget({}, {}, [])
    for t in ctx.doc.tables:
        money = [c for c in range(len(t.columns)) if _money_column(t, c)]
        i_pagu = col(t, r"anggaran|pagu", "kegiatan|program")
        i_real = col(t, "realisasi", "nasional")
        i_pct = col(t, r"^%$|capaian|serapan|\(%\)")
        for row in t.rows:
            label = row.label().lower()
            vals = [v.nilai for c in money if (v := single_number(row.text(c)))]
            kind = (
                "btl" if "belanja tidak langsung" in label else "bl" if label.startswith("belanja langsung") else None
            )
            if kind and vals and kind not in b.pagu:
                b.pagu[kind] = vals[0]
                if len(vals) > 1:
                    b.realisasi[kind] = vals[1]
            if i_pagu is not None and i_real is not None:
                p, r = single_number(row.text(i_pagu)), single_number(row.text(i_real))
                if p and r:
                    s = single_number(row.text(i_pct)) if i_pct is not None else None
                    b.rows.append((row.label(), p.nilai, r.nilai, s, t, row))
    if "bl" in b.pagu and "btl" in b.pagu:
        b.pagu["total"] = b.pagu["bl"] + b.pagu["btl"]
    return b


def _money_column(t: Table, c: int) -> bool:
    vals = [single_number(r.text(c)) for r in t.rows]
    return sum(1 for v in vals if v and v.nilai >= 1000) >= 2


def rule_budget_text(ctx: Context) -> list[Temuan]:
    b = collect_budget(ctx)
    out = []
    for p in ctx.doc.paragraphs:
        for m in re.finditer(
            r"Rp\.?\s*(\d[\d.,]*\d)[^%]{0,160}?sebesar\s+(\d[\d.,]*)\s*%\s+dari\s+(?:keseluruhan\s+)?belanja\s+langsung",
            p.text,
            re.I,
        ):
            amount, stated = baca_angka(m.group(1)), baca_angka(m.group(2))
            whole = b.pagu.get("bl")
            if amount and stated and whole and not dibulatkan_sama(stated, amount.nilai * 100 / whole):
                exact = amount.nilai * 100 / whole
                out.append(
                    Temuan(
                        "anggaran-narasi",
                        ERROR,
                        p.place(),
                        f"Rp {angka_teks(amount)} tertulis {angka_teks(stated)} % dari belanja langsung, padahal "
                        f"Rp {angka_teks(amount)} / Rp {_money(whole)} × 100 = {bulat_teks(exact)} %.",
                        f"{angka_teks(stated)} %",
                        f"{bulat_teks(exact)} %",
                        key=f"anggaran-narasi|{p.where}|{m.group(1)}",
                    )
                )
    for t in ctx.doc.tables:
        i_t, i_r = col(t, r"^target"), col(t, "realisasi")
        if i_t is None or i_r is None:
            continue
        for row in t.rows:
            text = " ".join(c.text for c in row.cells)
            m = re.search(r"(?:Jumlah Dana|Anggaran)\s*:?\s*Rp\.?\s*(\d[\d.,]*\d)", text, re.I)
            pct = single_number(row.text(i_r))
            if not m or not pct or "%" not in row.text(i_r):
                continue
            amount = baca_angka(m.group(1))
            same = [x for x in b.rows if amount and x[1] == amount.nilai and x[5] is not row]
            if len(same) > 1:
                same = [x for x in same if similar(tokens(x[0]), tokens(t.title)) > 0] or same[:0]
            if len(same) != 1:
                continue
            name, pagu, real, _, bt, brow = same[0]
            exact = real * 100 / pagu
            if not dibulatkan_sama(pct, exact):
                out.append(
                    Temuan(
                        "anggaran-lintas-tabel",
                        ERROR,
                        t.place(row, t.columns[i_r]),
                        f"Realisasi anggaran kegiatan tertulis {angka_teks(pct)} %, sedangkan {bt.name} "
                        f'(baris "{_short(name)}") mencatat Rp {_money(real)} dari Rp {_money(pagu)} = {bulat_teks(exact)} %.',
                        row.text(i_r),
                        f"{bulat_teks(exact)} %",
                    )
                )
    return out


# --------------------------------------------------------------------------- rule: references to tables
def rule_table_references(ctx: Context) -> list[Temuan]:
    titles = {m.group(1) for t in ctx.doc.tables if (m := re.match(r"Tabel\s+(\d+(?:\.\d+)+)", t.title, re.I))}
    titles |= {m.group(1) for p in ctx.doc.paragraphs if (m := re.match(r"Tabel\s+(\d+(?:\.\d+)+)\b", p.text, re.I))}
    out = []
    for p in ctx.doc.paragraphs:
        if re.match(r"Tabel\s+\d", p.text, re.I):
            continue
        for m in re.finditer(r"\bTabel\s+(\d+\.\d+)\b", p.text, re.I):
            if m.group(1) not in titles:
                out.append(
                    Temuan(
                        "rujukan-tabel",
                        WARNING,
                        p.place(),
                        f"Teks merujuk ke Tabel {m.group(1)}, tetapi laporan tidak memuat tabel bernomor itu.",
                        f"Tabel {m.group(1)}",
                    )
                )
    return out


def rule_repeated_totals(ctx: Context) -> list[Temuan]:
    """A wrong table total that the narrative repeats (ikhtisar, penutup)."""
    wrong = [t for t in rule_totals(ctx) if t.stated and t.expected]
    out = []
    for p in ctx.doc.paragraphs:
        for t in wrong:
            amount = single_number(t.stated)
            if amount and re.search(rf"Rp\.?\s*{re.escape(angka_teks(amount))}", p.text):
                out.append(
                    Temuan(
                        "total-baris",
                        WARNING,
                        p.place(),
                        f"Teks mengulang jumlah Rp {angka_teks(amount)} yang tidak sama dengan jumlah baris tabelnya "
                        f"(Rp {t.expected}).",
                        f"Rp {angka_teks(amount)}",
                        f"Rp {t.expected}",
                    )
                )
    return out


_CITATION = re.compile(
    r"\b(?:Peraturan|Keputusan)\s+(?:Menteri|Presiden|Pemerintah|Bupati|Walikota|Gubernur)[^.;]{0,160}?"
    r"Nomor\s*:?\s*(\d+)\s+[Tt]ahun\s+((?:19|20)\d\d)\s+tentang\s+((?:\w+\s+){3})",
    re.I,
)


def rule_citations(ctx: Context) -> list[Temuan]:
    """The same regulation (number and subject) cited with two different years."""
    seen: dict[tuple, tuple[str, Paragraph]] = {}
    out = []
    for p in ctx.doc.paragraphs:
        for m in _CITATION.finditer(p.text):
            key = (m.group(1), " ".join(m.group(3).lower().split()))
            year = m.group(2)
            if key in seen and seen[key][0] != year:
                first_year, first = seen[key]
                out.append(
                    Temuan(
                        "rujukan-peraturan",
                        WARNING,
                        p.place(),
                        f"Peraturan Nomor {key[0]} tentang {m.group(3).strip()}… disebut tahun {year}, sedangkan "
                        f"{first.place()} menyebut tahun {first_year}.",
                        year,
                        first_year,
                    )
                )
            else:
                seen.setdefault(key, (year, p))
    return out


def rule_target_units(ctx: Context) -> list[Temuan]:
    """A percentage indicator whose target is counted in something else ('1 Paket')."""
    out = []
    for t in ctx.doc.tables:
        for c in cols(t, "target"):
            ind = [i for i in cols(t, "indikator") if i < c]
            if not ind:
                continue
            for row in t.rows:
                name, value = row.text(ind[-1]), baca_nilai(row.text(c))
                unit = re.search(r"\d\s+([A-Za-z]+)$", value.teks) if value else None
                if unit and re.match(r"^(\d+\.\s*)?(%|pro?sentase|persentase|presentase)", name.strip(), re.I):
                    out.append(
                        Temuan(
                            "satuan-target",
                            WARNING,
                            t.place(row, t.columns[c]),
                            f'Indikator "{_short(name)}" berupa persentase, tetapi targetnya "{value.teks}" '
                            f"dinyatakan dalam {unit.group(1)}.",
                            value.teks,
                            "… %",
                        )
                    )
    return out


RULES = (
    rule_totals,
    rule_repeated_totals,
    rule_citations,
    rule_target_units,
    rule_percentages,
    rule_scale,
    rule_predicates,
    rule_numbering,
    rule_across_tables,
    rule_year,
    rule_narrative,
    rule_skm_grades,
    rule_skm_distribution,
    rule_skm_scores,
    rule_number_format,
    rule_budget_text,
    rule_table_references,
)


def reviu_dokumen(doc: Document) -> list[Temuan]:
    """Every finding of every rule, errors first, each reported once."""
    ctx = build_context(doc)
    seen, out = set(), []
    for rule in RULES:
        for t in rule(ctx):
            if t.key not in seen:
                seen.add(t.key)
                out.append(t)
    return urutkan(out)
