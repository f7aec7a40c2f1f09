"""The findings of the data reviu of an agency-year: everyone who may see the year reads them;
the reviewer accepts or dismisses each with a note; who may change or review the data re-runs
the reviu. Open errors block approval (see `sakip.review.open_errors`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from sakip.accounts.access import InstansiTahunMixin, can, require
from sakip.calc.reviu import ERROR, INFO, WARNING

from .data_rules import reviu_data
from .models import TemuanReviu

URUTAN = {ERROR: 0, WARNING: 1, INFO: 2}


def boleh_menjalankan(user, tahun_kinerja) -> bool:
    return can(user, "sakip.review", tahun_kinerja) or can(user, "sakip.edit", tahun_kinerja)


class TemuanView(InstansiTahunMixin, TemplateView):
    template_name = "review/temuan.html"

    def get_context_data(self, **kwargs):
        temuan = sorted(
            TemuanReviu.objects.filter(instansi=self.instansi, tahun=self.tahun).select_related("decided_by"),
            key=lambda t: (t.status != TemuanReviu.Status.OPEN, URUTAN.get(t.severity, 3), t.pk),
        )
        user = self.request.user
        return super().get_context_data(
            temuan=temuan,
            terbuka={s: sum(t.severity == s and t.status == "open" for t in temuan) for s in (ERROR, WARNING, INFO)},
            boleh_memutus=can(user, "sakip.review", self.tahun_kinerja),
            boleh_menjalankan=boleh_menjalankan(user, self.tahun_kinerja),
            **kwargs,
        )


class JalankanView(InstansiTahunMixin, View):
    """POST: run the data reviu now and store its findings (decisions on those that remain stay)."""

    def post(self, request, slug, tahun):
        if not boleh_menjalankan(request.user, self.tahun_kinerja):
            raise PermissionDenied(_("Peran Anda tidak boleh menjalankan reviu."))
        hasil = TemuanReviu.sync(self.instansi, self.tahun, reviu_data(self.instansi, self.tahun))
        messages.success(request, _("Reviu data selesai: %(n)d temuan.") % {"n": len(hasil)})
        return redirect("review:temuan", slug=slug, tahun=tahun)


class PutusanView(InstansiTahunMixin, View):
    """POST: the reviewer's decision on one finding — terima, abaikan (an error needs a note) or
    buka (back to open)."""

    KEPUTUSAN = {
        "terima": TemuanReviu.Status.ACCEPTED,
        "abaikan": TemuanReviu.Status.DISMISSED,
        "buka": TemuanReviu.Status.OPEN,
    }

    def post(self, request, slug, tahun, pk, keputusan):
        if keputusan not in self.KEPUTUSAN:
            raise Http404(_("Keputusan tidak dikenal."))
        require(request.user, "sakip.review", self.tahun_kinerja)
        temuan = get_object_or_404(TemuanReviu, pk=pk, instansi=self.instansi, tahun=self.tahun)
        try:
            temuan.decide(self.KEPUTUSAN[keputusan], request.user, request.POST.get("catatan", ""))
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("Keputusan atas temuan disimpan."))
        return redirect("review:temuan", slug=slug, tahun=tahun)
