"""Precision: an LKIP that sakip generates from the examples (DOCX and PDF) gives no error in
document reviu, and the Sukamaju example's planted target disagreements come out as warnings."""

import pytest

from sakip.organisation.models import Instansi
from sakip.reporting.generate import dokumen, render
from sakip.review.document_rules import reviu_dokumen
from sakip.review.reader import read

CASES = [("kecamatan-panti", 2020), ("dinas-kesehatan-sukamaju", 2022), ("dinas-kesehatan-sukamaju", 2023)]
_cache: dict = {}


@pytest.fixture
def generated(request, tmp_path_factory):
    """Findings of every example LKIP in both formats, rendered once for the module."""
    if not _cache:
        request.getfixturevalue("examples")
        out = tmp_path_factory.mktemp("lkip")
        for slug, year in CASES:
            doc = dokumen(Instansi.objects.get(slug=slug), year, "lkip")
            for fmt in ("docx", "pdf"):
                path = out / f"{slug}-{year}.{fmt}"
                path.write_bytes(render(doc, fmt))
                _cache[(slug, year, fmt)] = reviu_dokumen(read(path))
    return _cache


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("slug, year", CASES)
def test_a_generated_lkip_has_no_error(generated, slug, year, fmt):
    assert [f for f in generated[(slug, year, fmt)] if f.severity == "error"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_planted_target_disagreements_are_warnings(generated, fmt):
    def beda(year):
        return {
            (f.stated, f.expected.split(" (")[0])
            for f in generated[("dinas-kesehatan-sukamaju", year, fmt)]
            if f.rule == "target-beda" and f.severity == "warning"
        }

    assert ("130 per 100.000 KH", "125 per 100.000 KH") in beda(2022)  # RKT 2022 aki against the PK
    assert ("84 %", "80 %") in beda(2022)  # Renstra akreditasi against the PK perubahan
    assert ("20 %", "18 %") in beda(2023)  # RKT 2023 stunting against the PK 2023


@pytest.mark.django_db
def test_the_docx_and_pdf_of_one_lkip_give_the_same_findings(generated):
    def key(f):
        return (f.rule, f.severity, f.stated, f.expected)

    for slug, year in CASES:
        assert sorted(map(key, generated[(slug, year, "docx")])) == sorted(map(key, generated[(slug, year, "pdf")]))
