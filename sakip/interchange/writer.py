"""Writes a validated `sakip/1` document into the database.

Records are matched by their natural keys (slug, kode, tahun …) and updated in place, so
re-importing a file changes only what changed and keeps the ids other records point to.
Inside every agency of the file, what the file no longer lists is removed: the file is the
whole truth for the agencies it contains. Pemda-level lists (pejabat, RPJMD, scales, SKM
methods) are only added to or updated, since other agencies may use them."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from sakip.calc import nip as nip_rules
from sakip.measurement import models as mm
from sakip.organisation import models as om
from sakip.planning import models as pm
from sakip.reporting import models as rm
from sakip.skm import models as sm

from . import schema as s
from .jejak import Pengawas, catat_dibuat
from .validation import renstra_berlaku


def _plain(v):
    return v.pk if isinstance(v, models.Model) else v


def _key(obj, key, fk):
    k = tuple(getattr(obj, fk.get(f, f)) for f in key)
    return k[0] if len(k) == 1 else k


def _differs(obj, field, new, fk) -> bool:
    old = getattr(obj, fk.get(field, field))
    if field in fk:
        return old != _plain(new)
    if hasattr(old, "name") and not isinstance(old, str):  # FieldFile
        return old.name != (new or "")
    return old != new


def _is_m2m(model, name) -> bool:
    try:
        return model._meta.get_field(name).many_to_many
    except FieldDoesNotExist:
        return False


def _value(v: s.Nilai) -> dict:
    return {"nilai": v.nilai, "mutu": v.mutu, "catatan": v.catatan}


class Writer:
    """One document's write; `pengawas` sees every row created in bulk (the signals see the rest)."""

    def __init__(self, doc: s.Dokumen, pengawas: Pengawas):
        self.doc = doc
        self.pengawas = pengawas

    def sync(self, model, scope: dict, rows: list[dict], key: tuple[str, ...], delete=True, within=None) -> dict:
        """Upsert `rows` of `model` within `scope` (or the queryset `within`), matched on `key`;
        delete the rest if asked. Returns {key value(s): instance}. Rows are saved only when a
        value changed, so a re-import of the same file writes nothing; new rows go in one batch,
        with their audit-trail entries in another (jejak.py), and are shown to the frozen-year watch."""
        fk = {f.name: f.attname for f in model._meta.concrete_fields if f.is_relation}
        existing = {_key(o, key, fk): o for o in (within if within is not None else model.objects).filter(**scope)}
        result, new, changed, m2m = {}, [], [], []
        for row in rows:
            values = {**scope, **row}
            relations = {f: values.pop(f) for f in list(values) if _is_m2m(model, f)}
            k = tuple(_plain(values[f]) for f in key)
            k = k[0] if len(k) == 1 else k
            obj = existing.pop(k, None)
            if obj is None:
                obj = model(**values)
                new.append(obj)
            elif any(_differs(obj, f, v, fk) for f, v in values.items()):
                for f, v in values.items():
                    setattr(obj, f, v)
                changed.append(obj)
            m2m.extend((obj, f, v) for f, v in relations.items())
            result[k] = obj
        if delete and existing:  # first, so a changed row can take a freed unique value
            model.objects.filter(pk__in=[o.pk for o in existing.values()]).delete()
        for obj in changed:
            obj.save()
        model.objects.bulk_create(new)
        catat_dibuat(new)
        for obj in new:
            self.pengawas.lihat(obj, tersimpan=False)
        for obj, f, v in m2m:
            getattr(obj, f).set(v)
        return result

    def write(self) -> om.Pemda:
        d = self.doc
        p = d.pemda
        pemda = self.sync(
            om.Pemda,
            {},
            [dict(slug=p.slug, nama=p.nama, jenis=p.jenis, ibukota=p.ibukota, jabatan_kepala=p.jabatan_kepala)],
            ("slug",),
            delete=False,
        )[p.slug]
        self.pemda = pemda
        self.pejabat = {pj.kode: pj for pj in om.Pejabat.objects.filter(pemda=pemda)}
        self.pejabat.update(
            self.sync(
                om.Pejabat,
                {"pemda": pemda},
                [
                    dict(
                        kode=x.kode,
                        nama=x.nama,
                        nip=nip_rules.parse_nip(x.nip).digits if x.nip else "",
                        golongan=x.golongan,
                    )
                    for x in d.pejabat
                ],
                ("kode",),
                delete=False,
            )
        )
        if p.kepala is not None or pemda.kepala_id:
            pemda.kepala = self.pejabat.get(p.kepala)
            pemda.save(update_fields=["kepala"])
        self.sasaran_pemda = {}
        for r in d.rpjmd:
            rp = self.sync(
                pm.RPJMD,
                {"pemda": pemda},
                [dict(tahun_awal=r.tahun_awal, tahun_akhir=r.tahun_akhir, visi=r.visi, dasar_hukum=r.dasar_hukum)],
                ("tahun_awal",),
                delete=False,
            )[r.tahun_awal]
            misi = self.sync(pm.Misi, {"rpjmd": rp}, [dict(nomor=m.nomor, uraian=m.uraian) for m in r.misi], ("nomor",))
            self.sasaran_pemda.update(
                self.sync(
                    pm.SasaranPemda,
                    {"rpjmd": rp},
                    [
                        dict(kode=x.kode, uraian=x.uraian, misi=misi.get(x.misi), urutan=i)
                        for i, x in enumerate(r.sasaran)
                    ],
                    ("kode",),
                )
            )
        self.metode = {
            m.kode: m
            # national first, so the pemda's own method of the same kode wins (NULL order differs per database)
            for m in sm.MetodeSKM.objects.filter(models.Q(pemda=pemda) | models.Q(pemda=None)).order_by(
                models.F("pemda").asc(nulls_first=True)
            )
        }
        for m in d.metode_skm:
            obj = self.sync(
                sm.MetodeSKM,
                {"pemda": pemda},
                [dict(kode=m.kode, nama=m.nama, dasar_hukum=m.dasar_hukum, acuan=m.acuan)],
                ("kode",),
                delete=False,
            )[m.kode]
            self.sync(sm.UnsurSKM, {"metode": obj}, [u.model_dump() for u in m.unsur], ("nomor",))
            self.metode[m.kode] = obj
        instansi = {x.slug: self.write_instansi(x) for x in d.instansi}
        for sk in d.skala_predikat:
            obj = self.sync(
                mm.SkalaPredikat,
                {"pemda": pemda},
                [
                    dict(
                        kode=sk.kode,
                        nama=sk.nama,
                        sumber=sk.sumber,
                        instansi=instansi[sk.instansi] if sk.instansi else None,
                    )
                ],
                ("kode",),
                delete=False,
            )[sk.kode]
            self.sync(
                mm.RentangPredikat,
                {"skala": obj},
                [
                    dict(
                        urutan=i,
                        predikat=r.predikat,
                        bawah=r.bawah,
                        bawah_inklusif=r.bawah_inklusif,
                        atas=r.atas,
                        atas_inklusif=r.atas_inklusif,
                        warna=r.warna,
                    )
                    for i, r in enumerate(sk.rentang)
                ],
                ("urutan",),
            )
        return pemda

    def write_instansi(self, x: s.Instansi) -> om.Instansi:
        fields = x.model_dump(
            exclude={
                "tugas_fungsi",
                "unit",
                "renstra",
                "rkt",
                "perjanjian_kinerja",
                "keputusan_iku",
                "realisasi",
                "realisasi_nasional",
                "anggaran",
                "belanja",
                "survei_skm",
                "laporan",
                "kepala",
            }
        )
        ins = self.sync(
            om.Instansi,
            {},
            [dict(fields, pemda=self.pemda, kepala=self.pejabat.get(x.kepala))],
            ("slug",),
            delete=False,
        )[x.slug]
        self.sync(
            om.TugasFungsi,
            {"instansi": ins},
            [dict(jenis=t.jenis, urutan=i, uraian=t.uraian) for i, t in enumerate(x.tugas_fungsi)],
            ("jenis", "urutan"),
        )
        units = self.sync(
            om.UnitOrganisasi,
            {"instansi": ins},
            [
                dict(kode=u.kode, nama=u.nama, jenis=u.jenis, jabatan_kepala=u.jabatan_kepala, urutan=i)
                for i, u in enumerate(x.unit)
            ],
            ("kode",),
        )
        for u in x.unit:
            obj = units[u.kode]
            if obj.induk_id != (units[u.induk].pk if u.induk else None):
                obj.induk = units.get(u.induk)
                obj.save(update_fields=["induk"])
        self.units = units
        self.renstra = {}
        renstra = self.sync(
            pm.Renstra,
            {"instansi": ins},
            [
                dict(
                    kode=r.kode,
                    tahun_awal=r.tahun_awal,
                    tahun_akhir=r.tahun_akhir,
                    versi=r.versi,
                    berlaku_mulai=r.berlaku_mulai or r.tahun_awal,
                    dasar_hukum=r.dasar_hukum,
                    tanggal=r.tanggal,
                    keterangan=r.keterangan,
                )
                for r in x.renstra
            ],
            ("kode",),
        )
        for r in x.renstra:
            self.renstra[r.kode] = self.write_renstra(renstra[r.kode], r)
        self.x = x
        self.write_documents(ins, x)
        self.write_measurement(ins, x)
        self.write_reporting(ins, x)
        return ins

    def write_renstra(self, obj: pm.Renstra, r: s.Renstra) -> dict:
        tujuan = self.sync(
            pm.Tujuan,
            {"renstra": obj},
            [
                dict(kode=t.kode, uraian=t.uraian, sasaran_pemda=self.sasaran_pemda.get(t.sasaran_pemda), urutan=i)
                for i, t in enumerate(r.tujuan)
            ],
            ("kode",),
        )
        sasaran = {}
        for i, x in enumerate(r.sasaran):
            sasaran.update(
                self.sync(
                    pm.Sasaran,
                    {"tujuan": tujuan[x.tujuan]},
                    [dict(kode=x.kode, uraian=x.uraian, urutan=i)],
                    ("kode",),
                    delete=False,
                )
            )
        pm.Sasaran.objects.filter(tujuan__renstra=obj).exclude(pk__in=[o.pk for o in sasaran.values()]).delete()
        for model, items in ((pm.Strategi, r.strategi), (pm.Kebijakan, r.kebijakan)):
            for kode, obj_s in sasaran.items():
                self.sync(
                    model,
                    {"sasaran": obj_s},
                    [dict(uraian=u.uraian, urutan=i) for i, u in enumerate(items) if u.sasaran == kode],
                    ("urutan",),
                )
        program = self.sync(
            pm.Program,
            {"renstra": obj},
            [dict(kode=p.kode, nama=p.nama, sasaran=sasaran.get(p.sasaran), urutan=i) for i, p in enumerate(r.program)],
            ("kode",),
        )
        kegiatan = self._children(
            pm.Kegiatan, "program", program, r.kegiatan, pm.Kegiatan.objects.filter(program__renstra=obj)
        )
        sub = self._children(
            pm.SubKegiatan,
            "kegiatan",
            kegiatan,
            r.sub_kegiatan,
            pm.SubKegiatan.objects.filter(kegiatan__program__renstra=obj),
        )
        owners = {"tujuan": tujuan, "sasaran": sasaran, "program": program, "kegiatan": kegiatan, "sub_kegiatan": sub}
        # A component keeps a parent that already exists, so an unchanged file rewrites nothing;
        # a parent still to be created is linked once it exists (below).
        ada = {i.kode: i for i in pm.Indikator.objects.filter(renstra=obj)}
        rows = []
        for i, ind in enumerate(r.indikator):
            row = ind.model_dump(exclude={"induk", "penanggung_jawab", *owners})
            row.update(
                {o: owners[o].get(getattr(ind, o)) for o in owners},
                urutan=i,
                induk=ada.get(ind.induk) if ind.induk else None,
                penanggung_jawab=[self.units[u] for u in ind.penanggung_jawab],
            )
            rows.append(row)
        indikator = self.sync(pm.Indikator, {"renstra": obj}, rows, ("kode",))
        for ind in r.indikator:
            o = indikator[ind.kode]
            want = indikator[ind.induk].pk if ind.induk else None
            if o.induk_id != want:
                o.induk_id = want
                o.save(update_fields=["induk"])
        # Renstra targets: the ones that point to no document.
        self.sync(
            pm.Target,
            {"rkt": None, "perjanjian": None},
            [
                dict(indikator=indikator[t.indikator], tahun=t.tahun, nilai_atas=t.nilai_atas, urutan=i, **_value(t))
                for i, t in enumerate(r.target)
            ],
            ("indikator", "tahun"),
            within=pm.Target.objects.filter(indikator__renstra=obj),
        )
        return {
            "obj": obj,
            "program": program,
            "kegiatan": kegiatan,
            "sub_kegiatan": sub,
            "indikator": indikator,
            "sasaran": sasaran,
        }

    def _children(self, model, parent_field, parents, items, current):
        result = {}
        for i, x in enumerate(items):
            result.update(
                self.sync(
                    model,
                    {parent_field: parents[getattr(x, parent_field)]},
                    [dict(kode=x.kode, nama=x.nama, urutan=i)],
                    ("kode",),
                    delete=False,
                )
            )
        current.exclude(pk__in=[o.pk for o in result.values()]).delete()
        return result

    def ttd(self, d) -> dict:
        """The signature fields of a signed document (RKT, IKU decree, LKIP)."""
        return dict(
            tempat=d.tempat,
            tanggal=d.tanggal,
            penandatangan=self.pejabat.get(d.penandatangan),
            jabatan_penandatangan=d.jabatan_penandatangan,
        )

    def codes(self, tahun: int) -> dict:
        """The records of the Renstra in force for `tahun` (validation made sure there is one)."""
        return self.renstra[renstra_berlaku(self.x, tahun)[1].kode]

    def write_documents(self, ins, x: s.Instansi):
        rkt = self.sync(
            pm.RencanaKinerjaTahunan,
            {"instansi": ins},
            [
                dict(
                    tahun=d.tahun,
                    **self.ttd(d),
                )
                for d in x.rkt
            ],
            ("tahun",),
        )
        for d in x.rkt:
            self._doc_targets(rkt[d.tahun], "rkt", d)
        pks = self.sync(
            pm.PerjanjianKinerja,
            {"instansi": ins},
            [
                dict(
                    tahun=d.tahun,
                    versi=d.versi,
                    tempat=d.tempat,
                    tanggal=d.tanggal,
                    pihak_pertama=self.pejabat[d.pihak_pertama],
                    jabatan_pihak_pertama=d.jabatan_pihak_pertama,
                    pihak_kedua=self.pejabat[d.pihak_kedua],
                    jabatan_pihak_kedua=d.jabatan_pihak_kedua,
                    keterangan=d.keterangan,
                )
                for d in x.perjanjian_kinerja
            ],
            ("tahun", "versi"),
        )
        for d in x.perjanjian_kinerja:
            pk = pks[(d.tahun, d.versi)]
            targets = self._doc_targets(pk, "perjanjian", d)
            self.sync(
                pm.RencanaAksi,
                {},
                [
                    dict(
                        target=targets[ra.indikator],
                        triwulan=ra.triwulan,
                        nilai=ra.nilai,
                        nilai_atas=ra.nilai_atas,
                        aksi=ra.aksi,
                    )
                    for ra in d.rencana_aksi
                ],
                ("target", "triwulan"),
                within=pm.RencanaAksi.objects.filter(target__perjanjian=pk),
            )
            c = self.codes(d.tahun)
            self.sync(
                pm.PKProgram,
                {"perjanjian": pk},
                [
                    dict(program=c["program"][p.program], anggaran=p.anggaran, keterangan=p.keterangan, urutan=i)
                    for i, p in enumerate(d.program)
                ],
                ("program",),
            )
        iku = self.sync(
            pm.KeputusanIKU,
            {"instansi": ins},
            [
                dict(
                    nomor=d.nomor,
                    tahun=d.tahun,
                    tentang=d.tentang,
                    keterangan=d.keterangan,
                    **self.ttd(d),
                )
                for d in x.keputusan_iku
            ],
            ("nomor",),
        )
        for d in x.keputusan_iku:
            c = self.codes(d.tahun)
            iku[d.nomor].indikator.set([c["indikator"][k] for k in d.indikator])

    def _doc_targets(self, doc, field: str, d) -> dict:
        c = self.codes(d.tahun)
        rows = {}
        for i, t in enumerate(d.target):
            rows[t.indikator] = dict(
                indikator=c["indikator"][t.indikator], tahun=d.tahun, nilai_atas=t.nilai_atas, urutan=i, **_value(t)
            )
        result = self.sync(pm.Target, {field: doc}, list(rows.values()), ("indikator",))
        return {k: result[rows[k]["indikator"].pk] for k in rows}

    def write_measurement(self, ins, x: s.Instansi):
        indikator_ids = pm.Indikator.objects.filter(renstra__instansi=ins)
        rows = []
        for r in x.realisasi:
            rows.append(
                dict(
                    indikator=self.codes(r.tahun)["indikator"][r.indikator],
                    tahun=r.tahun,
                    periode=r.periode,
                    pembilang=r.pembilang,
                    penyebut=r.penyebut,
                    bukti=r.bukti,
                    **_value(r),
                )
            )
        self.sync(
            mm.Realisasi,
            {},
            rows,
            ("indikator", "tahun", "periode"),
            within=mm.Realisasi.objects.filter(indikator__in=indikator_ids),
        )
        rows = [
            dict(indikator=self.codes(r.tahun)["indikator"][r.indikator], tahun=r.tahun, nilai=r.nilai, sumber=r.sumber)
            for r in x.realisasi_nasional
        ]
        self.sync(
            mm.RealisasiNasional,
            {},
            rows,
            ("indikator", "tahun"),
            within=mm.RealisasiNasional.objects.filter(indikator__in=indikator_ids),
        )
        rows = []
        for a in x.anggaran:
            c = self.codes(a.tahun)
            rows.append(
                dict(
                    tahun=a.tahun,
                    program=c["program"].get(a.program),
                    kegiatan=c["kegiatan"].get(a.kegiatan),
                    sub_kegiatan=c["sub_kegiatan"].get(a.sub_kegiatan),
                    pagu=a.pagu,
                    realisasi=a.realisasi,
                    catatan=a.catatan,
                )
            )
        self.sync(
            mm.Anggaran,
            {},
            rows,
            ("tahun", "program", "kegiatan", "sub_kegiatan"),
            within=mm.Anggaran.milik(ins),
        )
        self.sync(
            mm.Belanja,
            {"instansi": ins},
            [
                dict(tahun=b.tahun, jenis=b.jenis, pagu=b.pagu, realisasi=b.realisasi, catatan=b.catatan)
                for b in x.belanja
            ],
            ("tahun", "jenis"),
        )

    def write_responden(self, survei, rows: list[s.Responden], unsur: list):
        responden = self.sync(
            sm.Responden, {"survei": survei}, [r.model_dump(exclude={"jawaban"}) for r in rows], ("nomor",)
        )
        self.sync(
            sm.Jawaban,
            {},
            [
                dict(responden=responden[r.nomor], unsur=u, nilai=nilai)
                for r in rows
                for u, nilai in zip(unsur, r.jawaban, strict=True)
            ],
            ("responden", "unsur"),
            within=sm.Jawaban.objects.filter(responden__survei=survei),
        )

    def write_reporting(self, ins, x: s.Instansi):
        survei = self.sync(
            sm.SurveiSKM,
            {"instansi": ins},
            [
                dict(
                    kode=v.kode,
                    tahun=v.tahun,
                    judul=v.judul,
                    metode=self.metode[v.metode],
                    indikator=self.codes(v.tahun)["indikator"].get(v.indikator),
                    **v.model_dump(
                        exclude={"kode", "tahun", "judul", "metode", "indikator", "unit", "distribusi", "responden"}
                    ),
                    unit=self.units.get(v.unit),
                )
                for v in x.survei_skm
            ],
            ("kode",),
        )
        for v in x.survei_skm:
            obj = survei[v.kode]
            unsur = {u.nomor: u for u in obj.metode.unsur.all()}
            self.write_responden(obj, v.responden, [unsur[n] for n in sorted(unsur)])
            self.sync(
                sm.DistribusiJawaban,
                {"survei": obj},
                [dict(dj.model_dump(exclude={"unsur"}), unsur=unsur[dj.unsur]) for dj in v.distribusi],
                ("unsur",),
            )
        laporan = self.sync(
            rm.LaporanKinerja,
            {"instansi": ins},
            [
                dict(
                    tahun=lp.tahun,
                    **self.ttd(lp),
                )
                for lp in x.laporan
            ],
            ("tahun",),
        )
        for lp in x.laporan:
            c = self.codes(lp.tahun)
            self.sync(
                rm.Narasi,
                {"laporan": laporan[lp.tahun]},
                [
                    dict(
                        bagian=n.bagian,
                        sasaran=c["sasaran"].get(n.sasaran),
                        kegiatan=c["kegiatan"].get(n.kegiatan),
                        teks=n.teks,
                    )
                    for n in lp.narasi
                ],
                ("bagian", "sasaran", "kegiatan"),
            )
