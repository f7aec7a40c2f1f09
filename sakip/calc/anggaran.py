"""Budget figures of an LKIP (DOMAIN.md section 5): serapan, proportions, efficiency."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .hasil import Angka, Hasil, bulatkan, ke_desimal, konteks, tidak_dapat

SERATUS = Decimal(100)


def _persen(bagian: Angka | None, dasar: Angka | None, nama_bagian: str, nama_dasar: str, hasil: str) -> Hasil:
    if dasar is None:
        return tidak_dapat(f"{nama_dasar} belum ada")
    d = ke_desimal(dasar, nama_dasar)
    if bagian is None:
        return tidak_dapat(f"{nama_bagian} belum ada")
    b = ke_desimal(bagian, nama_bagian)
    if d == 0:
        return tidak_dapat(f"{nama_dasar} nol: {hasil} tidak dapat dihitung")
    with konteks():
        return Hasil(b * SERATUS / d)


def serapan(pagu: Angka | None, realisasi: Angka | None) -> Hasil:
    """Budget absorption: realisasi / pagu × 100."""
    return _persen(realisasi, pagu, "realisasi anggaran", "pagu", "serapan")


def proporsi(bagian: Angka | None, keseluruhan: Angka | None) -> Hasil:
    """Share of a part in the whole, in percent (e.g. one belanja type of the total)."""
    return _persen(bagian, keseluruhan, "bagian", "keseluruhan", "proporsi")


@dataclass(frozen=True)
class Efisiensi:
    """Capaian kinerja set against serapan anggaran, read two ways.

    ``selisih`` in percentage points (capaian − serapan); ``indeks`` = capaian /
    serapan × 100 (above 100: more result per rupiah than planned);
    ``efisien`` is decided on the rounded selisih so it agrees with what is printed.
    """

    selisih: Decimal | None
    indeks: Hasil
    efisien: bool | None


def _ambil(x: Angka | Hasil | None, nama: str) -> Decimal | str:
    """The number, or the reason it is missing."""
    if isinstance(x, Hasil):
        if not x.dapat_dihitung:
            return f"{nama} tidak dapat dihitung ({x.alasan})"
        return x.nilai
    if x is None:
        return f"{nama} belum ada"
    return ke_desimal(x, nama)


def efisiensi(capaian_kinerja: Angka | Hasil | None, serapan_anggaran: Angka | Hasil | None) -> Efisiensi:
    """Efficiency of resource use (LKIP BAB III A.6); accepts numbers or ``Hasil``."""
    c = _ambil(capaian_kinerja, "capaian kinerja")
    s = _ambil(serapan_anggaran, "serapan anggaran")
    for x in (c, s):
        if isinstance(x, str):
            return Efisiensi(None, tidak_dapat(f"{x}: efisiensi tidak dapat dihitung"), None)
    with konteks():
        selisih = c - s
        if s == 0:
            indeks = tidak_dapat("serapan anggaran nol: indeks efisiensi tidak dapat dihitung")
        else:
            indeks = Hasil(c * SERATUS / s)
    return Efisiensi(selisih, indeks, bulatkan(selisih) >= 0)


def selisih_jumlah(total: Angka, baris: Iterable[Angka]) -> Decimal:
    """Stated total minus the sum of its rows: 0 when the table is consistent."""
    t = ke_desimal(total, "total")
    with konteks():
        jumlah = Decimal(0)
        for i, x in enumerate(baris, start=1):
            if x is None:
                raise ValueError(f"Baris ke-{i} kosong: isi 0 bila memang tidak ada nilainya.")
            jumlah += ke_desimal(x, f"baris ke-{i}")
        return t - jumlah
