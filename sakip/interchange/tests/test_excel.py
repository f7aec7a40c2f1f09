"""Workbook <-> plain dict: lossless round trip, template, dropdowns, and located problems."""

import copy
import io
import os
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.cell import WriteOnlyCell
from pydantic import ValidationError

from sakip.interchange import excel
from sakip.interchange.errors import ImportGagal
from sakip.interchange.excel import Sel, cari_sel, read_workbook, write_template, write_workbook
from sakip.interchange.schema import Dokumen

D = Decimal


def dokumen_lengkap() -> dict:
    """One pemda with every list filled at least once, as the exporter would produce it."""
    return {
        "format": "sakip/1",
        "pemda": {
            "slug": "jember",
            "nama": "Kabupaten Jember",
            "jenis": "kabupaten",
            "ibukota": "Jember",
            "kepala": "bupati",
            "jabatan_kepala": "Bupati Jember",
        },
        "pejabat": [
            {"kode": "bupati", "nama": "H. Hendy Siswanto, S.T., IPU.", "nip": "", "golongan": ""},
            {
                "kode": "kadinkes",
                "nama": "dr. Hendro Soelistijono, M.M., M.Kes.",
                "nip": "196712301997031004",
                "golongan": "IV/b",
            },
        ],
        "rpjmd": [
            {
                "tahun_awal": 2021,
                "tahun_akhir": 2026,
                "visi": "Wes Wayahe Mbangun Jember",
                "dasar_hukum": "Perda 1/2021",
                "misi": [{"nomor": 1, "uraian": "Membangun SDM"}, {"nomor": 2, "uraian": "Tata kelola"}],
                "sasaran": [{"kode": "SP1", "uraian": "Meningkatnya derajat kesehatan", "misi": 1}],
            }
        ],
        "skala_predikat": [
            {
                "kode": "permenpan",
                "nama": "Skala PermenPAN-RB 88/2021",
                "sumber": "PermenPAN",
                "instansi": None,
                "rentang": [
                    {
                        "predikat": "Sangat Baik",
                        "bawah": D("90"),
                        "bawah_inklusif": True,
                        "atas": None,
                        "atas_inklusif": False,
                        "warna": "#00AA00",
                    },
                    {
                        "predikat": "Kurang",
                        "bawah": None,
                        "bawah_inklusif": False,
                        "atas": D("90"),
                        "atas_inklusif": False,
                        "warna": "",
                    },
                ],
            }
        ],
        "metode_skm": [
            {
                "kode": "permenpan-14-2017",
                "nama": "PermenPAN-RB 14/2017",
                "dasar_hukum": "",
                "unsur": [{"nomor": 1, "nama": "Persyaratan"}, {"nomor": 2, "nama": "Prosedur"}],
            }
        ],
        "instansi": [
            {
                "slug": "dinkes",
                "nama": "Dinas Kesehatan",
                "singkatan": "Dinkes",
                "jenis": "dinas",
                "kode_unit": "1.02.0.00.0.00.01.0000",
                "alamat": "Jl. Srikoyo 3",
                "kota": "Jember",
                "kode_pos": "68111",
                "telepon": "0331-487577",
                "email": "dinkes@jemberkab.go.id",
                "website": "",
                "kepala": "kadinkes",
                "jabatan_kepala": "Kepala Dinas",
                "dasar_hukum": "Perbup 10/2021",
                "tugas_fungsi": [
                    {"jenis": "tugas", "uraian": "Membantu Bupati di bidang kesehatan"},
                    {"jenis": "fungsi", "uraian": "= perumusan kebijakan"},
                ],
                "unit": [
                    {"kode": "kadis", "nama": "Kepala Dinas", "jenis": "pimpinan", "induk": None},
                    {
                        "kode": "yankes",
                        "nama": "Bidang Pelayanan Kesehatan",
                        "jenis": "bidang",
                        "induk": "kadis",
                        "jabatan_kepala": "Kepala Bidang",
                    },
                ],
                "renstra": [
                    {
                        "kode": "renstra-2021",
                        "tahun_awal": 2021,
                        "tahun_akhir": 2026,
                        "versi": 1,
                        "berlaku_mulai": 2023,
                        "dasar_hukum": "Perbup 5/2021",
                        "tanggal": date(2021, 8, 17),
                        "keterangan": "baris satu\nbaris dua",
                        "tujuan": [{"kode": "T1", "uraian": "Meningkatkan kesehatan", "sasaran_pemda": "SP1"}],
                        "sasaran": [{"kode": "S1", "tujuan": "T1", "uraian": "Menurunnya AKI"}],
                        "strategi": [{"sasaran": "S1", "uraian": "Penguatan layanan primer"}],
                        "kebijakan": [{"sasaran": "S1", "uraian": "Pemerataan tenaga kesehatan"}],
                        "program": [
                            {"kode": "1.02.02", "nama": "Program Pemenuhan Upaya Kesehatan", "sasaran": "S1"},
                            {"kode": "1.02.01", "nama": "Program Penunjang", "sasaran": None},
                        ],
                        "kegiatan": [{"kode": "1.02.02.2.01", "program": "1.02.02", "nama": "Penyediaan Fasilitas"}],
                        "sub_kegiatan": [
                            {"kode": "1.02.02.2.01.0001", "kegiatan": "1.02.02.2.01", "nama": "Pembangunan Puskesmas"}
                        ],
                        "indikator": [
                            {
                                "kode": "IKU1",
                                "nama": "Angka Kematian Ibu",
                                "sasaran": "S1",
                                "satuan": "per 100.000 KH",
                                "jenis_nilai": "angka",
                                "rumus": "negatif",
                                "kategori": "outcome",
                                "iku": True,
                                "formulasi": "kematian / lahir hidup",
                                "pembilang": "kematian ibu",
                                "penyebut": "kelahiran hidup",
                                "penanggung_jawab": ["kadis", "yankes"],
                                "sumber_data": "Profil",
                            },
                            {
                                "kode": "IK2",
                                "nama": "Persentase puskesmas terakreditasi",
                                "program": "1.02.02",
                                "induk": "IKU1",
                                "satuan": "%",
                                "jenis_nilai": "persen",
                                "rumus": "positif",
                                "kategori": "output",
                                "iku": False,
                            },
                            {
                                "kode": "IK3",
                                "nama": "Dokumen disusun",
                                "kegiatan": "1.02.02.2.01",
                                "sub_kegiatan": "1.02.02.2.01.0001",
                                "tujuan": "T1",
                                "jenis_nilai": "milestone",
                                "kategori": "input",
                            },
                        ],
                        "target": [
                            {
                                "indikator": "IKU1",
                                "tahun": 2024,
                                "nilai": D("78.67"),
                                "mutu": "B",
                                "catatan": "",
                                "nilai_atas": D("80.5"),
                            },
                            {"indikator": "IK2", "tahun": 2024, "nilai": D("1000000.00")},
                            {"indikator": "IK3", "tahun": 2024, "nilai": D("0.12345678901234567890123")},
                        ],
                    }
                ],
                "rkt": [
                    {
                        "tahun": 2024,
                        "tempat": "Jember",
                        "tanggal": date(2023, 12, 29),
                        "penandatangan": "kadinkes",
                        "jabatan_penandatangan": "Kepala Dinas",
                        "target": [{"indikator": "IKU1", "nilai": D("77"), "nilai_atas": None}],
                    }
                ],
                "perjanjian_kinerja": [
                    {
                        "tahun": 2024,
                        "versi": 0,
                        "tempat": "Jember",
                        "tanggal": date(2024, 1, 2),
                        "pihak_pertama": "kadinkes",
                        "jabatan_pihak_pertama": "Kepala Dinas",
                        "pihak_kedua": "bupati",
                        "jabatan_pihak_kedua": "Bupati",
                        "target": [{"indikator": "IKU1", "nilai": D("78")}],
                        "rencana_aksi": [{"indikator": "IKU1", "triwulan": 1, "nilai": D("20"), "aksi": "Sosialisasi"}],
                        "program": [{"program": "1.02.02", "anggaran": D("2500000000"), "keterangan": "APBD"}],
                    },
                    {
                        "tahun": 2024,
                        "versi": 1,
                        "pihak_pertama": "kadinkes",
                        "jabatan_pihak_pertama": "Kepala Dinas",
                        "pihak_kedua": "bupati",
                        "jabatan_pihak_kedua": "Bupati",
                        "keterangan": "perubahan",
                        "target": [{"indikator": "IKU1", "nilai": D("79.5")}],
                    },
                ],
                "keputusan_iku": [
                    {
                        "nomor": "188.45/12/35.09.3/2024",
                        "tahun": 2024,
                        "tanggal": date(2024, 1, 5),
                        "tempat": "Jember",
                        "tentang": "Penetapan IKU",
                        "penandatangan": "kadinkes",
                        "indikator": ["IKU1", "IK2"],
                    }
                ],
                "realisasi": [
                    {
                        "indikator": "IKU1",
                        "tahun": 2024,
                        "periode": "tahun",
                        "nilai": D("70.89"),
                        "mutu": "",
                        "pembilang": D("12"),
                        "penyebut": D("16927"),
                        "bukti": "profil-2024.pdf",
                    },
                    {"indikator": "IKU1", "tahun": 2024, "periode": "tw1", "nilai": D("18.25")},
                ],
                "realisasi_nasional": [{"indikator": "IKU1", "tahun": 2024, "nilai": D("189"), "sumber": "BPS"}],
                "anggaran": [
                    {
                        "tahun": 2024,
                        "program": "1.02.02",
                        "pagu": D("2500000000"),
                        "realisasi": D("2398765432.5"),
                        "catatan": "",
                    },
                    {"tahun": 2024, "sub_kegiatan": "1.02.02.2.01.0001", "pagu": D("500000000")},
                ],
                "belanja": [
                    {"tahun": 2024, "jenis": "operasi.pegawai", "pagu": D("1000000"), "realisasi": D("999999.99")}
                ],
                "survei_skm": [
                    {
                        "kode": "skm-2024",
                        "tahun": 2024,
                        "judul": "SKM Puskesmas 2024",
                        "metode": "permenpan-14-2017",
                        "indikator": "IK2",
                        "populasi": 12000,
                        "jumlah_responden": 380,
                        "distribusi": [
                            {
                                "unsur": 1,
                                "persen_1": D("1.5"),
                                "persen_2": D("8.5"),
                                "persen_3": D("60"),
                                "persen_4": D("30"),
                            },
                            {"unsur": 2, "persen_4": D("100")},
                        ],
                    },
                    {
                        "kode": "skm-loket-2024",
                        "tahun": 2024,
                        "judul": "SKM Loket 2024",
                        "metode": "permenpan-14-2017",
                        "responden": [
                            {
                                "nomor": 1,
                                "tanggal": date(2024, 8, 1),
                                "jenis_kelamin": "P",
                                "usia": "30-39",
                                "layanan": "Poli umum",
                                "jawaban": [3, 4],
                            }
                        ],
                    },
                ],
                "laporan": [
                    {
                        "tahun": 2024,
                        "tempat": "Jember",
                        "tanggal": date(2025, 2, 28),
                        "penandatangan": "kadinkes",
                        "jabatan_penandatangan": "Kepala Dinas",
                        "narasi": [
                            {"bagian": "kata_pengantar", "teks": "Puji syukur …"},
                            {"bagian": "analisis", "sasaran": "S1", "teks": "AKI turun."},
                        ],
                    }
                ],
            }
        ],
    }


