"""The back office: every model is registered and every list and record page opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.html import escape

from sakip.organisation.models import Instansi
from sakip.reporting.models import RiwayatStatus, TahunKinerja

APPS = ("organisation", "planning", "measurement", "skm", "reporting")
MODELS = [m for m in apps.get_models() if m._meta.app_label in APPS]


def test_every_sakip_model_is_in_the_back_office():
    missing = [m.__name__ for m in MODELS if not admin.site.is_registered(m)]
    assert missing == []


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_list_and_record_pages_open_with_the_examples(model, examples, client):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    meta = model._meta
    listing = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert listing.status_code == 200
    if model in (TahunKinerja, RiwayatStatus):
        _submitted_year()
    obj = model.objects.first()
    assert obj is not None, f"the examples hold no {meta.model_name}"
    page = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))
    assert page.status_code == 200
    assert escape(str(obj)[:20].split("\n")[0]) in page.content.decode()


def _submitted_year():
    """The examples hold no workflow; one submitted agency-year gives its pages a record."""
    tk = TahunKinerja.objects.create(instansi=Instansi.objects.first(), tahun=2020, status="diajukan")
    RiwayatStatus.objects.create(
        tahun_kinerja=tk, aksi="ajukan", status_awal="draft", status_akhir="diajukan", nama="uji"
    )
