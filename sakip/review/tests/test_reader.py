"""The reader: tables, merged cells, header rows, tables broken across pages, in text, DOCX and PDF."""

import docx
import pytest

from sakip.reporting.document import Cell, Dokumen, Heading, Paragraph, Section, Table
from sakip.reporting.render_pdf import render_pdf
from sakip.review.reader import ReadError, read, read_text


def test_text_tables_with_a_merged_header_and_a_page_break():
    doc = read_text(
        "\n".join(
            [
                "BAB III AKUNTABILITAS KINERJA",
                "Tabel 3.2",
                "Perbandingan Realisasi",
                "NO.\tINDIKATOR\tTARGET\tREALISASI\t",
                "\t\t\tTh. 2019\tTh. 2020",
                "(1)\t(2)\t(3)\t(4)\t(5)",
                "1\tIndikator A\t80\t75\t79",
                "",  # a page break inside the table
                "2\tIndikator B\t90\t85\t88",
                "",
                "NO\tUNSUR\tSKOR",  # a new table starts with its own header
                "1\tPersyaratan\t75",
            ]
        )
    )
    first, second = doc.tables
    assert first.title == "Tabel 3.2 Perbandingan Realisasi"
    assert first.section == "BAB III AKUNTABILITAS KINERJA"
    assert first.columns == ["NO.", "INDIKATOR", "TARGET", "REALISASI Th. 2019", "REALISASI Th. 2020"]
    assert [r.where for r in first.rows] == ["baris 7", "baris 9"]
    assert second.columns == ["NO", "UNSUR", "SKOR"]


def test_a_heading_written_on_two_lines_is_one_section():
    doc = read_text("BAB IV\n\nPENUTUP\n\nDemikian laporan ini.")
    assert doc.paragraphs[-1].section == "BAB IV PENUTUP"


def _docx(path):
    d = docx.Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", 1)
    d.add_paragraph("Tabel 3.1 Pengukuran Kinerja Tahun 2020")
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Sasaran"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Realisasi"
    t.cell(0, 3).merge(t.cell(1, 3)).text = "Ket"
    t.cell(1, 1).text, t.cell(1, 2).text = "2019", "2020"
    t.cell(2, 0).merge(t.cell(3, 0)).text = "Sasaran 1"
    for i, (a, b) in enumerate([("75,79", "70,89"), ("80", "82")], 2):
        t.cell(i, 1).text, t.cell(i, 2).text, t.cell(i, 3).text = a, b, "-"
    for row in t.rows[:2]:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(docx.oxml.ns.qn("w:tblHeader"), {}))
    d.save(path)


def test_docx_merged_cells_are_spread_and_marked(tmp_path):
    _docx(tmp_path / "a.docx")
    doc = read(tmp_path / "a.docx")
    (t,) = doc.tables
    assert t.title == "Tabel 3.1 Pengukuran Kinerja Tahun 2020" and t.section == "BAB III AKUNTABILITAS KINERJA"
    assert t.columns == ["Sasaran", "Realisasi 2019", "Realisasi 2020", "Ket"]
    assert [(c.text, c.origin) for c in t.rows[1].cells[:2]] == [("Sasaran 1", False), ("80", True)]


def _pdf(path, rows: int):
    body = [[Cell("Sasaran A", rowspan=rows)] + [Cell(f"Indikator {i}"), Cell(f"{i},5 %")] for i in range(1, 2)]
    body += [[Cell(f"Indikator {i}"), Cell(f"{i},5 %")] for i in range(2, rows + 1)]
    table = Table(
        [3, 5, 2],
        [[Cell("Sasaran", bold=True), Cell("Indikator", bold=True), Cell("Target", bold=True)]],
        body,
        title="Tabel 3.1 Target",
    )
    doc = Dokumen("uji", [Section([Heading("BAB III AKUNTABILITAS KINERJA"), Paragraph("Pengantar."), table])])
    path.write_bytes(render_pdf(doc))


def test_a_pdf_table_over_several_pages_is_one_table_without_repeated_headers(tmp_path):
    _pdf(tmp_path / "a.pdf", 70)
    doc = read(tmp_path / "a.pdf")
    (t,) = doc.tables
    assert t.columns == ["Sasaran", "Indikator", "Target"]
    assert t.title == "Tabel 3.1 Target" and t.section.startswith("BAB III")
    assert [r.text(1) for r in t.rows] == [f"Indikator {i}" for i in range(1, 71)]
    assert len({r.where for r in t.rows}) > 1  # it did run over pages
    assert t.rows[0].cells[0].origin and t.rows[1].cells[0].text == "Sasaran A" and not t.rows[1].cells[0].origin


def test_bad_files_are_refused_with_their_name(tmp_path):
    with pytest.raises(ReadError, match="tidak ada"):
        read(tmp_path / "hilang.pdf")
    (tmp_path / "x.odt").write_text("x")
    with pytest.raises(ReadError, match="format .odt"):
        read(tmp_path / "x.odt")
    (tmp_path / "rusak.docx").write_bytes(b"bukan zip")
    with pytest.raises(ReadError, match="rusak.docx"):
        read(tmp_path / "rusak.docx")
    (tmp_path / "rusak.pdf").write_bytes(b"%PDF-1.4 rusak")
    with pytest.raises(ReadError, match="rusak.pdf"):
        read(tmp_path / "rusak.pdf")


def test_a_scanned_pdf_without_text_is_refused(tmp_path):
    import pymupdf

    d = pymupdf.open()
    d.new_page().draw_circle((100, 100), 30)
    d.save(tmp_path / "pindaian.pdf")
    with pytest.raises(ReadError, match="lapisan teks"):
        read(tmp_path / "pindaian.pdf")
