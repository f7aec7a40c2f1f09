"""The dashboards (pemda overview, agency-year) and the public transparency pages."""

import hashlib
from datetime import date

from auditlog.models import LogEntry
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.db.models import Max
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from sakip.accounts.access import (
    InstansiTahunMixin,
    can,
    instansi_visible,
    pemda_visible,
    require,
    tahun_instansi,
    tahun_renstra,
)
from sakip.measurement.models import Realisasi, SkalaPredikat
from sakip.measurement.pengukuran import anggaran, pengukuran
from sakip.organisation.models import Instansi, Pemda
from sakip.planning.models import PerjanjianKinerja, Renstra, Target
from sakip.reporting.frozen import is_frozen
from sakip.reporting.models import TahunKinerja

from . import massal
from .models import LkipMassal
from .ringkasan import TRIWULAN, batas_waktu, ringkasan, triwulan_terakhir
from .tren import batang_sebaran, tren_svg

CACHE_SECONDS = 60  # bounds how stale a bulk write (which the audit trail does not see) can leave it


def hari_ini() -> date:
    return timezone.localdate()


def versi_data() -> str:
    """Changes whenever any record changes: every save and delete is logged in the audit trail."""
    last = LogEntry.objects.order_by("-pk").values_list("pk", "timestamp").first()
    return f"{last[0]}-{last[1].timestamp()}" if last else "0"


def ringkasan_tersimpan(daftar: list, tahun: int, today: date) -> tuple[list, str]:
    """`ringkasan` computed once per data version (and minute) per worker: a pemda-year is a
    thousand capaian, and the dashboard is opened far more often than the data changes. Also
    returns the key, which the template uses to keep its rendered table."""
    ids = ",".join(str(i.pk) for i in daftar)
    key = "dasbor:" + hashlib.sha256(f"{tahun}|{today}|{versi_data()}|{ids}".encode()).hexdigest()
    rows = cache.get(key)
    if rows is None:
        rows = ringkasan(daftar, tahun, today)
        for r in rows:
            r.batang = batang_sebaran(r.sebaran, r.indikator)
        cache.set(key, rows, CACHE_SECONDS)
    return rows, key


def tahun_pemda(instansi_qs) -> list[int]:
    """Every year a Renstra of these agencies covers."""
    return tahun_renstra(Renstra.objects.filter(instansi__in=instansi_qs))


class PemdaMixin(LoginRequiredMixin):
    """/dasbor/<pemda>/…: 404 for a pemda the user may not see."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.pemda = pemda_visible(request.user).filter(slug=kwargs["pemda"]).first()
        if self.pemda is None:
            raise Http404(_("Data tidak ditemukan."))
        self.instansi = instansi_visible(request.user).filter(pemda=self.pemda)
        return super().dispatch(request, *args, **kwargs)


class DasborView(LoginRequiredMixin, View):
    """/dasbor/: the user's pemda (the first one for a system administrator)."""

    def get(self, request):
        pemda = pemda_visible(request.user).order_by("nama").first()
        if pemda is None:
            raise Http404(_("Akun Anda belum diberi peran pada pemda mana pun."))
        return redirect("dashboard:pemda_awal", pemda=pemda.slug)


class PemdaAwalView(PemdaMixin, View):
    """The year to show first: the latest year with any realisasi, else the latest Renstra year
    that has begun."""

    def get(self, request, **kwargs):
        today = hari_ini()
        tahun = Realisasi.objects.filter(
            indikator__renstra__instansi__in=self.instansi, tahun__lte=today.year
        ).aggregate(t=Max("tahun"))["t"]
        if tahun is None:
            tahun = max((t for t in tahun_pemda(self.instansi) if t <= today.year), default=today.year - 1)
        return redirect("dashboard:pemda", pemda=self.pemda.slug, tahun=tahun)


