from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from sakip import formatting as fmt
from sakip.accounts.admin_scope import ScopedAdmin

from . import models as m


class UnsurInline(ScopedAdmin, admin.StackedInline):
    model = m.UnsurSKM
    extra = 0
    fields = [("nomor", "nama"), "pertanyaan", ("jawaban_1", "jawaban_2", "jawaban_3", "jawaban_4")]


@admin.register(m.MetodeSKM)
class MetodeSKMAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["kode", "nama", "pemda", "acuan"]
    inlines = [UnsurInline]


class DistribusiInline(ScopedAdmin, admin.TabularInline):
    model = m.DistribusiJawaban
    extra = 0


@admin.register(m.SurveiSKM)
class SurveiSKMAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["judul", "instansi", "unit", "tahun", "metode", "terbuka", "diterbitkan", "hasil_singkat"]
    list_filter = ["tahun", "instansi", "terbuka", "diterbitkan"]
    readonly_fields = ["hasil_singkat", "tautan"]
    inlines = [DistribusiInline]
    actions = ["isi_realisasi"]

    @admin.display(description=_("hasil (IKM, mutu)"))
    def hasil_singkat(self, obj):
        h = obj.hasil(banding=False)
        if not h.nik.dapat_dihitung:
            return "-"
        return f"{fmt.angka(h.nik)} {h.mutu.huruf} ({h.jumlah_responden or '?'} responden)"

    @admin.display(description=_("kuesioner publik"))
    def tautan(self, obj):
        if obj.pk is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            obj.get_absolute_url(),
            _("kuesioner"),
            f"{obj.get_absolute_url()}cetak/",
            _("kode QR untuk dicetak"),
        )

    @admin.action(description=_("Isi realisasi indikator SKM dengan hasil survei"), permissions=["change"])
    def isi_realisasi(self, request, queryset):
        for survei in queryset:
            try:
                r = survei.isi_realisasi()
            except ValidationError as e:
                self.message_user(request, f"{survei}: {' '.join(e.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"{survei}: realisasi {r.tahun} = {fmt.nilai(r.nilai, mutu=r.mutu)}")


@admin.register(m.UnsurSKM)
class UnsurSKMAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["nomor", "nama", "metode"]
    list_filter = ["metode"]


@admin.register(m.DistribusiJawaban)
class DistribusiJawabanAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = [
        "survei",
        "unsur",
        "persen_1",
        "persen_2",
        "persen_3",
        "persen_4",
        "jumlah_1",
        "jumlah_2",
        "jumlah_3",
        "jumlah_4",
    ]


class JawabanInline(ScopedAdmin, admin.TabularInline):
    model = m.Jawaban
    extra = 0


@admin.register(m.Responden)
class RespondenAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["survei", "nomor", "tanggal", "jenis_kelamin", "usia", "pendidikan", "pekerjaan", "layanan"]
    list_filter = ["survei"]
    inlines = [JawabanInline]


@admin.register(m.Jawaban)
class JawabanAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["responden", "unsur", "nilai"]
    list_select_related = ["responden__survei", "unsur"]
