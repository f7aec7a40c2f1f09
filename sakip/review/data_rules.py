"""Data reviu of one agency-year in the database: what the LKIP would state wrongly or leave
empty if it were generated now. Each finding carries a key built from the records it is about,
so a re-run recognises it and keeps the reviewer's decision."""

from decimal import Decimal

from sakip import formatting as fmt
from sakip.calc.reviu import ERROR, INFO, METODE_MUTU, WARNING, Temuan, metode_disebut, urutkan
from sakip.calc.skm import nrr_distribusi, skala_100
from sakip.measurement.models import Anggaran, Belanja, Realisasi, SkalaPredikat
from sakip.measurement.pengukuran import anggaran, targets_for
from sakip.planning.models import Indikator, PerjanjianKinerja, Renstra, Target
from sakip.reporting.models import LaporanKinerja, Narasi


def _teks(t, indikator: Indikator) -> str:
    value = fmt.nilai(t.nilai, indikator.satuan, t.mutu)
    if getattr(t, "nilai_atas", None) is not None:
        value = f"{value}–{fmt.ringkas(t.nilai_atas)}"
    return value


def _beda(a: Target, b: Target) -> bool:
    if a.nilai is not None and b.nilai is not None and a.nilai != b.nilai:
        return True
    if (a.nilai_atas or b.nilai_atas) and a.nilai_atas != b.nilai_atas:
        return True
    return bool(a.mutu and b.mutu and a.mutu != b.mutu)


def _dokumen(t: Target, renstra: Renstra | None) -> str:
    if t.perjanjian_id:
        return f"{t.perjanjian.judul} {t.tahun}"
    if t.rkt_id:
        return f"RKT {t.tahun}"
    r = renstra or t.indikator.renstra
    return f"{'Perubahan ' if r.versi else ''}Renstra {r.tahun_awal}–{r.tahun_akhir}"


def _target_finding(rule, severity, t: Target, ref: Target, renstra, why: str) -> Temuan:
    ind = t.indikator
    doc, ref_doc = _dokumen(t, renstra), _dokumen(ref, renstra)
    return Temuan(
        rule,
        severity,
        f"{doc} › indikator {ind.nama}",
        f'Target {t.tahun} indikator "{ind.nama}": {doc} menyebut {_teks(t, ind)}, sedangkan {ref_doc} menyebut '
        f"{_teks(ref, ind)}. {why}",
        _teks(t, ind),
        f"{_teks(ref, ind)} ({ref_doc})",
        key=f"{rule}|{ind.renstra.kode}|{ind.kode}|{t.tahun}|{doc}",
    )


def rule_targets(instansi, tahun: int) -> list[Temuan]:
    """The same indicator's target in Renstra, RKT and every PK version of the year, against
    the PK in force (what the year is measured against)."""
    renstra = Renstra.aktif(instansi, tahun)
    if renstra is None:
        return [
            Temuan("renstra-kosong", ERROR, f"Renstra {tahun}", f"Tidak ada Renstra yang berlaku untuk tahun {tahun}.")
        ]
    rows = list(
        Target.objects.filter(indikator__renstra__instansi=instansi, tahun=tahun).select_related(
            "indikator__renstra", "perjanjian", "rkt"
        )
    )
    pk = PerjanjianKinerja.berlaku(instansi, tahun)
    per_indikator: dict[str, list[Target]] = {}
    for t in rows:
        if t.indikator.renstra_id == renstra.id or t.perjanjian_id or t.rkt_id:
            per_indikator.setdefault(t.indikator.kode, []).append(t)
    out = []
    for targets in per_indikator.values():
        in_force = next((t for t in targets if pk and t.perjanjian_id == pk.id), None)
        rkt = next((t for t in targets if t.rkt_id), None)
        plan = next(
            (t for t in targets if not t.rkt_id and not t.perjanjian_id and t.indikator.renstra_id == renstra.id), None
        )
        ref = in_force or rkt
        if ref is None:
            continue
        for t in targets:
            if t is ref or not _beda(t, ref):
                continue
            if t.perjanjian_id:
                out.append(
                    _target_finding(
                        "target-beda",
                        INFO,
                        t,
                        ref,
                        renstra,
                        "Target diubah oleh versi Perjanjian Kinerja yang berlaku.",
                    )
                )
            elif t is plan or t is rkt:
                rule = "target-akhir-renstra" if tahun == renstra.tahun_akhir and t is plan else "target-beda"
                out.append(
                    _target_finding(rule, WARNING, t, ref, renstra, "Perbedaan target antar-dokumen perlu dijelaskan.")
                )
    return out