def kanonik(doc: dict) -> dict:
    return Dokumen.model_validate(doc).model_dump(mode="python", exclude_defaults=True)


def ke_buku(doc) -> io.BytesIO:
    buf = io.BytesIO()
    write_workbook(doc, buf)
    buf.seek(0)
    return buf


@pytest.fixture(scope="module")
def buku_dasar() -> bytes:
    """The fixture written once; tests that need a variant edit its values (see `tabel`)."""
    return ke_buku(dokumen_lengkap()).getvalue()


@pytest.fixture(scope="module")
def _tabel_dasar(buku_dasar) -> dict[str, list[list]]:
    wb = openpyxl.load_workbook(io.BytesIO(buku_dasar))
    tabel = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}
    tabel["Petunjuk"] = tabel["Petunjuk"][:3]  # the format row is all the reader needs
    return tabel


@pytest.fixture
def tabel(_tabel_dasar) -> dict[str, list[list]]:
    """The written workbook's cell values, sheet -> rows, to edit like an operator would."""
    return copy.deepcopy(_tabel_dasar)


def simpan(tabel: dict[str, list[list]]) -> io.BytesIO:
    """A plain workbook with these values (no styles: the reader ignores them; fast)."""
    wb = openpyxl.Workbook(write_only=True)
    for nama, baris in tabel.items():
        ws = wb.create_sheet(nama)
        for r in baris:
            ws.append([teks_sel(ws, v) for v in r])
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def teks_sel(ws, v):
    if isinstance(v, str) and v.startswith("="):  # text, not a formula
        v = WriteOnlyCell(ws, v)
        v.data_type = "s"
    return v


