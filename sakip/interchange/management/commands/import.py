from django.core.management.base import BaseCommand, CommandError

from sakip.interchange.errors import ImportGagal
from sakip.interchange.importer import import_file


class Command(BaseCommand):
    help = "Impor satu pemda dan instansinya dari berkas sakip/1 (.json, .yaml, .xlsx); semua atau tidak sama sekali."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        try:
            pemda = import_file(file)
        except ImportGagal as e:
            for m in e.masalah:
                self.stderr.write(str(m))
            raise CommandError(f"{len(e.masalah)} masalah ditemukan; tidak ada data yang disimpan.") from None
        agencies = ", ".join(pemda.instansi.order_by("slug").values_list("slug", flat=True))
        self.stdout.write(f"Diimpor: {pemda.nama} ({agencies})")
