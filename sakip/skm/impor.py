"""Surveys collected elsewhere: raw answers per respondent (a Google Forms export, a CSV or
an Excel sheet) with a column mapping, or an aggregated answer distribution per unsur.

Reading never writes: every problem is collected with its row and column, and only a file
without problems is stored, in one transaction. Reading needs no survey in the database, so
`sakip skm FILE` can also just compute a file."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sakip.calc.skm import JAWABAN_UMUM, Sebaran
from sakip.interchange.errors import ImportGagal, Masalah
from sakip.interchange.numbers import parse_angka

from .models import DistribusiJawaban, Jawaban, Responden
from .profil import PROFIL, baca_profil

PROFIL_KOLOM = (*PROFIL, "layanan", "tanggal")
_JUDUL_PROFIL = {
    "jenis_kelamin": ("jenis kelamin", "kelamin", "gender"),
    "usia": ("usia", "umur"),
    "pendidikan": ("pendidikan",),
    "pekerjaan": ("pekerjaan",),
    "layanan": ("layanan",),
    "tanggal": ("tanggal", "timestamp", "cap waktu", "waktu"),
}


@dataclass(frozen=True)
class UnsurKolom:
    """What reading needs of an unsur: its number, name, question and answer wording."""

    nomor: int
    nama: str
    pertanyaan: str = ""
    pilihan: tuple[str, str, str, str] = JAWABAN_UMUM


@dataclass
class Tabel:
    """The cells of one sheet or CSV file: headers and the data rows with their row number."""

    nama: str
    judul: list[str]
    baris: list[tuple[int, list]] = field(default_factory=list)

    def tempat(self, nomor_baris: int, kolom: int | None = None) -> str:
        out = f"{self.nama}, baris {nomor_baris}"
        if kolom is not None:
            out += f", kolom {get_column_letter(kolom + 1)} ({self.judul[kolom]})"
        return out


def baca_tabel(path, sheet: str | None = None) -> Tabel:
    """The first sheet (or `sheet`) of an .xlsx, or a .csv (UTF-8, comma or semicolon)."""
    path = Path(path)
    if not path.exists():
        raise ImportGagal([Masalah(path.name, "berkas tidak ditemukan")])
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises many kinds for a broken file
            raise ImportGagal(
                [Masalah(path.name, f"bukan berkas Excel yang dapat dibaca ({e.__class__.__name__})")]
            ) from None
        if sheet is not None and sheet not in wb.sheetnames:
            raise ImportGagal([Masalah(path.name, f"sheet {sheet!r} tidak ada; ada: {', '.join(wb.sheetnames)}")])
        ws = wb[sheet] if sheet else wb.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
        nama = f"{path.name}, sheet {ws.title}"
    elif suffix == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ImportGagal([Masalah(path.name, "berkas CSV bukan teks UTF-8")]) from None
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        nama = path.name
    else:
        raise ImportGagal([Masalah(path.name, "jenis berkas tidak dikenal; gunakan .csv atau .xlsx")])
    # Blank rows are skipped; the others keep the row number a spreadsheet shows.
    rows = [(i, list(r)) for i, r in enumerate(rows, start=1) if not _kosong(r)]
    if not rows:
        raise ImportGagal([Masalah(nama, "berkas kosong")])
    judul = [_teks(c) for c in rows[0][1]]
    width = len(judul)
    return Tabel(nama, judul, [(i, r if len(r) == width else (r + [None] * width)[:width]) for i, r in rows[1:]])


def _kosong(row) -> bool:
    return not any(c is not None and (not isinstance(c, str) or c.strip()) for c in row)


def _teks(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def _rata(teks: str) -> str:
    return " ".join(str(teks).replace("–", "-").split()).casefold()


def jenis_berkas(tabel: Tabel) -> str:
    """'distribusi' when the first header is "unsur" (one row per unsur), else 'jawaban'."""
    return "distribusi" if tabel.judul and _rata(tabel.judul[0]) in ("unsur", "no unsur", "nomor unsur") else "jawaban"


# ------------------------------------------------------------------------------ mapping
def _kolom_ke_indeks(tabel: Tabel, teks: str) -> int | None:
    """A column named by its header, its letter (C) or its number (3)."""
    t = teks.strip()
    for i, j in enumerate(tabel.judul):
        if _rata(j) == _rata(t):
            return i
    if re.fullmatch(r"[A-Za-z]{1,3}", t):
        n = 0
        for ch in t.upper():
            n = n * 26 + ord(ch) - 64
        return n - 1 if n <= len(tabel.judul) else None
    if t.isdigit() and 1 <= int(t) <= len(tabel.judul):
        return int(t) - 1
    return None


def _cocok_unsur(judul: str, u: UnsurKolom) -> bool:
    j = _rata(judul)
    if not j:
        return False
    if j in (f"u{u.nomor}", f"unsur {u.nomor}", f"u{u.nomor}.", str(u.nomor)):
        return True
    if re.match(rf"^(u|unsur\s*)?{u.nomor}\s*[.):\-]\s", j):  # "1. Bagaimana …", "U1 - Persyaratan"
        return True
    return _rata(u.nama) == j or (u.pertanyaan and _rata(u.pertanyaan).rstrip("?.") in j)


def kenali(
    tabel: Tabel, unsur: list[UnsurKolom], kolom: dict[str, str] | None = None
) -> tuple[dict[str, int], list[Masalah]]:
    """Which column holds each unsur ("U1" …) and profile field, as far as it can be told: the
    explicit `kolom` mapping first (target → header, letter or number), then headers recognised
    by number, name or question. Returns the mapping found and a problem per unsur without
    exactly one column (the web's mapping step starts from the mapping and lets people fix it)."""
    kolom = dict(kolom or {})
    masalah, peta = [], {}
    sasaran = {f"U{u.nomor}" for u in unsur} | set(PROFIL_KOLOM)
    for target, teks in kolom.items():
        t = target.strip()
        t = t.upper() if re.fullmatch(r"[uU]\d+", t) else t.lower()
        i = _kolom_ke_indeks(tabel, teks)
        if t not in sasaran:
            masalah.append(
                Masalah(tabel.nama, f"pemetaan {target}={teks}: {target!r} bukan unsur metode ini atau data profil")
            )
        elif i is None:
            masalah.append(Masalah(tabel.nama, f"pemetaan {target}={teks}: kolom {teks!r} tidak ada"))
        else:
            peta[t] = i
    dipakai = set(peta.values())
    for u in unsur:
        key = f"U{u.nomor}"
        if key in peta:
            continue
        calon = [i for i, j in enumerate(tabel.judul) if i not in dipakai and _cocok_unsur(j, u)]
        if len(calon) == 1:
            peta[key] = calon[0]
            dipakai.add(calon[0])
        else:
            sebab = (
                "tidak ada kolom yang cocok"
                if not calon
                else "lebih dari satu kolom cocok: " + ", ".join(repr(tabel.judul[i]) for i in calon)
            )
            masalah.append(
                Masalah(
                    tabel.nama,
                    f'unsur {u.nomor} ({u.nama}): {sebab}; tentukan dengan --kolom "{key}=judul kolom" '
                    f"(kolom yang ada: {', '.join(repr(j) for j in tabel.judul if j)})",
                )
            )
    for f in PROFIL_KOLOM:
        if f in peta:
            continue
        calon = [
            i for i, j in enumerate(tabel.judul) if i not in dipakai and any(k in _rata(j) for k in _JUDUL_PROFIL[f])
        ]
        if len(calon) == 1:
            peta[f] = calon[0]
            dipakai.add(calon[0])
    return peta, masalah


def petakan(tabel: Tabel, unsur: list[UnsurKolom], kolom: dict[str, str] | None = None) -> dict[str, int]:
    """The mapping `kenali` finds, or ImportGagal naming the columns there are."""
    peta, masalah = kenali(tabel, unsur, kolom)
    if masalah:
        raise ImportGagal(masalah)
    return peta


def peta_pilihan(tabel: Tabel, unsur: list[UnsurKolom], pilihan: dict[int, str]) -> dict[str, int]:
    """The mapping exactly as a person chose it per column (column index → "U1", a profile
    field, or "" to ignore it): nothing is guessed. Every unsur needs one column, a target
    takes at most one; ImportGagal names each column and unsur otherwise."""
    sasaran = {f"U{u.nomor}": f"unsur {u.nomor} ({u.nama})" for u in unsur} | {f: f for f in PROFIL_KOLOM}
    masalah, kolom_per_target = [], {}
    for i, target in sorted(pilihan.items()):
        if not target:
            continue
        if not 0 <= i < len(tabel.judul) or target not in sasaran:
            masalah.append(Masalah(tabel.nama, f"pemetaan kolom {i + 1} ke {target!r} tidak dikenal"))
            continue
        kolom_per_target.setdefault(target, []).append(i)
    for target, kolom in kolom_per_target.items():
        if len(kolom) > 1:
            nama = ", ".join(f"{get_column_letter(i + 1)} ({tabel.judul[i]})" for i in kolom)
            masalah.append(Masalah(tabel.nama, f"{sasaran[target]} dipetakan ke lebih dari satu kolom: {nama}"))
    for u in unsur:
        if f"U{u.nomor}" not in kolom_per_target:
            masalah.append(Masalah(tabel.nama, f"unsur {u.nomor} ({u.nama}) belum dipetakan ke kolom mana pun"))
    if masalah:
        raise ImportGagal(masalah)
    return {target: kolom[0] for target, kolom in kolom_per_target.items()}


# ------------------------------------------------------------------------------ raw answers
@dataclass
class JawabanResponden:
    baris: int
    profil: dict[str, str]
    tanggal: date | None
    jawaban: list[int]


def _nilai_jawaban(v, u: UnsurKolom) -> int | str:
    """1–4 from a number, a letter a–d ("c", "c. Sesuai") or the answer's wording; else why not."""
    if isinstance(v, bool):
        return f"jawaban {v!r} bukan 1–4"
    if isinstance(v, int | float) and v == int(v) and 1 <= v <= 4:
        return int(v)
    t = _rata(_teks(v))
    if not t:
        return "jawaban kosong"
    if t in ("1", "2", "3", "4"):
        return int(t)
    m = re.fullmatch(r"([a-d])(?:[.)]\s*(.*))?", t)
    if m:
        return "abcd".index(m.group(1)) + 1
    for pilihan in (u.pilihan, JAWABAN_UMUM):
        for i, p in enumerate(pilihan, start=1):
            if t == _rata(p):
                return i
    return f"jawaban {_teks(v)!r} tidak dikenal (isi 1–4, a–d, atau salah satu dari: {', '.join(u.pilihan)})"


def _tanggal(v) -> date | None | str:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    t = _teks(v)
    if not t:
        return None
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", t) or None
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})", t)
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        pass
    return f"tanggal {t!r} tidak dikenal (tulis 2023-08-01 atau 1/8/2023)"


