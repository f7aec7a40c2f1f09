from django.contrib import admin

from . import models as m


class UnsurInline(admin.TabularInline):
    model = m.UnsurSKM
    extra = 0


@admin.register(m.MetodeSKM)
class MetodeSKMAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "pemda"]
    inlines = [UnsurInline]


class DistribusiInline(admin.TabularInline):
    model = m.DistribusiJawaban
    extra = 0


@admin.register(m.SurveiSKM)
class SurveiSKMAdmin(admin.ModelAdmin):
    list_display = ["judul", "instansi", "tahun", "metode"]
    list_filter = ["tahun", "instansi"]
    inlines = [DistribusiInline]
