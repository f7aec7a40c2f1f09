"""The other SAKIP documents: Perjanjian Kinerja (each version), the IKU decree, the Renstra
matrix and the RKT. The LKIP reuses their blocks as its Lampiran."""

from sakip import formatting as fmt
from sakip.planning.models import KeputusanIKU, PerjanjianKinerja, Renstra

from .bagian import kop, placeholder, tabel_iku, tabel_pk, tabel_pk_program, tabel_renstra, tabel_rkt, tanda_tangan
from .document import Cell, Dokumen, Heading, ListBlock, PageBreak, Paragraph, Run, Section, Signatures, Table


def _pihak(pk: PerjanjianKinerja) -> Signatures:
    left = tanda_tangan(pk.pihak_kedua, pk.jabatan_pihak_kedua, label="Pihak Kedua")
    right = tanda_tangan(pk.pihak_pertama, pk.jabatan_pihak_pertama, pk.tempat, pk.tanggal, label="Pihak Pertama")
    return Signatures(left, right)


def pk_blocks(pk: PerjanjianKinerja) -> list:
    """The agreement letter and its table, as PermenPANRB 53/2014 lays them out."""
    title = f"{pk.judul.upper()} TAHUN {pk.tahun}"

    def pihak(pejabat, jabatan, role):
        rows = [[Cell("Nama"), Cell(":"), Cell(pejabat.nama)], [Cell("Jabatan"), Cell(":"), Cell(jabatan)]]
        return [Table([2, 0.4, 10], [], rows, borders=False), Paragraph(role)]

    out = [
        kop(pk.instansi),
        Paragraph(Run(title, bold=True), align="center", style="subtitle"),
        Paragraph(
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta "
            "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
        ),
        *pihak(pk.pihak_pertama, pk.jabatan_pihak_pertama, "selanjutnya disebut pihak pertama."),
        *pihak(pk.pihak_kedua, pk.jabatan_pihak_kedua, "selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
        Paragraph(
            "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
            "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam "
            "dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi "
            "tanggung jawab kami."
        ),
        Paragraph(
            "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
            "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian "
            "penghargaan dan sanksi."
        ),
        _pihak(pk),
        PageBreak(),
        Paragraph(
            Run(f"{title}\n{pk.instansi.nama.upper()} {pk.instansi.pemda.nama.upper()}", bold=True),
            align="center",
            style="subtitle",
        ),
        tabel_pk(pk),
    ]
    if pk.program.exists():
        out.append(tabel_pk_program(pk))
    if pk.keterangan:
        out.append(Paragraph(Run(pk.keterangan, italic=True), style="note"))
    out.append(_pihak(pk))
    return out


def iku_blocks(decree: KeputusanIKU, iku: list) -> list:
    ins = decree.instansi
    jabatan = (decree.jabatan_penandatangan or ins.jabatan_kepala or "Kepala").upper()
    indikator = list(decree.indikator.select_related("sasaran", "tujuan").prefetch_related("penanggung_jawab")) or iku
    out = [
        kop(ins),
        Paragraph(Run(f"KEPUTUSAN {jabatan}", bold=True), align="center"),
        Paragraph(Run(f"NOMOR: {decree.nomor}", bold=True), align="center"),
        Paragraph(Run("TENTANG", bold=True), align="center"),
        Paragraph(Run((decree.tentang or f"Indikator Kinerja Utama {ins.nama}").upper(), bold=True), align="center"),
        Table(
            [2.4, 0.4, 11],
            [],
            [
                [
                    Cell("Menimbang"),
                    Cell(":"),
                    Cell(
                        "bahwa untuk melaksanakan ketentuan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
                        f"Akuntabilitas Kinerja Instansi Pemerintah, perlu menetapkan Indikator Kinerja Utama {ins.nama} "
                        "dengan Keputusan."
                    ),
                ],
                [
                    Cell("Mengingat"),
                    Cell(":"),
                    Cell(
                        "1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; 2. Peraturan Presiden Nomor 29 "
                        "Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah; 3. Peraturan Menteri Negara "
                        "Pendayagunaan Aparatur Negara Nomor PER/9/M.PAN/5/2007 tentang Pedoman Umum Penetapan Indikator "
                        "Kinerja Utama di Lingkungan Instansi Pemerintah; 4. Peraturan Menteri Pendayagunaan Aparatur Negara "
                        "dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan "
                        "Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah."
                    ),
                ],
            ],
            borders=False,
        ),
        Paragraph(Run("MEMUTUSKAN:", bold=True), align="center"),
        Table(
            [2.4, 0.4, 11],
            [],
            [
                [
                    Cell("Menetapkan"),
                    Cell(":"),
                    Cell(f"KEPUTUSAN {jabatan} TENTANG INDIKATOR KINERJA UTAMA {ins.nama.upper()}."),
                ],
                [
                    Cell("KESATU"),
                    Cell(":"),
                    Cell(f"Indikator Kinerja Utama {ins.nama} sebagaimana tercantum dalam Lampiran Keputusan ini."),
                ],
                [
                    Cell("KEDUA"),
                    Cell(":"),
                    Cell(
                        "Indikator Kinerja Utama sebagaimana dimaksud Diktum KESATU digunakan untuk perencanaan strategis "
                        "dan tahunan, penyusunan Perjanjian Kinerja, pelaporan kinerja, serta evaluasi kinerja."
                    ),
                ],
                [Cell("KETIGA"), Cell(":"), Cell("Keputusan ini mulai berlaku pada tanggal ditetapkan.")],
            ],
            borders=False,
        ),
        Table(
            [4, 0.4, 6],
            [],
            [
                [Cell("Ditetapkan di"), Cell(":"), Cell(decree.tempat or "")],
                [Cell("pada tanggal"), Cell(":"), Cell(fmt.tanggal(decree.tanggal))],
            ],
            borders=False,
        ),
        Signatures(
            None, tanda_tangan(decree.penandatangan or ins.kepala, decree.jabatan_penandatangan or ins.jabatan_kepala)
        ),
        PageBreak(),
        Paragraph(Run(f"LAMPIRAN KEPUTUSAN {jabatan} NOMOR {decree.nomor}", bold=True), style="small"),
        Paragraph(Run(f"INDIKATOR KINERJA UTAMA {ins.nama.upper()}", bold=True), align="center"),
        tabel_iku(indikator) if indikator else placeholder("Keputusan ini belum memuat indikator"),
    ]
    return out


def rkt_blocks(rkt, renstra) -> list:
    return [
        kop(rkt.instansi),
        Paragraph(
            Run(f"RENCANA KINERJA TAHUNAN {rkt.instansi.nama.upper()} TAHUN {rkt.tahun}", bold=True), align="center"
        ),
        tabel_rkt(rkt, renstra),
        Signatures(
            None,
            tanda_tangan(
                rkt.penandatangan or rkt.instansi.kepala,
                rkt.jabatan_penandatangan or rkt.instansi.jabatan_kepala,
                rkt.tempat,
                rkt.tanggal,
            ),
        ),
    ]


# ---------------------------------------------------------------- whole documents
def build_pk(instansi, tahun: int, versi: int | None = None) -> Dokumen:
    qs = PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).select_related(
        "pihak_pertama", "pihak_kedua", "instansi__pemda"
    )
    pk = qs.filter(versi=versi).first() if versi is not None else qs.order_by("-versi").first()
    if pk is None:
        return belum_ada(f"Perjanjian Kinerja {instansi.nama} Tahun {tahun}", f"Perjanjian Kinerja tahun {tahun}")
    return Dokumen(f"{pk.judul} {instansi.nama} Tahun {tahun}", [Section(pk_blocks(pk))])


