from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sakip.accounts.personas import PASSWORD, demo_users
from sakip.interchange.errors import ImportGagal
from sakip.interchange.importer import EXAMPLES, example_path, import_file


class Command(BaseCommand):
    help = (
        "Siapkan basis data contoh (Kecamatan Panti 2020 dan Dinas Kesehatan Sukamaju), akun demo, "
        "lalu jalankan server."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="hanya siapkan data, jangan jalankan server")

    def handle(self, port, no_serve, **options):
        call_command("migrate", verbosity=0, interactive=False)
        for name in EXAMPLES:
            try:
                pemda = import_file(example_path(name))
            except ImportGagal as e:
                raise CommandError(f"Contoh {name} tidak valid:\n{e}") from None
            self.stdout.write(f"Contoh dimuat: {pemda.nama} — " + ", ".join(i.nama for i in pemda.instansi.all()))
        with transaction.atomic():
            users = demo_users()
        self.stdout.write(f"\nAkun demo (kata sandi untuk semua: {PASSWORD}):")
        for username, user in users.items():
            self.stdout.write(f"  {username:<10} {user.peran.label}")
        self.stdout.write("\nCoba juga (perintah sakip ada di .venv/bin/):")
        self.stdout.write("  sakip capaian --agency kecamatan-panti --year 2020")
        self.stdout.write("  sakip report --agency kecamatan-panti --year 2020 --doc lkip -o lkip-panti-2020.docx")
        if not no_serve:
            self.stdout.write(
                f"\nRuang kerja: http://127.0.0.1:{port}/  (masuk dengan salah satu akun di atas; "
                f"back office untuk admin: /admin/; Ctrl+C untuk berhenti)\n"
            )
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True)
