"""The shipped examples: they import, and export → import → export is byte-identical."""

import json
from decimal import Decimal

import pytest

from sakip.interchange.errors import ImportGagal
from sakip.interchange.exporter import dumps_json, dumps_yaml, export_dokumen
from sakip.interchange.importer import EXAMPLES, example_path, import_data, import_file
from sakip.organisation.models import Pemda

pytestmark = pytest.mark.django_db


def export(slug: str) -> dict:
    pemda = Pemda.objects.get(slug=slug)
    return export_dokumen(pemda, list(pemda.instansi.all()))


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_round_trips_byte_identical_as_json_and_yaml(name, tmp_path):
    slug = name.removesuffix(".json")
    import_file(example_path(name))
    first = dumps_json(export(slug))
    for suffix, dump in ((".json", dumps_json), (".yaml", dumps_yaml)):
        Pemda.objects.all().delete()
        f = tmp_path / f"x{suffix}"
        f.write_text(first if suffix == ".json" else dump(json.loads(first, parse_float=Decimal)))
        import_file(f)
        assert dumps_json(export(slug)) == first, f"{suffix} round trip changed the data"
    # exporting the same database twice gives the same bytes too
    assert dumps_json(export(slug)) == first


def test_panti_example_holds_the_reports_facts():
    import_file(example_path("kabupaten-jember.json"))
    ins = Pemda.objects.get(slug="kabupaten-jember").instansi.get(slug="kecamatan-panti")
    assert ins.kepala.nip == "196403051992041001" and ins.kepala.pangkat == "Pembina Tingkat I"
    assert ins.tugas_fungsi.filter(jenis="tugas").count() == 10
    assert ins.tugas_fungsi.filter(jenis="fungsi").count() == 18
    assert ins.perjanjian.count() == 2  # awal and perubahan
    renstra = ins.renstra.get()
    skm = renstra.indikator.get(kode="skm")
    targets = {
        t.sumber + str(t.perjanjian.versi if t.perjanjian else ""): t.nilai for t in skm.target.filter(tahun=2020)
    }
    assert targets["renstra"] == 85 and targets["pk0"] == 80 and targets["pk1"] == 80
    rekomendasi = renstra.indikator.get(kode="rekomendasi")
    assert {t.perjanjian.versi: t.nilai for t in rekomendasi.target.exclude(perjanjian=None)} == {0: 85, 1: 100}


def test_the_example_scale_as_printed_is_refused_with_its_gap_named():
    raw = json.loads(example_path("kabupaten-jember.json").read_text(), parse_float=Decimal)
    [skala] = [s for s in raw["skala_predikat"] if s["kode"] == "panti-2020"]
    skala["rentang"] = [  # "> 100; 76–100; 55–75; < 55" read as written
        {"predikat": "Sangat Baik", "bawah": 100, "bawah_inklusif": False},
        {"predikat": "Baik", "bawah": 76, "atas": 100, "atas_inklusif": True},
        {"predikat": "Cukup", "bawah": 55, "atas": 75, "atas_inklusif": True},
        {"predikat": "Kurang", "atas": 55},
    ]
    with pytest.raises(ImportGagal) as e:
        import_data(raw)
    [m] = e.value.masalah
    assert m.lokasi == "$.skala_predikat[0].rentang"
    assert "75 dan 76" in m.pesan and "Cukup 55 ≤ x < 76" in m.pesan
    assert Pemda.objects.count() == 0


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_round_trips_through_an_excel_workbook(name, tmp_path):
    from sakip.interchange.excel import write_workbook

    slug = name.removesuffix(".json")
    import_file(example_path(name))
    first = dumps_json(export(slug))
    write_workbook(export(slug), tmp_path / "x.xlsx")
    Pemda.objects.all().delete()
    import_file(tmp_path / "x.xlsx")
    assert dumps_json(export(slug)) == first
