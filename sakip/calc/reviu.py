"""Reviu rules that need no Django: the finding type, reading numbers as Indonesian documents
print them, deciding whether a printed figure is the right rounding of a computed one, and
the SKM grade bands of the two regulations (read from `sakip.calc.skm`).

A reviewer stops trusting a tool that cries wolf, so every comparison here accepts what a
careful report may legitimately print: half-up rounding at the printed precision, and results
computed from unrounded inputs (the printed inputs are themselves rounded)."""

import re
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation

from .hasil import bulatkan, konteks, teks_angka
from .skm import KEPMENPAN_25_2004, PERMENPAN_14_2017, Acuan

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)


@dataclass(frozen=True)
class Temuan:
    """One reviu finding: a stable rule id, how serious, where a person finds it, what is wrong."""

    rule: str
    severity: str
    location: str
    message: str
    stated: str = ""
    expected: str = ""
    key: str = ""  # stable identity across runs (rule + subject), for keeping a reviewer's decision

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity harus salah satu dari {SEVERITIES}, bukan {self.severity!r}")
        if not self.key:
            object.__setattr__(self, "key", f"{self.rule}|{self.location}|{self.stated}")

    def as_json(self) -> dict:
        d = asdict(self)
        del d["key"]
        return d


def urutkan(temuan: list[Temuan]) -> list[Temuan]:
    """Errors first, then warnings, then info; the order of discovery within each."""
    return sorted(temuan, key=lambda t: SEVERITIES.index(t.severity))


# --------------------------------------------------------------------------- numbers
_NUM = r"\d[\d.,]*\d|\d"
NUMBER = re.compile(_NUM)
_INDONESIAN = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+,\d+$|^\d+$")
_ENGLISH = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+\.\d+$")


@dataclass(frozen=True)
class Angka:
    """A number as printed: its value and how many decimals it was printed with."""

    nilai: Decimal
    desimal: int


def baca_angka(token: str) -> Angka | None:
    """Read '1.234.567,89', '78,67', '1.825' (thousands), '70.89', '12,345.6'; None if malformed.

    A text with dots only is thousands when every group after the first has three digits,
    as `sakip.interchange.numbers` reads operator input; one comma is a decimal comma."""
    t = token.strip()
    if not t or not NUMBER.fullmatch(t):
        return None
    if _INDONESIAN.match(t):
        whole, _, frac = t.replace(".", "").partition(",")
    elif _ENGLISH.match(t):
        whole, _, frac = t.replace(",", "").partition(".")
    else:
        return None
    try:
        return Angka(Decimal(f"{whole}.{frac}" if frac else whole), len(frac))
    except InvalidOperation:  # pragma: no cover - the patterns admit digits only
        return None


def salah_format(token: str) -> bool:
    """A token that looks like a number but is none in any notation ('1.3.69', '2.40.000')."""
    return bool(NUMBER.fullmatch(token.strip())) and baca_angka(token) is None


_GRADE = r"(?P<mutu>[A-D])"
_VALUE = r"(?P<angka>\d[\d.,]*\d|\d)"
_UNIT = r"\s*(?P<persen>%)?"
_PATTERNS = [
    re.compile(rf"^{_GRADE}\s*\(\s*{_VALUE}{_UNIT}\s*\)$"),  # B (80 %)
    re.compile(rf"^{_VALUE}{_UNIT}\s*\(\s*{_GRADE}\s*\)$"),  # 85 (B)
    re.compile(rf"^{_GRADE}\s+{_VALUE}{_UNIT}$"),  # B 100 %
    re.compile(rf"^{_VALUE}\s*[–-]\s*(?P<atas>\d[\d.,]*\d|\d){_UNIT}(?:\s+[a-zA-Z]+)?$"),  # 60–85 %
    re.compile(rf"^(?:Rp\.?\s*)?{_VALUE}{_UNIT}(?:\s+(?P<satuan>[a-zA-Z][\w./ ]{{0,25}}))?$", re.I),
    re.compile(rf"^{_GRADE}$"),  # B
]


@dataclass(frozen=True)
class Nilai:
    """A target or realisasi cell as documents write it: number, range upper bound, grade."""

    teks: str
    angka: Angka | None
    atas: Angka | None = None
    mutu: str = ""
    persen: bool = False

    def sama(self, other: "Nilai") -> bool:
        """Same figure: equal numbers (when both have one) and equal grades (when both have one)."""
        if self.angka and other.angka and self.angka.nilai != other.angka.nilai:
            return False
        if (self.atas and other.atas and self.atas.nilai != other.atas.nilai) or (
            self.angka and other.angka and bool(self.atas) != bool(other.atas)
        ):
            return False
        return not (self.mutu and other.mutu and self.mutu != other.mutu)


