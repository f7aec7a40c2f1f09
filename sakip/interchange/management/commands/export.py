from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sakip.interchange.exporter import dumps_json, dumps_yaml, export_dokumen
from sakip.organisation.models import Instansi, Pemda


class Command(BaseCommand):
    help = "Ekspor instansi (atau seluruh pemda) ke berkas sakip/1: .json, .yaml atau .xlsx menurut akhiran -o."

    def add_arguments(self, parser):
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--agency", help="slug instansi, mis. kecamatan-panti")
        who.add_argument("--pemda", help="slug pemda: semua instansinya")
        parser.add_argument("-o", "--output", required=True, help="berkas tujuan; '-' = JSON ke layar")

    def handle(self, agency, pemda, output, **options):
        if agency:
            ins = Instansi.objects.filter(slug=agency).select_related("pemda").first()
            if ins is None:
                raise CommandError(f"Instansi {agency!r} tidak ada.")
            pemda_obj, agencies = ins.pemda, [ins]
        else:
            pemda_obj = Pemda.objects.filter(slug=pemda).first()
            if pemda_obj is None:
                raise CommandError(f"Pemda {pemda!r} tidak ada.")
            agencies = list(pemda_obj.instansi.all())
        doc = export_dokumen(pemda_obj, agencies)
        if output == "-":
            self.stdout.write(dumps_json(doc), ending="")
            return
        path = Path(output)
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            from sakip.interchange.excel import write_workbook

            write_workbook(doc, path)
        elif suffix in (".yaml", ".yml"):
            path.write_text(dumps_yaml(doc), encoding="utf-8")
        elif suffix == ".json":
            path.write_text(dumps_json(doc), encoding="utf-8")
        else:
            raise CommandError("Akhiran berkas harus .json, .yaml atau .xlsx.")
        self.stdout.write(f"Diekspor ke {path}")
