"""The back office (/admin/) scoped like the workspace: the admin pemda of Kabupaten Jember sees,
changes and links only Jember's records and users; the installation administrator sees all."""

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db.models.fields.files import FieldFile
from django.forms import MultiWidget
from django.urls import reverse

from sakip.accounts.admin_scope import ScopedAdmin, SystemAdminOnly
from sakip.accounts.models import Peran
from sakip.accounts.scopes import has_scope, owner
from sakip.measurement.models import Belanja
from sakip.organisation.models import Instansi, Pejabat, Pemda
from sakip.reporting.models import RiwayatStatus, TahunKinerja
from sakip.review.models import TemuanReviu
from sakip.skm.models import MetodeSKM
from sakip.tests.browser import login

REGISTRY = list(admin.site._registry.items())


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def dua_pemda(personas):
    """The personas, plus a workflow record, a status step and a review finding in each pemda
    (the examples hold none), and an installation administrator `root`."""
    for instansi in Instansi.objects.all():
        tk = TahunKinerja.objects.create(instansi=instansi, tahun=2022, status="diajukan")
        RiwayatStatus.objects.create(
            tahun_kinerja=tk, aksi="ajukan", status_awal="draft", status_akhir="diajukan", nama="uji"
        )
        TemuanReviu.objects.create(
            instansi=instansi, tahun=2022, key="k", rule="uji", severity="info", location="-", message="uji"
        )
    personas.root = User.objects.create_superuser("root", password="x")
    personas.jember = Pemda.objects.get(slug="kabupaten-jember")
    personas.sukamaju = Pemda.objects.get(slug="kabupaten-sukamaju")
    return personas


@pytest.fixture
def admin_jember(client, dua_pemda):
    client.force_login(dua_pemda.admin)
    return client


def _form_data(response) -> dict:
    """What the browser sends back from an admin change page, unchanged (main form and inlines)."""
    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if value is None or value is False or isinstance(value, FieldFile):
                continue
            widget = field.field.widget
            if isinstance(widget, MultiWidget):  # e.g. a date and a time
                data.update(
                    zip([field.html_name + n for n in widget.widgets_names], widget.decompress(value), strict=True)
                )
            else:
                data[field.html_name] = [str(v) for v in value] if isinstance(value, list | tuple) else value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        for form in inline.formset.forms:
            add(form)
    return data


def test_every_admin_and_inline_goes_through_the_rules():
    for model, model_admin in REGISTRY:
        assert isinstance(model_admin, ScopedAdmin | SystemAdminOnly), model._meta.label
        assert isinstance(model_admin, ScopedAdmin) == (has_scope(model) or model in (User, LogEntry))
        for inline in model_admin.inlines:
            assert issubclass(inline, ScopedAdmin), inline.__name__


@pytest.mark.parametrize("model", [m for m, _ in REGISTRY if has_scope(m)], ids=lambda m: m._meta.label_lower)
def test_the_admin_pemda_lists_and_opens_only_its_own_pemda_records(model, dua_pemda, client):
    records = list(model.objects.all())
    sukamaju = [o for o in records if owner(o).pemda_id == dua_pemda.sukamaju.pk]
    assert sukamaju, f"no {model._meta.label} of Sukamaju to test with"

    client.force_login(dua_pemda.admin)
    listing = client.get(_url(model, "changelist"))
    assert listing.status_code == 200
    shown = set(listing.context["cl"].queryset.values_list("pk", flat=True))
    assert shown == {o.pk for o in records if owner(o).pemda_id != dua_pemda.sukamaju.pk}
    assert "Sukamaju" not in listing.content.decode()
    own = next((o for o in records if owner(o).pemda_id == dua_pemda.jember.pk), None)
    if own is not None:  # SubKegiatan, RencanaAksi and the SKM answers of the examples are Sukamaju's only
        assert client.get(_url(model, "change", own.pk)).status_code == 200

    refused = client.get(_url(model, "change", sukamaju[0].pk))
    assert (refused.status_code, refused.url) == (302, reverse("admin:index"))  # as for a deleted record
    assert client.get(_url(model, "history", sukamaju[0].pk)).status_code == 302
    assert client.post(_url(model, "delete", sukamaju[0].pk), {"post": "yes"}).status_code in (302, 403)
    assert model.objects.filter(pk=sukamaju[0].pk).exists()

    client.force_login(dua_pemda.root)
    assert client.get(_url(model, "changelist")).context["cl"].queryset.count() == len(records)
    assert client.get(_url(model, "change", sukamaju[0].pk)).status_code == 200


@pytest.mark.parametrize("model", [m for m, a in REGISTRY if isinstance(a, SystemAdminOnly)], ids=str)
def test_groups_and_login_records_are_for_the_system_administrator_only(model, dua_pemda, client):
    client.force_login(dua_pemda.admin)
    assert client.get(_url(model, "changelist")).status_code == 403
    client.force_login(dua_pemda.root)
    assert client.get(_url(model, "changelist")).status_code == 200