def isi(tabel, sheet: str, baris: int, judul_atau_kolom, nilai) -> None:
    """Set a cell by Excel row number and column header (or 1-based column number)."""
    rows = tabel[sheet]
    i = judul_atau_kolom - 1 if isinstance(judul_atau_kolom, int) else rows[0].index(judul_atau_kolom)
    while len(rows) < baris:
        rows.append([])
    row = rows[baris - 1]
    row.extend([None] * (i + 1 - len(row)))
    row[i] = nilai


def gagal(buf) -> list:
    with pytest.raises(ImportGagal) as info:
        read_workbook(buf)
    return info.value.masalah


# ---------------------------------------------------------------- round trip
def test_fixture_is_valid_and_fills_every_sheet(_tabel_dasar):
    Dokumen.model_validate(dokumen_lengkap())
    for s in excel._tata_letak().sheets:
        assert len(_tabel_dasar[s.nama]) >= 2, f"sheet {s.nama} has no data row in the fixture"


def test_write_then_read_loses_nothing(buku_dasar):
    dibaca, _ = read_workbook(io.BytesIO(buku_dasar))
    assert kanonik(dibaca) == kanonik(dokumen_lengkap())


def test_write_then_read_keeps_decimals_dates_bools_and_lists_exact(buku_dasar):
    dibaca, _ = read_workbook(io.BytesIO(buku_dasar))
    renstra = dibaca["instansi"][0]["renstra"][0]
    ok = Dokumen.model_validate(dibaca).instansi[0].renstra[0]
    assert [t.nilai for t in ok.target] == [D("78.67"), D("1000000"), D("0.12345678901234567890123")]
    assert ok.tanggal == date(2021, 8, 17)
    assert renstra["indikator"][0]["iku"] is True
    assert renstra["indikator"][0]["penanggung_jawab"] == ["kadis", "yankes"]
    assert dibaca["instansi"][0]["tugas_fungsi"][1]["uraian"] == "= perumusan kebijakan"


