"""HTML and PDF renderers: one sample document with every block type, rendered once and read
back with poppler (`pdftotext -layout`, `pdfinfo`) to check what a reader would see."""

import io
import logging
import re
import shutil
import subprocess

import pytest
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
from sakip.reporting.render_html import dokumen_css, render_html
from sakip.reporting.render_pdf import render_pdf

ROWS = 60
HEADINGS = [
    # (text as written, level): every one goes into the table of contents
    ("KATA PENGANTAR", 1),
    ("BAB I PENDAHULUAN", 1),
    ("A. Latar Belakang", 2),
    ("1. Tugas Pokok dan Fungsi", 3),
    ("2. Struktur Organisasi", 3),
    ("B. Isu Strategis", 2),
    ("BAB II PERENCANAAN KINERJA", 1),
    ("A. Perjanjian Kinerja Tahun 2020", 2),
    ("BAB III AKUNTABILITAS KINERJA", 1),
    ("A. Capaian Kinerja Organisasi", 2),
    ("B. Realisasi Anggaran", 2),
    ("LAMPIRAN MATRIKS RENSTRA", 1),
]


def png(width: int, height: int, bars: bool = False) -> bytes:
    """A small PNG: a round logo, or a bar chart."""
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    if bars:
        draw.line([(20, height - 20), (width - 10, height - 20)], fill="black", width=2)
        draw.line([(20, 10), (20, height - 20)], fill="black", width=2)
        for i, h in enumerate([0.55, 0.8, 0.65, 0.9, 0.7]):
            x = 40 + i * (width - 60) // 5
            draw.rectangle([x, (height - 20) - h * (height - 40), x + 30, height - 21], fill="#2e75b6")
    else:
        draw.ellipse([4, 4, width - 5, height - 5], fill="#1f5f99", outline="#c9a400", width=6)
        draw.polygon([(width // 2, 18), (width - 22, height - 24), (22, height - 24)], fill="#c9a400")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def heading(text: str) -> Heading:
    return Heading(text, level=dict(HEADINGS)[text])


def body_text(n: int) -> list[Paragraph]:
    text = (
        "Laporan Kinerja Instansi Pemerintah disusun sebagai wujud pertanggungjawaban atas pelaksanaan "
        "tugas pokok dan fungsi serta pengelolaan sumber daya dalam rangka mencapai sasaran strategis "
        "yang telah ditetapkan dalam Rencana Strategis dan Perjanjian Kinerja."
    )
    return [Paragraph(text) for _ in range(n)]


def long_table() -> Table:
    header = [
        [
            Cell("No", rowspan=2),
            Cell("Indikator Kinerja", rowspan=2),
            Cell("Satuan", rowspan=2),
            Cell("Tahun 2020", colspan=3),
            Cell("Predikat", rowspan=2),
        ],
        [Cell("Target"), Cell("Realisasi"), Cell("Capaian (%)")],
    ]
    body = [
        [
            Cell(str(i), align="center"),
            Cell(f"Persentase layanan administrasi ke-{i} yang selesai tepat waktu"),
            Cell("%", align="center"),
            Cell(f"{80 + i % 7},00", align="right"),
            Cell(f"{70 + i % 13},{i:02d}", align="right"),
            Cell(f"{(70 + i % 13) * 100 // (80 + i % 7)},{i % 10}0", align="right"),
            Cell("Baik" if i % 3 else "Sangat Baik", align="center", shade=None if i % 3 else "#c6efce"),
        ]
        for i in range(1, ROWS + 1)
    ]
    body.append(
        [
            Cell("Rata-rata capaian", colspan=5, bold=True, align="right"),
            Cell("93,17", bold=True, align="right"),
            Cell(""),
        ]
    )
    return Table(
        columns=[0.6, 4.6, 1.1, 1.3, 1.4, 1.5, 1.9],
        header=header,
        body=body,
        title="Tabel 3.1 Pengukuran Kinerja Tahun 2020",
        source="Sumber data: Subbagian Perencanaan & Keuangan",
        font="small",
    )


def wide_table() -> Table:
    years = ["2016", "2017", "2018", "2019", "2020"]
    header = [
        [Cell("Tujuan", rowspan=2), Cell("Sasaran", rowspan=2), Cell("Indikator", rowspan=2)]
        + [Cell("Target", colspan=5), Cell("Realisasi", colspan=5)],
        [Cell(y) for y in years] * 2,
    ]
    body = [
        [Cell(f"Tujuan {i}"), Cell(f"Sasaran strategis {i} meningkatnya kualitas pelayanan"), Cell(f"IKU-{i}")]
        + [Cell(f"{60 + i + k},5", align="right") for k in range(5)]
        + [Cell(f"{58 + i + k},25", align="right") for k in range(5)]
        for i in range(1, 9)
    ]
    return Table(
        columns=[2.2, 4, 2] + [1] * 10,
        header=header,
        body=body,
        title="Tabel L.1 Matriks Rencana Strategis 2016–2021",
        source="Sumber data: Renstra Kecamatan Panti 2016–2021",
        font="small",
    )


def sample() -> Dokumen:
    logo = png(120, 120)
    kepala = Signature(
        jabatan="CAMAT PANTI,",
        nama="Drs. BUDI SANTOSO, M.Si",
        tempat_tanggal="Panti, 18 Januari 2021",
        pangkat="Pembina Tingkat I",
        nip="NIP. 19640305 199204 1 001",
    )
    bupati = Signature(jabatan="BUPATI JEMBER,", nama="Ir. H. ANDI WIJAYA", label="PIHAK KEDUA")
    camat = Signature(
        jabatan="CAMAT PANTI,",
        nama="Drs. BUDI SANTOSO, M.Si",
        label="PIHAK PERTAMA",
        pangkat="Pembina Tingkat I",
        nip="NIP. 19640305 199204 1 001",
    )
    cover = Section(
        [
            Cover(
                title=["LAPORAN KINERJA", "INSTANSI PEMERINTAH", "(LKjIP)"],
                subtitle=["Kecamatan Panti", "Kabupaten Jember"],
                year="Tahun 2020",
                logo_png=logo,
            )
        ],
        numbering=None,
    )
    front = Section(
        [
            TableOfContents(),
            heading("KATA PENGANTAR"),
            *body_text(3),
            Paragraph("Kritik & saran: nilai <b>tebal</b> tidak boleh jadi markup, 5 < 7."),
            Signatures(left=None, right=kepala),
        ]
    )
    main = Section(
        [
            heading("BAB I PENDAHULUAN"),
            heading("A. Latar Belakang"),
            *body_text(2),
            Paragraph(
                [Run("Catatan: ", bold=True), "Latar belakang ", Run("belum ditulis", italic=True), "."],
                style="note",
            ),
            Paragraph("[Latar belakang: tulis di sini kondisi umum kecamatan]", placeholder=True),
            heading("1. Tugas Pokok dan Fungsi"),
            Paragraph("Camat mempunyai tugas:"),
            ListBlock(["menyelenggarakan urusan pemerintahan umum;", "mengoordinasikan kegiatan pemberdayaan;"]),
            Paragraph("Fungsi kecamatan meliputi:", indent=1),
            ListBlock(["perumusan kebijakan;", "pelaksanaan kebijakan;", "pelaporan."], style="a", indent=1),
            heading("2. Struktur Organisasi"),
            ListBlock(["Camat", "Sekretaris Kecamatan", [Run("Kepala Seksi", bold=True), " (lima seksi)"]], style="-"),
            heading("B. Isu Strategis"),
            *body_text(4),
            heading("BAB II PERENCANAAN KINERJA"),
            heading("A. Perjanjian Kinerja Tahun 2020"),
            *body_text(2),
            heading("BAB III AKUNTABILITAS KINERJA"),
            heading("A. Capaian Kinerja Organisasi"),
            *body_text(1),
            long_table(),
            heading("B. Realisasi Anggaran"),
            *body_text(1),
            Figure(png(400, 220, bars=True), "Gambar 3.1 Realisasi Anggaran per Triwulan", width_cm=11),
            *body_text(1),
        ]
    )
    landscape = Section(
        [heading("LAMPIRAN MATRIKS RENSTRA"), wide_table()],
        orientation="landscape",
    )
    pk = Section(
        [
            Letterhead(
                pemda="Pemerintah Kabupaten Jember",
                instansi="Kecamatan Panti",
                alamat="Jalan Pahlawan No. 1 Panti, Jember 68153, Telepon (0331) 711000",
                logo_png=logo,
            ),
            Paragraph("PERJANJIAN KINERJA TAHUN 2020", style="title"),
            *body_text(2),
            PageBreak(),
            Paragraph("Halaman sesudah pemisah halaman."),
            Signatures(left=bupati, right=camat),
        ]
    )
    return Dokumen(title="LKjIP Kecamatan Panti 2020", sections=[cover, front, main, landscape, pk])


# ---------------------------------------------------------------- HTML


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(sample())


def test_html_escapes_text_instead_of_interpreting_it(html):
    assert "Kritik &amp; saran: nilai &lt;b&gt;tebal&lt;/b&gt; tidak boleh jadi markup, 5 &lt; 7." in html
    assert "<b>tebal" not in html
    assert "Perencanaan &amp; Keuangan" in html


def test_html_has_one_section_per_section_with_its_orientation(html):
    classes = re.findall(r'<section class="bagian ([^"]*)">', html)
    assert classes == ["portrait tanpa-nomor", "portrait", "portrait", "landscape", "portrait"]


def test_html_standalone_page_has_title_and_inlined_css(html):
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>LKjIP Kecamatan Panti 2020</title>" in html
    assert "@page landscape" in html and "<link" not in html


def test_html_fragment_is_only_the_body():
    fragment = render_html(sample(), standalone=False)
    assert fragment.lstrip().startswith('<div class="sakip-dokumen">')
    assert "<html" not in fragment and "<style" not in fragment and "<body" not in fragment
    assert "@page" in dokumen_css()


def test_html_images_are_data_uris(html):
    assert html.count('src="data:image/png;base64,') == 3  # cover logo, figure, letterhead logo
    assert 'src="http' not in html


def test_html_toc_links_to_heading_ids(html):
    links = re.findall(r'<a href="#(judul-\d+)">([^<]*)</a>', html)
    assert [text for _, text in links] == [t for t, _ in HEADINGS]
    for anchor, text in links:
        assert re.search(rf'<h\d id="{anchor}" class="judul judul-\d">{re.escape(text)}</h\d>', html)


def test_html_lists_use_real_list_markup(html):
    assert '<ol class="daftar" type="1">' in html
    assert '<ol class="daftar" type="a" style="margin-left: 1cm">' in html
    assert '<ul class="daftar">' in html
    assert "<li><strong>Kepala Seksi</strong> (lima seksi)</li>" in html


def test_html_table_has_column_widths_and_spans(html):
    assert '<th rowspan="2" class="align-center">No</th>' in html
    assert '<th colspan="3" class="align-center">Tahun 2020</th>' in html
    cols = re.findall(r'<col style="width: ([\d.]+)%">', html.split("Tabel 3.1")[1].split("</colgroup>")[0])
    assert len(cols) == 7 and abs(sum(map(float, cols)) - 100) < 0.01
    assert 'style="background-color: #c6efce"' in html


def test_html_placeholder_paragraph_is_marked(html):
    assert '<p class="p-body align-justify placeholder">[Latar belakang:' in html


def test_cell_shade_must_be_a_colour():
    doc = Dokumen("x", [Section([Table([1], [], [[Cell("a", shade="red; background: url(x)")]])])])
    with pytest.raises(ValueError, match="#RRGGBB"):
        render_html(doc)


# ---------------------------------------------------------------- PDF

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


class Pdf:
    """The sample PDF read back with poppler: text per page (layout kept) and page sizes."""

    def __init__(self, data: bytes, tmp_path):
        self.data = data
        self.path = tmp_path / "sample.pdf"
        self.path.write_bytes(data)
        info = self._run("pdfinfo", str(self.path))
        self.count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        info = self._run("pdfinfo", "-f", "1", "-l", str(self.count), str(self.path))
        self.sizes = [(float(w), float(h)) for w, h in re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)]
        self.info = info
        self.pages = [
            self._run("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(self.path), "-")
            for n in range(1, self.count + 1)
        ]

    @staticmethod
    def _run(*args) -> str:
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout

    def page_with(self, text: str, start: int = 1, *, regex: bool = False) -> int:
        """The first page (1-based) from `start` on whose text contains `text` (or matches it)."""
        for n in range(start, self.count + 1):
            page = self.pages[n - 1]
            if re.search(text, page) if regex else text in page:
                return n
        raise AssertionError(f"{text!r} is on no page")

    def last_line(self, n: int) -> str:
        lines = [line.strip() for line in self.pages[n - 1].splitlines() if line.strip()]
        return lines[-1] if lines else ""


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    records = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        data = render_pdf(sample())
    finally:
        logger.removeHandler(handler)
    result = Pdf(data, tmp_path_factory.mktemp("pdf"))
    result.warnings = [r.getMessage() for r in records]
    return result


@needs_poppler
def test_pdf_css_raises_no_weasyprint_warnings(pdf):
    assert pdf.warnings == []


@needs_poppler
def test_pdf_metadata_title_is_the_document_title(pdf):
    assert re.search(r"^Title:\s+LKjIP Kecamatan Panti 2020$", pdf.info, re.M)


@needs_poppler
def test_pdf_contains_every_table_value(pdf):
    text = "\n".join(pdf.pages)
    for i in range(1, ROWS + 1):
        assert re.search(rf"administrasi ke-{i}\b", text), i
    assert "93,17" in text and "IKU-8" in text and "66,25" in text
    assert "Kritik & saran: nilai <b>tebal</b> tidak boleh jadi markup, 5 < 7." in text


@needs_poppler
def test_pdf_long_table_repeats_its_header_on_every_page(pdf):
    first = pdf.page_with(r"administrasi ke-1\b", regex=True)
    last = pdf.page_with(rf"administrasi ke-{ROWS}\b", regex=True)
    assert last > first, "the sample table must span pages"
    for n in range(first, last + 1):
        page = pdf.pages[n - 1]
        # the lines just above the first body row of the page are the two header rows
        above = " ".join(page[: page.index("administrasi ke-")].splitlines()[-5:])
        for word in ("Tahun 2020", "No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Predikat"):
            assert word in above, (n, word)
    assert "Tabel 3.1 Pengukuran Kinerja Tahun 2020" in pdf.pages[first - 1]
    assert "Sumber data: Subbagian Perencanaan & Keuangan" in pdf.pages[last - 1]


@needs_poppler
def test_pdf_pages_are_a4_and_the_landscape_section_is_wider_than_tall(pdf):
    assert len(pdf.sizes) == pdf.count
    landscape = pdf.page_with("LAMPIRAN MATRIKS RENSTRA", start=3)
    for n, (w, h) in enumerate(pdf.sizes, start=1):
        if n == landscape:
            assert (round(w), round(h)) == (842, 595), n
        else:
            assert (round(w), round(h)) == (595, 842), n
    assert "IKU-8" in pdf.pages[landscape - 1]


@needs_poppler
def test_pdf_toc_gives_the_page_each_heading_is_on(pdf):
    toc = pdf.pages[1]
    entries = re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", toc, re.M)
    assert [text for text, _ in entries] == [t for t, _ in HEADINGS]
    for text, page in entries:
        page = int(page)
        assert page > 2
        # a heading is on the page the TOC says, and on no page before it (after the TOC)
        assert pdf.page_with(text, start=3) == page, text


@needs_poppler
def test_pdf_level_one_headings_start_a_page(pdf):
    for text, level in HEADINGS:
        if level == 1:
            n = pdf.page_with(text, start=3)
            first_line = next(line for line in pdf.pages[n - 1].splitlines() if line.strip())
            assert first_line.strip() == text


@needs_poppler
def test_pdf_no_heading_is_left_alone_at_the_bottom_of_a_page(pdf):
    for text, _ in HEADINGS:
        n = pdf.page_with(text, start=3)
        after = pdf.pages[n - 1].split(text, 1)[1]
        content = [line for line in after.splitlines() if line.strip()][:-1]  # without the page number
        assert content, text


@needs_poppler
def test_pdf_cover_has_no_page_number_and_the_others_are_numbered(pdf):
    assert "LAPORAN KINERJA" in pdf.pages[0]
    assert not re.fullmatch(r"\d+", pdf.last_line(1))
    assert pdf.last_line(2) == "2"
    for n in range(2, pdf.count + 1):
        assert pdf.last_line(n) == str(n), n


@needs_poppler
def test_pdf_signatures_show_name_rank_and_nip(pdf):
    text = "\n".join(pdf.pages)
    assert re.search(r"PIHAK KEDUA\s+PIHAK PERTAMA", text)
    assert re.search(r"Ir\. H\. ANDI WIJAYA\s+Drs\. BUDI SANTOSO, M\.Si", text)
    assert text.count("NIP. 19640305 199204 1 001") == 2


def rowspan_table_doc() -> Dokumen:
    body = []
    for g in range(1, 16):
        for j in range(4):
            first = [Cell(f"Sasaran {g} meningkatnya kualitas pelayanan publik", rowspan=4)] if j == 0 else []
            body.append(first + [Cell(f"Indikator {g}.{j}"), Cell("80,00", align="right")])
    filler = [Paragraph(f"Baris pengisi {i}.") for i in range(10)]
    header = [[Cell("Sasaran"), Cell("Indikator"), Cell("Target")]]
    return Dokumen("rowspan", [Section([*filler, Table([3, 3, 1], header, body, title="Tabel Sasaran")])])


def test_html_rows_tied_by_rowspan_are_one_row_group():
    html = render_html(rowspan_table_doc(), standalone=False)
    assert html.count('<tbody class="utuh">') == 15
    assert html.count("<tbody") == 15


@needs_poppler
def test_pdf_rows_tied_by_rowspan_stay_on_one_page(tmp_path):
    pdf = Pdf(render_pdf(rowspan_table_doc()), tmp_path)
    assert pdf.count == 2
    for g in range(1, 16):
        n = pdf.page_with(f"Sasaran {g} meningkatnya")
        assert f"Indikator {g}.0" in pdf.pages[n - 1] and f"Indikator {g}.3" in pdf.pages[n - 1], g


@needs_poppler
def test_pdf_output_is_deterministic(pdf):
    again = render_pdf(sample())
    assert again == pdf.data
