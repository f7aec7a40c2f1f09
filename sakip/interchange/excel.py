"""Excel workbook <-> the plain `sakip/1` dict (the same shape as the JSON file).

The workbook is the pydantic tree of `schema.Dokumen` flattened by introspection, so a change to
the schema flows through without code here changing:

- `Dokumen.pemda` (one object) is sheet `Pemda` with one data row;
- every `list[Model]` field anywhere in the tree is one sheet. Its columns are first the key
  columns of every ancestor (`_KUNCI`: `instansi`, `renstra`, `pk_tahun` …), then the model's
  scalar fields in declaration order. A row is attached to the parent row whose keys it names;
- `list[str]` fields are one cell, items separated by commas.

This module only converts. It does not validate values: the importer validates the dict with
pydantic and semantic checks and uses the returned location map (dict path -> `Sel`) to name the
sheet, row and column of every problem. Only a broken workbook (unreadable file, missing sheet,
unknown column header, a row whose parent does not exist, duplicate parent rows) is reported
here, as `ImportGagal` with every problem found.
"""

from __future__ import annotations

import os
import re
import types
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from . import schema
from .errors import ImportGagal, Masalah, Path

__all__ = ["Sel", "read_workbook", "write_workbook", "write_template", "cari_sel", "SHEET_PETUNJUK"]

SHEET_PETUNJUK = "Petunjuk"
SHEET_PILIHAN = "_pilihan"  # hidden sheet holding dropdown lists too long to write inline
BARIS_MAKS = 1_048_576  # last row of an Excel sheet: dropdowns cover the whole column

# Key columns an ancestor contributes to the sheets below it: model name -> ((field, header), …).
_KUNCI: dict[str, tuple[tuple[str, str], ...]] = {
    "Instansi": (("slug", "instansi"),),
    "Renstra": (("kode", "renstra"),),
    "RKT": (("tahun", "rkt"),),
    "PerjanjianKinerja": (("tahun", "pk_tahun"), ("versi", "pk_versi")),
    "SurveiSKM": (("kode", "survei"),),
    "Laporan": (("tahun", "laporan"),),
    "RPJMD": (("tahun_awal", "rpjmd"),),
    "SkalaPredikat": (("kode", "skala"),),
    "MetodeSKM": (("kode", "metode"),),
}

# Sheet names where the field name alone would clash or read badly: (parent model, field) -> name.
_NAMA_SHEET = {
    ("RPJMD", "sasaran"): "SasaranPemda",
    ("Renstra", "target"): "TargetRenstra",
    ("RKT", "target"): "TargetRKT",
    ("PerjanjianKinerja", "target"): "TargetPK",
    ("PerjanjianKinerja", "program"): "ProgramPK",
    ("SurveiSKM", "distribusi"): "DistribusiSKM",
    ("SurveiSKM", "responden"): "RespondenSKM",
}
_AKRONIM = {"rpjmd", "rkt", "skm", "iku", "pk", "opd"}

# Columns naming a record of another sheet: "Model.field" or "field" -> (sheet, column).
_RUJUKAN = {
    "Unit.induk": ("Unit", "kode"),
    "Indikator.induk": ("Indikator", "kode"),
    "indikator": ("Indikator", "kode"),
    "tujuan": ("Tujuan", "kode"),
    "sasaran": ("Sasaran", "kode"),
    "program": ("Program", "kode"),
    "kegiatan": ("Kegiatan", "kode"),
    "sub_kegiatan": ("SubKegiatan", "kode"),
    "sasaran_pemda": ("SasaranPemda", "kode"),
    "misi": ("Misi", "nomor"),
    "metode": ("MetodeSKM", "kode"),
    "unsur": ("Unsur", "nomor"),
    "instansi": ("Instansi", "slug"),
    "penanggung_jawab": ("Unit", "kode"),
    "kepala": ("Pejabat", "kode"),
    "penandatangan": ("Pejabat", "kode"),
    "pihak_pertama": ("Pejabat", "kode"),
    "pihak_kedua": ("Pejabat", "kode"),
}

# What each sheet holds, for the Petunjuk sheet. A `description=` on the list field in the schema
# takes precedence; a sheet missing here gets a generic line.
_ISI = {
    "Pemda": "Identitas pemerintah daerah; tepat satu baris",
    "Pejabat": "Pejabat penanda tangan (kepala daerah, kepala perangkat daerah, dst.), "
    "dirujuk dengan kodenya di sheet lain",
    "RPJMD": "Periode RPJMD beserta visinya",
    "Misi": "Misi RPJMD",
    "SasaranPemda": "Sasaran RPJMD",
    "SkalaPredikat": "Skala predikat capaian kinerja",
    "Rentang": "Rentang nilai setiap predikat dalam skala",
    "MetodeSKM": "Metode survei kepuasan masyarakat (SKM)",
    "Unsur": "Unsur pelayanan dalam metode SKM",
    "Instansi": "Perangkat daerah",
    "TugasFungsi": "Tugas dan fungsi perangkat daerah",
    "Unit": "Unit organisasi di dalam perangkat daerah",
    "Renstra": "Dokumen Renstra perangkat daerah (termasuk perubahannya)",
    "Tujuan": "Tujuan Renstra",
    "Sasaran": "Sasaran Renstra",
    "Strategi": "Strategi per sasaran Renstra",
    "Kebijakan": "Arah kebijakan per sasaran Renstra",
    "Program": "Program dalam Renstra",
    "Kegiatan": "Kegiatan dalam Renstra",
    "SubKegiatan": "Subkegiatan dalam Renstra",
    "Indikator": "Indikator kinerja dalam Renstra (tujuan, sasaran, program, kegiatan)",
    "TargetRenstra": "Target tahunan indikator dalam Renstra",
    "RKT": "Rencana Kinerja Tahunan",
    "TargetRKT": "Target indikator dalam RKT",
    "PerjanjianKinerja": "Perjanjian Kinerja per tahun dan versi",
    "TargetPK": "Target indikator dalam Perjanjian Kinerja",
    "RencanaAksi": "Rencana aksi triwulanan Perjanjian Kinerja",
    "ProgramPK": "Program dan anggarannya dalam Perjanjian Kinerja",
    "KeputusanIKU": "Keputusan penetapan Indikator Kinerja Utama",
    "Realisasi": "Realisasi indikator per tahun atau per triwulan",
    "RealisasiNasional": "Realisasi nasional sebagai pembanding",
    "Anggaran": "Pagu dan realisasi anggaran program, kegiatan, subkegiatan",
    "Belanja": "Pagu dan realisasi per jenis belanja",
    "SurveiSKM": "Survei kepuasan masyarakat",
    "DistribusiSKM": "Sebaran jawaban per unsur dalam survei SKM",
    "RespondenSKM": "Profil dan jawaban (1–4, urut nomor unsur) tiap responden survei SKM",
    "Laporan": "Laporan Kinerja per tahun",
    "Narasi": "Bagian-bagian narasi Laporan Kinerja",
}


