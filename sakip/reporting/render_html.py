"""HTML renderer of a `Dokumen`: the on-screen preview and the source of the PDF.

The markup comes from Django templates in ``reporting/templates/reporting/`` (``dokumen.html``
and one include per block type in ``blok/``), so every piece of text is auto-escaped. This
module only turns the blocks into plain values the templates can loop over: runs, heading ids,
column widths in percent, images as ``data:`` URIs. The stylesheet (``dokumen.css``, screen and
print rules, scoped to ``.sakip-dokumen``) is inlined in a ``<style>`` element.

    render_html(doc)                    a whole HTML page (grey background, white A4 cards)
    render_html(doc, standalone=False)  only ``<div class="sakip-dokumen">…</div>``, to embed in a
                                        page that puts ``dokumen_css()`` in its ``<style>``
"""

import base64
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from sakip import formatting as fmt
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
    Signatures,
    Table,
    TableOfContents,
    runs,
)

_WARNA = re.compile(r"^#[0-9a-fA-F]{6}$")
_LIST_TYPE = {"1": "1", "a": "a"}


def dokumen_css() -> str:
    """The stylesheet of rendered documents (screen and print), for a page embedding a fragment."""
    return render_to_string("reporting/dokumen.css")


def render_html(doc: Dokumen, *, standalone: bool = True) -> str:
    """`doc` as HTML: a complete page, or with ``standalone=False`` only the body fragment."""
    return render_part(doc, range(len(doc.sections)), standalone=standalone)


def render_part(
    doc: Dokumen,
    sections: range,
    *,
    standalone: bool = True,
    toc_pages: dict[str, int] | None = None,
    image_src=None,
) -> str:
    """The HTML of some consecutive sections of `doc` (for a PDF laid out in parts).

    `toc_pages`: pages of headings laid out elsewhere ({anchor: 12}), written into the table of
    contents as text in their section's numbering; the others get theirs from the layout
    (``target-counter``).
    `image_src`: turns a PNG (bytes, or a `Figure` whose chart may still be drawing) into an
    ``<img src>``; default: a ``data:`` URI."""
    image_src = image_src or (lambda image: _data_uri(image.png if isinstance(image, Figure) else image))
    # Stable anchors by document order ("judul-1", "judul-2", …), keyed by position: the TOC links to them.
    ids: dict[tuple[int, int], str] = {}
    toc = []
    for si, section in enumerate(doc.sections):
        for bi, block in enumerate(section.blocks):
            if isinstance(block, Heading):
                ids[si, bi] = anchor = f"judul-{len(ids) + 1}"
                if block.toc:
                    entry = {"id": anchor, "text": block.text, "level": _level(block), "numbering": section.numbering}
                    if toc_pages and anchor in toc_pages and section.numbering:
                        entry["page"] = fmt.halaman(toc_pages[anchor], section.numbering)
                    toc.append(entry)
    context = {
        "title": doc.title,
        "sections": [
            {
                "classes": " ".join([section.orientation, _NUMBERING_CLASS[section.numbering]]).strip(),
                "blocks": [_block(b, ids.get((si, bi)), toc, image_src) for bi, b in enumerate(section.blocks)],
            }
            for si, section in ((i, doc.sections[i]) for i in sections)
        ],
        "standalone": standalone,
    }
    if standalone:
        context["css"] = mark_safe(dokumen_css())  # our own stylesheet, not data
    return render_to_string("reporting/dokumen.html", context)


_NUMBERING_CLASS = {"arabic": "", "roman": "romawi", None: "tanpa-nomor"}


@dataclass
class _Blok:
    template: str  # file name in reporting/blok/, without .html
    data: object


def _level(h: Heading) -> int:
    return min(max(h.level, 1), 3)