def test_written_cells_have_excel_types(_tabel_dasar):
    target = _tabel_dasar["TargetRenstra"]
    nilai = target[0].index("nilai")
    assert [r[nilai] for r in target[1:]] == [78.67, 1000000, "0.12345678901234567890123"]
    renstra = _tabel_dasar["Renstra"]
    assert renstra[1][renstra[0].index("tanggal")].date() == date(2021, 8, 17)
    ind = _tabel_dasar["Indikator"]
    assert ind[1][ind[0].index("iku")] is True
    assert ind[1][ind[0].index("penanggung_jawab")] == "kadis, yankes"


def test_rows_follow_sheet_order_and_attach_to_their_parent(buku_dasar):
    dibaca, peta = read_workbook(io.BytesIO(buku_dasar))
    pk = dibaca["instansi"][0]["perjanjian_kinerja"]
    assert [p.get("versi") for p in pk] == [0, 1]
    assert pk[1]["target"] == [{"indikator": "IKU1", "nilai": 79.5}]
    assert peta[("instansi", 0, "perjanjian_kinerja", 1, "target", 0)] == Sel("TargetPK", 3)


def test_write_accepts_a_validated_model():
    model = Dokumen.model_validate(dokumen_lengkap())
    assert kanonik(read_workbook(ke_buku(model))[0]) == kanonik(dokumen_lengkap())