@dataclass(frozen=True)
class Sel:
    """A place in the workbook, printed the way an operator finds it."""

    sheet: str
    baris: int  # 1-based row number as Excel shows it
    kolom: str | None = None  # column letter, None for the whole row
    judul: str | None = None  # column header (field name)

    def __str__(self) -> str:
        teks = f"sheet {self.sheet}, baris {self.baris}"
        if self.kolom:
            teks += f", kolom {self.kolom}"
            if self.judul:
                teks += f" ({self.judul})"
        return teks


def cari_sel(peta: dict[Path, Sel], path: Path) -> Sel | None:
    """The cell of `path` or of its nearest ancestor in the map (pydantic error locations can be
    deeper than a cell: list items, union members)."""
    path = tuple(path)
    while path:
        if path in peta:
            return peta[path]
        path = path[:-1]
    return None


# ---------------------------------------------------------------- layout from the schema
@dataclass(frozen=True)
class _Jenis:
    """What a field holds, reduced to what a cell can show."""

    dasar: str  # teks kode bulat angka tanggal ya_tidak pilihan daftar objek daftar_objek
    model: type[BaseModel] | None = None
    pilihan: tuple[str, ...] = ()
    isi: _Jenis | None = None  # item of a `daftar`
    batas: tuple = ()  # annotated-types constraints (Ge, Le, MaxLen …)


@dataclass
class _Kolom:
    judul: str
    nama: str | None  # field name; None for a parent key column
    jenis: _Jenis
    wajib: bool
    bawaan: Any  # default value, PydanticUndefined when required
    keterangan: str
    rujukan: tuple[str, str] | None = None  # (sheet, column header) this column names
    huruf: str = ""


@dataclass(eq=False)
class _Sheet:
    nama: str
    model: type[BaseModel]
    field: str  # the field in the parent model
    induk: _Sheet | None
    tunggal: bool  # a single object (Pemda), not a list
    wajib: bool  # the sheet must exist in a workbook
    kolom: list[_Kolom]
    kunci: tuple[str, ...]  # own key fields (contributed to the sheets below), () if none
    deskripsi: str | None = None
    anak: list[_Sheet] = field(default_factory=list)

    @property
    def leluhur(self) -> list[_Sheet]:
        out, s = [], self.induk
        while s is not None:
            out.insert(0, s)
            s = s.induk
        return out

    @property
    def kolom_induk(self) -> list[_Kolom]:
        return [k for k in self.kolom if k.nama is None]

    @property
    def kolom_isi(self) -> list[_Kolom]:
        return [k for k in self.kolom if k.nama is not None]


@dataclass
class _TataLetak:
    sheets: list[_Sheet]  # depth-first, parents before children

    def __getitem__(self, nama: str) -> _Sheet:
        for s in self.sheets:
            if s.nama == nama:
                return s
        raise KeyError(nama)


def _metadata(items) -> list:
    out = []
    for m in items:
        out.extend(m.metadata if isinstance(m, FieldInfo) else [m])
    return out


@cache
def _pola_kode() -> str | None:
    return next(
        (getattr(m, "pattern", None) for m in _metadata(get_args(schema.Kode)[1:]) if getattr(m, "pattern", None)), None
    )


def _jenis(ann, meta=()) -> _Jenis:
    meta = list(meta)
    while get_origin(ann) is Annotated:
        args = get_args(ann)
        ann = args[0]
        meta.extend(_metadata(args[1:]))
    origin = get_origin(ann)
    if origin in (Union, types.UnionType):
        anggota = [_jenis(a, meta) for a in get_args(ann) if a is not type(None)]
        if len(anggota) == 1:
            return anggota[0]
        if all(a.dasar == "pilihan" for a in anggota):
            pilihan = tuple(dict.fromkeys(p for a in anggota for p in a.pilihan))
            return _Jenis("pilihan", pilihan=pilihan)
        return _Jenis("teks", batas=tuple(meta))
    if origin is Literal:
        return _Jenis("pilihan", pilihan=tuple(str(v) for v in get_args(ann) if v != ""))
    if origin is list:
        isi = _jenis(get_args(ann)[0])
        if isi.dasar == "objek":
            return _Jenis("daftar_objek", model=isi.model)
        return _Jenis("daftar", isi=isi, batas=tuple(meta))
    if isinstance(ann, type):
        if issubclass(ann, BaseModel):
            return _Jenis("objek", model=ann)
        if issubclass(ann, Enum):
            return _Jenis("pilihan", pilihan=tuple(str(e.value) for e in ann))
        if issubclass(ann, bool):
            return _Jenis("ya_tidak")
        if issubclass(ann, int):
            return _Jenis("bulat", batas=tuple(meta))
        if issubclass(ann, Decimal | float):
            return _Jenis("angka", batas=tuple(meta))
        if issubclass(ann, date):
            return _Jenis("tanggal")
        if issubclass(ann, str):
            kode = any(getattr(m, "pattern", None) == _pola_kode() for m in meta)
            return _Jenis("kode" if kode else "teks", batas=tuple(meta))
    return _Jenis("teks", batas=tuple(meta))


