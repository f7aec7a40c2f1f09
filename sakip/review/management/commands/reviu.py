import json as jsonlib
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sakip.organisation.models import Instansi
from sakip.reporting.generate import render
from sakip.review.data_rules import reviu_data
from sakip.review.document_rules import reviu_dokumen
from sakip.review.models import TemuanReviu
from sakip.review.reader import ReadError, read
from sakip.review.report import Baris, build_report

LABEL = {"error": "KESALAHAN", "warning": "PERINGATAN", "info": "INFO"}


class Command(BaseCommand):
    help = (
        "Reviu LKIP: 'sakip reviu BERKAS' memeriksa dokumen (.txt, .docx, .pdf); "
        "'sakip reviu --agency SLUG --year TAHUN' memeriksa data dan menyimpan temuannya."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="LKIP yang diperiksa: .txt (tabel dipisah tab), .docx atau .pdf")
        parser.add_argument("--agency", help="slug instansi untuk reviu data, mis. kecamatan-panti")
        parser.add_argument("--year", type=int)
        parser.add_argument("--json", action="store_true", help='cetak {"findings": [...]} sebagai JSON')
        parser.add_argument("-o", "--output", help="tulis catatan hasil reviu sebagai .docx atau .pdf")

    def handle(self, file, agency, year, json, output, **options):
        out_fmt = Path(output).suffix.lower().lstrip(".") if output else None
        if output and out_fmt not in ("docx", "pdf"):
            raise CommandError("Berkas -o harus berakhiran .docx atau .pdf.")
        if bool(file) == bool(agency):
            raise CommandError("Sebutkan satu: BERKAS untuk reviu dokumen, atau --agency dan --year untuk reviu data.")
        if file:
            try:
                doc = read(file)
            except ReadError as e:
                raise CommandError(str(e)) from None
            findings = reviu_dokumen(doc)
            rows = [Baris(t.rule, t.severity, t.location, t.message, t.stated, t.expected) for t in findings]
            subject, instansi = f"Laporan Kinerja {Path(file).name}", None
        else:
            if year is None:
                raise CommandError("--year wajib untuk reviu data.")
            instansi = Instansi.objects.select_related("pemda").filter(slug=agency).first()
            if instansi is None:
                raise CommandError(f"Instansi {agency!r} tidak ada.")
            findings = reviu_data(instansi, year)
            stored = TemuanReviu.sync(instansi, year, findings)
            rows = [
                Baris(s.rule, s.severity, s.location, s.message, s.stated, s.expected, s.status, s.note) for s in stored
            ]
            subject = f"Laporan Kinerja {instansi.nama} Tahun {year}"
        if json:
            self.stdout.write(self._json({"findings": [t.as_json() for t in findings]}))
        else:
            self._text(rows)
        if output:
            document = build_report(subject, rows, instansi=instansi, tahun=year, tanggal=date.today())
            Path(output).write_bytes(render(document, out_fmt))
            self.stderr.write(f"Ditulis: {output}")

    @staticmethod
    def _json(data) -> str:
        return jsonlib.dumps(data, ensure_ascii=False, indent=2)

    def _text(self, rows: list[Baris]) -> None:
        for r in rows:
            status = "" if r.status == "open" else f" ({r.status})"
            self.stdout.write(f"[{LABEL[r.severity]}] {r.rule}{status} — {r.location}")
            self.stdout.write(f"    {r.message}")
            if r.stated or r.expected:
                self.stdout.write(f"    tertulis: {r.stated or '-'}; seharusnya: {r.expected or '-'}")
        counts = {s: sum(1 for r in rows if r.severity == s) for s in LABEL}
        self.stdout.write(
            f"{len(rows)} temuan: {counts['error']} kesalahan, {counts['warning']} peringatan, {counts['info']} info."
        )
