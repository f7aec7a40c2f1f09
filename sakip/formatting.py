"""Indonesian number, money and date formats, from one place (`1.234.567,89`, `78,67 %`,
`Rp 2.374.523.419,00`, `18 Januari 2021`, `tiga (3)`). Values are rounded half up by
`sakip.calc` before babel formats them, so a printed number always matches the computed one.

Every function that prints a number accepts ``None`` (printed "-") and the numeric ones
also accept a `sakip.calc.Hasil` (its rounded value, or "-" when it cannot be computed).
"""

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from sakip import calc
from sakip.calc import Hasil, bulatkan, format_nip, teks_angka

LOCALE = "id"
KOSONG = "-"
"""Printed for a value that is missing or cannot be computed."""


def _nilai(value):
    """Unwrap a `Hasil` to its rounded value (None when not computable)."""
    return value.dibulatkan if isinstance(value, Hasil) else value


def angka(value, desimal: int = 2) -> str:
    """Fixed decimals: 88.6125 → '88,61'; None or a not-computable Hasil → '-'."""
    value = _nilai(value)
    if value is None:
        return KOSONG
    pattern = "#,##0" + ("." + "0" * desimal if desimal else "")
    return format_decimal(bulatkan(Decimal(value), desimal), format=pattern, locale=LOCALE)


def ringkas(value) -> str:
    """Without trailing zeros, as targets are written: 80 → '80', 70.89 → '70,89'."""
    value = _nilai(value)
    return KOSONG if value is None else teks_angka(Decimal(value))


def persen(value, desimal: int = 2) -> str:
    """'78,67 %'; None or a not-computable Hasil → '-'."""
    value = _nilai(value)
    return KOSONG if value is None else f"{angka(value, desimal)} %"


def rupiah(value) -> str:
    return KOSONG if value is None else f"Rp {angka(value, 2)}"


def tanggal(value: date | None) -> str:
    return "" if value is None else format_date(value, "d MMMM y", locale=LOCALE)


def bulan_tahun(value: date | None) -> str:
    """'September 2020' (month and year, as a reporting period is written)."""
    return "" if value is None else format_date(value, "MMMM y", locale=LOCALE)


def nip(value: str) -> str:
    return f"NIP. {format_nip(value)}" if value else ""


def nilai(value, satuan: str = "", mutu: str = "") -> str:
    """A target or realisasi as printed in tables: '80', '70,89 %', 'B (80)'; None → '-'."""
    value = _nilai(value)
    if value is None:
        return KOSONG
    teks = ringkas(value)
    if (satuan or "").strip() == "%":
        teks += " %"
    mutu = (mutu or "").strip()
    return f"{mutu} ({teks})" if mutu else teks


# --- Pangkat --------------------------------------------------------------------------


def pangkat(golongan: str) -> str:
    """'IV/b' → 'Pembina Tingkat I'; '' or None → ''. Unknown golongan: ValueError."""
    if not golongan or not golongan.strip():
        return ""
    return calc.pangkat(golongan)


def pangkat_golongan(golongan: str) -> str:
    """'iv/b' → 'Pembina Tingkat I (IV/b)', as under the name in a signature block."""
    nama = pangkat(golongan)
    return f"{nama} ({calc.golongan(nama)})" if nama else ""


# --- Terbilang (amounts in words) -----------------------------------------------------

_SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SKALA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
BATAS_TERBILANG = 10**15 - 1
"""Largest number `terbilang` writes: 999 triliun 999 miliar … sembilan ratus sembilan puluh sembilan."""


def _ratusan(n: int) -> list[str]:
    """Words of 1..999."""
    kata: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        kata.append("seratus")
    elif ratus:
        kata += [_SATUAN[ratus], "ratus"]
    if sisa == 10:
        kata.append("sepuluh")
    elif sisa == 11:
        kata.append("sebelas")
    elif 12 <= sisa <= 19:
        kata += [_SATUAN[sisa - 10], "belas"]
    elif sisa >= 20:
        puluh, satu = divmod(sisa, 10)
        kata += [_SATUAN[puluh], "puluh"] + ([_SATUAN[satu]] if satu else [])
    elif sisa:
        kata.append(_SATUAN[sisa])
    return kata


def _bulat(n, nama: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int | Decimal):
        raise TypeError(f"{nama} harus bilangan bulat, bukan {type(n).__name__}.")
    if isinstance(n, Decimal):
        if not n.is_finite() or n != n.to_integral_value():
            raise ValueError(f"{nama} {n} bukan bilangan bulat.")
        n = int(n)
    return n


def terbilang(n: int) -> str:
    """Indonesian words, lowercase: 2374523419 → 'dua miliar tiga ratus tujuh puluh empat juta …'.

    'se-' forms as written: sepuluh, sebelas, seratus, seribu (but 'satu juta'); negative
    numbers start with 'minus'. Beyond 999 triliun: ValueError.
    """
    n = _bulat(n, "Bilangan")
    if abs(n) > BATAS_TERBILANG:
        raise ValueError(f"Bilangan {n} terlalu besar untuk ditulis dengan huruf (paling besar 999 triliun lebih).")
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    kata: list[str] = []
    for besar, nama in _SKALA:
        bagian, n = divmod(n, besar)
        if bagian == 1 and besar == 1000:
            kata.append("seribu")
        elif bagian:
            kata += _ratusan(bagian) + [nama]
    if n:
        kata += _ratusan(n)
    return " ".join(kata)


def jumlah(n: int) -> str:
    """A count as letters and reports write it: 3 → '3 (tiga)', 1000 → '1.000 (seribu)'."""
    n = _bulat(n, "Jumlah")
    return f"{teks_angka(n)} ({terbilang(n)})"


def rupiah_terbilang(value) -> str:
    """2400000 → 'dua juta empat ratus ribu rupiah'; 10.25 → 'sepuluh rupiah dua puluh lima sen'.

    The amount is rounded half up to whole sen first.
    """
    d = bulatkan(calc.ke_desimal(_nilai(value), "Jumlah uang"))
    tanda = "minus " if d < 0 else ""
    rupiah_bulat, sen = divmod(int(abs(d) * 100), 100)
    teks = f"{tanda}{terbilang(rupiah_bulat)} rupiah"
    return f"{teks} {terbilang(sen)} sen" if sen else teks


_ROMAWI = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
           (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def romawi(n: int) -> str:
    """Roman numeral of a positive whole number: 4 → 'IV' (BAB IV, Lampiran II, page iv)."""
    if n < 1:
        raise ValueError(f"angka Romawi hanya untuk bilangan positif, bukan {n}")
    out = []
    for value, letters in _ROMAWI:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def halaman(n: int, numbering: str = "arabic") -> str:
    """A page number as printed: 12, or xii in a report's roman-numbered front matter."""
    return romawi(n).lower() if numbering == "roman" else str(n)