def _jenis_field(fi: FieldInfo) -> _Jenis:
    return _jenis(fi.annotation, fi.metadata)


def _judul_sheet(induk: type[BaseModel], nama: str) -> str:
    if (induk.__name__, nama) in _NAMA_SHEET:
        return _NAMA_SHEET[(induk.__name__, nama)]
    return "".join(p.upper() if p in _AKRONIM else p.capitalize() for p in nama.split("_"))


def _kolom_field(model: type[BaseModel], nama: str, fi: FieldInfo, jenis: _Jenis) -> _Kolom:
    return _Kolom(
        judul=nama,
        nama=nama,
        jenis=jenis,
        wajib=fi.is_required(),
        bawaan=fi.default if fi.default_factory is None else PydanticUndefined,
        keterangan=fi.description or "",
        rujukan=_RUJUKAN.get(f"{model.__name__}.{nama}") or _RUJUKAN.get(nama),
    )


@cache
def _tata_letak() -> _TataLetak:
    """Derive every sheet and column from `schema.Dokumen`. Raises RuntimeError when the schema
    grows a shape the workbook cannot hold (a programming error, caught by the tests)."""
    sheets: list[_Sheet] = []

    def bangun(induk_model, nama_field, fi, induk_sheet, model, tunggal):
        nama = _judul_sheet(induk_model, nama_field)
        kolom: list[_Kolom] = []
        for leluhur in [*induk_sheet.leluhur, induk_sheet] if induk_sheet else []:
            for f, judul in _KUNCI[leluhur.model.__name__]:
                kfi = leluhur.model.model_fields[f]
                kolom.append(
                    _Kolom(
                        judul=judul,
                        nama=None,
                        jenis=_jenis_field(kfi),
                        wajib=False,
                        bawaan=kfi.default,
                        rujukan=(leluhur.nama, f),
                        keterangan="",
                    )
                )
        daftar_anak = []
        for f, ffi in model.model_fields.items():
            j = _jenis_field(ffi)
            if j.dasar == "daftar_objek":
                daftar_anak.append((f, ffi, j.model))
            elif j.dasar == "objek":
                raise RuntimeError(f"{model.__name__}.{f}: objek tunggal bersarang tidak didukung")
            else:
                kolom.append(_kolom_field(model, f, ffi, j))
        judul = [k.judul for k in kolom]
        if len(set(judul)) != len(judul):
            raise RuntimeError(f"sheet {nama}: judul kolom ganda {judul}")
        if daftar_anak and model.__name__ not in _KUNCI:
            raise RuntimeError(f"{model.__name__} punya daftar anak tetapi tidak ada di _KUNCI")
        sheet = _Sheet(
            nama=nama,
            model=model,
            field=nama_field,
            induk=induk_sheet,
            tunggal=tunggal,
            wajib=induk_sheet is None and fi.is_required(),
            kolom=kolom,
            kunci=tuple(f for f, _ in _KUNCI.get(model.__name__, ())),
            deskripsi=fi.description,
        )
        for i, k in enumerate(kolom, start=1):
            k.huruf = get_column_letter(i)
        sheets.append(sheet)
        if induk_sheet:
            induk_sheet.anak.append(sheet)
        for f, ffi, anak_model in daftar_anak:
            bangun(model, f, ffi, sheet, anak_model, False)

    akar = schema.Dokumen
    for f, fi in akar.model_fields.items():
        j = _jenis_field(fi)
        if j.dasar in ("objek", "daftar_objek"):
            bangun(akar, f, fi, None, j.model, j.dasar == "objek")
        elif f != "format":
            raise RuntimeError(f"Dokumen.{f}: kolom tunggal di akar tidak didukung")
    nama = [s.nama.casefold() for s in sheets]
    terlarang = {SHEET_PETUNJUK.casefold(), SHEET_PILIHAN}
    for s in sheets:
        if len(s.nama) > 31 or nama.count(s.nama.casefold()) > 1 or s.nama.casefold() in terlarang:
            raise RuntimeError(f"nama sheet {s.nama!r} terlalu panjang atau ganda")
        if any(s.tunggal for s in s.anak):
            raise RuntimeError(f"sheet {s.nama}: objek tunggal bersarang tidak didukung")
    tata = _TataLetak(sheets)
    # Drop references whose target is gone from the schema (tests check they all resolve).
    for s in sheets:
        for k in s.kolom:
            if k.rujukan and not _kolom_tujuan(tata, k.rujukan):
                k.rujukan = None
    return tata


def _kolom_tujuan(tata: _TataLetak, rujukan: tuple[str, str]) -> _Kolom | None:
    sheet, judul = rujukan
    try:
        return next((k for k in tata[sheet].kolom_isi if k.judul == judul), None)
    except KeyError:
        return None


# ---------------------------------------------------------------- descriptions
def _teks_jenis(j: _Jenis) -> str:
    batas = []
    for m in j.batas:
        if getattr(m, "ge", None) is not None:
            batas.append(f"≥ {m.ge}")
        if getattr(m, "gt", None) is not None:
            batas.append(f"> {m.gt}")
        if getattr(m, "le", None) is not None:
            batas.append(f"≤ {m.le}")
        if getattr(m, "lt", None) is not None:
            batas.append(f"< {m.lt}")
        if getattr(m, "max_length", None) is not None and j.dasar in ("teks", "kode"):
            batas.append(f"maks. {m.max_length} karakter")
    dasar = {
        "teks": "teks",
        "kode": "kode (huruf, angka, titik, garis bawah, tanda minus; tanpa spasi)",
        "bulat": "bilangan bulat",
        "angka": "angka (78,67 atau 1.234.567,89 atau Rp 2.000 juga dibaca)",
        "tanggal": "tanggal (sel tanggal atau teks yyyy-mm-dd)",
        "ya_tidak": "TRUE/FALSE (ya/tidak juga dibaca)",
        "pilihan": "pilih salah satu: " + ", ".join(j.pilihan),
        "daftar": "daftar, pisahkan dengan koma" + (f"; tiap isinya {_teks_jenis(j.isi)}" if j.isi else ""),
    }.get(j.dasar, j.dasar)
    return dasar + (f" ({', '.join(batas)})" if batas else "")


