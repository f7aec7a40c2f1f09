"""The back office (/admin/) through the same access helper as the workspace.

Every ModelAdmin and inline of the project mixes in `ScopedAdmin`:

- rows: `get_queryset` is `access.visible(user, …)`, so a record of another pemda is as absent
  as a deleted one (Django's admin answers both by redirecting to the index with "… tidak ada");
- choices: foreign keys and many-to-many fields offer only visible records, list filters only
  the values of visible rows, so nothing can be attached to another pemda's agency;
- permissions: `view_rule` / `edit_rule` (`sakip.view`, `sakip.edit` …) on the record, never
  Django's model permissions (which a superuser passes everywhere); without a record, on the
  user's own place (its agency or pemda), the widest it reaches;
- saving: the rule is tested on the record as it will be stored, and an approved year's refusal
  (sakip/reporting/frozen.py) is shown on the form, both as form errors.

Users are not a scoped model: a user belongs where its role (Peran) is, and superusers are left
to the installation administrator. Other apps' models (groups, axes' login records) are for the
installation administrator only (`SystemAdminOnly`).
"""

from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sakip.reporting.frozen import FrozenError, ensure_editable

from .access import can, visible
from .models import Peran
from .predicates import is_system_admin, peran
from .scopes import has_scope, owner


def narrow(user, queryset: QuerySet) -> QuerySet:
    """`queryset` as far as the user may see it in the back office."""
    if is_system_admin(user):
        return queryset
    if queryset.model is User:
        return queryset.filter(is_superuser=False, peran__in=narrow(user, Peran.objects.all()))
    if queryset.model is Peran:
        return visible(user, queryset).exclude(user__is_superuser=True)
    return visible(user, queryset)


def rule_object(obj):
    """The scoped record a rule is tested on: the record itself, or a user's role. None for a
    superuser or a user without a role: those are the installation administrator's."""
    if isinstance(obj, User):
        if obj.is_superuser:
            return None
        try:
            return obj.peran
        except ObjectDoesNotExist:
            return None
    if isinstance(obj, Peran) and obj.user_id and obj.user.is_superuser:
        return None
    return obj


def may_somewhere(user, rule: str) -> bool:
    """Whether the user's role may do `rule` at all: tested on its own agency or pemda."""
    if is_system_admin(user):
        return True
    p = peran(user)
    return p is not None and can(user, rule, p.instansi if p.per_instansi else p.pemda)


def allowed(user, rule: str, obj=None) -> bool:
    if obj is None:
        return may_somewhere(user, rule)
    target = rule_object(obj)
    return is_system_admin(user) if target is None else can(user, rule, target)


def checked(form_class, user, rule: str, inline: bool = False):
    """`form_class` that refuses, as a form error, a record the user's role may not store as it
    stands (e.g. moved to another pemda) or one of an approved year. An inline row is checked only
    when it changed (unchanged rows are not saved); a row of a parent still being added belongs to
    that parent, which its own form checks."""

    class Checked(form_class):
        def _post_clean(self):
            super()._post_clean()
            obj = self.instance
            if self._errors or not has_scope(type(obj)) or (inline and not self.has_changed()):
                return
            if inline and obj.pk is None and owner(obj).shared:
                return
            if not allowed(user, rule, obj):
                p = peran(user)
                self.add_error(
                    None,
                    _(
                        "Peran Anda hanya boleh menyimpan data milik %(tempat)s; data nasional atau milik pemda "
                        "lain tidak dapat disimpan."
                    )
                    % {"tempat": (p.instansi if p.per_instansi else p.pemda) if p else "-"},
                )
                return
            try:
                ensure_editable(obj)
            except FrozenError as e:
                self.add_error(None, e)

    Checked.__name__ = form_class.__name__
    return Checked


class ScopedAdmin:
    """Mixin for every ModelAdmin and inline (put it first): rows, choices, permissions and
    saving through the role rules. For an inline, a permission asked about `obj` is asked about
    its parent record."""

    view_rule = "sakip.view"
    edit_rule = "sakip.edit"

    def get_queryset(self, request):
        return narrow(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return allowed(request.user, self.view_rule, obj)

    def has_add_permission(self, request, obj=None):
        return allowed(request.user, self.edit_rule, obj)

    def has_change_permission(self, request, obj=None):
        return allowed(request.user, self.edit_rule, obj)

    def has_delete_permission(self, request, obj=None):
        return allowed(request.user, self.edit_rule, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs["queryset"] = self._choices(db_field, request, kwargs.get("queryset"), kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["queryset"] = self._choices(db_field, request, kwargs.get("queryset"), kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _choices(self, db_field, request, queryset, using):
        model = db_field.remote_field.model
        if queryset is None:
            queryset = self.get_field_queryset(using, db_field, request)
        if queryset is None:
            queryset = model._default_manager.using(using).all()
        return narrow(request.user, queryset) if has_scope(model) or model is User else queryset

    def get_list_filter(self, request):
        """A filter on a related record lists only the values of the rows the user sees."""
        return [
            (spec, RelatedOnlyFieldListFilter)
            if isinstance(spec, str) and get_fields_from_path(self.model, spec)[-1].is_relation
            else spec
            for spec in super().get_list_filter(request)
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        return checked(super().get_form(request, obj, change=change, **kwargs), request.user, self.edit_rule)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = checked(formset.form, request.user, self.edit_rule, inline=True)
        return formset


class SystemAdminOnly:
    """Mixin for other apps' admins (groups, axes' login records): their records belong to no
    pemda, so only the installation administrator works with them, within the app's own limits."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if is_system_admin(request.user) else queryset.none()

    def has_module_permission(self, request):
        return is_system_admin(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_system_admin(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return is_system_admin(request.user) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_system_admin(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_system_admin(request.user) and super().has_delete_permission(request, obj)
