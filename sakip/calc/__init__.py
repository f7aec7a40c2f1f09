"""Calculation core of SAKIP: capaian, predicates, budget, NIP and pangkat.

Pure standard library (no Django) so the rules can be tested directly. All
arithmetic is exact Decimal; values are rounded only for display.
"""

from .anggaran import Efisiensi, efisiensi, proporsi, selisih_jumlah, serapan
from .capaian import (
    JenisNilai,
    Perubahan,
    Rumus,
    banding_nasional,
    capaian,
    perubahan,
    tingkat_kemajuan,
)
from .hasil import Hasil, bulatkan, ke_desimal, teks_angka
from .nip import Nip, NipError, format_nip, parse_nip
from .pangkat import GOLONGAN, golongan, pangkat
from .predikat import (
    SKALA_MALUKU_TENGAH_2021,
    SKALA_PANTI_2020,
    SKALA_SAMPANG_2019,
    Masalah,
    Rentang,
    Skala,
)

__all__ = [
    "GOLONGAN",
    "SKALA_MALUKU_TENGAH_2021",
    "SKALA_PANTI_2020",
    "SKALA_SAMPANG_2019",
    "Efisiensi",
    "Hasil",
    "JenisNilai",
    "Masalah",
    "Nip",
    "NipError",
    "Perubahan",
    "Rentang",
    "Rumus",
    "Skala",
    "banding_nasional",
    "bulatkan",
    "capaian",
    "efisiensi",
    "format_nip",
    "golongan",
    "ke_desimal",
    "pangkat",
    "parse_nip",
    "perubahan",
    "proporsi",
    "selisih_jumlah",
    "serapan",
    "teks_angka",
    "tingkat_kemajuan",
]