def rule_end_target(instansi, tahun: int) -> list[Temuan]:
    """Targets set for the Renstra's final year (in any RKT or PK) against the Renstra end target."""
    renstra = Renstra.aktif(instansi, tahun)
    if renstra is None or tahun == renstra.tahun_akhir:
        return []  # the final year itself is compared by rule_targets
    akhir = renstra.tahun_akhir
    plan = {
        t.indikator.kode: t
        for t in Target.objects.filter(
            indikator__renstra=renstra, tahun=akhir, rkt=None, perjanjian=None
        ).select_related("indikator__renstra")
    }
    out = []
    for t in (
        Target.objects.filter(indikator__renstra__instansi=instansi, tahun=akhir)
        .exclude(rkt=None, perjanjian=None)
        .select_related("indikator__renstra", "rkt", "perjanjian")
    ):
        ref = plan.get(t.indikator.kode)
        if ref is not None and _beda(t, ref):
            out.append(
                _target_finding(
                    "target-akhir-renstra",
                    WARNING,
                    t,
                    ref,
                    renstra,
                    f"Target tahun terakhir Renstra ({akhir}) berbeda dengan target akhir Renstra.",
                )
            )
    return out


def rule_polarity(instansi, tahun: int) -> list[Temuan]:
    """Renstra targets that move against the indicator's polarity from one year to the next."""
    renstra = Renstra.aktif(instansi, tahun)
    if renstra is None:
        return []
    series: dict[int, list[Target]] = {}
    for t in Target.objects.filter(indikator__renstra=renstra, rkt=None, perjanjian=None).select_related("indikator"):
        if t.nilai is not None and t.indikator.jenis_nilai != "milestone":
            series.setdefault(t.indikator_id, []).append(t)
    out = []
    for targets in series.values():
        targets.sort(key=lambda t: t.tahun)
        for a, b in zip(targets, targets[1:], strict=False):
            ind = b.indikator
            naik = ind.rumus == "positif"
            if (naik and b.nilai < a.nilai) or (not naik and b.nilai > a.nilai):
                arah = "turun" if naik else "naik"
                out.append(
                    Temuan(
                        "target-polaritas",
                        WARNING,
                        f"{_dokumen(b, renstra)} › indikator {ind.nama} › tahun {b.tahun}",
                        f'Target indikator "{ind.nama}" ({ind.polaritas}: makin {"tinggi" if naik else "rendah"} makin baik) '
                        f"{arah} dari {_teks(a, ind)} ({a.tahun}) menjadi {_teks(b, ind)} ({b.tahun}).",
                        _teks(b, ind),
                        f"{'≥' if naik else '≤'} {_teks(a, ind)}",
                        key=f"target-polaritas|{renstra.kode}|{ind.kode}|{b.tahun}",
                    )
                )
    return out


def rule_realisasi(instansi, tahun: int) -> list[Temuan]:
    """Every indicator the year is measured against needs a yearly realisasi with its evidence."""
    label, targets = targets_for(instansi, tahun)
    realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=[t.indikator_id for t in targets], tahun=tahun, periode=Realisasi.Periode.TAHUN
        )
    }
    out = []
    for t in targets:
        ind, r = t.indikator, realisasi.get(t.indikator_id)
        where = f"Realisasi {tahun} › indikator {ind.nama}"
        if r is None or r.nilai is None:
            out.append(
                Temuan(
                    "realisasi-kosong",
                    ERROR,
                    where,
                    f'Indikator "{ind.nama}" ({label}) belum punya realisasi tahun {tahun}.',
                    "",
                    "realisasi tahunan",
                    key=f"realisasi-kosong|{ind.renstra_id}|{ind.kode}|{tahun}",
                )
            )
        elif not r.bukti:
            out.append(
                Temuan(
                    "bukti-kosong",
                    WARNING,
                    where,
                    f'Realisasi {tahun} indikator "{ind.nama}" ({_teks(r, ind)}) belum dilengkapi bukti dukung.',
                    _teks(r, ind),
                    "berkas bukti dukung",
                    key=f"bukti-kosong|{ind.renstra_id}|{ind.kode}|{tahun}",
                )
            )
    return out


