"""The public questionnaire (no login) and the printable QR code page of a survey; and the
workspace's SKM page of an agency-year (`/instansi/<slug>/<tahun>/skm/`) with its import.

Flooding protection without an outside service: a honeypot field; a signed form token that
must be at least `SKM_MIN_DETIK` seconds old, at most 2 hours old, and is accepted once; and
at most `SKM_BATAS_PER_JAM` answers an hour from one IP address. Counters live in Django's
cache (configure a shared cache when running several processes)."""

import io
import secrets
import time

import segno
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from openpyxl.utils import get_column_letter

from sakip.accounts.access import InstansiTahunMixin, can
from sakip.interchange.errors import ImportGagal, Masalah
from sakip.reporting.frozen import is_frozen
from sakip.reporting.generate import render as render_dokumen
from sakip.reporting.views import CONTENT_TYPES

from . import impor, unggahan
from .forms import MAKS_MB, KuesionerForm, PemetaanForm, UnggahForm
from .hasil import ringkasan_tahun
from .laporan import build_laporan_skm
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


# ------------------------------------------------------------------------------ workspace
def _beku_masalah(tahun) -> Masalah:
    return Masalah(
        _("Penyimpanan"),
        _(
            "Data tahun %(tahun)s sudah disetujui dan dibekukan; jawaban survei tidak dapat diimpor. "
            "Bila perlu diperbaiki, minta admin pemda membuka kembali tahun tersebut."
        )
        % {"tahun": tahun},
    )


class DaftarView(InstansiTahunMixin, TemplateView):
    """The surveys of the agency-year with their result, links and the import form."""

    template_name = "skm/daftar.html"
    masalah: tuple | list[Masalah] = ()  # set when a POST is refused

    def get_context_data(self, **kwargs):
        beku = is_frozen(self.instansi, self.tahun)
        return super().get_context_data(
            survei=ringkasan_tahun(self.instansi, self.tahun),
            masalah=self.masalah,
            beku=beku,
            ubah=can(self.request.user, "sakip.edit", self.tahun_kinerja) and not beku,
            maks_mb=MAKS_MB,
            **kwargs,
        )


class SurveiMixin(InstansiTahunMixin):
    """A survey of the agency-year named by its code in the URL (404 for any other)."""

    def resolve(self, kode, **kwargs):
        super().resolve(**kwargs)
        self.survei = get_object_or_404(
            SurveiSKM.objects.select_related("metode", "unit", "instansi"),
            instansi=self.instansi,
            tahun=self.tahun,
            kode=kode,
        )


class UnggahView(SurveiMixin, DaftarView):
    """POST a file: kept for the mapping step when it can be read, else its problems are listed."""

    rule = "sakip.edit"
    http_method_names = ["post"]

    def post(self, request, **kwargs):
        if is_frozen(self.instansi, self.tahun):
            self.masalah = [_beku_masalah(self.tahun)]
            return self.render_to_response(self.get_context_data(), status=409)
        form = UnggahForm(files=request.FILES)
        if not form.is_valid():
            self.masalah = [Masalah(self.survei.judul, pesan) for pesan in form.errors["berkas"]]
            return self.render_to_response(self.get_context_data())
        token, path = unggahan.simpan(request, self.survei, form.cleaned_data["berkas"])
        try:
            impor.baca_tabel(path)
        except ImportGagal as e:
            unggahan.hapus(request, token)
            self.masalah = e.masalah
            return self.render_to_response(self.get_context_data())
        return redirect(
            "skm_instansi:peta", slug=self.instansi.slug, tahun=self.tahun, kode=self.survei.kode, token=token
        )


