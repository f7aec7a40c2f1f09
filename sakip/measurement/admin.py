from django.contrib import admin

from sakip.accounts.admin_scope import ScopedAdmin

from . import models as m


class RentangInline(ScopedAdmin, admin.TabularInline):
    model = m.RentangPredikat
    extra = 0


@admin.register(m.SkalaPredikat)
class SkalaPredikatAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["nama", "pemda", "instansi"]
    inlines = [RentangInline]


@admin.register(m.Realisasi)
class RealisasiAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["indikator", "tahun", "periode", "nilai", "mutu"]
    list_filter = ["tahun", "periode", "indikator__renstra__instansi"]
    search_fields = ["indikator__nama", "indikator__kode"]


@admin.register(m.RealisasiNasional)
class RealisasiNasionalAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["indikator", "tahun", "nilai", "sumber"]


@admin.register(m.Anggaran)
class AnggaranAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["pemilik", "tahun", "pagu", "realisasi"]
    list_filter = ["tahun"]


@admin.register(m.Belanja)
class BelanjaAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["instansi", "tahun", "jenis", "pagu", "realisasi"]
    list_filter = ["tahun", "instansi"]


@admin.register(m.RentangPredikat)
class RentangPredikatAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["predikat", "skala", "bawah", "bawah_inklusif", "atas", "atas_inklusif"]
