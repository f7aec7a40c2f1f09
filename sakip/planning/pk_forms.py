"""The forms of the Perjanjian Kinerja pages: its header (place, date, the two parties) and the
choice of one more indicator. Numbers are read the Indonesian way, as in the grids."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sakip import formatting
from sakip.organisation.models import Pejabat

from . import grid
from .grid import kelompok_indikator
from .models import PerjanjianKinerja
from .pk import MUTU_MAKS


class PejabatField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nama} — NIP {obj.nip_tampil}" if obj.nip else obj.nama


class NaskahPKForm(forms.ModelForm):
    """Where, when and between whom the PK is signed; the officials are those of the agency's pemda."""

    class Meta:
        model = PerjanjianKinerja
        fields = [
            "tempat",
            "tanggal",
            "pihak_pertama",
            "jabatan_pihak_pertama",
            "pihak_kedua",
            "jabatan_pihak_kedua",
            "keterangan",
        ]
        field_classes = {"pihak_pertama": PejabatField, "pihak_kedua": PejabatField}
        labels = {
            "tempat": _("Tempat penandatanganan"),
            "tanggal": _("Tanggal penandatanganan"),
            "pihak_pertama": _("Pihak pertama"),
            "jabatan_pihak_pertama": _("Jabatan pihak pertama"),
            "pihak_kedua": _("Pihak kedua"),
            "jabatan_pihak_kedua": _("Jabatan pihak kedua"),
            "keterangan": _("Keterangan"),
        }
        help_texts = {
            "tempat": _("Mis. Jember."),
            "tanggal": _("Kosongkan sampai PK ditandatangani; PK tanpa tanggal tercatat belum ditandatangani."),
            "pihak_pertama": _("Kepala instansi yang berjanji mewujudkan target."),
            "jabatan_pihak_pertama": _("Ditulis seperti pada naskah, mis. Camat Panti."),
            "pihak_kedua": _("Atasan pihak pertama, mis. bupati atau wali kota."),
            "jabatan_pihak_kedua": _("Mis. Bupati Jember."),
            "keterangan": _("Catatan tentang naskah ini (tidak wajib)."),
        }
        widgets = {
            "tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "keterangan": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "pihak_pertama": {"required": _("Pilih pejabat pihak pertama.")},
            "pihak_kedua": {"required": _("Pilih pejabat pihak kedua.")},
            "jabatan_pihak_pertama": {"required": _("Tulis jabatan pihak pertama.")},
            "jabatan_pihak_kedua": {"required": _("Tulis jabatan pihak kedua.")},
        }

    def __init__(self, *args, instansi, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.instansi, self.instance.tahun = instansi, tahun
        pejabat = Pejabat.objects.filter(pemda_id=instansi.pemda_id)
        for f in ("pihak_pertama", "pihak_kedua"):
            self.fields[f].queryset = pejabat
            self.fields[f].empty_label = _("— pilih pejabat —")
        if self.instance.pk is None and not self.is_bound:
            self.initial = {**awal(instansi), **self.initial}

    def clean(self):
        data = super().clean()
        pertama, kedua = data.get("pihak_pertama"), data.get("pihak_kedua")
        if pertama and pertama == kedua:
            self.add_error("pihak_kedua", _("Pihak kedua adalah atasan pihak pertama, bukan orang yang sama."))
        return data


def awal(instansi) -> dict:
    """A new PK's parties as the data has them: the agency's head, and the pemda's head above it."""
    pemda = instansi.pemda
    return {
        "tempat": instansi.kota or pemda.ibukota,
        "pihak_pertama": instansi.kepala_id,
        "jabatan_pihak_pertama": instansi.jabatan_kepala,
        "pihak_kedua": pemda.kepala_id,
        "jabatan_pihak_kedua": pemda.jabatan_kepala,
    }


class TambahIndikatorForm(forms.Form):
    """One more indicator of the Renstra for the PK; its target defaults to the Renstra's."""

    indikator = forms.TypedChoiceField(
        label=_("Indikator"), coerce=int, error_messages={"required": _("Pilih indikator yang ditambahkan.")}
    )
    nilai = forms.CharField(
        label=_("Target"),
        required=False,
        help_text=_("Kosongkan untuk memakai target Renstra tahun ini (tertulis di daftar pilihan)."),
    )
    mutu = forms.CharField(
        label=_("Predikat target"), required=False, max_length=MUTU_MAKS, help_text=_("Tidak wajib, mis. B.")
    )

    def __init__(self, *args, pilihan, tahun: int, **kwargs):
        """`pilihan`: (indikator, Renstra target or None) of the indicators not yet in the PK."""
        super().__init__(*args, **kwargs)
        self.indikator = {i.pk: i for i, _t in pilihan}
        kelompok: dict[str, list] = {}
        for ind, target in pilihan:
            kelompok.setdefault(kelompok_indikator(ind), []).append((ind.pk, _label(ind, target, tahun)))
        self.fields["indikator"].choices = [("", _("— pilih indikator —")), *kelompok.items()]
        self.fields["nilai"].widget.attrs["inputmode"] = "decimal"

    def clean_indikator(self):
        return self.indikator[self.cleaned_data["indikator"]]

    def clean_nilai(self):
        try:
            return grid.baca_angka(self.cleaned_data["nilai"].strip() or None)
        except grid.SelSalah as e:
            raise ValidationError(str(e)) from e


def _label(ind, target, tahun: int) -> str:
    if target is None or target.nilai is None:
        renstra = _("belum ada target Renstra %(tahun)d") % {"tahun": tahun}
    else:
        nilai = formatting.nilai(target.nilai, ind.satuan, target.mutu)
        renstra = _("target Renstra %(tahun)d: %(nilai)s") % {"tahun": tahun, "nilai": nilai}
    return f"{ind.nama} ({renstra})"