def baca_jawaban(
    tabel: Tabel, unsur: list[UnsurKolom], kolom: dict[str, str] | None = None, pilihan: dict[int, str] | None = None
) -> tuple[list[JawabanResponden], dict[str, int]]:
    """Every respondent of the table, or ImportGagal with every problem by row and column.
    Columns are found by `petakan` (helped by `kolom`), or taken as chosen (`pilihan`)."""
    peta = petakan(tabel, unsur, kolom) if pilihan is None else peta_pilihan(tabel, unsur, pilihan)
    out, masalah = [], []
    kolom_unsur = [(peta[f"U{u.nomor}"], u, {}) for u in unsur]  # answers repeat: read each text once
    profil_dibaca = {f: {} for f in PROFIL}
    for nomor_baris, sel in tabel.baris:
        jawaban, profil, tanggal = [], {}, None
        for i, u, dibaca in kolom_unsur:
            try:
                v = dibaca[sel[i]]
            except KeyError:
                v = dibaca[sel[i]] = _nilai_jawaban(sel[i], u)
            except TypeError:  # an unhashable cell value cannot repeat
                v = _nilai_jawaban(sel[i], u)
            if isinstance(v, str):
                masalah.append(Masalah(tabel.tempat(nomor_baris, i), v))
            else:
                jawaban.append(v)
        for f in PROFIL:
            if f in peta:
                teks = _teks(sel[peta[f]])
                kode = (
                    profil_dibaca[f][teks]
                    if teks in profil_dibaca[f]
                    else profil_dibaca[f].setdefault(teks, baca_profil(f, teks))
                )
                if kode is None:
                    pilihan = ", ".join(PROFIL[f].values())
                    masalah.append(
                        Masalah(
                            tabel.tempat(nomor_baris, peta[f]),
                            f"{_teks(sel[peta[f]])!r} tidak dikenal (pilihan: {pilihan})",
                        )
                    )
                else:
                    profil[f] = kode
        if "layanan" in peta:
            layanan = _teks(sel[peta["layanan"]])
            if len(layanan) > 200:
                masalah.append(
                    Masalah(tabel.tempat(nomor_baris, peta["layanan"]), "jenis layanan lebih dari 200 huruf")
                )
            profil["layanan"] = layanan[:200]
        if "tanggal" in peta:
            tanggal = _tanggal(sel[peta["tanggal"]])
            if isinstance(tanggal, str):
                masalah.append(Masalah(tabel.tempat(nomor_baris, peta["tanggal"]), tanggal))
                tanggal = None
        out.append(JawabanResponden(nomor_baris, profil, tanggal, jawaban))
    if not tabel.baris:
        masalah.append(Masalah(tabel.nama, "tidak ada baris jawaban di bawah judul kolom"))
    if masalah:
        raise ImportGagal(masalah)
    return out, peta


