"""The reviu report in the form an inspectorate uses: the catatan hasil reviu (one row per
finding, with what is written and what it should be) and, once no error is left open, the
"Pernyataan Telah Direviu" page of PermenPANRB 53/2014. Built as a block tree and rendered by
sakip.reporting's DOCX/PDF renderers, like every other document."""

from dataclasses import dataclass
from datetime import date

from sakip import formatting as fmt
from sakip.calc.reviu import ERROR, SEVERITIES
from sakip.reporting.bagian import head, kop, tanda_tangan
from sakip.reporting.document import Cell, Dokumen, Paragraph, Run, Section, Signatures, Table

TINGKAT = {"error": "Kesalahan", "warning": "Peringatan", "info": "Informasi"}
STATUS = {"open": "terbuka", "accepted": "diterima", "dismissed": "diabaikan"}


@dataclass
class Baris:
    """One finding as the report shows it; `status` and `note` come from the reviewer (data reviu)."""

    rule: str
    severity: str
    location: str
    message: str
    stated: str
    expected: str
    status: str = "open"
    note: str = ""


def build_report(
    subject: str, rows: list[Baris], *, instansi=None, tahun: int | None = None, tanggal: date | None = None
) -> Dokumen:
    """`subject`: what was reviewed ('LKIP Kecamatan Panti Tahun 2020' or the file name)."""
    counts = {s: sum(1 for r in rows if r.severity == s) for s in SEVERITIES}
    open_errors = [r for r in rows if r.severity == ERROR and r.status == "open"]
    blocks = [kop(instansi)] if instansi is not None else []
    blocks += [
        Paragraph(Run("CATATAN HASIL REVIU ATAS LAPORAN KINERJA", bold=True), align="center", style="title"),
        Paragraph(Run(subject, bold=True), align="center"),
        Paragraph(
            f"Reviu menemukan {fmt.jumlah(len(rows))} catatan: {fmt.jumlah(counts['error'])} kesalahan, "
            f"{fmt.jumlah(counts['warning'])} peringatan dan {fmt.jumlah(counts['info'])} informasi. "
            + (
                f"{fmt.jumlah(len(open_errors))} kesalahan masih terbuka dan harus diperbaiki (atau diterima/diabaikan "
                "dengan catatan) sebelum laporan ditandatangani."
                if open_errors
                else "Tidak ada kesalahan yang masih terbuka."
            )
        ),
    ]
    if rows:
        body = [
            [
                Cell(f"{i}.", align="center"),
                Cell(r.location),
                Cell(
                    [Run(r.message), Run(f" [{r.rule}]", italic=True)]
                    + ([Run(f" Catatan: {r.note}", italic=True)] if r.note else [])
                ),
                Cell(r.stated or "-"),
                Cell(r.expected or "-"),
                Cell(TINGKAT[r.severity], align="center", bold=r.severity == ERROR),
                Cell(STATUS.get(r.status, r.status), align="center"),
            ]
            for i, r in enumerate(rows, 1)
        ]
        blocks.append(
            Table(
                [0.7, 4, 6, 2.2, 2.2, 1.8, 1.6],
                head("No", "Lokasi", "Uraian Catatan", "Tertulis", "Seharusnya", "Tingkat", "Status"),
                body,
                title="Daftar Catatan Hasil Reviu",
                font="small",
            )
        )
    blocks.append(Signatures(None, tanda_tangan(None, "Ketua Tim Reviu", instansi.kota if instansi else "", tanggal)))
    sections = [Section(blocks, orientation="landscape")]
    if not open_errors:
        sections.append(Section(pernyataan(subject, instansi, tahun, tanggal)))
    return Dokumen(f"Catatan Hasil Reviu {subject}", sections)


def _jabatan(instansi) -> str:
    return f"Inspektur {instansi.pemda.nama}" if instansi is not None else "Inspektur"


def pernyataan(subject: str, instansi, tahun, tanggal) -> list:
    """The statement page PermenPANRB 53/2014 prescribes for a reviewed LKIP."""
    nama = instansi.nama if instansi is not None else "yang tersebut di atas"
    tahun_teks = f" untuk tahun anggaran {tahun}" if tahun else ""
    manajemen = instansi.nama if instansi is not None else "instansi yang bersangkutan"
    return [
        Paragraph(Run("PERNYATAAN TELAH DIREVIU", bold=True), align="center", style="title"),
        Paragraph(Run(subject.upper(), bold=True), align="center"),
        Paragraph(
            f"Kami telah mereviu Laporan Kinerja {nama}{tahun_teks} sesuai Pedoman Reviu atas Laporan Kinerja. "
            f"Substansi informasi yang dimuat dalam Laporan Kinerja menjadi tanggung jawab manajemen {manajemen}."
        ),
        Paragraph(
            "Reviu bertujuan untuk memberikan keyakinan terbatas laporan kinerja telah disajikan secara akurat, "
            "andal, dan valid."
        ),
        Paragraph(
            "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam meyakini "
            "keandalan informasi yang disajikan di dalam laporan kinerja ini."
        ),
        Signatures(None, tanda_tangan(None, _jabatan(instansi), instansi.kota if instansi else "", tanggal)),
    ]
