"""Reads agencies out of the database into the `sakip/1` shape, in a fixed order, so the
same data always gives the same bytes (export → import → export is identical)."""

import json
from datetime import date
from decimal import Decimal
from enum import Enum

import yaml

from sakip.measurement import models as mm
from sakip.organisation import models as om
from sakip.planning import models as pm
from sakip.reporting import models as rm
from sakip.skm import models as sm

from . import schema as s

NARASI_ORDER = {b: i for i, b in enumerate(rm.Narasi.Bagian.values)}


def _nilai(o) -> dict:
    return {"nilai": o.nilai, "mutu": o.mutu, "catatan": o.catatan}


def _ttd(d) -> dict:
    return dict(
        tempat=d.tempat,
        tanggal=d.tanggal,
        penandatangan=_kode(d.penandatangan),
        jabatan_penandatangan=d.jabatan_penandatangan,
    )


def _kode(obj):
    return obj.kode if obj is not None else None


def _responden(survei) -> list[dict]:
    """Respondents in number order, each with the answers in unsur order (one query each)."""
    jawaban: dict[int, list[int]] = {}
    for rid, nilai in (
        sm.Jawaban.objects.filter(responden__survei=survei)
        .order_by("responden_id", "unsur__nomor")
        .values_list("responden_id", "nilai")
    ):
        jawaban.setdefault(rid, []).append(nilai)
    return [
        dict(
            nomor=r.nomor,
            tanggal=r.tanggal,
            jenis_kelamin=r.jenis_kelamin,
            usia=r.usia,
            pendidikan=r.pendidikan,
            pekerjaan=r.pekerjaan,
            layanan=r.layanan,
            jawaban=jawaban.get(r.id, []),
        )
        for r in survei.responden.order_by("nomor")
    ]


def export_dokumen(pemda: om.Pemda, instansi: list[om.Instansi]) -> dict:
    """The document as plain Python (Decimal, date), defaults left out, schema key order."""
    slugs = {i.slug for i in instansi}
    doc = {
        "format": s.FORMAT,
        "pemda": dict(
            slug=pemda.slug,
            nama=pemda.nama,
            jenis=pemda.jenis,
            ibukota=pemda.ibukota,
            kepala=_kode(pemda.kepala),
            jabatan_kepala=pemda.jabatan_kepala,
        ),
        "pejabat": sorted(
            ({"kode": p.kode, "nama": p.nama, "nip": p.nip, "golongan": p.golongan} for p in pemda.pejabat.all()),
            key=lambda p: p["kode"],
        ),
        "rpjmd": [
            dict(
                tahun_awal=r.tahun_awal,
                tahun_akhir=r.tahun_akhir,
                visi=r.visi,
                dasar_hukum=r.dasar_hukum,
                misi=[dict(nomor=m.nomor, uraian=m.uraian) for m in r.misi.order_by("nomor")],
                sasaran=[
                    dict(kode=x.kode, uraian=x.uraian, misi=x.misi.nomor if x.misi else None)
                    for x in r.sasaran.order_by("urutan").select_related("misi")
                ],
            )
            for r in pemda.rpjmd.order_by("tahun_awal")
        ],
        "skala_predikat": sorted(
            (
                dict(
                    kode=k.kode,
                    nama=k.nama,
                    sumber=k.sumber,
                    instansi=k.instansi.slug if k.instansi else None,
                    rentang=[
                        dict(
                            predikat=r.predikat,
                            bawah=r.bawah,
                            bawah_inklusif=r.bawah_inklusif,
                            atas=r.atas,
                            atas_inklusif=r.atas_inklusif,
                            warna=r.warna,
                        )
                        for r in k.rentang.order_by("urutan")
                    ],
                )
                for k in pemda.skala_predikat.select_related("instansi")
                if k.instansi is None or k.instansi.slug in slugs
            ),
            key=lambda k: k["kode"],
        ),
        "metode_skm": sorted(
            (
                dict(
                    kode=m.kode,
                    nama=m.nama,
                    dasar_hukum=m.dasar_hukum,
                    acuan=m.acuan,
                    unsur=[
                        dict(
                            nomor=u.nomor,
                            nama=u.nama,
                            pertanyaan=u.pertanyaan,
                            jawaban_1=u.jawaban_1,
                            jawaban_2=u.jawaban_2,
                            jawaban_3=u.jawaban_3,
                            jawaban_4=u.jawaban_4,
                        )
                        for u in m.unsur.order_by("nomor")
                    ],
                )
                for m in pemda.metode_skm.all()
            ),
            key=lambda m: m["kode"],
        ),
        "instansi": [_instansi(i) for i in sorted(instansi, key=lambda i: i.slug)],
    }
    dumped = s.Dokumen.model_validate(doc).model_dump(mode="python", exclude_defaults=True)
    return {"format": s.FORMAT, **dumped}


