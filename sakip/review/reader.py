"""Read an LKIP written elsewhere into paragraphs and tables with places a person can find.

Three formats: plain text whose tables are tab-separated lines (the reference report's
format), Word (DOCX) and PDF with a text layer. Every format ends in the same `Document`:
paragraphs and headings in reading order, and tables whose merged cells are spread over the
columns they cover (marked as copies, so a sum never counts them twice), whose header rows
are joined into one name per column, and whose pieces broken across pages are one table.
No Django here: the reader works on any file."""

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from sakip.calc.reviu import baca_nilai

FORMATS = (".txt", ".docx", ".pdf")


class ReadError(ValueError):
    """The file cannot be read as a document; the message says why, in Indonesian."""


@dataclass
class Cell:
    text: str
    origin: bool = True  # False where a merged cell's text is repeated over the columns/rows it spans


@dataclass
class Row:
    cells: list[Cell]
    where: str  # "baris 355" (text file), "halaman 14" (PDF), "baris tabel 3" (DOCX)

    def text(self, i: int | None) -> str:
        return self.cells[i].text if i is not None and i < len(self.cells) else ""

    def label(self) -> str:
        """What a person calls the row: its first cell with letters (or its first non-empty cell)."""
        texts = [c.text for c in self.cells if c.text.strip()]
        named = [t for t in texts if re.search(r"[A-Za-z]{3}", t)]
        label = (named or texts or [""])[0]
        return label if len(label) <= 70 else label[:67].rstrip() + "…"


@dataclass
class Table:
    title: str
    section: str
    columns: list[str]  # one name per column, header rows joined ("REALISASI Th. 2019")
    rows: list[Row]  # body rows, header rows left out
    where: str

    @property
    def name(self) -> str:
        if not self.title:
            return f"tabel tanpa judul ({self.where})"
        return self.title if len(self.title) <= 90 else self.title[:87].rstrip() + "…"

    def place(self, row: Row | None = None, column: str = "") -> str:
        """'BAB III … › Tabel 3.1 … › baris "Prosentase …" (baris 357) › kolom CAPAIAN'."""
        parts = [self.section, self.name if row is not None else f"{self.name} ({self.where})"]
        if row is not None:
            parts.append(f'baris "{row.label()}" ({row.where})')
        if column:
            parts.append(f"kolom {column}")
        return " › ".join(p for p in parts if p)


@dataclass
class Paragraph:
    text: str
    section: str
    where: str
    heading: int = 0  # 1 = BAB / Lampiran / document title, 2 = "A. …", 0 = body text

    def place(self) -> str:
        excerpt = self.text if len(self.text) <= 60 else self.text[:57].rstrip() + "…"
        return " › ".join(p for p in (self.section, f'paragraf "{excerpt}" ({self.where})') if p)


@dataclass
class Document:
    name: str
    blocks: list = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


# --------------------------------------------------------------------------- shared rules
_BAB = re.compile(r"^BAB\s+[IVX]+\b", re.I)
_LEVEL1 = re.compile(r"^(KATA PENGANTAR|DAFTAR ISI|IKHTISAR EKSEKUTIF|LAMPIRAN\b.*|PERNYATAAN TELAH DIREVIU)$", re.I)
_DOC_TITLE = re.compile(r"^(RENCANA (KERJA|STRATEGIS)|PERJANJIAN KINERJA|KEPUTUSAN|INDIKATOR KINERJA UTAMA)\b")
_LEVEL2 = re.compile(r"^[A-H]\.?\s+[A-Z(]")
_TABLE_LABEL = re.compile(r"^Tabel\s+\d+(\.\d+)*\b", re.I)


def clean(text: str) -> str:
    """One line of text: markdown emphasis gone, white space folded, broken words joined."""
    text = text.replace("**", "").replace("\u00a0", " ")
    text = re.sub(r"(?<=[a-z])- (?=[a-z])", "", text)  # "Keten- traman" → "Ketentraman"
    return " ".join(text.split())


def heading_level(text: str) -> int:
    t = text.strip()
    if len(t) > 110 or not t:
        return 0
    if _BAB.match(t) or _LEVEL1.match(t):
        return 1
    if t.isupper() and _DOC_TITLE.match(t):
        return 1
    if _LEVEL2.match(t) and len(t.split()) <= 14 and not t.endswith(":") and t[-1] not in ",;":
        return 2
    return 0


