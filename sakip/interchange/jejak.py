"""The two rules an import's bulk writes would otherwise skip: frozen years and the audit trail.

Frozen years. The writer creates rows with `bulk_create`, which sends no signal, so the model
layer's freeze (sakip/reporting/frozen.py) would not see them, and it stops an update at the
first refused record with a raw error. `Pengawas` watches the whole write instead: inside the
import's own transaction it lifts the freeze of the file's approved agency-years, notes the
agency-year of every record created, changed (as stored and as written), deleted or re-linked,
exactly as the freeze judges them, and restores the approval before anything is committed. The
importer then refuses the file, rolled back, with one problem per approved agency-year it would
change. Nothing outside the transaction ever sees the approval lifted.

Audit trail. Rows saved or deleted one by one are logged by django-auditlog's receivers; the
rows created in bulk get their CREATE entries from `catat_dibuat`, in bulk, built as auditlog's
post_save receiver builds them (changes, object repr, agency and years, correlation id)."""

import threading
from collections.abc import Iterable
from contextlib import contextmanager

from auditlog.cid import get_cid
from auditlog.context import auditlog_disabled
from auditlog.diff import model_instance_diff
from auditlog.models import DEFAULT_OBJECT_REPR, LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.utils.encoding import smart_str

from sakip.accounts.scopes import has_scope, owner, scope_of, stored_owner
from sakip.reporting.models import TahunKinerja

BATCH = 500


class Pengawas:
    """The approved agency-years among the file's agencies, and which of them the write touched."""

    def __init__(self, slugs: Iterable[str]):
        self.disetujui: dict[tuple[int, int], int] = {
            (instansi_id, tahun): pk
            for pk, instansi_id, tahun in TahunKinerja.objects.filter(
                status=TahunKinerja.Status.DISETUJUI, instansi__slug__in=list(slugs)
            ).values_list("pk", "instansi_id", "tahun")
        }
        self.kena: set[tuple[int, int]] = set()  # (instansi_id, tahun) touched
        self._thread = threading.get_ident()
        self._uid = f"sakip-import-{id(self)}"

    def lihat(self, obj: Model, tersimpan: bool = True) -> None:
        """Note the approved agency-years `obj` belongs to, as it is now and (`tersimpan`) as stored."""
        if not self.disetujui or not has_scope(type(obj)):
            return
        scope = scope_of(type(obj))
        if not (scope.frozen and scope.tahun):
            return
        owners = [owner(obj)]
        if tersimpan and obj.pk is not None:
            owners.append(stored_owner(type(obj), obj.pk))
        for o in owners:
            if o is not None and o.instansi_id is not None:
                self.kena.update((o.instansi_id, t) for t in o.years() if (o.instansi_id, t) in self.disetujui)

    @contextmanager
    def mengawasi(self):
        """Lift the freeze of the approved years (this transaction only) and watch every write."""
        if not self.disetujui:
            yield
            return
        years = TahunKinerja.objects.filter(pk__in=list(self.disetujui.values()))
        years.update(status=TahunKinerja.Status.DIREVIU)
        pre_save.connect(self._on_save, dispatch_uid=self._uid, weak=False)
        pre_delete.connect(self._on_delete, dispatch_uid=self._uid, weak=False)
        m2m_changed.connect(self._on_m2m, dispatch_uid=self._uid, weak=False)
        try:
            yield
        finally:
            for signal in (pre_save, pre_delete, m2m_changed):
                signal.disconnect(dispatch_uid=self._uid)
            years.update(status=TahunKinerja.Status.DISETUJUI)

    def _mine(self) -> bool:
        """Only the import's own thread: a web request served meanwhile is not the import's."""
        return threading.get_ident() == self._thread

    def _on_save(self, sender, instance, raw=False, **kwargs):
        if self._mine() and not raw:
            self.lihat(instance)

    def _on_delete(self, sender, instance, **kwargs):
        if self._mine():
            self.lihat(instance, tersimpan=False)

    def _on_m2m(self, sender, instance, action, reverse, model, pk_set, **kwargs):
        if not (self._mine() and action.startswith("pre_")):
            return
        self.lihat(instance)
        if reverse and pk_set:
            for other in model._base_manager.filter(pk__in=pk_set):
                self.lihat(other)


def catat_dibuat(objs: list[Model]) -> None:
    """CREATE entries in the audit trail for rows written with `bulk_create` (none inside
    auditlog's `disable_auditlog()`, as its own receivers)."""
    if auditlog_disabled.get():
        return
    cid = get_cid()
    entries = []
    for obj in objs:
        model = type(obj)
        if not auditlog.contains(model):
            continue
        changes = model_instance_diff(None, obj, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES)
        if not changes:
            continue
        try:
            object_repr = smart_str(obj)
        except ObjectDoesNotExist:
            object_repr = DEFAULT_OBJECT_REPR
        extra = getattr(obj, "get_additional_data", None)
        entries.append(
            LogEntry(
                content_type=ContentType.objects.get_for_model(model),
                object_pk=obj.pk,
                object_id=obj.pk if isinstance(obj.pk, int) else None,
                object_repr=object_repr,
                serialized_data=LogEntry.objects._get_serialized_data_or_none(obj),
                action=LogEntry.Action.CREATE,
                changes=changes,
                additional_data=extra() if callable(extra) else None,
                cid=cid,
            )
        )
    LogEntry.objects.bulk_create(entries, batch_size=BATCH)
