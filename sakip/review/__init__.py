"""Reviu of LKIP data and documents (APIP's review before the report is signed)."""


def open_errors(instansi, tahun: int):
    """Open findings of severity `error` of an agency-year: while any exist, approval waits.

    Lives at the package level so the workflow can import it without importing the models
    before Django is ready."""
    from .models import TemuanReviu

    return TemuanReviu.open_errors(instansi, tahun)
