"""The standalone SKM report (DOCX and PDF read back) and the SKM section of the LKIP."""

import io

import docx
import pytest
from pypdf import PdfReader

from sakip.organisation.models import Instansi
from sakip.reporting.generate import dokumen, render
from sakip.skm.laporan import build_laporan_skm
from sakip.skm.models import SurveiSKM

_CACHE: dict = {}


def _tabel(document, judul: str) -> list[list[str]]:
    """Cell texts of the first table after the paragraph that holds `judul` (merged cells once)."""
    found = False
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[1]
        if tag == "p" and judul in "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")):
            found = True
        elif tag == "tbl" and found:
            rows = []
            for r in docx.table.Table(el, document).rows:
                cells, seen = [], set()
                for c in r.cells:
                    if id(c._tc) not in seen:
                        seen.add(id(c._tc))
                        cells.append(c.text)
                rows.append(cells)
            return rows
    raise AssertionError(f"no table titled {judul!r}")


@pytest.fixture
def karangsari(examples):
    """The fictional per-respondent survey as DOCX and PDF (rendered once per test run)."""
    survei = SurveiSKM.objects.get(kode="skm-pkm-karangsari-2023")
    if "karangsari" not in _CACHE:
        doc = build_laporan_skm(survei)
        _CACHE["karangsari"] = (doc, render(doc, "docx"), render(doc, "pdf"))
    doc, d, p = _CACHE["karangsari"]
    return {"doc": doc, "docx": docx.Document(io.BytesIO(d)), "pdf": PdfReader(io.BytesIO(p))}


def test_report_has_the_usual_chapters_and_nothing_missing(karangsari):
    headings = [p.text for p in karangsari["docx"].paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == [
        "BAB I PENDAHULUAN",
        "BAB II METODE SURVEI",
        "BAB III HASIL SURVEI",
        "BAB IV ANALISIS",
        "BAB V RENCANA TINDAK LANJUT",
        "BAB VI PENUTUP",
    ]
    assert karangsari["doc"].missing == []


def test_report_tables_hold_the_computed_values(karangsari):
    d = karangsari["docx"]
    distribusi = _tabel(d, "Distribusi Jawaban Responden per Unsur")
    assert distribusi[3] == ["3", "Waktu Penyelesaian", "0 (0,00 %)", "6 (20,00 %)", "12 (40,00 %)", "12 (40,00 %)"]
    nilai = _tabel(d, "Nilai per Unsur dan Indeks Kepuasan Masyarakat")
    assert nilai[8] == ["8", "Penanganan Pengaduan, Saran dan Masukan", "3,00", "0,333", "75,00", "C (Kurang Baik)"]
    assert nilai[-1] == ["Indeks Kepuasan Masyarakat", "3,381", "84,54", "B (Baik)"]  # 913 / 30 / 9
    interval = _tabel(d, "Interval Mutu Pelayanan menurut PermenPANRB 14/2017")
    assert interval[2] == ["2,60–3,064", "65,00–76,60", "C", "Kurang Baik"]
    kelamin = _tabel(d, "Responden menurut jenis kelamin")
    assert kelamin[1:] == [["Laki-laki", "3", "10,00 %"], ["Perempuan", "27", "90,00 %"], ["Jumlah", "30", "100,00 %"]]
    prioritas = _tabel(d, "Unsur di Bawah Rata-rata")
    assert [r[0] for r in prioritas[1:]] == ["8", "3", "2", "6"] and prioritas[1][3] == "-9,54"


def test_report_pdf_says_the_same(karangsari):
    text = "\n".join(p.extract_text() for p in karangsari["pdf"].pages)
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in text
    assert "Nilai IKM unit pelayanan 84,54" in text and "33 (tiga puluh tiga) responden" in text
    assert "Menambah satu loket pendaftaran" in text  # the rencana tindak lanjut as written
    assert "dr. Rina Kartikasari" in text or "Rina Kartikasari" in text


def test_a_distribution_survey_reports_no_profile_and_lists_what_is_missing(examples):
    doc = build_laporan_skm(SurveiSKM.objects.get(kode="skm-2020"))
    teks = "\n".join(
        b.content if isinstance(b.content, str) else "" for b in doc.blocks() if type(b).__name__ == "Paragraph"
    )
    assert "Profil responden tidak tersedia" in teks
    assert doc.missing == ["analisis hasil survei (survei skm-2020)", "rencana tindak lanjut (survei skm-2020)"]
    assert "[Rencana tindak lanjut belum diisi]" in teks


def test_lkip_skm_section_shows_the_index_grade_and_the_disagreeing_realisasi(examples):
    d = docx.Document(io.BytesIO(render(dokumen(Instansi.objects.get(slug="kecamatan-panti"), 2020, "lkip"), "docx")))
    rows = _tabel(d, "Nilai per Unsur Pelayanan")
    assert rows[0][-1] == "Mutu" and rows[9][-1] == "C" and rows[14][-1] == "A"
    assert rows[-1] == ["Rata-rata", "71,04", "", "B"]
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Nilai IKM unit pelayanan 71,04 (nilai interval 2,84, bobot tiap unsur 1/12)" in text
    assert "menurut interval KepmenPAN 25/2004" in text
    assert (
        "Realisasi indikator yang tercatat, B (70,89), tidak sama dengan hasil perhitungan survei, B (71,04)." in text
    )
