"""The planning pages of an agency-year: the Renstra grid (indicators and yearly targets) and
the Perjanjian Kinerja with its versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from sakip.accounts.access import InstansiTahunMixin

from . import lembar, pk
from .models import PerjanjianKinerja
from .web import LembarView


class RenstraView(LembarView):
    """Every indicator of the Renstra in force: yearly targets, IKU, formulasi, unit, sumber data."""

    template_name = "planning/renstra.html"
    url_name = "planning:renstra"
    nama_berkas = "renstra"
    petunjuk_excel = gettext_lazy(
        "Isi kolom kuning; kolom abu-abu hanya keterangan. Target per tahun boleh ditulis 70,89 atau 1.825; "
        "IKU: ya atau tidak; penanggung jawab: kode unit, pisahkan dengan koma. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        return lembar.lembar(self.instansi, self.tahun)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        return {**ctx, "unit": sorted(set(self.sheet.unit.values()), key=str)}


class PkView(LembarView):
    """The PK in force with its targets (editable), its programs, and its earlier versions
    (`?versi=N`, read-only)."""

    template_name = "planning/pk.html"
    url_name = "planning:pk"
    nama_berkas = "pk"
    petunjuk_excel = gettext_lazy(
        "Isi kolom kuning (Target, Predikat target, Keterangan) untuk versi PK yang berlaku. Jangan ubah kolom Kode."
    )

    def buat_lembar(self):
        versi = self.request.GET.get("versi", "") if self.request.method == "GET" and self.aksi == "halaman" else ""
        return pk.lembar(self.instansi, self.tahun, int(versi) if versi.isdigit() else None)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        sheet = self.sheet
        return {
            **ctx,
            "ubah": ctx["ubah"] and sheet.dapat_diubah,
            "boleh_perubahan": ctx["ubah"] and sheet.pk is not None,
            "versi": PerjanjianKinerja.objects.filter(instansi=self.instansi, tahun=self.tahun).order_by("versi"),
            "program": sheet.pk.program.select_related("program") if sheet.pk else [],
        }


class PkPerubahanView(InstansiTahunMixin, View):
    """POST: a perubahan of the PK in force, copied from it; the old version is kept."""

    rule = "sakip.edit"
    http_method_names = ["post"]

    def post(self, request, **kwargs):
        berlaku = PerjanjianKinerja.berlaku(self.instansi, self.tahun)
        if berlaku is None:
            messages.error(request, _("Belum ada Perjanjian Kinerja tahun ini untuk diubah."))
        else:
            try:
                baru = pk.buat_perubahan(berlaku)
            except ValidationError as e:  # a frozen year (sakip/reporting/frozen.py)
                messages.error(request, " ".join(e.messages))
            else:
                messages.success(
                    request,
                    _("%(baru)s dibuat dari salinan %(lama)s, yang tetap tersimpan. Ubah targetnya di bawah.")
                    % {"baru": baru.judul, "lama": berlaku.judul},
                )
        return redirect("planning:pk", slug=self.instansi.slug, tahun=self.tahun)