def test_the_demo_admin_is_staff_not_superuser_and_works_in_the_back_office(admin_jember, dua_pemda):
    assert dua_pemda.admin.is_staff and not dua_pemda.admin.is_superuser
    index = admin_jember.get(reverse("admin:index")).content.decode()
    assert _url(Instansi, "changelist") in index and _url(User, "changelist") in index
    assert _url(Pemda, "add") not in index  # a new pemda is the installation's business
    assert _url(Group, "changelist") not in index and reverse("admin:app_list", args=["axes"]) not in index


def test_the_operator_who_is_not_staff_cannot_enter_the_back_office(operator):
    response = operator.get(reverse("admin:index"))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    "model, field, ke",
    [
        (Belanja, "instansi", lambda p: Instansi.objects.get(pemda=p.sukamaju).pk),
        (Pejabat, "pemda", lambda p: p.sukamaju.pk),
        (Instansi, "pemda", lambda p: p.sukamaju.pk),  # a change page with inlines
    ],
    ids=["belanja-instansi", "pejabat-pemda", "instansi-pemda"],
)
def test_a_post_that_moves_a_jember_record_to_sukamaju_is_refused(model, field, ke, admin_jember, dua_pemda):
    obj = next(o for o in model.objects.all() if owner(o).pemda_id == dua_pemda.jember.pk)
    page = admin_jember.get(_url(model, "change", obj.pk))
    data = _form_data(page)
    assert admin_jember.post(_url(model, "change", obj.pk), data).status_code == 302  # unchanged: saved

    response = admin_jember.post(_url(model, "change", obj.pk), {**data, field: ke(dua_pemda)})
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    obj.refresh_from_db()
    assert owner(obj).pemda_id == dua_pemda.jember.pk


def test_a_record_of_no_pemda_is_refused_with_a_message(admin_jember, dua_pemda):
    """The rule is tested on the record as it will be stored: a method without a pemda is national."""
    before = MetodeSKM.objects.count()
    data = {
        "kode": "uji",
        "nama": "Metode uji",
        "acuan": MetodeSKM().acuan,
        "unsur-TOTAL_FORMS": 0,
        "unsur-INITIAL_FORMS": 0,
    }
    response = admin_jember.post(_url(MetodeSKM, "add"), data)
    assert response.status_code == 200, response.context["adminform"].form.errors
    assert "hanya boleh menyimpan data milik Kabupaten Jember" in response.content.decode(), response.context["errors"]
    assert MetodeSKM.objects.count() == before
    admin_jember.post(_url(MetodeSKM, "add"), {**data, "pemda": dua_pemda.jember.pk})
    assert MetodeSKM.objects.get(kode="uji").pemda == dua_pemda.jember


def test_the_admin_pemda_manages_only_the_users_of_its_pemda(admin_jember, dua_pemda):
    dua_pemda.kepala.is_superuser = True  # a superuser, even with a role here, is the installation's
    dua_pemda.kepala.save()
    listing = admin_jember.get(_url(User, "changelist"))
    assert {u.username for u in listing.context["cl"].queryset} == {
        "admin",
        "operator",
        "reviewer",
        "pimpinan",
        "operator_lain",
    }
    for other in (dua_pemda.operator_sukamaju, dua_pemda.kepala, dua_pemda.root):
        assert admin_jember.get(_url(User, "change", other.pk)).status_code == 302
    roles = admin_jember.get(_url(Peran, "changelist")).context["cl"].queryset
    assert {p.pemda for p in roles} == {dua_pemda.jember} and dua_pemda.kepala.peran not in roles

    admin_jember.force_login(dua_pemda.root)
    everyone = admin_jember.get(_url(User, "changelist")).context["cl"].queryset
    assert {"operator_sukamaju", "kepala", "root", "admin"} <= {u.username for u in everyone}


def _new_user(pemda, instansi, **extra):
    return {
        "username": "operator_baru",
        "password1": "kata-sandi-baru-2020",
        "password2": "kata-sandi-baru-2020",
        "usable_password": "true",
        "peran-TOTAL_FORMS": 1,
        "peran-INITIAL_FORMS": 0,
        "peran-0-jenis": "operator",
        "peran-0-pemda": pemda.pk,
        "peran-0-instansi": instansi.pk,
        **extra,
    }


