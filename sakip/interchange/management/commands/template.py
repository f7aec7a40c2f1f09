from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tulis buku kerja Excel kosong (dengan petunjuk dan pilihan) untuk diisi operator."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", default="sakip-template.xlsx")

    def handle(self, output, **options):
        from sakip.interchange.excel import write_template

        write_template(output)
        self.stdout.write(f"Templat ditulis ke {output}")
