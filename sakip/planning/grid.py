"""The spreadsheet-like grids of the web workspace and their Excel round trip.

A grid is rows (one record each, e.g. an indicator) × columns (editable values and read-only
information). The web form and the Excel sheet feed the same reader, so a cell typed on the
page and a cell typed in Excel get the same checks and the same kind of message naming where
it is. Reading never writes: the caller saves the changes only when `masalah` is empty.

A cell that is not sent (a row missing from the sheet, a field missing from the form) is left
as it is; a cell sent empty clears the value.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from sakip import formatting
from sakip.interchange.errors import Masalah
from sakip.interchange.numbers import parse_angka

from .models import Indikator

ANGKA, TEKS, YA_TIDAK, INFO = "angka", "teks", "ya-tidak", "info"
YA = {"ya", "y", "1", "x", "v", "✓", "true", "benar"}
TIDAK = {"", "tidak", "t", "0", "-", "false", "salah", "bukan"}
ABSEN = object()  # the cell was not sent
DESIMAL_MAKS = 4  # decimal places of the value fields (DecimalField(decimal_places=4))
DIGIT_MAKS = 16  # digits before the decimal point (max_digits=20)
BARIS_JUDUL_MAKS = 10  # the header row is looked for in the first rows of a sheet
ABU = PatternFill("solid", fgColor="EEEEEE")
KUNING = PatternFill("solid", fgColor="FFF8D6")


@dataclass(frozen=True)
class Kolom:
    kode: str
    label: str
    jenis: str = ANGKA  # angka / teks / ya-tidak are editable; info is shown and exported only
    lebar: int = 12  # Excel column width
    desimal: int = DESIMAL_MAKS  # decimal places an angka column stores (2 for rupiah)

    @property
    def dapat_diisi(self) -> bool:
        return self.jenis != INFO


@dataclass
class Baris:
    kode: str  # the record's key in the Excel sheet (e.g. the indicator's kode)
    pk: int | str  # the record's key in the web form
    label: str
    kelompok: str  # the heading the row is listed under
    nilai: dict[str, Any] = field(default_factory=dict)  # kolom.kode → value as stored (or info text)


@dataclass
class Grid:
    judul: str
    sheet: str
    kolom: list[Kolom]
    baris: list[Baris]

    @property
    def kolom_isi(self) -> list[Kolom]:
        return [k for k in self.kolom if k.dapat_diisi]


@dataclass(frozen=True)
class MasalahSel(Masalah):
    """A problem with the cell it is about, so the page can mark that input."""

    sel: tuple[int, str] | None = None  # (baris.pk, kolom.kode)


class SelSalah(ValueError):
    """A cell that cannot be read; the message says what to write instead."""


def baca_angka(value, desimal: int = DESIMAL_MAKS) -> Decimal | None:
    """A number typed the Indonesian way ("1.234,5", "78,67 %"), or None for an empty cell."""
    if value is None:
        return None
    angka = parse_angka(value)
    if angka is None:
        return None
    if not isinstance(angka, Decimal | int) or isinstance(angka, bool):
        raise SelSalah(_("“%(teks)s” bukan angka; tulis misalnya 70,89 atau 1.825.") % {"teks": value})
    angka = Decimal(angka)
    if not angka.is_finite():
        raise SelSalah(_("“%(teks)s” bukan angka.") % {"teks": value})
    if -angka.as_tuple().exponent > desimal and angka != angka.quantize(Decimal(1).scaleb(-desimal)):
        raise SelSalah(_("Paling banyak %(n)d angka di belakang koma.") % {"n": desimal})
    if abs(angka) >= Decimal(10) ** DIGIT_MAKS:
        raise SelSalah(_("Angka terlalu besar."))
    return angka.quantize(Decimal(1).scaleb(-desimal)).normalize() if angka else Decimal(0)


def baca_sel(kolom: Kolom, value):
    if kolom.jenis == ANGKA:
        return baca_angka(value, kolom.desimal)
    if kolom.jenis == YA_TIDAK:
        teks = "" if value is None else str(value).strip().lower()
        if teks in YA or value is True:
            return True
        if teks in TIDAK or value is False:
            return False
        raise SelSalah(_("Tulis “ya” atau “tidak”, bukan “%(teks)s”.") % {"teks": value})
    return "" if value is None else str(value).strip()


def sama(a, b) -> bool:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b
    return (a if a not in (None, "") else None) == (b if b not in (None, "") else None)


def baca(
    grid: Grid,
    sel: Callable[[Baris, Kolom], Any],
    lokasi: Callable[[Baris, Kolom], str],
    periksa: Callable[[Baris, Kolom, Any], str | None] = lambda b, k, v: None,
    periksa_baris: Callable[[Baris, dict[str, Any]], list[tuple[str, str]]] | None = None,
) -> tuple[dict[tuple[int, str], Any], list[MasalahSel]]:
    """Changed cells {(baris.pk, kolom.kode): value} and one problem per unreadable cell.

    `sel` returns the raw cell (ABSEN when not sent); `periksa` adds the grid's own rule for a
    value that was read (e.g. a milestone takes 0 or 1 only); `periksa_baris`, a rule between
    cells of one row (a range's upper bound not below its lower one), gets the row's values as
    they would be saved and returns (kolom.kode, message) for each cell it refuses."""
    perubahan, masalah = {}, []
    for b in grid.baris:
        salah_baris = len(masalah)
        for k in grid.kolom_isi:
            raw = sel(b, k)
            if raw is ABSEN:
                continue
            try:
                value = baca_sel(k, raw)
                pesan = periksa(b, k, value) if value is not None else None
                if pesan:
                    raise SelSalah(pesan)
            except SelSalah as e:
                masalah.append(MasalahSel(lokasi(b, k), str(e), (b.pk, k.kode)))
                continue
            if not sama(value, b.nilai.get(k.kode)):
                perubahan[(b.pk, k.kode)] = value
        if periksa_baris and len(masalah) == salah_baris:  # its cells are readable
            nilai = {
                **b.nilai,
                **{k.kode: perubahan[(b.pk, k.kode)] for k in grid.kolom_isi if (b.pk, k.kode) in perubahan},
            }
            per_kolom = {k.kode: k for k in grid.kolom}
            for kode, pesan in periksa_baris(b, nilai):
                masalah.append(MasalahSel(lokasi(b, per_kolom[kode]), pesan, (b.pk, kode)))
    return perubahan, masalah


def per_baris(perubahan: dict[tuple[int | str, str], Any]) -> dict[int | str, dict[str, Any]]:
    """{(baris.pk, kolom): value} regrouped as {baris.pk: {kolom: value}}, to save a row at a time."""
    baris: dict[int | str, dict[str, Any]] = {}
    for (pk, kolom), value in perubahan.items():
        baris.setdefault(pk, {})[kolom] = value
    return baris


def lokasi_web(nomor: dict[int, int]) -> Callable[[Baris, Kolom], str]:
    """“Baris 3 (Hasil Survei …), kolom TW II”: how the page names a cell."""

    def lokasi(b: Baris, k: Kolom) -> str:
        return _("Baris %(no)d (%(label)s), kolom %(kolom)s") % {
            "no": nomor[b.pk],
            "label": _pendek(b.label),
            "kolom": k.label,
        }

    return lokasi


def _pendek(teks: str, maks: int = 60) -> str:
    return teks if len(teks) <= maks else teks[: maks - 1] + "…"


TINGKAT = {  # owner field → (order, heading)
    "tujuan": (0, gettext_lazy("Tujuan")),
    "sasaran": (1, gettext_lazy("Sasaran")),
    "program": (2, gettext_lazy("Program")),
    "kegiatan": (3, gettext_lazy("Kegiatan")),
    "sub_kegiatan": (4, gettext_lazy("Sub kegiatan")),
}


def _urutan(ind: Indikator) -> tuple:
    """Tujuan, then sasaran, program, kegiatan, sub kegiatan, each in the Renstra's order."""
    tingkat = ind.tingkat
    pemilik = ind.pemilik
    jalur = {
        "tujuan": lambda p: (p.urutan,),
        "sasaran": lambda p: (p.tujuan.urutan, p.urutan),
        "program": lambda p: (p.urutan,),
        "kegiatan": lambda p: (p.program.urutan, p.urutan),
        "sub_kegiatan": lambda p: (p.kegiatan.program.urutan, p.kegiatan.urutan, p.urutan),
    }[tingkat](pemilik)
    return (TINGKAT[tingkat][0], *jalur, pemilik.pk)


def indikator_berurut(renstra) -> list:
    """Every indicator of a Renstra version in the order of its cascade, owners loaded."""
    indikator = list(
        Indikator.objects.filter(renstra=renstra).select_related(
            "tujuan", "sasaran__tujuan", "program", "kegiatan__program", "sub_kegiatan__kegiatan__program"
        )
    )
    indikator.sort(key=lambda i: (_urutan(i), i.urutan, i.pk))
    return indikator


def kelompok_indikator(ind) -> str:
    """The heading an indicator is listed under: “Sasaran: Meningkatnya …”."""
    return f"{TINGKAT[ind.tingkat][1]}: {ind.pemilik}"


# --- Excel ---------------------------------------------------------------------------------

KOLOM_KODE = "Kode"


def _tampil(value):
    """A stored value as an Excel cell: numbers stay numbers, exactly."""
    if isinstance(value, bool):
        return teks_nilai(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def ke_xlsx(grid: Grid, petunjuk: str) -> bytes:
    """One sheet: a title, a line of instructions, the header, then one row per record; the
    read-only columns are grey, the editable ones yellow."""
    wb = Workbook()
    ws = wb.active
    ws.title = grid.sheet
    ws["A1"] = str(grid.judul)
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = str(petunjuk)
    ws["A2"].alignment = Alignment(wrap_text=False)
    header = [KOLOM_KODE, _("Kelompok"), _("Uraian")] + [str(k.label) for k in grid.kolom]
    lebar = [16, 30, 60] + [k.lebar for k in grid.kolom]
    ws.append([])
    ws.append(header)
    baris_judul = ws.max_row
    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
        cell = ws.cell(baris_judul, i)
        cell.font = Font(bold=True)
        cell.fill = KUNING if i > 3 and grid.kolom[i - 4].dapat_diisi else ABU
    for b in grid.baris:
        ws.append([b.kode, b.kelompok, b.label] + [_tampil(b.nilai.get(k.kode)) for k in grid.kolom])
        for i in range(1, len(header) + 1):
            cell = ws.cell(ws.max_row, i)
            cell.alignment = Alignment(wrap_text=i in (2, 3) or (i > 3 and grid.kolom[i - 4].jenis == TEKS))
            if i <= 3 or not grid.kolom[i - 4].dapat_diisi:
                cell.fill = ABU
    ws.freeze_panes = ws.cell(baris_judul + 1, 4)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def dari_xlsx(
    grid: Grid, berkas, periksa=lambda b, k, v: None, periksa_baris=None
) -> tuple[dict[tuple[int, str], Any], list[Masalah]]:
    """The changes an uploaded workbook makes to the grid, or every problem found in it."""
    try:
        wb = load_workbook(berkas, data_only=True, read_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        return {}, [Masalah(_("berkas"), _("Berkas tidak dapat dibaca sebagai Excel (.xlsx)."))]
    if grid.sheet not in wb.sheetnames:
        return {}, [Masalah(_("berkas"), _("Sheet “%(s)s” tidak ada di berkas.") % {"s": grid.sheet})]
    rows = [list(r) for r in wb[grid.sheet].iter_rows(values_only=True)]
    wb.close()
    sheet = _("sheet %(s)s") % {"s": grid.sheet}
    judul = next((i for i, r in enumerate(rows[:BARIS_JUDUL_MAKS]) if r and r[0] == KOLOM_KODE), None)
    if judul is None:
        return {}, [Masalah(sheet, _("Baris judul dengan kolom “%(k)s” tidak ditemukan.") % {"k": KOLOM_KODE})]
    posisi = {str(h).strip(): i for i, h in enumerate(rows[judul]) if h is not None}
    masalah = [
        Masalah(sheet, _("Kolom “%(k)s” tidak ada di baris judul.") % {"k": k.label})
        for k in grid.kolom_isi
        if str(k.label) not in posisi
    ]
    if masalah:
        return {}, masalah
    per_kode = {b.kode: b for b in grid.baris}
    isi: dict[str, tuple[int, list]] = {}
    for n, row in enumerate(rows[judul + 1 :], start=judul + 2):
        kode = row[0] if row else None
        if kode is None or str(kode).strip() == "":
            if any(v not in (None, "") for v in row):
                masalah.append(Masalah(_("%(s)s, baris %(n)d") % {"s": sheet, "n": n}, _("Kolom Kode kosong.")))
            continue
        kode = str(kode).strip()
        if kode not in per_kode:
            masalah.append(
                Masalah(
                    _("%(s)s, baris %(n)d, kolom A") % {"s": sheet, "n": n},
                    _("Kode “%(k)s” tidak ada di lembar ini.") % {"k": kode},
                )
            )
        elif kode in isi:
            masalah.append(
                Masalah(
                    _("%(s)s, baris %(n)d, kolom A") % {"s": sheet, "n": n},
                    _("Kode “%(k)s” sudah ada di baris %(m)d.") % {"k": kode, "m": isi[kode][0]},
                )
            )
        else:
            isi[kode] = (n, row)

    def sel(b: Baris, k: Kolom):
        if b.kode not in isi:
            return ABSEN
        row = isi[b.kode][1]
        i = posisi[str(k.label)]
        return row[i] if i < len(row) else None

    def lokasi(b: Baris, k: Kolom) -> str:
        return _("%(s)s, baris %(n)d, kolom %(c)s (%(k)s)") % {
            "s": sheet,
            "n": isi[b.kode][0],
            "c": get_column_letter(posisi[str(k.label)] + 1),
            "k": k.label,
        }

    perubahan, salah = baca(grid, sel, lokasi, periksa, periksa_baris)
    return perubahan, masalah + salah


def teks_nilai(value) -> str:
    """A stored value as the page's input shows it (70,89; 1.825)."""
    if isinstance(value, bool):
        return _("ya") if value else _("tidak")
    if isinstance(value, Decimal):
        return formatting.ringkas(value)
    return "" if value is None else str(value)