class PemdaView(PemdaMixin, TemplateView):
    """Every agency of the pemda the user may see, for one year: status, capaian by predicate,
    what is missing, days to the deadline."""

    template_name = "dashboard/pemda.html"

    def get_context_data(self, tahun, pemda=None, **kwargs):
        today = hari_ini()
        daftar = list(self.instansi.order_by("nama"))
        rows, cache_key = ringkasan_tersimpan(daftar, tahun, today)
        status_count = {kode: 0 for kode in TahunKinerja.Status.values}
        for r in rows:
            status_count[r.status.status] += 1
        tw = triwulan_terakhir(tahun, today)
        batas = batas_waktu(tahun)
        return super().get_context_data(
            pemda=self.pemda,
            tahun=tahun,
            daftar_tahun=tahun_pemda(self.instansi),
            rows=rows,
            cache_key=cache_key,
            cache_seconds=CACHE_SECONDS,
            status_count=[(label, status_count[kode], kode) for kode, label in TahunKinerja.Status.choices],
            triwulan=dict(Realisasi.Periode.choices).get(tw, ""),
            belum_realisasi=[r for r in rows if r.tanpa_realisasi_triwulan],
            batas=batas,
            boleh_massal=can(self.request.user, "sakip.batch", self.pemda),
            lkip_massal=LkipMassal.objects.filter(pemda=self.pemda, tahun=tahun).first(),
            sisa_hari=(batas - today).days,
            **kwargs,
        )


class InstansiDasborView(InstansiTahunMixin, TemplateView):
    """One agency-year: each indicator's target, quarterly realisasi, capaian, predicate and a
    trend against the Renstra targets; budget absorption per program."""

    template_name = "dashboard/instansi.html"

    def get_context_data(self, **kwargs):
        ukur = pengukuran(self.instansi, self.tahun)
        ids = [b.indikator.pk for b in ukur.baris]
        per_tw = {
            (r.indikator_id, r.periode): r
            for r in Realisasi.objects.filter(indikator__in=ids, tahun=self.tahun, periode__in=TRIWULAN)
        }
        renstra = Renstra.aktif(self.instansi, self.tahun)
        years = list(renstra.tahun) if renstra else []
        target_renstra, real_tahunan = {}, {}
        for t in Target.objects.filter(indikator__in=ids, rkt=None, perjanjian=None, tahun__in=years):
            target_renstra.setdefault(t.indikator_id, {})[t.tahun] = t.nilai
        for r in Realisasi.objects.filter(indikator__in=ids, periode=Realisasi.Periode.TAHUN, tahun__in=years):
            real_tahunan.setdefault(r.indikator_id, {})[r.tahun] = r.nilai
        skala = SkalaPredikat.untuk(self.instansi)
        warna = dict(skala.warna()) if skala else {}
        baris = [
            {
                "b": b,
                "triwulan": [per_tw.get((b.indikator.pk, p)) for p in TRIWULAN],
                "warna": warna.get(b.predikat, ""),
                "tren": mark_safe(  # numbers and escaped text only (tren.py)
                    tren_svg(
                        _("Tren %(nama)s") % {"nama": b.indikator.nama},
                        years,
                        target_renstra.get(b.indikator.pk, {}),
                        real_tahunan.get(b.indikator.pk, {}),
                    )
                ),
            }
            for b in ukur.baris
        ]
        program = [a for a in anggaran(self.instansi, self.tahun).baris if a.tingkat == "program"]
        return super().get_context_data(
            ukur=ukur,
            baris=baris,
            tahun_renstra=years,
            program=program,
            legenda=list(warna.items()),
            **kwargs,
        )


