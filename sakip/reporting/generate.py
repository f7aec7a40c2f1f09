"""One entry point for every document in every format, used by the CLI and the web."""

from collections.abc import Callable

from .document import Dokumen
from .dokumen_lain import belum_ada, build_iku, build_pk, build_renstra, build_rkt
from .konteks import build
from .lkip import build_lkip


def _lkip(instansi, tahun: int) -> Dokumen:
    return build_lkip(build(instansi, tahun))


def _skm(instansi, tahun: int) -> Dokumen:
    """The SKM report of the year's survey (several surveys: one report after the other)."""
    from sakip.skm.laporan import build_laporan_skm

    reports = [build_laporan_skm(s) for s in instansi.survei_skm.filter(tahun=tahun).order_by("kode")]
    if not reports:
        return belum_ada(f"Laporan SKM {instansi.nama} Tahun {tahun}", f"survei SKM tahun {tahun}")
    first = reports[0]
    return Dokumen(
        first.title,
        [section for r in reports for section in r.sections],
        missing=[m for r in reports for m in r.missing],
    )


DOCUMENTS: dict[str, Callable] = {
    "lkip": _lkip,
    "pk": build_pk,
    "iku": build_iku,
    "renstra": build_renstra,
    "rkt": build_rkt,
    "skm": _skm,
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