def _instansi(ins: om.Instansi) -> dict:
    out = {
        f: getattr(ins, f)
        for f in (
            "slug",
            "nama",
            "singkatan",
            "jenis",
            "kode_unit",
            "alamat",
            "kota",
            "kode_pos",
            "telepon",
            "email",
            "website",
        )
    }
    out.update(
        kepala=_kode(ins.kepala),
        jabatan_kepala=ins.jabatan_kepala,
        dasar_hukum=ins.dasar_hukum,
        kedudukan=ins.kedudukan,
    )
    out["tugas_fungsi"] = [dict(jenis=t.jenis, uraian=t.uraian) for t in ins.tugas_fungsi.order_by("urutan")]
    out["unit"] = [
        dict(kode=u.kode, nama=u.nama, jenis=u.jenis, induk=_kode(u.induk), jabatan_kepala=u.jabatan_kepala)
        for u in ins.unit.order_by("urutan").select_related("induk")
    ]
    renstra = list(ins.renstra.order_by("tahun_awal", "versi"))
    out["renstra"] = [_renstra(r) for r in renstra]
    out["rkt"] = [
        dict(
            tahun=d.tahun,
            **_ttd(d),
            target=_doc_targets(d.target),
        )
        for d in ins.rkt.order_by("tahun").select_related("penandatangan")
    ]
    out["perjanjian_kinerja"] = [
        _pk(d) for d in ins.perjanjian.order_by("tahun", "versi").select_related("pihak_pertama", "pihak_kedua")
    ]
    out["keputusan_iku"] = [
        dict(
            nomor=d.nomor,
            tahun=d.tahun,
            tentang=d.tentang,
            **_ttd(d),
            indikator=[i.kode for i in d.indikator.order_by("urutan")],
            keterangan=d.keterangan,
        )
        for d in sorted(ins.keputusan_iku.select_related("penandatangan"), key=lambda d: (d.tahun, d.nomor))
    ]
    ind_order = ("indikator__renstra__tahun_awal", "indikator__renstra__versi", "indikator__urutan", "tahun")
    out["realisasi"] = [
        dict(
            indikator=r.indikator.kode,
            tahun=r.tahun,
            periode=r.periode,
            pembilang=r.pembilang,
            penyebut=r.penyebut,
            bukti=r.bukti.name,
            **_nilai(r),
        )
        for r in sorted(
            mm.Realisasi.objects.filter(indikator__renstra__instansi=ins)
            .select_related("indikator")
            .order_by(*ind_order),
            key=lambda r: _periode_key(r),
        )
    ]
    out["realisasi_nasional"] = [
        dict(indikator=r.indikator.kode, tahun=r.tahun, nilai=r.nilai, sumber=r.sumber)
        for r in mm.RealisasiNasional.objects.filter(indikator__renstra__instansi=ins)
        .select_related("indikator")
        .order_by(*ind_order)
    ]
    out["anggaran"] = [
        dict(
            tahun=a.tahun,
            program=_kode(a.program),
            kegiatan=_kode(a.kegiatan),
            sub_kegiatan=_kode(a.sub_kegiatan),
            pagu=a.pagu,
            realisasi=a.realisasi,
            catatan=a.catatan,
        )
        for a in sorted(mm.Anggaran.milik(ins), key=lambda a: (a.tahun, a.urutan_pohon))
    ]
    out["belanja"] = [
        dict(tahun=b.tahun, jenis=b.jenis, pagu=b.pagu, realisasi=b.realisasi, catatan=b.catatan)
        for b in sorted(ins.belanja.all(), key=lambda b: (b.tahun, b.jenis))
    ]
    out["survei_skm"] = [
        dict(
            kode=v.kode,
            tahun=v.tahun,
            judul=v.judul,
            metode=v.metode.kode,
            indikator=_kode(v.indikator),
            unit=_kode(v.unit),
            mulai=v.mulai,
            selesai=v.selesai,
            populasi=v.populasi,
            jumlah_responden=v.jumlah_responden,
            bobot_dibulatkan=v.bobot_dibulatkan,
            terbuka=v.terbuka,
            diterbitkan=v.diterbitkan,
            jenis_layanan=v.jenis_layanan,
            analisis=v.analisis,
            tindak_lanjut=v.tindak_lanjut,
            catatan=v.catatan,
            responden=_responden(v),
            distribusi=[
                dict(
                    unsur=d.unsur.nomor,
                    persen_1=d.persen_1,
                    persen_2=d.persen_2,
                    persen_3=d.persen_3,
                    persen_4=d.persen_4,
                    jumlah_1=d.jumlah_1,
                    jumlah_2=d.jumlah_2,
                    jumlah_3=d.jumlah_3,
                    jumlah_4=d.jumlah_4,
                    catatan=d.catatan,
                )
                for d in v.distribusi.select_related("unsur").order_by("unsur__nomor")
            ],
        )
        for v in sorted(ins.survei_skm.select_related("metode", "indikator"), key=lambda v: (v.tahun, v.kode))
    ]
    out["laporan"] = [
        dict(
            tahun=lp.tahun,
            **_ttd(lp),
            narasi=[
                dict(bagian=n.bagian, sasaran=_kode(n.sasaran), kegiatan=_kode(n.kegiatan), teks=n.teks)
                for n in sorted(
                    lp.narasi.select_related("sasaran", "kegiatan"),
                    key=lambda n: (
                        NARASI_ORDER[n.bagian],
                        (n.sasaran or n.kegiatan).urutan if n.sasaran or n.kegiatan else -1,
                    ),
                )
            ],
        )
        for lp in ins.laporan.order_by("tahun").select_related("penandatangan")
    ]
    return out