def test_location_map_names_rows_and_cells(buku_dasar):
    _, peta = read_workbook(io.BytesIO(buku_dasar))
    ind = ("instansi", 0, "renstra", 0, "indikator", 2)
    assert peta[ind] == Sel("Indikator", 4)
    assert peta[(*ind, "satuan")] == Sel("Indikator", 4, "K", "satuan")  # empty cell still mapped
    assert str(peta[(*ind, "satuan")]) == "sheet Indikator, baris 4, kolom K (satuan)"
    assert str(peta[ind]) == "sheet Indikator, baris 4"
    assert peta[("pemda", "nama")] == Sel("Pemda", 2, "B", "nama")
    pj = ("instansi", 0, "renstra", 0, "indikator", 0, "penanggung_jawab", 1)
    assert peta[pj].judul == "penanggung_jawab"
    assert cari_sel(peta, (*ind, "satuan", "extra")) == peta[(*ind, "satuan")]
    assert peta[("format",)].sheet == "Petunjuk"


# ---------------------------------------------------------------- template
@pytest.fixture(scope="module")
def templat(tmp_path_factory):
    path = tmp_path_factory.mktemp("templat") / "templat.xlsx"
    write_template(path)
    return openpyxl.load_workbook(path)


def test_template_has_petunjuk_first_and_every_sheet_with_headers_only(templat):
    wb = templat
    tata = excel._tata_letak()
    assert wb.sheetnames[0] == "Petunjuk"
    assert wb.sheetnames[1:] == [s.nama for s in tata.sheets]
    for s in tata.sheets:
        ws = wb[s.nama]
        assert ws.max_row == 1
        assert [c.value for c in ws[1]] == [k.judul for k in s.kolom]
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.b and ws["A1"].comment is not None
    petunjuk = " ".join(str(v) for row in wb["Petunjuk"].iter_rows(values_only=True) for v in row if v is not None)
    for s in tata.sheets:
        assert f"{s.nama} " in petunjuk or f"{s.nama}." in petunjuk
    assert "positif, negatif, negatif-rasio" in petunjuk  # allowed values from the schema
    assert "Kode sasaran RPJMD yang didukung" in petunjuk  # Field description


def test_expected_sheet_names_and_parent_columns():
    tata = excel._tata_letak()
    nama = [s.nama for s in tata.sheets]
    for n in [
        "Pemda",
        "Instansi",
        "Renstra",
        "Indikator",
        "TargetRenstra",
        "TargetRKT",
        "TargetPK",
        "RencanaAksi",
        "ProgramPK",
        "PerjanjianKinerja",
        "DistribusiSKM",
        "SasaranPemda",
        "KeputusanIKU",
        "SurveiSKM",
    ]:
        assert n in nama
    assert all(len(n) <= 31 for n in nama) and len(set(nama)) == len(nama)
    assert [k.judul for k in tata["TargetPK"].kolom_induk] == ["instansi", "pk_tahun", "pk_versi"]
    assert [k.judul for k in tata["Indikator"].kolom_induk] == ["instansi", "renstra"]
    assert [k.judul for k in tata["Rentang"].kolom_induk] == ["skala"]
    assert tata["Pejabat"].kolom_induk == []


def test_every_reference_points_at_an_existing_column():
    tata = excel._tata_letak()
    for key, rujukan in excel._RUJUKAN.items():
        assert excel._kolom_tujuan(tata, rujukan) is not None, key
    for model in excel._KUNCI:
        assert any(s.model.__name__ == model for s in tata.sheets), model


def test_template_has_dropdowns_on_literal_bool_and_reference_columns(templat):
    ws = templat["Indikator"]
    per_kolom = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation}
    huruf = {c.value: c.column_letter for c in ws[1]}
    assert per_kolom[huruf["kategori"]] == '"input,output,outcome,impact"'
    assert per_kolom[huruf["rumus"]] == '"positif,negatif,negatif-rasio"'
    assert per_kolom[huruf["iku"]] == '"TRUE,FALSE"'
    assert "'Program'!$C" in per_kolom[huruf["program"]]
    assert "'Renstra'!$B" in per_kolom[huruf["renstra"]]
    assert huruf["satuan"] not in per_kolom


