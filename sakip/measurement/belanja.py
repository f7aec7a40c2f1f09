"""Belanja (expenditure) types of the two budget structures a pemda may report in.

Codes are hierarchical: a child's code starts with its parent's code and a dot, so totals
per parent can be checked against the sum of the children."""

PERMENDAGRI_13_2006 = {
    "btl": "Belanja Tidak Langsung",
    "btl.pegawai": "Belanja Pegawai (tidak langsung)",
    "btl.hibah": "Belanja Hibah",
    "btl.bansos": "Belanja Bantuan Sosial",
    "bl": "Belanja Langsung",
    "bl.pegawai": "Belanja Pegawai",
    "bl.barang-jasa": "Belanja Barang/Jasa",
    "bl.modal": "Belanja Modal",
}

PERMENDAGRI_90_2019 = {
    "operasi": "Belanja Operasi",
    "operasi.pegawai": "Belanja Pegawai",
    "operasi.barang-jasa": "Belanja Barang dan Jasa",
    "operasi.bunga": "Belanja Bunga",
    "operasi.subsidi": "Belanja Subsidi",
    "operasi.hibah": "Belanja Hibah",
    "operasi.bansos": "Belanja Bantuan Sosial",
    "modal": "Belanja Modal",
    "tidak-terduga": "Belanja Tidak Terduga",
    "transfer": "Belanja Transfer",
}

JENIS_BELANJA = {**PERMENDAGRI_13_2006, **PERMENDAGRI_90_2019}


def induk(kode: str) -> str | None:
    """The parent type of a code, or None for a top-level type."""
    return kode.rsplit(".", 1)[0] if "." in kode else None


def struktur(kode: str) -> str:
    return "permendagri-13-2006" if kode in PERMENDAGRI_13_2006 else "permendagri-90-2019"
