"""The structure of the Renstra in force, as the operator writes it on the web: tujuan →
sasaran → strategi / kebijakan, and program → kegiatan → sub kegiatan, each with its
indicators. Every kind of item (`JENIS`) knows its parent, its form and what may be added
under it; `susunan` reads the whole tree in a handful of queries for the page.

An item is deleted only when nothing points to it any more (`bergantung`): no child item, no
indicator, and so no target, realisasi, anggaran or LKIP narasi hangs under it."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.text import slugify

from sakip.reporting.frozen import FrozenError, ensure_editable

from . import forms
from .models import Indikator, Kebijakan, Kegiatan, Program, Renstra, Sasaran, Strategi, SubKegiatan, Tujuan


@dataclass(frozen=True)
class Jenis:
    kode: str  # in the URLs and the page anchors; for an indicator also the owner field's name
    model: type[models.Model]
    form: type[forms.StrukturForm]
    induk: str  # the field pointing to the parent ("renstra" for the top of each cascade)
    ke_renstra: str  # lookup from the item to its Renstra
    anak: tuple[str, ...] = ()  # kinds that may be added under it

    @property
    def label(self):
        return self.model._meta.verbose_name


JENIS = {
    j.kode: j
    for j in (
        Jenis("tujuan", Tujuan, forms.TujuanForm, "renstra", "renstra", ("sasaran", "indikator")),
        Jenis(
            "sasaran", Sasaran, forms.SasaranForm, "tujuan", "tujuan__renstra", ("strategi", "kebijakan", "indikator")
        ),
        Jenis("strategi", Strategi, forms.StrategiForm, "sasaran", "sasaran__tujuan__renstra"),
        Jenis("kebijakan", Kebijakan, forms.KebijakanForm, "sasaran", "sasaran__tujuan__renstra"),
        Jenis("program", Program, forms.ProgramForm, "renstra", "renstra", ("kegiatan", "indikator")),
        Jenis("kegiatan", Kegiatan, forms.KegiatanForm, "program", "program__renstra", ("sub_kegiatan", "indikator")),
        Jenis(
            "sub_kegiatan", SubKegiatan, forms.SubKegiatanForm, "kegiatan", "kegiatan__program__renstra", ("indikator",)
        ),
        Jenis("indikator", Indikator, forms.IndikatorForm, "", "renstra"),
    )
}
PUNCAK = ("tujuan", "program")  # added directly under the Renstra


def cari(jenis: Jenis, renstra: Renstra, pk: int) -> models.Model | None:
    """The item of this Renstra version, or None (another agency's or version's item)."""
    return jenis.model.objects.filter(**{jenis.ke_renstra: renstra}, pk=pk).first()


def induk_dari(jenis: Jenis, obj) -> tuple[Jenis | None, models.Model | None]:
    """The kind and item `obj` hangs under; (None, None) under the Renstra itself."""
    if jenis.kode == "indikator":
        return JENIS[obj.tingkat], obj.pemilik
    if jenis.induk == "renstra":
        return None, None
    return JENIS[jenis.induk], getattr(obj, jenis.induk)


def baru(jenis: Jenis, renstra: Renstra, induk_jenis: Jenis | None = None, induk=None) -> models.Model:
    """An unsaved item under `induk` (the Renstra itself for a tujuan or program), placed last
    among its siblings; an indicator gets a free kode to start from."""
    obj = jenis.model()
    if jenis.kode == "indikator":
        obj.renstra = renstra
        setattr(obj, induk_jenis.kode, induk)
        saudara = Indikator.objects.filter(**{induk_jenis.kode: induk})
        awalan = slugify(induk.kode.replace(".", "-")) or induk_jenis.kode
        obj.kode = kode_baru(f"{awalan}-", Indikator.objects.filter(renstra=renstra), saudara.count() + 1)
    else:
        setattr(obj, jenis.induk, induk or renstra)
        saudara = jenis.model.objects.filter(**{jenis.induk: induk or renstra})
        if jenis.kode in ("tujuan", "sasaran"):  # slugs; program and kegiatan take Permendagri codes
            sejenis = jenis.model.objects.filter(**{jenis.ke_renstra: renstra})
            obj.kode = kode_baru(f"{jenis.kode}-", sejenis, sejenis.count() + 1)
    terakhir = saudara.aggregate(n=models.Max("urutan"))["n"]
    obj.urutan = 0 if terakhir is None else terakhir + 1
    return obj


def kode_baru(awalan: str, dipakai: models.QuerySet, n: int) -> str:
    """`awalan` + the first number from `n` on that no row of `dipakai` has (sasaran-3, p5-k1-4)."""
    kode = set(dipakai.values_list("kode", flat=True))
    while f"{awalan}{n}" in kode:
        n += 1
    return f"{awalan}{n}"


def bergantung(obj: models.Model) -> list[str]:
    """What still points to `obj` ("2 indikator", "1 sasaran"); empty when it may be deleted."""
    out = []
    for rel in obj._meta.get_fields(include_hidden=True):
        if not rel.auto_created or rel.concrete or rel.related_model._meta.auto_created:
            continue  # a field of its own, or the hidden table of a many-to-many field
        n = rel.related_model._base_manager.filter(**{rel.field.name: obj}).count()
        if n:
            out.append(f"{n} {rel.related_model._meta.verbose_name}")
    return out


def alasan_beku(renstra: Renstra | None) -> str:
    """Why the Renstra version cannot change (a year it measures is approved), or ""."""
    if renstra is None:
        return ""
    try:
        ensure_editable(renstra)
    except FrozenError as e:
        return e.message
    return ""


@dataclass
class Butir:
    """One item of the page with its indicators and the items under it, per kind."""

    jenis: Jenis
    obj: models.Model
    indikator: list[Indikator] = field(default_factory=list)
    anak: dict[str, list["Butir"]] = field(default_factory=dict)
    program: list[Program] = field(default_factory=list)  # for a sasaran: the programs that support it

    def __post_init__(self):
        self.anak = {k: [] for k in self.jenis.anak if k != "indikator"}


def susunan(renstra: Renstra | None) -> dict[str, list[Butir]]:
    """{"tujuan": [...], "program": [...]}: the whole Renstra version as a tree, in its order."""
    if renstra is None:
        return {"tujuan": [], "program": []}
    indikator: dict[tuple[str, int], list[Indikator]] = {}
    for ind in Indikator.objects.filter(renstra=renstra).order_by("urutan", "pk"):
        indikator.setdefault((ind.tingkat, getattr(ind, f"{ind.tingkat}_id")), []).append(ind)
    semua: dict[str, dict[int, Butir]] = {}
    for kode, jenis in JENIS.items():
        if kode == "indikator":
            continue
        qs = jenis.model.objects.filter(**{jenis.ke_renstra: renstra}).order_by("urutan", "pk")
        semua[kode] = {o.pk: Butir(jenis, o, _komponen_di_bawah(indikator.get((kode, o.pk), []))) for o in qs}
    for kode, butir in semua.items():
        induk = JENIS[kode].induk
        if induk != "renstra":
            for b in butir.values():
                semua[induk][getattr(b.obj, f"{induk}_id")].anak[kode].append(b)
    for b in semua["program"].values():
        if b.obj.sasaran_id:
            semua["sasaran"][b.obj.sasaran_id].program.append(b.obj)
    return {kode: list(semua[kode].values()) for kode in PUNCAK}


def _komponen_di_bawah(daftar: list[Indikator]) -> list[Indikator]:
    """Each combined indicator followed by its components (KK, KTP … of one output)."""
    ada = {i.pk for i in daftar}
    di_bawah: dict[int | None, list[Indikator]] = {}
    for i in daftar:
        di_bawah.setdefault(i.induk_id if i.induk_id in ada else None, []).append(i)
    out: list[Indikator] = []

    def turun(induk):
        for i in di_bawah.get(induk, []):
            out.append(i)
            turun(i.pk)

    turun(None)
    return out
