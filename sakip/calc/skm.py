"""SKM (Survei Kepuasan Masyarakat) from an answer distribution.

An answer a–d scores 1–4; with the share of each answer in percent, the unsur's average
score (NRR) is Σ score × share / 100, and 25 × NRR puts it on the 25–100 scale."""

from decimal import Decimal

from .hasil import Hasil, ke_desimal, konteks, tidak_dapat


def nrr_distribusi(persen: tuple) -> Hasil:
    """NRR of one unsur from the percentages of answers 1..4; not computable when missing."""
    if any(p is None for p in persen):
        return tidak_dapat("distribusi jawaban tidak lengkap")
    values = [ke_desimal(p, "persen") for p in persen]
    total = sum(values, Decimal(0))
    if total == 0:
        return tidak_dapat("distribusi jawaban kosong")
    with konteks():
        return Hasil(sum((i * v for i, v in enumerate(values, start=1)), Decimal(0)) / total)


def skala_100(nrr: Hasil) -> Hasil:
    """NRR (1–4) on the 25–100 scale."""
    if not nrr.dapat_dihitung:
        return nrr
    with konteks():
        return Hasil(nrr.nilai * 25)