# ------------------------------------------------------------------------------ distribution
_KOLOM_DISTRIBUSI = {
    "jumlah": [f"jumlah_{i}" for i in range(1, 5)],
    "persen": [f"persen_{i}" for i in range(1, 5)],
}


def _kolom_jawaban(tabel: Tabel) -> tuple[list[int], str | None] | None:
    """The four answer columns and whether the headers say counts or percentages."""
    judul = [_rata(j) for j in tabel.judul]
    for jenis, nama in _KOLOM_DISTRIBUSI.items():
        if all(n in judul for n in nama):
            return [judul.index(n) for n in nama], jenis
    for nama in (["1", "2", "3", "4"], ["a", "b", "c", "d"], [_rata(j) for j in JAWABAN_UMUM]):
        if all(n in judul for n in nama):
            return [judul.index(n) for n in nama], None
    return None


def baca_distribusi(tabel: Tabel, unsur: list[UnsurKolom]) -> dict[int, Sebaran]:
    """One row per unsur: its number, then the answers 1–4 as counts or percentages.

    Headers jumlah_1…4 or persen_1…4 say which; with 1–4, a–d or Tidak Baik … Sangat Baik,
    a "%" in a cell or rows that each add up to 100 mean percentages, else counts."""
    kolom = _kolom_jawaban(tabel)
    if kolom is None:
        raise ImportGagal(
            [
                Masalah(
                    tabel.nama,
                    "kolom jawaban tidak ditemukan: beri judul jumlah_1 … jumlah_4, persen_1 … persen_4, 1 … 4, "
                    "a … d, atau Tidak Baik / Kurang Baik / Baik / Sangat Baik",
                )
            ]
        )
    idx, jenis = kolom
    nomor_unsur = {u.nomor for u in unsur}
    masalah, rows, dilihat = [], [], {}
    for nomor_baris, sel in tabel.baris:
        n = parse_angka(sel[0])
        if not isinstance(n, Decimal | int) or n != int(n) or int(n) not in nomor_unsur:
            masalah.append(Masalah(tabel.tempat(nomor_baris, 0), f"unsur {_teks(sel[0])!r} tidak ada di metode ini"))
            continue
        n = int(n)
        if n in dilihat:
            masalah.append(Masalah(tabel.tempat(nomor_baris, 0), f"unsur {n} sudah ada di baris {dilihat[n]}"))
            continue
        dilihat[n] = nomor_baris
        nilai = []
        for i in idx:
            v = parse_angka(sel[i])
            if v is None:
                masalah.append(Masalah(tabel.tempat(nomor_baris, i), "kosong; isi 0 bila tidak ada jawaban ini"))
            elif not isinstance(v, Decimal | int) or v < 0:
                masalah.append(Masalah(tabel.tempat(nomor_baris, i), f"{_teks(sel[i])!r} bukan angka 0 atau lebih"))
            else:
                nilai.append(Decimal(v))
        if len(nilai) == 4:
            rows.append((nomor_baris, n, nilai, any("%" in _teks(sel[i]) for i in idx)))
    if jenis is None and rows:
        persen = any(r[3] for r in rows) or all(abs(sum(r[2]) - 100) <= 1 for r in rows)
        jenis = "persen" if persen else "jumlah"
    out = {}
    for nomor_baris, n, nilai, _tanda in rows:
        if jenis == "persen" and any(v.as_tuple().exponent < -2 for v in nilai):
            masalah.append(Masalah(tabel.tempat(nomor_baris), "persentase paling banyak 2 angka di belakang koma"))
        elif jenis == "persen" and abs(sum(nilai) - 100) > 1:
            masalah.append(Masalah(tabel.tempat(nomor_baris), f"jumlah persentase {sum(nilai)} %, seharusnya 100 %"))
        elif jenis == "jumlah" and any(v != int(v) for v in nilai):
            masalah.append(Masalah(tabel.tempat(nomor_baris), "jumlah jawaban harus bilangan bulat"))
        elif sum(nilai) == 0:
            masalah.append(Masalah(tabel.tempat(nomor_baris), "tidak ada jawaban sama sekali"))
        else:
            out[n] = Sebaran.dari_persen(nilai) if jenis == "persen" else Sebaran.dari_jumlah([int(v) for v in nilai])
    if not tabel.baris:
        masalah.append(Masalah(tabel.nama, "tidak ada baris unsur di bawah judul kolom"))
    if masalah:
        raise ImportGagal(masalah)
    return out


