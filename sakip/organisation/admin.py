from django.contrib import admin

from sakip.accounts.admin_scope import ScopedAdmin
from sakip.accounts.predicates import is_system_admin

from .models import Instansi, Pejabat, Pemda, TugasFungsi, UnitOrganisasi


@admin.register(Pemda)
class PemdaAdmin(ScopedAdmin, admin.ModelAdmin):
    """An admin pemda edits its own pemda; adding or removing a pemda is the installation's."""

    list_display = ["nama", "jenis", "jabatan_kepala"]
    prepopulated_fields = {"slug": ["nama"]}

    def has_add_permission(self, request, obj=None):
        return is_system_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_system_admin(request.user)


@admin.register(Pejabat)
class PejabatAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["nama", "nip_tampil", "golongan", "pemda"]
    list_filter = ["pemda"]
    search_fields = ["nama", "nip"]


class TugasFungsiInline(ScopedAdmin, admin.TabularInline):
    model = TugasFungsi
    extra = 0


class UnitInline(ScopedAdmin, admin.TabularInline):
    model = UnitOrganisasi
    fk_name = "instansi"
    extra = 0


@admin.register(Instansi)
class InstansiAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["nama", "jenis", "pemda", "kepala"]
    list_filter = ["pemda", "jenis"]
    search_fields = ["nama", "slug"]
    prepopulated_fields = {"slug": ["nama"]}
    inlines = [UnitInline, TugasFungsiInline]


@admin.register(UnitOrganisasi)
class UnitOrganisasiAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["nama", "jenis", "induk", "instansi"]
    list_filter = ["instansi__pemda", "jenis"]
    search_fields = ["nama"]


@admin.register(TugasFungsi)
class TugasFungsiAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["instansi", "jenis", "urutan", "uraian"]
    list_filter = ["jenis", "instansi"]
