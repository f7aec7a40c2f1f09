"""Predicate scales (e.g. "76 ≤ x ≤ 100 Baik") as data.

A scale is valid when its bands, sorted by lower bound, touch exactly (one side
inclusive) and together cover every value from −∞ to +∞: then every number has
exactly one predicate. Real scales are often written with closed ranges
("55–75", "76–100") that leave gaps; ``periksa`` reports them and
``usulan_setengah_terbuka`` proposes the half-open reading.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from .hasil import DESIMAL_TAMPILAN, Angka, Hasil, bulatkan, ke_desimal, teks_angka


@dataclass(frozen=True)
class Rentang:
    """One band of a scale; a ``None`` bound is infinite (its flag is then False)."""

    predikat: str
    bawah: Decimal | None
    bawah_inklusif: bool
    atas: Decimal | None
    atas_inklusif: bool

    def __post_init__(self) -> None:
        if not isinstance(self.predikat, str) or not self.predikat.strip():
            raise ValueError("Setiap rentang harus punya nama predikat.")
        for sisi in ("bawah", "atas"):
            batas = getattr(self, sisi)
            if batas is None:
                object.__setattr__(self, f"{sisi}_inklusif", False)
            else:
                object.__setattr__(self, sisi, ke_desimal(batas, f"batas {sisi}"))

    def memuat(self, nilai: Angka) -> bool:
        v = ke_desimal(nilai)
        if self.bawah is not None and (v < self.bawah or (v == self.bawah and not self.bawah_inklusif)):
            return False
        return self.atas is None or v < self.atas or (v == self.atas and self.atas_inklusif)

    @property
    def kosong(self) -> bool:
        """True when no value can lie in the band (inverted or open at one point)."""
        if self.bawah is None or self.atas is None:
            return False
        if self.bawah > self.atas:
            return True
        return self.bawah == self.atas and not (self.bawah_inklusif and self.atas_inklusif)

    def label(self) -> str:
        """Human text: "76 ≤ x ≤ 100", "> 100", "< 55", "55 ≤ x < 76"."""
        b, a = self.bawah, self.atas
        if b is None and a is None:
            return "semua nilai"
        if b is None:
            return f"{'≤' if self.atas_inklusif else '<'} {teks_angka(a)}"
        if a is None:
            return f"{'≥' if self.bawah_inklusif else '>'} {teks_angka(b)}"
        if b == a and self.bawah_inklusif and self.atas_inklusif:
            return f"x = {teks_angka(b)}"
        kiri = "≤" if self.bawah_inklusif else "<"
        kanan = "≤" if self.atas_inklusif else "<"
        return f"{teks_angka(b)} {kiri} x {kanan} {teks_angka(a)}"

    def _sebut(self) -> str:
        return f'"{self.predikat}" ({self.label()})'


@dataclass(frozen=True)
class Masalah:
    """A defect of a scale: ``jenis`` is celah, tumpang-tindih, tidak-mencakup or rentang-kosong."""

    jenis: str
    pesan: str


def _kunci_bawah(r: Rentang) -> tuple:
    """Sort key: −∞ first, then by value, an inclusive bound before an exclusive one."""
    if r.bawah is None:
        return (0, Decimal(0), 0)
    return (1, r.bawah, 0 if r.bawah_inklusif else 1)


def _lebih_jauh(a: Rentang, b: Rentang) -> bool:
    """True when band ``a`` reaches higher than band ``b``."""
    if a.atas is None:
        return b.atas is not None
    if b.atas is None:
        return False
    return a.atas > b.atas or (a.atas == b.atas and a.atas_inklusif and not b.atas_inklusif)


def _irisan(a: Rentang, b: Rentang) -> Rentang:
    """Overlap of ``a`` with ``b`` when b starts at or after a (sorted order)."""
    if _lebih_jauh(a, b):
        atas, atas_inklusif = b.atas, b.atas_inklusif
    elif _lebih_jauh(b, a):
        atas, atas_inklusif = a.atas, a.atas_inklusif
    else:
        atas, atas_inklusif = a.atas, a.atas_inklusif and b.atas_inklusif
    return Rentang("irisan", b.bawah, b.bawah_inklusif, atas, atas_inklusif)


def _sambungan(f: Rentang, b: Rentang) -> str:
    """How band ``b`` meets the highest band so far: celah, pas, titik-ganda or tumpang-tindih."""
    if f.atas is None or b.bawah is None:
        return "tumpang-tindih"
    if f.atas < b.bawah:
        return "celah"
    if f.atas > b.bawah:
        return "tumpang-tindih"
    if f.atas_inklusif and b.bawah_inklusif:
        return "titik-ganda"
    if not f.atas_inklusif and not b.bawah_inklusif:
        return "celah"
    return "pas"


@dataclass(frozen=True)
class Skala:
    """A named predicate scale; ``desimal`` is the precision values are shown with."""

    nama: str
    rentang: tuple[Rentang, ...]
    desimal: int = field(default=DESIMAL_TAMPILAN)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rentang", tuple(self.rentang))
        if not all(isinstance(r, Rentang) for r in self.rentang):
            raise TypeError("Rentang skala harus berupa objek Rentang.")

    def _terurut(self) -> list[Rentang]:
        return sorted((r for r in self.rentang if not r.kosong), key=_kunci_bawah)

    def periksa(self) -> list[Masalah]:
        """All defects; an empty list means every value has exactly one predicate."""
        masalah: list[Masalah] = []
        for r in self.rentang:
            if r.kosong:
                if r.bawah > r.atas:
                    sebab = f"batas bawah {teks_angka(r.bawah)} lebih besar dari batas atas {teks_angka(r.atas)}"
                else:
                    sebab = f"batas bawah dan atasnya sama-sama {teks_angka(r.bawah)} tetapi tidak keduanya inklusif"
                masalah.append(Masalah("rentang-kosong", f'Rentang "{r.predikat}" kosong: {sebab}.'))
        isi = self._terurut()
        if not isi:
            masalah.append(
                Masalah(
                    "tidak-mencakup",
                    "Skala tidak punya rentang yang berisi: tidak ada nilai yang punya predikat.",
                )
            )
            return masalah

        pertama = isi[0]
        if pertama.bawah is not None:
            tanda = "<" if pertama.bawah_inklusif else "≤"
            masalah.append(
                Masalah(
                    "tidak-mencakup",
                    f"Nilai {tanda} {teks_angka(pertama.bawah)} tidak punya predikat: rentang "
                    f"terbawah {pertama._sebut()} tidak mencakup nilai di bawahnya.",
                )
            )

        tertinggi = pertama
        for b in isi[1:]:
            jenis = _sambungan(tertinggi, b)
            if jenis == "celah":
                u, w = teks_angka(tertinggi.atas), teks_angka(b.bawah)
                celah = Rentang(
                    "celah",
                    tertinggi.atas,
                    not tertinggi.atas_inklusif,
                    b.bawah,
                    not b.bawah_inklusif,
                )
                if tertinggi.atas == b.bawah:
                    pesan = (
                        f"Ada celah di {u}: nilai {u} tidak punya predikat karena "
                        f"{tertinggi._sebut()} dan {b._sebut()} sama-sama tidak memuatnya."
                    )
                else:
                    pesan = f"Ada celah antara {u} dan {w}: nilai di antaranya ({celah.label()}) tidak punya predikat."
                masalah.append(Masalah("celah", pesan))
            elif jenis == "titik-ganda":
                u = teks_angka(b.bawah)
                masalah.append(
                    Masalah(
                        "tumpang-tindih",
                        f"Rentang {tertinggi._sebut()} dan {b._sebut()} sama-sama memuat "
                        f"{u}: nilai {u} punya dua predikat.",
                    )
                )
            elif jenis == "tumpang-tindih":
                irisan = _irisan(tertinggi, b)
                masalah.append(
                    Masalah(
                        "tumpang-tindih",
                        f"Rentang {tertinggi._sebut()} dan {b._sebut()} tumpang-tindih: "
                        f"nilai {irisan.label()} punya dua predikat.",
                    )
                )
            if _lebih_jauh(b, tertinggi):
                tertinggi = b

        if tertinggi.atas is not None:
            tanda = ">" if tertinggi.atas_inklusif else "≥"
            masalah.append(
                Masalah(
                    "tidak-mencakup",
                    f"Nilai {tanda} {teks_angka(tertinggi.atas)} tidak punya predikat: rentang "
                    f"teratas {tertinggi._sebut()} tidak mencakup nilai di atasnya.",
                )
            )
        return masalah

    def predikat(self, nilai: Angka | Hasil | None) -> str | None:
        """Predicate of the value as printed (rounded to ``desimal`` places, half up).

        Looking up the rounded value means the printed number and its predicate
        can never disagree. ``None`` or a not-computable ``Hasil`` gives ``None``.
        """
        if isinstance(nilai, Hasil):
            nilai = nilai.nilai
        if nilai is None:
            return None
        masalah = self.periksa()
        if masalah:
            daftar = " ".join(m.pesan for m in masalah)
            raise ValueError(f'Skala "{self.nama}" belum dapat dipakai: {daftar}')
        v = bulatkan(nilai, self.desimal)
        for r in self.rentang:
            if r.memuat(v):
                return r.predikat
        return None  # pragma: no cover - a valid scale covers every value

    def usulan_setengah_terbuka(self) -> "Skala":
        """Proposed half-open reading: a band written "55–75" followed by "76–100"
        becomes 55 ≤ x < 76, so each gap goes to the band below it.

        A shared closed boundary ("55–76", "76–100") goes to the upper band. Real
        overlaps and missing coverage at the ends are left for a person to decide.
        """
        hasil = list(self.rentang)
        urutan = sorted((i for i, r in enumerate(hasil) if not r.kosong), key=lambda i: _kunci_bawah(hasil[i]))
        if urutan:
            ti = urutan[0]
            for j in urutan[1:]:
                f, b = hasil[ti], hasil[j]
                if _sambungan(f, b) in ("celah", "titik-ganda"):
                    hasil[ti] = replace(f, atas=b.bawah, atas_inklusif=not b.bawah_inklusif)
                    ti = j
                elif _lebih_jauh(b, f):
                    ti = j
        return replace(self, nama=f"{self.nama} (usulan setengah terbuka)", rentang=tuple(hasil))


def _r(predikat: str, bawah, bawah_inklusif: bool, atas, atas_inklusif: bool) -> Rentang:
    return Rentang(predikat, bawah, bawah_inklusif, atas, atas_inklusif)


SKALA_PANTI_2020 = Skala(
    "LKIP Kecamatan Panti 2020 (seperti tertulis)",
    (
        _r("Sangat Baik", 100, False, None, False),
        _r("Baik", 76, True, 100, True),
        _r("Cukup", 55, True, 75, True),
        _r("Kurang", None, False, 55, False),
    ),
)
"""The example's scale as written: has a gap between 75 and 76."""

SKALA_SAMPANG_2019 = Skala(
    "LKjIP Inspektorat Sampang 2019 (seperti tertulis)",
    (
        _r("Sangat Baik", 91, True, 100, True),
        _r("Baik", 76, True, 90, True),
        _r("Cukup", 66, True, 75, True),
        _r("Kurang", 51, True, 65, True),
        _r("Sangat Kurang", None, False, 50, True),
    ),
)
"""Closed bands as written: gaps at 50–51, 65–66, 75–76, 90–91; nothing above 100."""

SKALA_MALUKU_TENGAH_2021 = Skala(
    "LKJIP Maluku Tengah 2021 (seperti tertulis)",
    (
        _r("Memuaskan", 85, False, 100, True),
        _r("Sangat Baik", 75, False, 85, True),
        _r("Baik", 65, False, 75, True),
        _r("Cukup Baik", 50, False, 65, True),
        _r("Agak Kurang", 30, False, 50, True),
        _r("Kurang", 0, True, 30, True),
    ),
)
"""Half-open and gap-free, but nothing below 0 or above 100 (values that do occur)."""
