"""Audit actor and address for every request; a clear page when a change hits a frozen year."""

from auditlog.middleware import AuditlogMiddleware
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from sakip.reporting.frozen import FrozenError

from .network import client_ip


class AuditMiddleware(AuditlogMiddleware):
    """auditlog's middleware, with the address read the same way as the lock-out reads it
    (auditlog trusts any X-Forwarded-For header, which a client can forge)."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)

    @staticmethod
    def _get_remote_port(request):
        return None


class FrozenDataMiddleware:
    """A change refused because its year is approved: back to the form with the reason
    (the back office and every web form), or the reason as a page for other requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, FrozenError):
            return None
        if request.method == "POST" and not request.headers.get("HX-Request"):
            messages.error(request, exception.message)
            return redirect(request.get_full_path())
        return TemplateResponse(
            request, "masalah.html", {"judul": _("Perubahan ditolak"), "pesan": exception.message}, status=409
        )
