"""The public questionnaire: the respondent profile, then one question per unsur with the four
answers worded as the regulation's questionnaire does, and a honeypot field for bots; the two
steps of the workspace import (the file, then what each of its columns holds); and the
workspace's survey settings and its "pakai sebagai realisasi" choice."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _
from openpyxl.utils import get_column_letter

from sakip import formatting
from sakip.calc.skm import PERMENPAN_14_2017
from sakip.planning.models import Indikator

from .models import MetodeSKM, Responden, SurveiSKM
from .profil import JUDUL_PROFIL, PROFIL

HONEYPOT = "situs_web"
"""Hidden from people (CSS and aria-hidden); a bot filling every field fills it too."""


class KuesionerForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, survei: SurveiSKM, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.survei = survei
        for field, pilihan in PROFIL.items():
            self.fields[field] = forms.ChoiceField(
                label=_(JUDUL_PROFIL[field]), choices=list(pilihan.items()), widget=forms.RadioSelect
            )
        layanan = survei.daftar_layanan
        if layanan:
            self.fields["layanan"] = forms.ChoiceField(
                label=_(JUDUL_PROFIL["layanan"]), choices=[(x, x) for x in layanan], widget=forms.RadioSelect
            )
        else:
            self.fields["layanan"] = forms.CharField(label=_(JUDUL_PROFIL["layanan"]), max_length=200)
        self.unsur = list(survei.metode.unsur.select_related("metode").order_by("nomor"))
        for u in self.unsur:
            self.fields[f"u{u.nomor}"] = forms.TypedChoiceField(
                label=u.teks_pertanyaan(),
                choices=[
                    (i, f"{huruf}. {teks}") for i, huruf, teks in zip(range(1, 5), "abcd", u.pilihan(), strict=True)
                ],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
        self.fields[HONEYPOT] = forms.CharField(required=False, label=_("Jangan diisi"))

    def profil_fields(self):
        return [self[f] for f in (*PROFIL, "layanan")]

    def pertanyaan_fields(self):
        return [(u, self[f"u{u.nomor}"]) for u in self.unsur]

    @property
    def bot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def responden(self) -> Responden:
        """The unsaved respondent (profile only); the caller numbers and saves it."""
        d = self.cleaned_data
        return Responden(survei=self.survei, **{f: d[f] for f in (*PROFIL, "layanan")})

    def jawaban(self) -> list[tuple]:
        return [(u, self.cleaned_data[f"u{u.nomor}"]) for u in self.unsur]


MAKS_MB = 20


class UnggahForm(forms.Form):
    """Step 1 of the workspace import: the file (raw answers or a distribution)."""

    berkas = forms.FileField(
        label=_("Berkas survei (.csv atau .xlsx)"),
        validators=[FileExtensionValidator(["csv", "xlsx"], _("Gunakan berkas .csv atau .xlsx."))],
        error_messages={"required": _("Pilih berkas .csv atau .xlsx yang akan diimpor.")},
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > MAKS_MB * 1024 * 1024:
            raise forms.ValidationError(_("Berkas lebih dari %(mb)d MB.") % {"mb": MAKS_MB})
        return berkas


class PemetaanForm(forms.Form):
    """Step 2: what each column of the file holds (an unsur, a profile field, the date, or
    nothing), preset with what the headers tell, and whether to replace the survey's answers."""

    ganti = forms.BooleanField(required=False, label=_("Ganti isi survei yang sudah ada"))

    def __init__(self, tabel, unsur, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tabel = tabel
        pilihan = [
            ("", _("— abaikan kolom ini —")),
            (_("Unsur"), [(f"U{u.nomor}", f"U{u.nomor} {u.nama}") for u in unsur]),
            (
                _("Data responden"),
                [(f, _(JUDUL_PROFIL[f])) for f in (*PROFIL, "layanan")] + [("tanggal", _("Tanggal pengisian"))],
            ),
        ]
        for i, judul in enumerate(tabel.judul):
            self.fields[f"kolom-{i}"] = forms.ChoiceField(
                choices=pilihan, required=False, label=f"{get_column_letter(i + 1)} {judul}"
            )

    def kolom(self) -> list[dict]:
        """Per column: letter, header, the first value as an example, and its select box."""
        contoh = self.tabel.baris[0][1] if self.tabel.baris else []
        return [
            {
                "huruf": get_column_letter(i + 1),
                "judul": judul,
                "contoh": contoh[i] if i < len(contoh) and contoh[i] is not None else "",
                "field": self[f"kolom-{i}"],
            }
            for i, judul in enumerate(self.tabel.judul)
        ]

    def pilihan(self) -> dict[int, str]:
        return {i: self.cleaned_data[f"kolom-{i}"] for i in range(len(self.tabel.judul))}


class MetodeField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        asal = _("nasional") if obj.pemda_id is None else _("metode pemda")
        return f"{obj.nama} — {obj.jumlah_unsur} unsur ({asal})"


class SurveiForm(forms.ModelForm):
    """What an operator decides about a survey of the agency-year. The code (the questionnaire's
    address, printed in the QR code) is chosen once, at creation, or made from the title."""

    class Meta:
        model = SurveiSKM
        fields = [
            "judul",
            "kode",
            "unit",
            "metode",
            "mulai",
            "selesai",
            "terbuka",
            "jenis_layanan",
            "populasi",
            "bobot_dibulatkan",
            "analisis",
            "tindak_lanjut",
        ]
        field_classes = {"metode": MetodeField}
        labels = {
            "judul": _("Judul survei"),
            "kode": _("Kode (alamat kuesioner)"),
            "unit": _("Unit layanan yang disurvei"),
            "metode": _("Metode (kumpulan unsur)"),
            "mulai": _("Periode: mulai"),
            "selesai": _("Periode: selesai"),
            "terbuka": _("Kuesioner daring menerima jawaban"),
            "jenis_layanan": _("Jenis layanan"),
            "populasi": _("Populasi"),
            "bobot_dibulatkan": _("Pakai bobot yang dicetak peraturan (mis. 0,11) alih-alih 1/n yang tepat"),
            "analisis": _("Analisis hasil"),
            "tindak_lanjut": _("Rencana tindak lanjut"),
        }
        help_texts = {
            "judul": _("Mis. Survei Kepuasan Masyarakat Kecamatan Panti Tahun 2020."),
            "kode": _(
                "Huruf kecil, angka dan tanda hubung; menjadi bagian alamat kuesioner dan kode QR, jadi tidak "
                "diubah lagi. Kosongkan agar dibuat dari judul."
            ),
            "unit": _("Kosongkan bila yang disurvei seluruh instansi."),
            "metode": _(
                "Unsur yang ditanyakan dan interval mutunya. Tidak dapat diganti setelah survei berisi jawaban."
            ),
            "mulai": _("Tanggal di dalam tahun survei."),
            "selesai": _("Tanggal di dalam tahun survei, tidak sebelum tanggal mulai."),
            "terbuka": _("Dapat juga dibuka atau ditutup dengan tombol di halaman SKM."),
            "jenis_layanan": _(
                "Pilihan jenis layanan di kuesioner, satu per baris. Kosongkan agar responden menulisnya sendiri."
            ),
            "populasi": _(
                "Jumlah penerima layanan dalam periode survei, untuk ukuran sampel minimal (Krejcie–Morgan)."
            ),
            "bobot_dibulatkan": _("Membuat nilai IKM sedikit lebih rendah; laporan SKM menyebut bobot yang dipakai."),
            "analisis": _("Untuk BAB IV laporan SKM."),
            "tindak_lanjut": _("Untuk BAB V laporan SKM, mis. satu tindakan per baris."),
        }
        widgets = {
            "judul": forms.TextInput(),
            "mulai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "selesai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "jenis_layanan": forms.Textarea(attrs={"rows": 4}),
            "populasi": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
            "analisis": forms.Textarea(attrs={"rows": 4}),
            "tindak_lanjut": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "judul": {"required": _("Tulis judul survei.")},
            "metode": {"required": _("Pilih metode survei.")},
        }

    def __init__(self, *args, instansi, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.instansi, self.instance.tahun = instansi, tahun
        if self.instance.pk:
            del self.fields["kode"]  # printed in QR codes already
        else:  # the report's narrative is written once there are results
            del self.fields["analisis"], self.fields["tindak_lanjut"]
            self.fields["kode"].required = False
            if not self.is_bound:
                judul = _("Survei Kepuasan Masyarakat %(instansi)s Tahun %(tahun)d")
                self.initial["judul"] = judul % {"instansi": instansi.nama, "tahun": tahun}
                self.initial["metode"] = MetodeSKM.nasional(PERMENPAN_14_2017.kode).pk
        self.fields["unit"].queryset = instansi.unit.order_by("urutan", "nama")
        self.fields["unit"].empty_label = _("— seluruh instansi —")
        self.fields["metode"].queryset = (
            MetodeSKM.objects.filter(Q(pemda=None) | Q(pemda_id=instansi.pemda_id))
            .annotate(jumlah_unsur=Count("unsur"))
            .order_by(F("pemda_id").asc(nulls_first=True), "nama")
        )
        self.fields["metode"].empty_label = _("— pilih metode —")

    def _dalam_tahun(self, field):
        tanggal = self.cleaned_data.get(field)
        if tanggal and tanggal.year != self.instance.tahun:
            raise forms.ValidationError(
                _("Tanggal %(tanggal)s di luar tahun survei %(tahun)d.")
                % {"tanggal": formatting.tanggal(tanggal), "tahun": self.instance.tahun}
            )
        return tanggal

    def clean_mulai(self):
        return self._dalam_tahun("mulai")

    def clean_selesai(self):
        return self._dalam_tahun("selesai")

    def clean_kode(self):
        kode = self.cleaned_data["kode"]
        ins = self.instance.instansi
        if kode and SurveiSKM.objects.filter(instansi=ins, kode=kode).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Kode %(kode)s sudah dipakai survei lain instansi ini.") % {"kode": kode})
        return kode

    def clean(self):
        data = super().clean()
        if "kode" in self.fields and not data.get("kode") and data.get("judul"):
            data["kode"] = SurveiSKM.kode_baru(self.instance.instansi, self.instance.tahun, data["judul"])
        return data


class IndikatorField(forms.ModelChoiceField):
    kini: dict[int, str] = {}

    def label_from_instance(self, obj):
        kini = self.kini.get(obj.pk)
        label = f"{obj.kode} — {obj.nama}"
        return label + " " + (_("(realisasi kini %(nilai)s)") % {"nilai": kini} if kini else _("(belum diisi)"))


class RealisasiForm(forms.Form):
    """Which SKM indicator of the Renstra the survey's result becomes the yearly realisasi of;
    `kandidat` are indicators with their current yearly realisasi as `kini` (text)."""

    indikator = IndikatorField(
        queryset=Indikator.objects.none(),
        label=_("Indikator"),
        empty_label=_("— pilih indikator SKM —"),
        error_messages={"required": _("Pilih indikator SKM yang realisasinya diisi.")},
    )

    def __init__(self, *args, kandidat, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["indikator"]
        field.queryset = Indikator.objects.filter(pk__in=[i.pk for i in kandidat]).order_by("urutan", "pk")
        field.kini = {i.pk: i.kini for i in kandidat}
        self.kandidat = kandidat
