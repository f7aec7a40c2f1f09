"""Predicate scales as data and the measurement of an agency-year."""

from decimal import Decimal

import pytest

from sakip.measurement.models import SkalaPredikat
from sakip.measurement.pengukuran import pengukuran
from sakip.organisation.models import Instansi

pytestmark = pytest.mark.django_db


def test_an_agencys_own_scale_overrides_the_pemda_default(examples):
    panti = Instansi.objects.get(slug="kecamatan-panti")
    dinkes = Instansi.objects.get(slug="dinas-kesehatan-sukamaju")
    assert SkalaPredikat.untuk(panti).kode == "panti-2020"
    assert SkalaPredikat.untuk(dinkes).instansi is None
    skala = SkalaPredikat.untuk(panti).skala()
    assert skala.periksa() == []
    assert [skala.predikat(Decimal(v)) for v in ("54.99", "55", "75.5", "76", "100", "100.01")] == [
        "Kurang",
        "Cukup",
        "Cukup",
        "Baik",
        "Baik",
        "Sangat Baik",
    ]


def test_negative_polarity_indicators_are_measured_with_their_own_formula(examples):
    dinkes = Instansi.objects.get(slug="dinas-kesehatan-sukamaju")
    rows = {b.indikator.kode: b for b in pengukuran(dinkes, 2021).baris}
    aki = rows["aki"]
    assert aki.indikator.rumus == "negatif"
    # (2T − R) / T × 100 goes below zero when R is more than twice the target
    assert (aki.target.nilai, aki.realisasi.nilai) == (135, Decimal("276.68"))
    assert aki.capaian.dibulatkan == Decimal("-4.95")  # (270 − 276,68) / 135 × 100
    assert aki.predikat == "Sangat Kurang"


def test_a_range_target_is_met_inside_the_range_and_measured_to_the_nearer_bound(examples):
    dinkes = Instansi.objects.get(slug="dinas-kesehatan-sukamaju")
    [bor] = [b for b in pengukuran(dinkes, 2022).baris if b.target.nilai_atas is not None]
    assert bor.realisasi.nilai < bor.target.nilai
    assert bor.capaian.dibulatkan == Decimal("94.67")  # 56,8 against the lower bound 60