def _teks_kolom(k: _Kolom) -> str:
    bagian = []
    if k.keterangan:
        bagian.append(k.keterangan[0].upper() + k.keterangan[1:])
    if k.rujukan:
        bagian.append(f"berisi {k.rujukan[1]} dari sheet {k.rujukan[0]}")
    if not k.wajib and k.nama is not None and k.bawaan not in (None, "", [], PydanticUndefined):
        bawaan = k.bawaan.value if isinstance(k.bawaan, Enum) else k.bawaan
        if isinstance(bawaan, bool):
            bawaan = "TRUE" if bawaan else "FALSE"
        bagian.append(f"bila kosong: {bawaan}")
    if k.nama is None:
        bagian.append("boleh kosong bila hanya satu baris induk yang cocok")
    return "; ".join(bagian)


def _isi_sheet(s: _Sheet) -> str:
    teks = s.deskripsi or _ISI.get(s.nama) or f"Daftar {s.field.replace('_', ' ')}"
    if s.induk:
        teks += f"; setiap baris milik satu baris di sheet {s.induk.nama}"
        teks += (
            " (kolom " + ", ".join(f"{k.judul} = {k.rujukan[1]} di sheet {k.rujukan[0]}" for k in s.kolom_induk) + ")"
        )
    rujukan = [k for k in s.kolom_isi if k.rujukan]
    if rujukan:
        teks += ". Kolom yang merujuk ke sheet lain: " + ", ".join(
            f"{k.judul} → {k.rujukan[0]}.{k.rujukan[1]}" for k in rujukan
        )
    return teks + "."


_PETUNJUK_UMUM = [
    "Buku kerja ini memuat data SAKIP satu pemerintah daerah beserta perangkat daerahnya.",
    "Setiap sheet berisi satu jenis data; satu baris = satu data. Baris 1 adalah judul kolom: "
    "jangan diubah atau dipindah. Urutan kolom boleh diubah; kolom opsional boleh dihapus.",
    "Judul kolom kuning wajib diisi; biru opsional; abu-abu adalah kolom induk yang menunjuk ke "
    "baris di sheet lain (mis. kolom instansi berisi slug dari sheet Instansi, kolom renstra "
    "berisi kode dari sheet Renstra). Kolom induk boleh kosong bila hanya ada satu baris induk "
    "yang cocok. Arahkan tetikus ke judul kolom untuk melihat keterangannya.",
    "Urutan baris dipertahankan. Baris yang seluruhnya kosong dilewati. Sheet lain (mis. catatan "
    "Anda sendiri) diabaikan.",
    "Angka: ketik sebagai angka, atau sebagai teks cara Indonesia: 1.234.567,89 ; 78,67 % ; "
    "Rp 2.000. Tanggal: sel tanggal Excel atau teks 2024-01-31. Ya/tidak: TRUE/FALSE atau "
    "ya/tidak. Kolom berisi daftar (mis. penanggung_jawab): pisahkan dengan koma.",
    "Kode (kode, slug, program, indikator, …) adalah teks: format selnya sebagai Teks agar "
    "01 atau 1.10 tidak diubah Excel menjadi angka.",
    "Impor: sakip import BERKAS.xlsx. Bila ada satu saja masalah, tidak ada data yang disimpan; "
    "setiap masalah disebut dengan sheet, baris dan kolomnya. Perbaiki semuanya lalu impor ulang.",
]


# ---------------------------------------------------------------- writing
_TEBAL = Font(bold=True)
_JENIS_TEKS = ("teks", "kode", "daftar")
_BUNGKUS = Alignment(vertical="top", wrap_text=True)
_ISI_WARNA = {
    "induk": PatternFill("solid", fgColor="D9D9D9"),
    "wajib": PatternFill("solid", fgColor="FFF2CC"),
    "opsional": PatternFill("solid", fgColor="DDEBF7"),
}
_LEBAR = {"teks": 30, "kode": 16, "bulat": 10, "angka": 14, "tanggal": 12, "ya_tidak": 10, "pilihan": 16, "daftar": 24}


def _lebar_awal(k: _Kolom) -> float:
    lebar = _LEBAR.get(k.jenis.dasar, 16)
    maks = next((m.max_length for m in k.jenis.batas if getattr(m, "max_length", None)), None)
    if k.jenis.dasar == "teks" and (maks is None or maks > 300):
        lebar = 50
    if k.jenis.dasar == "pilihan":
        lebar = max([lebar, *(len(p) + 4 for p in k.jenis.pilihan)])
    return min(max(lebar, len(k.judul) + 4), 60)


