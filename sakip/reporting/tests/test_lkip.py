"""The generated LKIP of Kecamatan Panti 2020, read back from the real DOCX and PDF files."""

import io
import subprocess

import docx
import pytest
from pypdf import PdfReader

from sakip.interchange.importer import EXAMPLES, example_path, import_file
from sakip.organisation.models import Instansi
from sakip.reporting.generate import dokumen, render

_rendered: dict = {}


@pytest.fixture
def panti(db):
    """Panti's LKIP, rendered once for the module: DOCX document, PDF text and reader, missing list."""
    if not _rendered:
        for name in EXAMPLES:
            import_file(example_path(name))
        lkip = dokumen(Instansi.objects.get(slug="kecamatan-panti"), 2020, "lkip")
        docx_bytes, pdf_bytes = render(lkip, "docx"), render(lkip, "pdf")
        _rendered.update(
            docx=docx.Document(io.BytesIO(docx_bytes)),
            docx_bytes=docx_bytes,
            pdf=PdfReader(io.BytesIO(pdf_bytes)),
            pdf_bytes=pdf_bytes,
            pdf_text=pdftotext(pdf_bytes),
            missing=lkip.missing,
        )
    return _rendered


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def pdftotext_page(pdf: bytes, page: int) -> str:
    args = ["pdftotext", "-f", str(page), "-l", str(page), "-layout", "-", "-"]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def table_after(document, title_start: str) -> list[list[str]]:
    """The rows (cell texts, merged cells once) of the first table after a paragraph containing the title."""
    body = document.element.body
    found = False
    for el in body.iterchildren():
        tag = el.tag.rsplit("}", 1)[1]
        if tag == "p" and title_start in "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")):
            found = True
        elif tag == "tbl" and found:
            table = docx.table.Table(el, document)
            return [_row_texts(r) for r in table.rows]
    raise AssertionError(f"no table titled {title_start!r}")


def _row_texts(row) -> list[str]:
    out, seen = [], set()
    for c in row.cells:
        if id(c._tc) in seen:
            continue
        seen.add(id(c._tc))
        out.append(c.text.strip())
    return out


def flat(rows) -> str:
    return " | ".join(" / ".join(r) for r in rows)


def test_docx_has_every_section_of_the_report_in_order(panti):
    # attachments' titles have a style of their own: listed in the TOC without a page number
    headings = [p.text for p in panti["docx"].paragraphs if p.style.name.startswith(("Heading", "Lampiran"))]
    expected = [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "A. Latar Belakang",
        "B. Maksud dan Tujuan",
        "C. Kedudukan, Tugas, Fungsi dan Susunan Organisasi",
        "BAB II PERENCANAAN KINERJA",
        "A. Rencana Strategis",
        "B. Rencana Kinerja Tahunan (RKT) Tahun 2020",
        "C. Perjanjian Kinerja",
        "D. Indikator Kinerja Utama",
        "BAB III AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja Organisasi Tahun 2020",
        "B. Evaluasi dan Analisis Capaian Kinerja",
        "C. Akuntabilitas Keuangan",
        "BAB IV PENUTUP",
        "LAMPIRAN I RENCANA STRATEGIS",
        "LAMPIRAN II RENCANA KINERJA TAHUNAN 2021",
        "LAMPIRAN III PERJANJIAN KINERJA PERUBAHAN TAHUN 2020",
        "LAMPIRAN IV KEPUTUSAN INDIKATOR KINERJA UTAMA",
    ]
    positions = [headings.index(h) for h in expected]
    assert positions == sorted(positions)


def test_measurement_table_has_the_reports_values_on_its_own_scale(panti):
    rows = table_after(panti["docx"], "Tabel 3.2 Pengukuran Kinerja Tahun 2020")
    data = [r[-5:] for r in rows[2:]]  # after the header and the (1)…(7) row
    assert [r[1:] for r in data] == [
        ["B (80)", "B (70,89)", "88,61 %", "Baik"],
        ["100 %", "86,9 %", "86,90 %", "Baik"],
        ["100 %", "100 %", "100,00 %", "Baik"],
    ]
    assert rows[2][1] == "Meningkatnya Kualitas Pelayanan"


def test_scale_table_shows_the_half_open_reading(panti):
    rows = table_after(panti["docx"], "Tabel 3.1 Skala")
    assert [r[1:] for r in rows[1:]] == [
        ["> 100", "Sangat Baik"],
        ["76 ≤ x ≤ 100", "Baik"],
        ["55 ≤ x < 76", "Cukup"],
        ["< 55", "Kurang"],
    ]


