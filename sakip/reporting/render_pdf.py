"""PDF renderer of a `Dokumen`: WeasyPrint lays out the HTML of `render_html`.

The print rules live in the same stylesheet as the preview (``reporting/dokumen.css``):
A4 pages, named pages ``landscape`` and ``cover``, page numbers, repeated table headers,
the table of contents' page numbers. So the PDF and the preview cannot say different things.
"""

from sakip.reporting.document import Dokumen
from sakip.reporting.render_html import render_html


def render_pdf(doc: Dokumen) -> bytes:
    """`doc` as PDF bytes; the PDF's title metadata is ``doc.title``."""
    import weasyprint  # heavy import, only when a PDF is asked for

    return weasyprint.HTML(string=render_html(doc)).write_pdf()
