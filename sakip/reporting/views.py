"""The agency and agency-year pages: status, workflow steps, history, audit, documents."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from sakip.accounts import audit
from sakip.accounts.access import InstansiMixin, InstansiTahunMixin, can, tahun_instansi
from sakip.measurement.models import Realisasi
from sakip.planning.web import LembarView

from . import narasi, workflow
from .models import TahunKinerja

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DOKUMEN = {  # jenis → (stage, label)
    "renstra": ("perencanaan", gettext_lazy("Rencana Strategis (matriks Renstra)")),
    "rkt": ("perencanaan", gettext_lazy("Rencana Kinerja Tahunan (RKT)")),
    "pk": ("perencanaan", gettext_lazy("Perjanjian Kinerja (PK)")),
    "iku": ("perencanaan", gettext_lazy("Keputusan Indikator Kinerja Utama (IKU)")),
    "lkip": ("pelaporan", gettext_lazy("Laporan Kinerja (LKIP)")),
}
AUDIT_PER_PAGE = 25


class InstansiView(InstansiMixin, TemplateView):
    """An agency: its years with their status, and the history of its own record."""

    template_name = "reporting/web/instansi.html"

    def get_context_data(self, **kwargs):
        status = {tk.tahun: tk for tk in TahunKinerja.objects.filter(instansi=self.instansi)}
        realisasi = dict(
            Realisasi.objects.filter(indikator__renstra__instansi=self.instansi)
            .values_list("tahun")
            .annotate(n=Count("pk"))
        )
        daftar = [
            (status.get(t) or TahunKinerja(instansi=self.instansi, tahun=t), realisasi.get(t, 0))
            for t in reversed(tahun_instansi(self.instansi))
        ]
        return super().get_context_data(daftar_tahun=daftar, **kwargs)


class TahunView(InstansiTahunMixin, TemplateView):
    """An agency-year: status and the steps the user may take, their history, documents, audit."""

    template_name = "reporting/web/tahun.html"

    def get_context_data(self, **kwargs):
        tk = self.tahun_kinerja
        dokumen = [
            {"jenis": jenis, "tahap": tahap, "label": label, "formats": ("pdf", "docx")}
            for jenis, (tahap, label) in DOKUMEN.items()
        ]
        return super().get_context_data(
            aksi=workflow.tersedia(self.request.user, tk),
            urutan_status=TahunKinerja.Status.values.index(tk.status),
            riwayat=tk.riwayat.select_related("oleh").order_by("-waktu", "-pk") if tk.pk else [],
            lkip_disetujui=tk.lkip_disetujui() if tk.pk else None,
            dokumen_perencanaan=[d for d in dokumen if d["tahap"] == "perencanaan"],
            dokumen_pelaporan=[d for d in dokumen if d["tahap"] == "pelaporan"],
            **kwargs,
        )


class AksiView(InstansiTahunMixin, View):
    """POST one workflow step; back to the agency-year page with the outcome as a message."""

    http_method_names = ["post"]

    def resolve(self, aksi, **kwargs):
        super().resolve(**kwargs)
        if aksi not in workflow.AKSI:
            raise Http404(_("Tindakan tidak dikenal."))
        self.aksi = workflow.AKSI[aksi]
        self.rule = self.aksi.rule

    def post(self, request, **kwargs):
        try:
            riwayat = workflow.jalankan(
                request.user, self.instansi, self.tahun, self.aksi.kode, request.POST.get("catatan", "")
            )
        except workflow.WorkflowError as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                _("%(aksi)s: berhasil. Status tahun %(tahun)s sekarang %(status)s.")
                % {"aksi": self.aksi.label, "tahun": self.tahun, "status": riwayat.get_status_akhir_display()},
            )
        return redirect("reporting:tahun", slug=self.instansi.slug, tahun=self.tahun)


class UnduhView(InstansiTahunMixin, View):
    """A document of the agency-year generated from the current data, as PDF or DOCX."""

    def resolve(self, jenis, fmt, **kwargs):
        super().resolve(**kwargs)
        if jenis not in DOKUMEN or fmt not in CONTENT_TYPES:
            raise Http404(_("Dokumen tidak dikenal."))
        self.jenis, self.fmt = jenis, fmt

    def get(self, request, **kwargs):
        from .generate import dokumen, render

        data = render(dokumen(self.instansi, self.tahun, self.jenis), self.fmt)
        return _file(data, self.fmt, f"{self.jenis}-{self.instansi.slug}-{self.tahun}.{self.fmt}")


class LkipDisetujuiView(InstansiTahunMixin, View):
    """The LKIP exactly as approved; refused if the stored file no longer matches its SHA-256."""

    def resolve(self, pk, **kwargs):
        super().resolve(**kwargs)
        if not self.tahun_kinerja.pk:
            raise Http404
        self.riwayat = self.tahun_kinerja.riwayat.exclude(sha256="").filter(pk=pk).first()
        if self.riwayat is None:
            raise Http404(_("Tidak ada LKIP disetujui dengan nomor ini."))

    def get(self, request, **kwargs):
        data = self.riwayat.berkas_utuh()
        if data is None:
            return TemplateResponse(
                request,
                "masalah.html",
                {
                    "judul": _("Berkas tidak cocok"),
                    "pesan": _("Berkas LKIP yang disetujui telah berubah sejak disetujui (sidik SHA-256 tidak cocok)."),
                },
                status=409,
            )
        waktu = self.riwayat.waktu.strftime("%Y%m%d-%H%M")
        return _file(data, "pdf", f"lkip-{self.instansi.slug}-{self.tahun}-disetujui-{waktu}.pdf")


class JejakView(InstansiTahunMixin, TemplateView):
    """The audit trail of the agency-year, a page at a time (loaded into the page by HTMX)."""

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["reporting/web/_jejak_tahun.html"]
        return ["reporting/web/jejak.html"]

    def get_context_data(self, **kwargs):
        halaman = Paginator(audit.for_year(self.instansi, self.tahun), AUDIT_PER_PAGE).get_page(
            self.request.GET.get("halaman")
        )
        return super().get_context_data(
            halaman=halaman,
            entries=[(e, audit.perubahan(e)) for e in halaman],
            tampil_alamat=can(self.request.user, "sakip.audit", self.instansi),
            url_jejak=reverse("reporting:jejak", kwargs={"slug": self.instansi.slug, "tahun": self.tahun}),
            **kwargs,
        )


def _file(data: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class NarasiView(LembarView):
    """The LKIP's narrative sections of an agency-year, one text each, with the Excel round trip."""

    template_name = "reporting/web/narasi.html"
    url_name = "reporting:narasi"
    nama_berkas = "narasi"
    petunjuk_excel = gettext_lazy(
        "Tulis teks di kolom Teks; paragraf dipisah baris kosong, butir daftar diawali '- '. "
        "Kosongkan untuk menghapus bagian itu. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        return narasi.lembar(self.instansi, self.tahun)