class _Penulis:
    """Builds the workbook shared by the template and the export."""

    def __init__(self):
        self.tata = _tata_letak()
        self.wb = Workbook()
        petunjuk = self.wb.active
        petunjuk.title = SHEET_PETUNJUK
        self.pilihan = None
        self.ws = {}
        for s in self.tata.sheets:
            self.ws[s.nama] = self._sheet(s)
        self._petunjuk(petunjuk)

    # A dropdown source: an inline list when short, else a column of the hidden sheet.
    def sumber_pilihan(self, judul: str, nilai: tuple[str, ...]) -> str:
        inline = ",".join(nilai)
        if len(inline) <= 250 and not any("," in v or '"' in v for v in nilai):
            return f'"{inline}"'
        if self.pilihan is None:
            self.pilihan = self.wb.create_sheet(SHEET_PILIHAN)
            self.pilihan.sheet_state = "hidden"
        ws = self.pilihan
        c = (ws.max_column + 1) if ws["A1"].value is not None else 1
        ws.cell(1, c, judul)
        for i, v in enumerate(nilai, start=2):
            ws.cell(i, c, v).data_type = "s"
        h = get_column_letter(c)
        return f"{quote_sheetname(SHEET_PILIHAN)}!${h}$2:${h}${len(nilai) + 1}"

    def _dropdown(self, ws, k: _Kolom, rumus: str, ketat: bool):
        dv = DataValidation(type="list", formula1=rumus, allow_blank=True)
        dv.showErrorMessage = True
        dv.errorStyle = "stop" if ketat else "warning"
        dv.errorTitle = "Nilai tidak ada di daftar"
        dv.error = (
            f"Kolom {k.judul}: pilih salah satu nilai dari daftar."
            if ketat
            else f"Kolom {k.judul}: nilai ini belum ada di sheet {k.rujukan[0]}."
        )
        dv.add(f"{k.huruf}2:{k.huruf}{BARIS_MAKS}")
        ws.add_data_validation(dv)

    def _sheet(self, s: _Sheet):
        ws = self.wb.create_sheet(s.nama)
        for i, k in enumerate(s.kolom, start=1):
            c = ws.cell(1, i, k.judul)
            c.font = _TEBAL
            c.fill = _ISI_WARNA["induk" if k.nama is None else "wajib" if k.wajib else "opsional"]
            status = "kolom induk" if k.nama is None else "wajib" if k.wajib else "opsional"
            teks = f"{k.judul} ({status})\n{_teks_jenis(k.jenis)}"
            if ket := _teks_kolom(k):
                teks += f"\n{ket}"
            c.comment = Comment(teks, "sakip", width=320, height=140)
            dim = ws.column_dimensions[k.huruf]
            dim.width = _lebar_awal(k)
            if k.jenis.dasar in _JENIS_TEKS:
                dim.number_format = "@"
            elif k.jenis.dasar == "tanggal":
                dim.number_format = "yyyy-mm-dd"
            if k.jenis.dasar == "pilihan" and k.jenis.pilihan:
                self._dropdown(ws, k, self.sumber_pilihan(f"{s.nama}.{k.judul}", k.jenis.pilihan), True)
            elif k.jenis.dasar == "ya_tidak":
                self._dropdown(ws, k, '"TRUE,FALSE"', True)
            elif k.rujukan and k.jenis.dasar == "kode":
                tujuan = _kolom_tujuan(self.tata, k.rujukan)
                if tujuan is not None and tujuan.jenis.dasar == "kode":
                    r = f"{quote_sheetname(k.rujukan[0])}!${tujuan.huruf}"
                    rumus = f"OFFSET({r}$2,0,0,MAX(1,COUNTA({r}:${tujuan.huruf})-1),1)"
                    self._dropdown(ws, k, rumus, False)
        ws.freeze_panes = "A2"
        if s.kolom:
            ws.auto_filter.ref = f"A1:{s.kolom[-1].huruf}1"
        return ws

    def _petunjuk(self, ws):
        baris = [1]

        def tulis(*nilai, tebal=False, ukuran=None, tebal_a=False):
            for i, v in enumerate(nilai, start=1):
                if v is not None:
                    c = ws.cell(baris[0], i, v)
                    if i == len(nilai) and i > 1:
                        c.alignment = _BUNGKUS
                    if ukuran:
                        c.font = Font(bold=True, size=ukuran)
                    elif tebal or (tebal_a and i == 1):
                        c.font = _TEBAL
            baris[0] += 1

        tulis(f"Petunjuk pengisian buku kerja SAKIP (format {schema.FORMAT})", ukuran=14)
        tulis("format", schema.FORMAT, "← jangan diubah")
        baris[0] += 1
        tulis("Cara mengisi", tebal=True)
        for i, teks in enumerate(_PETUNJUK_UMUM, start=1):
            tulis(f"{i}.", teks)
        baris[0] += 1
        tulis("Daftar sheet", tebal=True)
        tulis("Sheet", "Isi", tebal=True)
        for s in self.tata.sheets:
            tulis(s.nama, _isi_sheet(s), tebal_a=True)
        baris[0] += 1
        tulis("Kolom per sheet", tebal=True)
        tulis("Sheet", "Kolom", "Wajib", "Jenis isi", "Keterangan", tebal=True)
        for s in self.tata.sheets:
            for k in s.kolom:
                wajib = "induk" if k.nama is None else "ya" if k.wajib else "tidak"
                tulis(s.nama, k.judul, wajib, _teks_jenis(k.jenis), _teks_kolom(k))
        ws.column_dimensions["A"].width = 20
        ws.column_dimensions["B"].width = 100
        ws.column_dimensions["C"].width = 8
        ws.column_dimensions["D"].width = 45
        ws.column_dimensions["E"].width = 60
        ws.freeze_panes = "A2"

    def tulis_dokumen(self, doc: dict):
        berikut = {s.nama: 2 for s in self.tata.sheets}

        def baris(s: _Sheet, obj: dict, kunci_induk: list):
            ws, r = self.ws[s.nama], berikut[s.nama]
            berikut[s.nama] += 1
            nilai = list(kunci_induk) + [obj.get(k.nama) for k in s.kolom_isi]
            for i, (k, v) in enumerate(zip(s.kolom, nilai, strict=True), start=1):
                v = _ke_sel(v)
                if v is None:
                    continue
                c = ws.cell(r, i, v)
                if isinstance(v, str):
                    c.data_type = "s"  # "=…" is text, never a formula
                    if k.jenis.dasar in _JENIS_TEKS:
                        c.number_format = "@"  # an edited kode stays text ("01", "1.10")
                elif isinstance(v, date):
                    c.number_format = "yyyy-mm-dd"
            if s.anak:
                sendiri = []
                for f in s.kunci:
                    v = obj.get(f)
                    bawaan = s.model.model_fields[f].default
                    sendiri.append(bawaan if v is None and bawaan is not PydanticUndefined else v)
                for anak in s.anak:
                    for item in obj.get(anak.field) or []:
                        baris(anak, item, [*kunci_induk, *sendiri])

        for s in self.tata.sheets:
            if s.induk is not None:
                continue
            isi = doc.get(s.field)
            for item in ([isi] if s.tunggal else isi) if isi else []:
                baris(s, item, [])
        for s in self.tata.sheets:
            self._lebarkan(self.ws[s.nama], s)

    @staticmethod
    def _lebarkan(ws, s: _Sheet):
        for i, k in enumerate(s.kolom, start=1):
            panjang = 0
            for (v,) in ws.iter_rows(min_row=2, max_row=min(ws.max_row, 500), min_col=i, max_col=i, values_only=True):
                if v is not None:
                    panjang = max(panjang, 10 if isinstance(v, date) else len(str(v)))
            dim = ws.column_dimensions[k.huruf]
            dim.width = min(max(dim.width or 0, panjang + 2), 60)


