"""A synthetic pemda in the `sakip/1` format, for benchmarks and load tests.

Deterministic (seeded), valid, and shaped like real data: each agency has a Renstra over
the given years, indicators split over sasaran, both polarities, Renstra and PK targets,
yearly realisasi, a program per sasaran with its budget."""

import random
from decimal import Decimal


def generated_pemda(
    agencies: int = 100, indicators: int = 20, years: int = 6, start: int = 2021, seed: int = 1
) -> dict:
    rnd = random.Random(seed)
    end = start + years - 1
    doc = {
        "format": "sakip/1",
        "pemda": {
            "slug": "kabupaten-bench",
            "nama": "Kabupaten Bench",
            "jenis": "kabupaten",
            "kepala": "bupati",
            "jabatan_kepala": "Bupati Bench",
        },
        "pejabat": [{"kode": "bupati", "nama": "Bupati Bench"}],
        "rpjmd": [
            {
                "tahun_awal": start,
                "tahun_akhir": end,
                "visi": "Bench sejahtera",
                "sasaran": [{"kode": "sp1", "uraian": "Meningkatnya kinerja pelayanan"}],
            }
        ],
        "skala_predikat": [
            {
                "kode": "bawaan",
                "nama": "Skala bawaan",
                "rentang": [
                    {"predikat": "Kurang", "atas": 55},
                    {"predikat": "Cukup", "bawah": 55, "atas": 76},
                    {"predikat": "Baik", "bawah": 76, "atas": 100, "atas_inklusif": True},
                    {"predikat": "Sangat Baik", "bawah": 100, "bawah_inklusif": False},
                ],
            }
        ],
        "instansi": [],
    }
    for a in range(1, agencies + 1):
        kepala = f"kepala-{a:03d}"
        doc["pejabat"].append(
            {
                "kode": kepala,
                "nama": f"Kepala OPD {a}",
                "nip": f"19{70 + a % 10}{1 + a % 9:02d}{10 + a % 18:02d}"
                f"{2000 + a % 10}{1 + a % 12:02d}{1 + a % 2}{a:03d}",
                "golongan": "IV/a",
            }
        )
        sasaran = [f"s{i}" for i in range(1, 5)]
        ind = []
        target, realisasi, pk_target, anggaran = [], [], [], []
        for i in range(1, indicators + 1):
            negatif = i % 5 == 0
            ind.append(
                {
                    "kode": f"i{i}",
                    "nama": f"Indikator kinerja {i} OPD {a}",
                    "sasaran": sasaran[i % 4],
                    "satuan": "%",
                    "rumus": "negatif" if negatif else "positif",
                    "iku": i <= 4,
                }
            )
            base = Decimal(rnd.randint(40, 90))
            for y in range(start, end + 1):
                step = Decimal(y - start)
                t = base - step if negatif else base + step
                target.append({"indikator": f"i{i}", "tahun": y, "nilai": t})
                r = (t * Decimal(rnd.randint(60, 125)) / 100).quantize(Decimal("0.01"))
                realisasi.append({"indikator": f"i{i}", "tahun": y, "nilai": r})
        for y in range(start, end + 1):
            pk_target.append(
                {
                    "tahun": y,
                    "pihak_pertama": kepala,
                    "jabatan_pihak_pertama": f"Kepala OPD {a}",
                    "pihak_kedua": "bupati",
                    "jabatan_pihak_kedua": "Bupati Bench",
                    "target": [{"indikator": t["indikator"], "nilai": t["nilai"]} for t in target if t["tahun"] == y],
                }
            )
            for p in range(1, 5):
                pagu = rnd.randint(100, 900) * 1_000_000
                anggaran.append(
                    {"tahun": y, "program": f"p{p}", "pagu": pagu, "realisasi": pagu * rnd.randint(60, 100) // 100}
                )
        doc["instansi"].append(
            {
                "slug": f"opd-{a:03d}",
                "nama": f"OPD Bench {a}",
                "jenis": "dinas",
                "kepala": kepala,
                "renstra": [
                    {
                        "kode": f"{start}-{end}",
                        "tahun_awal": start,
                        "tahun_akhir": end,
                        "tujuan": [{"kode": "t1", "uraian": "Meningkatkan kinerja", "sasaran_pemda": "sp1"}],
                        "sasaran": [{"kode": s, "tujuan": "t1", "uraian": f"Sasaran {s}"} for s in sasaran],
                        "program": [
                            {"kode": f"p{p}", "nama": f"Program {p}", "sasaran": sasaran[p - 1]} for p in range(1, 5)
                        ],
                        "indikator": ind,
                        "target": target,
                    }
                ],
                "perjanjian_kinerja": pk_target,
                "realisasi": realisasi,
                "anggaran": anggaran,
            }
        )
    return doc
