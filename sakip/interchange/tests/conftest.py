import copy

import pytest

MINIMAL = {
    "format": "sakip/1",
    "pemda": {
        "slug": "kota-uji",
        "nama": "Kota Uji",
        "jenis": "kota",
        "kepala": "walikota",
        "jabatan_kepala": "Wali Kota Uji",
    },
    "pejabat": [
        {"kode": "walikota", "nama": "Ir. H. Wali Uji"},
        {"kode": "kadis", "nama": "Dr. Siti Uji, M.Kes", "nip": "197001012000032001", "golongan": "IV/b"},
    ],
    "rpjmd": [
        {
            "tahun_awal": 2021,
            "tahun_akhir": 2026,
            "visi": "Kota Uji Sehat",
            "misi": [{"nomor": 1, "uraian": "Meningkatkan kesehatan"}],
            "sasaran": [{"kode": "sp1", "uraian": "Meningkatnya derajat kesehatan", "misi": 1}],
        }
    ],
    "skala_predikat": [
        {
            "kode": "standar",
            "nama": "Skala standar",
            "rentang": [
                {"predikat": "Kurang", "atas": 55},
                {"predikat": "Cukup", "bawah": 55, "atas": 76},
                {"predikat": "Baik", "bawah": 76, "atas": 100, "atas_inklusif": True},
                {"predikat": "Sangat Baik", "bawah": 100, "bawah_inklusif": False},
            ],
        }
    ],
    "instansi": [
        {
            "slug": "dinkes-uji",
            "nama": "Dinas Kesehatan Kota Uji",
            "jenis": "dinas",
            "kepala": "kadis",
            "jabatan_kepala": "Kepala Dinas Kesehatan",
            "kode_pos": "12345",
            "tugas_fungsi": [{"jenis": "tugas", "uraian": "Urusan kesehatan"}],
            "unit": [
                {"kode": "kadis", "nama": "Kepala Dinas", "jenis": "pimpinan"},
                {"kode": "yankes", "nama": "Bidang Pelayanan Kesehatan", "jenis": "bidang", "induk": "kadis"},
            ],
            "renstra": [
                {
                    "kode": "2021-2026",
                    "tahun_awal": 2021,
                    "tahun_akhir": 2026,
                    "tujuan": [{"kode": "t1", "uraian": "Meningkatkan derajat kesehatan", "sasaran_pemda": "sp1"}],
                    "sasaran": [{"kode": "s1", "tujuan": "t1", "uraian": "Menurunnya kematian ibu"}],
                    "program": [{"kode": "1.02.02", "nama": "Program Upaya Kesehatan", "sasaran": "s1"}],
                    "kegiatan": [{"kode": "1.02.02.2.02", "program": "1.02.02", "nama": "Layanan Kesehatan"}],
                    "indikator": [
                        {
                            "kode": "aki",
                            "nama": "Angka Kematian Ibu",
                            "sasaran": "s1",
                            "satuan": "per 100.000 KH",
                            "rumus": "negatif",
                            "iku": True,
                            "penanggung_jawab": ["yankes"],
                        },
                        {"kode": "cakupan", "nama": "Cakupan layanan", "kegiatan": "1.02.02.2.02", "satuan": "%"},
                    ],
                    "target": [{"indikator": "aki", "tahun": y, "nilai": 100 - y % 10} for y in range(2021, 2027)],
                }
            ],
            "perjanjian_kinerja": [
                {
                    "tahun": 2022,
                    "pihak_pertama": "kadis",
                    "jabatan_pihak_pertama": "Kepala Dinas",
                    "pihak_kedua": "walikota",
                    "jabatan_pihak_kedua": "Wali Kota",
                    "target": [{"indikator": "aki", "nilai": 98}],
                    "rencana_aksi": [{"indikator": "aki", "triwulan": 1, "nilai": 99, "aksi": "Kelas ibu hamil"}],
                    "program": [{"program": "1.02.02", "anggaran": 1000000}],
                }
            ],
            "realisasi": [
                {"indikator": "aki", "tahun": 2022, "nilai": 90},
                {"indikator": "cakupan", "tahun": 2022, "periode": "tw1", "nilai": 20.5},
            ],
            "anggaran": [
                {"tahun": 2022, "program": "1.02.02", "pagu": 1000000, "realisasi": 900000},
                {"tahun": 2022, "kegiatan": "1.02.02.2.02", "pagu": 1000000, "realisasi": 900000},
            ],
            "belanja": [{"tahun": 2022, "jenis": "operasi", "pagu": 1000000, "realisasi": 900000}],
            "laporan": [
                {
                    "tahun": 2022,
                    "tempat": "Uji",
                    "tanggal": "2023-01-20",
                    "penandatangan": "kadis",
                    "narasi": [
                        {"bagian": "latar_belakang", "teks": "Latar belakang."},
                        {"bagian": "analisis", "sasaran": "s1", "teks": "AKI turun."},
                    ],
                }
            ],
        }
    ],
}


@pytest.fixture
def doc():
    """A small valid `sakip/1` document touching most lists; tests break one thing each."""
    return copy.deepcopy(MINIMAL)