def _ke_angka(d: Decimal):
    if not d.is_finite():
        return str(d)
    if d == d.to_integral_value() and abs(d) < 10**15:
        return int(d)
    if len(d.normalize().as_tuple().digits) <= 15:
        f = float(d)
        if Decimal(repr(f)) == d:
            return f
    return format(d, "f")


def _ke_sel(v):
    """A dict value as a cell value; None for an empty cell."""
    if isinstance(v, Enum):
        v = v.value
    if v is None or (isinstance(v, str) and v == ""):
        return None
    if isinstance(v, list | tuple):
        teks = ", ".join(str(_ke_sel(x)) for x in v if _ke_sel(x) is not None)
        return teks or None
    if isinstance(v, bool | int | float):
        return v
    if isinstance(v, Decimal):
        return _ke_angka(v)
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return ILLEGAL_CHARACTERS_RE.sub("", str(v))


def write_template(path_or_file) -> None:
    """An empty workbook: sheet Petunjuk, then every data sheet with its header row."""
    _Penulis().wb.save(path_or_file)


def _periksa_field(doc: dict) -> None:
    """Refuse keys the workbook has no column for, rather than dropping them silently."""

    def periksa(s: _Sheet, obj: dict):
        if asing := set(obj) - set(s.model.model_fields):
            raise ValueError(f"sheet {s.nama}: field tidak dikenal {sorted(asing)}")
        for anak in s.anak:
            for item in obj.get(anak.field) or []:
                periksa(anak, item)

    tata = _tata_letak()
    if asing := set(doc) - set(schema.Dokumen.model_fields):
        raise ValueError(f"field tidak dikenal di akar dokumen: {sorted(asing)}")
    for s in tata.sheets:
        if s.induk is None and doc.get(s.field):
            for item in [doc[s.field]] if s.tunggal else doc[s.field]:
                periksa(s, item)


def write_workbook(doc, path_or_file) -> None:
    """The plain dict (Decimals, dates, lists in order) -> a workbook laid out like the template.
    A `schema.Dokumen` instance is accepted too."""
    if isinstance(doc, BaseModel):
        doc = doc.model_dump(mode="python")
    _periksa_field(doc)
    penulis = _Penulis()
    penulis.tulis_dokumen(doc)
    penulis.wb.save(path_or_file)


# ---------------------------------------------------------------- reading
_YA_TIDAK = {"ya": True, "tidak": False, "true": True, "false": False, "benar": True, "salah": False}


def _kosong(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _dari_sel(v, j: _Jenis):
    """A cell value as a dict value (None = leave the key out). Types are not checked here."""
    if isinstance(v, str):
        v = v.strip()
        if not v:
            return None
    if v is None:
        return None
    if isinstance(v, datetime):
        v = v.date()
    d = j.dasar
    if d in ("teks", "kode") and isinstance(v, int) and not isinstance(v, bool):
        return str(v)  # a kode typed as a number; floats are left for pydantic to reject
    if d == "ya_tidak" and isinstance(v, str):
        return _YA_TIDAK.get(v.casefold(), v)
    if d == "daftar":
        if isinstance(v, str):
            return [p.strip() for p in re.split(r"[,;\n]", v) if p.strip()] or None
        return [_dari_sel(v, j.isi or _Jenis("teks"))]
    return v


def _kunci(v):
    """A key value normalised for matching a child row to its parent row."""
    if v is None:
        return None
    if isinstance(v, Enum):
        v = v.value
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, Decimal) and v.is_finite() and v == v.to_integral_value():
        v = int(v)
    if isinstance(v, datetime):
        v = v.date()
    if isinstance(v, date):
        return v.isoformat()
    teks = str(v).strip()
    return teks or None


def _nama_berkas(path_or_file) -> str:
    if isinstance(path_or_file, str | os.PathLike):
        return os.fspath(path_or_file)
    return str(getattr(path_or_file, "name", None) or "berkas Excel")


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .xlsx locked with a password


def _berkas_ole(path_or_file) -> bool:
    try:
        if isinstance(path_or_file, str | os.PathLike):
            with open(path_or_file, "rb") as f:
                return f.read(8) == _OLE
        pos = path_or_file.tell()
        kepala = path_or_file.read(8)
        path_or_file.seek(pos)
        return kepala == _OLE
    except Exception:  # noqa: BLE001 - only a better message is at stake
        return False


def _pesan_rusak(exc: Exception, path_or_file) -> str:
    if isinstance(exc, FileNotFoundError):
        return "berkas tidak ditemukan."
    if "old .xls" in str(exc) or _berkas_ole(path_or_file):
        return (
            "berkas ini berformat Excel lama (.xls) atau dikunci kata sandi; buka di Excel, hapus kata sandinya "
            "bila ada, lalu simpan sebagai Excel Workbook (.xlsx)."
        )
    return (
        "berkas ini tidak dapat dibuka sebagai buku kerja Excel (.xlsx); pastikan disimpan "
        f"sebagai Excel Workbook (.xlsx) dan tidak rusak ({type(exc).__name__}: {exc})."
    )


def _uraikan(pasangan) -> str:
    return ", ".join(f"{j} {v!r}" if isinstance(v, str) and not v.isdigit() else f"{j} {v}" for j, v in pasangan)