def test_budget_tables_match_the_examples_budget(panti):
    rows = table_after(panti["docx"], "Tabel 3.18 Anggaran dan Realisasi Program/Kegiatan")
    text = flat(rows)
    for value in (
        "255.975.000,00 / 193.623.560,00 / 75,64",
        "27.975.000,00 / 10.200.000,00 / 36,46",
        "74.400.000,00 / 72.848.000,00 / 97,91",
        "22.660.000,00 / 20.335.000,00 / 89,74",
    ):
        assert value in text
    assert rows[-1] == ["JUMLAH", "400.000.000,00", "313.754.167,00", "78,44"]
    belanja = flat(table_after(panti["docx"], "Tabel 3.17 Anggaran dan Realisasi per Jenis Belanja"))
    assert "Belanja Tidak Langsung / Rp 1.974.523.419,00 / Rp 1.593.362.864,00 / 80,70 % / 83,15 %" in belanja
    assert "Belanja Langsung / Rp 400.000.000,00 / Rp 314.681.767,00 / 78,67 % / 16,85 %" in belanja
    assert "Jumlah / Rp 2.374.523.419,00 / Rp 1.908.044.631,00 / 80,35 %" in belanja
    notes = [p.text for p in panti["docx"].paragraphs if p.text.startswith("Catatan:")]
    assert any("Rp 314.681.767,00" in n and "Rp 927.600,00" in n for n in notes)


def test_planning_tables_hold_pk_iku_renstra_and_rkt(panti):
    d = panti["docx"]
    pk = flat(table_after(d, "Tabel 2.6 Perjanjian Kinerja Perubahan Tahun 2020"))
    assert "1. Nilai SKM" not in pk  # the PK rows carry the indicator names of the data
    assert "B (80)" in pk and pk.count("100 %") == 2
    program = table_after(d, "Tabel 2.7 Program dan Anggaran")
    assert program[-1][:2] == ["Jumlah", "Rp 400.000.000,00"]
    iku = flat(table_after(d, "Tabel 2.8 Indikator Kinerja Utama"))
    assert "Seksi Pelayanan Umum" in iku and "Jml rekomendasi" in iku
    renstra = table_after(d, "RENCANA STRATEGIS KECAMATAN PANTI 2016–2021")
    assert rows_with(renstra, "Survei Kepuasan Masyarakat")[0][-9:-3] == ["85"] * 6
    rkt = flat(table_after(d, "RENCANA KINERJA TAHUNAN KECAMATAN PANTI TAHUN 2021"))
    assert "B (85)" in rkt and "138.915.290,00" in rkt