def rule_iku(instansi, tahun: int) -> list[Temuan]:
    renstra = Renstra.aktif(instansi, tahun)
    if renstra is None:
        return []
    out = []
    for ind in renstra.indikator.filter(iku=True).prefetch_related("penanggung_jawab"):
        missing = [
            ("formulasi", not ind.formulasi.strip()),
            ("unit penanggung jawab", not ind.penanggung_jawab.all()),
            ("sumber data", not ind.sumber_data.strip()),
        ]
        for what, empty in missing:
            if empty:
                out.append(
                    Temuan(
                        "iku-tidak-lengkap",
                        WARNING,
                        f"IKU › indikator {ind.nama}",
                        f'IKU "{ind.nama}" belum punya {what}.',
                        "",
                        what,
                        key=f"iku-tidak-lengkap|{renstra.kode}|{ind.kode}|{what}",
                    )
                )
    return out


def rule_budget(instansi, tahun: int) -> list[Temuan]:
    """Realisasi above pagu, and stated totals that are not the sum of their parts."""
    out = []
    lines = [
        (a.pemilik.nama, a.pagu, a.realisasi, f"anggaran|{a.tingkat}|{a.pemilik.kode}")
        for a in Anggaran.milik(instansi).filter(tahun=tahun)
    ]
    lines += [
        (b.get_jenis_display(), b.pagu, b.realisasi, f"belanja|{b.jenis}")
        for b in Belanja.objects.filter(instansi=instansi, tahun=tahun)
    ]
    for nama, pagu, real, key in lines:
        if real is not None and real > pagu:
            out.append(
                Temuan(
                    "anggaran-lebih-pagu",
                    ERROR,
                    f"Anggaran {tahun} › {nama}",
                    f"Realisasi {nama} {fmt.rupiah(real)} melebihi pagunya {fmt.rupiah(pagu)}.",
                    fmt.rupiah(real),
                    f"≤ {fmt.rupiah(pagu)}",
                    key=f"anggaran-lebih-pagu|{key}|{tahun}",
                )
            )
    for note in anggaran(instansi, tahun).catatan:
        out.append(Temuan("anggaran-jumlah", ERROR, f"Anggaran {tahun}", note, key=f"anggaran-jumlah|{tahun}|{note}"))
    return out


def rule_scale(instansi, tahun: int) -> list[Temuan]:
    skala = SkalaPredikat.untuk(instansi)
    if skala is None:
        return [Temuan("skala-kosong", ERROR, "Skala predikat", "Belum ada skala predikat untuk instansi ini.")]
    return [
        Temuan(
            f"skala-{m.jenis}",
            ERROR,
            f"Skala predikat {skala.nama}",
            m.pesan,
            key=f"skala-{m.jenis}|{skala.kode}|{m.pesan}",
        )
        for m in skala.skala().periksa()
    ]


def _methods(instansi, indikator, tahun):
    """The SKM regulation of the indicator's survey (or the agency's surveys); all when unknown."""
    surveys = list(instansi.survei_skm.filter(indikator=indikator).select_related("metode")) or list(
        instansi.survei_skm.select_related("metode")
    )
    for s in sorted(surveys, key=lambda s: s.tahun != tahun):
        m = s.metode
        found = metode_disebut(" ".join(str(getattr(m, f, "") or "") for f in ("kode", "nama", "dasar_hukum", "acuan")))
        if found is None and m.kode:
            found = next((x for x in METODE_MUTU if x.kode == m.kode), None)
        if found:
            return [found], True
    return list(METODE_MUTU), False


