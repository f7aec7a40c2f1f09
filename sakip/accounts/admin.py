"""Back office: users and their role, scoped to the admin pemda's own pemda; the audit trail
read-only and searchable; other apps' admins only for the installation administrator."""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .access import can, pemda_visible
from .admin_scope import ScopedAdmin, SystemAdminOnly, may_somewhere
from .models import Peran
from .predicates import is_system_admin


def _for_the_system_admin_only() -> None:
    """The admins registered before this module (Django's groups, axes' login records): their
    records belong to no pemda."""
    for model, model_admin in list(admin.site._registry.items()):
        if model is not User:
            original = type(model_admin)
            admin.site.unregister(model)
            admin.site.register(model, type(original.__name__, (SystemAdminOnly, original), {}))


_for_the_system_admin_only()


class PeranInline(ScopedAdmin, admin.StackedInline):
    model = Peran
    view_rule = edit_rule = "sakip.manage_users"
    can_delete = True
    extra = 0
    max_num = 1

    def get_min_num(self, request, obj=None, **kwargs):
        """An admin pemda's new user needs a role: without one it would not be in its pemda."""
        return 0 if is_system_admin(request.user) else 1


admin.site.unregister(User)

# Only the installation administrator makes superusers or hands out Django's own permissions.
SYSTEM_ADMIN_FIELDS = {"is_superuser", "groups", "user_permissions"}


@admin.register(User)
class PenggunaAdmin(ScopedAdmin, UserAdmin):
    view_rule = edit_rule = "sakip.manage_users"
    inlines = [PeranInline]
    list_display = ["username", "first_name", "peran", "is_active", "is_staff", "last_login"]
    list_select_related = ["peran"]
    list_filter = ["peran__jenis", "peran__pemda", "is_active", "is_staff"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if is_system_admin(request.user):
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in SYSTEM_ADMIN_FIELDS]})
            for name, options in fieldsets
        ]


@admin.register(Peran)
class PeranAdmin(ScopedAdmin, admin.ModelAdmin):
    view_rule = edit_rule = "sakip.manage_users"
    list_display = ["user", "jenis", "pemda", "instansi"]
    list_filter = ["jenis", "pemda"]
    search_fields = ["user__username", "user__first_name", "instansi__nama"]


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class JejakAuditAdmin(ScopedAdmin, LogEntryAdmin):
    """auditlog's read-only list, with the client address shown and searchable: every entry for
    the installation administrator, the entries of records of its pemda for an admin pemda."""

    view_rule = "sakip.audit"
    list_display = [*LogEntryAdmin.list_display, "remote_addr"]
    search_fields = [*LogEntryAdmin.search_fields, "remote_addr"]

    def get_queryset(self, request):
        queryset = LogEntryAdmin.get_queryset(self, request)
        if is_system_admin(request.user):
            return queryset
        pemda = [p.pk for p in pemda_visible(request.user) if can(request.user, self.view_rule, p)]
        return queryset.filter(additional_data__pemda__in=pemda)

    def has_view_permission(self, request, obj=None):
        return may_somewhere(request.user, self.view_rule)  # the rows are narrowed above

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