def _periode_key(r):
    return (
        r.indikator.renstra.tahun_awal,
        r.indikator.renstra.versi,
        r.indikator.urutan,
        r.tahun,
        mm.Realisasi.Periode.values.index(r.periode),
    )


def _renstra(r: pm.Renstra) -> dict:
    return dict(
        kode=r.kode,
        tahun_awal=r.tahun_awal,
        tahun_akhir=r.tahun_akhir,
        versi=r.versi,
        berlaku_mulai=None if r.berlaku_mulai == r.tahun_awal else r.berlaku_mulai,
        dasar_hukum=r.dasar_hukum,
        tanggal=r.tanggal,
        keterangan=r.keterangan,
        tujuan=[
            dict(kode=t.kode, uraian=t.uraian, sasaran_pemda=_kode(t.sasaran_pemda))
            for t in r.tujuan.order_by("urutan").select_related("sasaran_pemda")
        ],
        sasaran=[
            dict(kode=x.kode, tujuan=x.tujuan.kode, uraian=x.uraian)
            for x in pm.Sasaran.objects.filter(tujuan__renstra=r).order_by("urutan").select_related("tujuan")
        ],
        strategi=[
            dict(sasaran=x.sasaran.kode, uraian=x.uraian)
            for x in pm.Strategi.objects.filter(sasaran__tujuan__renstra=r).order_by("urutan").select_related("sasaran")
        ],
        kebijakan=[
            dict(sasaran=x.sasaran.kode, uraian=x.uraian)
            for x in pm.Kebijakan.objects.filter(sasaran__tujuan__renstra=r)
            .order_by("urutan")
            .select_related("sasaran")
        ],
        program=[
            dict(kode=p.kode, nama=p.nama, sasaran=_kode(p.sasaran))
            for p in r.program.order_by("urutan").select_related("sasaran")
        ],
        kegiatan=[
            dict(kode=k.kode, program=k.program.kode, nama=k.nama)
            for k in pm.Kegiatan.objects.filter(program__renstra=r).order_by("urutan").select_related("program")
        ],
        sub_kegiatan=[
            dict(kode=k.kode, kegiatan=k.kegiatan.kode, nama=k.nama)
            for k in pm.SubKegiatan.objects.filter(kegiatan__program__renstra=r)
            .order_by("urutan")
            .select_related("kegiatan")
        ],
        indikator=[
            _indikator(i)
            for i in r.indikator.order_by("urutan")
            .select_related("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "induk")
            .prefetch_related("penanggung_jawab")
        ],
        target=[
            dict(indikator=t.indikator.kode, tahun=t.tahun, nilai_atas=t.nilai_atas, **_nilai(t))
            for t in pm.Target.objects.filter(indikator__renstra=r, rkt=None, perjanjian=None)
            .order_by("urutan", "indikator__urutan", "tahun")
            .select_related("indikator")
        ],
    )


def _indikator(i: pm.Indikator) -> dict:
    out = dict(kode=i.kode, nama=i.nama)
    out.update({o: _kode(getattr(i, o)) for o in pm.OWNER_FIELDS})
    out.update(
        induk=_kode(i.induk),
        satuan=i.satuan,
        jenis_nilai=i.jenis_nilai,
        rumus=i.rumus,
        kategori=i.kategori,
        iku=i.iku,
        formulasi=i.formulasi,
        pembilang=i.pembilang,
        penyebut=i.penyebut,
        penanggung_jawab=[u.kode for u in sorted(i.penanggung_jawab.all(), key=lambda u: u.urutan)],
        sumber_data=i.sumber_data,
    )
    return out


def _doc_targets(qs) -> list[dict]:
    return [
        dict(indikator=t.indikator.kode, nilai_atas=t.nilai_atas, **_nilai(t))
        for t in qs.order_by("urutan").select_related("indikator")
    ]


def _pk(d: pm.PerjanjianKinerja) -> dict:
    targets = list(d.target.order_by("urutan").select_related("indikator"))
    return dict(
        tahun=d.tahun,
        versi=d.versi,
        tempat=d.tempat,
        tanggal=d.tanggal,
        pihak_pertama=d.pihak_pertama.kode,
        jabatan_pihak_pertama=d.jabatan_pihak_pertama,
        pihak_kedua=d.pihak_kedua.kode,
        jabatan_pihak_kedua=d.jabatan_pihak_kedua,
        keterangan=d.keterangan,
        target=_doc_targets(d.target),
        rencana_aksi=[
            dict(
                indikator=t.indikator.kode, triwulan=ra.triwulan, nilai=ra.nilai, nilai_atas=ra.nilai_atas, aksi=ra.aksi
            )
            for t in targets
            for ra in t.rencana_aksi.order_by("triwulan")
        ],
        program=[
            dict(program=p.program.kode, anggaran=p.anggaran, keterangan=p.keterangan)
            for p in d.program.order_by("urutan").select_related("program")
        ],
    )


# ---------------------------------------------------------------- serialisation
def plain(value, dates_as_text: bool):
    """JSON/YAML-ready values: Decimal as int/float when exact (else text), enums as values."""
    if isinstance(value, dict):
        return {k: plain(v, dates_as_text) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v, dates_as_text) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        f = float(value)
        return f if Decimal(repr(f)) == value else str(value.normalize())
    if isinstance(value, date) and dates_as_text:
        return value.isoformat()
    return value


def dumps_json(doc: dict) -> str:
    return json.dumps(plain(doc, True), ensure_ascii=False, indent=2) + "\n"


def dumps_yaml(doc: dict) -> str:
    return yaml.safe_dump(plain(doc, False), allow_unicode=True, sort_keys=False, width=100)
