"""Login, the landing page and the account pages; the agency pages live in sakip/reporting/views.py."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from sakip.reporting.models import TahunKinerja

from .access import instansi_visible


class MasukView(auth_views.LoginView):
    template_name = "accounts/masuk.html"
    redirect_authenticated_user = True


class BerandaView(LoginRequiredMixin, TemplateView):
    """Landing page: the agencies the user may see, per pemda, with the years past draft."""

    template_name = "accounts/beranda.html"

    def get_context_data(self, **kwargs):
        daftar = list(instansi_visible(self.request.user).order_by("pemda__nama", "nama"))
        status = {}
        for tk in TahunKinerja.objects.filter(instansi__in=daftar).exclude(status=TahunKinerja.Status.DRAFT):
            status.setdefault(tk.instansi_id, []).append(tk)
        for instansi in daftar:
            instansi.status_tahun = sorted(status.get(instansi.pk, []), key=lambda tk: -tk.tahun)
        per_pemda = [(pemda, list(rows)) for pemda, rows in groupby(daftar, key=lambda i: i.pemda)]
        return super().get_context_data(per_pemda=per_pemda, **kwargs)


class GantiKataSandiView(auth_views.PasswordChangeView):
    template_name = "accounts/kata_sandi.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        messages.success(self.request, _("Kata sandi Anda sudah diganti."))
        return super().form_valid(form)


def csrf_failure(request, reason=""):
    """A form sent from a page that was open too long (or from elsewhere): say so in plain words."""
    return TemplateResponse(request, "csrf.html", status=403)
