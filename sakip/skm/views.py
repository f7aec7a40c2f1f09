"""The public questionnaire (no login) and the printable QR code page of a survey; and the
workspace's SKM page of an agency-year (`/instansi/<slug>/<tahun>/skm/`) with its import and
the management of its surveys (create, settings, switches, delete, "pakai sebagai realisasi").

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
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from openpyxl.utils import get_column_letter

from sakip import formatting
from sakip.accounts.access import InstansiTahunMixin, can
from sakip.interchange.errors import ImportGagal, Masalah
from sakip.measurement.models import Realisasi
from sakip.reporting.frozen import FrozenError, is_frozen
from sakip.reporting.generate import render as render_dokumen
from sakip.reporting.views import CONTENT_TYPES

from . import impor, unggahan
from .forms import MAKS_MB, KuesionerForm, PemetaanForm, RealisasiForm, SurveiForm, UnggahForm
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
def _beku_masalah(tahun, apa=None) -> Masalah:
    return Masalah(
        _("Penyimpanan"),
        _(
            "Data tahun %(tahun)s sudah disetujui dan dibekukan; %(apa)s. "
            "Bila perlu diperbaiki, minta admin pemda membuka kembali tahun tersebut."
        )
        % {"tahun": tahun, "apa": apa or _("jawaban survei tidak dapat diimpor")},
    )


class DaftarView(InstansiTahunMixin, TemplateView):
    """The surveys of the agency-year with their result, links, the import form and — for who
    may edit — their settings, questionnaire and publication switches and "pakai sebagai realisasi"."""

    template_name = "skm/daftar.html"
    masalah: tuple | list[Masalah] = ()  # set when a POST is refused
    judul_masalah = ""  # the heading of that list; empty = the import's
    terisi: dict = {}  # the refused realisasi form by survey code, shown with its errors

    def kandidat(self):
        """The Renstra's SKM indicators, each with its current yearly realisasi as `kini`."""
        kandidat = list(SurveiSKM.indikator_skm(self.instansi, self.tahun))
        kini = {
            r.indikator_id: r
            for r in Realisasi.objects.filter(indikator__in=kandidat, tahun=self.tahun, periode=Realisasi.Periode.TAHUN)
        }
        for i in kandidat:
            r = kini.get(i.pk)
            i.kini = formatting.nilai(r.nilai, i.satuan, r.mutu) if r and r.nilai is not None else ""
        return kandidat

    def get_context_data(self, **kwargs):
        beku = is_frozen(self.instansi, self.tahun)
        ubah = can(self.request.user, "sakip.edit", self.tahun_kinerja) and not beku
        kandidat = self.kandidat() if ubah else []
        kartu = []
        for r in ringkasan_tahun(self.instansi, self.tahun):
            kode = r.survei.kode
            form = self.terisi.get(kode) or RealisasiForm(
                kandidat=kandidat,
                initial={"indikator": r.survei.indikator_id},
                auto_id=f"realisasi-{kode}-%s",
            )
            kartu.append({"ringkasan": r, "realisasi": form})
        return super().get_context_data(
            kartu=kartu,
            kandidat=kandidat,
            masalah=self.masalah,
            judul_masalah=self.judul_masalah,
            beku=beku,
            ubah=ubah,
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


class SurveiFormView(InstansiTahunMixin, TemplateView):
    """The settings of a new survey of the agency-year (`buat`), or of one (`SurveiUbahView`):
    validated by the model's own rules, errors next to the fields; one row written."""

    rule = "sakip.edit"
    template_name = "skm/survei_form.html"
    survei = None  # a new one

    def form(self, data=None):
        return SurveiForm(data, instance=self.survei, instansi=self.instansi, tahun=self.tahun)

    def get_context_data(self, **kwargs):
        beku = is_frozen(self.instansi, self.tahun)
        return super().get_context_data(survei=self.survei, beku=beku, **kwargs)

    def get(self, request, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, **kwargs):
        form = self.form(request.POST)
        if is_frozen(self.instansi, self.tahun):
            return self.render_to_response(self.get_context_data(form=form), status=409)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        baru = self.survei is None
        try:
            survei = form.save()
        except ValidationError as e:  # approved meanwhile (sakip/reporting/frozen.py)
            form.add_error(None, e.messages)
            status = 409 if isinstance(e, FrozenError) else 200
            return self.render_to_response(self.get_context_data(form=form), status=status)
        pesan = _("Survei “%(judul)s” dibuat.") if baru else _("Pengaturan survei “%(judul)s” tersimpan.")
        messages.success(request, pesan % {"judul": survei.judul})
        return _ke_kartu(survei)


def _ke_kartu(survei):
    """Back to the survey's card on the SKM page."""
    url = reverse("skm_instansi:daftar", kwargs={"slug": survei.instansi.slug, "tahun": survei.tahun})
    return redirect(f"{url}#survei-{survei.kode}")


class SurveiUbahView(SurveiMixin, SurveiFormView):
    pass


class TindakanView(SurveiMixin, DaftarView):
    """A POST button on a survey's card: done and back to the card, or refused on the SKM page
    with the reason (409 when the year is approved)."""

    rule = "sakip.edit"
    http_method_names = ["post"]
    judul_masalah = gettext_lazy("Tidak disimpan.")

    def tolak(self, pesan, status=200):
        self.masalah = [Masalah(self.survei.judul, pesan)]
        return self.render_to_response(self.get_context_data(), status=status)

    def tolak_beku(self, apa):
        self.masalah = [_beku_masalah(self.tahun, apa)]
        return self.render_to_response(self.get_context_data(), status=409)


class AturView(TindakanView):
    """Open or close the public questionnaire, publish the result on the transparency page or
    take it back (`aksi`): one field of one row."""

    AKSI = {
        "buka": ("terbuka", True, gettext_lazy("Kuesioner daring “%(judul)s” dibuka: jawaban diterima.")),
        "tutup": ("terbuka", False, gettext_lazy("Kuesioner daring “%(judul)s” ditutup.")),
        "terbitkan": (
            "diterbitkan",
            True,
            gettext_lazy("Hasil survei “%(judul)s” diterbitkan di halaman transparansi."),
        ),
        "tarik": ("diterbitkan", False, gettext_lazy("Hasil survei “%(judul)s” ditarik dari halaman transparansi.")),
    }

    def resolve(self, aksi, **kwargs):
        if aksi not in self.AKSI:
            raise Http404(_("Tindakan tidak dikenal."))
        super().resolve(**kwargs)
        self.aksi = aksi

    def post(self, request, **kwargs):
        field, nilai, pesan = self.AKSI[self.aksi]
        if is_frozen(self.instansi, self.tahun):
            return self.tolak_beku(_("pengaturan survei tidak dapat diubah"))
        if self.aksi == "terbitkan" and not self.survei.hasil(banding=False).nik.dapat_dihitung:
            return self.tolak(_("Hasil belum dapat diterbitkan: survei ini belum berisi jawaban."))
        setattr(self.survei, field, nilai)
        try:
            self.survei.save(update_fields=[field])
        except ValidationError as e:
            return self.tolak(" ".join(e.messages), 409 if isinstance(e, FrozenError) else 200)
        messages.success(request, pesan % {"judul": self.survei.judul})
        return _ke_kartu(self.survei)


class RealisasiView(TindakanView):
    """The survey's nilai IKM (as the SKM report prints it, with its mutu) becomes the yearly
    realisasi of the chosen SKM indicator of the Renstra; the catatan names the survey."""

    def post(self, request, **kwargs):
        kode = self.survei.kode
        if is_frozen(self.instansi, self.tahun):
            return self.tolak_beku(_("realisasi tidak dapat diisi dari survei"))
        form = RealisasiForm(request.POST, kandidat=self.kandidat(), auto_id=f"realisasi-{kode}-%s")
        if not form.is_valid():
            self.terisi = {kode: form}
            return self.tolak(" ".join(form.errors["indikator"]))
        indikator = form.cleaned_data["indikator"]
        try:
            r = self.survei.isi_realisasi(indikator)
        except ValidationError as e:  # no answers yet, or approved meanwhile
            self.terisi = {kode: form}
            return self.tolak(" ".join(e.messages), 409 if isinstance(e, FrozenError) else 200)
        messages.success(
            request,
            _("Realisasi tahunan %(tahun)d indikator “%(indikator)s” diisi %(nilai)s dari survei “%(judul)s”.")
            % {
                "tahun": self.tahun,
                "indikator": indikator.nama,
                "nilai": formatting.nilai(r.nilai, indikator.satuan, r.mutu),
                "judul": self.survei.judul,
            },
        )
        return _ke_kartu(self.survei)


class HapusView(SurveiMixin, TemplateView):
    """Deleting a survey: asked first, and refused (409) once it holds answers, which would be lost."""

    rule = "sakip.edit"
    template_name = "skm/survei_hapus.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            survei=self.survei,
            alasan=self.survei.alasan_tidak_dapat_dihapus(),
            beku=is_frozen(self.instansi, self.tahun),
            **kwargs,
        )

    def get(self, request, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, **kwargs):
        ctx = self.get_context_data()
        if ctx["beku"] or ctx["alasan"]:
            return self.render_to_response(ctx, status=409)
        judul = self.survei.judul
        try:
            self.survei.delete()
        except ValidationError as e:  # approved meanwhile
            ctx["alasan"] = " ".join(e.messages)
            return self.render_to_response(ctx, status=409)
        messages.success(request, _("Survei “%(judul)s” dihapus.") % {"judul": judul})
        return redirect("skm_instansi:daftar", slug=self.instansi.slug, tahun=self.tahun)
