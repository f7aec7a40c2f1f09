"""The DOCX renderer: a real Word document (styles, TOC field, tables, sections), read back."""

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from PIL import Image, ImageDraw

from sakip.reporting.document import (
    Cell,
    Cover,
    Dokumen,
    Figure,
    Heading,
    Letterhead,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Section,
    Signature,
    Signatures,
    Table,
    TableOfContents,
)
from sakip.reporting.render_docx import (
    TOC_INSTRUCTION,
    estimate_toc_pages,
    layout_rows,
    render_docx,
    toc_pages_from_libreoffice,
)

SOFFICE = "/usr/bin/soffice"

HEADINGS = [
    (1, "BAB I PENDAHULUAN"),
    (2, "A. Latar Belakang"),
    (2, "B. Tugas Pokok dan Fungsi"),
    (3, "1. Struktur Organisasi"),
    (1, "BAB II PERENCANAAN KINERJA"),
    (2, "A. Rencana Strategis"),
    (1, "BAB III AKUNTABILITAS KINERJA"),
    (2, "A. Capaian Kinerja Organisasi"),
    (2, "B. Realisasi Anggaran"),
    (1, "BAB IV PENUTUP"),
]


def png(width=400, height=240, colour=(30, 90, 160)) -> bytes:
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle([20, 20, width - 20, height - 20], outline=colour, width=6)
    for i in range(5):
        draw.rectangle([50 + i * 65, height - 40 - i * 30, 90 + i * 65, height - 30], fill=colour)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def logo() -> bytes:
    img = Image.new("RGB", (200, 240), "white")
    draw = ImageDraw.Draw(img)
    draw.polygon([(100, 5), (195, 60), (170, 235), (30, 235), (5, 60)], fill=(200, 160, 20), outline="black")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


LOREM = (
    "Laporan Kinerja Instansi Pemerintah (LKjIP) merupakan bentuk pertanggungjawaban atas pelaksanaan "
    "tugas pokok dan fungsi serta pengelolaan sumber daya dalam mencapai sasaran strategis yang telah "
    "ditetapkan dalam Rencana Strategis dan Perjanjian Kinerja tahun berjalan."
)


def measurement_table(rows: int = 40) -> Table:
    header = [
        [
            Cell("No", rowspan=2, align="center"),
            Cell("Sasaran Strategis", rowspan=2, align="center"),
            Cell("Indikator Kinerja", rowspan=2, align="center"),
            Cell("Tahun 2020", colspan=3, align="center"),
        ],
        [Cell("Target", align="center"), Cell("Realisasi", align="center"), Cell("Capaian (%)", align="center")],
    ]
    body = []
    for i in range(1, rows + 1):
        if i % 4 == 1:  # a sasaran spanning the next two indicators
            body.append(
                [
                    Cell(str(i), align="center"),
                    Cell(f"Sasaran strategis nomor {i}", rowspan=2),
                    Cell(f"Indikator kinerja {i}"),
                    Cell("80", align="right"),
                    Cell("84", align="right"),
                    Cell("105,00", align="right", shade="#C6EFCE"),
                ]
            )
        elif i % 4 == 2:  # the continued row has one cell less
            body.append(
                [
                    Cell(str(i), align="center"),
                    Cell(f"Indikator kinerja {i}"),
                    Cell("90", align="right"),
                    Cell("81", align="right"),
                    Cell("90,00", align="right"),
                ]
            )
        else:
            body.append(
                [
                    Cell(str(i), align="center"),
                    Cell(f"Sasaran strategis nomor {i}"),
                    Cell(f"Indikator kinerja {i} dengan nama yang cukup panjang sehingga terlipat"),
                    Cell("100", align="right"),
                    Cell("95", align="right"),
                    Cell("95,00", align="right"),
                ]
            )
    body.append([Cell("Rata-rata capaian", colspan=5, align="right", bold=True), Cell("97,50", align="right")])
    return Table(
        columns=[0.6, 3, 4, 1.3, 1.3, 1.3],
        header=header,
        body=body,
        title="Tabel 3.1 Pengukuran Kinerja Tahun 2020",
        source="Sumber data: Bagian Perencanaan, diolah",
    )