def test_the_admin_pemda_creates_users_with_a_role_in_its_own_pemda_only(admin_jember, dua_pemda):
    dinkes = Instansi.objects.get(pemda=dua_pemda.sukamaju)
    refused = admin_jember.post(_url(User, "add"), _new_user(dua_pemda.sukamaju, dinkes))
    assert refused.status_code == 200 and not User.objects.filter(username="operator_baru").exists()
    without_role = {k: v for k, v in _new_user(dua_pemda.jember, dinkes).items() if not k.startswith("peran-0")}
    assert admin_jember.post(_url(User, "add"), without_role).status_code == 200
    assert not User.objects.filter(username="operator_baru").exists()

    panti = Instansi.objects.get(slug="kecamatan-panti")
    created = admin_jember.post(_url(User, "add"), _new_user(dua_pemda.jember, panti, is_superuser="on"))
    baru = User.objects.get(username="operator_baru")
    assert created.url == _url(User, "change", baru.pk)
    assert (baru.peran.pemda, baru.peran.instansi, baru.is_superuser) == (dua_pemda.jember, panti, False)

    page = admin_jember.get(created.url)
    assert "is_superuser" not in page.context["adminform"].form.fields
    assert list(page.context["inline_admin_formsets"][0].formset.forms[0].fields["pemda"].queryset) == [
        dua_pemda.jember
    ]
    saved = admin_jember.post(created.url, {**_form_data(page), "is_superuser": "on", "is_staff": "on"})
    assert saved.status_code == 302, saved.context["errors"]
    baru.refresh_from_db()
    assert (baru.is_staff, baru.is_superuser) == (True, False)


def test_choices_offer_only_the_own_pemda(admin_jember, dua_pemda):
    page = admin_jember.get(_url(Belanja, "add"))
    assert {i.pemda for i in page.context["adminform"].form.fields["instansi"].queryset} == {dua_pemda.jember}
    metode = admin_jember.get(_url(MetodeSKM, "add")).context["adminform"].form.fields["pemda"].queryset
    assert list(metode) == [dua_pemda.jember]


def test_an_approved_year_refuses_changes_in_the_back_office_with_a_message(admin_jember, dua_pemda):
    panti = Instansi.objects.get(slug="kecamatan-panti")
    TahunKinerja.objects.create(instansi=panti, tahun=2020, status="disetujui")
    belanja = Belanja.objects.filter(instansi=panti, tahun=2020).first()
    data = _form_data(admin_jember.get(_url(Belanja, "change", belanja.pk)))

    response = admin_jember.post(_url(Belanja, "change", belanja.pk), {**data, "pagu": "1"})
    assert response.status_code == 200
    assert "sudah disetujui dan dibekukan" in response.content.decode()
    deleted = admin_jember.post(_url(Belanja, "delete", belanja.pk), {"post": "yes"}, follow=True)
    assert deleted.status_code == 200
    assert "sudah disetujui dan dibekukan" in deleted.content.decode()
    assert Belanja.objects.get(pk=belanja.pk).pagu == belanja.pagu


def test_the_audit_trail_shows_the_admin_pemda_the_entries_of_its_pemda(admin_jember, dua_pemda):
    pejabat = {p.pemda: p for p in Pejabat.objects.all()}
    for p in pejabat.values():
        p.nama += " (ubah)"
        p.save()
    shown = admin_jember.get(_url(LogEntry, "changelist")).context["cl"].queryset
    assert shown.exists() and {e.additional_data["pemda"] for e in shown} == {dua_pemda.jember.pk}
    assert "Sukamaju" not in admin_jember.get(_url(LogEntry, "changelist")).content.decode()


def test_the_demo_admin_adds_an_operator_in_the_back_office_of_a_browser(
    page, personas, transactional_db, shots, csp_violations
):
    login(page, "admin")
    page.goto(reverse("admin:index"))
    shots(page, "admin-01-indeks")
    page.goto(_url(Instansi, "changelist"))
    assert page.get_by_role("link", name="Kecamatan Panti").is_visible()
    assert page.get_by_text("Sukamaju").count() == 0
    shots(page, "admin-02-instansi")

    page.goto(_url(User, "add"))
    page.get_by_label("Nama pengguna").fill("operator_baru")
    page.locator("#id_password1").fill("kata-sandi-baru-2020")
    page.locator("#id_password2").fill("kata-sandi-baru-2020")
    page.locator("#id_peran-0-jenis").select_option("operator")
    page.locator("#id_peran-0-pemda").select_option(label="Kabupaten Jember")
    page.locator("#id_peran-0-instansi").select_option(label="Kecamatan Panti")
    shots(page, "admin-03-pengguna-baru")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_url(f"**{_url(User, 'change', User.objects.get(username='operator_baru').pk)}")
    assert page.locator("#id_is_superuser").count() == 0
    shots(page, "admin-04-pengguna-tersimpan")

    page.goto(_url(MetodeSKM, "add"))
    page.locator("#id_kode").fill("uji")
    page.locator("#id_nama").fill("Metode uji tanpa pemda")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.get_by_text("hanya boleh menyimpan data milik Kabupaten Jember").wait_for()
    shots(page, "admin-05-metode-ditolak")
    assert csp_violations == []
