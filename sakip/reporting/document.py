"""A document as a tree of blocks, independent of its output format.

Every document (LKIP, PK, IKU decree, Renstra matrix, RKT) is built once as a `Dokumen` from
the report context; the DOCX, HTML and PDF renderers only walk these blocks, so the three
outputs cannot say different things."""

from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = str | Run


def runs(content: str | Run | list[Inline]) -> list[Run]:
    """Normalise paragraph content to a list of runs."""
    if isinstance(content, str | Run):
        content = [content]
    return [c if isinstance(c, Run) else Run(c) for c in content]


@dataclass
class Heading:
    """A heading that goes into the table of contents; level 1 = BAB, 2 = A., 3 = 1."""

    text: str
    level: int = 1
    toc: bool = True


@dataclass
class Paragraph:
    content: str | Run | list[Inline]
    align: Align = "justify"
    style: Literal["body", "title", "subtitle", "caption", "small", "note"] = "body"
    placeholder: bool = False  # a narrative field still to be written: rendered highlighted
    indent: int = 0  # in steps of ~1 cm


@dataclass
class ListBlock:
    items: list[str | Run | list[Inline]]
    style: Literal["1", "a", "-"] = "1"  # "1." numbered, "a." lettered, "-" bullets
    indent: int = 0


@dataclass
class Cell:
    content: str | Run | list[Inline] = ""
    colspan: int = 1
    rowspan: int = 1
    align: Align = "left"
    bold: bool = False
    shade: str | None = None  # background colour "#RRGGBB"


@dataclass
class Table:
    """A table; header rows repeat on every page, wide tables go in landscape sections."""

    columns: list[float]  # relative widths
    header: list[list[Cell]]
    body: list[list[Cell]]
    title: str | None = None  # "Tabel 3.1 Pengukuran Kinerja Tahun 2020", above the table
    source: str | None = None  # "Sumber data: …", below the table
    font: Literal["normal", "small"] = "normal"
    borders: bool = True


@dataclass
class Figure:
    """A picture; `image` is the PNG or a `Future` of it (a chart still being drawn in the
    background, see `workers`), resolved when a renderer first reads `png`."""

    image: bytes | Future
    caption: str
    width_cm: float = 15

    @property
    def png(self) -> bytes:
        if isinstance(self.image, Future):
            self.image = self.image.result()
        return self.image


@dataclass
class PageBreak:
    pass


@dataclass
class TableOfContents:
    title: str = "DAFTAR ISI"


@dataclass
class Signature:
    """Signature block: place and date, jabatan with trailing comma, blank space, name, pangkat, NIP."""

    jabatan: str
    nama: str
    tempat_tanggal: str = ""
    pangkat: str = ""
    nip: str = ""  # already formatted, "NIP. 19640305 199204 1 001"
    label: str = ""  # e.g. "Pihak Pertama"


@dataclass
class Signatures:
    """One signature on the right, or two side by side (PK: pihak kedua left, pihak pertama right)."""

    left: Signature | None
    right: Signature | None


@dataclass
class Letterhead:
    """Kop surat: pemda line, agency name, address line, logo."""

    pemda: str
    instansi: str
    alamat: str
    logo_png: bytes | None = None


@dataclass
class Cover:
    title: list[str]
    subtitle: list[str]
    year: str
    logo_png: bytes | None = None


Block = Heading | Paragraph | ListBlock | Table | Figure | PageBreak | TableOfContents | Signatures | Letterhead | Cover


@dataclass
class Section:
    """A run of pages with one orientation and one way of numbering its pages.

    `numbering`: "arabic" (1, 2, …), "roman" (i, ii, … as in a report's front matter) or None
    (no number in the footer and none in the table of contents: a cover, the attachments).
    `restart`: the count starts again at 1 here (front matter at i, BAB I at 1); otherwise it
    continues from the previous section."""

    blocks: list[Block]
    orientation: Literal["portrait", "landscape"] = "portrait"
    numbering: Literal["arabic", "roman"] | None = "arabic"
    restart: bool = False


@dataclass
class Dokumen:
    title: str  # file metadata title
    sections: list[Section]
    missing: list[str] = field(default_factory=list)  # what still has to be filled in, for the CLI

    def blocks(self):
        for s in self.sections:
            yield from s.blocks
