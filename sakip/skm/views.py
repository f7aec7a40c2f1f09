"""The public questionnaire (no login) and the printable QR code page of a survey.

Flooding protection without an outside service: a honeypot field; a signed form token that
must be at least `SKM_MIN_DETIK` seconds old, at most 2 hours old, and is accepted once; and
at most `SKM_BATAS_PER_JAM` answers an hour from one IP address. Counters live in Django's
cache (configure a shared cache when running several processes)."""

import io
import secrets
import time

import segno
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import KuesionerForm
from .models import Jawaban, Responden, SurveiSKM

UMUR_TOKEN = 2 * 3600
SALT = "sakip.skm.kuesioner"


def _survei(instansi: str, kode: str) -> SurveiSKM:
    return get_object_or_404(
        SurveiSKM.objects.select_related("instansi__pemda", "unit", "metode"), instansi__slug=instansi, kode=kode
    )


def _token(survei) -> str:
    return signing.dumps({"s": survei.pk, "n": secrets.token_hex(8), "t": time.time()}, salt=SALT)


def _masalah_token(token: str, survei) -> str | None:
    """Why a submitted token is refused, or None when it is good (it is then used up)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=UMUR_TOKEN)
    except signing.BadSignature:
        return _("Formulir sudah kedaluwarsa. Silakan isi kembali.")
    if data.get("s") != survei.pk:
        return _("Formulir tidak sesuai dengan survei ini.")
    if time.time() - data["t"] < getattr(settings, "SKM_MIN_DETIK", 3):
        return _("Jawaban terkirim terlalu cepat. Periksa kembali jawaban Anda lalu kirim lagi.")
    if not cache.add(f"skm:token:{data['n']}", 1, UMUR_TOKEN):
        return _("Formulir ini sudah pernah dikirim. Silakan isi kembali.")
    return None


def _melebihi_batas(request) -> bool:
    """Count this answer for the client's IP; True when the hourly limit is already reached."""
    key = f"skm:ip:{request.META.get('REMOTE_ADDR', '')}:{int(time.time() // 3600)}"
    cache.add(key, 0, 3600)
    return cache.incr(key) > getattr(settings, "SKM_BATAS_PER_JAM", 60)


def _simpan(form: KuesionerForm) -> Responden:
    """Number the respondent after the last one and store the answers; retried when two
    respondents take the same number at once."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                survei = SurveiSKM.objects.select_for_update().get(pk=form.survei.pk)
                r = form.responden()
                r.nomor = (survei.responden.aggregate(m=Max("nomor"))["m"] or 0) + 1
                r.tanggal = timezone.localdate()
                r.save()
                Jawaban.objects.bulk_create(Jawaban(responden=r, unsur=u, nilai=v) for u, v in form.jawaban())
                return r
        except IntegrityError:
            continue
    raise IntegrityError("nomor responden bentrok tiga kali")


@require_http_methods(["GET", "POST"])
def kuesioner(request, instansi, kode):
    survei = _survei(instansi, kode)
    if not survei.terbuka:
        return render(request, "skm/tutup.html", {"survei": survei}, status=403)
    masalah = None
    if request.method == "POST":
        form = KuesionerForm(survei, request.POST)
        if form.bot:
            return HttpResponse(_("Jawaban ditolak."), status=400, content_type="text/plain; charset=utf-8")
        if form.is_valid():
            masalah = _masalah_token(form.cleaned_data["token"], survei)
            if masalah is None:
                if _melebihi_batas(request):
                    return render(request, "skm/tutup.html", {"survei": survei, "batas": True}, status=429)
                try:
                    r = _simpan(form)
                except ValidationError as e:  # e.g. the survey's year is approved and frozen
                    return render(
                        request, "skm/tutup.html", {"survei": survei, "pesan": " ".join(e.messages)}, status=403
                    )
                nomor = signing.dumps(r.nomor, salt=SALT)
                return redirect(f"{reverse('skm:terima-kasih', args=[instansi, kode])}?r={nomor}")
        form.data = form.data.copy()
        form.data["token"] = _token(survei)
    else:
        form = KuesionerForm(survei, initial={"token": _token(survei)})
    return render(request, "skm/kuesioner.html", {"survei": survei, "form": form, "masalah": masalah})


def terima_kasih(request, instansi, kode):
    survei = _survei(instansi, kode)
    try:
        nomor = signing.loads(request.GET.get("r", ""), salt=SALT, max_age=UMUR_TOKEN)
    except signing.BadSignature:
        nomor = None
    return render(
        request,
        "skm/terima_kasih.html",
        {"survei": survei, "nomor": nomor, "jumlah": survei.responden.count()},
    )


def cetak(request, instansi, kode):
    """A page the unit prints and puts at the counter: QR code, link, survey and unit."""
    survei = _survei(instansi, kode)
    return render(
        request, "skm/cetak.html", {"survei": survei, "tautan": request.build_absolute_uri(survei.get_absolute_url())}
    )


def qr(request, instansi, kode):
    survei = _survei(instansi, kode)
    buf = io.BytesIO()
    segno.make(request.build_absolute_uri(survei.get_absolute_url()), error="m").save(
        buf, kind="svg", scale=10, border=2, title=survei.judul
    )
    return HttpResponse(buf.getvalue(), content_type="image/svg+xml")
