"""SKM (Survei Kepuasan Masyarakat): from answers to the NRR of every unsur, the weighted IKM,
its 25–100 conversion, mutu and kinerja, the priorities, sample adequacy and the comparison
with the previous period.

Answers a–d score 1–4. PermenPANRB 14/2017 and KepmenPAN 25/2004 compute alike — NRR per
unsur = Σ scores / number of answers, IKM = Σ NRR × bobot with bobot = 1/(number of unsur),
NIK = IKM × 25 — and differ in their unsur, questionnaire and intervals. Arithmetic is exact;
the mutu is looked up on the NIK as printed (2 decimals, half up), so a printed 76,60 is
always C and 76,61 always B. The regulations print the weight rounded (0,11 and 0,071); the
exact 1/n is the default and the printed weight an option, because published results differ."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from .hasil import Hasil, bulatkan, ke_desimal, konteks, tidak_dapat
from .predikat import Rentang, Skala

SKOR = (1, 2, 3, 4)
JAWABAN_UMUM = ("Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik")
"""Answer wording for unsur without the regulation's own (the reference report's headings)."""


# ------------------------------------------------------------------------------ methods
@dataclass(frozen=True)
class Mutu:
    """One interval of a regulation: the grade, its meaning and its bounds as printed."""

    huruf: str
    kinerja: str
    nik_bawah: Decimal | None  # lowest NIK of the band (inclusive, 2 decimals); None = no lower bound
    ni: str  # interval of the 1–4 value as the regulation prints it
    nik: str  # interval of the 25–100 value as the regulation prints it


@dataclass(frozen=True)
class UnsurBaku:
    """An unsur of a regulation with the question and answers a–d of its questionnaire."""

    nama: str
    pertanyaan: str
    jawaban: tuple[str, str, str, str]


@dataclass(frozen=True)
class Acuan:
    """The regulation a method follows: its unsur, its intervals and how it prints the weight."""

    kode: str
    nama: str
    dasar_hukum: str
    unsur: tuple[UnsurBaku, ...]
    mutu: tuple[Mutu, ...]  # highest first
    desimal_bobot: int  # decimals of the weight as the regulation prints it (1/9 = 0,11)

    @cached_property
    def skala(self) -> Skala:
        """The intervals as a half-open predicate scale on the 25–100 value."""
        naik = sorted(self.mutu, key=lambda m: m.nik_bawah if m.nik_bawah is not None else Decimal("-Infinity"))
        bands = []
        for i, m in enumerate(naik):
            atas = naik[i + 1].nik_bawah if i + 1 < len(naik) else None
            bands.append(Rentang(m.huruf, m.nik_bawah, m.nik_bawah is not None, atas, False))
        return Skala(self.nama, tuple(bands))

    def mutu_dari(self, nik: Hasil | Decimal | None) -> Mutu | None:
        """The interval of a 25–100 value (as printed); None when not computable."""
        huruf = self.skala.predikat(nik)
        return next((m for m in self.mutu if m.huruf == huruf), None)

    def bobot(self, jumlah_unsur: int, dibulatkan: bool = False) -> Decimal:
        """1/n exactly, or as the regulation prints it (0,11 for 9 unsur, 0,071 for 14)."""
        if jumlah_unsur < 1:
            raise ValueError("Jumlah unsur minimal 1.")
        with konteks():
            w = Decimal(1) / jumlah_unsur
        return bulatkan(w, self.desimal_bobot) if dibulatkan else w


def _mutu(huruf, kinerja, bawah, ni, nik) -> Mutu:
    return Mutu(huruf, kinerja, None if bawah is None else Decimal(bawah), ni, nik)


PERMENPAN_14_2017 = Acuan(
    kode="permenpan-14-2017",
    nama="PermenPANRB 14/2017",
    dasar_hukum=(
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang "
        "Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik"
    ),
    unsur=(
        UnsurBaku(
            "Persyaratan",
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ),
        UnsurBaku(
            "Sistem, Mekanisme, dan Prosedur",
            "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
            ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        ),
        UnsurBaku(
            "Waktu Penyelesaian",
            "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
            ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        ),
        UnsurBaku(
            "Biaya/Tarif",
            "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
            ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
        ),
        UnsurBaku(
            "Produk Spesifikasi Jenis Pelayanan",
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
            "pelayanan dengan hasil yang diberikan?",
            ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ),
        UnsurBaku(
            "Kompetensi Pelaksana",
            "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
            ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
        ),
        UnsurBaku(
            "Perilaku Pelaksana",
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
            ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
        ),
        UnsurBaku(
            "Penanganan Pengaduan, Saran dan Masukan",
            "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
            ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
        ),
        UnsurBaku(
            "Sarana dan Prasarana",
            "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
            ("Buruk", "Cukup", "Baik", "Sangat baik"),
        ),
    ),
    mutu=(
        _mutu("A", "Sangat Baik", "88.31", "3,5324–4,00", "88,31–100,00"),
        _mutu("B", "Baik", "76.61", "3,0644–3,532", "76,61–88,30"),
        _mutu("C", "Kurang Baik", "65", "2,60–3,064", "65,00–76,60"),
        _mutu("D", "Tidak Baik", None, "1,00–2,5996", "25,00–64,99"),
    ),
    desimal_bobot=2,
)

KEPMENPAN_25_2004 = Acuan(
    kode="kepmenpan-25-2004",
    nama="KepmenPAN 25/2004",
    dasar_hukum=(
        "Keputusan Menteri Pendayagunaan Aparatur Negara Nomor KEP/25/M.PAN/2/2004 tentang Pedoman Umum "
        "Penyusunan Indeks Kepuasan Masyarakat Unit Pelayanan Instansi Pemerintah"
    ),
    unsur=(
        UnsurBaku(
            "Prosedur pelayanan",
            "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
            ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        ),
        UnsurBaku(
            "Persyaratan pelayanan",
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ),
        UnsurBaku(
            "Kejelasan petugas pelayanan",
            "Bagaimana pendapat Saudara tentang kejelasan dan kepastian petugas yang melayani?",
            ("Tidak jelas", "Kurang jelas", "Jelas", "Sangat jelas"),
        ),
        UnsurBaku(
            "Kedisiplinan petugas pelayanan",
            "Bagaimana pendapat Saudara tentang kedisiplinan petugas dalam memberikan pelayanan?",
            ("Tidak disiplin", "Kurang disiplin", "Disiplin", "Sangat disiplin"),
        ),
        UnsurBaku(
            "Tanggung jawab petugas pelayanan",
            "Bagaimana pendapat Saudara tentang tanggung jawab petugas dalam memberikan pelayanan?",
            ("Tidak bertanggung jawab", "Kurang bertanggung jawab", "Bertanggung jawab", "Sangat bertanggung jawab"),
        ),
        UnsurBaku(
            "Kemampuan petugas pelayanan",
            "Bagaimana pendapat Saudara tentang kemampuan petugas dalam memberikan pelayanan?",
            ("Tidak mampu", "Kurang mampu", "Mampu", "Sangat mampu"),
        ),
        UnsurBaku(
            "Kecepatan pelayanan",
            "Bagaimana pendapat Saudara tentang kecepatan pelayanan di unit ini?",
            ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        ),
        UnsurBaku(
            "Keadilan mendapatkan pelayanan",
            "Bagaimana pendapat Saudara tentang keadilan untuk mendapatkan pelayanan di unit ini?",
            ("Tidak adil", "Kurang adil", "Adil", "Sangat adil"),
        ),
        UnsurBaku(
            "Kesopanan dan keramahan petugas",
            "Bagaimana pendapat Saudara tentang kesopanan dan keramahan petugas dalam memberikan pelayanan?",
            ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
        ),
        UnsurBaku(
            "Kewajaran biaya pelayanan",
            "Bagaimana pendapat Saudara tentang kewajaran biaya untuk mendapatkan pelayanan?",
            ("Tidak wajar", "Kurang wajar", "Wajar", "Sangat wajar"),
        ),
        UnsurBaku(
            "Kepastian biaya pelayanan",
            "Bagaimana pendapat Saudara tentang kesesuaian antara biaya yang dibayarkan dengan biaya yang telah "
            "ditetapkan?",
            ("Selalu tidak sesuai", "Kadang-kadang sesuai", "Banyak sesuainya", "Selalu sesuai"),
        ),
        UnsurBaku(
            "Kepastian jadwal pelayanan",
            "Bagaimana pendapat Saudara tentang ketepatan pelaksanaan terhadap jadwal waktu pelayanan?",
            ("Selalu tidak tepat", "Kadang-kadang tepat", "Banyak tepatnya", "Selalu tepat"),
        ),
        UnsurBaku(
            "Kenyamanan lingkungan",
            "Bagaimana pendapat Saudara tentang kenyamanan di lingkungan unit pelayanan?",
            ("Tidak nyaman", "Kurang nyaman", "Nyaman", "Sangat nyaman"),
        ),
        UnsurBaku(
            "Keamanan pelayanan",
            "Bagaimana pendapat Saudara tentang keamanan pelayanan di unit ini?",
            ("Tidak aman", "Kurang aman", "Aman", "Sangat aman"),
        ),
    ),
    mutu=(
        _mutu("A", "Sangat Baik", "81.26", "3,26–4,00", "81,26–100,00"),
        _mutu("B", "Baik", "62.51", "2,51–3,25", "62,51–81,25"),
        _mutu("C", "Kurang Baik", "43.76", "1,76–2,50", "43,76–62,50"),
        _mutu("D", "Tidak Baik", None, "1,00–1,75", "25,00–43,75"),
    ),
    desimal_bobot=3,
)

ACUAN = {a.kode: a for a in (PERMENPAN_14_2017, KEPMENPAN_25_2004)}


# ------------------------------------------------------------------------------ answers
@dataclass(frozen=True)
class Sebaran:
    """Answers 1–4 of one unsur: counts when the respondents are known, else the percentages a
    report prints (then `jumlah_responden` is None)."""

    frekuensi: tuple[Decimal, Decimal, Decimal, Decimal]
    jumlah_responden: int | None = None

    @classmethod
    def dari_jumlah(cls, jumlah: Sequence[int]) -> "Sebaran":
        return cls(tuple(Decimal(int(j)) for j in jumlah), int(sum(jumlah)))

    @classmethod
    def dari_persen(cls, persen: Sequence) -> "Sebaran":
        return cls(tuple(ke_desimal(p, "persen") for p in persen))

    def __post_init__(self) -> None:
        if len(self.frekuensi) != 4:
            raise ValueError("Sebaran jawaban harus punya tepat 4 nilai (jawaban 1–4).")
        if any(f < 0 for f in self.frekuensi):
            raise ValueError("Sebaran jawaban tidak boleh negatif.")

    @property
    def persen(self) -> tuple[Decimal, ...]:
        total = sum(self.frekuensi, Decimal(0))
        if total == 0:
            return (Decimal(0),) * 4
        with konteks():
            return tuple(f * 100 / total for f in self.frekuensi)

    def nrr(self) -> Hasil:
        total = sum(self.frekuensi, Decimal(0))
        if total == 0:
            return tidak_dapat("belum ada jawaban")
        with konteks():
            return Hasil(sum((s * f for s, f in zip(SKOR, self.frekuensi, strict=True)), Decimal(0)) / total)


def nrr_distribusi(persen: tuple) -> Hasil:
    """NRR of one unsur from the percentages of answers 1..4; not computable when missing."""
    if any(p is None for p in persen):
        return tidak_dapat("distribusi jawaban tidak lengkap")
    hasil = Sebaran.dari_persen(persen).nrr()
    return hasil if hasil.dapat_dihitung else tidak_dapat("distribusi jawaban kosong")


def skala_100(nrr: Hasil) -> Hasil:
    """NRR or IKM (1–4) on the 25–100 scale."""
    if not nrr.dapat_dihitung:
        return nrr
    with konteks():
        return Hasil(nrr.nilai * 25)


def hitung_jawaban(baris: Iterable[Sequence[int]], jumlah_unsur: int) -> list[tuple[int, int, int, int]]:
    """Counts of answers 1–4 per unsur from one row of answers per respondent.

    Counting column by column keeps 100 000 respondents well under a second; a value outside
    1–4 or a row of the wrong length is a ValueError (imports check rows before this)."""
    rows = list(baris)
    if any(len(r) != jumlah_unsur for r in rows):
        raise ValueError(f"Setiap responden harus menjawab tepat {jumlah_unsur} unsur.")
    out = []
    for kolom in zip(*rows, strict=True) if rows else [()] * jumlah_unsur:
        c = Counter(kolom)
        if not set(c) <= set(SKOR):
            raise ValueError(f"Jawaban harus 1–4, bukan {sorted(set(c) - set(SKOR))}.")
        out.append(tuple(c[s] for s in SKOR))
    return out


# ------------------------------------------------------------------------------ sample size
KM_CHI_KUADRAT = Decimal("3.841")
KM_PROPORSI = Decimal("0.5")
KM_GALAT = Decimal("0.05")


def sampel_minimal(populasi: int) -> int:
    """Krejcie–Morgan: s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)), rounded as their table is
    (N 50 → 44, 100 → 80, 300 → 169, 1000 → 278, 2000 → 322)."""
    if isinstance(populasi, bool) or not isinstance(populasi, int) or populasi < 1:
        raise ValueError("Populasi harus bilangan bulat positif.")
    pq = KM_PROPORSI * (1 - KM_PROPORSI)
    with konteks():
        s = KM_CHI_KUADRAT * populasi * pq / (KM_GALAT**2 * (populasi - 1) + KM_CHI_KUADRAT * pq)
    return int(s.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Sampel:
    populasi: int
    minimal: int
    responden: int | None

    @property
    def cukup(self) -> bool | None:
        return None if self.responden is None else self.responden >= self.minimal


# ------------------------------------------------------------------------------ results
@dataclass
class HasilUnsur:
    nomor: int
    nama: str
    sebaran: Sebaran | None
    nrr: Hasil  # 1–4
    nrr_tertimbang: Hasil  # NRR × bobot
    nik: Hasil  # NRR × 25, the unsur's score 25–100
    mutu: Mutu | None
    di_bawah_rerata: bool = False
    selisih: Hasil | None = None  # NIK points against the previous period


@dataclass(frozen=True)
class Perbandingan:
    """This period against the previous one (NIK points, as printed)."""

    periode: str
    nik_lalu: Hasil
    mutu_lalu: Mutu | None
    selisih: Hasil

    @property
    def arah(self) -> str | None:
        if not self.selisih.dapat_dihitung:
            return None
        d = self.selisih.dibulatkan
        return "naik" if d > 0 else "turun" if d < 0 else "tetap"


@dataclass
class HasilSurvei:
    acuan: Acuan
    unsur: list[HasilUnsur]
    bobot: Decimal | None  # weight of one unsur; None when no unsur has answers
    bobot_dibulatkan: bool
    ikm: Hasil  # 1–4
    nik: Hasil  # 25–100: the published "nilai IKM unit pelayanan"
    mutu: Mutu | None
    rerata: Hasil  # average unsur score (25–100): the chart's line; equals `nik` with exact weights
    jumlah_responden: int | None
    sampel: Sampel | None
    perbandingan: Perbandingan | None = None
    catatan: list[str] = field(default_factory=list)

    @property
    def prioritas(self) -> list[HasilUnsur]:
        """Unsur below the average, lowest first: the priorities for improvement."""
        return sorted((u for u in self.unsur if u.di_bawah_rerata), key=lambda u: (u.nik.nilai, u.nomor))

    @property
    def skor_unsur(self) -> list[tuple[str, Decimal | None]]:
        """(U1, score as printed) for every unsur, None where it has no answers: the chart's bars
        stay at their unsur number."""
        return [(f"U{u.nomor}", u.nik.dibulatkan) for u in self.unsur]

    @property
    def tanpa_data(self) -> list[HasilUnsur]:
        return [u for u in self.unsur if not u.nrr.dapat_dihitung]

    def sebagai_dict(self) -> dict:
        """Plain values for JSON output; decimals as printed (2 places)."""

        def d(h: Hasil | Decimal | None):
            """A number as printed (2 decimals), as a JSON number."""
            if isinstance(h, Hasil):
                h = h.dibulatkan
            return None if h is None else float(bulatkan(h))

        return {
            "acuan": self.acuan.kode,
            "bobot": None if self.bobot is None else str(self.bobot) if self.bobot_dibulatkan else f"1/{self.k}",
            "jumlah_responden": self.jumlah_responden,
            "ikm": d(self.ikm),
            "nik": d(self.nik),
            "mutu": self.mutu.huruf if self.mutu else None,
            "kinerja": self.mutu.kinerja if self.mutu else None,
            "rerata_unsur": d(self.rerata),
            "sampel": None
            if self.sampel is None
            else {"populasi": self.sampel.populasi, "minimal": self.sampel.minimal, "cukup": self.sampel.cukup},
            "unsur": [
                {
                    "nomor": u.nomor,
                    "nama": u.nama,
                    "jumlah": None
                    if u.sebaran is None or u.sebaran.jumlah_responden is None
                    else [int(f) for f in u.sebaran.frekuensi],
                    "persen": None if u.sebaran is None else [d(p) for p in u.sebaran.persen],
                    "nrr": d(u.nrr),
                    "nik": d(u.nik),
                    "mutu": u.mutu.huruf if u.mutu else None,
                    "di_bawah_rerata": u.di_bawah_rerata,
                }
                for u in self.unsur
            ],
            "prioritas": [u.nomor for u in self.prioritas],
            "perbandingan": None
            if self.perbandingan is None
            else {
                "periode": self.perbandingan.periode,
                "nik_lalu": d(self.perbandingan.nik_lalu),
                "selisih": d(self.perbandingan.selisih),
            },
            "catatan": self.catatan,
        }

    @property
    def k(self) -> int:
        """Number of unsur with answers (the n of the weight 1/n)."""
        return len(self.unsur) - len(self.tanpa_data)


def hitung_survei(
    acuan: Acuan,
    unsur: Sequence[tuple[int, str, Sebaran | None]],
    *,
    bobot_dibulatkan: bool = False,
    populasi: int | None = None,
    jumlah_responden: int | None = None,
    sebelumnya: "HasilSurvei | None" = None,
    periode_sebelumnya: str = "",
) -> HasilSurvei:
    """The whole result of one survey from the answers of each unsur (nomor, nama, sebaran).

    An unsur without answers is left out of the index and named in `catatan`; the weight then
    divides by the unsur that have answers, so the IKM stays the weighted mean of what was
    asked. `jumlah_responden` defaults to the most answers any unsur has."""
    hasil_unsur = []
    for nomor, nama, sebaran in unsur:
        nrr = sebaran.nrr() if sebaran is not None else tidak_dapat("tidak ada data jawaban")
        tertimbang = tidak_dapat(nrr.alasan) if not nrr.dapat_dihitung else nrr  # weighted below
        hasil_unsur.append(HasilUnsur(nomor, nama, sebaran, nrr, tertimbang, skala_100(nrr), None))
    ada = [u for u in hasil_unsur if u.nrr.dapat_dihitung]
    if jumlah_responden is None:
        counts = [u.sebaran.jumlah_responden for u in ada if u.sebaran.jumlah_responden is not None]
        jumlah_responden = max(counts) if counts else None
    sampel = Sampel(populasi, sampel_minimal(populasi), jumlah_responden) if populasi else None
    catatan = []
    if len(ada) < len(hasil_unsur):
        kosong = ", ".join(str(u.nomor) for u in hasil_unsur if not u.nrr.dapat_dihitung)
        catatan.append(f"Unsur {kosong} tanpa data jawaban; indeks dihitung dari {len(ada)} unsur.")
    if not ada:
        kosong = tidak_dapat("belum ada jawaban")
        return HasilSurvei(
            acuan,
            hasil_unsur,
            None,
            bobot_dibulatkan,
            kosong,
            kosong,
            None,
            kosong,
            jumlah_responden,
            sampel,
            catatan=catatan,
        )

    w = acuan.bobot(len(ada), bobot_dibulatkan)
    with konteks():
        total = sum((u.nrr.nilai for u in ada), Decimal(0))
        ikm = Hasil(total * w if bobot_dibulatkan else total / len(ada))
        rerata = Hasil(total * 25 / len(ada))
        for u in ada:
            u.nrr_tertimbang = Hasil(u.nrr.nilai * w)
            u.mutu = acuan.mutu_dari(u.nik)
            u.di_bawah_rerata = u.nik.dibulatkan < rerata.dibulatkan
    nik = skala_100(ikm)
    hasil = HasilSurvei(
        acuan,
        hasil_unsur,
        w,
        bobot_dibulatkan,
        ikm,
        nik,
        acuan.mutu_dari(nik),
        rerata,
        jumlah_responden,
        sampel,
        catatan=catatan,
    )
    if sebelumnya is not None:
        bandingkan(hasil, sebelumnya, periode_sebelumnya)
    return hasil


def selisih(kini: Hasil, lalu: Hasil) -> Hasil:
    """Difference of two printed values (what a reader would compute from the tables)."""
    if not (kini.dapat_dihitung and lalu.dapat_dihitung):
        return tidak_dapat("nilai salah satu periode tidak dapat dihitung")
    return Hasil(kini.dibulatkan - lalu.dibulatkan)


def bandingkan(kini: HasilSurvei, lalu: HasilSurvei, periode: str) -> None:
    """Attach the comparison with the previous period: the index, and each unsur asked in both
    (same number and name)."""
    kini.perbandingan = Perbandingan(periode, lalu.nik, lalu.mutu, selisih(kini.nik, lalu.nik))
    sebelum = {(u.nomor, u.nama): u for u in lalu.unsur}
    for u in kini.unsur:
        if (u.nomor, u.nama) in sebelum:
            u.selisih = selisih(u.nik, sebelum[(u.nomor, u.nama)].nik)
