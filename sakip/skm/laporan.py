"""The standalone SKM report of one survey, in the usual structure: pendahuluan, metode, hasil
per unsur, profil responden, analisis, rencana tindak lanjut. Built as the block tree of
`sakip.reporting.document`, so the DOCX and PDF renderers of the documents apply as they are."""

from decimal import Decimal

from sakip import formatting as fmt
from sakip.reporting import charts
from sakip.reporting.bagian import head, kop, tanda_tangan
from sakip.reporting.document import (
    Cell,
    Dokumen,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Run,
    Section,
    Signatures,
    Table,
)
from sakip.reporting.lkip import _teks, nomori

from .hasil import profil_responden
from .kalimat import kalimat_skm
from .models import SurveiSKM


def _periode(survei: SurveiSKM) -> str:
    if survei.mulai and survei.selesai:
        return f"{fmt.tanggal(survei.mulai)} sampai dengan {fmt.tanggal(survei.selesai)}"
    return f"tahun {survei.tahun}"


def build_laporan_skm(survei: SurveiSKM) -> Dokumen:
    ins = survei.instansi
    h = survei.hasil()
    unit = survei.unit.nama if survei.unit else ins.nama
    missing = []
    for teks, judul in ((survei.analisis, "analisis hasil survei"), (survei.tindak_lanjut, "rencana tindak lanjut")):
        if not teks.strip():
            missing.append(f"{judul} (survei {survei.kode})")
    blocks = [
        kop(ins),
        Paragraph(Run("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", bold=True), align="center", style="title"),
        Paragraph(Run(unit.upper(), bold=True), align="center", style="subtitle"),
        Paragraph(Run(f"TAHUN {survei.tahun}", bold=True), align="center", style="subtitle"),
        *_pendahuluan(survei, unit),
        *_metode(survei, h),
        *_hasil(survei, h),
        *_analisis(survei, h),
        Heading("BAB V RENCANA TINDAK LANJUT"),
        *_teks(survei.tindak_lanjut, "Rencana tindak lanjut"),
        Heading("BAB VI PENUTUP"),
        Paragraph(
            f"Demikian laporan hasil Survei Kepuasan Masyarakat pada {unit} periode {_periode(survei)}. Hasil ini "
            "menjadi dasar perbaikan pelayanan dan dilaporkan dalam Laporan Kinerja Instansi Pemerintah."
        ),
        Signatures(None, tanda_tangan(ins.kepala, ins.jabatan_kepala, ins.kota, survei.selesai)),
    ]
    return nomori(
        Dokumen(
            title=f"Laporan Survei Kepuasan Masyarakat {unit} Tahun {survei.tahun}",
            sections=[Section(blocks)],
            missing=missing,
        )
    )


def _pendahuluan(survei: SurveiSKM, unit: str) -> list:
    aturan = survei.metode.aturan
    dasar = survei.metode.dasar_hukum or aturan.dasar_hukum
    return [
        Heading("BAB I PENDAHULUAN"),
        Heading("A. Latar Belakang", 2),
        Paragraph(
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik mewajibkan penyelenggara pelayanan publik "
            "mengikutsertakan masyarakat dalam menilai pelayanan. Setiap unit penyelenggara pelayanan publik melakukan "
            f"Survei Kepuasan Masyarakat secara berkala, paling sedikit satu kali setahun. {unit} melaksanakan survei "
            f"ini pada periode {_periode(survei)} dengan {len(survei.metode.unsur.all())} unsur pelayanan."
        ),
        Heading("B. Maksud dan Tujuan", 2),
        ListBlock(
            [
                "mengetahui tingkat kepuasan masyarakat terhadap pelayanan yang diterimanya;",
                "mengetahui unsur pelayanan yang masih perlu diperbaiki;",
                "menjadi bahan penetapan kebijakan perbaikan pelayanan dan realisasi indikator kinerja.",
            ]
        ),
        Heading("C. Dasar Hukum", 2),
        ListBlock(
            [
                "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
                "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009;",
                f"{dasar}.",
            ]
        ),
    ]