_ROW_NUMBER = re.compile(r"^(\d{1,3}|[IVX]{1,5}|[a-z])\.?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def is_numbering_row(texts: list[str]) -> bool:
    """The '(1) (2) (3) …' or '1 2 3 …' row under a header."""
    vals = [t.strip().strip("()") for t in texts if t.strip()]
    return len(vals) >= 3 and all(v.isdigit() for v in vals) and [int(v) for v in vals] == list(range(1, len(vals) + 1))


def is_data_row(texts: list[str]) -> bool:
    filled = [t.strip() for t in texts if t.strip()]
    if not filled:
        return False
    if _ROW_NUMBER.match(filled[0]):
        return True
    return any(baca_nilai(t) is not None and not _YEAR.match(t) for t in filled)


def guess_header(rows: list[list[str]]) -> int:
    """How many leading rows are header rows, for tables that do not mark them."""
    n = 0
    for texts in rows[:4]:
        if is_numbering_row(texts):
            return n + 1
        if is_data_row(texts):
            break
        n += 1
    else:
        return 1 if len(rows) > 1 and all(len(t) <= 40 for t in rows[0]) else 0
    return n if n < len(rows) else 0


def column_names(header: list[list[Cell]], width: int) -> list[str]:
    """Join the header rows per column; a merged header cell names every column under it."""
    grid = [[(r[c].text if c < len(r) else "") for c in range(width)] for r in header]
    grid = [row for row in grid if not is_numbering_row(row)]
    for i, row in enumerate(grid[:-1]):
        below = grid[i + 1 :]
        for c in range(1, width):
            if not row[c] and row[c - 1] and any(b[c] for b in below):
                row[c] = row[c - 1]
    names = []
    for c in range(width):
        parts = [clean(row[c]) for i, row in enumerate(grid) if row[c] and (i == 0 or row[c] != grid[i - 1][c])]
        names.append(re.sub(r"(?<=\d) (?=\d)", "", " ".join(parts)))  # "201 6": a year a narrow column broke
    for c in range(1, width):
        if not names[c] and names[c - 1]:
            names[c] = names[c - 1]  # an unnamed column under a header cell merged from the left
    return names


class Builder:
    """Collects blocks in reading order; knows the current section and each table's title."""

    def __init__(self, name: str):
        self.doc = Document(name)
        self.l1, self.l2, self.last_line = "", "", ""
        self.since_table: list[Paragraph] = []

    @property
    def section(self) -> str:
        return " › ".join(p for p in (self.l1, self.l2) if p)

    def paragraph(self, text: str, where: str, level: int | None = None) -> None:
        text = clean(text)
        if not text or re.fullmatch(r"\d{1,3}|[ivx]{1,5}", text):  # page numbers
            return
        level = heading_level(text) if level is None else level
        last = self.doc.blocks[-1] if self.doc.blocks else None
        if (
            level == 0
            and isinstance(last, Paragraph)
            and last.heading == 1
            and text.isupper()
            and len(text) < 80
            and (re.fullmatch(r"BAB\s+[IVX]+", last.text) or _follows(self.last_line, where))
        ):
            last.text = f"{last.text} {text}"  # "BAB IV" + "PENUTUP", a title on two lines
            self.l1, self.last_line = last.text, where
            return
        if level == 1:
            self.l1, self.l2 = text, ""
        elif level == 2:
            self.l2 = text
        p = Paragraph(text, self.section, where, level)
        self.last_line = where
        self.doc.blocks.append(p)
        self.since_table.append(p)

    def table(self, rows: list[list[Cell]], wheres: list[str], header_rows: int | None, where: str) -> None:
        rows = [r for r in rows if any(c.text.strip() and not set(c.text.strip()) <= set("-–") for c in r)]
        if len(rows) < 2:
            for r, w in zip(rows, wheres, strict=False):
                self.paragraph(" ".join(c.text for c in r if c.origin), w)
            return
        width = max(len(r) for r in rows)
        rows = [r + [Cell("")] * (width - len(r)) for r in rows]
        if header_rows is None:
            header_rows = guess_header([[c.text for c in r] for r in rows])
        columns = column_names(rows[:header_rows], width)
        body = [Row([Cell(clean(c.text), c.origin) for c in r], w) for r, w in zip(rows, wheres, strict=False)]
        self.doc.blocks.append(Table(self._title(), self.section, columns, body[header_rows:], where))
        self.since_table = []

    def _title(self) -> str:
        recent = self.since_table[-4:]
        for i, p in enumerate(recent):
            if _TABLE_LABEL.match(p.text):
                rest = recent[i + 1 : i + 2]
                if re.fullmatch(r"Tabel\s+[\d.]+", p.text, re.I) and rest:
                    return f"{p.text} {rest[0].text}"
                return p.text
        short = [p for p in recent if len(p.text) <= 300 and not p.text.startswith("$")]
        return short[-1].text if short else ""


def _follows(a: str, b: str) -> bool:
    """Whether place b is the line right after place a ('baris 633' → 'baris 634')."""
    ma, mb = re.fullmatch(r"baris (\d+)", a), re.fullmatch(r"baris (\d+)", b)
    return bool(ma and mb and int(mb.group(1)) == int(ma.group(1)) + 1)


# --------------------------------------------------------------------------- plain text
def read_text(text: str, name: str = "") -> Document:
    """Lines with tabs are table rows; a table may pause for blank lines (a page break)
    and go on when the next tab line is a data row of the same width."""
    b = Builder(name)
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" not in line:
            b.paragraph(line, f"baris {i + 1}")
            i += 1
            continue
        start = i
        rows, wheres = [], []
        while i < len(lines):
            if "\t" in lines[i]:
                rows.append([Cell(t) for t in lines[i].rstrip("\n").split("\t")])
                wheres.append(f"baris {i + 1}")
                i += 1
                continue
            j = i
            while j < len(lines) and j - i < 3 and not lines[j].strip():
                j += 1
            if j > i and j < len(lines) and "\t" in lines[j]:
                nxt = lines[j].split("\t")
                if is_data_row(nxt) and abs(len(nxt) - len(rows[-1])) <= 1 and not _is_header_line(nxt):
                    i = j
                    continue
            break
        b.table(rows, wheres, None, f"baris {start + 1}")
    return b.doc


def _is_header_line(texts: list[str]) -> bool:
    return not any(baca_nilai(t) for t in texts if t.strip()) and not _ROW_NUMBER.match(
        next((t.strip() for t in texts if t.strip()), "")
    )


# --------------------------------------------------------------------------- DOCX
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(f"{path.name}: bukan berkas Word (DOCX) yang dapat dibaca ({e}).") from None
    styles = {s.style_id: s.name for s in d.styles}
    b = Builder(path.name)
    n_par = n_tab = 0
    for el in d.element.body.iterchildren():
        if el.tag == f"{_W}p":
            n_par += 1
            text = "".join(t.text or "" for t in el.iter(f"{_W}t", f"{_W}tab", f"{_W}br") if t.tag == f"{_W}t")
            style = el.find(f"{_W}pPr/{_W}pStyle")
            name = styles.get(style.get(f"{_W}val"), "") if style is not None else ""
            if name.lower().startswith("toc "):
                continue  # table-of-contents entries repeat the headings with page numbers
            m = re.match(r"Heading (\d)", name)
            level = min(int(m.group(1)), 3) if m else None
            b.paragraph(text, f"paragraf {n_par}", 0 if level == 3 else level)
        elif el.tag == f"{_W}tbl":
            n_tab += 1
            rows, header = _docx_grid(el)
            wheres = [f"tabel {n_tab} baris {i + 1}" for i in range(len(rows))]
            b.table(rows, wheres, header or None, f"tabel {n_tab}")
    return b.doc


def _docx_text(tc) -> str:
    parts = []
    for p in tc.iter(f"{_W}p"):
        parts.append("".join(t.text or "" for t in p.iter(f"{_W}t")))
    return " ".join(p for p in parts if p)


def _docx_grid(tbl) -> tuple[list[list[Cell]], int]:
    """Cells spread over the grid: gridSpan repeats to the right, vMerge continues from above."""
    rows: list[list[Cell]] = []
    header = 0
    for tr in tbl.findall(f"{_W}tr"):
        if tr.find(f"{_W}trPr/{_W}tblHeader") is not None and header == len(rows):
            header += 1
        row: list[Cell] = []
        before = tr.find(f"{_W}trPr/{_W}gridBefore")
        if before is not None:
            row += [Cell("", False)] * int(before.get(f"{_W}val"))
        for tc in tr.findall(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span = props.find(f"{_W}gridSpan") if props is not None else None
            vmerge = props.find(f"{_W}vMerge") if props is not None else None
            n = int(span.get(f"{_W}val")) if span is not None else 1
            col = len(row)
            if vmerge is not None and vmerge.get(f"{_W}val") != "restart" and rows:
                above = rows[-1][col].text if col < len(rows[-1]) else ""
                row += [Cell(above, False) for _ in range(n)]
            else:
                text = _docx_text(tc)
                row += [Cell(text)] + [Cell(text, False) for _ in range(n - 1)]
        rows.append(row)
    return rows, header


# --------------------------------------------------------------------------- PDF
def read_pdf(path: Path) -> Document:
    from .pdf import pdf_items

    b = Builder(path.name)
    for item in pdf_items(path):
        if isinstance(item, tuple):
            b.paragraph(*item)
        else:
            b.table(item.rows, item.wheres, item.header, item.wheres[0])
    if not any(isinstance(x, Paragraph) for x in b.doc.blocks) and not b.doc.tables:
        raise ReadError(f"{path.name}: PDF tidak punya lapisan teks (hasil pindaian?); reviu membutuhkan teks.")
    return b.doc


def read(path: Path | str) -> Document:
    """Read a file by its ending; a file that cannot be read raises ReadError naming it."""
    path = Path(path)
    if not path.exists():
        raise ReadError(f"Berkas {path} tidak ada.")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    if suffix in (".txt", ".text", ".md"):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        return read_text(text, path.name)
    raise ReadError(f"{path.name}: format {suffix or '(tanpa akhiran)'} tidak dikenal; gunakan .txt, .docx atau .pdf.")