def test_bab_ii_tables_hold_tujuan_sasaran_strategi_and_the_rkt(panti):
    d = panti["docx"]
    tujuan = table_after(d, "Tabel 2.1 Tujuan dan Sasaran")
    assert tujuan[0] == ["No", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran"]
    assert [r[0] for r in tujuan[1:]] == ["1", "2"]
    assert tujuan[1][2:4] == ["Hasil Survey Kepuasan Masyarakat (SKM)", "Meningkatnya Kualitas Pelayanan"]
    strategi = table_after(d, "Tabel 2.2 Strategi dan Kebijakan")
    assert strategi[1] == [
        "Meningkatnya Kualitas Pelayanan",
        "Orientasi Pelayanan Publik Berbasis Kepuasan Masyarakat",
        "Peningkatan dukungan bagi peningkatan kapasitas/kinerja pelayanan publik",
    ]
    assert len(table_after(d, "Tabel 2.3 Sasaran dan Indikator Sasaran RKT 2020")) == 1 + 3  # three indicators
    programs = table_after(d, "Tabel 2.4 Program dan Indikator Program RKT 2020")
    assert len(rows_with(programs, "Program Perencanaan Pembangunan Daerah")) == 4  # as listed in the report
    kegiatan = table_after(d, "Tabel 2.5 Kegiatan dan Indikator Kegiatan RKT 2020")
    assert rows_with(kegiatan, "Jumlah peserta musrenbang")[0][2:] == ["270 orang", "2.400.000,00"]
    assert rows_with(kegiatan, "Penunjang Tupoksi Kantor")[0][-1] == "122.484.000,00"


def test_per_sasaran_tables_compare_years_renstra_end_target_and_kegiatan(panti):
    d = panti["docx"]
    assert table_after(d, "Tabel 3.3 Target dan Realisasi Sasaran 1")[1][1:] == [
        "B (80)",
        "B (70,89)",
        "88,61 %",
        "Baik",
    ]
    years = table_after(d, "Tabel 3.4 Perbandingan Realisasi Sasaran 1 dengan Tahun Sebelumnya")
    assert years[0][1:] == ["Realisasi 2018", "Realisasi 2019", "Realisasi 2020"]
    assert years[1][1:] == ["-", "75,79", "70,89"]  # 2019 as the report's table prints it
    renstra = table_after(d, "Tabel 3.5 Realisasi Sasaran 1 terhadap Target Akhir Renstra")
    assert renstra[1][1:] == ["85", "B (70,89)", "83,40 %"]  # 70,89 ÷ 85
    end = table_after(d, "Tabel 3.13 Realisasi Sasaran 2 terhadap Target Akhir Renstra")
    assert [r[1:] for r in end[1:]] == [["80 %", "86,9 %", "108,63 %"], ["80 %", "100 %", "125,00 %"]]
    assert table_after(d, "Tabel 3.12 Perbandingan Realisasi Sasaran 2")[1][1:] == ["-", "95,53", "86,9"]
    distribution = table_after(d, "Tabel 3.6 Distribusi Jawaban Responden per Unsur")
    assert rows_with(distribution, "Penanganan pengaduan")[0][2:] == ["0 %", "90 %", "10 %", "0 %"]
    pelayanan = table_after(d, "Tabel 3.8 Kegiatan Koordinasi Pelayanan Umum")
    assert rows_with(pelayanan, "KK (Kartu Keluarga)")[0][1:] == [
        "1.825 dokumen",
        "1.369 dokumen",
    ]  # "1.3.69" in the report
    assert pelayanan[-1] == ["Anggaran: Rp 22.660.000,00", "100 %", "89,74 %"]
    pemberdayaan = table_after(d, "Tabel 3.14 Kegiatan Koordinasi Penyelenggaraan Pemberdayaan Masyarakat")
    assert rows_with(pemberdayaan, "Jumlah peserta musrenbang")[0][1:] == ["270 orang", "238 orang"]
    assert pemberdayaan[-1][1:] == ["100 %", "35,33 %"]
    alokasi = table_after(d, "Tabel 3.19 Alokasi Anggaran per Sasaran")
    assert [r[2:] for r in alokasi[1:4]] == [
        ["Rp 22.660.000,00", "5,67 %"],
        ["Rp 74.400.000,00", "18,60 %"],
        ["Rp 302.940.000,00", "75,74 %"],
    ]


def test_no_signature_stands_alone_at_the_top_of_a_page(panti):
    for number in range(1, len(panti["pdf"].pages) + 1):
        text = pdftotext_page(panti["pdf_bytes"], number).strip()
        if "Panti, 18 Januari 2021" in text and "NIP. 19640305 199204 1 001" in text:
            assert not text.startswith("Panti, 18 Januari 2021"), f"page {number} holds only the signature"


def rows_with(rows, text):
    return [r for r in rows if any(text in c for c in r)]


def test_skm_section_computes_unsur_scores_from_the_distribution(panti):
    rows = table_after(panti["docx"], "Tabel 3.7 Nilai per Unsur Pelayanan")
    by_no = {r[0]: r for r in rows[1:-1]}
    assert by_no["3"][2:4] == ["3,00", "75,00"]
    assert by_no["9"][2:4] == ["2,10", "52,50"] and by_no["9"][4] == "di bawah rata-rata"
    assert by_no["14"][2:4] == ["3,90", "97,50"]
    assert by_no["1"][2:4] == ["-", "-"]  # the report leaves unsur 1 and 2 blank


def test_generated_sentences_agree_with_the_tables(panti):
    d = panti["docx"]
    text = "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
    assert "diukur dengan 3 (tiga) indikator kinerja dari 2 (dua) sasaran strategis" in text
    assert "Dari 3 (tiga) indikator kinerja, 3 (tiga) indikator tergolong Baik." in text
    assert "sebesar Rp 2.374.523.419,00" in text
    assert "NIP. 19640305 199204 1 001" in text and "Panti, 18 Januari 2021" in text


def test_missing_narrative_is_marked_and_listed(panti):
    assert "narasi: Isu Strategis" in panti["missing"]
    highlighted = [r.text for p in panti["docx"].paragraphs for r in p.runs if r.font.highlight_color]
    assert any("Isu strategis belum diisi" in t for t in highlighted)


def test_pdf_has_the_same_values_and_a_table_of_contents_with_pages(panti):
    text = panti["pdf_text"]
    for value in (
        "88,61 %",
        "B (70,89)",
        "313.754.167,00",
        "78,44",
        "Rp 2.374.523.419,00",
        "NIP. 19640305 199204 1 001",
    ):
        assert value in text
    start = text.index("DAFTAR ISI")
    toc = text[start : text.index("LAMPIRAN IV", start)]
    bab3 = next(line for line in toc.splitlines() if "BAB III AKUNTABILITAS KINERJA" in line)
    printed = bab3.split()[-1]
    labels = panti["pdf"].page_labels  # as printed in the footers: i, ii, iii for the front matter, then 1, 2, …
    assert labels[1:4] == ["i", "ii", "iii"] and labels[4] == "1"
    assert "BAB III AKUNTABILITAS KINERJA" in pdftotext_page(panti["pdf_bytes"], labels.index(printed) + 1)
    for line in toc.splitlines():
        if line.startswith("LAMPIRAN"):
            assert "..." not in line, f"an attachment is listed without a page number, not: {line}"
    pages = panti["pdf"].pages
    landscape = [i for i, p in enumerate(pages) if p.mediabox.width > p.mediabox.height]
    assert landscape, "Lampiran I (Renstra matrix) should be on landscape pages"


def test_docx_converts_cleanly_with_libreoffice_and_its_toc_lists_the_chapters(panti, tmp_path):
    src = tmp_path / "lkip.docx"
    src.write_bytes(panti["docx_bytes"])
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = pdftotext((tmp_path / "lkip.pdf").read_bytes())
    start = text.index("DAFTAR ISI")
    toc = text[start : start + 4000]
    for chapter in (
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
    ):
        line = next(line for line in toc.splitlines() if chapter in line)
        assert line.rstrip()[-1].isdigit(), f"TOC line without a page number: {line!r}"
    assert "88,61 %" in text
