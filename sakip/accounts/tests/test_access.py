"""The scope table and the role rules: who sees which rows and may do what."""

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404

from sakip.accounts.access import can, get_visible_or_404, instansi_visible, require, visible
from sakip.accounts.scopes import SCOPED_APPS, has_scope, owner, stored_owner
from sakip.measurement.models import Realisasi, SkalaPredikat
from sakip.organisation.models import Instansi
from sakip.planning.models import RPJMD, Indikator
from sakip.reporting.models import TahunKinerja
from sakip.skm.models import MetodeSKM

SCOPED_MODELS = [m for m in apps.get_models() if m._meta.app_label in SCOPED_APPS and not m._meta.auto_created]


def test_every_model_has_a_scope():
    """A new model needs a line in sakip/accounts/scopes.py (or `register` in its app's ready())."""
    assert [m._meta.label_lower for m in SCOPED_MODELS if not has_scope(m)] == []


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m._meta.label_lower)
def test_every_scope_path_is_a_real_lookup(model, personas):
    for persona in (personas.operator, personas.reviewer):
        visible(persona, model.objects.all()).count()  # a wrong path raises FieldError
    obj = model.objects.first()
    if obj is not None:
        assert owner(obj) == stored_owner(model, obj.pk)


def _slugs(rows):
    return {owner(r).instansi_id for r in rows}


def test_an_operator_sees_the_rows_of_the_own_agency_only(personas):
    panti = Instansi.objects.get(slug="kecamatan-panti")
    rows = visible(personas.operator, Realisasi.objects.all())
    assert rows.count() == Realisasi.objects.filter(indikator__renstra__instansi=panti).count() > 0
    assert _slugs(rows) == {panti.pk}
    assert list(instansi_visible(personas.operator)) == [panti]
    assert not visible(personas.operator_lain, Realisasi.objects.all()).exists()


def test_pemda_wide_roles_see_every_agency_of_their_pemda_and_no_other(personas):
    jember = {"kecamatan-panti", "kecamatan-sukorambi"}
    for persona in (personas.reviewer, personas.pimpinan, personas.admin):
        assert {i.slug for i in instansi_visible(persona)} == jember
        assert not visible(
            persona, Realisasi.objects.filter(indikator__renstra__instansi__slug="dinas-kesehatan-sukamaju")
        ).exists()


def test_a_superuser_with_a_role_sees_only_its_own_pemda(personas):
    """Django lets superusers pass `has_perm`; the role rules do not."""
    sukamaju = Instansi.objects.get(slug="dinas-kesehatan-sukamaju")
    personas.admin.is_superuser = True
    personas.admin.save()
    assert not can(personas.admin, "sakip.view", sukamaju)
    with pytest.raises(Http404):
        get_visible_or_404(personas.admin, Instansi.objects, slug="dinas-kesehatan-sukamaju")


def test_a_superuser_without_a_role_administers_every_pemda(personas):
    root = User.objects.create_superuser("root", password="x")
    assert instansi_visible(root).count() == Instansi.objects.count()
    assert can(
        root, "sakip.reopen", TahunKinerja(instansi=Instansi.objects.get(slug="dinas-kesehatan-sukamaju"), tahun=2022)
    )


def test_a_user_without_a_role_sees_nothing(personas):
    nobody = User.objects.create_user("nobody", password="x")
    assert not instansi_visible(nobody).exists()
    assert not can(nobody, "sakip.view", Instansi.objects.first())


def test_pemda_level_and_national_records_are_shared_as_far_as_they_reach(personas):
    jember_rpjmd = RPJMD.objects.filter(pemda__slug="kabupaten-jember")
    assert visible(personas.operator, RPJMD.objects.all()).count() == jember_rpjmd.count() > 0
    assert visible(personas.operator_sukamaju, RPJMD.objects.filter(pemda__slug="kabupaten-jember")).count() == 0
    national = MetodeSKM.objects.filter(pemda=None)
    assert national.exists()
    assert visible(personas.operator_sukamaju, national).count() == national.count()
    assert not can(personas.admin, "sakip.edit", national.first())  # only the system administrator
    own_scale = SkalaPredikat.objects.filter(instansi__isnull=False).first()
    if own_scale:
        assert visible(personas.admin, SkalaPredikat.objects.filter(pk=own_scale.pk)).exists() == (
            own_scale.pemda.slug == "kabupaten-jember"
        )


# persona → may edit a Panti realisasi, may edit the Jember RPJMD
EDIT = {
    "operator": (True, False),
    "kepala": (False, False),
    "reviewer": (False, False),
    "pimpinan": (False, False),
    "admin": (True, True),
    "operator_lain": (False, False),
    "operator_sukamaju": (False, False),
}


def test_only_the_own_operator_and_the_admin_pemda_edit_agency_data(personas):
    realisasi = Realisasi.objects.filter(indikator__renstra__instansi__slug="kecamatan-panti").first()
    rpjmd = RPJMD.objects.get(pemda__slug="kabupaten-jember")
    got = {
        n: (can(personas.semua[n], "sakip.edit", realisasi), can(personas.semua[n], "sakip.edit", rpjmd)) for n in EDIT
    }
    assert got == EDIT
    with pytest.raises(PermissionDenied):
        require(personas.reviewer, "sakip.edit", realisasi)


def test_owner_of_a_cascade_record_spans_its_renstra_years(personas):
    indikator = Indikator.objects.filter(renstra__instansi__slug="kecamatan-panti").first()
    o = owner(indikator)
    assert (o.tahun_awal, o.tahun_akhir) == (indikator.renstra.berlaku_mulai, indikator.renstra.tahun_akhir)
    assert 2020 in o.years()
