"""Pieces several documents share: kop surat, signature blocks, and the PK, IKU, Renstra and
RKT tables (the LKIP shows them in BAB II and again as Lampiran)."""

from sakip import formatting as fmt

from .document import Cell, Letterhead, Paragraph, Signature, Table


def kop(instansi) -> Letterhead:
    pemda = instansi.pemda
    parts = [instansi.alamat]
    if instansi.telepon:
        parts.append(f"Telp. {instansi.telepon}")
    parts.append(" ".join(p for p in (instansi.kota.upper(), instansi.kode_pos) if p))
    return Letterhead(
        pemda=f"PEMERINTAH {pemda.nama.upper()}",
        instansi=instansi.nama.upper(),
        alamat=" ".join(p for p in parts if p.strip()),
        logo_png=_logo(instansi) or _logo(pemda),
    )


def _logo(obj) -> bytes | None:
    if not obj.logo:
        return None
    try:
        with obj.logo.open("rb") as f:
            return f.read()
    except OSError:
        return None


def tanda_tangan(pejabat, jabatan: str, tempat: str = "", tanggal=None, label: str = "", bulan_saja=False):
    """A signature block; a missing signatory leaves a visible gap to fill, not a crash."""
    when = fmt.bulan_tahun(tanggal) if bulan_saja else fmt.tanggal(tanggal)
    return Signature(
        jabatan=(jabatan.upper() + ",") if jabatan else "…………………………,",
        nama=pejabat.nama if pejabat else "(………………………………)",
        tempat_tanggal=", ".join(p for p in (tempat, when) if p),
        pangkat=fmt.pangkat(pejabat.golongan) if pejabat and pejabat.golongan else "",
        nip=fmt.nip(pejabat.nip) if pejabat and pejabat.nip else "",
        label=label,
    )


def head(*labels: str, widths=None) -> list[list[Cell]]:
    return [[Cell(label, align="center", bold=True) for label in labels]]


def nomor_kolom(n: int) -> list[Cell]:
    """The "(1) (2) (3) …" row under a header, as Indonesian government tables have."""
    return [Cell(f"({i})", align="center") for i in range(1, n + 1)]


def placeholder(text: str) -> Paragraph:
    return Paragraph(f"[{text}]", placeholder=True)


def nilai_target(t, indikator) -> str:
    if t is None or (t.nilai is None and not t.mutu):
        return "-"
    value = fmt.ringkas(t.nilai) if t.nilai is not None else ""
    if getattr(t, "nilai_atas", None) is not None:
        value += f"–{fmt.ringkas(t.nilai_atas)}"
    if indikator.satuan == "%" and value:
        value += " %"
    elif indikator.satuan and value and indikator.jenis_nilai != "predikat":
        value += f" {indikator.satuan}"
    if t.mutu:
        return f"{t.mutu} ({value})" if value else t.mutu
    return value


def tabel_pk(pk) -> Table:
    """Table 1 of a PK: sasaran strategis, indikator kinerja, target (sasaran cells merged)."""
    targets = list(pk.target.select_related("indikator__sasaran").order_by("urutan"))
    body, groups = [], []
    for t in targets:
        s = t.indikator.sasaran
        if groups and groups[-1][0] == s:
            groups[-1][1].append(t)
        else:
            groups.append((s, [t]))
    for no, (sasaran, rows) in enumerate(groups, 1):
        for j, t in enumerate(rows):
            row = []
            if j == 0:
                row += [
                    Cell(f"{no}.", align="center", rowspan=len(rows)),
                    Cell(sasaran.uraian if sasaran else "-", rowspan=len(rows)),
                ]
            row += [Cell(f"{j + 1}. {t.indikator.nama}"), Cell(nilai_target(t, t.indikator), align="center")]
            body.append(row)
    return Table(
        columns=[0.8, 4, 6, 1.8],
        header=[head("No", "Sasaran Strategis", "Indikator Kinerja", "Target")[0], nomor_kolom(4)],
        body=body,
    )


def tabel_pk_program(pk) -> Table:
    rows = list(pk.program.select_related("program").order_by("urutan"))
    body = [
        [
            Cell(f"{i}.", align="center"),
            Cell(p.program.nama),
            Cell(fmt.rupiah(p.anggaran), align="right"),
            Cell(p.keterangan),
        ]
        for i, p in enumerate(rows, 1)
    ]
    total = sum((p.anggaran for p in rows), 0)
    body.append(
        [
            Cell("Jumlah", colspan=2, bold=True, align="center"),
            Cell(fmt.rupiah(total), align="right", bold=True),
            Cell(""),
        ]
    )
    return Table(columns=[0.8, 6, 3.2, 2.4], header=head("No", "Program", "Anggaran", "Keterangan"), body=body)


def tabel_iku(iku: list) -> Table:
    body = []
    for i, ind in enumerate(iku, 1):
        owner = ind.sasaran or ind.tujuan
        body.append(
            [
                Cell(f"{i}.", align="center"),
                Cell(owner.uraian if owner else "-"),
                Cell(ind.nama),
                Cell(ind.formulasi or "-"),
                Cell(", ".join(u.nama for u in ind.penanggung_jawab.all()) or "-"),
                Cell(ind.sumber_data or "-"),
            ]
        )
    return Table(
        columns=[0.8, 3.2, 3.6, 4, 2.4, 2.2],
        header=head(
            "No", "Sasaran Strategis", "Indikator Kinerja Utama", "Formulasi", "Penanggung Jawab", "Sumber Data"
        ),
        body=body,
        font="small",
    )