def test_long_choice_lists_go_to_hidden_sheet():
    penulis = excel._Penulis()
    nilai = tuple(f"pilihan-nomor-{i:03d}" for i in range(40))
    rumus = penulis.sumber_pilihan("X.y", nilai)
    assert rumus == "'_pilihan'!$A$2:$A$41"
    ws = penulis.wb["_pilihan"]
    assert ws.sheet_state == "hidden" and ws["A41"].value == nilai[-1]
    assert penulis.sumber_pilihan("X.z", ("a", "b")) == '"a,b"'


# ---------------------------------------------------------------- reading what operators type
def test_operator_input_forms_are_read(tabel):
    isi(tabel, "Indikator", 2, "iku", "tidak")
    isi(tabel, "Indikator", 2, "penanggung_jawab", " kadis ;yankes, ")
    isi(tabel, "Indikator", 3, "instansi", None)  # only one instansi: may be left empty
    isi(tabel, "TargetRenstra", 2, "nilai", "1.234.567,89")
    isi(tabel, "TargetRenstra", 3, "nilai", "78,67 %")
    isi(tabel, "TargetRenstra", 4, "nilai", "Rp 2.000")
    isi(tabel, "Pejabat", 4, 1, "  ")  # whitespace only: an empty row
    isi(tabel, "Renstra", 2, "versi", " 1 ")
    isi(tabel, "Unit", 2, "kode", 101)  # a kode typed as a number
    tabel["indikator "] = tabel.pop("Indikator")  # sheet names and headers match loosely
    tabel["Unit"][0] = [str(h).upper() for h in tabel["Unit"][0]]
    tabel["Catatan operator"] = [["bebas", "diabaikan"]]

    dibaca, _ = read_workbook(simpan(tabel))
    instansi = Dokumen.model_validate(dibaca).instansi[0]
    ok = instansi.renstra[0]
    assert ok.indikator[0].iku is False
    assert ok.indikator[0].penanggung_jawab == ["kadis", "yankes"]
    assert len(ok.indikator) == 3
    assert [t.nilai for t in ok.target] == [D("1234567.89"), D("78.67"), D("2000")]
    assert ok.versi == 1
    assert instansi.unit[0].kode == "101"
    assert len(dibaca["pejabat"]) == 2


def test_wrong_typed_cell_passes_through_and_error_points_at_its_cell(tabel):
    isi(tabel, "TargetRenstra", 3, "nilai", "abc")
    dibaca, peta = read_workbook(simpan(tabel))
    assert dibaca["instansi"][0]["renstra"][0]["target"][1]["nilai"] == "abc"
    with pytest.raises(ValidationError) as info:
        Dokumen.model_validate(dibaca)
    [err] = info.value.errors()
    assert peta[tuple(err["loc"])] == Sel("TargetRenstra", 3, "C", "nilai")


def test_missing_required_value_points_at_the_empty_cell(tabel):
    isi(tabel, "Unit", 3, "nama", None)
    dibaca, peta = read_workbook(simpan(tabel))
    with pytest.raises(ValidationError) as info:
        Dokumen.model_validate(dibaca)
    [err] = info.value.errors()
    assert err["type"] == "missing"
    assert peta[tuple(err["loc"])] == Sel("Unit", 3, "C", "nama")


def test_union_error_paths_resolve_with_cari_sel(tabel):
    isi(tabel, "Pejabat", 3, "golongan", "V/z")
    dibaca, peta = read_workbook(simpan(tabel))
    with pytest.raises(ValidationError) as info:
        Dokumen.model_validate(dibaca)
    for err in info.value.errors():
        assert cari_sel(peta, err["loc"]) == Sel("Pejabat", 3, "D", "golongan")


