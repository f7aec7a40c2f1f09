"""The public transparency page shows what is approved or published, and nothing else."""

import io
import re

import pytest
from pypdf import PdfReader

from sakip.organisation.models import Instansi
from sakip.reporting.tests.support import lkip_disetujui
from sakip.skm.models import SurveiSKM

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_draft_year_shows_neither_its_lkip_nor_its_unsigned_pk(examples, client):
    text = _text(client.get("/transparansi/kecamatan-panti/"))
    assert "belum menerbitkan" in text
    assert client.get("/transparansi/kecamatan-panti/2020/lkip.pdf").status_code == 404
    assert client.get("/transparansi/kecamatan-panti/2020/pk.pdf").status_code == 404


def test_the_approved_lkip_is_served_byte_for_byte_with_its_hash(examples, client):
    pdf = b"%PDF-1.4\n% LKIP Panti 2020 disetujui\n"
    riwayat = lkip_disetujui(Instansi.objects.get(slug="kecamatan-panti"), 2020, pdf)
    text = _text(client.get("/transparansi/kecamatan-panti/"))
    assert "LKIP 2020 (PDF)" in text and riwayat.sha256 in text
    response = client.get("/transparansi/kecamatan-panti/2020/lkip.pdf")
    assert response.status_code == 200 and response.content == pdf


def test_an_approved_lkip_whose_file_changed_is_not_served(examples, client, settings):
    riwayat = lkip_disetujui(Instansi.objects.get(slug="kecamatan-panti"), 2020, b"%PDF-1.4\n% asli\n")
    with open(riwayat.berkas.path, "wb") as f:
        f.write(b"%PDF-1.4\n% diubah\n")
    assert client.get("/transparansi/kecamatan-panti/2020/lkip.pdf").status_code == 404


def test_a_reopened_year_no_longer_publishes_its_lkip(examples, client):
    lkip_disetujui(Instansi.objects.get(slug="kecamatan-panti"), 2020, b"%PDF-1.4\n% x\n", status="draft")
    assert "LKIP 2020" not in _text(client.get("/transparansi/kecamatan-panti/"))
    assert client.get("/transparansi/kecamatan-panti/2020/lkip.pdf").status_code == 404


def test_a_signed_pk_is_public_as_the_generated_pdf(examples, client):
    text = _text(client.get("/transparansi/dinas-kesehatan-sukamaju/"))
    assert "Perjanjian Kinerja Perubahan 2022 (PDF)" in text and "ditandatangani 3 Oktober 2022" in text
    response = client.get("/transparansi/dinas-kesehatan-sukamaju/2022/pk.pdf")
    assert response.status_code == 200
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "PERJANJIAN KINERJA" in pdf_text.upper() and "Sukamaju" in pdf_text


def test_only_published_skm_results_are_shown(examples, client):
    terbit = SurveiSKM.objects.get(kode="skm-pkm-karangsari-2023")
    belum = SurveiSKM.objects.get(kode="skm-puskesmas-2022")
    text = _text(client.get("/transparansi/dinas-kesehatan-sukamaju/"))
    assert terbit.judul in text
    assert belum.judul not in text
    assert "Belum ada hasil survei yang diterbitkan" in _text(client.get("/transparansi/kecamatan-panti/"))