# ------------------------------------------------------------------------------ storing
def unsur_metode(metode) -> list[UnsurKolom]:
    return [UnsurKolom(u.nomor, u.nama, u.teks_pertanyaan(), u.pilihan()) for u in metode.unsur.order_by("nomor")]


GANTI = "pilih “ganti isi survei” (di baris perintah: --ganti) untuk menggantinya"
"""What replaces a survey's answers, on the web and in `sakip skm`."""


def impor_berkas(
    survei,
    path,
    kolom: dict[str, str] | None = None,
    sheet: str | None = None,
    ganti: bool = False,
    pilihan: dict[int, str] | None = None,
) -> str:
    """Read a raw-answer or distribution file into the survey; returns which kind it was.

    Raw answers are added after the respondents already there (`ganti` replaces them); a
    distribution replaces the survey's distribution. A survey holds one or the other. The
    columns of raw answers are found (`kolom`) or taken as a person chose them (`pilihan`)."""
    tabel = baca_tabel(path, sheet)
    unsur = unsur_metode(survei.metode)
    jenis = jenis_berkas(tabel)
    with transaction.atomic():
        if jenis == "distribusi":
            sebaran = baca_distribusi(tabel, unsur)
            if survei.responden.exists() and not ganti:
                raise ImportGagal([Masalah(tabel.nama, f"survei ini sudah berisi jawaban per responden; {GANTI}")])
            simpan_distribusi(survei, sebaran)
        else:
            data, _peta = baca_jawaban(tabel, unsur, kolom, pilihan)
            if survei.distribusi.exists() and not ganti:
                raise ImportGagal([Masalah(tabel.nama, f"survei ini sudah berisi distribusi jawaban; {GANTI}")])
            simpan_jawaban(survei, data, ganti)
    return jenis


