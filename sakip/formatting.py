"""Indonesian number, money and date formats, from one place (`1.234.567,89`, `78,67 %`,
`Rp 2.374.523.419,00`, `18 Januari 2021`). Values are rounded half up by `sakip.calc`
before babel formats them, so a printed number always matches the computed one."""

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from sakip.calc import bulatkan, format_nip, teks_angka

LOCALE = "id"


def angka(value, desimal: int = 2) -> str:
    """Fixed decimals: 88.6125 → '88,61'; None → '-'."""
    if value is None:
        return "-"
    pattern = "#,##0" + ("." + "0" * desimal if desimal else "")
    return format_decimal(bulatkan(Decimal(value), desimal), format=pattern, locale=LOCALE)


def ringkas(value) -> str:
    """Without trailing zeros, as targets are written: 80 → '80', 70.89 → '70,89'."""
    return "-" if value is None else teks_angka(Decimal(value))


def persen(value, desimal: int = 2) -> str:
    return "-" if value is None else f"{angka(value, desimal)} %"


def rupiah(value) -> str:
    return "-" if value is None else f"Rp {angka(value, 2)}"


def tanggal(value: date | None) -> str:
    return "" if value is None else format_date(value, "d MMMM y", locale=LOCALE)


def nip(value: str) -> str:
    return f"NIP. {format_nip(value)}" if value else ""
