from decimal import Decimal

from sakip.calc.skm import nrr_distribusi, skala_100


def test_unsur_score_follows_from_the_answer_distribution():
    # the reference report's unsur 3 (Kecepatan Pelayanan): 0 / 0 / 100 / 0 % → 3,00 → 75
    assert nrr_distribusi((0, 0, 100, 0)).nilai == 3
    assert skala_100(nrr_distribusi((0, 0, 100, 0))).nilai == 75
    # unsur 9: 0 / 90 / 10 / 0 → 2,10
    assert nrr_distribusi((0, 90, 10, 0)).dibulatkan == Decimal("2.10")
    # unsur 14: 0 / 0 / 10 / 90 → 3,90
    assert nrr_distribusi((0, 0, 10, 90)).dibulatkan == Decimal("3.90")


def test_a_missing_distribution_is_not_computable():
    assert not nrr_distribusi((None, None, None, None)).dapat_dihitung
    assert not nrr_distribusi((0, 0, 0, 0)).dapat_dihitung
