"""The agency and agency-year pages: what each role sees, the downloads, the approved LKIP."""

import io

import docx
import pytest
from django.core.management import call_command
from pypdf import PdfReader

from sakip.accounts.models import Peran
from sakip.accounts.personas import PASSWORD
from sakip.measurement.models import Realisasi
from sakip.organisation.models import Instansi
from sakip.reporting import workflow
from sakip.reporting.models import TahunKinerja

PANTI = "/instansi/kecamatan-panti/2020/"


def _page(client, user, url=PANTI):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_landing_page_lists_the_agencies_the_user_may_see(personas, client):
    assert "Kecamatan Panti" in _page(client, personas.operator, "/")
    assert "Kecamatan Sukorambi" not in _page(client, personas.operator, "/")
    reviewer = _page(client, personas.reviewer, "/")
    assert "Kecamatan Panti" in reviewer and "Kecamatan Sukorambi" in reviewer and "Sukamaju" not in reviewer


@pytest.mark.parametrize(
    ("persona", "buttons"),
    [
        ("operator", []),
        ("kepala", ["Ajukan untuk direviu"]),
        ("reviewer", []),
        ("pimpinan", []),
        ("admin", []),
    ],
)
def test_the_year_page_offers_exactly_the_steps_the_role_may_take(persona, buttons, personas, client):
    page = _page(client, personas.semua[persona])
    offered = [label for label in [str(a.label) for a in workflow.AKSI.values()] if f">{label}</button>" in page]
    assert offered == buttons
    assert ("Tidak ada tindakan untuk peran Anda" in page) == (not buttons)


def test_the_reviewer_gets_the_review_steps_once_submitted(personas, client):
    workflow.jalankan(personas.kepala, Instansi.objects.get(slug="kecamatan-panti"), 2020, "ajukan")
    page = _page(client, personas.reviewer)
    for label in ("Simpan catatan reviu", "Kembalikan untuk perbaikan", "Nyatakan telah direviu"):
        assert f">{label}</button>" in page
    assert "Camat Panti — Kepala instansi" in page  # in the status history


def test_a_step_from_the_page_reports_its_outcome(personas, client):
    client.force_login(personas.kepala)
    response = client.post(PANTI + "alur/ajukan/", {"catatan": "Data lengkap."}, follow=True)
    page = response.content.decode()
    assert "Status tahun 2020 sekarang Diajukan" in page and "Data lengkap." in page
    response = client.post(PANTI + "alur/ajukan/", follow=True)
    assert "tidak dapat dilakukan: status tahun 2020 sekarang Diajukan" in response.content.decode()


def test_the_stage_navigation_shows_the_whole_cycle(personas, client):
    page = _page(client, personas.operator)
    for stage in ("Perencanaan", "Pengukuran", "Pelaporan", "Reviu"):
        assert f'<span class="tahap">{stage}</span>' in page
    assert 'href="/instansi/kecamatan-panti/2020/#perencanaan"' in page


def test_the_audit_of_the_year_loads_as_a_fragment_or_as_a_page(personas, client):
    workflow.jalankan(personas.kepala, Instansi.objects.get(slug="kecamatan-panti"), 2020, "ajukan")
    client.force_login(personas.reviewer)
    fragment = client.get(PANTI + "jejak/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and "Status tahun kinerja" in fragment and "Diajukan" in fragment
    page = client.get(PANTI + "jejak/").content.decode()
    assert "<html" in page and "Jejak audit tahun 2020" in page


@pytest.mark.parametrize("jenis", ["renstra", "rkt", "pk", "iku", "lkip"])
def test_every_document_downloads_as_word_from_the_current_data(jenis, personas, client):
    client.force_login(personas.pimpinan)
    response = client.get(f"{PANTI}unduh/{jenis}.docx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == f'attachment; filename="{jenis}-kecamatan-panti-2020.docx"'
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "PANTI" in text.upper()


@pytest.mark.parametrize("jenis", ["pk", "iku"])
def test_documents_download_as_pdf(jenis, personas, client):
    client.force_login(personas.operator)
    response = client.get(f"{PANTI}unduh/{jenis}.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "PANTI" in text.upper()


def test_the_approved_lkip_is_served_exactly_and_a_changed_file_is_refused(personas, client):
    panti = Instansi.objects.get(slug="kecamatan-panti")
    TahunKinerja.objects.create(instansi=panti, tahun=2020, status=TahunKinerja.Status.DIREVIU)
    approved = workflow.jalankan(personas.kepala, panti, 2020, "setujui")
    stored = approved.berkas.read()
    client.force_login(personas.reviewer)
    page = client.get(PANTI).content.decode()
    assert approved.sha256 in page and "Unduh LKIP yang disetujui" in page
    response = client.get(f"{PANTI}lkip-disetujui/{approved.pk}/")
    assert response["Content-Type"] == "application/pdf" and response.content == stored

    with open(approved.berkas.path, "ab") as f:
        f.write(b"%% diubah")
    refused = client.get(f"{PANTI}lkip-disetujui/{approved.pk}/")
    assert refused.status_code == 409 and "sidik SHA-256 tidak cocok" in refused.content.decode()


def test_the_demo_gives_every_login_its_role(db, client):
    call_command("demo", "--no-serve", stdout=io.StringIO())
    roles = {
        p.user.username: (p.jenis, p.pemda.slug, p.instansi.slug if p.instansi else None) for p in Peran.objects.all()
    }
    assert roles == {
        "admin": ("admin", "kabupaten-jember", None),
        "operator": ("operator", "kabupaten-jember", "kecamatan-panti"),
        "kepala": ("kepala", "kabupaten-jember", "kecamatan-panti"),
        "reviewer": ("reviewer", "kabupaten-jember", None),
        "pimpinan": ("pimpinan", "kabupaten-jember", None),
    }
    response = client.post("/masuk/", {"username": "operator", "password": PASSWORD}, follow=True)
    assert "Operator instansi — Kecamatan Panti" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # the back office is the admin's only


def test_the_agency_page_shows_which_years_hold_realisasi(personas, client):
    page = _page(client, personas.kepala, "/instansi/kecamatan-panti/")
    rows = {y: page.split(f">{y}</a>", 1)[1].split("</tr>", 1)[0] for y in (2016, 2020, 2021) if f">{y}</a>" in page}
    assert set(rows) == {2016, 2020, 2021}
    count = Realisasi.objects.filter(indikator__renstra__instansi__slug="kecamatan-panti", tahun=2020).count()
    assert f'<td class="angka">{count}</td>' in rows[2020] and "belum ada" in rows[2016]