class PetaView(SurveiMixin, TemplateView):
    """The uploaded file's columns with what each holds (the operator corrects it) and its
    first rows; confirming reads everything with that mapping and stores it, or lists every
    problem by row and column and stores nothing."""

    rule = "sakip.edit"
    template_name = "skm/peta.html"
    PRATINJAU = 5
    masalah: tuple | list[Masalah] = ()  # set when a POST is refused

    def _berkas(self, token) -> bool:
        """Read this user's upload for this survey under `token`; False when there is none."""
        self.path = unggahan.cari(self.request, self.survei, token)
        if self.path is None:
            return False
        self.tabel = impor.baca_tabel(self.path)
        self.jenis = impor.jenis_berkas(self.tabel)
        self.unsur = impor.unsur_metode(self.survei.metode)
        return True

    def _hilang(self):
        return TemplateResponse(
            self.request,
            "masalah.html",
            {
                "judul": _("Berkas unggahan tidak ditemukan"),
                "pesan": _("Berkas ini sudah diimpor, dibatalkan, atau kedaluwarsa. Unggah berkasnya lagi."),
            },
            status=404,
        )

    def form(self, data=None):
        peta, _masalah = impor.kenali(self.tabel, self.unsur)
        awal = {f"kolom-{i}": target for target, i in peta.items()}
        return PemetaanForm(self.tabel, self.unsur, data, initial=awal)

    def get_context_data(self, form, **kwargs):
        beku = is_frozen(self.instansi, self.tahun)
        ada_responden = self.survei.responden.count()
        keadaan = ""  # what the survey holds and what the file does to it
        if ada_responden or self.survei.distribusi.exists():
            sama = (self.jenis == "jawaban") == bool(ada_responden)
            keadaan = ("tambah" if self.jenis == "jawaban" else "timpa") if sama else "ganti"
        belum = []
        if self.jenis == "jawaban" and not form.is_bound:
            try:  # unsur the headers did not tell: shown before the operator confirms
                impor.peta_pilihan(self.tabel, self.unsur, {int(k[6:]): v for k, v in form.initial.items()})
            except ImportGagal as e:
                belum = e.masalah
        return super().get_context_data(
            survei=self.survei,
            tabel=self.tabel,
            jenis=self.jenis,
            nama_berkas=self.path.name,
            pratinjau=self.tabel.baris[: self.PRATINJAU],
            sisa=max(0, len(self.tabel.baris) - self.PRATINJAU),
            kolom_pratinjau=[(get_column_letter(i + 1), j) for i, j in enumerate(self.tabel.judul)],
            form=form,
            masalah=self.masalah,
            belum=belum,
            ada_responden=ada_responden,
            keadaan=keadaan,
            beku=beku,
            **kwargs,
        )

    def _beku(self, form):
        self.masalah = [_beku_masalah(self.tahun)]
        return self.render_to_response(self.get_context_data(form), status=409)

    def get(self, request, token, **kwargs):
        if not self._berkas(token):
            return self._hilang()
        if is_frozen(self.instansi, self.tahun):
            return self._beku(self.form())
        return self.render_to_response(self.get_context_data(self.form()))

    def post(self, request, token, **kwargs):
        if not self._berkas(token):
            return self._hilang()
        kembali = redirect("skm_instansi:daftar", slug=self.instansi.slug, tahun=self.tahun)
        if "batal" in request.POST:
            unggahan.hapus(request, token)
            messages.info(request, _("Impor dibatalkan; tidak ada data yang diubah."))
            return kembali
        form = self.form(request.POST)
        if is_frozen(self.instansi, self.tahun):
            return self._beku(form)
        if not form.is_valid():
            self.masalah = [Masalah(form[f].label, " ".join(e)) for f, e in form.errors.items()]
            return self.render_to_response(self.get_context_data(form))
        try:
            jenis = impor.impor_berkas(self.survei, self.path, ganti=form.cleaned_data["ganti"], pilihan=form.pilihan())
        except ImportGagal as e:
            self.masalah = e.masalah
            return self.render_to_response(self.get_context_data(form))
        except ValidationError as e:  # the model layer refused (e.g. approved meanwhile)
            self.masalah = [Masalah(_("Penyimpanan"), " ".join(e.messages))]
            return self.render_to_response(self.get_context_data(form), status=409)
        unggahan.hapus(request, token)
        if jenis == "distribusi":
            pesan = _("Impor selesai: distribusi jawaban %(n)d unsur tersimpan.") % {
                "n": self.survei.distribusi.count()
            }
        else:
            pesan = _("Impor selesai: survei kini berisi %(n)d responden.") % {"n": self.survei.responden.count()}
        messages.success(request, pesan)
        return kembali


class LaporanView(SurveiMixin, View):
    """The survey's SKM report (`sakip skm -o`), generated from the current data."""

    def resolve(self, fmt, **kwargs):
        super().resolve(**kwargs)
        if fmt not in CONTENT_TYPES:
            raise Http404(_("Format tidak dikenal."))
        self.fmt = fmt

    def get(self, request, **kwargs):
        data = render_dokumen(build_laporan_skm(self.survei), self.fmt)
        response = HttpResponse(data, content_type=CONTENT_TYPES[self.fmt])
        name = f"laporan-skm-{self.instansi.slug}-{self.survei.kode}.{self.fmt}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
