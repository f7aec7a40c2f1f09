"""One entry point for every document in every format, used by the CLI and the web."""

from collections.abc import Callable

from .document import Dokumen
from .dokumen_lain import build_iku, build_pk, build_renstra, build_rkt
from .konteks import build
from .lkip import build_lkip


def _lkip(instansi, tahun: int) -> Dokumen:
    return build_lkip(build(instansi, tahun))


DOCUMENTS: dict[str, Callable] = {
    "lkip": _lkip,
    "pk": build_pk,
    "iku": build_iku,
    "renstra": build_renstra,
    "rkt": build_rkt,
}
FORMATS = ("docx", "pdf", "html")


def dokumen(instansi, tahun: int, jenis: str) -> Dokumen:
    return DOCUMENTS[jenis](instansi, tahun)


def render(doc: Dokumen, fmt: str) -> bytes:
    if fmt == "docx":
        from .render_docx import render_docx

        return render_docx(doc)
    if fmt == "pdf":
        from .render_pdf import render_pdf

        return render_pdf(doc)
    if fmt == "html":
        from .render_html import render_html

        return render_html(doc).encode("utf-8")
    raise ValueError(f"format tidak dikenal: {fmt}")
