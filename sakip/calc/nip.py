"""NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD + CPNS appointment
YYYYMM + gender (1 male, 2 female) + 3-digit sequence, shown 8-6-1-3."""

import re
from dataclasses import dataclass
from datetime import date

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

UMUR_MINIMUM_CPNS = 18
TAHUN_LAHIR_MINIMUM = 1900

_AWALAN = re.compile(r"^\s*NIP\s*[.:]?\s*", re.IGNORECASE)
_PEMISAH = re.compile(r"[\s.\-]+")


class NipError(ValueError):
    """Invalid NIP; ``str(e)`` is an Indonesian message saying what is wrong."""


@dataclass(frozen=True)
class Nip:
    digits: str
    tanggal_lahir: date
    tmt_cpns: tuple[int, int]
    jenis_kelamin: str
    urut: int

    def __str__(self) -> str:
        d = self.digits
        return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"


def parse_nip(text: str | int) -> Nip:
    """Read a NIP written with spaces, dots, hyphens or a "NIP." prefix; raises NipError."""
    if isinstance(text, bool) or not isinstance(text, str | int):
        if isinstance(text, float):
            raise NipError(
                "NIP terbaca sebagai bilangan pecahan sehingga digitnya sudah hilang; "
                "simpan NIP sebagai teks (mis. kolom Excel berformat Teks)."
            )
        raise NipError("NIP harus berupa teks.")
    asli = str(text)
    s = _PEMISAH.sub("", _AWALAN.sub("", asli))
    if not s:
        raise NipError("NIP kosong.")
    salah = sorted({c for c in s if not ("0" <= c <= "9")})
    if salah:
        daftar = ", ".join(f"'{c}'" for c in salah)
        raise NipError(f"NIP hanya boleh berisi angka; ditemukan {daftar} pada {asli.strip()!r}.")
    if len(s) != 18:
        raise NipError(f"NIP harus 18 digit, {asli.strip()!r} berisi {len(s)} digit.")

    th, bl, tg = int(s[0:4]), int(s[4:6]), int(s[6:8])
    if th < TAHUN_LAHIR_MINIMUM:
        raise NipError(f"Tanggal lahir pada NIP ({s[:8]}) tidak mungkin: tahun {th}.")
    if not 1 <= bl <= 12:
        raise NipError(f"Tanggal lahir pada NIP ({s[:8]}) tidak ada: bulan {bl:02d} tidak ada.")
    try:
        lahir = date(th, bl, tg)
    except ValueError:
        raise NipError(
            f"Tanggal lahir pada NIP ({s[:8]}) tidak ada: {tg} {BULAN[bl - 1]} {th} bukan tanggal yang sah."
        ) from None

    tmt_th, tmt_bl = int(s[8:12]), int(s[12:14])
    if not 1 <= tmt_bl <= 12:
        raise NipError(f"Bulan TMT CPNS pada NIP ({s[8:14]}) tidak ada: bulan {tmt_bl:02d} tidak ada.")
    if (tmt_th, tmt_bl) < (th + UMUR_MINIMUM_CPNS, bl):
        raise NipError(
            f"TMT CPNS pada NIP ({BULAN[tmt_bl - 1]} {tmt_th}) jatuh sebelum pemiliknya "
            f"berumur {UMUR_MINIMUM_CPNS} tahun (lahir {tg} {BULAN[bl - 1]} {th})."
        )

    kelamin = s[14]
    if kelamin not in "12":
        raise NipError(
            f"Digit ke-15 NIP menunjukkan jenis kelamin dan harus 1 (laki-laki) atau 2 (perempuan), bukan {kelamin}."
        )
    urut = int(s[15:])
    if urut == 0:
        raise NipError("Nomor urut NIP (3 digit terakhir) tidak boleh 000.")
    return Nip(s, lahir, (tmt_th, tmt_bl), "L" if kelamin == "1" else "P", urut)


def format_nip(text: str | int) -> str:
    """Validated NIP in 8-6-1-3 groups: "19640305 199204 1 001"."""
    return str(parse_nip(text))
