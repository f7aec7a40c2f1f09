"""`sakip import`: read a JSON, YAML or Excel file, validate all of it, then write it in one
transaction. Any problem means nothing is written, and every problem is reported with where
it is (JSON path, or sheet/row/column)."""

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path as FilePath

import yaml
from django.db import transaction
from pydantic import ValidationError

from sakip.organisation.models import Instansi, Pemda
from sakip.skm.models import MetodeSKM

from . import schema as s
from .errors import ImportGagal, Masalah, Path, json_path
from .jejak import Pengawas
from .validation import check, pydantic_problems
from .writer import Writer

Locator = Callable[[Path], str]


def load(path: str | FilePath) -> tuple[dict, Locator]:
    """The raw document and a function that names where a path of it sits in the file."""
    path = FilePath(path)
    name = path.name
    if not path.exists():
        raise ImportGagal([Masalah(name, "berkas tidak ditemukan")])
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from .excel import read_workbook

        raw, cells = read_workbook(path)
        return raw, _excel_locator(name, cells)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ImportGagal([Masalah(name, "berkas bukan teks UTF-8")]) from None
    try:
        if suffix == ".json":
            raw = json.loads(text, parse_float=Decimal)
        elif suffix in (".yaml", ".yml"):
            raw = yaml.safe_load(text)
        else:
            raise ImportGagal([Masalah(name, "jenis berkas tidak dikenal; gunakan .json, .yaml atau .xlsx")])
    except json.JSONDecodeError as e:
        raise ImportGagal([Masalah(f"{name} baris {e.lineno} kolom {e.colno}", f"JSON rusak: {e.msg}")]) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{name} baris {mark.line + 1} kolom {mark.column + 1}" if mark else name
        raise ImportGagal([Masalah(where, f"YAML rusak: {getattr(e, 'problem', e)}")]) from None
    if not isinstance(raw, dict):
        raise ImportGagal([Masalah(name, "isi berkas harus satu objek dengan 'format', 'pemda', 'instansi' …")])
    return raw, lambda p: f"{name} {json_path(p)}"


def _excel_locator(name: str, cells) -> Locator:
    def locate(path: Path) -> str:
        for n in range(len(path), -1, -1):
            if path[:n] in cells:
                return f"{name}, {cells[path[:n]]}"
        return name

    return locate


def validate(raw: dict, locate: Locator) -> s.Dokumen:
    """The document, or ImportGagal with every problem found."""
    try:
        doc = s.Dokumen.model_validate(raw)
    except ValidationError as e:
        raise ImportGagal([Masalah(locate(p), m) for p, m in pydantic_problems(e)]) from None
    national = set(MetodeSKM.objects.filter(pemda=None).values_list("kode", flat=True))
    problems = check(doc, national)
    # An agency slug is global: it must not belong to another pemda already.
    taken = dict(
        Instansi.objects.filter(slug__in=[i.slug for i in doc.instansi])
        .exclude(pemda__slug=doc.pemda.slug)
        .values_list("slug", "pemda__nama")
    )
    for i, ins in enumerate(doc.instansi):
        if ins.slug in taken:
            problems.append(
                (("instansi", i, "slug"), f"slug {ins.slug!r} sudah dipakai instansi milik {taken[ins.slug]}")
            )
    if problems:
        raise ImportGagal([Masalah(locate(p), m) for p, m in problems])
    return doc


def import_file(path: str | FilePath) -> Pemda:
    raw, locate = load(path)
    return import_data(raw, locate)


def import_data(raw: dict, locate: Locator = lambda p: json_path(p)) -> Pemda:
    """Validate, then write in one transaction; a file that would change an approved (frozen)
    agency-year is refused and rolled back, with one problem per such agency-year (jejak.py)."""
    doc = validate(raw, locate)
    with transaction.atomic():
        pengawas = Pengawas(i.slug for i in doc.instansi)
        with pengawas.mengawasi():
            pemda = Writer(doc, pengawas).write()
        if pengawas.kena:
            raise ImportGagal(_masalah_beku(doc, pengawas.kena, locate))
        return pemda


def _masalah_beku(doc: s.Dokumen, kena: set[tuple[int, int]], locate: Locator) -> list[Masalah]:
    instansi = Instansi.objects.in_bulk({instansi_id for instansi_id, _ in kena})
    urutan = {x.slug: i for i, x in enumerate(doc.instansi)}
    return [
        Masalah(
            locate(("instansi", urutan[instansi[instansi_id].slug])),
            f"data {instansi[instansi_id].nama} tahun {tahun} sudah disetujui dan dibekukan, dan berkas ini "
            f"mengubahnya; admin pemda harus membuka kembali tahun {tahun} lebih dulu, lalu impor lagi",
        )
        for instansi_id, tahun in sorted(kena, key=lambda k: (urutan[instansi[k[0]].slug], k[1]))
    ]


def example_path(name: str) -> FilePath:
    return FilePath(__file__).resolve().parent.parent / "examples" / name


EXAMPLES = ("kabupaten-jember.json", "kabupaten-sukamaju.json")