def wide_table() -> Table:
    years = ["2016", "2017", "2018", "2019", "2020", "2021"]
    header = [
        [Cell("No", rowspan=2), Cell("Sasaran", rowspan=2), Cell("Indikator", rowspan=2)]
        + [Cell(y, colspan=2, align="center") for y in years],
        [c for _ in years for c in (Cell("T", align="center"), Cell("R", align="center"))],
    ]
    body = [
        [Cell(str(i), align="center"), Cell(f"Sasaran {i}"), Cell(f"Indikator Renstra {i}")]
        + [Cell(f"{70 + i + k},5", align="right") for k in range(12)]
        for i in range(1, 9)
    ]
    return Table(
        columns=[0.5, 2.5, 3] + [0.9] * 12,
        header=header,
        body=body,
        title="Tabel 2.1 Matriks Rencana Strategis 2016-2021",
        font="small",
    )


def sample() -> Dokumen:
    kop = Letterhead(
        pemda="Pemerintah Kabupaten Jember",
        instansi="Kecamatan Panti",
        alamat="Jl. Pemuda No. 1 Panti, Jember 68153 · Telp. (0331) 123456 · kec-panti@jemberkab.go.id",
        logo_png=logo(),
    )
    kepala = Signature(
        jabatan="Camat Panti,",
        nama="Drs. SUGENG WIDODO, M.Si",
        tempat_tanggal="Jember, 15 Februari 2021",
        pangkat="Pembina Tingkat I",
        nip="NIP. 19640305 199204 1 001",
    )
    bupati = Signature(jabatan="Bupati Jember,", nama="Ir. H. HENDY SISWANTO, ST., IPU.", label="Pihak Kedua")
    return Dokumen(
        title="LKjIP Kecamatan Panti 2020",
        sections=[
            Section(
                [
                    Cover(
                        title=["LAPORAN KINERJA", "INSTANSI PEMERINTAH (LKjIP)"],
                        subtitle=["KECAMATAN PANTI", "KABUPATEN JEMBER"],
                        year="TAHUN 2020",
                        logo_png=logo(),
                    )
                ],
                numbering=None,
            ),
            Section(
                [
                    Heading("KATA PENGANTAR", 1, toc=False),
                    Paragraph(LOREM),
                    Signatures(left=None, right=kepala),
                    PageBreak(),
                    TableOfContents(),
                ]
            ),
            Section(
                [
                    Heading(HEADINGS[0][1], 1),
                    Heading(HEADINGS[1][1], 2),
                    Paragraph([LOREM, " ", Run("Penekanan", bold=True), " dan ", Run("istilah", italic=True), "."]),
                    Paragraph("Uraikan di sini isu strategis yang dihadapi tahun ini.", placeholder=True),
                    Heading(HEADINGS[2][1], 2),
                    Paragraph("Tugas pokok kecamatan meliputi:"),
                    ListBlock(["Koordinasi pemerintahan;", "Pelayanan masyarakat;", "Pembinaan desa."]),
                    ListBlock(["urusan umum;", "urusan keuangan."], style="a", indent=1),
                    ListBlock(["Catatan berbutir satu", "Catatan berbutir dua"], style="-"),
                    Heading(HEADINGS[3][1], 3),
                    Paragraph("Struktur organisasi ditunjukkan pada gambar berikut.", indent=1),
                    Figure(png(), "Gambar 1.1 Struktur Organisasi Kecamatan Panti", width_cm=12),
                    Heading(HEADINGS[4][1], 1),
                    Heading(HEADINGS[5][1], 2),
                    Paragraph(LOREM),
                ]
            ),
            Section([wide_table(), Paragraph("Matriks di atas disusun dari Renstra.", style="note")], "landscape"),
            Section(
                [
                    Heading(HEADINGS[6][1], 1),
                    Heading(HEADINGS[7][1], 2),
                    measurement_table(),
                    Heading(HEADINGS[8][1], 2),
                    Paragraph(LOREM),
                    Heading(HEADINGS[9][1], 1),
                    Paragraph(LOREM),
                    Signatures(left=None, right=kepala),
                ]
            ),
            Section(
                [
                    kop,
                    Paragraph("PERJANJIAN KINERJA TAHUN 2021", style="title"),
                    Paragraph(LOREM),
                    Signatures(
                        left=bupati, right=Signature("Camat Panti,", "Drs. SUGENG WIDODO, M.Si", label="Pihak Pertama")
                    ),
                ],
                numbering=None,
            ),
        ],
    )


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(sample())