def _metode(survei: SurveiSKM, h) -> list:
    unsur = list(survei.metode.unsur.select_related("metode").order_by("nomor"))
    aturan = h.acuan
    rows = [[Cell(str(u.nomor), align="center"), Cell(u.nama), Cell(u.teks_pertanyaan())] for u in unsur]
    out = [
        Heading("BAB II METODE SURVEI"),
        Heading("A. Unsur Pelayanan", 2),
        Table(
            [0.8, 4, 9], head("No", "Unsur", "Pertanyaan"), rows, title="Unsur Pelayanan dan Pertanyaan", font="small"
        ),
        Heading("B. Populasi dan Sampel", 2),
    ]
    responden = (
        f"{fmt.jumlah(h.jumlah_responden)} responden" if h.jumlah_responden else "jumlah responden tidak diketahui"
    )
    if h.sampel:
        cukup = "sudah" if h.sampel.cukup else "belum" if h.sampel.cukup is False else "belum dapat dinilai apakah"
        out.append(
            Paragraph(
                f"Populasi penerima layanan {fmt.jumlah(h.sampel.populasi)} orang. Ukuran sampel minimal dihitung dengan "
                "rumus Krejcie dan Morgan, s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)), dengan X² = 3,841, P = 0,5 dan "
                f"d = 0,05, yaitu {fmt.jumlah(h.sampel.minimal)} responden. Survei memperoleh {responden}, sehingga "
                f"{cukup} memenuhi ukuran sampel minimal."
            )
        )
    else:
        out.append(Paragraph(f"Populasi penerima layanan tidak dicatat; survei memperoleh {responden}."))
    bobot = fmt.ringkas(h.bobot) if h.bobot_dibulatkan else f"1/{h.k}"
    out += [
        Heading("C. Pengolahan Data", 2),
        Paragraph(
            "Jawaban a, b, c dan d diberi nilai 1, 2, 3 dan 4. Nilai rata-rata (NRR) tiap unsur adalah jumlah nilai "
            f"jawaban dibagi jumlah jawaban unsur itu. Setiap unsur berbobot sama, {bobot}"
            + (" sebagaimana dicetak dalam peraturan" if h.bobot_dibulatkan else " (tanpa pembulatan)")
            + ". Indeks Kepuasan Masyarakat (IKM) adalah jumlah NRR tertimbang (NRR × bobot), dan nilai IKM unit "
            f"pelayanan adalah IKM × 25. Mutu dan kinerja unit pelayanan ditentukan dengan interval {aturan.nama}:"
        ),
        Table(
            [3, 3, 1.5, 3],
            head("Nilai Interval (NI)", "Nilai Interval Konversi (NIK)", "Mutu", "Kinerja Unit Pelayanan"),
            [
                [
                    Cell(m.ni, align="center"),
                    Cell(m.nik, align="center"),
                    Cell(m.huruf, align="center"),
                    Cell(m.kinerja),
                ]
                for m in aturan.mutu[::-1]
            ],
            title=f"Interval Mutu Pelayanan menurut {aturan.nama}",
            font="small",
        ),
    ]
    return out


