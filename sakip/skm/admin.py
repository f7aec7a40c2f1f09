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


@admin.register(m.UnsurSKM)
class UnsurSKMAdmin(admin.ModelAdmin):
    list_display = ["nomor", "nama", "metode"]
    list_filter = ["metode"]


@admin.register(m.DistribusiJawaban)
class DistribusiJawabanAdmin(admin.ModelAdmin):
    list_display = ["survei", "unsur", "persen_1", "persen_2", "persen_3", "persen_4"]
