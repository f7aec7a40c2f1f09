"""PDF renderer of a `Dokumen`: WeasyPrint lays out the HTML of `render_html`.

The print rules live in the same stylesheet as the preview (``reporting/dokumen.css``):
A4 pages, named pages for landscape, unnumbered and roman-numbered pages, page numbers,
repeated table headers, the table of contents' page numbers. So the PDF and the preview
cannot say different things.

A document whose page count starts again (an LKIP: cover; front matter i, ii, …; BAB I–IV
from 1; the unnumbered attachments) is laid out in those parts, each a WeasyPrint document of
its own, and the PDFs are joined. The parts do not depend on each other except the one with
the table of contents, which is laid out last with the page numbers of the others written in,
so the others are laid out at the same time in background processes (`workers`): layout is
most of the time of a PDF, and a part takes the time of the largest part, not of the sum.
"""

import io
from concurrent.futures import Future
from dataclasses import dataclass

from . import workers
from .document import Cover, Dokumen, Figure, TableOfContents
from .render_html import render_part

GAMBAR = "sakip-gambar:"
"""URL scheme of the pictures of a part: fetched from memory, so the HTML stays small (no
base64) and a chart still drawing in the background is waited for only when it is placed."""


def render_pdf(doc: Dokumen) -> bytes:
    """`doc` as PDF bytes; the PDF's title metadata is ``doc.title``."""
    ranges = parts(doc)
    htmls, images = [], []
    for r in ranges:
        found: dict[str, bytes | Figure] = {}
        htmls.append(render_part(doc, r, image_src=_collector(found)))
        images.append(found)
    if len(ranges) == 1:
        return _render(htmls[0], images[0]).pdf

    toc = next((i for i, r in enumerate(ranges) if _has_toc(doc, r)), None)
    independent = [i for i in range(len(ranges)) if i != toc]
    here = max(independent, key=lambda i: len(htmls[i]))  # the largest part: laid out in this process
    others = [i for i in independent if i != here]
    # the other parts one after the other in one background process: this one and that one
    # keep two cores busy; more processes would only take turns on them
    elsewhere: Future = workers.submit(_render_all, [(htmls[i], _resolved(images[i])) for i in others])
    layout = _layout(htmls[here], images[here])
    results = dict(zip(others, elsewhere.result(), strict=True))
    toc_part = None
    if toc is not None:
        pages = {name: page + 1 for name, page in _anchors(layout).items()}
        for part in results.values():
            pages.update({name: page + 1 for name, page in part.anchors.items()})
        found = {}
        html = render_part(doc, ranges[toc], toc_pages=pages, image_src=_collector(found))
        toc_part = workers.submit(_render, html, _resolved(found))
    results[here] = _Part.of(layout)
    if toc_part is not None:
        results[toc] = toc_part.result()
    return _join(doc, ranges, [results[i] for i in range(len(ranges))])


def parts(doc: Dokumen) -> list[range]:
    """Runs of sections that are laid out on their own: a new part starts where the page count
    starts again (`Section.restart`) and where unnumbered pages follow numbered ones."""
    starts = [0] + [
        i
        for i in range(1, len(doc.sections))
        if doc.sections[i].restart or (doc.sections[i].numbering is None and doc.sections[i - 1].numbering is not None)
    ]
    ends = starts[1:] + [len(doc.sections)]
    return [range(a, b) for a, b in zip(starts, ends, strict=True)] if doc.sections else [range(0)]


def _starts_with_cover(doc: Dokumen, sections: range) -> bool:
    return bool(sections) and any(isinstance(b, Cover) for b in doc.sections[sections.start].blocks[:1])


def _has_toc(doc: Dokumen, sections: range) -> bool:
    return any(isinstance(b, TableOfContents) for i in sections for b in doc.sections[i].blocks)


def _collector(found: dict):
    def src(image) -> str:
        url = f"{GAMBAR}{len(found)}"
        found[url] = image
        return url

    return src


def _resolved(images: dict) -> dict[str, bytes]:
    """The pictures as bytes, to hand them to another process."""
    return {url: (image.png if isinstance(image, Figure) else image) for url, image in images.items()}


# ------------------------------------------------------------------ one part


@dataclass
class _Part:
    """A laid-out part: its PDF, where its anchors are, and its links to anchors elsewhere."""

    pdf: bytes
    pages: int
    anchors: dict[str, int]  # anchor → page index in this part
    links: list[tuple[int, str, tuple[float, float, float, float]]]  # (page, anchor, rect in PDF points)

    @classmethod
    def of(cls, document) -> "_Part":
        anchors = _anchors(document)
        links = []
        for index, page in enumerate(document.pages):
            # WeasyPrint cannot point at an anchor of another part: keep the link for the join
            # and take it out of this part (where it would be reported as broken).
            foreign = [link for link in page.links if link[0] == "internal" and link[1] not in anchors]
            for _, target, (x1, y1, x2, y2), _ in foreign:
                h = page.height * PT
                links.append((index, target, (x1 * PT, h - y2 * PT, x2 * PT, h - y1 * PT)))
            page.links[:] = [link for link in page.links if link not in foreign]
        return cls(document.write_pdf(), len(document.pages), anchors, links)


PT = 0.75
"""PDF points per CSS pixel."""


def _anchors(document) -> dict[str, int]:
    out: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            out.setdefault(name, index)
    return out


def _layout(html: str, images: dict):
    import weasyprint  # heavy import, only when a PDF is asked for

    return weasyprint.HTML(string=html, url_fetcher=_fetcher(images)).render()


def _render(html: str, images: dict) -> _Part:
    """Lay out and write one part (module-level: it runs in a background process)."""
    return _Part.of(_layout(html, images))


def _render_all(parts: list[tuple[str, dict]]) -> list[_Part]:
    return [_render(html, images) for html, images in parts]


def _fetcher(images: dict):
    """Pictures come from memory; nothing else is fetched (a document never loads a URL)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Fetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in images:
                raise ValueError(f"not a picture of this document: {url[:60]}")
            image = images[url]
            png = image.png if isinstance(image, Figure) else image
            return URLFetcherResponse(url, png, {"Content-Type": "image/png"})

    return Fetcher()


# ------------------------------------------------------------------ joining


def _join(doc: Dokumen, ranges: list[range], results: list[_Part]) -> bytes:
    """One PDF of the parts in order, with the TOC links across parts, page labels as printed
    (i, ii, … / 1, 2, …) and the document title."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link

    writer = PdfWriter()
    first: list[int] = []
    where: dict[str, int] = {}
    for result in results:
        first.append(len(writer.pages))
        writer.append(PdfReader(io.BytesIO(result.pdf)))
        where.update({name: first[-1] + page for name, page in result.anchors.items()})
    for start, result in zip(first, results, strict=True):
        for page, target, rect in result.links:
            if target in where:
                writer.add_annotation(start + page, Link(rect=rect, target_page_index=where[target]))
    for start, result, r in zip(first, results, ranges, strict=True):
        numbering = doc.sections[r.start].numbering if len(r) else None
        if not result.pages:
            continue
        if numbering:
            writer.set_page_label(start, start + result.pages - 1, style="/r" if numbering == "roman" else "/D")
        else:  # unnumbered pages: the cover, then the attachments, counted on their own
            prefix = "Sampul " if _starts_with_cover(doc, r) else "Lampiran "
            writer.set_page_label(start, start + result.pages - 1, style="/D", prefix=prefix)
    writer.add_metadata({"/Title": doc.title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