def _block(block, anchor: str | None, toc: list[dict], image_src) -> _Blok:
    match block:
        case Heading():
            return _Blok("heading", {"id": anchor, "level": _level(block), "text": block.text})
        case Paragraph():
            return _Blok(
                "paragraph",
                {
                    "runs": runs(block.content),
                    "classes": f"p-{block.style} align-{block.align}" + (" placeholder" if block.placeholder else ""),
                    "indent": block.indent,
                },
            )
        case ListBlock():
            return _Blok(
                "list",
                {
                    "ordered": block.style in _LIST_TYPE,
                    "type": _LIST_TYPE.get(block.style, ""),
                    "items": [runs(i) for i in block.items],
                    "indent": block.indent,
                },
            )
        case Table():
            return _Blok("table", _table(block))
        case Figure():
            return _Blok("figure", {"src": image_src(block), "caption": block.caption, "width_cm": block.width_cm})
        case PageBreak():
            return _Blok("pagebreak", None)
        case TableOfContents():
            return _Blok("toc", {"title": block.title, "entries": toc})
        case Signatures():
            return _Blok("signatures", _signatures(block))
        case Letterhead():
            return _Blok(
                "letterhead",
                {
                    "pemda": block.pemda,
                    "instansi": block.instansi,
                    "alamat": block.alamat,
                    "logo": image_src(block.logo_png) if block.logo_png else None,
                },
            )
        case Cover():
            return _Blok(
                "cover",
                {
                    "title": block.title,
                    "subtitle": block.subtitle,
                    "year": block.year,
                    "logo": image_src(block.logo_png) if block.logo_png else None,
                },
            )
    raise TypeError(f"unknown block {type(block).__name__}")


def _table(table: Table) -> dict:
    total = sum(table.columns) or 1
    widths = [f"{100 * w / total:.3f}" for w in table.columns]
    classes = ["tabel", f"font-{table.font}", "bergaris" if table.borders else "tanpa-garis"]
    return {
        "title": table.title,
        "source": table.source,
        "classes": " ".join(classes),
        "widths": widths,
        "header": [[_cell(c, header=True) for c in row] for row in table.header],
        "body": _row_groups([[_cell(c, header=False) for c in row] for row in table.body]),
    }


def _row_groups(rows: list[list[dict]]) -> list[dict]:
    """Body rows as ``<tbody>`` groups: rows tied by a rowspan form one group kept on one page
    (``keep``), so a spanning cell is not cut at a page break; other rows are merged."""
    groups: list[dict] = []
    end = 0  # index of the first row after the rows spanned so far
    for i, row in enumerate(rows):
        end = max([end, i + 1] + [i + c["rowspan"] for c in row])
        if groups and groups[-1]["open"]:
            groups[-1]["rows"].append(row)
        else:
            keep = end > i + 1
            if not keep and groups and not groups[-1]["keep"]:
                groups[-1]["rows"].append(row)
            else:
                groups.append({"keep": keep, "rows": [row]})
        groups[-1]["open"] = end > i + 1
    return groups


def _cell(cell: Cell, *, header: bool) -> dict:
    if cell.shade is not None and not _WARNA.match(cell.shade):
        raise ValueError(f"cell shade must be '#RRGGBB', not {cell.shade!r}")
    # Header cells are centred unless another alignment than the default was asked for.
    align = "center" if header and cell.align == "left" else cell.align
    return {
        "runs": runs(cell.content),
        "colspan": cell.colspan,
        "rowspan": cell.rowspan,
        "align": align,
        "bold": cell.bold,
        "shade": cell.shade,
    }


def _signatures(block: Signatures) -> dict:
    """Both signatures as aligned rows (left, right): place and date, label, jabatan, then after
    the blank space the name, pangkat, NIP. A row empty on both sides is left out."""
    pair = (block.left, block.right)

    def row(field: str) -> tuple[str, str]:
        return tuple(getattr(s, field) if s else "" for s in pair)

    return {
        "top": [row(f) for f in ("tempat_tanggal", "label", "jabatan") if any(row(f))],
        "names": row("nama"),
        "bottom": [row(f) for f in ("pangkat", "nip") if any(row(f))],
    }


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
