"""Which agency, pemda and year every record belongs to.

One table for the whole system, read by the access rules (who may see a record), the frozen
check (is its year approved) and the audit trail (the history of an agency-year). A model
that is not in the table cannot be shown through `access.visible` and fails
`test_every_model_has_a_scope`: a new model gets one line here (or `register` from its app's
`ready()`).

Paths are Django lookups from the model: `instansi` and `pemda` lead to the owning Instansi or
Pemda (several paths are alternatives, e.g. a budget line of a program *or* a kegiatan);
`tahun` is the year, `tahun_akhir` the last year for records that span a period (the Renstra
and its cascade belong to every year from `berlaku_mulai` to `tahun_akhir`). A record with
neither instansi nor pemda (a national SKM method) is shared by everyone.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist
from django.db.models import Model, Q


@dataclass(frozen=True)
class Scope:
    instansi: tuple[str, ...] = ()
    pemda: tuple[str, ...] = ()
    tahun: str = ""
    tahun_akhir: str = ""
    frozen: bool = True  # refuses changes while its agency-year is approved (only for records with a year)


@dataclass(frozen=True)
class Owner:
    """Where one record belongs; years are None for records without a year."""

    instansi_id: int | None
    pemda_id: int | None
    tahun_awal: int | None = None
    tahun_akhir: int | None = None

    @property
    def shared(self) -> bool:
        return self.instansi_id is None and self.pemda_id is None

    def years(self) -> range:
        if self.tahun_awal is None:
            return range(0)
        return range(self.tahun_awal, (self.tahun_akhir or self.tahun_awal) + 1)


_RENSTRA = "renstra__berlaku_mulai", "renstra__tahun_akhir"


def _cascade(path: str) -> Scope:
    """A record of the Renstra cascade: it belongs to every year its Renstra version measures."""
    prefix = f"{path}__" if path else ""
    return Scope(
        instansi=(f"{prefix}renstra__instansi",),
        tahun=f"{prefix}{_RENSTRA[0]}",
        tahun_akhir=f"{prefix}{_RENSTRA[1]}",
    )


SCOPES: dict[str, Scope] = {
    "organisation.pemda": Scope(pemda=("pk",)),
    "organisation.pejabat": Scope(pemda=("pemda",)),
    "organisation.instansi": Scope(instansi=("pk",), pemda=("pemda",)),
    "organisation.tugasfungsi": Scope(instansi=("instansi",)),
    "organisation.unitorganisasi": Scope(instansi=("instansi",)),
    "planning.rpjmd": Scope(pemda=("pemda",)),
    "planning.misi": Scope(pemda=("rpjmd__pemda",)),
    "planning.sasaranpemda": Scope(pemda=("rpjmd__pemda",)),
    "planning.renstra": Scope(instansi=("instansi",), tahun="berlaku_mulai", tahun_akhir="tahun_akhir"),
    "planning.tujuan": _cascade(""),
    "planning.sasaran": _cascade("tujuan"),
    "planning.strategi": _cascade("sasaran__tujuan"),
    "planning.kebijakan": _cascade("sasaran__tujuan"),
    "planning.program": _cascade(""),
    "planning.kegiatan": _cascade("program"),
    "planning.subkegiatan": _cascade("kegiatan__program"),
    "planning.indikator": _cascade(""),
    "planning.target": Scope(instansi=("indikator__renstra__instansi",), tahun="tahun"),
    "planning.rencanakinerjatahunan": Scope(instansi=("instansi",), tahun="tahun"),
    "planning.perjanjiankinerja": Scope(instansi=("instansi",), tahun="tahun"),
    "planning.rencanaaksi": Scope(instansi=("target__indikator__renstra__instansi",), tahun="target__tahun"),
    "planning.pkprogram": Scope(instansi=("perjanjian__instansi",), tahun="perjanjian__tahun"),
    "planning.keputusaniku": Scope(instansi=("instansi",), tahun="tahun"),
    "measurement.skalapredikat": Scope(instansi=("instansi",), pemda=("pemda",)),
    "measurement.rentangpredikat": Scope(instansi=("skala__instansi",), pemda=("skala__pemda",)),
    "measurement.realisasi": Scope(instansi=("indikator__renstra__instansi",), tahun="tahun"),
    "measurement.realisasinasional": Scope(instansi=("indikator__renstra__instansi",), tahun="tahun"),
    "measurement.anggaran": Scope(
        instansi=(
            "program__renstra__instansi",
            "kegiatan__program__renstra__instansi",
            "sub_kegiatan__kegiatan__program__renstra__instansi",
        ),
        tahun="tahun",
    ),
    "measurement.belanja": Scope(instansi=("instansi",), tahun="tahun"),
    "skm.metodeskm": Scope(pemda=("pemda",)),
    "skm.unsurskm": Scope(pemda=("metode__pemda",)),
    "skm.surveiskm": Scope(instansi=("instansi",), tahun="tahun"),
    "skm.responden": Scope(instansi=("survei__instansi",), tahun="survei__tahun"),
    "skm.jawaban": Scope(instansi=("responden__survei__instansi",), tahun="responden__survei__tahun"),
    "skm.distribusijawaban": Scope(instansi=("survei__instansi",), tahun="survei__tahun"),
    "reporting.laporankinerja": Scope(instansi=("instansi",), tahun="tahun"),
    "reporting.narasi": Scope(instansi=("laporan__instansi",), tahun="laporan__tahun"),
    "reporting.tahunkinerja": Scope(instansi=("instansi",), tahun="tahun", frozen=False),
    "reporting.riwayatstatus": Scope(instansi=("tahun_kinerja__instansi",), tahun="tahun_kinerja__tahun", frozen=False),
    "accounts.peran": Scope(instansi=("instansi",), pemda=("pemda",)),
    # the reviewer's findings are not agency data: they stay open to the reviewer after approval
    "review.temuanreviu": Scope(instansi=("instansi",), tahun="tahun", frozen=False),
    "dashboard.lkipmassal": Scope(pemda=("pemda",), tahun="tahun", frozen=False),
}

# Apps whose every model must have a scope (checked by a test).
SCOPED_APPS = ("organisation", "planning", "measurement", "skm", "reporting", "accounts", "review", "dashboard")


def register(label: str, scope: Scope) -> None:
    """For a new app, from its AppConfig.ready():
    `register("review.temuan", Scope(instansi=("instansi",), tahun="tahun"))`."""
    from .audit import connect

    SCOPES[label] = scope
    connect()


def scope_of(model: type[Model]) -> Scope:
    try:
        return SCOPES[model._meta.label_lower]
    except KeyError:
        raise ImproperlyConfigured(
            f"{model._meta.label_lower} has no scope: add it to sakip/accounts/scopes.py SCOPES"
        ) from None


def has_scope(model: type[Model]) -> bool:
    return model._meta.label_lower in SCOPES


def owner_filter(model: type[Model], instansi_ids, pemda_ids) -> Q:
    """Rows owned by one of these agencies, by one of these pemdas (and by no agency), or by nobody."""
    scope = scope_of(model)
    no_instansi = Q()
    by_instansi = Q(pk__in=[])
    for path in scope.instansi:
        by_instansi |= Q(**{f"{path}__in": instansi_ids})
        no_instansi &= Q(**{f"{path}__isnull": True})
    by_pemda = Q(pk__in=[])
    no_owner = no_instansi
    for path in scope.pemda:
        by_pemda |= Q(**{f"{path}__in": pemda_ids})
        no_owner &= Q(**{f"{path}__isnull": True}) if path != "pk" else Q(pk__in=[])
    return by_instansi | (no_instansi & by_pemda) | no_owner


def _walk(obj, path: str):
    """The value at a lookup path on an instance (None when a link on the way is empty)."""
    *links, last = path.split("__")
    for name in links:
        try:
            obj = getattr(obj, name)
        except ObjectDoesNotExist:
            return None
        if obj is None:
            return None
    if last == "pk":
        return obj.pk
    field = obj._meta.get_field(last)
    return getattr(obj, field.attname)


def owner(obj: Model) -> Owner:
    """Where a record belongs, from its current (possibly unsaved) values."""
    scope = scope_of(type(obj))
    path, instansi_id = next(((p, v) for p in scope.instansi if (v := _walk(obj, p)) is not None), (None, None))
    if instansi_id is not None:
        Instansi = apps.get_model("organisation", "Instansi")
        if isinstance(obj, Instansi):
            pemda_id = obj.pemda_id
        else:
            loaded = _loaded(obj, path)
            pemda_id = loaded.pemda_id if loaded is not None else _pemda_of_instansi(instansi_id)
    else:
        pemda_id = next((v for p in scope.pemda if (v := _walk(obj, p)) is not None), None)
    awal = _walk(obj, scope.tahun) if scope.tahun else None
    akhir = _walk(obj, scope.tahun_akhir) if scope.tahun_akhir else awal
    return Owner(instansi_id, pemda_id, awal, akhir)


def stored_owner(model: type[Model], pk) -> Owner | None:
    """Where the stored version of a record belongs (before an update moves it), in one query."""
    scope = scope_of(model)
    paths = [*scope.instansi, *scope.pemda, *(p for p in (scope.tahun, scope.tahun_akhir) if p)]
    row = model._base_manager.filter(pk=pk).values_list(*paths).first()
    if row is None:
        return None
    values = dict(zip(paths, row, strict=True))
    instansi_id = next((values[p] for p in scope.instansi if values[p] is not None), None)
    pemda_id = next((values[p] for p in scope.pemda if values[p] is not None), None)
    if instansi_id is not None:
        pemda_id = _pemda_of_instansi(instansi_id)
    awal = values.get(scope.tahun) if scope.tahun else None
    akhir = values.get(scope.tahun_akhir) if scope.tahun_akhir else awal
    return Owner(instansi_id, pemda_id, awal, akhir)


def _loaded(obj: Model, path: str) -> Model | None:
    """The record at a lookup path when every link on the way is already loaded (no query)."""
    for name in path.split("__"):
        field = obj._meta.get_field(name)
        if not field.is_relation or not field.is_cached(obj):
            return None
        obj = getattr(obj, name)
        if obj is None:
            return None
    return obj


def _pemda_of_instansi(instansi_id: int) -> int | None:
    Instansi = apps.get_model("organisation", "Instansi")
    return Instansi.objects.filter(pk=instansi_id).values_list("pemda_id", flat=True).first()