def rule_skm(instansi, tahun: int) -> list[Temuan]:
    """SKM grades against their value under the survey's regulation; the result against its survey."""
    out = []
    values = list(
        Realisasi.objects.filter(indikator__renstra__instansi=instansi, tahun=tahun, periode="tahun")
        .exclude(mutu="")
        .select_related("indikator")
    ) + list(
        Target.objects.filter(indikator__renstra__instansi=instansi, tahun=tahun)
        .exclude(mutu="")
        .select_related("indikator", "rkt", "perjanjian", "indikator__renstra")
    )
    for v in values:
        if v.nilai is None:
            continue
        methods, named = _methods(instansi, v.indikator, tahun)
        fits = [m for m in methods if (m.mutu(v.nilai) or ("",))[0] == v.mutu]
        kind = "Realisasi" if isinstance(v, Realisasi) else f"Target ({_dokumen(v, None)})"
        expected = "; ".join(f"{(m.mutu(v.nilai) or ('-',))[0]} menurut {m.nama}" for m in methods)
        key = f"mutu-skm|{v.indikator.renstra_id}|{v.indikator.kode}|{tahun}|{kind}"
        where = f"{kind} {tahun} › indikator {v.indikator.nama}"
        if not fits:
            out.append(
                Temuan(
                    "mutu-skm",
                    ERROR,
                    where,
                    f"Mutu {v.mutu} tidak sesuai dengan nilai SKM {fmt.ringkas(v.nilai)} ({expected}).",
                    _teks(v, v.indikator),
                    expected,
                    key=key,
                )
            )
        elif not named and len(fits) < len(methods):
            out.append(
                Temuan(
                    "mutu-skm",
                    WARNING,
                    where,
                    f"Mutu {v.mutu} untuk nilai SKM {fmt.ringkas(v.nilai)} hanya sesuai dengan {fits[0].nama} ({expected}); "
                    "metode survei tidak menyebut peraturan yang dipakai.",
                    _teks(v, v.indikator),
                    expected,
                    key=key,
                )
            )
    for s in instansi.survei_skm.filter(tahun=tahun).exclude(indikator=None).select_related("indikator"):
        scores = [skala_100(nrr_distribusi(d.persen)) for d in s.distribusi.all()]
        scores = [h.nilai for h in scores if h.dapat_dihitung]
        r = Realisasi.objects.filter(indikator=s.indikator, tahun=tahun, periode="tahun").first()
        if not scores or r is None or r.nilai is None:
            continue
        hasil = sum(scores, Decimal(0)) / len(scores)
        if fmt.angka(hasil) != fmt.angka(r.nilai):
            out.append(
                Temuan(
                    "skm-hasil",
                    WARNING,
                    f"Survei {s.judul}",
                    f"Realisasi {s.indikator.nama} {fmt.ringkas(r.nilai)} tidak sama dengan hasil survei {fmt.angka(hasil)} "
                    f"(rata-rata {len(scores)} unsur yang distribusinya terisi).",
                    fmt.ringkas(r.nilai),
                    fmt.angka(hasil),
                    key=f"skm-hasil|{s.kode}",
                )
            )
    return out


def rule_narrative(instansi, tahun: int) -> list[Temuan]:
    laporan = LaporanKinerja.objects.filter(instansi=instansi, tahun=tahun).first()
    if laporan is None:
        return [
            Temuan(
                "narasi-kosong",
                WARNING,
                f"LKIP {tahun}",
                f"Data laporan kinerja tahun {tahun} belum ada.",
                key=f"narasi-kosong|{tahun}|laporan",
            )
        ]
    out = [
        Temuan(
            "narasi-kosong",
            WARNING,
            f"LKIP {tahun} › {Narasi.Bagian(b).label}",
            f"Narasi {Narasi.Bagian(b).label} belum ditulis.",
            key=f"narasi-kosong|{tahun}|{b}",
        )
        for b in laporan.bagian_kosong()
    ]
    renstra = Renstra.aktif(instansi, tahun)
    written = set(
        laporan.narasi.filter(bagian=Narasi.Bagian.ANALISIS).exclude(teks="").values_list("sasaran_id", flat=True)
    )
    if renstra:
        nomor = 0
        for tujuan in renstra.tujuan.prefetch_related("sasaran"):
            for s in tujuan.sasaran.all():
                nomor += 1
                if s.id not in written:
                    out.append(
                        Temuan(
                            "narasi-kosong",
                            WARNING,
                            f"LKIP {tahun} › Analisis sasaran {nomor}",
                            f'Analisis capaian sasaran {nomor} "{s.uraian}" belum ditulis.',
                            key=f"narasi-kosong|{tahun}|analisis|{s.kode}",
                        )
                    )
    return out


RULES = (
    rule_targets,
    rule_end_target,
    rule_polarity,
    rule_realisasi,
    rule_iku,
    rule_budget,
    rule_scale,
    rule_skm,
    rule_narrative,
)


def reviu_data(instansi, tahun: int) -> list[Temuan]:
    out, seen = [], set()
    for rule in RULES:
        for t in rule(instansi, tahun):
            if t.key not in seen:
                seen.add(t.key)
                out.append(t)
    return urutkan(out)