def tabel_renstra(renstra, tujuan_list) -> Table:
    """The Renstra matrix: tujuan, indikator tujuan, sasaran, indikator sasaran, yearly targets,
    strategi, kebijakan, program (Lampiran I)."""
    from sakip.planning.models import Target

    years = list(renstra.tahun)
    targets = {
        (t.indikator_id, t.tahun): t
        for t in Target.objects.filter(indikator__renstra=renstra, rkt=None, perjanjian=None)
    }
    body = []
    for no, tujuan in enumerate(tujuan_list, 1):
        ind_tujuan = "; ".join(i.nama for i in tujuan.indikator.all()) or "-"
        sasaran = list(tujuan.sasaran.all())
        lines = [(s, i) for s in sasaran for i in (list(s.indikator.all()) or [None])] or [(None, None)]
        for j, (s, ind) in enumerate(lines):
            row = []
            if j == 0:
                span = len(lines)
                row += [
                    Cell(str(no), align="center", rowspan=span),
                    Cell(tujuan.uraian, rowspan=span),
                    Cell(ind_tujuan, rowspan=span),
                ]
            first_of_sasaran = j == 0 or lines[j - 1][0] != s
            span_s = sum(1 for x in lines if x[0] == s)
            if first_of_sasaran:
                row.append(Cell(s.uraian if s else "-", rowspan=span_s))
            row.append(Cell(ind.nama if ind else "-"))
            row += [Cell(nilai_target(targets.get((ind.id, y)), ind) if ind else "-", align="center") for y in years]
            if first_of_sasaran:
                row += [
                    Cell("; ".join(x.uraian for x in s.strategi.all()) if s else "-", rowspan=span_s),
                    Cell("; ".join(x.uraian for x in s.kebijakan.all()) if s else "-", rowspan=span_s),
                    Cell("; ".join(p.nama for p in s.program.all()) if s else "-", rowspan=span_s),
                ]
            body.append(row)
    n = len(years)
    header = [
        [
            Cell(x, align="center", bold=True, rowspan=2)
            for x in ("No", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran")
        ]
        + [Cell("Target Kinerja Sasaran pada Tahun", colspan=n, align="center", bold=True)]
        + [Cell(x, align="center", bold=True, rowspan=2) for x in ("Strategi", "Kebijakan", "Program")],
        [Cell(str(y), align="center", bold=True) for y in years],
    ]
    return Table(
        columns=[0.7, 2.6, 2.2, 2.2, 2.6] + [0.8] * n + [2.2, 2.2, 2.2], header=header, body=body, font="small"
    )


def tabel_rkt(rkt, renstra) -> Table:
    """RKT: sasaran and their indicators with targets, then the program → kegiatan rows with the
    kegiatan indicators, targets and budget of the year."""
    from sakip.measurement.models import Anggaran

    targets = {t.indikator_id: t for t in rkt.target.select_related("indikator")}
    budget = {a.kegiatan_id: a for a in Anggaran.objects.filter(tahun=rkt.tahun, kegiatan__program__renstra=renstra)}
    body = []
    for tujuan in renstra.tujuan.all():
        for s in tujuan.sasaran.all():
            inds = [i for i in s.indikator.all() if i.id in targets] or list(s.indikator.all())
            kegiatan_rows = []
            for p in s.program.all():
                for keg in p.kegiatan.all():
                    kinds = [i for i in keg.indikator.all() if i.induk_id is None and i.id in targets]
                    if kinds or keg.id in budget:
                        kegiatan_rows.append((p, keg, kinds))
            n = max(len(inds), len(kegiatan_rows), 1)
            for j in range(n):
                ind = inds[j] if j < len(inds) else None
                row = []
                if j == 0:
                    row.append(Cell(s.uraian, rowspan=n))
                row += [
                    Cell(ind.nama if ind else ""),
                    Cell(nilai_target(targets.get(ind.id), ind) if ind else "", align="center"),
                ]
                if j < len(kegiatan_rows):
                    p, keg, kinds = kegiatan_rows[j]
                    a = budget.get(keg.id)
                    row += [
                        Cell(p.nama),
                        Cell(keg.nama),
                        Cell("; ".join(i.nama for i in kinds) or "-"),
                        Cell("; ".join(nilai_target(targets[i.id], i) for i in kinds) or "-", align="center"),
                        Cell(fmt.angka(a.pagu) if a else "-", align="right"),
                    ]
                else:
                    row += [Cell("") for _ in range(5)]
                body.append(row)
    header = [
        [
            Cell("Sasaran", colspan=3, align="center", bold=True),
            Cell("Program", rowspan=2, align="center", bold=True),
            Cell("Kegiatan", colspan=3, align="center", bold=True),
            Cell("Anggaran (Rp)", rowspan=2, align="center", bold=True),
        ],
        [
            Cell(x, align="center", bold=True)
            for x in ("Uraian", "Indikator Kinerja", "Target", "Uraian", "Indikator Kinerja", "Target")
        ],
    ]
    # header row 2 must leave the rowspanned columns out: Uraian, Indikator, Target | Uraian, Indikator, Target
    return Table(columns=[2.6, 3, 1.3, 2.6, 2.6, 3, 1.3, 2], header=header, body=body, font="small")
