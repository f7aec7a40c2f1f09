"""Render a `Dokumen` to a Word document (.docx).

Word is what agencies edit, sign and archive, so the output is a real document rather than a
printout: headings use the built-in "Heading 1/2/3" styles, the table of contents is a real TOC
field whose entries link to bookmarks around the headings through PAGEREF fields, tables are
real tables with repeating header rows and merged cells, lists use Word numbering (label, tab,
hanging indent), page numbers are a PAGE field in the footer, and every `Section` is a Word
section with its own orientation.

Page: A4, margins top 2.5 cm, bottom 2.5 cm, left 3 cm (binding), right 2.5 cm; a landscape
section has the same margins turned with the page, so the 3 cm binding margin is at its top.

Page numbers in the table of contents: Word refreshes every field when the file is opened
(`w:updateFields`). LibreOffice (7.4 at least) does not: it shows the TOC's cached text, PAGEREF
numbers included. So the cached numbers are filled in from a page-layout estimate
(`estimate_toc_pages`), or exactly from a LibreOffice pass (`toc_pages_from_libreoffice`) when
the caller passes them: `render_docx(doc, toc_pages=toc_pages_from_libreoffice(doc))`.

The output is deterministic: the same `Dokumen` gives the same bytes (fixed document dates and
fixed zip entry dates).

    from sakip.reporting.render_docx import render_docx
    Path("lkip.docx").write_bytes(render_docx(dokumen))
"""

from __future__ import annotations

import datetime
import functools
import io
import math
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document as _new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import nsmap as _docx_nsmap
from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser
from docx.shared import Cm, Emu, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as _DocxParagraph
from lxml import etree

from sakip import formatting as fmt

from .document import (
    Cell,
    Cover,
    Dokumen,
    Figure,
    Heading,
    Letterhead,
    ListBlock,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Signatures,
    Table,
    TableOfContents,
    runs,
)

__all__ = [
    "render_docx",
    "estimate_toc_pages",
    "toc_pages_from_libreoffice",
    "usable_width_cm",
    "PAGE_MARGINS_CM",
    "TOC_INSTRUCTION",
]

FONT = "Arial"
PAGE_SIZE_CM = (21.0, 29.7)  # A4 portrait (width, height)
PAGE_MARGINS_CM = {"top": 2.5, "bottom": 2.5, "left": 3.0, "right": 2.5}  # portrait
FIXED_DATE = datetime.datetime(2000, 1, 1, 0, 0, 0)
LAMPIRAN_LEVEL = 4
"""TOC level of an attachment's title (style "Lampiran"): the field lists it without page number."""
TOC_INSTRUCTION = ' TOC \\o "1-3" \\t "Lampiran,4" \\n 4-4 \\h \\z \\u '
HEADER_SHADE = "D9D9D9"  # light grey behind table header rows
KEEP_WHOLE_TABLE_ROWS = 12  # a table this short (and within a third of a page) is not split across pages
LIST_STEP_CM = 1.0  # hanging indent of list items, and the step of nested lists and Paragraph.indent
CELL_MARGIN_TW = (20, 57)  # table cell margins (top/bottom, left/right) in twips: 1 pt, 0.1 cm

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_SECTPR_AFTER_PGNUMTYPE = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
"""w:jc values of the alignments, for paragraphs written directly."""
_PARAGRAPH_STYLES = {
    "body": "Normal",
    "title": "Title",
    "subtitle": "Subtitle",
    "caption": "Caption",
    "small": "Small",
    "note": "Note",
}
# styles whose own alignment wins over Paragraph.align's default ("justify")
_CENTERED_STYLES = {"title", "subtitle", "caption"}


@dataclass(frozen=True)
class _StyleSpec:
    """A paragraph style: the DOCX style and the page estimate both read these numbers."""

    size: float = 11
    bold: bool | None = None
    italic: bool | None = None
    align: str | None = None
    before: float = 0
    after: float = 6
    line: float = 1.15  # line spacing, multiple of single
    keep_next: bool | None = None
    base: str | None = "Normal"
    style_id: str | None = None


_STYLES: dict[str, _StyleSpec] = {
    "Normal": _StyleSpec(align="justify", base=None),
    "Heading 1": _StyleSpec(14, True, False, "center", 0, 18, keep_next=True),
    "Heading 2": _StyleSpec(12, True, False, "left", 12, 6, keep_next=True),
    "Heading 3": _StyleSpec(11, True, False, "left", 10, 6, keep_next=True),
    "Title": _StyleSpec(16, True, False, "center", 0, 12, 1.0, keep_next=True),
    "Subtitle": _StyleSpec(12, True, False, "center", 0, 12, 1.0, keep_next=True),
    "Caption": _StyleSpec(10, True, False, "center", 6, 6, 1.0),
    "Small": _StyleSpec(9),
    "Note": _StyleSpec(9, None, True, "left", 3, 9, 1.0),
    "Table Text": _StyleSpec(10, None, None, "left", 0, 0, 1.0),
    "Table Text Small": _StyleSpec(9, None, None, "left", 0, 0, 1.0, base="Table Text"),
    "Signature": _StyleSpec(11, None, None, "center", 0, 0, 1.0),
    "Letterhead": _StyleSpec(11, None, None, "center", 0, 0, 1.0),
    "Cover Title": _StyleSpec(20, True, None, "center", 0, 6, 1.0),
    "Cover Subtitle": _StyleSpec(14, True, None, "center", 0, 6, 1.0),
    "TOC Heading": _StyleSpec(14, True, None, "center", 0, 18, keep_next=True),
    "List Paragraph": _StyleSpec(11, None, None, "justify", 0, 3),
    "Footer": _StyleSpec(10, None, None, "center", 0, 0, 1.0),
    # Word's built-in TOC styles are named "toc 1".."toc 3" (Word shows them as "TOC 1")
    "toc 1": _StyleSpec(11, True, None, "left", 6, 3, style_id="TOC1"),
    "toc 2": _StyleSpec(11, None, None, "left", 0, 3, style_id="TOC2"),
    "toc 3": _StyleSpec(11, None, None, "left", 0, 3, style_id="TOC3"),
    "toc 4": _StyleSpec(11, True, None, "left", 6, 3, style_id="TOC4"),  # attachments: like toc 1
    "Lampiran": _StyleSpec(14, True, False, "center", 0, 18, keep_next=True, style_id="Lampiran"),
}
TOC_INDENT_CM = {1: 0.0, 2: 0.75, 3: 1.5, 4: 0.0}
FONT_LINE_HEIGHT = (1854 + 434 + 67) / 2048  # Arial's single line height in ems (hhea metrics)


def _twips(cm: float) -> int:
    return round(cm * 1440 / 2.54)


def _pt(cm: float) -> float:
    return cm * 72 / 2.54


def _margins(orientation: str) -> dict[str, float]:
    """Page margins of a section; landscape = the portrait margins turned with the page."""
    m = PAGE_MARGINS_CM
    if orientation == "landscape":
        return {"top": m["left"], "right": m["top"], "bottom": m["right"], "left": m["bottom"]}
    return dict(m)


def _page_size(orientation: str) -> tuple[float, float]:
    w, h = PAGE_SIZE_CM
    return (h, w) if orientation == "landscape" else (w, h)


def usable_width_cm(orientation: str = "portrait") -> float:
    """Width between the margins (15.5 cm portrait, 24.7 cm landscape)."""
    m = _margins(orientation)
    return _page_size(orientation)[0] - m["left"] - m["right"]


