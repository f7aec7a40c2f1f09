"""`sakip reviu`: document and data reviu, the JSON the acceptance checks read, the reviu report,
and one clear message for bad input."""

import io
import json

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from sakip.interchange.importer import example_path, import_file
from sakip.review.models import TemuanReviu

CLEAN = "LAPORAN KINERJA\nTAHUN 2020\n\nLaporan Kinerja Dinas Contoh Tahun 2020 disusun sesuai pedoman.\n"
BROKEN = CLEAN + "Laporan Kinerja Dinas Contoh tahun 2019 merupakan laporan atas target.\n"


def reviu(*args) -> str:
    out = io.StringIO()
    call_command("reviu", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_document_reviu_prints_exactly_the_findings_json(tmp_path):
    (tmp_path / "lkip.txt").write_text(BROKEN)
    data = json.loads(reviu(str(tmp_path / "lkip.txt"), "--json"))
    assert list(data) == ["findings"]
    (f,) = data["findings"]
    assert list(f) == ["rule", "severity", "location", "message", "stated", "expected"]
    assert (f["rule"], f["severity"], f["stated"], f["expected"]) == ("tahun-laporan", "error", "2019", "2020")
    assert "(baris 5)" in f["location"]


def test_document_reviu_as_text(tmp_path):
    (tmp_path / "lkip.txt").write_text(BROKEN)
    out = reviu(str(tmp_path / "lkip.txt"))
    assert "[KESALAHAN] tahun-laporan" in out and "tertulis: 2019; seharusnya: 2020" in out
    assert out.rstrip().endswith("1 temuan: 1 kesalahan, 0 peringatan, 0 info.")


def test_the_reviu_report_has_the_statement_page_only_without_open_errors(tmp_path):
    (tmp_path / "salah.txt").write_text(BROKEN)
    (tmp_path / "bersih.txt").write_text(CLEAN)
    reviu(str(tmp_path / "salah.txt"), "-o", str(tmp_path / "salah.docx"))
    reviu(str(tmp_path / "bersih.txt"), "-o", str(tmp_path / "bersih.pdf"))
    text = "\n".join(p.text for p in docx.Document(tmp_path / "salah.docx").paragraphs)
    cells = [c.text for t in docx.Document(tmp_path / "salah.docx").tables for r in t.rows for c in r.cells]
    assert "CATATAN HASIL REVIU ATAS LAPORAN KINERJA" in text and "PERNYATAAN TELAH DIREVIU" not in text
    assert "2019" in cells and "Kesalahan" in cells
    pdf = " ".join(page.extract_text() for page in PdfReader(tmp_path / "bersih.pdf").pages)
    assert "CATATAN HASIL REVIU" in pdf and "PERNYATAAN TELAH DIREVIU" in pdf
    assert "Tidak ada kesalahan yang masih terbuka" in pdf


@pytest.mark.django_db
def test_data_reviu_stores_its_findings_and_prints_them(tmp_path):
    import_file(example_path("kabupaten-jember.json"))
    data = json.loads(reviu("--agency", "kecamatan-panti", "--year", "2020", "--json"))
    stored = TemuanReviu.objects.filter(instansi__slug="kecamatan-panti", tahun=2020)
    assert len(data["findings"]) == stored.count() > 0
    assert {f["rule"] for f in data["findings"]} >= {"target-beda", "anggaran-jumlah", "bukti-kosong"}
    reviu("--agency", "kecamatan-panti", "--year", "2020", "-o", str(tmp_path / "chr.pdf"))
    pdf = " ".join(page.extract_text() for page in PdfReader(tmp_path / "chr.pdf").pages)
    assert "Laporan Kinerja Kecamatan Panti Tahun 2020" in pdf and "PERNYATAAN TELAH DIREVIU" not in pdf


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "Sebutkan satu"),
        (["/tidak/ada.docx"], "tidak ada"),
        (["x.txt", "--agency", "a", "--year", "2020"], "Sebutkan satu"),
        (["--agency", "kecamatan-panti"], "--year wajib"),
        (["x.txt", "-o", "hasil.xlsx"], ".docx atau .pdf"),
    ],
)
def test_bad_input_gives_one_clear_message(args, message):
    with pytest.raises(CommandError, match=message):
        reviu(*args)


@pytest.mark.django_db
def test_an_unknown_agency_is_named():
    with pytest.raises(CommandError, match="'tidak-ada'"):
        reviu("--agency", "tidak-ada", "--year", "2020")