def build_iku(instansi, tahun: int) -> Dokumen:
    decree = KeputusanIKU.berlaku(instansi, tahun)
    if decree is None:
        return belum_ada(f"Keputusan IKU {instansi.nama}", f"Keputusan IKU yang berlaku tahun {tahun}")
    renstra = Renstra.aktif(instansi, tahun)
    iku = list(renstra.indikator.filter(iku=True)) if renstra else []
    return Dokumen(f"Keputusan IKU {instansi.nama} Nomor {decree.nomor}", [Section(iku_blocks(decree, iku))])


def build_renstra(instansi, tahun: int) -> Dokumen:
    renstra = Renstra.aktif(instansi, tahun)
    if renstra is None:
        return belum_ada(f"Renstra {instansi.nama}", f"Renstra yang berlaku untuk tahun {tahun}")
    tujuan = list(
        renstra.tujuan.prefetch_related(
            "indikator", "sasaran__indikator", "sasaran__strategi", "sasaran__kebijakan", "sasaran__program"
        )
    )
    versi = "PERUBAHAN " if renstra.versi else ""
    blocks = [
        kop(instansi),
        Paragraph(
            Run(
                f"{versi}RENCANA STRATEGIS {instansi.nama.upper()} TAHUN {renstra.tahun_awal}–{renstra.tahun_akhir}",
                bold=True,
            ),
            align="center",
        ),
        tabel_renstra(renstra, tujuan),
        Signatures(None, tanda_tangan(instansi.kepala, instansi.jabatan_kepala, instansi.kota, renstra.tanggal)),
    ]
    return Dokumen(
        f"Renstra {instansi.nama} {renstra.tahun_awal}–{renstra.tahun_akhir}",
        [Section(blocks, orientation="landscape")],
    )


def build_rkt(instansi, tahun: int) -> Dokumen:
    rkt = instansi.rkt.filter(tahun=tahun).select_related("penandatangan").first()
    renstra = Renstra.aktif(instansi, tahun)
    if rkt is None or renstra is None:
        return belum_ada(f"RKT {instansi.nama} Tahun {tahun}", f"RKT tahun {tahun}")
    return Dokumen(f"RKT {instansi.nama} Tahun {tahun}", [Section(rkt_blocks(rkt, renstra), orientation="landscape")])


def belum_ada(title: str, what: str) -> Dokumen:
    """A document whose data is not there yet: produced anyway, saying what to fill in."""
    return Dokumen(
        title,
        [
            Section(
                [
                    Heading(title.upper(), toc=False),
                    placeholder(f"{what} belum diisi"),
                    ListBlock([f"Isi {what} lalu buat ulang dokumen ini."], style="-"),
                ]
            )
        ],
        missing=[what],
    )
