"""An approved agency-year as the workflow leaves it, for tests of what approval unlocks or freezes."""

import hashlib

from django.core.files.base import ContentFile

from sakip.reporting.models import RiwayatStatus, TahunKinerja


def lkip_disetujui(instansi, tahun: int, pdf: bytes = b"%PDF-1.4\n% LKIP disetujui (uji)\n", status: str = "disetujui"):
    """The agency-year with its approval record and signed LKIP `pdf` (SHA-256 stored); `status`
    other than disetujui is a year reopened after its approval."""
    tk = TahunKinerja.objects.create(instansi=instansi, tahun=tahun, status=status)
    return RiwayatStatus.objects.create(
        tahun_kinerja=tk,
        aksi="setujui",
        status_awal="direviu",
        status_akhir="disetujui",
        nama="Camat Panti — Kepala instansi",
        berkas=ContentFile(pdf, name="lkip.pdf"),
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
