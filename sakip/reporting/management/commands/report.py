from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sakip.organisation.models import Instansi
from sakip.reporting.generate import DOCUMENTS, FORMATS, dokumen, render


class Command(BaseCommand):
    help = "Buat dokumen SAKIP (LKIP, PK, IKU, Renstra, RKT) sebagai DOCX, PDF atau HTML."

    def add_arguments(self, parser):
        parser.add_argument("--agency", required=True, help="slug instansi, mis. kecamatan-panti")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--doc", choices=list(DOCUMENTS), default="lkip")
        parser.add_argument("--format", choices=FORMATS, default=None, help="bawaan: menurut akhiran -o")
        parser.add_argument("-o", "--output", required=True)
        parser.add_argument("--strict", action="store_true", help="gagal bila ada data yang belum diisi")

    def handle(self, agency, year, doc, format, output, strict, **options):
        ins = Instansi.objects.select_related("pemda", "kepala").filter(slug=agency).first()
        if ins is None:
            raise CommandError(f"Instansi {agency!r} tidak ada.")
        path = Path(output)
        fmt = format or path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise CommandError("Format harus docx, pdf atau html (pakai --format atau akhiran berkas).")
        document = dokumen(ins, year, doc)
        path.write_bytes(render(document, fmt))
        self.stdout.write(f"Ditulis: {path} ({path.stat().st_size // 1024} KiB)")
        if document.missing:
            self.stderr.write(f"Belum lengkap ({len(document.missing)}), ditandai dalam dokumen:")
            for m in document.missing:
                self.stderr.write(f"  - {m}")
            if strict:
                raise CommandError("Data belum lengkap (--strict).")
