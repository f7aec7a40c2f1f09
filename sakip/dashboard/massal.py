"""Generate every agency's LKIP of a pemda-year into one ZIP, in a background thread.

The thread writes its progress to the job row (the page polls it with HTMX), so any gunicorn
worker can answer the poll. A worker restarted mid-batch leaves the job `berjalan`; start a new one."""

import tempfile
import threading
import time
import zipfile

from django.core.files import File
from django.db import OperationalError, connections, transaction

from sakip.organisation.models import Instansi

from .models import LkipMassal


def mulai(pemda, tahun: int, fmt: str, user) -> LkipMassal:
    daftar = list(Instansi.objects.filter(pemda=pemda).order_by("nama").values_list("pk", flat=True))
    job = LkipMassal.objects.create(pemda=pemda, tahun=tahun, format=fmt, oleh=user, total=len(daftar))
    thread = threading.Thread(target=_jalankan, args=(job.pk, daftar), daemon=True, name=f"lkip-massal-{job.pk}")
    transaction.on_commit(thread.start)  # the thread's own connection sees the job once committed
    return job


def _catat(job_pk: int, **fields) -> None:
    """Write the job's progress; SQLite answers "table is locked" when a reader (the page
    polling the progress) holds it at that moment, so try again for a few seconds."""
    for _ in range(50):
        try:
            LkipMassal.objects.filter(pk=job_pk).update(**fields)
            return
        except OperationalError as e:
            if "locked" not in str(e):
                raise
            time.sleep(0.1)
    LkipMassal.objects.filter(pk=job_pk).update(**fields)


def _jalankan(job_pk: int, daftar: list[int]) -> None:
    from sakip.reporting.generate import dokumen, render

    job = LkipMassal.objects.get(pk=job_pk)
    gagal = []
    try:
        with tempfile.TemporaryFile() as tmp:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                for k, pk in enumerate(daftar):
                    instansi = Instansi.objects.get(pk=pk)
                    _catat(job_pk, sedang=instansi.nama, selesai=k)
                    try:
                        data = render(dokumen(instansi, job.tahun, "lkip"), job.format)
                    except Exception as e:  # one agency's gap must not stop the others
                        gagal.append(f"{instansi.nama}: {e}")
                        continue
                    zf.writestr(f"lkip-{instansi.slug}-{job.tahun}.{job.format}", data)
            tmp.seek(0)
            job.berkas.save(f"lkip-{job.pemda.slug}-{job.tahun}-{job.format}.zip", File(tmp), save=False)
        _catat(
            job_pk,
            berkas=job.berkas.name,
            selesai=len(daftar),
            sedang="",
            status=LkipMassal.Status.SELESAI,
            catatan="\n".join(gagal),
        )
    except Exception as e:
        _catat(job_pk, status=LkipMassal.Status.GAGAL, catatan=str(e))
    finally:
        connections.close_all()  # this thread's own connections
