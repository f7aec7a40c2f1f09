"""Respondents travel in the `sakip/1` file; bad respondent rows are named and nothing is written."""

import json

import pytest

from sakip.interchange.errors import ImportGagal
from sakip.interchange.importer import example_path, import_data
from sakip.skm.models import Responden


def sukamaju() -> dict:
    return json.loads(example_path("kabupaten-sukamaju.json").read_text(encoding="utf-8"))


def karangsari(doc) -> dict:
    return next(s for s in doc["instansi"][0]["survei_skm"] if s["kode"] == "skm-pkm-karangsari-2023")


def test_example_respondents_are_imported_with_their_answers(db):
    import_data(sukamaju())
    r = Responden.objects.get(survei__kode="skm-pkm-karangsari-2023", nomor=1)
    assert r.jawaban.count() == 9 and r.survei.unit.kode == "upt-puskesmas-karangsari"
    assert Responden.objects.filter(survei__kode="skm-pkm-karangsari-2023").count() == 30


def test_wrong_answer_count_and_mixed_data_are_refused(db):
    doc = sukamaju()
    s = karangsari(doc)
    s["responden"][3]["jawaban"] = s["responden"][3]["jawaban"][:8]
    s["distribusi"] = [{"unsur": 1, "persen_1": 0, "persen_2": 0, "persen_3": 50, "persen_4": 50}]
    s["unit"] = "puskesmas-hilang"
    with pytest.raises(ImportGagal) as e:
        import_data(doc)
    teks = [str(m) for m in e.value.masalah]
    j = doc["instansi"][0]["survei_skm"].index(s)
    p = f"$.instansi[0].survei_skm[{j}]"
    assert f"{p}.unit: unit 'puskesmas-hilang' tidak ada di susunan organisasi" in teks
    assert f"{p}.responden: isi jawaban per responden atau distribusi jawaban, tidak keduanya" in teks
    assert f"{p}.responden[3].jawaban: 8 jawaban, seharusnya 9 (satu per unsur metode permenpan-14-2017)" in teks
    assert not Responden.objects.exists()
