"""Users with a role, created one way for the demo logins and the test personas."""

from django.contrib.auth.models import User

from sakip.organisation.models import Instansi, Pemda

from .models import Peran

PASSWORD = "sakip-demo-2020"
J = Peran.Jenis

# username → (name shown, role, pemda slug, instansi slug or None)
DEMO = {
    "admin": ("Admin Bagian Organisasi", J.ADMIN, "kabupaten-jember", None),
    "operator": ("Operator Kecamatan Panti", J.OPERATOR, "kabupaten-jember", "kecamatan-panti"),
    "kepala": ("Camat Panti", J.KEPALA, "kabupaten-jember", "kecamatan-panti"),
    "reviewer": ("Reviewer Inspektorat", J.REVIEWER, "kabupaten-jember", None),
    "pimpinan": ("Sekretaris Daerah", J.PIMPINAN, "kabupaten-jember", None),
}


def beri_peran(username: str, nama: str, jenis: str, pemda: Pemda, instansi: Instansi | None = None) -> User:
    """Create or reset a login with one role. Only the admin pemda gets the back office (/admin/):
    staff, never a superuser, so the back office shows it its own pemda (sakip/accounts/admin_scope.py)."""
    user, _ = User.objects.get_or_create(username=username)
    user.first_name = nama
    user.is_staff = jenis == J.ADMIN
    user.is_superuser = False
    user.set_password(PASSWORD)
    user.save()
    user.groups.clear()
    Peran.objects.update_or_create(user=user, defaults={"jenis": jenis, "pemda": pemda, "instansi": instansi})
    return user


def demo_users() -> dict[str, User]:
    return {
        username: beri_peran(
            username,
            nama,
            jenis,
            Pemda.objects.get(slug=pemda),
            Instansi.objects.get(slug=instansi) if instansi else None,
        )
        for username, (nama, jenis, pemda, instansi) in DEMO.items()
    }
