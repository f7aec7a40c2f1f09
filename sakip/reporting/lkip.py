"""The LKIP (Laporan Kinerja Instansi Pemerintah) of one agency-year, following PermenPANRB
53/2014 in the order of the reference report. Every sentence that states a fact is generated
from the context; free narrative comes from the narrative fields or shows a placeholder."""

from decimal import Decimal

from sakip import formatting as fmt
from sakip.calc import Hasil, proporsi
from sakip.measurement.models import Anggaran
from sakip.planning.models import Renstra
from sakip.skm.kalimat import kalimat_skm

from . import charts, workers
from .bagian import (
    head,
    kop,
    nilai_target,
    nomor_kolom,
    placeholder,
    tabel_iku,
    tabel_pk,
    tabel_pk_program,
    tabel_renstra,
    tanda_tangan,
)
from .document import (
    Cell,
    Cover,
    Dokumen,
    Figure,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Section,
    Signatures,
    Table,
    TableOfContents,
)
from .konteks import AnalisisSasaran, Konteks

ROMAWI = [fmt.romawi(n) for n in range(1, 11)]


def _teks(text: str, judul: str) -> list:
    """Narrative text as blocks: paragraphs split on blank lines, '- ' lines as a list."""
    if not text or not text.strip():
        return [placeholder(f"{judul} belum diisi")]
    blocks, items = [], []
    for chunk in text.strip().split("\n\n"):
        for line in chunk.split("\n"):
            line = line.strip()
            if line.startswith("- "):
                items.append(line[2:])
                continue
            if items:
                blocks.append(ListBlock(items))
                items = []
            if line:
                blocks.append(Paragraph(line))
    if items:
        blocks.append(ListBlock(items))
    return blocks


def _ttd_laporan(k: Konteks) -> Signatures:
    lp = k.laporan
    pejabat = (lp.penandatangan if lp and lp.penandatangan_id else None) or k.instansi.kepala
    jabatan = (lp.jabatan_penandatangan if lp else "") or k.instansi.jabatan_kepala
    return Signatures(None, tanda_tangan(pejabat, jabatan, lp.tempat if lp else "", lp.tanggal if lp else None))


def _predikat_count(rows) -> str:
    counts = {}
    for b in rows:
        counts[b.predikat or "tidak dapat dihitung"] = counts.get(b.predikat or "tidak dapat dihitung", 0) + 1
    return ", ".join(f"{fmt.jumlah(n)} indikator tergolong {p}" for p, n in counts.items())


def build_lkip(k: Konteks) -> Dokumen:
    ins, tahun = k.instansi, k.tahun
    cover = Section(
        [
            Cover(
                title=["LAPORAN KINERJA", "INSTANSI PEMERINTAH"],
                subtitle=[ins.nama.upper(), ins.pemda.nama.upper()],
                year=f"TAHUN {tahun}",
                logo_png=kop(ins).logo_png,
            )
        ],
        numbering=None,
    )
    # Numbered as the reference report is: the front matter i, ii, …; BAB I starts at 1; the
    # attachments are documents of their own, listed without page numbers.
    front = Section(
        [
            Heading("KATA PENGANTAR"),
            *_teks(k.narasi.get("kata_pengantar", ""), "Kata pengantar"),
            _ttd_laporan(k),
            PageBreak(),
            TableOfContents(),
            *ikhtisar(k),
        ],
        numbering="roman",
        restart=True,
    )
    body = Section([*bab_1(k), *bab_2(k), *bab_3(k), *bab_4(k)], restart=True)
    lampiran = lampiran_sections(k)
    return nomori(
        Dokumen(
            title=f"Laporan Kinerja {ins.nama} Tahun {tahun}",
            sections=[cover, front, body, *lampiran],
            missing=list(k.kosong),
        )
    )


def nomori(doc: Dokumen) -> Dokumen:
    """Number table and figure titles per chapter: "Tabel 3.2 …", "Grafik 3.1 …"."""
    bab, tabel, grafik = 0, 0, 0
    for block in doc.blocks():
        if isinstance(block, Heading) and block.level == 1:
            words = block.text.split()
            if words[0] == "BAB" and words[1] in ROMAWI:
                bab, tabel, grafik = ROMAWI.index(words[1]) + 1, 0, 0
            elif words[0] == "LAMPIRAN":
                bab = 0
        if not bab:
            continue
        if isinstance(block, Table) and block.title:
            tabel += 1
            block.title = f"Tabel {bab}.{tabel} {block.title}"
        elif isinstance(block, Figure):
            grafik += 1
            block.caption = f"Grafik {bab}.{grafik} {block.caption}"
    return doc


