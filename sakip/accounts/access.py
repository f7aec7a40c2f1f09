"""What a user may see and do: the one place every view asks.

    visible(user, Realisasi.objects.filter(tahun=2020))   the rows the user may see
    instansi_visible(user)                                  the agencies the user may see
    get_visible_or_404(user, Realisasi.objects, pk=5)       one row, 404 when not visible
    can(user, "sakip.edit", obj) / require(...)             a role rule (403 from require)
    class MyView(InstansiTahunMixin, TemplateView)          /<slug>/<tahun>/ views: 404 for
                                                            agencies the user may not see, 403
                                                            when the role may not do `rule`

A record that the user may not see answers 404, never 403, so a guessed URL does not even
confirm that the agency exists.
"""

import rules
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from sakip.organisation.models import Instansi, Pemda

from .predicates import is_system_admin, peran
from .scopes import owner_filter


def instansi_visible(user) -> QuerySet[Instansi]:
    return visible(user, Instansi.objects.select_related("pemda"))


def pemda_visible(user) -> QuerySet[Pemda]:
    if is_system_admin(user):
        return Pemda.objects.all()
    p = peran(user)
    return Pemda.objects.filter(pk=p.pemda_id) if p else Pemda.objects.none()


def visible(user, queryset: QuerySet) -> QuerySet:
    """`queryset` narrowed to the rows the user may see (by the model's scope)."""
    if is_system_admin(user):
        return queryset
    p = peran(user)
    if p is None:
        return queryset.none()
    instansi_ids = [p.instansi_id] if p.per_instansi else Instansi.objects.filter(pemda_id=p.pemda_id).values("pk")
    return queryset.filter(owner_filter(queryset.model, instansi_ids, [p.pemda_id]))


def get_visible_or_404(user, queryset, **lookup) -> Model:
    obj = visible(user, queryset if isinstance(queryset, QuerySet) else queryset.all()).filter(**lookup).first()
    if obj is None:
        raise Http404(_("Data tidak ditemukan."))
    return obj


def can(user, rule: str, obj) -> bool:
    return rules.test_rule(rule, user, obj)


def require(user, rule: str, obj) -> None:
    """403 when the user's role may not do `rule` on a record the user can see."""
    if not can(user, rule, obj):
        raise PermissionDenied(_("Peran Anda tidak boleh melakukan tindakan ini."))


def tahun_renstra(renstra: QuerySet) -> list[int]:
    """Every year the given Renstra periods cover."""
    years = set()
    for awal, akhir in renstra.values_list("tahun_awal", "tahun_akhir"):
        years.update(range(awal, akhir + 1))
    return sorted(years)


def tahun_instansi(instansi: Instansi) -> list[int]:
    """The years an agency works in: every year of its Renstra periods."""
    return tahun_renstra(instansi.renstra.all())


class InstansiMixin(LoginRequiredMixin):
    """For views under /instansi/<slug>/: sets `self.instansi` (404 when the user may not see it)
    and checks `rule` on `rule_object()` (403)."""

    rule = "sakip.view"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.instansi = get_visible_or_404(request.user, Instansi.objects.select_related("pemda"), slug=kwargs["slug"])
        self.resolve(**kwargs)
        require(request.user, self.rule, self.rule_object())
        return super().dispatch(request, *args, **kwargs)

    def resolve(self, **kwargs) -> None:
        """Look up what else the URL names, once the agency is known to be visible."""

    def rule_object(self):
        return self.instansi

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{**kwargs, "instansi": self.instansi})


class InstansiTahunMixin(InstansiMixin):
    """For views under /instansi/<slug>/<tahun>/: also sets `self.tahun` (404 outside the agency's
    Renstra years) and `self.tahun_kinerja`, the workflow record of the agency-year (unsaved while
    nobody has acted on it); `rule` is checked on it."""

    def resolve(self, tahun, **kwargs):
        from sakip.reporting.models import TahunKinerja

        if tahun not in tahun_instansi(self.instansi):
            raise Http404(_("Tahun di luar periode Renstra instansi ini."))
        self.tahun = tahun
        self.tahun_kinerja = TahunKinerja.untuk(self.instansi, tahun)

    def rule_object(self):
        return self.tahun_kinerja

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{**kwargs, "tahun": self.tahun, "tahun_kinerja": self.tahun_kinerja})