def _usable_height_cm(orientation: str) -> float:
    m = _margins(orientation)
    return _page_size(orientation)[1] - m["top"] - m["bottom"]


# --------------------------------------------------------------------------- XML helpers


_NSMAP = {prefix: {prefix: uri} for prefix, uri in _docx_nsmap.items()}


@functools.cache
def _clark(tag: str) -> str:
    """'w:sz' → '{http://…/wordprocessingml/2006/main}sz', computed once per tag."""
    return qn(tag)


def _attrs(attrs: dict) -> dict[str, str]:
    return {_clark(f"w:{k}"): str(v) for k, v in attrs.items()}


def _el(tag: str, **attrs):
    """A w: element with w: attributes: _el("w:sz", val=18). Made by python-docx's parser, so it
    is the same element class OxmlElement would give, without parsing a tag string each time."""
    return oxml_parser.makeelement(_clark(tag), attrib=_attrs(attrs), nsmap=_NSMAP[tag.partition(":")[0]])


def _sub(parent, tag: str, **attrs):
    """A child element appended to `parent` (it inherits the parent's namespace prefixes)."""
    return etree.SubElement(parent, _clark(tag), attrib=_attrs(attrs))


def _text_run(text: str, size_pt: float | None = None):
    r = _el("w:r")
    if size_pt:
        rpr = _sub(r, "w:rPr")
        _sub(rpr, "w:sz", val=int(size_pt * 2))
    t = _sub(r, "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    return r


def _field_runs(instruction: str, cached: str = "") -> list:
    """The runs of a complex field: begin, instruction, separate, cached result, end."""
    out = [_fld_char_run("begin")]
    r = _el("w:r")
    instr = _sub(r, "w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    out.append(r)
    out.append(_fld_char_run("separate"))
    if cached:
        out.append(_text_run(cached))
    out.append(_fld_char_run("end"))
    return out


def _fld_char_run(kind: str):
    r = _el("w:r")
    _sub(r, "w:fldChar", fldCharType=kind)
    return r


def _run(text: str, bold=False, italic=False, underline=False, size=None, highlight=False):
    """A w:r written directly (python-docx's add_run inserts every child in schema order, which
    dominates the time of big tables): "\n" becomes a line break and "\t" a tab, as in add_run."""
    r = _el("w:r")
    if bold or italic or underline or size or highlight:
        rpr = _sub(r, "w:rPr")  # children in schema order: b, i, sz, highlight, u
        if bold:
            _sub(rpr, "w:b")
        if italic:
            _sub(rpr, "w:i")
        if size:
            _sub(rpr, "w:sz", val=int(round(size * 2)))
        if highlight:
            _sub(rpr, "w:highlight", val="yellow")
        if underline:
            _sub(rpr, "w:u", val="single")
    for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if i:
            _sub(r, "w:br")
        for j, piece in enumerate(line.split("\t")):
            if j:
                _sub(r, "w:tab")
            if piece:
                t = _sub(r, "w:t")
                t.text = piece
                t.set(_XML_SPACE, "preserve")
    return r


_XML_SPACE = qn("xml:space")


# python-docx keeps w:pPr children in schema order only for the elements it knows
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _set_ppr(ppr, child) -> None:
    """Put `child` into a w:pPr at its schema position, replacing one of the same tag."""
    tag = child.tag
    for old in ppr.findall(tag):
        ppr.remove(old)
    name = next(t for t in _PPR_ORDER if qn(t) == tag)
    successors = _PPR_ORDER[_PPR_ORDER.index(name) + 1 :]
    ppr.insert_element_before(child, *successors)


def _tabs(positions: list[tuple[str, int, str | None]]):
    tabs = _el("w:tabs")
    for val, pos, leader in positions:
        t = _sub(tabs, "w:tab", val=val, pos=pos)
        if leader:
            t.set(qn("w:leader"), leader)
    return tabs


def _rfonts(rpr, font: str = FONT) -> None:
    """Arial for every script (Latin, East Asian, complex), no theme fonts."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    rpr.insert(0, _el("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font))


# --------------------------------------------------------------------------- styles


def _setup_styles(d) -> dict:
    """Restyle the template (Arial 11 pt, 1.15 lines, 6 pt after, black headings); add our styles."""
    defaults = d.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _rfonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), "22")
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "id-ID")
    lang.set(qn("w:eastAsia"), "id-ID")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "276")  # 1.15
    spacing.set(qn("w:lineRule"), "auto")

    S = d.styles
    for name, spec in _STYLES.items():
        try:
            style = S[name]
        except KeyError:
            style = S.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.quick_style = True
        if spec.style_id:
            style.element.set(qn("w:styleId"), spec.style_id)
        if spec.base:
            style.base_style = S[spec.base]
        el = style.element
        old = el.find(qn("w:rPr"))  # drop theme fonts and colours of the template
        if old is not None:
            el.remove(old)
        rpr = el.get_or_add_rPr()
        _rfonts(rpr)
        style.font.size = Pt(spec.size)
        rpr.find(qn("w:sz")).addnext(_el("w:szCs", val=int(spec.size * 2)))
        style.font.bold = spec.bold
        style.font.italic = spec.italic
        ppr = el.get_or_add_pPr()
        for tag in ("w:pBdr", "w:numPr", "w:contextualSpacing", "w:tabs"):
            for x in ppr.findall(qn(tag)):
                ppr.remove(x)
        pf = style.paragraph_format
        if spec.align:
            pf.alignment = _ALIGN[spec.align]
        pf.space_before = Pt(spec.before)
        pf.space_after = Pt(spec.after)
        pf.line_spacing = spec.line
        if spec.keep_next is not None:
            pf.keep_with_next = spec.keep_next

    S["Normal"].paragraph_format.widow_control = True
    for level in (1, 2, 3):
        h = S[f"Heading {level}"]
        h.paragraph_format.keep_together = True
        if level == 1:
            h.paragraph_format.page_break_before = True  # a new BAB on a new page, also when typed in Word
        # the same look for headings that stay out of the table of contents
        unlisted = S.add_style(f"Heading {level} (not in TOC)", WD_STYLE_TYPE.PARAGRAPH)
        unlisted.element.set(qn("w:styleId"), f"Heading{level}NotInTOC")
        unlisted.base_style = h
        unlisted.quick_style = True
        _set_ppr(unlisted.element.get_or_add_pPr(), _el("w:outlineLvl", val=9))
    _set_ppr(S["TOC Heading"].element.get_or_add_pPr(), _el("w:outlineLvl", val=9))
    # an attachment's title looks like a BAB but is body text to the TOC field's \o and \u
    # switches; the field's \t switch lists it at level 4, \n without a page number
    lampiran = S["Lampiran"]
    lampiran.paragraph_format.page_break_before = True
    lampiran.paragraph_format.keep_together = True
    _set_ppr(lampiran.element.get_or_add_pPr(), _el("w:outlineLvl", val=9))
    width = _twips(usable_width_cm("portrait"))
    for level in (1, 2, 3, 4):
        st = S[f"toc {level}"]
        st.paragraph_format.left_indent = Cm(TOC_INDENT_CM[level])
        _set_ppr(st.element.pPr, _tabs([("right", width, "dot")]))
        st.priority = 39
        st.quick_style = False
    return {name: S[name] for name in [*_STYLES, *(f"Heading {i} (not in TOC)" for i in (1, 2, 3))]}


def _setup_settings(d) -> None:
    """Ask Word to refresh fields (TOC page numbers) on open; modern (2013+) layout mode."""
    settings = d.settings.element
    upd = settings.find(qn("w:updateFields"))
    if upd is None:
        upd = _el("w:updateFields", val="true")
        settings.insert_element_before(
            upd, "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
            "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
            "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
            "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
        )  # fmt: skip
    upd.set(qn("w:val"), "true")
    for cs in settings.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), "15")
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        settings.remove(rsids)


def _setup_package(d, title: str) -> None:
    cp = d.core_properties
    cp.title = title
    cp.author = "sakip"
    cp.last_modified_by = "sakip"
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    # the template's thumbnail shows python-docx's own sample page
    pkg_rels = d.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            pkg_rels.pop(rid)
    # the template's Word 2010 copy of its styles would not carry our restyling
    for rid, rel in list(d.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            d.part.rels.pop(rid)


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry dates so equal input gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- table layout


@dataclass
class _Slot:
    """One w:tc of a row: a real cell, the continuation of a rowspan above, or padding."""

    kind: str  # "cell" | "continue" | "empty"
    cell: Cell | None
    col: int
    span: int


def layout_rows(rows: list[list[Cell]], ncols: int) -> list[list[_Slot]]:
    """Place cells on the column grid, honouring colspan and rowspan from rows above.

    A row with fewer cells is padded with empty cells; a cell that does not fit raises ValueError."""
    pending: dict[int, tuple[int, int, Cell]] = {}  # start column -> (rows left, colspan, cell)
    out = []
    for r, row in enumerate(rows):
        slots: list[_Slot] = []
        col, i = 0, 0
        while col < ncols:
            if col in pending:
                left, span, cell = pending[col]
                slots.append(_Slot("continue", cell, col, span))
                if left > 1:
                    pending[col] = (left - 1, span, cell)
                else:
                    del pending[col]
                col += span
            elif i < len(row):
                cell = row[i]
                i += 1
                span = max(1, cell.colspan)
                if col + span > ncols or any(col < c < col + span for c in pending):
                    raise ValueError(f"table row {r + 1}: cell {i} ({_plain(cell.content)!r}) does not fit the grid")
                slots.append(_Slot("cell", cell, col, span))
                if cell.rowspan > 1:
                    pending[col] = (cell.rowspan - 1, span, cell)
                col += span
            else:
                slots.append(_Slot("empty", None, col, 1))
                col += 1
        if i < len(row):
            raise ValueError(f"table row {r + 1} has {len(row) - i} cell(s) more than the {ncols} columns")
        out.append(slots)
    return out


def _keep_groups(rows: list[list[_Slot]], start: int) -> list[range]:
    """Runs of body rows tied together by rowspans, so a merged cell is not cut by a page end."""
    groups, r = [], start
    while r < len(rows):
        end = r
        k = r
        while k <= end:
            for s in rows[k]:
                if s.kind == "cell" and s.cell.rowspan > 1:
                    end = max(end, min(len(rows) - 1, k + s.cell.rowspan - 1))
            k += 1
        groups.append(range(r, end + 1))
        r = end + 1
    return groups


def _table_groups(block: Table, orientation: str) -> list[range]:
    """Body rows that go on one page together: a short table entirely (at most
    KEEP_WHOLE_TABLE_ROWS rows and a third of the page); otherwise rows tied by a rowspan, and the
    last row never alone under a repeated header (a total row stays with the one above)."""
    nheader = len(block.header)
    if not block.body:
        return []
    layout = layout_rows(block.header + block.body, len(block.columns))
    heights, _ = _table_heights(block, _pt(usable_width_cm(orientation)))
    if len(block.body) <= KEEP_WHOLE_TABLE_ROWS and sum(heights) <= _pt(_usable_height_cm(orientation)) / 3:
        return [range(nheader, len(layout))]
    groups = _keep_groups(layout, nheader)
    if len(groups) >= 2 and len(groups[-1]) == 1:
        groups[-2:] = [range(groups[-2].start, groups[-1].stop)]
    return groups


def _table_heights(block: Table, width: float) -> tuple[list[float], float]:
    """Estimated height of every row (points) and of the title above, for a table `width` wide."""
    size = 9 if block.font == "small" else 10
    line = _line_pt(size, 1.0)
    pad = 2 * CELL_MARGIN_TW[0] / 20 + (0.5 if block.borders else 0)
    inner = 2 * CELL_MARGIN_TW[1] / 20
    total = sum(block.columns) or 1
    widths = [width * c / total for c in block.columns]
    rows = block.header + block.body
    heights = [line + pad] * len(rows)
    spans = []
    for r, slots in enumerate(layout_rows(rows, len(block.columns))):
        for s in slots:
            if s.kind != "cell":
                continue
            bold = s.cell.bold or r < len(block.header)
            n = _count_lines(s.cell.content, sum(widths[s.col : s.col + s.span]) - inner, size, bold)
            need = n * line + pad
            if s.cell.rowspan > 1:
                spans.append((r, min(len(rows), r + s.cell.rowspan), need))
            else:
                heights[r] = max(heights[r], need)
    for start, end, need in spans:
        have = sum(heights[start:end])
        if have < need:
            heights[end - 1] += need - have
    title = 0.0
    if block.title:
        spec = _STYLES["Caption"]
        title = _count_lines(block.title, width, spec.size, True) * _line_pt(spec.size, spec.line) + spec.after
    return heights, title


def _plain(content) -> str:
    return "".join(r.text for r in runs(content))


def _column_widths(columns: list[float], total: int) -> list[int]:
    s = sum(columns) or 1
    widths = [int(total * c / s) for c in columns]
    widths[-1] += total - sum(widths)
    return widths


def _png_size(png: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        return im.size


def _figure_size_cm(png: bytes, width_cm: float, max_width_cm: float, max_height_cm: float) -> tuple[float, float]:
    w, h = _png_size(png)
    width = min(width_cm, max_width_cm)
    height = width * h / w
    if height > max_height_cm:
        width, height = width * max_height_cm / height, max_height_cm
    return width, height


# --------------------------------------------------------------------------- renderer


class _Renderer:
    def __init__(self, dokumen: Dokumen, toc_pages: Sequence[int | str] | None = None, probe: bool = False):
        self.dokumen = dokumen
        self.probe = probe  # TOC entries outside a TOC field, with markers, to read pages back
        self.d = _new_docx()
        self.styles = _setup_styles(self.d)
        self.style_ids = {name: style.style_id for name, style in self.styles.items()}
        _setup_settings(self.d)
        _setup_package(self.d, dokumen.title)
        self.body = self.d.element.body
        self.orientation = "portrait"
        self.first_in_section = True
        self.pending_break = False
        self.bookmark_id = 0
        self.toc_entries = _toc_entries(dokumen)
        if toc_pages is not None and len(toc_pages) != len(self.toc_entries):
            raise ValueError(f"toc_pages has {len(toc_pages)} numbers for {len(self.toc_entries)} headings")
        self.toc_pages = toc_pages
        self.toc_numbers: list = []  # the w:t of each TOC entry's page number, filled in at the end
        self.next_toc = 0
        self.numbering = self.d.part.numbering_part.element
        self.abstract_nums: dict[tuple[str, int], int] = {}

    # ---- document structure

    def render(self) -> bytes:
        prev_numbered = None
        for i, section in enumerate(self.dokumen.sections):
            sec = self.d.sections[0] if i == 0 else self.d.add_section(WD_SECTION.NEW_PAGE)
            self._setup_section(sec, section, prev_numbered)
            prev_numbered = bool(section.numbering)
            self.section = section
            self.orientation = section.orientation
            self.first_in_section = True
            self.pending_break = False
            for block in section.blocks:
                self._block(block)
                if not isinstance(block, PageBreak):
                    self.first_in_section = False
        if not self.dokumen.sections:
            self._setup_section(self.d.sections[0], Section([]), None)
        # The page numbers of the TOC last: estimating them needs the size of every figure, and
        # the charts may still have been drawing in the background while the text was written.
        pages = estimate_toc_pages(self.dokumen) if self.toc_pages is None else self.toc_pages
        for t, page in zip(self.toc_numbers, pages, strict=False):
            if t is not None:
                t.text = str(page)
        buf = io.BytesIO()
        self.d.save(buf)
        return _deterministic_zip(buf.getvalue())

    def _setup_section(self, sec, section: Section, prev_numbered: bool | None) -> None:
        landscape = section.orientation == "landscape"
        sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        w, h = _page_size(section.orientation)
        sec.page_width, sec.page_height = Cm(w), Cm(h)
        m = _margins(section.orientation)
        sec.top_margin, sec.bottom_margin = Cm(m["top"]), Cm(m["bottom"])
        sec.left_margin, sec.right_margin = Cm(m["left"]), Cm(m["right"])
        sec.gutter = Cm(0)
        sec.header_distance, sec.footer_distance = Cm(1.25), Cm(1.25)
        # a cover in a numbered section: its first page has no number (Word's "different first page")
        cover_first = bool(section.blocks) and isinstance(section.blocks[0], Cover) and bool(section.numbering)
        sec.different_first_page_header_footer = cover_first
        if cover_first:
            sec.first_page_footer.is_linked_to_previous = False
        if section.numbering == "roman" or section.restart:
            number_type = _el("w:pgNumType", start=1) if section.restart else _el("w:pgNumType")
            if section.numbering == "roman":
                number_type.set(_clark("w:fmt"), "lowerRoman")
            sec._sectPr.insert_element_before(number_type, *_SECTPR_AFTER_PGNUMTYPE)
        if section.numbering and prev_numbered:
            sec.footer.is_linked_to_previous = True  # the same centred PAGE field, in this section's format
            return
        footer = sec.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        self._style(p, "Footer")
        if section.numbering:
            for r in _field_runs(" PAGE ", "1"):
                p._p.append(r)

    def _block(self, block) -> None:
        handler = {
            Heading: self._heading,
            Paragraph: self._paragraph,
            ListBlock: self._list,
            Table: self._table,
            Figure: self._figure,
            PageBreak: self._page_break,
            TableOfContents: self._toc,
            Signatures: self._signatures,
            Letterhead: self._letterhead,
            Cover: self._cover,
        }.get(type(block))
        if handler is None:
            raise TypeError(f"render_docx: unknown block {type(block).__name__}")
        handler(block)

    def _para(self, style: str = "Normal") -> _DocxParagraph:
        """A new body paragraph; it takes a page break asked for by a PageBreak block before it."""
        p = self.d.add_paragraph()
        self._style(p, style)
        if self.pending_break:
            p.paragraph_format.page_break_before = True
            self.pending_break = False
        return p

    def _style(self, p, style: str) -> None:
        """Apply a paragraph style by id (python-docx's lookup by name is slow on big tables)."""
        p._p.style = self.style_ids[style]

    def _flush_break(self) -> None:
        """Before a table: a page break cannot ride on a table, so give it a tiny paragraph."""
        if self.pending_break:
            p = self._para()
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = 1.0
            _mark_size(p, 2)

    def _usable_width(self) -> float:
        return usable_width_cm(self.orientation)

    def _runs(self, p, content, *, bold=False, underline=False, size=None, placeholder=False):
        append = p._p.append
        for r in runs(content):
            append(_run(r.text, r.bold or bold, r.italic or placeholder, underline, size, placeholder))
        return p

    # ---- blocks

    def _heading(self, block: Heading) -> None:
        level = _level(block)
        if block.toc and _is_lampiran(block, self.section):
            p = self._para("Lampiran")
        else:
            p = self._para(f"Heading {level}" if block.toc else f"Heading {level} (not in TOC)")
        if level == 1 and self.first_in_section and not p.paragraph_format.page_break_before:
            p.paragraph_format.page_break_before = False  # the section already starts a new page
        self._runs(p, block.text)
        if block.toc:
            _, _, name = self.toc_entries[self.next_toc]
            self.next_toc += 1
            self.bookmark_id += 1
            start = _el("w:bookmarkStart", id=self.bookmark_id, name=name)
            p._p.insert(1 if p._p.pPr is not None else 0, start)
            p._p.append(_el("w:bookmarkEnd", id=self.bookmark_id))

    def _paragraph(self, block: Paragraph) -> None:
        p = self._para(_PARAGRAPH_STYLES.get(block.style, "Normal"))
        if not (block.style in _CENTERED_STYLES and block.align == "justify"):
            p.paragraph_format.alignment = _ALIGN[block.align]
        if block.indent:
            p.paragraph_format.left_indent = Cm(LIST_STEP_CM * block.indent)
        self._runs(p, block.content, placeholder=block.placeholder)

    def _list(self, block: ListBlock) -> None:
        num_id = self._new_num(block.style, block.indent)
        left, hanging = _twips(LIST_STEP_CM * (block.indent + 1)), _twips(LIST_STEP_CM)
        for item in block.items:
            p = self._para("List Paragraph")
            ppr = p._p.get_or_add_pPr()
            num_pr = _el("w:numPr")
            _sub(num_pr, "w:ilvl", val=0)
            _sub(num_pr, "w:numId", val=num_id)
            _set_ppr(ppr, num_pr)
            _set_ppr(ppr, _el("w:ind", left=left, hanging=hanging))
            self._runs(p, item)

    def _new_num(self, style: str, indent: int) -> int:
        """A numbering instance (restarting at 1) for one list; one abstract list per look."""
        key = (style, indent)
        if key not in self.abstract_nums:
            ids = [int(a.get(qn("w:abstractNumId"))) for a in self.numbering.findall(qn("w:abstractNum"))]
            aid = max(ids, default=-1) + 1
            a = _el("w:abstractNum", abstractNumId=aid)
            _sub(a, "w:nsid", val=f"{0x5A4B0000 + aid:08X}")
            _sub(a, "w:multiLevelType", val="singleLevel")
            lvl = _sub(a, "w:lvl", ilvl=0)
            _sub(lvl, "w:start", val=1)
            fmt, text = {"1": ("decimal", "%1."), "a": ("lowerLetter", "%1."), "-": ("bullet", "\u2013")}[style]
            _sub(lvl, "w:numFmt", val=fmt)
            _sub(lvl, "w:lvlText", val=text)
            _sub(lvl, "w:lvlJc", val="left")
            ppr = _sub(lvl, "w:pPr")
            _sub(ppr, "w:ind", left=_twips(LIST_STEP_CM * (indent + 1)), hanging=_twips(LIST_STEP_CM))
            _rfonts(_sub(lvl, "w:rPr"))
            self.numbering.insert_element_before(a, "w:num", "w:numIdMacAtCleanup")
            self.abstract_nums[key] = aid
        num = self.numbering.add_num(self.abstract_nums[key])
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def _page_break(self, block: PageBreak) -> None:
        if not self.first_in_section:
            self.pending_break = True

    def _toc(self, block: TableOfContents) -> None:
        self._runs(self._para("TOC Heading"), block.title)
        width = _twips(self._usable_width())
        portrait = _twips(usable_width_cm("portrait"))
        entries = self.toc_entries or [(1, "", None)]
        p = None
        for i, (level, text, name) in enumerate(entries):
            p = self._para(f"toc {level}")
            if width != portrait:
                _set_ppr(p._p.get_or_add_pPr(), _tabs([("clear", portrait, None), ("right", width, "dot")]))
            if i == 0 and not self.probe:
                for r in _field_runs(TOC_INSTRUCTION)[:3]:  # begin, instruction, separate
                    p._p.append(r)
            if name is None:
                p._p.append(_text_run("Klik kanan, Perbarui Bidang (Update Field) untuk membuat daftar isi."))
            else:
                link = _sub(p._p, "w:hyperlink", anchor=name, history=1)
                link.append(_text_run(text))
                if level == LAMPIRAN_LEVEL:
                    self.toc_numbers.append(None)
                    continue
                r = _sub(link, "w:r")
                _sub(r, "w:tab")
                if self.probe:
                    link.append(_text_run(f"[[{i}:", 1))
                field = _field_runs(f" PAGEREF {name} \\h ", "?")
                self.toc_numbers.append(field[3].find(_clark("w:t")))
                for r in field:
                    link.append(r)
                if self.probe:
                    link.append(_text_run("]]", 1))
        if not self.probe:
            p._p.append(_fld_char_run("end"))

    # ---- tables

    def _new_table(self, widths: list[int], *, borders: bool, margins=CELL_MARGIN_TW) -> tuple:
        """An empty w:tbl at the end of the body with fixed column widths."""
        self._flush_break()
        tbl = _el("w:tbl")
        tpr = _sub(tbl, "w:tblPr")
        _sub(tpr, "w:tblW", w=sum(widths), type="dxa")
        _sub(tpr, "w:tblInd", w=0, type="dxa")
        b = _sub(tpr, "w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            if borders:
                _sub(b, f"w:{side}", val="single", sz=4, space=0, color="000000")  # 0.5 pt
            else:
                _sub(b, f"w:{side}", val="nil")
        _sub(tpr, "w:tblLayout", type="fixed")
        mar = _sub(tpr, "w:tblCellMar")
        vertical, horizontal = margins
        _sub(mar, "w:top", w=vertical, type="dxa")
        _sub(mar, "w:left", w=horizontal, type="dxa")
        _sub(mar, "w:bottom", w=vertical, type="dxa")
        _sub(mar, "w:right", w=horizontal, type="dxa")
        _sub(tpr, "w:tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1)
        grid = _sub(tbl, "w:tblGrid")
        for w in widths:
            _sub(grid, "w:gridCol", w=w)
        self.body.insert_element_before(tbl, "w:sectPr")
        return tbl, self.d._body

    @staticmethod
    def _new_row(tbl, *, header=False):
        tr = _sub(tbl, "w:tr")
        trpr = _sub(tr, "w:trPr")
        _sub(trpr, "w:cantSplit")
        if header:
            _sub(trpr, "w:tblHeader")
        return tr

    @staticmethod
    def _new_cell(tr, width: int, *, span=1, vmerge=None, shade=None, valign="top"):
        tc = _sub(tr, "w:tc")
        pr = _sub(tc, "w:tcPr")
        _sub(pr, "w:tcW", w=width, type="dxa")
        if span > 1:
            _sub(pr, "w:gridSpan", val=span)
        if vmerge == "restart":
            _sub(pr, "w:vMerge", val="restart")
        elif vmerge == "continue":
            _sub(pr, "w:vMerge")
        if shade:
            _sub(pr, "w:shd", val="clear", color="auto", fill=shade.lstrip("#").upper())
        _sub(pr, "w:vAlign", val=valign)
        _sub(tc, "w:p")
        return tc

    def _table(self, block: Table) -> None:
        if block.title:
            p = self._para("Caption")
            p.paragraph_format.keep_with_next = True
            self._runs(p, block.title)
        total = _twips(self._usable_width())
        ncols = len(block.columns)
        widths = _column_widths(block.columns, total)
        tbl, _ = self._new_table(widths, borders=block.borders)
        style_id = self.style_ids["Table Text Small" if block.font == "small" else "Table Text"]
        rows = block.header + block.body
        nheader = len(block.header)
        layout = layout_rows(rows, ncols)
        # rows kept with the next one: the header, a short table entirely, rows tied by a rowspan
        keep = set(range(nheader))
        for group in _table_groups(block, self.orientation):
            keep.update(group[:-1])
        for r, slots in enumerate(layout):
            is_header = r < nheader
            tr = self._new_row(tbl, header=is_header)
            for slot in slots:
                width = sum(widths[slot.col : slot.col + slot.span])
                cell = slot.cell
                shade = cell.shade if cell and cell.shade else (HEADER_SHADE if is_header else None)
                merged = cell is not None and cell.rowspan > 1
                vmerge = "continue" if slot.kind == "continue" else ("restart" if merged else None)
                valign = "center" if is_header or merged else "top"
                tc = self._new_cell(tr, width, span=slot.span, vmerge=vmerge, shade=shade, valign=valign)
                p = tc[-1]  # the cell's w:p, filled directly: pPr children in schema order
                ppr = _sub(p, "w:pPr")
                _sub(ppr, "w:pStyle", val=style_id)
                if r in keep:
                    _sub(ppr, "w:keepNext")
                if slot.kind != "cell":
                    continue
                # header cells are centred unless they ask for another alignment than the default
                align = "center" if is_header and cell.align == "left" else cell.align
                _sub(ppr, "w:jc", val=_JC[align])
                bold = cell.bold or is_header
                for run in runs(cell.content):
                    p.append(_run(run.text, run.bold or bold, run.italic))
        if block.source:
            self._runs(self._para("Note"), block.source)
        else:
            self._spacer()

    def _spacer(self) -> None:
        """A small empty paragraph after a table (two tables in a row would otherwise merge in Word)."""
        p = self._para()
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        _mark_size(p, 6)

    def _keep_previous_with_next(self) -> None:
        """Keep what was written last on the page of what comes next (a signature never stands
        alone at the top of a page): the last paragraph, or a table's last row and the spacer."""
        last = self.body[-2] if len(self.body) > 1 else None  # [-1] is the body's w:sectPr
        if last is None or last.tag != _clark("w:p") or self.pending_break:
            return
        paragraphs = [last]
        table = last.getprevious()
        if table is not None and table.tag == _clark("w:tbl"):
            paragraphs += table.findall(f"{_clark('w:tr')}[last()]/{_clark('w:tc')}/{_clark('w:p')}")
        for p in paragraphs:
            _set_ppr(p.get_or_add_pPr(), _el("w:keepNext"))

    def _signatures(self, block: Signatures) -> None:
        left, right = block.left, block.right
        if right is None:
            left, right = None, left  # one signature goes on the right
        if right is None:
            return
        self._keep_previous_with_next()
        half = _twips(self._usable_width()) // 2
        tbl, parent = self._new_table([half, half], borders=False, margins=(0, 57))
        rows = _signature_rows(left, right)
        for i, (attr, texts) in enumerate(rows):
            tr = self._new_row(tbl)
            for text in texts:
                cell = _Cell(self._new_cell(tr, half), parent)
                p = cell.paragraphs[0]
                paragraphs = [p]
                if attr == "space":  # four empty lines for the wet signature and stamp
                    paragraphs += [cell.add_paragraph() for _ in range(3)]
                for q in paragraphs:
                    self._style(q, "Signature")
                    if i < len(rows) - 1:
                        q.paragraph_format.keep_with_next = True  # the block stays on one page
                if i == 0:
                    p.paragraph_format.space_before = Pt(12)
                if text:
                    self._runs(p, text, bold=attr in ("nama", "label"), underline=attr == "nama")
        self._spacer()

    def _letterhead(self, block: Letterhead) -> None:
        total = _twips(self._usable_width())
        side = _twips(_LOGO_COLUMN_CM)
        widths = [side, total - 2 * side, side]  # logo | text | empty: the text is centred on the page
        tbl, parent = self._new_table(widths, borders=False, margins=(0, 57))
        tr = self._new_row(tbl)
        logo = _Cell(self._new_cell(tr, widths[0], valign="center"), parent).paragraphs[0]
        self._style(logo, "Letterhead")
        if block.logo_png:
            logo.add_run().add_picture(io.BytesIO(block.logo_png), width=Cm(_LOGO_CM))
        text = _Cell(self._new_cell(tr, widths[1], valign="center"), parent)
        for i, (content, size, bold) in enumerate(_letterhead_lines(block)):
            p = text.paragraphs[0] if i == 0 else text.add_paragraph()
            self._style(p, "Letterhead")
            self._runs(p, content, bold=bold, size=size)
        blank = _Cell(self._new_cell(tr, widths[2]), parent).paragraphs[0]
        self._style(blank, "Letterhead")
        # the double rule (thick over thin) under the kop: a bottom border on a tiny paragraph
        rule = self._para("Letterhead")
        bdr = _el("w:pBdr")
        _sub(bdr, "w:bottom", val="thickThinSmallGap", sz=24, space=1, color="000000")
        _set_ppr(rule._p.get_or_add_pPr(), bdr)
        rule.paragraph_format.space_after = Pt(12)
        _mark_size(rule, 4)

    # ---- pictures

    def _figure(self, block: Figure) -> None:
        p = self._para()
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.line_spacing = 1.0
        w, h = _figure_size_cm(block.png, block.width_cm, self._usable_width(), _figure_max_height(self.orientation))
        p.add_run().add_picture(io.BytesIO(block.png), width=Emu(Cm(w)), height=Emu(Cm(h)))
        cap = self._para("Caption")
        cap.paragraph_format.space_after = Pt(12)
        self._runs(cap, block.caption)

    def _cover(self, block: Cover) -> None:
        if not self.first_in_section:
            self.pending_break = True
        # the cover sits in the middle of its page (section vAlign is ignored by LibreOffice)
        top = max(0.0, (_pt(_usable_height_cm(self.orientation)) - _cover_height(block)) / 2)
        for i, line in enumerate(block.title):
            p = self._para("Cover Title")
            if i == 0:
                p.paragraph_format.space_before = Pt(round(top))
            self._runs(p, line)
        p = self._para("Cover Title")
        p.paragraph_format.space_before = Pt(_COVER_GAP)
        p.paragraph_format.space_after = Pt(_COVER_GAP)
        if block.logo_png:
            w, h = _figure_size_cm(block.logo_png, _COVER_LOGO_CM, _COVER_LOGO_CM, 7.0)
            p.add_run().add_picture(io.BytesIO(block.logo_png), width=Emu(Cm(w)), height=Emu(Cm(h)))
        for line in block.subtitle:
            self._runs(self._para("Cover Subtitle"), line)
        if block.year:
            p = self._para("Cover Title")
            p.paragraph_format.space_before = Pt(_COVER_GAP)
            self._runs(p, block.year)
        self.pending_break = True  # whatever follows the cover starts on the next page


_LOGO_CM = 2.2
_LOGO_COLUMN_CM = 2.6
_COVER_GAP = 54  # pt around the cover logo and above the year
_COVER_LOGO_CM = 5.0


def _cover_height(block: Cover) -> float:
    """Height of the cover's content in points, to centre it on the page."""
    title = _STYLES["Cover Title"]
    sub = _STYLES["Cover Subtitle"]
    width = _pt(usable_width_cm("portrait"))
    height = sum(
        _count_lines(t, width, title.size, True) * _line_pt(title.size, 1.0) + title.after for t in block.title
    )
    logo = 0.0
    if block.logo_png:
        logo = _pt(_figure_size_cm(block.logo_png, _COVER_LOGO_CM, _COVER_LOGO_CM, 7.0)[1])
    height += 2 * _COVER_GAP + max(logo, _line_pt(title.size, 1.0)) + title.after
    height += sum(_count_lines(t, width, sub.size, True) * _line_pt(sub.size, 1.0) + sub.after for t in block.subtitle)
    if block.year:
        height += _COVER_GAP + _line_pt(title.size, 1.0)
    return height


def _figure_max_height(orientation: str) -> float:
    return _usable_height_cm(orientation) - 3  # room for the caption on the same page


def _letterhead_lines(block: Letterhead) -> list[tuple[str, float, bool]]:
    lines = [(block.pemda.upper(), 14, True), (block.instansi.upper(), 16, True), (block.alamat, 10, False)]
    return [ln for ln in lines if ln[0]]


def _signature_rows(left: Signature | None, right: Signature) -> list[tuple[str, list[str]]]:
    """Row by row, so the two columns stay level: label, place/date, jabatan, space, name, pangkat, NIP."""

    def line(s: Signature | None, attr: str) -> str:
        return getattr(s, attr) if s else ""

    rows = []
    for attr in ("label", "tempat_tanggal", "jabatan", "space", "nama", "pangkat", "nip"):
        texts = ["", ""] if attr == "space" else [line(left, attr), line(right, attr)]
        if attr in ("space", "nama") or any(texts):
            rows.append((attr, texts))
    return rows


def _level(h: Heading) -> int:
    return min(max(int(h.level), 1), 3)


def _toc_entries(dokumen: Dokumen) -> list[tuple[int, str, str]]:
    """(level, text, bookmark) of every heading that goes into the table of contents, in order.

    The title of an attachment (a level-1 heading in an unnumbered section) is TOC level
    `LAMPIRAN_LEVEL`: listed like a chapter, without a page number."""
    out = []
    for section in dokumen.sections:
        for block in section.blocks:
            if isinstance(block, Heading) and block.toc:
                level = LAMPIRAN_LEVEL if _is_lampiran(block, section) else _level(block)
                out.append((level, " ".join(block.text.split()), f"_Toc{100000001 + len(out)}"))
    return out


def _is_lampiran(block: Heading, section: Section) -> bool:
    return _level(block) == 1 and not section.numbering


def _mark_size(p, size_pt: float) -> None:
    """Size of an empty paragraph's mark (its line height)."""
    rpr = _el("w:rPr")
    _sub(rpr, "w:sz", val=int(size_pt * 2))
    _sub(rpr, "w:szCs", val=int(size_pt * 2))
    _set_ppr(p._p.get_or_add_pPr(), rpr)


# --------------------------------------------------------------------------- page estimate


_FONT_FILES = {
    False: (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/msttcorefonts/Arial.ttf",
        "/Library/Fonts/Arial.ttf",
        "C:/Windows/Fonts/arial.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/msttcorefonts/Arial_Bold.ttf",
        "/Library/Fonts/Arial Bold.ttf",
        "C:/Windows/Fonts/arialbd.ttf",
    ),
}


@functools.cache
def _font(bold: bool):
    """Arial (or the metric-compatible Liberation Sans) at 1000 units per em, if installed."""
    from PIL import ImageFont

    for path in _FONT_FILES[bold]:
        if Path(path).exists():
            return ImageFont.truetype(path, 1000)
    return None


@functools.lru_cache(maxsize=65536)
def _word_em(word: str, bold: bool) -> float:
    """Width of a word in ems."""
    font = _font(bold)
    if font is None:
        return len(word) * (0.56 if bold else 0.52)
    return font.getlength(word) / 1000


def _count_lines(content, width_pt: float, size: float, bold: bool = False) -> int:
    """Lines a paragraph takes when wrapped greedily at spaces in `width_pt`."""
    width_em = max(width_pt / size, 1)
    space = _word_em(" ", False)
    lines, x = 1, 0.0
    for r in runs(content):
        for k, segment in enumerate(r.text.split("\n")):
            if k:
                lines, x = lines + 1, 0.0
            for word in segment.replace("\t", " ").split():
                w = _word_em(word, bold or r.bold)
                if x and x + space + w <= width_em:
                    x += space + w
                    continue
                if x:
                    lines += 1
                while w > width_em:  # a word longer than the line is broken
                    lines += 1
                    w -= width_em
                x = w
    return lines


def _line_pt(size: float, line: float) -> float:
    """Line height in points: Arial's ascent + descent + gap, in whole twips, times the spacing."""
    return math.floor(round(size * 20 * FONT_LINE_HEIGHT) * line + 1e-6) / 20


class _Pager:
    """Pages filled from top to bottom the way Writer fills them: between two paragraphs the larger
    of space-after and space-before, none at the top of a page, widow and orphan control."""

    def __init__(self):
        self.page = 0
        self.y = 0.0
        self.height = 0.0
        self.gap = 0.0  # space after the last paragraph, not yet spent

    def new_section(self, orientation: str) -> None:
        self.new_page()
        self.height = _pt(_usable_height_cm(orientation))

    def new_page(self) -> None:
        self.page += 1
        self.y = 0.0
        self.gap = 0.0

    def spacing(self, before: float) -> float:
        return max(self.gap, before) if self.y > 0 else 0.0

    def fits(self, height: float) -> bool:
        return self.y + height <= self.height + 0.05

    def block(self, height: float, before: float = 0, after: float = 0, slack: float = 0) -> None:
        """Something that is not split: moves to the next page when it does not fit.

        `slack`: the part of the last line's height above single spacing, which may hang below
        the page body (Writer does so)."""
        space = self.spacing(before)
        if self.y > 0 and not self.fits(space + height - slack):
            self.new_page()
            space = 0.0
        self.y += space + height
        self.gap = after

    def rows(self, height: float) -> None:
        """Table rows: no paragraph spacing inside or after them."""
        self.y += self.spacing(0) + height
        self.gap = 0.0

    def lines(self, n: int, line: float, before=0.0, after=0.0, together=False, slack=0.0) -> None:
        """A paragraph of n lines; never one line alone at the bottom or top of a page."""
        if together or n <= 3:
            self.block(n * line, before, after, slack)
            return
        self.y += self.spacing(before)
        while n:
            room = int((self.height - self.y + slack + 0.05) // line)
            if room >= n:
                self.y += n * line
                n = 0
            else:
                take = room if n - room >= 2 else n - 2  # leave at least two lines for the next page
                if take >= 2:
                    n -= take
                self.new_page()
        self.gap = after


class _Estimator:
    """Walks the blocks like the renderer and counts pages; gives the page of every TOC heading."""

    def __init__(self, dokumen: Dokumen):
        self.dokumen = dokumen
        self.pager = _Pager()
        self.pages: list[str] = []
        self.width = 0.0
        self.orientation = "portrait"

    def run(self) -> list[str]:
        """The printed page label of every TOC heading ("" in an unnumbered section)."""
        self.numbering, self.page_zero = "arabic", 0
        for section in self.dokumen.sections:
            self.pager.new_section(section.orientation)
            if section.restart:
                self.page_zero = self.pager.page - 1
            self.numbering = section.numbering
            self.orientation = section.orientation
            self.width = _pt(usable_width_cm(section.orientation))
            first, pending = True, False
            blocks = section.blocks
            for i, block in enumerate(blocks):
                if isinstance(block, PageBreak):
                    pending = pending or not first
                    continue
                if pending and self.pager.y > 0:
                    self.pager.new_page()
                pending = False
                self.place(block, first, blocks[i + 1 :])
                if isinstance(block, Cover):
                    pending = True
                first = False
        return self.pages

    # heights of pieces

    def para_height(self, style: str, content, width: float | None = None) -> tuple[int, float, _StyleSpec]:
        spec = _STYLES[style]
        n = _count_lines(content, width or self.width, spec.size, bool(spec.bold))
        return n, _line_pt(spec.size, spec.line), spec

    def first_height(self, rest: list) -> tuple[float, float]:
        """(space before, height) of what must follow a keep-with-next paragraph on its page."""
        block = rest[0] if rest else None
        if block is None or isinstance(block, PageBreak):
            return 0.0, 0.0
        if isinstance(block, Heading):  # a heading brings what it is kept with
            n, line, spec = self.para_height(f"Heading {_level(block)}", block.text)
            if _level(block) == 1:
                return spec.before, n * line
            next_before, next_height = self.first_height(rest[1:])
            if not next_height:
                return spec.before, n * line - (line - _line_pt(spec.size, 1.0))
            return spec.before, n * line + max(spec.after, next_before) + next_height
        if isinstance(block, Paragraph):
            style = _PARAGRAPH_STYLES.get(block.style, "Normal")
            n, line, spec = self.para_height(style, block.content, self.width - _pt(LIST_STEP_CM * block.indent))
            if spec.keep_next:
                next_before, next_height = self.first_height(rest[1:])
                if next_height:
                    return spec.before, n * line + max(spec.after, next_before) + next_height
            return spec.before, (n if n <= 3 else 2) * line - (line - _line_pt(spec.size, 1.0))
        if isinstance(block, ListBlock) and block.items:
            n, line, spec = self.para_height("List Paragraph", block.items[0], self.width - _pt(LIST_STEP_CM))
            return spec.before, (n if n <= 3 else 2) * line - (line - _line_pt(spec.size, 1.0))
        if isinstance(block, Table):
            heights, title = self.table_heights(block)
            groups = self.table_groups(block)
            first = sum(heights[i] for i in groups[0]) if groups else 0.0
            return 0.0, title + sum(heights[: len(block.header)]) + first
        if isinstance(block, Figure):
            return 6.0, self.figure_height(block)
        return 0.0, 0.0

    def table_heights(self, block: Table) -> tuple[list[float], float]:
        return _table_heights(block, self.width)

    def table_groups(self, block: Table) -> list[range]:
        return _table_groups(block, self.orientation)

    def figure_height(self, block: Figure) -> float:
        """Picture and caption, without the 6 pt before and 12 pt after."""
        _, h = _figure_size_cm(block.png, block.width_cm, usable_width_cm(self.orientation),
                               _figure_max_height(self.orientation))  # fmt: skip
        n, line, spec = self.para_height("Caption", block.caption)
        return _pt(h) + 2 + spec.before + n * line

    def spacer(self) -> None:
        self.pager.block(_line_pt(6, 1.0))

    def para(self, n: int, line: float, spec: _StyleSpec, together: bool = False) -> None:
        self.pager.lines(n, line, spec.before, spec.after, together, line - _line_pt(spec.size, 1.0))

    # placing blocks

    def place(self, block, first: bool, rest: list) -> None:
        p = self.pager
        if isinstance(block, Heading):
            level = _level(block)
            if level == 1 and not first and p.y > 0:
                p.new_page()
            n, line, spec = self.para_height(f"Heading {level}", block.text)
            self.kept_with_next(n, line, spec, rest)
            if block.toc:
                self.pages.append(fmt.halaman(p.page - self.page_zero, self.numbering) if self.numbering else "")
        elif isinstance(block, Paragraph):
            style = _PARAGRAPH_STYLES.get(block.style, "Normal")
            n, line, spec = self.para_height(style, block.content, self.width - _pt(LIST_STEP_CM * block.indent))
            if spec.keep_next:  # titles stay with what follows
                self.kept_with_next(n, line, spec, rest)
            else:
                self.para(n, line, spec)
        elif isinstance(block, ListBlock):
            width = self.width - _pt(LIST_STEP_CM * (block.indent + 1))
            for item in block.items:
                n, line, spec = self.para_height("List Paragraph", item, width)
                self.para(n, line, spec)
        elif isinstance(block, Table):
            self.place_table(block)
        elif isinstance(block, Figure):
            p.block(self.figure_height(block), 6, 12)
        elif isinstance(block, TableOfContents):
            n, line, spec = self.para_height("TOC Heading", block.title)
            self.para(n, line, spec, together=True)
            for level, text, _ in _toc_entries(self.dokumen) or [(1, "", "")]:
                width = self.width - _pt(TOC_INDENT_CM[level] + 1.0)
                n, line, spec = self.para_height(f"toc {level}", text, width)
                self.para(n, line, spec)
        elif isinstance(block, Signatures):
            self.place_signatures(block)
        elif isinstance(block, Letterhead):
            text = sum(_line_pt(size, 1.0) * _count_lines(c, self.width - _pt(2 * _LOGO_COLUMN_CM), size, bold)
                       for c, size, bold in _letterhead_lines(block))  # fmt: skip
            logo = 0.0
            if block.logo_png:
                w, h = _png_size(block.logo_png)
                logo = _pt(_LOGO_CM * h / w) + 3
            p.rows(max(text, logo))
            p.block(_line_pt(4, 1.0) + 3, 0, 12)  # the rule
        elif isinstance(block, Cover):
            if p.y > 0:
                p.new_page()
            p.y = p.height

    def kept_with_next(self, n: int, line: float, spec: _StyleSpec, rest: list) -> None:
        """A heading: on the next page unless the start of what follows fits under it."""
        p = self.pager
        next_before, next_height = self.first_height(rest)
        need = p.spacing(spec.before) + n * line + max(spec.after, next_before) + next_height
        if p.y > 0 and not p.fits(need):
            p.new_page()
        self.para(n, line, spec, together=True)

    def place_signatures(self, block: Signatures) -> None:
        left, right = block.left, block.right
        if right is None:
            left, right = None, left
        if right is None:
            return
        line = _line_pt(11, 1.0)
        height = 12.0
        half = self.width / 2 - 2 * 57 / 20
        for attr, texts in _signature_rows(left, right):
            if attr == "space":
                height += 4 * line
            else:
                height += max(_count_lines(t, half, 11, attr in ("nama", "label")) for t in texts) * line
        p = self.pager
        if p.y > 0 and not p.fits(p.spacing(0) + height):
            p.new_page()
        p.rows(height)
        self.spacer()

    def place_table(self, block: Table) -> None:
        p = self.pager
        heights, title = self.table_heights(block)
        header = sum(heights[: len(block.header)])
        groups = self.table_groups(block)
        first = sum(heights[i] for i in groups[0]) if groups else 0.0
        caption = _STYLES["Caption"]
        before = caption.before if block.title else 0.0
        if p.y > 0 and not p.fits(p.spacing(before) + title + header + first):
            p.new_page()
        p.y += p.spacing(before)
        p.gap = 0.0
        p.rows(title + header)
        top = p.y
        for group in groups:
            h = sum(heights[i] for i in group)
            if not p.fits(h) and p.y > top:
                p.new_page()
                p.rows(header)  # the header rows repeat
                top = p.y
            for i in group:
                if not p.fits(heights[i]) and p.y > top:  # a group taller than a page: row by row
                    p.new_page()
                    p.rows(header)
                    top = p.y
                p.rows(heights[i])
        if block.source:
            n, line, spec = self.para_height("Note", block.source)
            self.para(n, line, spec)
        else:
            self.spacer()


def estimate_toc_pages(dokumen: Dokumen) -> list[str]:
    """The page of every heading in the table of contents, from a layout estimate of the blocks.

    Exact for headings that start a page (every BAB) as long as the page count before them is
    right; within a chapter, a heading near a page end can be one page off."""
    return _Estimator(dokumen).run()


# --------------------------------------------------------------------------- public API


def render_docx(doc: Dokumen, *, toc_pages: Sequence[int | str] | None = None) -> bytes:
    """The document as .docx bytes (A4, Arial 11 pt, real styles, TOC field, page numbers).

    `toc_pages`: the page number shown for each TOC heading, in order (default: estimated)."""
    return _Renderer(doc, toc_pages).render()


def toc_pages_from_libreoffice(doc: Dokumen, soffice: str = "/usr/bin/soffice", timeout: float = 180) -> list[str]:
    """The exact page label of every TOC heading ("" for an attachment), as LibreOffice lays
    the document out.

    Renders a variant whose TOC entries are plain paragraphs (LibreOffice computes PAGEREF
    fields outside a TOC, not inside one), converts it to PDF and reads the numbers back.
    Needs `soffice` and `pdftotext`; takes a few seconds."""
    entries = _toc_entries(doc)
    if not entries:
        return []
    data = _Renderer(doc, ["0"] * len(entries), probe=True).render()
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise RuntimeError("pdftotext (poppler-utils) is needed to read the page numbers")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "probe.docx"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
             "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=timeout,
        )  # fmt: skip
        text = subprocess.run(
            [pdftotext, "-raw", str(Path(tmp) / "probe.pdf"), "-"], check=True, capture_output=True, text=True
        ).stdout
    found = {int(i): n for i, n in re.findall(r"\[\[(\d+):(\w+)\]\]", re.sub(r"\s+", "", text))}
    numbered = [i for i, (level, _, _) in enumerate(entries) if level != LAMPIRAN_LEVEL]
    if sorted(found) != numbered:
        raise RuntimeError(f"could not read the page of every TOC heading from LibreOffice ({len(found)} found)")
    return [found.get(i, "") for i in range(len(entries))]
