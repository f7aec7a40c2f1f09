"""The respondent profile of the SKM questionnaire (PermenPANRB 14/2017 asks gender, age,
education, occupation and the service received) as plain code → label choices, shared by
the models, the interchange schema and the imports."""

JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}
USIA = {
    "di-bawah-20": "di bawah 20 tahun",
    "20-29": "20–29 tahun",
    "30-39": "30–39 tahun",
    "40-49": "40–49 tahun",
    "50-59": "50–59 tahun",
    "60-ke-atas": "60 tahun ke atas",
}
PENDIDIKAN = {
    "sd": "SD ke bawah",
    "smp": "SMP/sederajat",
    "sma": "SMA/SMK/sederajat",
    "diploma": "D1–D3",
    "s1": "D4/S1",
    "s2": "S2",
    "s3": "S3",
}
PEKERJAAN = {
    "pns": "PNS",
    "tni": "TNI",
    "polri": "POLRI",
    "swasta": "Pegawai swasta",
    "wirausaha": "Wirausaha",
    "pelajar": "Pelajar/Mahasiswa",
    "lainnya": "Lainnya",
}
PROFIL = {"jenis_kelamin": JENIS_KELAMIN, "usia": USIA, "pendidikan": PENDIDIKAN, "pekerjaan": PEKERJAAN}
"""Profile fields with fixed choices; `layanan` (the service received) is free text."""

JUDUL_PROFIL = {
    "jenis_kelamin": "Jenis kelamin",
    "usia": "Usia",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
    "layanan": "Jenis layanan yang diterima",
}

_SINONIM = {
    "jenis_kelamin": {"laki-laki": "L", "laki laki": "L", "pria": "L", "perempuan": "P", "wanita": "P"},
    "pendidikan": {
        "sd": "sd",
        "sltp": "smp",
        "smp": "smp",
        "slta": "sma",
        "sma": "sma",
        "smk": "sma",
        "d1": "diploma",
        "d2": "diploma",
        "d3": "diploma",
        "d4": "s1",
        "s1": "s1",
        "s2": "s2",
        "s3": "s3",
    },
    "pekerjaan": {"pegawai swasta": "swasta", "swasta": "swasta", "pelajar": "pelajar", "mahasiswa": "pelajar"},
}


def _rata(teks) -> str:
    """Compare answers without case, extra spaces or the en dash/hyphen difference."""
    return " ".join(str(teks).replace("–", "-").split()).casefold()


def kelompok_usia(tahun: int) -> str:
    """The age group of an age in years."""
    if tahun < 20:
        return "di-bawah-20"
    if tahun >= 60:
        return "60-ke-atas"
    bawah = tahun // 10 * 10
    return f"{bawah}-{bawah + 9}"


def baca_profil(field: str, teks: str) -> str | None:
    """The code of a profile answer written as a code, a label, a common synonym or (age) a
    number of years; None when it is not recognised. Empty text is an empty answer ("")."""
    t = _rata(teks)
    if not t:
        return ""
    if field == "usia" and t.isdigit():
        return kelompok_usia(int(t))
    pilihan = PROFIL[field]
    for kode, label in pilihan.items():
        if t in (kode.casefold(), _rata(label)):
            return kode
    return _SINONIM.get(field, {}).get(t)