def _hasil(survei: SurveiSKM, h) -> list:
    counts = any(u.sebaran and u.sebaran.jumlah_responden is not None for u in h.unsur)

    def sel(u, i):
        if u.sebaran is None:
            return "-"
        persen = fmt.persen(u.sebaran.persen[i])
        return f"{int(u.sebaran.frekuensi[i])} ({persen})" if counts else persen

    distribusi = [
        [Cell(str(u.nomor), align="center"), Cell(u.nama)] + [Cell(sel(u, i), align="center") for i in range(4)]
        for u in h.unsur
    ]
    nilai = [
        [
            Cell(str(u.nomor), align="center"),
            Cell(u.nama),
            Cell(fmt.angka(u.nrr), align="center"),
            Cell(fmt.angka(u.nrr_tertimbang.nilai, 3), align="center"),
            Cell(fmt.angka(u.nik), align="center"),
            Cell(f"{u.mutu.huruf} ({u.mutu.kinerja})" if u.mutu else "-", align="center"),
        ]
        for u in h.unsur
    ]
    nilai.append(
        [
            Cell("Indeks Kepuasan Masyarakat", colspan=3, bold=True),
            Cell(fmt.angka(h.ikm.nilai, 3), bold=True, align="center"),
            Cell(fmt.angka(h.nik), bold=True, align="center"),
            Cell(f"{h.mutu.huruf} ({h.mutu.kinerja})" if h.mutu else "-", bold=True, align="center"),
        ]
    )
    out = [
        Heading("BAB III HASIL SURVEI"),
        Heading("A. Hasil per Unsur", 2),
        Table(
            [0.8, 5, 2, 2, 2, 2],
            head("No", "Unsur", "a (1)", "b (2)", "c (3)", "d (4)"),
            distribusi,
            title="Distribusi Jawaban Responden per Unsur" + (" (jumlah dan persen)" if counts else " (persen)"),
            font="small",
        ),
        Table(
            [0.8, 5, 1.6, 1.8, 1.8, 2.6],
            head("No", "Unsur", "NRR", "NRR Tertimbang", "Nilai (25–100)", "Mutu"),
            nilai,
            title="Nilai per Unsur dan Indeks Kepuasan Masyarakat",
            font="small",
        ),
    ]
    if h.nik.dapat_dihitung:
        out.append(
            Figure(charts.skm_chart(h.skor_unsur, h.rerata.dibulatkan), "Nilai per unsur dan rata-ratanya", width_cm=14)
        )
    out.append(Heading("B. Profil Responden", 2))
    if not survei.responden.exists():
        out.append(Paragraph("Profil responden tidak tersedia: hasil survei ini diimpor sebagai distribusi jawaban."))
        return out
    for t in profil_responden(survei):
        rows = [
            [
                Cell(b.label),
                Cell(fmt.ringkas(b.jumlah), align="center"),
                Cell(fmt.persen(Decimal(b.jumlah * 100) / t.total), align="center"),
            ]
            for b in t.baris
        ]
        rows.append(
            [
                Cell("Jumlah", bold=True),
                Cell(fmt.ringkas(t.total), bold=True, align="center"),
                Cell("100,00 %", bold=True, align="center"),
            ]
        )
        out.append(
            Table(
                [6, 2, 2],
                head(t.judul, "Jumlah", "Persen"),
                rows,
                title=f"Responden menurut {t.judul.lower()}",
                font="small",
            )
        )
    return out


def _analisis(survei: SurveiSKM, h) -> list:
    out = [Heading("BAB IV ANALISIS"), *[Paragraph(t) for t in kalimat_skm(h, None)]]
    if h.prioritas:
        out.append(
            Table(
                [0.8, 7, 2, 2.4],
                head("No", "Unsur prioritas perbaikan", "Nilai", "Selisih dari rata-rata"),
                [
                    [
                        Cell(str(u.nomor), align="center"),
                        Cell(u.nama),
                        Cell(fmt.angka(u.nik), align="center"),
                        Cell(fmt.angka(u.nik.dibulatkan - h.rerata.dibulatkan), align="center"),
                    ]
                    for u in h.prioritas
                ],
                title="Unsur di Bawah Rata-rata",
                font="small",
            )
        )
    p = h.perbandingan
    if p:
        rows = [
            [
                Cell(str(u.nomor), align="center"),
                Cell(u.nama),
                Cell(fmt.angka(u.nik), align="center"),
                Cell(fmt.angka(u.selisih) if u.selisih else "-", align="center"),
            ]
            for u in h.unsur
        ]
        rows.append(
            [
                Cell(f"Nilai IKM (periode {p.periode}: {fmt.angka(p.nik_lalu)})", colspan=2, bold=True),
                Cell(fmt.angka(h.nik), bold=True, align="center"),
                Cell(fmt.angka(p.selisih), bold=True, align="center"),
            ]
        )
        out.append(
            Table(
                [0.8, 7, 2, 2.4],
                head("No", "Unsur", f"Nilai {survei.tahun}", f"Selisih dari {p.periode}"),
                rows,
                title="Perbandingan dengan Periode Sebelumnya",
                font="small",
            )
        )
    out.append(Paragraph(Run("Analisis penyebab:", bold=True)))
    out += _teks(survei.analisis, "Analisis hasil survei")
    return out
