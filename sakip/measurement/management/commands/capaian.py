import json
import textwrap

from django.core.management.base import BaseCommand, CommandError

from sakip import formatting as fmt
from sakip.measurement.pengukuran import BarisCapaian, anggaran, pengukuran
from sakip.organisation.models import Instansi


def target_teks(b: BarisCapaian) -> str:
    t = b.target
    if t is None or t.nilai is None:
        return "-"
    value = fmt.ringkas(t.nilai) + (f"–{fmt.ringkas(t.nilai_atas)}" if t.nilai_atas is not None else "")
    return _with_unit(b, value, t.mutu)


def realisasi_teks(b: BarisCapaian) -> str:
    r = b.realisasi
    return "-" if r is None or r.nilai is None else _with_unit(b, fmt.ringkas(r.nilai), r.mutu)


def _with_unit(b, value, mutu):
    if b.indikator.satuan == "%":
        value += " %"
    return f"{mutu} ({value})" if mutu else value


def _json_number(d):
    return None if d is None else (int(d) if d == d.to_integral_value() else float(d))


class Command(BaseCommand):
    help = "Tabel pengukuran kinerja (target, realisasi, capaian, predikat) dan anggaran satu instansi-tahun."

    def add_arguments(self, parser):
        parser.add_argument("--agency", required=True, help="slug instansi, mis. kecamatan-panti")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--json", action="store_true", help="cetak sebagai JSON")

    def handle(self, agency, year, **options):
        ins = Instansi.objects.filter(slug=agency).first()
        if ins is None:
            raise CommandError(f"Instansi {agency!r} tidak ada. Jalankan 'sakip demo --no-serve' atau 'sakip import'.")
        p = pengukuran(ins, year)
        ang = anggaran(ins, year)
        if options["json"]:
            self.stdout.write(json.dumps(self.as_json(p, ang), ensure_ascii=False, indent=2))
        else:
            self.print_text(p, ang)

    def as_json(self, p, ang) -> dict:
        return {
            "instansi": p.instansi.slug,
            "tahun": p.tahun,
            "sumber_target": p.sumber_target,
            "rows": [
                {
                    "indikator": b.indikator.nama,
                    "target": _json_number(b.target.nilai if b.target else None),
                    "realisasi": _json_number(b.realisasi.nilai if b.realisasi else None),
                    "capaian": _json_number(b.capaian.dibulatkan),
                    "predikat": b.predikat,
                }
                for b in p.baris
            ],
            "anggaran": {
                "rows": [
                    {
                        "tingkat": r.tingkat,
                        "kode": r.kode,
                        "nama": r.nama,
                        "pagu": _json_number(r.pagu),
                        "realisasi": _json_number(r.realisasi),
                        "persen": _json_number(r.serapan.dibulatkan),
                    }
                    for r in ang.baris
                ],
                "total": {
                    "pagu": _json_number(ang.total_pagu),
                    "realisasi": _json_number(ang.total_realisasi),
                    "persen": _json_number(ang.total_serapan.dibulatkan),
                },
                "belanja": [
                    {
                        "jenis": r.jenis,
                        "nama": r.nama,
                        "pagu": _json_number(r.pagu),
                        "realisasi": _json_number(r.realisasi),
                        "persen": _json_number(r.serapan.dibulatkan),
                        "proporsi": _json_number(r.proporsi.dibulatkan),
                    }
                    for r in ang.belanja
                ],
                "catatan": ang.catatan,
            },
        }

    def print_text(self, p, ang):
        w = self.stdout.write
        w(f"Pengukuran kinerja {p.instansi.nama} tahun {p.tahun} (target: {p.sumber_target})")
        if p.skala:
            w("Skala: " + "; ".join(f"{r.predikat} {r.label()}" for r in p.skala.rentang))
        w("")
        head = f"{'No':>3}  {'Indikator':<50}  {'Target':>12}  {'Realisasi':>12}  {'Capaian':>9}  Predikat"
        w(head)
        w("-" * len(head))
        for i, b in enumerate(p.baris, 1):
            lines = textwrap.wrap(b.indikator.nama, 50) or [""]
            cap = fmt.persen(b.capaian.dibulatkan) if b.capaian.dapat_dihitung else "-"
            w(
                f"{i:>3}  {lines[0]:<50}  {target_teks(b):>12}  {realisasi_teks(b):>12}  {cap:>9}  "
                f"{b.predikat or b.capaian.alasan or '-'}"
            )
            for extra in lines[1:]:
                w(f"{'':>3}  {extra}")
        if not ang.baris and not ang.belanja:
            return
        w("")
        w(f"Anggaran {p.tahun}")
        head = f"{'Program/Kegiatan':<60}  {'Pagu (Rp)':>18}  {'Realisasi (Rp)':>18}  {'%':>7}"
        w(head)
        w("-" * len(head))
        for r in ang.baris:
            indent = {"program": "", "kegiatan": "  ", "sub_kegiatan": "    "}[r.tingkat]
            name = indent + textwrap.shorten(r.nama, 60 - len(indent), placeholder="…")
            w(
                f"{name:<60}  {fmt.angka(r.pagu):>18}  {fmt.angka(r.realisasi):>18}  "
                f"{fmt.angka(r.serapan.dibulatkan):>7}"
            )
        if ang.baris:
            w(
                f"{'JUMLAH (dari baris program)':<60}  {fmt.angka(ang.total_pagu):>18}  "
                f"{fmt.angka(ang.total_realisasi):>18}  {fmt.angka(ang.total_serapan.dibulatkan):>7}"
            )
        if ang.belanja:
            w("")
            w(f"{'Jenis belanja':<40}  {'Pagu (Rp)':>18}  {'Realisasi (Rp)':>18}  {'%':>7}  {'Proporsi':>8}")
            for r in ang.belanja:
                name = ("  " * r.tingkat) + r.nama
                w(
                    f"{name:<40}  {fmt.angka(r.pagu):>18}  {fmt.angka(r.realisasi):>18}  "
                    f"{fmt.angka(r.serapan.dibulatkan):>7}  {fmt.angka(r.proporsi.dibulatkan):>8}"
                )
            w(
                f"{'Jumlah':<40}  {fmt.angka(ang.total_belanja_pagu):>18}  {fmt.angka(ang.total_belanja_realisasi):>18}"
                f"  {fmt.angka(ang.total_belanja_serapan.dibulatkan):>7}"
            )
        for c in ang.catatan:
            w(f"Catatan: {c}")
