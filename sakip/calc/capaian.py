"""Capaian (achievement) of an indicator: realisasi set against a target.

Formulas follow DOMAIN.md section 2; which one applies is a per-indicator
setting (``Rumus``). Anything that cannot be computed returns a ``Hasil`` with
a reason instead of raising, so a report can show why a cell is empty.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .hasil import Angka, Hasil, ke_desimal, konteks, teks_angka, tidak_dapat

SERATUS = Decimal(100)


class Rumus(StrEnum):
    POSITIF = "positif"
    """R / T × 100: higher is better."""
    NEGATIF = "negatif"
    """(2T − R) / T × 100: lower is better (the example's formula); negative when R > 2T."""
    NEGATIF_RASIO = "negatif-rasio"
    """T / R × 100: lower is better, variant seen in existing systems."""


class JenisNilai(StrEnum):
    ANGKA = "angka"
    PERSEN = "persen"
    PREDIKAT = "predikat"
    """Grade targets like "B (80 %)": the caller passes the number."""
    MILESTONE = "milestone"
    """Yes/no indicators: target 1, realisasi 1 (done) or 0 (not done)."""


def _ke_rumus(rumus: Rumus | str) -> Rumus:
    try:
        return Rumus(rumus)
    except ValueError:
        sah = ", ".join(r.value for r in Rumus)
        raise ValueError(f"Rumus {rumus!r} tidak dikenal; pilih salah satu: {sah}.") from None


def _ke_jenis(jenis: JenisNilai | str) -> JenisNilai:
    try:
        return JenisNilai(jenis)
    except ValueError:
        sah = ", ".join(j.value for j in JenisNilai)
        raise ValueError(f"Jenis nilai {jenis!r} tidak dikenal; pilih salah satu: {sah}.") from None


def _hitung(pembanding: Decimal, realisasi: Decimal, rumus: Rumus, nama: str, hasil: str) -> Hasil:
    """Apply one formula; ``nama`` names the reference value in the reason text."""
    with konteks():
        if rumus is Rumus.NEGATIF_RASIO:
            if realisasi == 0:
                return tidak_dapat(f"realisasi nol: {hasil} dengan rumus {nama} / realisasi tidak dapat dihitung")
            return Hasil(pembanding * SERATUS / realisasi)
        if pembanding == 0:
            return tidak_dapat(f"{nama} nol: {hasil} tidak dapat dihitung")
        if rumus is Rumus.POSITIF:
            return Hasil(realisasi * SERATUS / pembanding)
        return Hasil((2 * pembanding - realisasi) * SERATUS / pembanding)


def capaian(
    target: Angka | None,
    realisasi: Angka | None,
    rumus: Rumus | str = Rumus.POSITIF,
    *,
    target_atas: Angka | None = None,
    jenis: JenisNilai | str = JenisNilai.ANGKA,
) -> Hasil:
    """Capaian in percent.

    With ``target_atas`` the target is the range [target, target_atas]: inside
    counts as 100; above is measured against the upper bound, below against the
    lower bound (SKP rule, PermenPANRB 6/2022).
    """
    rumus = _ke_rumus(rumus)
    jenis = _ke_jenis(jenis)
    if jenis is JenisNilai.MILESTONE and target_atas is not None:
        raise ValueError("Indikator milestone tidak dapat memakai target rentang.")
    if target is None:
        return tidak_dapat("target belum ada")
    t = ke_desimal(target, "target")
    atas = None
    if target_atas is not None:
        atas = ke_desimal(target_atas, "target_atas")
        if atas < t:
            raise ValueError(
                f"Batas atas target ({teks_angka(atas)}) lebih kecil dari batas bawahnya ({teks_angka(t)})."
            )
    if realisasi is None:
        return tidak_dapat("realisasi belum ada")
    r = ke_desimal(realisasi, "realisasi")

    if jenis is JenisNilai.MILESTONE:
        if t != 1:
            return tidak_dapat(f"target milestone harus 1 (ya), tercatat {teks_angka(t)}")
        if r == 1:
            return Hasil(SERATUS)
        if r == 0:
            return Hasil(Decimal(0))
        return tidak_dapat(f"realisasi milestone harus 1 (tercapai) atau 0 (belum), tercatat {teks_angka(r)}")

    if atas is None:
        return _hitung(t, r, rumus, "target", "capaian")
    if t <= r <= atas:
        return Hasil(SERATUS)
    if r > atas:
        return _hitung(atas, r, rumus, "batas atas target", "capaian")
    return _hitung(t, r, rumus, "batas bawah target", "capaian")


def tingkat_kemajuan(
    realisasi: Angka | None,
    target_akhir_renstra: Angka | None,
    rumus: Rumus | str = Rumus.POSITIF,
    *,
    target_atas: Angka | None = None,
) -> Hasil:
    """Progress towards the Renstra end target (LKIP BAB III A.3), same formulas; an end
    target that is a range counts a realisasi inside it as 100, as `capaian` does."""
    rumus = _ke_rumus(rumus)
    if target_akhir_renstra is None:
        return tidak_dapat("target akhir Renstra belum ada")
    if target_atas is not None:
        return capaian(target_akhir_renstra, realisasi, rumus, target_atas=target_atas)
    t = ke_desimal(target_akhir_renstra, "target akhir Renstra")
    if realisasi is None:
        return tidak_dapat("realisasi belum ada")
    r = ke_desimal(realisasi, "realisasi")
    return _hitung(t, r, rumus, "target akhir Renstra", "tingkat kemajuan")


@dataclass(frozen=True)
class Perubahan:
    """Change against an earlier value (LKIP BAB III A.2: this year vs previous years)."""

    selisih: Decimal | None
    persen: Hasil


def perubahan(sekarang: Angka | None, sebelumnya: Angka | None) -> Perubahan:
    """selisih = now − before; persen = selisih / |before| × 100.

    Dividing by |before| keeps the sign meaning "went up" even when the earlier
    value is negative.
    """
    if sebelumnya is None:
        return Perubahan(None, tidak_dapat("nilai sebelumnya belum ada"))
    if sekarang is None:
        return Perubahan(None, tidak_dapat("nilai sekarang belum ada"))
    s = ke_desimal(sekarang, "nilai sekarang")
    b = ke_desimal(sebelumnya, "nilai sebelumnya")
    with konteks():
        selisih = s - b
        if b == 0:
            return Perubahan(
                selisih,
                tidak_dapat("nilai sebelumnya nol: persentase perubahan tidak dapat dihitung"),
            )
        return Perubahan(selisih, Hasil(selisih * SERATUS / abs(b)))


def banding_nasional(
    realisasi: Angka | None,
    nasional: Angka | None,
    rumus: Rumus | str = Rumus.POSITIF,
) -> Hasil:
    """Own realisasi measured against the national figure (LKIP BAB III A.4)."""
    rumus = _ke_rumus(rumus)
    if nasional is None:
        return tidak_dapat("data nasional tidak tersedia")
    n = ke_desimal(nasional, "angka nasional")
    if realisasi is None:
        return tidak_dapat("realisasi belum ada")
    r = ke_desimal(realisasi, "realisasi")
    return _hitung(n, r, rumus, "angka nasional", "perbandingan dengan angka nasional")
