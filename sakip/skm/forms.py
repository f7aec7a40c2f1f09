"""The public questionnaire: the respondent profile, then one question per unsur with the four
answers worded as the regulation's questionnaire does, and a honeypot field for bots; and the
two steps of the workspace import (the file, then what each of its columns holds)."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from openpyxl.utils import get_column_letter

from .models import Responden, SurveiSKM
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
