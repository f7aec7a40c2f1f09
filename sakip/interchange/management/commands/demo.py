from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sakip.interchange.errors import ImportGagal
from sakip.interchange.importer import EXAMPLES, example_path, import_file

PASSWORD = "sakip-demo-2020"

# Demo logins per role. Object-level scoping per agency arrives with the web workspace;
# until then the roles differ by what they may do in the back office.
ROLES = {
    "admin": ("Admin pemda", None),
    "operator": ("Operator Kecamatan Panti", ("view", "add", "change", "delete")),
    "kepala": ("Camat Panti (kepala instansi)", ("view", "change")),
    "reviewer": ("Reviewer Inspektorat", ("view",)),
    "pimpinan": ("Pimpinan daerah", ("view",)),
}
DATA_APPS = ("organisation", "planning", "measurement", "skm", "reporting")


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
        self.make_users()
        self.stdout.write(f"\nAkun demo (kata sandi untuk semua: {PASSWORD}):")
        for username, (label, _) in ROLES.items():
            self.stdout.write(f"  {username:<10} {label}")
        self.stdout.write("\nCoba juga (perintah sakip ada di .venv/bin/):")
        self.stdout.write("  sakip capaian --agency kecamatan-panti --year 2020")
        self.stdout.write("  sakip report --agency kecamatan-panti --year 2020 --doc lkip -o lkip-panti-2020.docx")
        if not no_serve:
            self.stdout.write(f"\nBack office: http://127.0.0.1:{port}/admin/  (Ctrl+C untuk berhenti)\n")
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True)

    @transaction.atomic
    def make_users(self):
        for username, (label, actions) in ROLES.items():
            user, _ = User.objects.get_or_create(username=username)
            user.first_name, user.is_staff = label, True
            user.is_superuser = actions is None
            user.set_password(PASSWORD)
            user.save()
            if actions:
                group, _ = Group.objects.get_or_create(name=username)
                group.permissions.set(
                    Permission.objects.filter(
                        content_type__app_label__in=DATA_APPS, codename__regex=rf"^({'|'.join(actions)})_"
                    )
                )
                user.groups.set([group])
