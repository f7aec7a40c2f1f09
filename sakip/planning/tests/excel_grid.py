"""Helpers for the grid tests: download a grid's workbook, find a cell, upload it back."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook


def workbook(client, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(BytesIO(response.content))


def upload(wb) -> SimpleUploadedFile:
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile("lembar.xlsx", out.getvalue())


def cell(ws, kode, header):
    """The cell of row `kode` (column Kode) under the column titled `header`."""
    header_row = next(r for r in ws.iter_rows() if r[0].value == "Kode")
    col = next(c.column for c in header_row if c.value == header)
    row = next(r for r in ws.iter_rows() if r[0].value == kode)
    return ws.cell(row[0].row, col)