@dataclass
class _Entri:
    obj: dict
    path: Path
    baris: int


@dataclass
class _Data:
    judul_ws: str
    kolom: list[tuple[int, _Kolom]]  # (0-based cell index, column)
    baris: list[tuple[int, tuple]]  # non-empty data rows: (row number, values)
    huruf: dict[str, str]  # column header -> letter in this workbook


def _semua_baris(ws, masalah: list[Masalah]) -> list[tuple]:
    try:
        ws.reset_dimensions()  # a wrong <dimension> would cut rows off
        return [tuple(r) for r in ws.iter_rows(values_only=True)]
    except Exception as exc:  # noqa: BLE001 - corrupt sheet XML surfaces only here
        masalah.append(Masalah(f"sheet {ws.title}", f"sheet ini tidak dapat dibaca ({exc})."))
        return []


def _baca_sheet(s: _Sheet, ws, masalah: list[Masalah]) -> _Data:
    semua = _semua_baris(ws, masalah)
    judul = semua[0] if semua else ()
    boleh = {k.judul.casefold(): k for k in s.kolom}
    kolom: list[tuple[int, _Kolom]] = []
    huruf: dict[str, str] = {}
    tak_berjudul: set[int] = set()
    for i, h in enumerate(judul):
        if _kosong(h):
            tak_berjudul.add(i)
            continue
        teks = str(h).strip()
        k = boleh.get(teks.casefold())
        sel = Sel(ws.title, 1, get_column_letter(i + 1), teks)
        if k is None:
            masalah.append(
                Masalah(
                    str(sel),
                    (
                        f"judul kolom {teks!r} tidak dikenal di sheet {s.nama}; judul yang boleh: "
                        + ", ".join(k.judul for k in s.kolom)
                        + "."
                    ),
                )
            )
        elif k.judul in huruf:
            masalah.append(
                Masalah(str(sel), (f"judul kolom {teks!r} sudah ada di kolom {huruf[k.judul]}; hapus salah satunya."))
            )
        else:
            huruf[k.judul] = sel.kolom
            kolom.append((i, k))
    baris = []
    dilapor: set[int] = set()
    for r, nilai in enumerate(semua[1:], start=2):
        if all(_kosong(v) for v in nilai):
            continue
        baris.append((r, nilai))
        for i in [*tak_berjudul, *range(len(judul), len(nilai))]:
            if i < len(nilai) and not _kosong(nilai[i]) and i not in dilapor:
                dilapor.add(i)
                masalah.append(
                    Masalah(
                        str(Sel(ws.title, r, get_column_letter(i + 1))),
                        ("sel ini berisi data tetapi kolomnya tidak berjudul; beri judul kolom atau hapus isinya."),
                    )
                )
    if baris:
        for k in s.kolom_isi:
            if k.wajib and k.judul not in huruf:
                masalah.append(
                    Masalah(
                        str(Sel(ws.title, 1)), (f"kolom wajib {k.judul!r} tidak ada di baris judul sheet {s.nama}.")
                    )
                )
    return _Data(ws.title, kolom, baris, huruf)