# ---------------------------------------------------------------- Ikhtisar Eksekutif
def ikhtisar(k: Konteks) -> list:
    ins, tahun = k.instansi, k.tahun
    out = [Heading("IKHTISAR EKSEKUTIF")]
    sumber = f"Perjanjian Kinerja {ins.nama} Tahun {tahun}" if k.pk else "Rencana Kinerja Tahunan"
    renstra = f"Renstra {ins.nama} Tahun {k.renstra.tahun_awal}–{k.renstra.tahun_akhir}" if k.renstra else "Renstra"
    out.append(
        Paragraph(
            f"Laporan Kinerja {ins.nama} Tahun {tahun} disusun berpedoman pada Peraturan Menteri Pendayagunaan Aparatur "
            f"Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan "
            f"Kinerja, dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah. Laporan ini menyajikan capaian "
            f"kinerja tahun {tahun} atas target yang ditetapkan dalam {renstra} dan dituangkan dalam {sumber}."
        )
    )
    if k.tujuan:
        out.append(Paragraph(f"Tujuan yang hendak dicapai dalam periode Renstra sebanyak {fmt.jumlah(len(k.tujuan))}:"))
        out.append(ListBlock([t.uraian for t in k.tujuan]))
    n_ind = len(k.pengukuran.baris)
    if k.sasaran:
        out.append(
            Paragraph(
                f"Capaian kinerja tahun {tahun} diukur dengan {fmt.jumlah(n_ind)} indikator kinerja dari "
                f"{fmt.jumlah(len(k.sasaran))} sasaran strategis, dengan hasil sebagai berikut:"
            )
        )
        items = []
        for a in k.sasaran:
            pred = a.predikat or "belum dapat dinilai"
            items.append(
                [
                    Run(f"Sasaran {a.nomor}: {a.sasaran.uraian} ", bold=False),
                    Run(f"mendapat predikat {pred}", bold=True),
                    Run(
                        f" (rata-rata capaian {fmt.persen(a.rerata_capaian)}), diukur dengan {fmt.jumlah(len(a.baris))} "
                        f"indikator: {_predikat_count(a.baris) or 'belum ada indikator'}."
                    ),
                ]
            )
        out.append(ListBlock(items))
    out += _kalimat_anggaran(k)
    out.append(Paragraph("Kendala yang dihadapi dalam pencapaian kinerja antara lain:"))
    out += _teks(k.narasi.get("kendala", ""), "Kendala")
    out.append(Paragraph("Langkah yang telah dilakukan untuk mengatasi kendala tersebut antara lain:"))
    out += _teks(k.narasi.get("upaya", ""), "Langkah mengatasi kendala")
    return out


def _kalimat_anggaran(k: Konteks) -> list:
    a = k.anggaran
    if a.total_belanja_pagu is None and not a.baris:
        return [placeholder(f"Data anggaran tahun {k.tahun} belum diisi")]
    if a.total_belanja_pagu is not None:
        parts = "; ".join(
            f"{b.nama} {fmt.rupiah(b.pagu)} dengan realisasi {fmt.rupiah(b.realisasi)} ({fmt.persen(b.serapan)})"
            for b in a.belanja
            if b.tingkat == 0
        )
        return [
            Paragraph(
                f"Untuk mendukung pencapaian kinerja tahun {k.tahun} dialokasikan anggaran sebesar "
                f"{fmt.rupiah(a.total_belanja_pagu)}, terdiri atas {parts}. Realisasi seluruhnya sampai dengan "
                f"31 Desember {k.tahun} sebesar {fmt.rupiah(a.total_belanja_realisasi)} "
                f"({fmt.persen(a.total_belanja_serapan)})."
            )
        ]
    return [
        Paragraph(
            f"Untuk mendukung pencapaian kinerja tahun {k.tahun} dialokasikan anggaran program sebesar "
            f"{fmt.rupiah(a.total_pagu)} dengan realisasi {fmt.rupiah(a.total_realisasi)} "
            f"({fmt.persen(a.total_serapan)})."
        )
    ]


# ---------------------------------------------------------------- BAB I
def bab_1(k: Konteks) -> list:
    ins = k.instansi
    out = [Heading("BAB I PENDAHULUAN"), Heading("A. Latar Belakang", 2)]
    out += _teks(k.narasi.get("latar_belakang", ""), "Latar belakang")
    out += [Heading("B. Maksud dan Tujuan", 2), *_teks(k.narasi.get("maksud_tujuan", ""), "Maksud dan tujuan")]
    out.append(Heading("C. Kedudukan, Tugas, Fungsi dan Susunan Organisasi", 2))
    if ins.dasar_hukum:
        out.append(
            Paragraph(f"Kedudukan, tugas, fungsi dan susunan organisasi {ins.nama} diatur dalam {ins.dasar_hukum}.")
        )
    else:
        out.append(placeholder("Dasar hukum kedudukan, tugas dan fungsi belum diisi"))
    if ins.kedudukan:
        out += _teks(ins.kedudukan, "Kedudukan")
    tugas = [t.uraian for t in ins.tugas_fungsi.filter(jenis="tugas").order_by("urutan")]
    fungsi = [t.uraian for t in ins.tugas_fungsi.filter(jenis="fungsi").order_by("urutan")]
    out += (
        [Paragraph(f"{ins.nama} mempunyai tugas:"), ListBlock(tugas, style="a")]
        if tugas
        else [placeholder("Tugas instansi belum diisi")]
    )
    if fungsi:
        out += [
            Paragraph(f"Dalam melaksanakan tugasnya, {ins.nama} menyelenggarakan fungsi:"),
            ListBlock(fungsi, style="a"),
        ]
    units = list(ins.unit.order_by("urutan").select_related("induk"))
    if units:
        out.append(Paragraph(f"Susunan organisasi {ins.nama} terdiri atas:"))
        out += _unit_tree(units)
    out += [Heading("D. Isu Strategis", 2), *_teks(k.narasi.get("isu_strategis", ""), "Isu strategis")]
    return out


