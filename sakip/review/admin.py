from django.contrib import admin

from sakip.accounts.admin_scope import ScopedAdmin

from .models import TemuanReviu


@admin.register(TemuanReviu)
class TemuanReviuAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["instansi", "tahun", "severity", "rule", "location", "status"]
    list_filter = ["severity", "status", "rule", "tahun", "instansi"]
    search_fields = ["message", "location"]
    readonly_fields = ["key", "rule", "severity", "location", "message", "stated", "expected", "found_at", "checked_at"]