def read_workbook(path_or_file) -> tuple[dict, dict[Path, Sel]]:
    """Workbook -> the plain dict (same shape as the JSON) + where each path came from.

    The map has an entry for every object (its row) and for every field of a column present in
    the sheet (its cell, also when empty, so "missing" errors point at the cell to fill); items
    of a comma-separated list map to their cell too. Use `cari_sel` for deeper error paths.
    Raises ImportGagal with every structural problem; values are not validated."""
    nama = _nama_berkas(path_or_file)
    try:
        wb = load_workbook(path_or_file, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors all mean "unreadable"
        raise ImportGagal([Masalah(nama, _pesan_rusak(exc, path_or_file))]) from None
    try:
        return _baca(wb)
    finally:
        wb.close()


def _baca(wb) -> tuple[dict, dict[Path, Sel]]:
    tata = _tata_letak()
    masalah: list[Masalah] = []
    peta: dict[Path, Sel] = {}
    doc: dict = {"format": schema.FORMAT}
    lembar = {}
    for ws in wb.worksheets:
        lembar.setdefault(ws.title.strip().casefold(), ws)

    petunjuk = lembar.get(SHEET_PETUNJUK.casefold())
    if petunjuk is not None:
        for r, nilai in enumerate(petunjuk.iter_rows(max_row=10, max_col=2, values_only=True), 1):
            if len(nilai) > 1 and isinstance(nilai[0], str) and nilai[0].strip() == "format":
                if not _kosong(nilai[1]):
                    doc["format"] = str(nilai[1]).strip()
                    peta[("format",)] = Sel(petunjuk.title, r, "B", "format")
                break

    data: dict[str, _Data | None] = {}
    for s in tata.sheets:
        ws = lembar.get(s.nama.casefold())
        data[s.nama] = None if ws is None else _baca_sheet(s, ws, masalah)

    def ada_isi(s: _Sheet) -> _Sheet | None:
        for a in s.anak:
            if data[a.nama] is not None and data[a.nama].baris:
                return a
            if (cucu := ada_isi(a)) is not None:
                return cucu
        return None

    for s in tata.sheets:
        if data[s.nama] is not None:
            continue
        if s.wajib:
            masalah.append(
                Masalah(
                    f"sheet {s.nama}",
                    (f"sheet {s.nama} tidak ada dan wajib ada; ambil templat baru dengan `sakip template`."),
                )
            )
        elif (anak := ada_isi(s)) is not None:
            masalah.append(
                Masalah(
                    f"sheet {s.nama}",
                    (f"sheet {s.nama} tidak ada, padahal sheet {anak.nama} berisi baris yang merujuk ke sana."),
                )
            )

    indeks: dict[str, dict[tuple, _Entri]] = {s.nama: {} for s in tata.sheets}
    for s in tata.sheets:
        d = data[s.nama]
        if d is None:
            continue
        kosong_dilapor = False
        for r, nilai in d.baris:
            obj: dict = {}
            kunci_baris: dict[str, Any] = {}
            for i, k in d.kolom:
                v = _dari_sel(nilai[i] if i < len(nilai) else None, k.jenis)
                if k.nama is None:
                    kunci_baris[k.judul] = _kunci(v)
                elif v is not None:
                    obj[k.nama] = v
            kunci = tuple(kunci_baris.get(k.judul) for k in s.kolom_induk)

            if s.induk is None:
                induk_kunci: tuple = ()
                if s.tunggal:
                    if s.field in doc:
                        masalah.append(
                            Masalah(
                                str(Sel(d.judul_ws, r)),
                                (
                                    f"sheet {s.nama} hanya boleh berisi satu baris data; "
                                    f"baris {peta[(s.field,)].baris} sudah diisi."
                                ),
                            )
                        )
                        continue
                    doc[s.field] = obj
                    path: Path = (s.field,)
                else:
                    daftar = doc.setdefault(s.field, [])
                    path = (s.field, len(daftar))
                    daftar.append(obj)
            else:
                hasil = _cari_induk(s, kunci, r, d, data, indeks, masalah, kosong_dilapor)
                if hasil is True:  # parent sheet empty: reported once
                    kosong_dilapor = True
                    continue
                if hasil is None:
                    continue
                induk, induk_kunci = hasil
                daftar = induk.obj.setdefault(s.field, [])
                path = (*induk.path, s.field, len(daftar))
                daftar.append(obj)

            peta[path] = Sel(d.judul_ws, r)
            for k in s.kolom_isi:
                if k.judul in d.huruf:
                    sel = Sel(d.judul_ws, r, d.huruf[k.judul], k.judul)
                    peta[(*path, k.nama)] = sel
                    if isinstance(obj.get(k.nama), list):
                        for n in range(len(obj[k.nama])):
                            peta[(*path, k.nama, n)] = sel
            for anak in s.anak:  # "at least one row" errors point at the parent row
                peta[(*path, anak.field)] = Sel(d.judul_ws, r)

            if s.kunci:
                sendiri = []
                for f in s.kunci:
                    v = obj.get(f)
                    if v is None:
                        v = s.model.model_fields[f].default
                    sendiri.append(None if v is PydanticUndefined else _kunci(v))
                if None in sendiri:
                    continue  # pydantic reports the missing key; children cannot attach
                penuh = (*induk_kunci, *sendiri)
                if penuh in indeks[s.nama]:
                    lain = indeks[s.nama][penuh]
                    pasangan = list(zip([k.judul for k in s.kolom_induk] + list(s.kunci), penuh, strict=True))
                    masalah.append(
                        Masalah(
                            str(Sel(d.judul_ws, r)),
                            (f"{_uraikan(pasangan)} sudah ada di baris {lain.baris}; baris induk harus unik."),
                        )
                    )
                else:
                    indeks[s.nama][penuh] = _Entri(obj, path, r)

    if masalah:
        urutan = {s.nama.casefold(): i for i, s in enumerate(tata.sheets)}

        def urut(m: Masalah):
            cocok = re.match(r"sheet (.+?)(?:, baris (\d+))?(?:,|$)", m.lokasi)
            if not cocok:
                return (-1, 0)
            sheet = cocok.group(1).strip().casefold()
            return (urutan.get(sheet, len(urutan)), int(cocok.group(2) or 0))

        raise ImportGagal(sorted(masalah, key=urut))
    if "pemda" not in doc and data.get("Pemda") is not None:
        peta.setdefault(("pemda",), Sel(data["Pemda"].judul_ws, 2))
    return doc, peta


def _cocok(kunci: tuple, pola: tuple) -> bool:
    return all(p is None or p == k for k, p in zip(kunci, pola, strict=True))


def _cari_induk(s, kunci, r, d, data, indeks, masalah, kosong_dilapor):
    """The parent entry and its full key for a row, or None after recording the problem; True
    when the parent sheet has no rows at all (reported once per sheet)."""
    kolom = s.kolom_induk
    n = 0
    for a in s.leluhur:
        lebar = len(a.kunci)
        pola, n = kunci[: n + lebar], n + lebar
        if data[a.nama] is None:
            return None  # missing sheet, reported once already
        if not data[a.nama].baris:
            if not kosong_dilapor:
                masalah.append(
                    Masalah(
                        str(Sel(d.judul_ws, r)),
                        (
                            f"sheet {s.nama} berisi baris, tetapi sheet {a.nama} tidak berisi "
                            "satu baris pun untuk menjadi induknya."
                        ),
                    )
                )
            return True
        idx = indeks[a.nama]
        calon = ([pola] if pola in idx else []) if None not in pola else [k for k in idx if _cocok(k, pola)]
        if not calon:
            milik = list(zip([k.judul for k in kolom[: n - lebar]], pola[: n - lebar], strict=True))
            sendiri = list(zip([k.judul for k in kolom[n - lebar : n]], pola[n - lebar :], strict=True))
            terisi = [(j, v) for j, v in sendiri if v is not None]
            teks = (
                f"{_uraikan(terisi)} tidak ada di sheet {a.nama}"
                if terisi
                else f"tidak ada baris di sheet {a.nama} yang cocok"
            )
            if any(v is not None for _, v in milik):
                teks += " untuk " + _uraikan([(j, v) for j, v in milik if v is not None])
            judul = (terisi or sendiri)[0][0]
            sel = Sel(d.judul_ws, r, d.huruf.get(judul), judul if judul in d.huruf else None)
            masalah.append(Masalah(str(sel), teks + "."))
            return None
    if len(calon) > 1:
        kosong = [k.judul for k, v in zip(kolom, kunci, strict=True) if v is None]
        masalah.append(
            Masalah(
                str(Sel(d.judul_ws, r)),
                (
                    f"baris ini cocok dengan {len(calon)} baris di sheet {s.induk.nama}; isi kolom "
                    + ", ".join(kosong)
                    + " agar induknya jelas."
                ),
            )
        )
        return None
    return indeks[s.induk.nama][calon[0]], calon[0]
