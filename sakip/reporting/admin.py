from django.contrib import admin

from sakip.accounts.admin_scope import ScopedAdmin

from . import models as m


class NarasiInline(ScopedAdmin, admin.StackedInline):
    model = m.Narasi
    extra = 0


@admin.register(m.LaporanKinerja)
class LaporanKinerjaAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["__str__", "tahun", "tanggal"]
    list_filter = ["tahun", "instansi"]
    inlines = [NarasiInline]


@admin.register(m.Narasi)
class NarasiAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["laporan", "bagian", "sasaran", "kegiatan"]
    list_filter = ["bagian", "laporan__instansi"]


class ReadOnlyAdmin(ScopedAdmin, admin.ModelAdmin):
    """The workflow is changed only through its steps (sakip/reporting/workflow.py)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RiwayatStatusInline(ScopedAdmin, admin.TabularInline):
    model = m.RiwayatStatus
    extra = 0
    fields = ["waktu", "nama", "aksi", "status_awal", "status_akhir", "catatan", "sha256"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(m.TahunKinerja)
class TahunKinerjaAdmin(ReadOnlyAdmin):
    list_display = ["instansi", "tahun", "status"]
    list_filter = ["status", "tahun", "instansi__pemda"]
    inlines = [RiwayatStatusInline]


@admin.register(m.RiwayatStatus)
class RiwayatStatusAdmin(ReadOnlyAdmin):
    list_display = ["tahun_kinerja", "waktu", "aksi", "nama"]
    list_filter = ["aksi"]
