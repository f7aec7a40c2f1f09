"""`sakip skm`: compute an SKM from a file, import a file into a survey, write the SKM report."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sakip import formatting as fmt
from sakip.calc.skm import ACUAN, Sebaran, hitung_jawaban, hitung_survei
from sakip.interchange.errors import ImportGagal
from sakip.reporting.generate import render
from sakip.skm.impor import (
    UnsurKolom,
    baca_distribusi,
    baca_jawaban,
    baca_tabel,
    impor_berkas,
    jenis_berkas,
)
from sakip.skm.kalimat import kalimat_skm
from sakip.skm.models import SurveiSKM


def _kolom(values: list[str]) -> dict[str, str]:
    out = {}
    for v in values:
        target, sep, kolom = v.partition("=")
        if not sep or not target.strip() or not kolom.strip():
            raise CommandError(f'--kolom {v!r}: tulis TUJUAN=KOLOM, mis. U1="Persyaratan" atau jenis_kelamin=C')
        out[target.strip()] = kolom.strip()
    return out


class Command(BaseCommand):
    help = (
        "Hitung SKM (NRR per unsur, IKM, mutu) dari berkas jawaban per responden atau distribusi jawaban, "
        "impor berkas itu ke survei (--agency, --survey), atau tulis laporan SKM (-o)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            help="CSV/XLSX: jawaban per responden (mis. ekspor Google Forms) atau distribusi per unsur",
        )
        parser.add_argument("--method", help=f"metode peraturan: {' | '.join(ACUAN)} (tanpa --survey wajib diisi)")
        parser.add_argument("--population", type=int, help="populasi penerima layanan (ukuran sampel Krejcie–Morgan)")
        parser.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")
        parser.add_argument(
            "--bobot-dibulatkan", action="store_true", help="bobot seperti dicetak peraturan (0,11) alih-alih 1/n"
        )
        parser.add_argument(
            "--kolom",
            action="append",
            default=[],
            metavar="TUJUAN=KOLOM",
            help='pemetaan kolom: U1="judul kolom", U2=D, jenis_kelamin=3 … (bisa berulang)',
        )
        parser.add_argument("--sheet", help="nama sheet XLSX (bawaan: sheet pertama)")
        parser.add_argument("--agency", help="slug instansi survei")
        parser.add_argument("--survey", help="kode survei: FILE diimpor ke survei ini (semua atau tidak sama sekali)")
        parser.add_argument("--ganti", action="store_true", help="ganti jawaban yang sudah ada di survei")
        parser.add_argument("--realisasi", action="store_true", help="isi realisasi indikator SKM dengan hasil survei")
        parser.add_argument("-o", "--output", help="tulis laporan SKM (.docx atau .pdf) survei ini")

    def handle(self, file, method, population, **o):
        if method is not None and method not in ACUAN and not o["survey"]:
            raise CommandError(f"--method harus salah satu dari: {', '.join(ACUAN)}")
        if population is not None and population < 1:
            raise CommandError("--population harus bilangan bulat positif.")
        kolom = _kolom(o["kolom"])
        try:
            if o["survey"] or o["agency"]:
                hasil, judul = self.survei(file, method, population, kolom, o)
            elif file:
                if method is None:
                    raise CommandError("Sebutkan --method (atau --agency dan --survey untuk survei yang tersimpan).")
                hasil, judul = self.berkas(file, method, population, kolom, o), Path(file).name
            else:
                raise CommandError("Sebutkan FILE, atau --agency dan --survey.")
        except ImportGagal as e:
            for m in e.masalah:
                self.stderr.write(str(m))
            raise CommandError(f"{len(e.masalah)} masalah ditemukan; tidak ada data yang disimpan.") from None
        if o["json"]:
            self.stdout.write(json.dumps({"judul": judul, **hasil.sebagai_dict()}, ensure_ascii=False, indent=2))
        else:
            self.cetak(hasil, judul)

    def berkas(self, file, method, population, kolom, o):
        """Compute a file without a database: the regulation's unsur and wording."""
        aturan = ACUAN[method]
        unsur = [UnsurKolom(i, u.nama, u.pertanyaan, u.jawaban) for i, u in enumerate(aturan.unsur, start=1)]
        tabel = baca_tabel(file, o["sheet"])
        if jenis_berkas(tabel) == "distribusi":
            sebaran = baca_distribusi(tabel, unsur)
        else:
            data, _peta = baca_jawaban(tabel, unsur, kolom)
            counts = hitung_jawaban((r.jawaban for r in data), len(unsur))
            sebaran = {u.nomor: Sebaran.dari_jumlah(c) for u, c in zip(unsur, counts, strict=True)}
        return hitung_survei(
            aturan,
            [(u.nomor, u.nama, sebaran.get(u.nomor)) for u in unsur],
            bobot_dibulatkan=o["bobot_dibulatkan"],
            populasi=population,
        )

    def survei(self, file, method, population, kolom, o):
        if not (o["agency"] and o["survey"]):
            raise CommandError("--agency dan --survey dipakai bersama.")
        survei = (
            SurveiSKM.objects.select_related("instansi__pemda", "metode", "unit")
            .filter(instansi__slug=o["agency"], kode=o["survey"])
            .first()
        )
        if survei is None:
            raise CommandError(f"Survei {o['survey']!r} milik instansi {o['agency']!r} tidak ada.")
        if method and method not in (survei.metode.kode, survei.metode.acuan):
            raise CommandError(f"Survei ini memakai metode {survei.metode.kode!r}, bukan {method!r}.")
        try:
            with transaction.atomic():
                ubah = {"populasi": population} if population is not None else {}
                if o["bobot_dibulatkan"]:
                    ubah["bobot_dibulatkan"] = True
                if ubah:  # saved, not update()d: the audit trail and the frozen-year check see it
                    for name, value in ubah.items():
                        setattr(survei, name, value)
                    survei.save(update_fields=list(ubah))
                if file:
                    jenis = impor_berkas(survei, file, kolom, o["sheet"], o["ganti"])
                    self.stderr.write(
                        f"Diimpor ke survei {survei.kode}: "
                        f"{'distribusi jawaban' if jenis == 'distribusi' else 'jawaban per responden'}."
                    )
                if o["realisasi"]:
                    r = survei.isi_realisasi()
                    self.stderr.write(f"Realisasi {r.indikator.nama} {r.tahun}: {fmt.nilai(r.nilai, mutu=r.mutu)}.")
        except ValidationError as e:  # no answers or indicator yet, or the year is approved (frozen)
            raise CommandError(" ".join(e.messages)) from None
        if o["output"]:
            self.laporan(survei, o["output"])
        return survei.hasil(), survei.judul

    def laporan(self, survei, output):
        from sakip.skm.laporan import build_laporan_skm

        path = Path(output)
        jenis = path.suffix.lower().lstrip(".")
        if jenis not in ("docx", "pdf"):
            raise CommandError("Laporan SKM ditulis sebagai .docx atau .pdf.")
        doc = build_laporan_skm(survei)
        path.write_bytes(render(doc, jenis))
        self.stderr.write(f"Ditulis: {path} ({path.stat().st_size // 1024} KiB)")
        for m in doc.missing:
            self.stderr.write(f"  belum diisi: {m}")

    def cetak(self, h, judul):
        w = max([len(u.nama) for u in h.unsur] + [5])
        self.stdout.write(judul)
        self.stdout.write(f"Metode: {h.acuan.nama}")
        self.stdout.write(
            f"{'No':>3}  {'Unsur':<{w}}  {'a':>6} {'b':>6} {'c':>6} {'d':>6}  {'NRR':>5}  {'Nilai':>6}  Mutu"
        )
        for u in h.unsur:
            if u.sebaran is None:
                sel = ["-"] * 4
            elif u.sebaran.jumlah_responden is not None:
                sel = [str(int(f)) for f in u.sebaran.frekuensi]
            else:
                sel = [fmt.angka(p, 1) + "%" for p in u.sebaran.persen]
            tanda = " *" if u.di_bawah_rerata else ""
            self.stdout.write(
                f"{u.nomor:>3}  {u.nama:<{w}}  {sel[0]:>6} {sel[1]:>6} {sel[2]:>6} {sel[3]:>6}  "
                f"{fmt.angka(u.nrr):>5}  {fmt.angka(u.nik):>6}  {u.mutu.huruf if u.mutu else '-'}{tanda}"
            )
        self.stdout.write("(* di bawah rata-rata)")
        for kalimat in kalimat_skm(h):
            self.stdout.write(kalimat)
