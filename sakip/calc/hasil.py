"""Result type and the number rules every calculation shares.

All arithmetic is exact ``Decimal`` in a 50-digit context; rounding happens only
when a value is shown (2 decimals, ROUND_HALF_UP, as Indonesian reports round).
"""

from dataclasses import dataclass
from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)

PRESISI = 50
"""Significant digits of intermediate results: far beyond any budget in rupiah."""

KONTEKS = Context(
    prec=PRESISI,
    rounding=ROUND_HALF_EVEN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)

DESIMAL_TAMPILAN = 2
"""Decimals shown in reports; predicates are looked up at this precision."""

Angka = Decimal | int | str


def konteks():
    """Context manager for exact arithmetic: ``with konteks(): ...``."""
    return localcontext(KONTEKS)


def ke_desimal(x: Angka, nama: str = "nilai") -> Decimal:
    """Convert an input to Decimal; floats are refused because they are not exact."""
    if isinstance(x, bool | float):
        raise TypeError(
            f"{nama} tidak boleh bertipe {type(x).__name__}: gunakan Decimal, int, "
            f"atau teks angka agar perhitungan tetap tepat."
        )
    if isinstance(x, Decimal):
        d = x
    elif isinstance(x, int):
        d = Decimal(x)
    elif isinstance(x, str):
        try:
            d = Decimal(x.strip())
        except InvalidOperation:
            raise ValueError(f"{nama} {x!r} bukan angka (tulis dengan titik desimal, mis. '70.89').") from None
    elif x is None:
        raise TypeError(f"{nama} kosong: dibutuhkan angka.")
    else:
        raise TypeError(f"{nama} harus Decimal, int, atau teks angka, bukan {type(x).__name__}.")
    if not d.is_finite():
        raise ValueError(f"{nama} harus angka terhingga, bukan {x}.")
    return d


def bulatkan(nilai: Angka, desimal: int = DESIMAL_TAMPILAN) -> Decimal:
    """Round half up (away from zero) for display; never returns negative zero."""
    d = ke_desimal(nilai)
    presisi = max(PRESISI, d.adjusted() + desimal + 2)  # room for every digit kept
    with localcontext(KONTEKS, prec=presisi):
        hasil = d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    return abs(hasil) if hasil == 0 else hasil


def teks_angka(nilai: Angka) -> str:
    """Indonesian notation without trailing zeros: 1234.5 -> '1.234,5'."""
    d = ke_desimal(nilai)
    teks = format(d.normalize() if d != 0 else Decimal(0), "f")
    tanda = "-" if teks.startswith("-") else ""
    bulat, _, pecahan = teks.lstrip("-").partition(".")
    kelompok = []
    while len(bulat) > 3:
        kelompok.insert(0, bulat[-3:])
        bulat = bulat[:-3]
    kelompok.insert(0, bulat)
    hasil = tanda + ".".join(kelompok)
    return f"{hasil},{pecahan}" if pecahan else hasil


@dataclass(frozen=True)
class Hasil:
    """A computed value, or the reason it cannot be computed (never an exception)."""

    nilai: Decimal | None
    alasan: str | None = None

    def __post_init__(self) -> None:
        if self.nilai is None:
            if not self.alasan:
                raise ValueError("Hasil tanpa nilai harus menyebut alasannya.")
        else:
            object.__setattr__(self, "nilai", ke_desimal(self.nilai))

    @property
    def dapat_dihitung(self) -> bool:
        return self.nilai is not None

    @property
    def dibulatkan(self) -> Decimal | None:
        """The value as printed: 2 decimals, ROUND_HALF_UP."""
        return None if self.nilai is None else bulatkan(self.nilai)


def tidak_dapat(alasan: str) -> Hasil:
    """Shorthand for a not-computable result."""
    return Hasil(None, alasan)