def baca_nilai(teks: str) -> Nilai | None:
    """A single value cell ('B (80 %)', '85 (B)', '100%', 'Rp 2.400.000,00', '270 Orang', '60–85 %').

    None for empty cells, '-' and anything that is not one value (text, several numbers)."""
    t = " ".join(teks.replace("\u00a0", " ").split())
    if not t or t in {"-", "–", "—"}:
        return None
    for pattern in _PATTERNS:
        m = pattern.match(t)
        if m is None:
            continue
        g = m.groupdict()
        angka = baca_angka(g["angka"]) if g.get("angka") else None
        atas = baca_angka(g["atas"]) if g.get("atas") else None
        if (g.get("angka") and angka is None) or (g.get("atas") and atas is None):
            return None
        return Nilai(t, angka, atas, g.get("mutu") or "", bool(g.get("persen")))
    return None


# --------------------------------------------------------------------------- rounding
def dibulatkan_sama(tertulis: Angka, tepat: Decimal) -> bool:
    """The printed figure is the exact value rounded half up at the printed precision."""
    return bulatkan(tepat, tertulis.desimal) == tertulis.nilai


def rentang_cetak(a: Angka, bulat_eksak: bool = True) -> tuple[Decimal, Decimal]:
    """The exact values a printed number may stand for: half a unit of its last decimal each
    way; a whole number (a target, a count, a sum of money) is exact unless `bulat_eksak` is
    off (shares of answers printed as whole percentages are rounded)."""
    if a.desimal == 0 and bulat_eksak:
        return a.nilai, a.nilai
    half = Decimal(5).scaleb(-(a.desimal + 1))
    return a.nilai - half, a.nilai + half


def cocok_rumus(tertulis: Angka, rumus, *masukan: Angka, bulat_eksak: bool = True) -> bool:
    """Whether a printed result can come from printed inputs through `rumus`.

    `rumus` is monotonic in each input, so the results over the inputs' rounding intervals lie
    between the results at the interval corners; the printed result must be the half-up
    rounding of one of them. Exact printed inputs are tried first."""
    with konteks():
        try:
            exact = rumus(*(m.nilai for m in masukan))
        except (ArithmeticError, ValueError):
            return False
        if exact is not None and dibulatkan_sama(tertulis, exact):
            return True
        corners = [()]
        for m in masukan:
            corners = [c + (v,) for c in corners for v in set(rentang_cetak(m, bulat_eksak))]
        values = []
        for c in corners:
            try:
                v = rumus(*c)
            except (ArithmeticError, ValueError):
                return False
            if v is not None:
                values.append(v)
    if not values:
        return False
    lo, hi = bulatkan(min(values), tertulis.desimal), bulatkan(max(values), tertulis.desimal)
    return lo <= tertulis.nilai <= hi


def persen_dari(bagian: Decimal, keseluruhan: Decimal) -> Decimal | None:
    return None if not keseluruhan else bagian * 100 / keseluruhan


def angka_teks(a: Angka | Decimal | None) -> str:
    """Indonesian notation at the printed precision: Angka(78.4, 2) → '78,40'."""
    if a is None:
        return "-"
    if isinstance(a, Angka):
        teks = teks_angka(bulatkan(a.nilai, a.desimal))
        whole, _, frac = teks.partition(",")
        return f"{whole},{frac.ljust(a.desimal, '0')}" if a.desimal else whole
    return teks_angka(a)


def bulat_teks(nilai: Decimal, desimal: int = 2) -> str:
    """A computed value as a report would print it: half up, fixed decimals."""
    return angka_teks(Angka(bulatkan(nilai, desimal), desimal))


# --------------------------------------------------------------------------- SKM grades
@dataclass(frozen=True)
class MetodeMutu:
    """The grade bands of one SKM regulation on the 25–100 scale, as `sakip.calc.skm` defines
    them; a value below 25 fits no band (a printed grade beside it is wrong on any method)."""

    acuan: Acuan

    @property
    def kode(self) -> str:
        return self.acuan.kode

    @property
    def nama(self) -> str:
        return self.acuan.nama

    def mutu(self, nilai: Decimal) -> tuple[str, str] | None:
        if bulatkan(nilai, 2) < 25:
            return None
        m = self.acuan.mutu_dari(nilai)
        return (m.huruf, m.kinerja) if m else None


MUTU_PERMENPAN_14_2017 = MetodeMutu(PERMENPAN_14_2017)
MUTU_KEPMENPAN_25_2004 = MetodeMutu(KEPMENPAN_25_2004)
METODE_MUTU = (MUTU_PERMENPAN_14_2017, MUTU_KEPMENPAN_25_2004)


def metode_disebut(teks: str) -> MetodeMutu | None:
    """The SKM regulation a text names ('PermenPANRB Nomor 14 Tahun 2017', 'KepmenPAN 25/2004')."""
    t = teks.lower()
    if re.search(r"14\s*(?:/|-|tahun)\s*2017", t):
        return MUTU_PERMENPAN_14_2017
    if re.search(r"25\s*(?:/|-|tahun)\s*2004", t):
        return MUTU_KEPMENPAN_25_2004
    return None