@pytest.fixture(scope="module")
def word(rendered):
    return docx.Document(io.BytesIO(rendered))


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def body_xml(rendered: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(rendered)).read("word/document.xml").decode()


def test_headings_use_the_built_in_heading_styles(word):
    found = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert [(f"Heading {lv}", t) for lv, t in HEADINGS] == [f for f in found if "(not in TOC)" not in f[0]]
    assert ("Heading 1 (not in TOC)", "KATA PENGANTAR") in found
    h1 = word.styles["Heading 1"]
    assert h1.font.name == "Arial" and h1.font.bold and h1.font.size.pt == 14
    assert h1.paragraph_format.keep_with_next and h1.paragraph_format.page_break_before
    assert word.styles["Heading 2"].font.size.pt == 12 and word.styles["Heading 3"].font.size.pt == 11
    # the first heading of a section does not add a page break of its own
    first = next(p for p in word.paragraphs if p.text == HEADINGS[0][1])
    assert first.paragraph_format.page_break_before is False


def test_base_font_and_page_setup(word):
    normal = word.styles["Normal"]
    assert normal.font.name == "Arial"
    rfonts = word.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    assert {rfonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Arial"}
    s = word.sections[0]
    assert round(s.page_width.cm, 1) == 21.0 and round(s.page_height.cm, 1) == 29.7
    margins = [round(x.cm, 2) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)]
    assert margins == [2.5, 2.5, 3, 2.5]


def test_toc_is_a_field_with_cached_entries_for_every_heading_in_order(word, rendered):
    xml = body_xml(rendered)
    assert TOC_INSTRUCTION.strip() in xml.replace("&quot;", '"')
    entries = [p for p in word.paragraphs if p.style.style_id in ("TOC1", "TOC2", "TOC3")]
    assert [e.text.split("\t")[0] for e in entries] == [t for _, t in HEADINGS]
    assert [e.style.name for e in entries] == [f"toc {lv}" for lv, _ in HEADINGS]
    # the title of the TOC is not a heading of its own
    title = next(p for p in word.paragraphs if p.text == "DAFTAR ISI")
    assert not title.style.name.startswith("Heading")
    assert "DAFTAR ISI" not in [e.text for e in entries]
    # the dotted right tab in the TOC styles
    tab = word.styles["toc 1"].element.find(f".//{qn('w:tab')}")
    assert tab.get(qn("w:val")) == "right" and tab.get(qn("w:leader")) == "dot"


def test_every_heading_is_bookmarked_and_referenced_by_a_pageref(word, rendered):
    xml = body_xml(rendered)
    refs = re.findall(r"PAGEREF (_Toc\d+) \\h", xml)
    assert len(refs) == len(HEADINGS)
    for (_, text), ref in zip(HEADINGS, refs, strict=True):
        p = next(p for p in word.paragraphs if p.text == text)
        names = [b.get(qn("w:name")) for b in p._p.findall(qn("w:bookmarkStart"))]
        assert names == [ref]
        assert len(p._p.findall(qn("w:bookmarkEnd"))) == 1


def test_word_is_asked_to_update_fields_on_open(rendered):
    settings = zipfile.ZipFile(io.BytesIO(rendered)).read("word/settings.xml").decode()
    assert '<w:updateFields w:val="true"/>' in settings


def cell_texts(table) -> list[list[str]]:
    """The text of each real w:tc of each row (a merged cell once)."""
    return [["".join(t.text for t in tc.iter(qn("w:t"))) for tc in tr.findall(qn("w:tc"))] for tr in table._tbl.tr_lst]


def find_table(word, first_text):
    return next(t for t in word.tables if cell_texts(t)[0][0] == first_text and len(t.columns) > 3)


