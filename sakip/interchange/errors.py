"""Problems found in an input file: one clear message each, naming where it is."""

from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Masalah:
    lokasi: str  # "$.instansi[0].renstra[0].indikator[3].satuan" or "sheet Indikator, baris 5, kolom F (satuan)"
    pesan: str  # Indonesian, one sentence

    def __str__(self) -> str:
        return f"{self.lokasi}: {self.pesan}"


class ImportGagal(Exception):
    """Raised with every problem found; nothing has been written when it is raised."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = masalah
        super().__init__("\n".join(str(m) for m in masalah))


def json_path(path: Path) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