# ---------------------------------------------------------------- broken workbooks
def test_corrupt_file_gives_one_problem_naming_the_file(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(os.urandom(2048))
    masalah = gagal(path)
    assert len(masalah) == 1
    assert str(path) in str(masalah[0])


def test_unknown_header_names_sheet_column_and_allowed_headers(tabel):
    isi(tabel, "Indikator", 1, "satuan", "satuanx")
    [m] = gagal(simpan(tabel))
    assert m.lokasi == "sheet Indikator, baris 1, kolom K (satuanx)"
    assert "satuanx" in m.pesan and "satuan," in m.pesan


def test_orphan_row_names_sheet_row_and_missing_parent(tabel):
    tabel["Renstra"].append(["kec-x", "renstra-x", 2021, 2026])
    isi(tabel, "Unit", 3, "instansi", "kec-x")
    masalah = gagal(simpan(tabel))
    assert [m.lokasi for m in masalah] == [
        "sheet Unit, baris 3, kolom A (instansi)",
        "sheet Renstra, baris 3, kolom A (instansi)",
    ]
    assert "'kec-x' tidak ada di sheet Instansi" in masalah[1].pesan


def test_orphan_at_second_level_names_the_nested_parent(tabel):
    isi(tabel, "TargetPK", 2, "pk_versi", 7)
    [m] = gagal(simpan(tabel))
    assert m.lokasi == "sheet TargetPK, baris 2, kolom B (pk_tahun)"
    assert "pk_versi 7" in m.pesan and "PerjanjianKinerja" in m.pesan
    assert "instansi 'dinkes'" in m.pesan


def test_empty_parent_column_with_several_candidates_is_ambiguous(tabel):
    isi(tabel, "TargetPK", 2, "pk_versi", None)
    [m] = gagal(simpan(tabel))
    assert m.lokasi == "sheet TargetPK, baris 2"
    assert "pk_versi" in m.pesan and "2 baris" in m.pesan


def test_duplicate_parent_row_and_problems_are_all_collected(tabel):
    tabel["MetodeSKM"].append(["permenpan-14-2017", "Duplikat"])
    isi(tabel, "Belanja", 1, 9, "kolom_baru")
    del tabel["Pemda"]
    teks = [str(m) for m in gagal(simpan(tabel))]
    assert len(teks) == 3
    assert any(t.startswith("sheet Pemda:") for t in teks)
    assert any("sheet MetodeSKM, baris 3" in t and "baris 2" in t for t in teks)
    assert any("sheet Belanja, baris 1, kolom I (kolom_baru)" in t for t in teks)


def test_missing_parent_sheet_is_reported_once(tabel):
    del tabel["Renstra"]
    assert [m.lokasi for m in gagal(simpan(tabel))] == ["sheet Renstra"]


def test_optional_sheets_and_columns_may_be_deleted(tabel):
    for nama in ["Belanja", "Narasi", "Petunjuk"]:
        del tabel[nama]
    sumber = tabel["Indikator"][0].index("sumber_data")
    for row in tabel["Indikator"]:
        del row[sumber]
    dibaca, _ = read_workbook(simpan(tabel))
    assert "belanja" not in dibaca["instansi"][0]
    assert "narasi" not in dibaca["instansi"][0]["laporan"][0]
    assert dibaca["format"] == "sakip/1"


def test_missing_required_column_is_reported_once(tabel):
    nama = tabel["Unit"][0].index("nama")
    for row in tabel["Unit"]:
        del row[nama]
    [m] = gagal(simpan(tabel))
    assert m.lokasi == "sheet Unit, baris 1" and "'nama'" in m.pesan


def test_data_under_a_column_without_header_is_reported(tabel):
    isi(tabel, "Unit", 2, 20, "catatan lepas")
    [m] = gagal(simpan(tabel))
    assert m.lokasi == "sheet Unit, baris 2, kolom T"


def test_pemda_sheet_holds_one_row(tabel):
    tabel["Pemda"].append(["lain", "Kabupaten Lain", "kabupaten"])
    [m] = gagal(simpan(tabel))
    assert m.lokasi == "sheet Pemda, baris 3"


def test_old_xls_or_password_locked_file_says_so(tmp_path):
    path = tmp_path / "lama.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(512))
    [m] = gagal(path)
    assert m.lokasi == str(path) and ".xls" in m.pesan and "kata sandi" in m.pesan


def test_write_refuses_fields_the_schema_does_not_know():
    doc = dokumen_lengkap()
    doc["pejabat"][0]["jabatan"] = "Bupati"
    with pytest.raises(ValueError, match="jabatan"):
        write_workbook(doc, io.BytesIO())
