from django.contrib import admin

from .models import Instansi, Pejabat, Pemda, TugasFungsi, UnitOrganisasi


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "jabatan_kepala"]
    prepopulated_fields = {"slug": ["nama"]}


@admin.register(Pejabat)
class PejabatAdmin(admin.ModelAdmin):
    list_display = ["nama", "nip_tampil", "golongan", "pemda"]
    list_filter = ["pemda"]
    search_fields = ["nama", "nip"]


class TugasFungsiInline(admin.TabularInline):
    model = TugasFungsi
    extra = 0


class UnitInline(admin.TabularInline):
    model = UnitOrganisasi
    fk_name = "instansi"
    extra = 0


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "pemda", "kepala"]
    list_filter = ["pemda", "jenis"]
    search_fields = ["nama", "slug"]
    prepopulated_fields = {"slug": ["nama"]}
    inlines = [UnitInline, TugasFungsiInline]


@admin.register(UnitOrganisasi)
class UnitOrganisasiAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "induk", "instansi"]
    list_filter = ["instansi__pemda", "jenis"]
    search_fields = ["nama"]


@admin.register(TugasFungsi)
class TugasFungsiAdmin(admin.ModelAdmin):
    list_display = ["instansi", "jenis", "urutan", "uraian"]
    list_filter = ["jenis", "instansi"]
