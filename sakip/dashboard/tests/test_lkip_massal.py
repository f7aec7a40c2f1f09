"""The admin generates every agency's LKIP of a year as one ZIP in the background."""

import io
import time
import zipfile

import pytest
from django.db import OperationalError
from docx import Document

from sakip.dashboard.models import LkipMassal

URL = "/dasbor/kabupaten-jember/2020/lkip-massal/"


def _wait(job_pk: int, seconds: float = 180) -> LkipMassal:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            job = LkipMassal.objects.get(pk=job_pk)
        except OperationalError:  # the job's thread is writing its progress (SQLite's table lock)
            continue
        if job.status != LkipMassal.Status.BERJALAN:
            return job
        time.sleep(0.5)
    pytest.fail("the batch did not finish")


def test_admin_gets_a_zip_with_every_agency_lkip_and_sees_the_progress(personas, client, transactional_db):
    client.force_login(personas.admin)
    response = client.post(URL, {"format": "docx"})
    assert response.status_code == 302
    job = LkipMassal.objects.get()
    assert job.total == 2  # Kecamatan Panti and Kecamatan Sukorambi
    status = client.get(f"{URL}{job.pk}/")
    assert b"<progress" in status.content
    job = _wait(job.pk)
    assert job.status == "selesai" and job.selesai == 2, job.catatan
    page = client.get(f"{URL}{job.pk}/").content.decode()
    assert "Unduh ZIP" in page and "hx-trigger" not in page  # polling stops when done

    data = b"".join(client.get(f"{URL}{job.pk}/unduh/").streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        panti = Document(io.BytesIO(zf.read("lkip-kecamatan-panti-2020.docx")))
    assert "Kecamatan Panti" in "\n".join(p.text for p in panti.paragraphs)
    # Sukorambi has an empty Renstra: its LKIP is in the ZIP or the reason is stated
    assert "lkip-kecamatan-sukorambi-2020.docx" in names or "Kecamatan Sukorambi" in job.catatan


def test_only_the_admin_may_start_a_batch(personas, client):
    client.force_login(personas.reviewer)
    assert client.post(URL, {"format": "pdf"}).status_code == 403
    assert not LkipMassal.objects.exists()


def test_an_unknown_format_starts_nothing(personas, client):
    client.force_login(personas.admin)
    assert client.post(URL, {"format": "exe"}).status_code == 400
    assert not LkipMassal.objects.exists()
