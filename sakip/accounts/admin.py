"""Back office: a user's role on the user page; the audit trail read-only and searchable."""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .models import Peran


class PeranInline(admin.StackedInline):
    model = Peran
    can_delete = True
    extra = 0
    max_num = 1


admin.site.unregister(User)


@admin.register(User)
class PenggunaAdmin(UserAdmin):
    inlines = [PeranInline]
    list_display = ["username", "first_name", "peran", "is_active", "is_staff", "last_login"]
    list_select_related = ["peran"]
    list_filter = ["peran__jenis", "peran__pemda", "is_active", "is_staff"]


@admin.register(Peran)
class PeranAdmin(admin.ModelAdmin):
    list_display = ["user", "jenis", "pemda", "instansi"]
    list_filter = ["jenis", "pemda"]
    search_fields = ["user__username", "user__first_name", "instansi__nama"]


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class JejakAuditAdmin(LogEntryAdmin):
    """auditlog's read-only list, with the client address shown and searchable."""

    list_display = [*LogEntryAdmin.list_display, "remote_addr"]
    search_fields = [*LogEntryAdmin.search_fields, "remote_addr"]
