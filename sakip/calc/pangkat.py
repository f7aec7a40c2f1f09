"""Golongan ↔ pangkat of PNS (civil servants), as printed in signature blocks."""

import re

GOLONGAN: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
"""Golongan -> pangkat, from lowest to highest."""

_GOLONGAN = re.compile(r"^\s*(IV|I{1,3})\s*[/.\-]?\s*([A-E])\s*$", re.IGNORECASE)
_TINGKAT = re.compile(r"\b(?:tingkat|tkt\.?|tk\.?)\s*(?:i|1)\s*$", re.IGNORECASE)
_PANGKAT = {v.casefold(): k for k, v in GOLONGAN.items()}


def _normal_golongan(teks: str) -> str | None:
    m = _GOLONGAN.match(teks) if isinstance(teks, str) else None
    if not m:
        return None
    kode = f"{m.group(1).upper()}/{m.group(2).lower()}"
    return kode if kode in GOLONGAN else None


def pangkat(golongan: str) -> str:
    """Pangkat of a golongan ("IV/b" -> "Pembina Tingkat I"); also accepts "iv/b", "IV b"."""
    kode = _normal_golongan(golongan)
    if kode is None:
        raise ValueError(f"Golongan {golongan!r} tidak dikenal; yang sah: {', '.join(GOLONGAN)}.")
    return GOLONGAN[kode]


def golongan(pangkat: str) -> str:
    """Golongan of a pangkat, case-insensitive; "Tk. I" / "Tkt. I" mean "Tingkat I"."""
    if isinstance(pangkat, str):
        teks = " ".join(_TINGKAT.sub("Tingkat I", pangkat.strip()).split())
        kode = _PANGKAT.get(teks.casefold())
        if kode is not None:
            return kode
    raise ValueError(f"Pangkat {pangkat!r} tidak dikenal; yang sah: {', '.join(GOLONGAN.values())}.")
