"""Imports of surveys collected elsewhere: raw answers with a column mapping, distributions;
every problem named by row and column, nothing written on error."""

import csv
from decimal import Decimal

import pytest
from openpyxl import Workbook

from sakip.interchange.errors import ImportGagal
from sakip.skm.impor import impor_berkas
from sakip.skm.models import DistribusiJawaban, Jawaban, Responden

from .conftest import isi

PERTANYAAN = [
    "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan?",
    "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "7. Bagaimana pendapat Saudara tentang perilaku petugas?",
    "8. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    "9. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
]
JUDUL = ["Timestamp", "Jenis Kelamin", "Usia (tahun)", "Pendidikan terakhir", "Pekerjaan", "Jenis layanan", *PERTANYAAN]


def google_forms(path, rows):
    """A Google Forms export: timestamp, profile, then one column per question with the answer text."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(JUDUL)
        w.writerows(rows)
    return path


BAIK = [
    "1/8/2024 09:12:44",
    "Perempuan",
    "34",
    "SMA",
    "Wirausaha",
    "KTP elektronik",
    "Sesuai",
    "Sangat mudah",
    "Kurang cepat",
    "Gratis",
    "c. Sesuai",
    "Kompeten",
    "Sangat sopan dan ramah",
    "Berfungsi kurang maksimal",
    "Baik",
]


def test_google_forms_export_is_mapped_and_stored_per_respondent(survei, tmp_path):
    kedua = ["2024-08-02 10:00", "Laki-laki", "61", "S1", "PNS", "Akta kelahiran"] + ["4"] * 8 + ["d"]
    assert impor_berkas(survei, google_forms(tmp_path / "gf.csv", [BAIK, kedua])) == "jawaban"
    r1, r2 = survei.responden.order_by("nomor")
    assert (r1.nomor, r1.jenis_kelamin, r1.usia, r1.pendidikan, r1.pekerjaan, r1.layanan) == (
        1,
        "P",
        "30-39",
        "sma",
        "wirausaha",
        "KTP elektronik",
    )
    assert str(r1.tanggal) == "2024-08-01" and (r2.usia, r2.pendidikan, str(r2.tanggal)) == (
        "60-ke-atas",
        "s1",
        "2024-08-02",
    )
    nilai = list(Jawaban.objects.filter(responden=r1).order_by("unsur__nomor").values_list("nilai", flat=True))
    assert nilai == [3, 4, 2, 4, 3, 3, 4, 3, 3]
    h = survei.hasil()
    assert h.jumlah_responden == 2 and h.unsur[2].sebaran.frekuensi == (0, 1, 0, 1)


def test_answers_out_of_range_or_missing_are_named_by_row_and_column_and_nothing_is_stored(survei, tmp_path):
    isi(survei, [(3,) * 9])
    salah = list(BAIK)
    salah[6] = "5"
    salah[8] = ""
    salah[1] = "tidak tahu"
    path = google_forms(tmp_path / "salah.csv", [BAIK, salah, BAIK])
    with pytest.raises(ImportGagal) as e:
        impor_berkas(survei, path)
    teks = [str(m) for m in e.value.masalah]
    assert teks == [
        f"salah.csv, baris 3, kolom G ({PERTANYAAN[0]}): jawaban '5' tidak dikenal "
        "(isi 1–4, a–d, atau salah satu dari: Tidak sesuai, Kurang sesuai, Sesuai, Sangat sesuai)",
        f"salah.csv, baris 3, kolom I ({PERTANYAAN[2]}): jawaban kosong",
        "salah.csv, baris 3, kolom B (Jenis Kelamin): 'tidak tahu' tidak dikenal (pilihan: Laki-laki, Perempuan)",
    ]
    assert Responden.objects.filter(survei=survei).count() == 1 and Jawaban.objects.count() == 9


def test_columns_can_be_mapped_by_hand_from_an_excel_sheet(survei, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Jawaban"
    ws.append(["No", "Gender", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"])
    ws.append([1, "L", 4, 3, 3, 4, 3, 3, 4, 2, 3])
    ws.append([])  # a blank row is skipped; the next keeps its spreadsheet row number
    ws.append([2, "P", 3, 3, 3, 3, 3, 3, 3, 3, 9])
    path = tmp_path / "rekap.xlsx"
    wb.save(path)
    with pytest.raises(ImportGagal) as e:
        impor_berkas(survei, path)
    assert "unsur 1 (Persyaratan): tidak ada kolom yang cocok" in str(e.value)
    kolom = {f"U{i}": f"P{i}" for i in range(1, 10)}
    with pytest.raises(ImportGagal) as e:
        impor_berkas(survei, path, kolom)
    assert [str(m) for m in e.value.masalah] == [
        "rekap.xlsx, sheet Jawaban, baris 4, kolom K (P9): jawaban '9' tidak dikenal "
        "(isi 1–4, a–d, atau salah satu dari: Buruk, Cukup, Baik, Sangat baik)"
    ]
    assert not Responden.objects.exists()
    kolom["jenis_kelamin"] = "B"
    with pytest.raises(ImportGagal, match="pemetaan U10=P1: 'U10' bukan unsur"):
        impor_berkas(survei, path, {**kolom, "U10": "P1"})


def test_a_distribution_of_counts_replaces_the_distribution(survei, tmp_path):
    path = tmp_path / "distribusi.csv"
    path.write_text(
        "unsur;jumlah_1;jumlah_2;jumlah_3;jumlah_4\n" + "".join(f"{n};0;2;10;8\n" for n in range(1, 10)),
        encoding="utf-8",
    )
    assert impor_berkas(survei, path) == "distribusi"
    d = DistribusiJawaban.objects.get(survei=survei, unsur__nomor=1)
    assert d.jumlah == (0, 2, 10, 8) and d.persen == (None, None, None, None)
    survei.refresh_from_db()
    h = survei.hasil()
    assert survei.jumlah_responden == 20 and h.nik.dibulatkan == Decimal("82.50")  # (4 + 30 + 32) / 20 = 3,3


def test_a_distribution_in_percent_as_the_reference_report_prints_it(survei, tmp_path):
    path = tmp_path / "persen.csv"
    rows = ["unsur,Tidak Baik,Kurang Baik,Baik,Sangat Baik", "3,0%,0%,100%,0%", "9,0,90,10,0", "8,10,30,50,12"]
    path.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(ImportGagal) as e:
        impor_berkas(survei, path)
    assert [str(m) for m in e.value.masalah] == ["persen.csv, baris 4: jumlah persentase 102 %, seharusnya 100 %"]
    path.write_text("\n".join(rows[:-1] + ["8,10,30,50,10", "15,0,0,0,100"]), encoding="utf-8")
    with pytest.raises(ImportGagal, match=r"baris 5, kolom A \(unsur\): unsur '15' tidak ada di metode ini"):
        impor_berkas(survei, path)
    path.write_text("\n".join(rows[:-1] + ["8,10,30,50,10"]), encoding="utf-8")
    impor_berkas(survei, path)
    by_no = {u.nomor: u for u in survei.hasil().unsur}
    assert by_no[3].nik.dibulatkan == Decimal("75.00") and by_no[9].nrr.dibulatkan == Decimal("2.10")
    assert by_no[1].sebaran is None


def test_a_survey_holds_answers_or_a_distribution_not_both(survei, tmp_path):
    isi(survei, [(3,) * 9])
    path = tmp_path / "d.csv"
    path.write_text("unsur,1,2,3,4\n1,0,0,5,5\n", encoding="utf-8")
    with pytest.raises(ImportGagal, match="sudah berisi jawaban per responden"):
        impor_berkas(survei, path)
    assert survei.responden.count() == 1 and not survei.distribusi.exists()
    impor_berkas(survei, path, ganti=True)
    assert not survei.responden.exists() and survei.distribusi.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kosong.csv", "", "berkas kosong"),
        ("data.txt", "x", "gunakan .csv atau .xlsx"),
        ("rusak.xlsx", "bukan excel", "bukan berkas Excel"),
        ("judul.csv", "unsur,x\n1,2\n", "kolom jawaban tidak ditemukan"),
    ],
)
def test_unreadable_files_get_one_clear_message(survei, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportGagal, match=message):
        impor_berkas(survei, path)