class LkipMassalView(PemdaMixin, View):
    """POST: start generating every agency's LKIP of the year (admin pemda); GET <job>: its
    progress as an HTMX fragment that polls itself until done."""

    def get(self, request, tahun, pk, **kwargs):
        job = self._job(request, pk)
        return TemplateResponse(
            request, "dashboard/_lkip_massal.html", {"job": job, "pemda": self.pemda, "tahun": tahun}
        )

    def post(self, request, tahun, **kwargs):
        require(request.user, "sakip.batch", self.pemda)
        fmt = request.POST.get("format", "pdf")
        if fmt not in ("pdf", "docx"):
            return HttpResponseBadRequest(_("Format tidak dikenal."))
        berjalan = LkipMassal.objects.filter(pemda=self.pemda, tahun=tahun, status=LkipMassal.Status.BERJALAN)
        if not berjalan.exists():
            massal.mulai(self.pemda, tahun, fmt, request.user)
        return redirect(reverse("dashboard:pemda", kwargs={"pemda": self.pemda.slug, "tahun": tahun}) + "#lkip-massal")

    def _job(self, request, pk) -> LkipMassal:
        require(request.user, "sakip.batch", self.pemda)
        job = LkipMassal.objects.filter(pemda=self.pemda, pk=pk).first()
        if job is None:
            raise Http404
        return job


class LkipMassalUnduhView(LkipMassalView):
    def get(self, request, tahun, pk, **kwargs):
        job = self._job(request, pk)
        if job.status != LkipMassal.Status.SELESAI or not job.berkas:
            raise Http404(_("Berkas ZIP belum selesai dibuat."))
        return FileResponse(job.berkas.open("rb"), as_attachment=True, filename=job.berkas.name.rsplit("/", 1)[-1])


# --- Public transparency (no login) -----------------------------------------------------------


def pk_terbit(instansi, tahun: int) -> PerjanjianKinerja | None:
    """The PK in force when it is public: signed (dated), or its year approved and frozen."""
    pk = PerjanjianKinerja.berlaku(instansi, tahun)
    if pk is None:
        return None
    if pk.tanggal or is_frozen(instansi, tahun):
        return pk
    return None


def lkip_terbit(instansi, tahun: int):
    """The approved LKIP (a RiwayatStatus with the stored file) while the year is approved."""
    tk = TahunKinerja.objects.filter(instansi=instansi, tahun=tahun).first()
    return tk.lkip_disetujui() if tk else None


class TransparansiView(TemplateView):
    """Every pemda and agency, for citizens."""

    template_name = "dashboard/transparansi.html"

    def get_context_data(self, **kwargs):
        pemda = Pemda.objects.order_by("nama").prefetch_related("instansi")
        return super().get_context_data(daftar_pemda=pemda, **kwargs)


class TransparansiInstansiView(TemplateView):
    """One agency's public documents: per year the published PK and the approved LKIP, and its
    published SKM results."""

    template_name = "dashboard/transparansi_instansi.html"

    def get_context_data(self, slug, **kwargs):
        from sakip.skm.hasil import hasil_terbit

        instansi = get_object_or_404(Instansi.objects.select_related("pemda"), slug=slug)
        tahun = []
        for t in reversed(tahun_instansi(instansi)):
            pk, lkip = pk_terbit(instansi, t), lkip_terbit(instansi, t)
            if pk or lkip:
                tahun.append({"tahun": t, "pk": pk, "lkip": lkip})
        return super().get_context_data(instansi=instansi, daftar_tahun=tahun, skm=hasil_terbit(instansi), **kwargs)


class TransparansiBerkasView(View):
    """A public file: the PK generated from its record, or the LKIP exactly as approved."""

    def get(self, request, slug, tahun, jenis):
        from sakip.reporting.generate import dokumen, render

        instansi = get_object_or_404(Instansi, slug=slug)
        if jenis == "pk" and pk_terbit(instansi, tahun):
            data = render(dokumen(instansi, tahun, "pk"), "pdf")
        elif jenis == "lkip" and (riwayat := lkip_terbit(instansi, tahun)):
            data = riwayat.berkas_utuh()
            if data is None:
                raise Http404(_("Berkas LKIP tidak cocok dengan sidik yang disetujui."))
        else:
            raise Http404(_("Dokumen ini belum diterbitkan."))
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{jenis}-{instansi.slug}-{tahun}.pdf"'
        return response
