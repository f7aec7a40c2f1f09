"""The forms of the Renstra's structure (sakip/planning/struktur.py): one ModelForm per kind of
item. The view sets the parent on the instance first, so the model's own rules all apply,
including the unique kode within its parent that a plain ModelForm skips (the parent is not a
form field)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sakip.calc.capaian import JenisNilai

from .models import Indikator, Kebijakan, Kegiatan, Program, Sasaran, SasaranPemda, Strategi, SubKegiatan, Tujuan

UNIK = ("unique", "unique_together")

URAIAN = forms.Textarea(attrs={"rows": 3})
KODE_SLUG = _("Huruf kecil, angka dan tanda hubung, mis. sasaran-3; unik dalam Renstra.")
KODE_SALAH = {
    "kode": {"invalid": _("Kode hanya boleh berisi huruf, angka dan tanda hubung, tanpa spasi (mis. sasaran-3).")}
}
KODE_PROGRAM = _("Kode Permendagri 90/2019 (mis. 7.01.02) atau kode lokal.")


class StrukturForm(forms.ModelForm):
    def validate_unique(self):
        """Every unique rule and constraint of the model, with the parent already on the instance;
        a kode already taken is shown next to the kode field."""
        found: dict = {}
        for check in (self.instance.validate_unique, self.instance.validate_constraints):
            try:
                check()
            except ValidationError as e:
                found = e.update_error_dict(found)
        for field, errors in found.items():
            for error in errors:
                if error.code not in UNIK or "kode" not in self.fields:
                    self.add_error(field if field in self.fields else None, error)
                elif not self.has_error("kode"):  # a kode that did not pass its own check is not looked up
                    self.add_error(
                        "kode", _("Kode “%(kode)s” sudah dipakai; tulis kode lain.") % {"kode": self.instance.kode}
                    )


class TujuanForm(StrukturForm):
    class Meta:
        model = Tujuan
        fields = ["kode", "uraian", "sasaran_pemda"]
        labels = {"kode": _("Kode"), "uraian": _("Uraian tujuan"), "sasaran_pemda": _("Mendukung sasaran RPJMD")}
        help_texts = {"kode": KODE_SLUG}
        error_messages = KODE_SALAH
        widgets = {"uraian": URAIAN}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pemda = self.instance.renstra.instansi.pemda_id
        self.fields["sasaran_pemda"].queryset = SasaranPemda.objects.filter(rpjmd__pemda=pemda)
        self.fields["sasaran_pemda"].empty_label = _("— tidak disebut —")


class SasaranForm(StrukturForm):
    class Meta:
        model = Sasaran
        fields = ["kode", "uraian"]
        labels = {"kode": _("Kode"), "uraian": _("Uraian sasaran")}
        help_texts = {"kode": KODE_SLUG}
        error_messages = KODE_SALAH
        widgets = {"uraian": URAIAN}


class StrategiForm(StrukturForm):
    class Meta:
        model = Strategi
        fields = ["uraian"]
        labels = {"uraian": _("Uraian strategi")}
        widgets = {"uraian": URAIAN}


class KebijakanForm(StrukturForm):
    class Meta:
        model = Kebijakan
        fields = ["uraian"]
        labels = {"uraian": _("Uraian kebijakan")}
        widgets = {"uraian": URAIAN}


class ProgramForm(StrukturForm):
    class Meta:
        model = Program
        fields = ["kode", "nama", "sasaran"]
        labels = {"kode": _("Kode"), "nama": _("Nama program"), "sasaran": _("Sasaran yang didukung")}
        help_texts = {"kode": KODE_PROGRAM}
        widgets = {"nama": URAIAN}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = Sasaran.objects.filter(tujuan__renstra=self.instance.renstra)
        self.fields["sasaran"].empty_label = _("— program penunjang, tanpa sasaran —")


class KegiatanForm(StrukturForm):
    class Meta:
        model = Kegiatan
        fields = ["kode", "nama"]
        labels = {"kode": _("Kode"), "nama": _("Nama kegiatan")}
        help_texts = {"kode": KODE_PROGRAM}
        widgets = {"nama": URAIAN}


class SubKegiatanForm(StrukturForm):
    class Meta:
        model = SubKegiatan
        fields = ["kode", "nama"]
        labels = {"kode": _("Kode"), "nama": _("Nama sub kegiatan")}
        help_texts = {"kode": KODE_PROGRAM}
        widgets = {"nama": URAIAN}


JENIS_NILAI = [
    (JenisNilai.ANGKA.value, _("angka (jumlah, nilai)")),
    (JenisNilai.PERSEN.value, _("persen (%)")),
    (JenisNilai.PREDIKAT.value, _("predikat / huruf mutu, mis. B (80 %)")),
    (JenisNilai.MILESTONE.value, _("tercapai atau tidak (1 / 0)")),
]


class IndikatorForm(StrukturForm):
    """What an indicator is; its targets, formulasi and unit are entered in the Renstra grid."""

    class Meta:
        model = Indikator
        fields = ["nama", "kode", "satuan", "jenis_nilai", "rumus", "kategori", "iku"]
        labels = {
            "nama": _("Nama indikator"),
            "kode": _("Kode"),
            "satuan": _("Satuan"),
            "jenis_nilai": _("Jenis nilai"),
            "rumus": _("Polaritas"),
            "kategori": _("Kategori"),
            "iku": _("Indikator Kinerja Utama (IKU)"),
        }
        help_texts = {
            "kode": _("Huruf kecil, angka dan tanda hubung; unik dalam Renstra. Kolom Kode di Excel memakai kode ini."),
            "satuan": _("mis. %, nilai, dokumen, orang"),
            "rumus": _("Positif: makin tinggi makin baik. Negatif: makin rendah makin baik."),
        }
        widgets = {"nama": forms.Textarea(attrs={"rows": 2})}
        error_messages = KODE_SALAH

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis_nilai"].choices = JENIS_NILAI