def simpan_jawaban(survei, data: list[JawabanResponden], ganti: bool = False) -> None:
    """Each respondent is saved on its own, so the audit trail names every one (who imported
    it, when); its answers go in bulk, as the public questionnaire stores them: one entry per
    answer would multiply the trail (and the time) by the number of unsur."""
    if ganti:
        survei.responden.all().delete()
        survei.distribusi.all().delete()
    unsur = list(survei.metode.unsur.order_by("nomor"))
    awal = survei.responden.aggregate(m=Max("nomor"))["m"] or 0
    responden = []
    for i, r in enumerate(data, start=1):
        obj = Responden(survei=survei, nomor=awal + i, tanggal=r.tanggal, **r.profil)
        obj.save()
        responden.append(obj)
    Jawaban.objects.bulk_create(
        (
            Jawaban(responden=obj, unsur=u, nilai=v)
            for obj, r in zip(responden, data, strict=True)
            for u, v in zip(unsur, r.jawaban, strict=True)
        ),
        batch_size=5000,
    )


def simpan_distribusi(survei, sebaran: dict[int, Sebaran]) -> None:
    """One row per unsur, each saved on its own (the audit trail records it)."""
    survei.responden.all().delete()
    survei.distribusi.all().delete()
    for u in survei.metode.unsur.order_by("nomor"):
        s = sebaran.get(u.nomor)
        if s is None:
            continue
        if s.jumlah_responden is None:
            nilai = {f"persen_{i}": v for i, v in enumerate(s.frekuensi, 1)}
        else:
            nilai = {f"jumlah_{i}": int(v) for i, v in enumerate(s.frekuensi, 1)}
        DistribusiJawaban(survei=survei, unsur=u, **nilai).save()
    counts = [s.jumlah_responden for s in sebaran.values() if s.jumlah_responden is not None]
    if counts:
        survei.jumlah_responden = max(counts)
        survei.save(update_fields=["jumlah_responden"])