def _unit_tree(units) -> list:
    children = {}
    for u in units:
        children.setdefault(u.induk_id, []).append(u)
    top = children.get(None, [])
    # the head's unit holds the others: list its children at the first level
    if len(top) == 1 and top[0].jenis == "pimpinan":
        top = [top[0], *children.get(top[0].id, [])]
        children[top[0].id] = []
    items = []
    for u in top:
        subs = children.get(u.id, [])
        items.append(u.nama + (", membawahi: " + "; ".join(s.nama for s in subs) if subs else ""))
    return [ListBlock(items, style="a")]


# ---------------------------------------------------------------- BAB II
def bab_2(k: Konteks) -> list:
    ins, tahun = k.instansi, k.tahun
    out = [Heading("BAB II PERENCANAAN KINERJA"), Heading("A. Rencana Strategis", 2)]
    if k.renstra is None:
        return [*out, placeholder(f"Renstra yang berlaku untuk tahun {tahun} belum diisi")]
    r = k.renstra
    versi = "Perubahan " if r.versi else ""
    out.append(
        Paragraph(
            f"Rencana Strategis {ins.nama} yang berlaku adalah {versi}Renstra Tahun {r.tahun_awal}–{r.tahun_akhir}"
            + (f" yang ditetapkan dengan {r.dasar_hukum}" if r.dasar_hukum else "")
            + "."
        )
    )
    out.append(Heading(f"1. Visi dan Misi {ins.pemda.nama}", 3))
    if k.rpjmd:
        out.append(
            Paragraph(
                f"{ins.nama} mendukung pencapaian visi pembangunan {ins.pemda.nama} {k.rpjmd.tahun_awal}–"
                f"{k.rpjmd.tahun_akhir}, yaitu:"
            )
        )
        out.append(Paragraph(Run(f"“{k.rpjmd.visi}”", bold=True), align="center"))
        misi = list(k.rpjmd.misi.order_by("nomor"))
        out.append(Paragraph(f"yang diwujudkan melalui {fmt.jumlah(len(misi))} misi:"))
        out.append(ListBlock([m.uraian for m in misi]))
    else:
        out.append(placeholder(f"RPJMD {ins.pemda.nama} belum diisi"))
    out.append(Heading(f"2. Tujuan dan Sasaran {ins.nama}", 3))
    rows = []
    for i, t in enumerate(k.tujuan, 1):
        sasaran = list(t.sasaran.all())
        for j, s in enumerate(sasaran or [None]):
            row = []
            if j == 0:
                n = max(len(sasaran), 1)
                row += [
                    Cell(str(i), align="center", rowspan=n),
                    Cell(t.uraian, rowspan=n),
                    Cell("; ".join(x.nama for x in t.indikator.all()) or "-", rowspan=n),
                ]
            row += [Cell(s.uraian if s else "-"), Cell("; ".join(x.nama for x in s.indikator.all()) if s else "-")]
            rows.append(row)
    out.append(
        Table(
            [0.8, 3.5, 3, 3.5, 4],
            head("No", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran"),
            rows,
            title="Tujuan dan Sasaran",
            font="small",
        )
    )
    out.append(Heading("3. Strategi dan Kebijakan", 3))
    rows = [
        [
            Cell(s.uraian),
            Cell("; ".join(x.uraian for x in s.strategi.all()) or "-"),
            Cell("; ".join(x.uraian for x in s.kebijakan.all()) or "-"),
        ]
        for t in k.tujuan
        for s in t.sasaran.all()
    ]
    out.append(
        Table(
            [4, 4.5, 4.5], head("Sasaran", "Strategi", "Kebijakan"), rows, title="Strategi dan Kebijakan", font="small"
        )
    )
    out.append(Heading(f"B. Rencana Kinerja Tahunan (RKT) Tahun {tahun}", 2))
    if k.rkt:
        out.append(
            Paragraph(
                f"Rencana Kinerja Tahunan {tahun} memuat sasaran yang akan dicapai beserta indikator dan targetnya, "
                "serta program dan kegiatan beserta indikator, target dan anggarannya."
            )
        )
        out += rkt_ringkas(k)
    else:
        out.append(placeholder(f"RKT tahun {tahun} belum diisi"))
    out.append(Heading("C. Perjanjian Kinerja", 2))
    if k.pk:
        out.append(
            Paragraph(
                f"Perjanjian Kinerja {ins.nama} Tahun {tahun} memuat sasaran strategis, indikator kinerja beserta "
                f"targetnya, dan program yang dilaksanakan beserta anggarannya." + _versi_pk(k)
            )
        )
        out.append(_with_title(tabel_pk(k.pk), f"{k.pk.judul} Tahun {tahun}"))
        if k.pk.program.exists():
            out.append(_with_title(tabel_pk_program(k.pk), f"Program dan Anggaran {k.pk.judul} {tahun}"))
    else:
        out.append(placeholder(f"Perjanjian Kinerja tahun {tahun} belum diisi"))
    out.append(Heading("D. Indikator Kinerja Utama", 2))
    if k.iku:
        dec = k.keputusan_iku
        basis = (
            f" yang ditetapkan dengan Keputusan Nomor {dec.nomor}"
            + (f" tanggal {fmt.tanggal(dec.tanggal)}" if dec.tanggal else "")
            if dec
            else ""
        )
        out.append(
            Paragraph(
                f"Indikator Kinerja Utama (IKU) {ins.nama}{basis} terdiri atas {fmt.jumlah(len(k.iku))} indikator:"
            )
        )
        out.append(_with_title(tabel_iku(k.iku), "Indikator Kinerja Utama"))
    else:
        out.append(placeholder("Indikator Kinerja Utama belum ditetapkan"))
    return out


def rkt_ringkas(k: Konteks) -> list:
    """BAB II B as three portrait tables: sasaran, program and kegiatan with their indicators."""
    targets = {t.indikator_id: t for t in k.rkt.target.select_related("indikator")}
    budget = {a.kegiatan_id: a for a in Anggaran.objects.filter(tahun=k.tahun, kegiatan__program__renstra=k.renstra)}

    def rows_for(owners, label, with_budget=False):
        rows = []
        for o in owners:
            inds = [i for i in o.indikator.all() if i.induk_id is None and i.id in targets]
            if not inds and not (with_budget and o.id in budget):
                continue
            span = max(len(inds), 1)
            for j, ind in enumerate(inds or [None]):
                row = [Cell(label(o), rowspan=span)] if j == 0 else []
                row += [
                    Cell(ind.nama if ind else "-"),
                    Cell(nilai_target(targets.get(ind.id), ind) if ind else "-", align="center"),
                ]
                if with_budget:
                    row += (
                        [Cell(fmt.angka(budget[o.id].pagu) if o.id in budget else "-", align="right", rowspan=span)]
                        if j == 0
                        else []
                    )
                rows.append(row)
        return rows

    sasaran = [s for t in k.tujuan for s in t.sasaran.all()]
    kegiatan = [kg for p in k.program for kg in p.kegiatan.all().order_by("urutan")]
    out = [Heading("1. Sasaran dan Indikator Sasaran", 3)]
    out.append(
        Table(
            [5, 6, 2],
            head("Sasaran", "Indikator Kinerja", "Target"),
            rows_for(sasaran, lambda o: o.uraian),
            title=f"Sasaran dan Indikator Sasaran RKT {k.tahun}",
            font="small",
        )
    )
    out.append(Heading("2. Program dan Indikator Program", 3))
    rows = rows_for(k.program, lambda o: o.nama)
    out.append(
        Table(
            [5, 6, 2],
            head("Program", "Indikator Kinerja", "Target"),
            rows,
            title=f"Program dan Indikator Program RKT {k.tahun}",
            font="small",
        )
        if rows
        else Paragraph(f"RKT {k.tahun} tidak mencantumkan indikator program.")
    )
    out.append(Heading("3. Kegiatan dan Indikator Kegiatan", 3))
    out.append(
        Table(
            [4.2, 5.4, 1.8, 2.4],
            head("Kegiatan", "Indikator Kinerja", "Target", "Anggaran (Rp)"),
            rows_for(kegiatan, lambda o: o.nama, with_budget=True),
            title=f"Kegiatan dan Indikator Kegiatan RKT {k.tahun}",
            font="small",
        )
    )
    return out


def _versi_pk(k: Konteks) -> str:
    if len(k.pk_versi) < 2:
        return ""
    first = k.pk_versi[0]
    when = f" pada {fmt.tanggal(k.pk.tanggal)}" if k.pk.tanggal else ""
    return (
        f" Perjanjian Kinerja awal{' tanggal ' + fmt.tanggal(first.tanggal) if first.tanggal else ''} telah "
        f"diubah{when}; pengukuran kinerja menggunakan target {k.pk.judul}."
    )


def _with_title(table: Table, title: str) -> Table:
    table.title = title
    return table


# ---------------------------------------------------------------- BAB III
def bab_3(k: Konteks) -> list:
    tahun = k.tahun
    out = [Heading("BAB III AKUNTABILITAS KINERJA"), Heading(f"A. Capaian Kinerja Organisasi Tahun {tahun}", 2)]
    rumus = {b.indikator.rumus for b in k.pengukuran.baris}
    out.append(
        Paragraph(
            "Pengukuran kinerja dilakukan dengan membandingkan target setiap indikator kinerja dengan realisasinya. "
            "Untuk indikator yang semakin tinggi realisasinya semakin baik (polaritas positif), capaian dihitung:"
        )
    )
    out.append(Paragraph(Run("Capaian = Realisasi / Target × 100 %", italic=True), align="center"))
    if rumus & {"negatif", "negatif-rasio"}:
        out.append(Paragraph("Untuk indikator yang semakin rendah realisasinya semakin baik (polaritas negatif):"))
        if "negatif" in rumus:
            out.append(
                Paragraph(
                    Run("Capaian = (Target − (Realisasi − Target)) / Target × 100 %", italic=True), align="center"
                )
            )
        if "negatif-rasio" in rumus:
            out.append(Paragraph(Run("Capaian = Target / Realisasi × 100 %", italic=True), align="center"))
    skala = k.pengukuran.skala
    if skala:
        out.append(Paragraph("Capaian dinilai dengan skala berikut:"))
        rows = [
            [Cell(f"{i}.", align="center"), Cell(r.label()), Cell(r.predikat)]
            for i, r in enumerate(sorted(skala.rentang, key=_band_key, reverse=True), 1)
        ]
        out.append(
            Table(
                [0.8, 4, 3],
                head("No", "Capaian Kinerja (x, %)", "Predikat"),
                rows,
                title="Skala Penilaian Capaian Kinerja",
            )
        )
    else:
        out.append(placeholder("Skala predikat belum ditetapkan"))
    out.append(Paragraph(f"Hasil pengukuran kinerja tahun {tahun} (target: {k.pengukuran.sumber_target}):"))
    out.append(tabel_pengukuran(k))
    if k.pengukuran.baris:
        out.append(
            Paragraph(
                f"Dari {fmt.jumlah(len(k.pengukuran.baris))} indikator kinerja, {_predikat_count(k.pengukuran.baris)}."
            )
        )
        items = [(b.indikator.nama, b.capaian.dibulatkan) for b in k.pengukuran.baris]
        out.append(Figure(workers.submit(charts.capaian_chart, items), f"Capaian Indikator Kinerja Tahun {tahun}"))
    out.append(Heading("B. Evaluasi dan Analisis Capaian Kinerja", 2))
    if not k.sasaran:
        out.append(placeholder("Belum ada sasaran yang dapat dianalisis"))
    for a in k.sasaran:
        out += analisis_sasaran(k, a)
    out += akuntabilitas_keuangan(k)
    return out


def _band_key(r):
    return Decimal("-Infinity") if r.bawah is None else r.bawah


def tabel_pengukuran(k: Konteks) -> Table:
    body, groups = [], []
    for b in k.pengukuran.baris:
        if groups and groups[-1][0] == b.sasaran:
            groups[-1][1].append(b)
        else:
            groups.append((b.sasaran, [b]))
    for no, (sasaran, rows) in enumerate(groups, 1):
        for j, b in enumerate(rows):
            row = []
            if j == 0:
                row += [
                    Cell(str(no), align="center", rowspan=len(rows)),
                    Cell(sasaran.uraian if sasaran else "-", rowspan=len(rows)),
                ]
            row += [
                Cell(f"{j + 1}. {b.indikator.nama}"),
                Cell(nilai_target(b.target, b.indikator), align="center"),
                Cell(nilai_target(b.realisasi, b.indikator), align="center"),
                Cell(fmt.persen(b.capaian) if b.capaian.dapat_dihitung else "-", align="center"),
                Cell(b.predikat or (b.capaian.alasan or "-"), align="center"),
            ]
            body.append(row)
    return Table(
        [0.8, 3, 5, 1.6, 1.6, 1.6, 1.6],
        [
            head("No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Predikat")[0],
            nomor_kolom(7),
        ],
        body,
        title=f"Pengukuran Kinerja Tahun {k.tahun}",
        font="small",
    )


def analisis_sasaran(k: Konteks, a: AnalisisSasaran) -> list:
    tahun = k.tahun

    def title(text):
        return text

    out = [Heading(f"{a.nomor}. Sasaran {a.nomor}: {a.sasaran.uraian}", 3)]
    if not a.baris:
        return [*out, placeholder(f"Sasaran {a.nomor} belum punya indikator dengan target tahun {tahun}")]
    pred = a.predikat or "belum dapat dinilai"
    out.append(
        Paragraph(
            f"Sasaran ini diukur dengan {fmt.jumlah(len(a.baris))} indikator, dengan rata-rata capaian "
            f"{fmt.persen(a.rerata_capaian)} sehingga mendapat predikat {pred}."
        )
    )
    # 1. target vs realisasi
    rows = [
        [
            Cell(b.indikator.nama),
            Cell(nilai_target(b.target, b.indikator), align="center"),
            Cell(nilai_target(b.realisasi, b.indikator), align="center"),
            Cell(fmt.persen(b.capaian) if b.capaian.dapat_dihitung else "-", align="center"),
            Cell(b.predikat or "-", align="center"),
        ]
        for b in a.baris
    ]
    out.append(
        Table(
            [6, 1.8, 1.8, 1.8, 1.8],
            head("Indikator", "Target", "Realisasi", "Capaian", "Predikat"),
            rows,
            title=title(f"Target dan Realisasi Sasaran {a.nomor} Tahun {tahun}"),
            font="small",
        )
    )
    # 2. years
    p0 = a.perbandingan[0]
    rows = [
        [Cell(p.baris.indikator.nama)]
        + [Cell(fmt.ringkas(v) if v is not None else "-", align="center") for v in p.realisasi_tahun]
        for p in a.perbandingan
    ]
    out.append(
        Table(
            [6] + [1.6] * len(p0.tahun),
            head("Indikator", *[f"Realisasi {y}" for y in p0.tahun]),
            rows,
            title=title(f"Perbandingan Realisasi Sasaran {a.nomor} dengan Tahun Sebelumnya"),
            font="small",
        )
    )
    out += [_kalimat_tren(p) for p in a.perbandingan]
    # A trend chart for the key indicators only (IKU, else the sasaran's first indicator): a
    # chart per indicator would bury the reader and dominate the generation time.
    key = [p for p in a.perbandingan if p.baris.indikator.iku] or a.perbandingan[:1]
    for p in key:
        if sum(v is not None for v in p.realisasi_tahun) >= 2 or any(p.target_renstra_tahun):
            out.append(
                Figure(
                    workers.submit(
                        charts.trend_chart,
                        p0.tahun,
                        p.realisasi_tahun,
                        p.target_renstra_tahun,
                        "",
                        p.baris.indikator.satuan,
                    ),
                    f"Realisasi {p.baris.indikator.nama} dibanding target Renstra",
                    width_cm=13,
                )
            )
    # 3. renstra end target
    rows = [
        [
            Cell(p.baris.indikator.nama),
            Cell(nilai_target(p.target_akhir, p.baris.indikator), align="center"),
            Cell(nilai_target(p.baris.realisasi, p.baris.indikator), align="center"),
            Cell(fmt.persen(p.kemajuan) if p.kemajuan.dapat_dihitung else "-", align="center"),
        ]
        for p in a.perbandingan
    ]
    out.append(
        Table(
            [6, 2.2, 2.2, 2.2],
            head("Indikator", f"Target Akhir Renstra ({p0.tahun_akhir})", f"Realisasi {tahun}", "Tingkat Kemajuan"),
            rows,
            title=title(f"Realisasi Sasaran {a.nomor} terhadap Target Akhir Renstra"),
            font="small",
        )
    )
    # 4. national
    if any(p.nasional for p in a.perbandingan):
        rows = [
            [
                Cell(p.baris.indikator.nama),
                Cell(nilai_target(p.baris.realisasi, p.baris.indikator), align="center"),
                Cell(fmt.ringkas(p.nasional.nilai) if p.nasional else "-", align="center"),
                Cell(p.nasional.sumber if p.nasional else "data nasional tidak tersedia"),
            ]
            for p in a.perbandingan
        ]
        out.append(
            Table(
                [6, 2, 2, 3],
                head("Indikator", f"Realisasi {tahun}", "Realisasi Nasional", "Sumber"),
                rows,
                title=title(f"Perbandingan Sasaran {a.nomor} dengan Realisasi Nasional"),
                font="small",
            )
        )
    else:
        out.append(
            Paragraph(
                f"Data realisasi nasional untuk indikator sasaran {a.nomor} tidak tersedia, sehingga "
                "perbandingan dengan capaian nasional tidak dapat disajikan."
            )
        )
    # 5. analysis (people write it)
    out.append(Paragraph(Run("Analisis penyebab keberhasilan/kegagalan dan alternatif solusi:", bold=True)))
    out += _teks(a.analisis, f"Analisis sasaran {a.nomor}")
    if a.skm:
        out += skm_section(a, title)
    # 6. efficiency
    if a.serapan.dapat_dihitung and a.rerata_capaian.dapat_dihitung:
        ef = a.efisiensi
        word = "efisien" if ef.efisien else "belum efisien"
        out.append(
            Paragraph(
                f"Efisiensi: rata-rata capaian kinerja sasaran {a.nomor} sebesar {fmt.persen(a.rerata_capaian)} dicapai "
                f"dengan penyerapan anggaran program pendukung {fmt.persen(a.serapan)} ({fmt.rupiah(a.realisasi_anggaran)} "
                f"dari {fmt.rupiah(a.pagu)}); selisih {fmt.angka(ef.selisih)} poin, sehingga penggunaan sumber daya "
                f"dinilai {word}."
            )
        )
    # 7. programs and kegiatan
    programs = [p for p in a.program if p.kegiatan or p.anggaran]
    if programs:
        n_keg = sum(len(p.kegiatan) for p in programs)
        out.append(
            Paragraph(
                f"Program dan kegiatan yang mendukung sasaran {a.nomor}: {fmt.jumlah(len(programs))} program dan "
                f"{fmt.jumlah(n_keg)} kegiatan."
            )
        )
        for p in programs:
            out.append(Paragraph(Run(f"Program: {p.program.nama}", bold=True)))
            for kp in p.kegiatan:
                out.append(_tabel_kegiatan(kp, title))
                if kp.keterangan:
                    out += _teks(kp.keterangan, "Keterangan pelaksanaan kegiatan")
    return out


def _kalimat_tren(p) -> Paragraph:
    values = [(y, v) for y, v in zip(p.tahun, p.realisasi_tahun, strict=True) if v is not None]
    name = p.baris.indikator.nama
    if len(values) < 2:
        return Paragraph(f"Realisasi {name} tahun-tahun sebelumnya belum tersedia untuk dibandingkan.")
    (y0, v0), (y1, v1) = values[-2], values[-1]
    arah = "naik" if v1 > v0 else "turun" if v1 < v0 else "tetap"
    better = (v1 > v0) == (p.baris.indikator.rumus == "positif")
    nilai = "membaik" if better and arah != "tetap" else "memburuk" if arah != "tetap" else "tidak berubah"
    return Paragraph(
        f"Realisasi {name} {arah} dari {fmt.ringkas(v0)} ({y0}) menjadi {fmt.ringkas(v1)} ({y1}); "
        f"kinerja indikator ini {nilai}."
    )


def _tabel_kegiatan(kp, title) -> Table:
    rows = []
    for b in kp.indikator:
        label = {"input": "Masukan", "output": "Keluaran", "outcome": "Hasil", "impact": "Dampak"}.get(
            b.indikator.kategori, ""
        )
        rows.append(
            [
                Cell(f"{label}: {b.indikator.nama}"),
                Cell(nilai_target(b.target, b.indikator), align="center"),
                Cell(nilai_target(b.realisasi, b.indikator), align="center"),
            ]
        )
        for c in b.komponen:
            rows.append(
                [
                    Cell(f"    – {c.indikator.nama}"),
                    Cell(nilai_target(c.target, c.indikator), align="center"),
                    Cell(nilai_target(c.realisasi, c.indikator), align="center"),
                ]
            )
    if kp.anggaran:
        rows.append(
            [
                Cell(f"Anggaran: {fmt.rupiah(kp.anggaran.pagu)}"),
                Cell("100 %", align="center"),
                Cell(
                    fmt.persen(
                        Hasil(kp.anggaran.realisasi * 100 / kp.anggaran.pagu)
                        if kp.anggaran.realisasi is not None and kp.anggaran.pagu
                        else None
                    ),
                    align="center",
                ),
            ]
        )
    return Table(
        [7, 2.5, 2.5],
        head("Uraian", "Target", "Realisasi"),
        rows,
        title=title(f"Kegiatan {kp.kegiatan.nama}"),
        font="small",
    )


def skm_section(a: AnalisisSasaran, title) -> list:
    """The survey behind the SKM indicator: answers, NRR and score per unsur with their mutu,
    the chart against the average, the index with its grade, priorities and comparisons."""
    s, h = a.skm, a.skm.hasil
    out = [Paragraph(Run(f"Hasil {s.survei.judul}", bold=True))]
    header = [head("No", "Unsur", "Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik")[0]]
    rows = [
        [Cell(str(u.nomor), align="center"), Cell(u.nama)]
        + (
            [Cell(fmt.persen(p, 0), align="center") for p in u.sebaran.persen]
            if u.sebaran
            else [Cell("-", align="center")] * 4
        )
        for u in h.unsur
    ]
    out.append(
        Table(
            [0.8, 6, 1.5, 1.5, 1.5, 1.5],
            header,
            rows,
            title=title("Distribusi Jawaban Responden per Unsur"),
            font="small",
        )
    )
    rows = [
        [
            Cell(str(u.nomor), align="center"),
            Cell(u.nama),
            Cell(fmt.angka(u.nrr), align="center"),
            Cell(fmt.angka(u.nik), align="center"),
            Cell("di bawah rata-rata" if u.di_bawah_rerata else "-", align="center"),
            Cell(u.mutu.huruf if u.mutu else "-", align="center"),
        ]
        for u in h.unsur
    ]
    rows.append(
        [
            Cell("Rata-rata", colspan=3, bold=True, align="center"),
            Cell(fmt.angka(h.rerata), bold=True, align="center"),
            Cell(""),
            Cell(h.mutu.huruf if h.mutu else "-", bold=True, align="center"),
        ]
    )
    out.append(
        Table(
            [0.8, 5.4, 1.5, 1.6, 2.2, 1.1],
            head("No", "Unsur", "Nilai (1–4)", "Skor (25–100)", "Keterangan", "Mutu"),
            rows,
            title=title("Nilai per Unsur Pelayanan"),
            font="small",
        )
    )
    if h.nik.dapat_dihitung:
        out.append(
            Figure(
                workers.submit(charts.skm_chart, h.skor_unsur, h.rerata.dibulatkan),
                "Skor per unsur dan rata-ratanya",
                width_cm=14,
            )
        )
    out += [Paragraph(t) for t in kalimat_skm(h, s.realisasi)]
    return out


# ---------------------------------------------------------------- BAB III C: keuangan
def akuntabilitas_keuangan(k: Konteks) -> list:
    a, tahun = k.anggaran, k.tahun
    out = [Heading("C. Akuntabilitas Keuangan", 2)]
    if not a.baris and not a.belanja:
        return [*out, placeholder(f"Data anggaran tahun {tahun} belum diisi")]
    out.append(Heading("1. Alokasi Anggaran", 3))
    if a.belanja:
        rows = [
            [
                Cell(("    " * b.tingkat) + b.nama, bold=b.tingkat == 0),
                Cell(fmt.rupiah(b.pagu), align="right"),
                Cell(fmt.rupiah(b.realisasi), align="right"),
                Cell(fmt.persen(b.serapan) if b.serapan.dapat_dihitung else "-", align="center"),
                Cell(fmt.persen(b.proporsi), align="center"),
            ]
            for b in a.belanja
        ]
        rows.append(
            [
                Cell("Jumlah", bold=True),
                Cell(fmt.rupiah(a.total_belanja_pagu), align="right", bold=True),
                Cell(fmt.rupiah(a.total_belanja_realisasi), align="right", bold=True),
                Cell(fmt.persen(a.total_belanja_serapan), align="center", bold=True),
                Cell("100,00 %", align="center"),
            ]
        )
        out.append(
            Table(
                [4.5, 3, 3, 1.6, 1.6],
                head("Jenis Belanja", "Anggaran", "Realisasi", "%", "Proporsi"),
                rows,
                title=f"Anggaran dan Realisasi per Jenis Belanja Tahun {tahun}",
                font="small",
            )
        )
        top = [b for b in a.belanja if b.tingkat == 0]
        out.append(
            Paragraph(
                f"Keseluruhan anggaran {k.instansi.nama} tahun {tahun} sebesar {fmt.rupiah(a.total_belanja_pagu)}, dengan "
                "proporsi " + ", ".join(f"{b.nama} {fmt.persen(b.proporsi)}" for b in top) + "."
            )
        )
    out.append(Heading("2. Anggaran dan Realisasi per Program dan Kegiatan", 3))
    if a.baris:
        rows, p_no, k_no = [], 0, 0
        for r in a.baris:
            if r.tingkat == "program":
                p_no, k_no = p_no + 1, 0
                label, bold = ROMAWI[p_no - 1] if p_no <= len(ROMAWI) else str(p_no), True
            else:
                k_no += 1
                label, bold = str(k_no), False
            rows.append(
                [
                    Cell(label, align="center", bold=bold),
                    Cell(r.nama, bold=bold),
                    Cell(fmt.angka(r.pagu), align="right", bold=bold),
                    Cell(fmt.angka(r.realisasi), align="right", bold=bold),
                    Cell(fmt.angka(r.serapan.dibulatkan), align="center", bold=bold),
                ]
            )
        rows.append(
            [
                Cell("JUMLAH", colspan=2, bold=True, align="center"),
                Cell(fmt.angka(a.total_pagu), align="right", bold=True),
                Cell(fmt.angka(a.total_realisasi), align="right", bold=True),
                Cell(fmt.angka(a.total_serapan.dibulatkan), align="center", bold=True),
            ]
        )
        out.append(
            Table(
                [0.8, 6.4, 2.6, 2.6, 1.4],
                head("No", "Program/Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Capaian (%)"),
                rows,
                title=f"Anggaran dan Realisasi Program/Kegiatan Tahun {tahun}",
                font="small",
            )
        )
        for note in a.catatan:
            out.append(Paragraph(Run(f"Catatan: {note}", italic=True), style="note"))
        programs = [(r.nama, r.pagu, r.realisasi) for r in a.baris if r.tingkat == "program"]
        out.append(
            Figure(workers.submit(charts.serapan_chart, programs), f"Serapan Anggaran per Program Tahun {tahun}")
        )
    out.append(Heading("3. Alokasi Anggaran per Sasaran", 3))
    total = a.total_pagu
    rows = []
    for s in k.sasaran:
        names = [p.program.nama for p in s.program if p.anggaran]
        rows.append(
            [
                Cell(f"Sasaran {s.nomor}: {s.sasaran.uraian}"),
                Cell("; ".join(names) or "-"),
                Cell(fmt.rupiah(s.pagu), align="right"),
                Cell(fmt.persen(proporsi(s.pagu, total)) if total else "-", align="center"),
            ]
        )
    unassigned = total - sum((s.pagu for s in k.sasaran), Decimal(0))
    if unassigned:
        rows.append(
            [
                Cell("Program penunjang (tidak terkait langsung dengan sasaran)"),
                Cell("-"),
                Cell(fmt.rupiah(unassigned), align="right"),
                Cell(fmt.persen(proporsi(unassigned, total)), align="center"),
            ]
        )
    out.append(
        Table(
            [4.6, 4.6, 3.4, 1.6],  # room for "Rp 302.940.000,00" on one line
            head("Sasaran", "Program Pendukung", "Anggaran", "Proporsi"),
            rows,
            title=f"Alokasi Anggaran per Sasaran Tahun {tahun}",
            font="small",
        )
    )
    return out


# ---------------------------------------------------------------- BAB IV
def bab_4(k: Konteks) -> list:
    tahun = k.tahun
    out = [Heading("BAB IV PENUTUP")]
    out += _teks(k.narasi.get("penutup", ""), "Penutup")
    if k.pengukuran.baris:
        out.append(
            Paragraph(
                f"Dari hasil pengukuran, {fmt.jumlah(len(k.pengukuran.baris))} indikator kinerja tahun {tahun} "
                f"menunjukkan {_predikat_count(k.pengukuran.baris)}."
            )
        )
    a = k.anggaran
    if a.total_belanja_pagu is not None:
        out.append(
            Paragraph(
                f"Realisasi anggaran tahun {tahun} sebesar {fmt.rupiah(a.total_belanja_realisasi)} "
                f"({fmt.persen(a.total_belanja_serapan)}) dari pagu {fmt.rupiah(a.total_belanja_pagu)}."
            )
        )
    out.append(Paragraph("Hambatan dan permasalahan yang dihadapi:"))
    out += _teks(k.narasi.get("hambatan", ""), "Hambatan")
    out.append(Paragraph("Langkah perbaikan ke depan:"))
    out += _teks(k.narasi.get("langkah_perbaikan", ""), "Langkah perbaikan")
    out.append(_ttd_laporan(k))
    return out


# ---------------------------------------------------------------- Lampiran
def lampiran_sections(k: Konteks) -> list[Section]:
    from .dokumen_lain import iku_blocks, pk_blocks, rkt_blocks

    out = []
    if k.renstra:
        out.append(
            Section(
                [
                    Heading("LAMPIRAN I RENCANA STRATEGIS", toc=True),
                    Paragraph(
                        Run(
                            f"RENCANA STRATEGIS {k.instansi.nama.upper()} {k.renstra.tahun_awal}–{k.renstra.tahun_akhir}",
                            bold=True,
                        ),
                        align="center",
                    ),
                    tabel_renstra(k.renstra, k.tujuan),
                    _ttd_laporan(k),
                ],
                orientation="landscape",
                numbering=None,
            )
        )
    renstra_berikut = Renstra.aktif(k.instansi, k.tahun + 1)
    if k.rkt_berikut and renstra_berikut:
        out.append(
            Section(
                [
                    Heading(f"LAMPIRAN II RENCANA KINERJA TAHUNAN {k.tahun + 1}"),
                    *rkt_blocks(k.rkt_berikut, renstra_berikut),
                ],
                orientation="landscape",
                numbering=None,
            )
        )
    if k.pk:
        out.append(
            Section([Heading(f"LAMPIRAN III {k.pk.judul.upper()} TAHUN {k.tahun}"), *pk_blocks(k.pk)], numbering=None)
        )
    if k.keputusan_iku:
        out.append(
            Section(
                [Heading("LAMPIRAN IV KEPUTUSAN INDIKATOR KINERJA UTAMA"), *iku_blocks(k.keputusan_iku, k.iku)],
                numbering=None,
            )
        )
    return out
