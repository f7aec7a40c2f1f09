"""Every document for every agency, including one with almost no data, in every format."""

import copy
import io
import subprocess

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sakip.interchange.importer import import_data
from sakip.interchange.tests.conftest import MINIMAL
from sakip.organisation.models import Instansi
from sakip.reporting.generate import DOCUMENTS, dokumen, render

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


@pytest.fixture
def bare():
    """An agency in its first Renstra year with no SKM, no previous year, no budget and no narrative."""
    doc = copy.deepcopy(MINIMAL)
    ins = doc["instansi"][0]
    for key in ("anggaran", "belanja", "laporan", "realisasi"):
        ins.pop(key)
    ins["perjanjian_kinerja"][0]["tahun"] = 2021
    import_data(doc)
    return Instansi.objects.get(slug="dinkes-uji")


@pytest.mark.parametrize("jenis", list(DOCUMENTS))
def test_sukamaju_documents_render_in_every_format(examples, jenis):
    ins = Instansi.objects.get(slug="dinas-kesehatan-sukamaju")
    doc = dokumen(ins, 2022, jenis)
    assert "Sukamaju" in doc.title.replace("Kabupaten ", "") or ins.nama in doc.title
    text_docx = docx_text(render(doc, "docx"))
    text_pdf = pdf_text(render(doc, "pdf"))
    html = render(doc, "html").decode()
    for text in (text_docx, text_pdf, html):
        assert "DINAS KESEHATAN KABUPATEN SUKAMAJU" in text.upper()


def test_sukamaju_lkip_measures_negative_indicators(examples):
    ins = Instansi.objects.get(slug="dinas-kesehatan-sukamaju")
    text = pdf_text(render(dokumen(ins, 2022, "lkip"), "pdf"))
    assert "(Target − (Realisasi − Target)) / Target × 100 %" in text
    assert "103,68 %" in text  # AKI 120,4 against 125: (250 − 120,4) / 125
    assert "Profil Kesehatan Indonesia" in text or "nasional" in text.lower()


def test_an_agency_with_almost_no_data_still_gets_a_complete_lkip(bare):
    doc = dokumen(bare, 2021, "lkip")
    assert any("anggaran tahun 2021" in m for m in doc.missing)
    assert any("realisasi 2021" in m for m in doc.missing)
    text = docx_text(render(doc, "docx"))
    for heading in (
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
    ):
        assert heading in text
    assert "Data anggaran tahun 2021 belum diisi" in text
    assert "belum tersedia untuk dibandingkan" in text
    assert "BAB IV PENUTUP" in pdf_text(render(doc, "pdf"))


def test_pk_document_has_the_agreement_and_both_signatories(examples):
    ins = Instansi.objects.get(slug="kecamatan-panti")
    text = docx_text(render(dokumen(ins, 2020, "pk"), "docx"))
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2020" in text
    assert "Drs. H. BUDI SUSILA, M.Si" in text and "dr. Hj. FAIDA, MMR." in text
    assert "Pihak Pertama" in text and "Pihak Kedua" in text
    assert "NIP. 19640305 199204 1 001" in text and "Rp 400.000.000,00" in text


def test_iku_decree_carries_its_number_and_table(examples):
    ins = Instansi.objects.get(slug="kecamatan-panti")
    text = pdf_text(render(dokumen(ins, 2020, "iku"), "pdf"))
    assert "065/07/35.09.14/2021" in text and "MEMUTUSKAN" in text and "18 Januari 2021" in text


def test_missing_documents_are_produced_with_a_placeholder(bare):
    doc = dokumen(bare, 2021, "rkt")
    assert doc.missing == ["RKT tahun 2021"]
    assert "RKT tahun 2021 belum diisi" in docx_text(render(doc, "docx"))


def test_report_command_writes_the_file_and_lists_what_is_missing(examples, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "lkip.docx"
    call_command(
        "report",
        "--agency",
        "kecamatan-panti",
        "--year",
        "2020",
        "--doc",
        "lkip",
        "-o",
        str(target),
        stdout=out,
        stderr=err,
    )
    assert target.stat().st_size > 20_000
    assert "narasi: Isu Strategis" in err.getvalue()
    with pytest.raises(CommandError, match="--strict"):
        call_command(
            "report",
            "--agency",
            "kecamatan-panti",
            "--year",
            "2020",
            "-o",
            str(tmp_path / "x.pdf"),
            "--strict",
            stdout=out,
            stderr=err,
        )
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


def test_skm_report_of_the_year_is_the_report_of_its_survey(examples):
    panti = Instansi.objects.get(slug="kecamatan-panti")
    text = docx_text(render(dokumen(panti, 2020, "skm"), "docx"))
    assert "71,04" in text  # the index of the 12 answered unsur, from the answer distribution
    assert dokumen(panti, 2019, "skm").missing == ["survei SKM tahun 2019"]
