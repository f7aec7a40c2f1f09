from django.contrib import admin

from sakip.accounts.admin_scope import ScopedAdmin

from . import models as m


class MisiInline(ScopedAdmin, admin.TabularInline):
    model = m.Misi
    extra = 0


class SasaranPemdaInline(ScopedAdmin, admin.TabularInline):
    model = m.SasaranPemda
    extra = 0


@admin.register(m.RPJMD)
class RPJMDAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["__str__", "pemda"]
    inlines = [MisiInline, SasaranPemdaInline]


@admin.register(m.Renstra)
class RenstraAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["__str__", "kode", "versi", "berlaku_mulai"]
    list_filter = ["instansi__pemda", "instansi"]


class SasaranInline(ScopedAdmin, admin.TabularInline):
    model = m.Sasaran
    extra = 0


@admin.register(m.Tujuan)
class TujuanAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["kode", "uraian", "renstra"]
    list_filter = ["renstra__instansi"]
    inlines = [SasaranInline]


class StrategiInline(ScopedAdmin, admin.TabularInline):
    model = m.Strategi
    extra = 0


class KebijakanInline(ScopedAdmin, admin.TabularInline):
    model = m.Kebijakan
    extra = 0


@admin.register(m.Sasaran)
class SasaranAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["kode", "uraian", "tujuan"]
    list_filter = ["tujuan__renstra__instansi"]
    inlines = [StrategiInline, KebijakanInline]


class KegiatanInline(ScopedAdmin, admin.TabularInline):
    model = m.Kegiatan
    extra = 0


@admin.register(m.Program)
class ProgramAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["kode", "nama", "sasaran", "renstra"]
    list_filter = ["renstra__instansi"]
    search_fields = ["kode", "nama"]
    inlines = [KegiatanInline]


class SubKegiatanInline(ScopedAdmin, admin.TabularInline):
    model = m.SubKegiatan
    extra = 0


@admin.register(m.Kegiatan)
class KegiatanAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["kode", "nama", "program"]
    list_filter = ["program__renstra__instansi"]
    search_fields = ["kode", "nama"]
    inlines = [SubKegiatanInline]


@admin.register(m.SubKegiatan)
class SubKegiatanAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["kode", "nama", "kegiatan"]
    search_fields = ["kode", "nama"]


class TargetInline(ScopedAdmin, admin.TabularInline):
    model = m.Target
    extra = 0
    fields = ["tahun", "nilai", "nilai_atas", "mutu", "rkt", "perjanjian", "catatan"]


@admin.register(m.Indikator)
class IndikatorAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["kode", "nama", "satuan", "rumus", "iku", "renstra"]
    list_filter = ["renstra__instansi", "iku", "rumus", "kategori"]
    search_fields = ["kode", "nama"]
    filter_horizontal = ["penanggung_jawab"]
    inlines = [TargetInline]


class RencanaAksiInline(ScopedAdmin, admin.TabularInline):
    model = m.RencanaAksi
    extra = 0


@admin.register(m.Target)
class TargetAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["indikator", "tahun", "get_sumber_display", "nilai", "mutu"]
    list_filter = ["tahun", "indikator__renstra__instansi"]
    inlines = [RencanaAksiInline]


class PKProgramInline(ScopedAdmin, admin.TabularInline):
    model = m.PKProgram
    extra = 0


class PKTargetInline(ScopedAdmin, admin.TabularInline):
    model = m.Target
    extra = 0
    fields = ["indikator", "tahun", "nilai", "nilai_atas", "mutu", "catatan"]


@admin.register(m.PerjanjianKinerja)
class PerjanjianKinerjaAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["__str__", "tahun", "versi", "tanggal"]
    list_filter = ["instansi", "tahun"]
    inlines = [PKTargetInline, PKProgramInline]


@admin.register(m.RencanaKinerjaTahunan)
class RKTAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["__str__", "tahun", "tanggal"]
    list_filter = ["instansi"]
    inlines = [PKTargetInline]


@admin.register(m.KeputusanIKU)
class KeputusanIKUAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["nomor", "instansi", "tahun", "tanggal"]
    filter_horizontal = ["indikator"]


@admin.register(m.Misi)
class MisiAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["nomor", "uraian", "rpjmd"]


@admin.register(m.SasaranPemda)
class SasaranPemdaAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["kode", "uraian", "rpjmd"]


@admin.register(m.Strategi)
class StrategiAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["uraian", "sasaran"]


@admin.register(m.Kebijakan)
class KebijakanAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["uraian", "sasaran"]


@admin.register(m.RencanaAksi)
class RencanaAksiAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["target", "triwulan", "nilai", "aksi"]
    list_filter = ["triwulan", "target__perjanjian__instansi"]


@admin.register(m.PKProgram)
class PKProgramAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["program", "perjanjian", "anggaran"]