def test_table_cells_merges_and_repeating_header(word):
    table = next(t for t in word.tables if "Sasaran Strategis" in cell_texts(t)[0])
    rows = cell_texts(table)
    assert rows[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Tahun 2020"]
    assert rows[1] == ["", "", "", "Target", "Realisasi", "Capaian (%)"]  # continued rowspans are empty
    assert len(rows) == 2 + 40 + 1
    assert rows[2] == ["1", "Sasaran strategis nomor 1", "Indikator kinerja 1", "80", "84", "105,00"]
    assert rows[3] == ["2", "", "Indikator kinerja 2", "90", "81", "90,00"]
    assert sum(r.count("Sasaran strategis nomor 1") for r in rows) == 1
    assert rows[-1] == ["Rata-rata capaian", "97,50"]
    trs = table._tbl.tr_lst
    # header: "Tahun 2020" spans three columns, "No" spans two rows
    assert trs[0].tc_lst[3].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "3"
    assert trs[0].tc_lst[0].tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"
    assert trs[1].tc_lst[0].tcPr.find(qn("w:vMerge")).get(qn("w:val")) is None
    assert trs[-1].tc_lst[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "5"
    # header rows repeat, no row splits, header shaded and bold
    assert [tr.trPr.find(qn("w:tblHeader")) is not None for tr in trs[:3]] == [True, True, False]
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs)
    assert trs[0].tc_lst[0].tcPr.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"
    assert trs[0].tc_lst[0].findall(f".//{qn('w:b')}")
    assert trs[2].tc_lst[5].tcPr.find(qn("w:shd")).get(qn("w:fill")) == "C6EFCE"

    # rows that must stay on one page: the header with the first row, a rowspan's rows, the total row
    def keeps(tr):
        return all(p.pPr is not None and p.pPr.keepNext is not None for p in tr.iter(qn("w:p")))

    assert keeps(trs[0]) and keeps(trs[1])
    assert keeps(trs[2]) and not keeps(trs[3])  # "Sasaran strategis nomor 1" spans rows 1 and 2
    assert keeps(trs[-2]) and not keeps(trs[-1])
    # python-docx sees the merged grid too
    assert table.cell(0, 3).text == table.cell(0, 5).text == "Tahun 2020"
    assert table.cell(1, 0).text == "No"


def test_column_widths_fill_the_usable_width_of_the_orientation(word):
    portrait = next(t for t in word.tables if "Sasaran Strategis" in cell_texts(t)[0])
    landscape = next(t for t in word.tables if "2016" in cell_texts(t)[0])

    def grid(t):
        return [int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol"))]

    assert abs(sum(grid(portrait)) - 15.5 * 567) < 20
    assert abs(sum(grid(landscape)) - 24.7 * 567) < 20
    assert grid(portrait)[2] > grid(portrait)[0] * 6


def test_table_title_above_and_source_below(word):
    body = word.element.body
    tbl = next(t for t in word.tables if "Sasaran Strategis" in cell_texts(t)[0])._tbl
    before, after = tbl.getprevious(), tbl.getnext()
    assert text_of(before) == "Tabel 3.1 Pengukuran Kinerja Tahun 2020"
    assert before.pPr.keepNext is not None
    assert text_of(after) == "Sumber data: Bagian Perencanaan, diolah"
    assert body.index(before) < body.index(tbl)


def test_sections_orientation_and_page_numbers(word):
    orient = [(s.orientation, s.page_width > s.page_height) for s in word.sections]
    portrait, landscape = (WD_ORIENT.PORTRAIT, False), (WD_ORIENT.LANDSCAPE, True)
    assert orient == [portrait] * 3 + [landscape] + [portrait] * 2
    landscape = word.sections[3]
    assert round(landscape.top_margin.cm, 2) == 3 and round(landscape.left_margin.cm, 2) == 2.5

    def has_page_field(section):
        return any("PAGE" in (i.text or "") for i in section.footer._element.iter(qn("w:instrText")))

    assert not has_page_field(word.sections[0]) and not word.sections[0].footer.is_linked_to_previous
    assert has_page_field(word.sections[1])
    assert all(word.sections[i].footer.is_linked_to_previous for i in (2, 3, 4))  # numbering continues
    assert not has_page_field(word.sections[5]) and not word.sections[5].footer.is_linked_to_previous


def test_placeholder_is_italic_and_highlighted(word):
    p = next(p for p in word.paragraphs if p.text.startswith("Uraikan di sini"))
    assert all(r.italic and r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in p.runs)
    normal = next(p for p in word.paragraphs if "Penekanan" in p.text)
    assert [r.text for r in normal.runs if r.bold] == ["Penekanan"]
    assert not any(r.font.highlight_color for r in normal.runs)


def test_lists_use_word_numbering_restarting_per_list(word):
    items = [p for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [p.text for p in items][:3] == ["Koordinasi pemerintahan;", "Pelayanan masyarakat;", "Pembinaan desa."]
    numbering = word.part.numbering_part.element
    num_ids = [p._p.pPr.numPr.numId.val for p in items]
    assert len(set(num_ids)) == 3  # one numbering instance per list

    def fmt(num_id):
        num = numbering.num_having_numId(num_id)
        aid = num.abstractNumId.val
        a = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == str(aid))
        lvl = a.find(qn("w:lvl"))
        return lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val"))

    assert fmt(num_ids[0]) == ("decimal", "%1.")
    assert fmt(num_ids[3]) == ("lowerLetter", "%1.")
    assert fmt(num_ids[5]) == ("bullet", "\u2013")
    ind = items[3]._p.pPr.ind
    assert ind.hanging > 0 and ind.left > items[0]._p.pPr.ind.left  # nested list is indented further


def test_figure_is_inline_centered_with_caption(word):
    pics = word.inline_shapes
    assert len(pics) >= 1
    figure = next(p for p in word.paragraphs if p._p.findall(f".//{qn('w:drawing')}") and p.style.name == "Normal")
    assert figure.alignment == 1 and figure.paragraph_format.keep_with_next
    assert round(pics[-1].width.cm, 1) == 12.0 or any(round(s.width.cm, 1) == 12.0 for s in pics)
    caption = figure._p.getnext()
    assert text_of(caption) == "Gambar 1.1 Struktur Organisasi Kecamatan Panti"


def test_signatures_one_on_the_right_two_side_by_side(word):
    single = next(t for t in word.tables if any("Drs. SUGENG" in c for r in cell_texts(t) for c in r))
    rows = cell_texts(single)
    assert ["", "Jember, 15 Februari 2021"] in rows and ["", "Camat Panti,"] in rows
    name = next(r for r in rows if r[1] == "Drs. SUGENG WIDODO, M.Si")
    assert name[0] == ""
    nip_row = next(r for r in rows if r[1].startswith("NIP."))
    assert rows.index(nip_row) > rows.index(name)
    run = next(r for p in single.rows[rows.index(name)].cells[1].paragraphs for r in p.runs)
    assert run.bold and run.underline
    pair = [t for t in word.tables if any("Pihak Kedua" in c for r in cell_texts(t) for c in r)][0]
    assert ["Pihak Kedua", "Pihak Pertama"] in cell_texts(pair)
    assert ["Ir. H. HENDY SISWANTO, ST., IPU.", "Drs. SUGENG WIDODO, M.Si"] in cell_texts(pair)
    assert pair._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "nil"


def test_letterhead_logo_text_and_double_rule(word):
    kop = next(t for t in word.tables if "KECAMATAN PANTI" in "".join(cell_texts(t)[0]))
    logo_cell, text_cell, _ = kop.rows[0].cells
    assert logo_cell._tc.findall(f".//{qn('w:drawing')}")
    lines = [p.text for p in text_cell.paragraphs]
    assert lines[:2] == ["PEMERINTAH KABUPATEN JEMBER", "KECAMATAN PANTI"]
    assert text_cell.paragraphs[1].runs[0].font.size.pt == 16
    rule = kop._tbl.getnext()
    assert rule.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "thickThinSmallGap"


def test_cover_has_title_logo_and_year_without_page_number(word):
    texts = [p.text for p in word.paragraphs[:8]]
    assert texts[:2] == ["LAPORAN KINERJA", "INSTANSI PEMERINTAH (LKjIP)"]
    assert "TAHUN 2020" in texts
    assert word.paragraphs[0].style.name == "Cover Title"


def test_core_properties_and_renders_are_byte_identical(word, rendered):
    assert word.core_properties.title == "LKjIP Kecamatan Panti 2020"
    assert word.core_properties.author == "sakip"
    assert word.core_properties.created.year == 2000
    assert render_docx(sample()) == rendered


def test_layout_rejects_a_row_wider_than_the_columns():
    with pytest.raises(ValueError, match="does not fit"):
        layout_rows([[Cell("a", colspan=3)]], 2)
    with pytest.raises(ValueError, match="more than"):
        layout_rows([[Cell("a"), Cell("b"), Cell("c")]], 2)
    slots = layout_rows([[Cell("a", rowspan=2), Cell("b")], [Cell("c")]], 2)
    assert [s.kind for s in slots[1]] == ["continue", "cell"]


def test_empty_document_and_headingless_toc_still_render():
    data = render_docx(Dokumen("kosong", [Section([TableOfContents(), Paragraph("isi")])]))
    d = docx.Document(io.BytesIO(data))
    assert [p.text for p in d.paragraphs][0] == "DAFTAR ISI"
    assert render_docx(Dokumen("kosong", []))


def test_cover_in_a_numbered_section_has_no_number_on_its_page():
    doc = Dokumen(
        "x", [Section([Cover(["JUDUL"], [], "2020"), Heading("BAB I", 1), Paragraph("isi")]), Section([Paragraph("b")])]
    )
    word = docx.Document(io.BytesIO(render_docx(doc)))
    first, second = word.sections
    assert first.different_first_page_header_footer and not first.first_page_footer.is_linked_to_previous
    assert not first.first_page_footer._element.findall(f".//{qn('w:instrText')}")
    assert any("PAGE" in i.text for i in first.footer._element.iter(qn("w:instrText")))
    assert not second.different_first_page_header_footer
    assert estimate_toc_pages(doc) == ["2"]  # the chapter starts on the page after the cover


# --------------------------------------------------------------------------- LibreOffice round trip


needs_libreoffice = pytest.mark.skipif(
    not os.path.exists(SOFFICE) or not shutil.which("pdftotext"), reason="LibreOffice or pdftotext not installed"
)


def pdf_pages(data: bytes, tmp_path: Path) -> list[str]:
    pdf = docx_to_pdf(data, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def toc_numbers_and_real_pages(pages: list[str]) -> list[tuple[str, int | None, int]]:
    """(heading, number at the end of its TOC line, page the heading is really on)."""
    toc_page = next(p for p in pages if "DAFTAR ISI" in p)
    out = []
    for _, heading in HEADINGS:
        line = next(ln for ln in toc_page.splitlines() if heading in ln)
        number = re.search(r"(\d+)\s*$", line)
        real = next(i for i, p in enumerate(pages, 1) if p is not toc_page and heading in p)
        out.append((heading, int(number.group(1)) if number else None, real))
    return out


@needs_libreoffice
def test_libreoffice_pdf_shows_headings_and_toc_page_numbers(rendered, tmp_path):
    pages = pdf_pages(rendered, tmp_path)
    text = "".join(pages)
    for _, heading in HEADINGS:
        assert heading in text
    assert "DAFTAR ISI" in text and "Tabel 3.1 Pengukuran Kinerja Tahun 2020" in text
    # LibreOffice shows the TOC's cached numbers: the estimate, here equal to the real pages
    for heading, number, real in toc_numbers_and_real_pages(pages):
        assert number == real, (heading, number, real)


@needs_libreoffice
def test_exact_toc_pages_from_libreoffice_match_the_layout(tmp_path):
    doc = sample()
    exact = toc_pages_from_libreoffice(doc)
    assert exact == estimate_toc_pages(doc)
    pages = pdf_pages(render_docx(doc, toc_pages=exact), tmp_path)
    assert [str(number) for _, number, _ in toc_numbers_and_real_pages(pages)] == exact
    assert [str(real) for _, _, real in toc_numbers_and_real_pages(pages)] == exact


def docx_to_pdf(data: bytes, out: Path) -> Path:
    src = out / "sample.docx"
    src.write_bytes(data)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out), str(src)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    return out / "sample.pdf"
