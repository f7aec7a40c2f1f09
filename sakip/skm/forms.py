"""The public questionnaire: the respondent profile, then one question per unsur with the four
answers worded as the regulation's questionnaire does, and a honeypot field for bots."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
