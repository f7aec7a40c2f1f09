from django.contrib import admin

from . import models as m


class NarasiInline(admin.StackedInline):
    model = m.Narasi
    extra = 0


@admin.register(m.LaporanKinerja)
class LaporanKinerjaAdmin(admin.ModelAdmin):
    list_display = ["__str__", "tahun", "tanggal"]
    list_filter = ["tahun", "instansi"]
    inlines = [NarasiInline]


@admin.register(m.Narasi)
class NarasiAdmin(admin.ModelAdmin):
    list_display = ["laporan", "bagian", "sasaran", "kegiatan"]
    list_filter = ["bagian", "laporan__instansi"]
