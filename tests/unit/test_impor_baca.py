"""Reading import files and checking their rows (web/services/impor.py, its pure half): headers
with aliases and title rows, CSV dialects and encodings, broken XLSX, numbers Excel mangled, and
every row rule. No app, no database."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from openpyxl import Workbook

from web.services.impor import (
    BUKAN_UTF8,
    MAKS_BYTE,
    XLSX_RUSAK,
    BerkasError,
    DataAda,
    Pemeriksa,
    Pemilik,
    baca_baris,
    baca_berkas,
    cari_judul,
    periksa_berkas,
    petakan_judul,
    teks,
    templat,
)

HARI = dt.date(2025, 7, 1)
SEKOLAH = ["NPSN", "Nama", "Bentuk Pendidikan", "Status Sekolah", "Kecamatan", "Alamat"]
PEGAWAI = [
    "Nama",
    "NIP",
    "NUPTK",
    "Status Kepegawaian",
    "Jenis PTK",
    "Pangkat/Golongan",
    "Jabatan Fungsional",
    "Email",
    "HP",
    "NPSN",
]


def xlsx(*rows: list[Any]) -> bytes:
    buku = Workbook()
    lembar = buku.active
    for row in rows:
        lembar.append(row)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def semua(data: bytes, jenis: str) -> list[tuple[int, dict[str, str]]]:
    return list(baca_baris(data, periksa_berkas(data, jenis)))


def galat(data: bytes, jenis: str) -> str:
    with pytest.raises(BerkasError) as caught:
        periksa_berkas(data, jenis)
    return caught.value.message


# --- Headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "kunci"),
    [
        ("NPSN", "npsn"),
        ("  npsn ", "npsn"),
        ("Nama Sekolah", "nama"),
        ("NAMA", "nama"),
        ("Jenjang", "jenjang"),
        ("bentuk  pendidikan", "jenjang"),
        ("Status", "status"),
        ("Alamat Jalan", "alamat"),
    ],
)
def test_school_headers_and_their_aliases(header, kunci):
    kolom, judul, diabaikan = petakan_judul(["x", header], "sekolah")
    assert kolom == {kunci: 1} and judul == {kunci: " ".join(header.split())}
    assert diabaikan == ["x"]


@pytest.mark.parametrize(
    ("header", "kunci"),
    [
        ("Golongan", "pangkat_golongan"),
        ("E-mail", "email"),
        ("No HP", "telepon"),
        ("No. HP", "telepon"),
        ("Telepon", "telepon"),
        ("jenis ptk", "jenis_ptk"),
    ],
)
def test_pegawai_aliases(header, kunci):
    assert petakan_judul([header], "pegawai")[0] == {kunci: 0}


def test_the_canonical_name_wins_over_an_alias_and_the_other_is_ignored():
    kolom, judul, diabaikan = petakan_judul(["Status", "NPSN", "Status Sekolah"], "sekolah")
    assert kolom["status"] == 2 and judul["status"] == "Status Sekolah"
    assert diabaikan == ["Status"]


@pytest.mark.parametrize("judul_atas", [0, 1, 5])
def test_the_header_may_follow_up_to_five_title_rows(judul_atas):
    rows = [[f"Judul {n}"] for n in range(judul_atas)] + [SEKOLAH]
    assert cari_judul(rows, "sekolah")[0] == judul_atas


def test_a_header_below_six_rows_is_not_found():
    rows = [[f"Judul {n}"] for n in range(6)] + [SEKOLAH]
    with pytest.raises(BerkasError, match="Baris judul kolom tidak ditemukan di 6 baris"):
        cari_judul(rows, "sekolah")


def test_missing_required_columns_are_named():
    with pytest.raises(BerkasError) as caught:
        cari_judul([["NPSN", "Nama", "Kecamatan"]], "sekolah")
    assert caught.value.message.startswith(
        "Kolom wajib belum ada: Bentuk Pendidikan, Status Sekolah."
    )
    with pytest.raises(BerkasError, match="Kolom wajib belum ada: NIP atau NUPTK"):
        cari_judul([["Nama", "NPSN", "Email"]], "pegawai")


def test_pegawai_needs_only_one_of_nip_and_nuptk():
    assert cari_judul([["Nama", "NUPTK", "NPSN"]], "pegawai")[0] == 0


# --- Files ---------------------------------------------------------------------------------


def test_csv_with_bom_and_semicolons():
    data = "\ufeffNPSN;Nama;Bentuk Pendidikan;Status Sekolah\n20212345;SD, Satu;SD;Negeri\n"
    berkas = periksa_berkas(data.encode(), "sekolah")
    assert (berkas.format, berkas.pemisah, berkas.baris_judul, berkas.perkiraan) == (
        "csv",
        ";",
        1,
        1,
    )
    assert semua(data.encode(), "sekolah") == [
        (2, {"npsn": "20212345", "nama": "SD, Satu", "jenjang": "SD", "status": "Negeri"})
    ]


def test_csv_with_title_rows_counts_rows_as_the_spreadsheet_shows_them():
    data = (
        "Daftar Sekolah\nKabupaten Uji\n\nNPSN,Nama,Jenjang,Status,Dusun\n"
        "20212345,SD Satu,SD,Negeri,x\n,,,,\n20212346,SD Dua,SD,Swasta,y\n"
    )
    berkas = periksa_berkas(data.encode(), "sekolah")
    assert berkas.baris_judul == 4 and berkas.diabaikan == ("Dusun",)
    assert [n for n, _ in semua(data.encode(), "sekolah")] == [5, 7]


def test_csv_with_crlf_and_quoted_newlines():
    data = b'NPSN,Nama,Jenjang,Status,Alamat\r\n20212345,SD Satu,SD,Negeri,"Jl. A\r\nNo. 1"\r\n'
    assert semua(data, "sekolah")[0][1]["alamat"] == "Jl. A No. 1"


@pytest.mark.parametrize(
    "data",
    ["NPSN,Nama,Status\nx,Sekolah Ñ,Negeri\n".encode("cp1252"), "Nama,NIP".encode("utf-16")],
)
def test_text_that_is_not_utf8(data):
    assert galat(data, "sekolah") == BUKAN_UTF8


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        (b"", "Berkas kosong."),
        (b"  \r\n\r\n", "Berkas kosong."),
        (b"NPSN,Nama,Jenjang,Status\n", "Berkas tidak berisi baris data"),
        (b"NPSN,Nama,Jenjang,Status\n,,,\n\n", "Berkas tidak berisi baris data"),
        (xlsx(), "Berkas kosong."),
        (xlsx(SEKOLAH), "Berkas tidak berisi baris data"),
        (xlsx(["Judul"], SEKOLAH, [None, None]), "Berkas tidak berisi baris data"),
    ],
)
def test_empty_files(data, pesan):
    assert galat(data, "sekolah").startswith(pesan)


def test_broken_and_foreign_zip_files():
    assert galat(b"PK\x03\x04" + b"\x00" * 64, "sekolah") == XLSX_RUSAK
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w") as arsip:
        arsip.writestr("word/document.xml", "<w/>")
    assert galat(isi.getvalue(), "sekolah") == XLSX_RUSAK
    dipotong = xlsx(SEKOLAH, ["20212345", "SD", "SD", "Negeri"])[:-200]
    assert galat(dipotong, "sekolah") == XLSX_RUSAK


def test_old_xls_and_files_too_big():
    assert galat(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "sekolah").startswith(
        "Berkas XLS (Excel 97-2003) tidak didukung"
    )
    assert galat(b"x" * (MAKS_BYTE + 1), "sekolah").startswith("Berkas lebih dari 30 MB")


def test_format_is_read_from_the_content_not_the_name():
    data = xlsx(SEKOLAH, ["20212345", "SD Satu", "SD", "Negeri"])
    assert periksa_berkas(data, "sekolah").format == "xlsx"


def test_xlsx_cells_are_read_as_they_are():
    data = xlsx(
        ["Data PTK"],
        PEGAWAI,
        [
            "Rina",
            "198503122010012001",
            "1234567890123452",
            "PNS",
            "Guru",
            "III/c",
            "",
            "",
            81234567890,
            20212345,
        ],
        [None] * 10,
        ["Budi", 1.98503122010012e17, None, "PNS", "Guru", "", "", "", None, 20212345.0],
    )
    rows = semua(data, "pegawai")
    assert [n for n, _ in rows] == [3, 5]
    rina, budi = rows[0][1], rows[1][1]
    assert rina["nip"] == "198503122010012001" and rina["npsn"] == "20212345"
    assert rina["nuptk"] == "1234567890123452" and rina["telepon"] == "81234567890"
    assert budi["nip"] == "1.98503122010012E+17" and budi["npsn"] == "20212345"


@pytest.mark.parametrize(
    ("nilai", "tulisan"),
    [
        (None, ""),
        (198503122010012001, "198503122010012001"),
        (20212345.0, "20212345"),
        (1.98503122010012e17, "1.98503122010012E+17"),
        ("  Siti\u00a0 Aminah \n", "Siti Aminah"),
        (dt.datetime(2024, 1, 2), "2024-01-02"),
        (True, "TRUE"),
        (2.5, "2.5"),
    ],
)
def test_cell_text(nilai, tulisan):
    assert teks(nilai) == tulisan


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_reading_in_one_go_gives_the_same_rows(format):
    rows = [
        ["Daftar"],
        [],
        SEKOLAH,
        ["20212345", "SD Satu", "SD", "Negeri"],
        [],
        ["20212346", "SD Dua", "SD", "Swasta", "Cibinong"],
    ]
    if format == "xlsx":
        data = xlsx(*rows)
    else:
        data = "\n".join(",".join(map(str, r)) for r in rows).encode()
    berkas, baris = baca_berkas(data, "sekolah")
    satu = list(baris)
    assert berkas == periksa_berkas(data, "sekolah") and satu == semua(data, "sekolah")
    assert [n for n, _ in satu] == [4, 6] and satu[1][1]["kecamatan"] == "Cibinong"


def test_a_wrong_sheet_dimension_cuts_nothing_off():
    data = xlsx(SEKOLAH, *[[f"2021{n:04d}", f"SD {n}", "SD", "Negeri"] for n in range(30)])
    with zipfile.ZipFile(io.BytesIO(data)) as arsip:
        isi = {nama: arsip.read(nama) for nama in arsip.namelist()}
    lembar = "xl/worksheets/sheet1.xml"
    isi[lembar] = isi[lembar].replace(b'<dimension ref="A1:F31" />', b'<dimension ref="A1:B2" />')
    assert b'ref="A1:B2"' in isi[lembar]
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as arsip:
        for nama, bagian in isi.items():
            arsip.writestr(nama, bagian)
    rows = semua(keluaran.getvalue(), "sekolah")
    assert len(rows) == 30 and rows[-1][1]["status"] == "Negeri"


@pytest.mark.parametrize(
    ("jenis", "format"), [(j, f) for j in ("sekolah", "pegawai") for f in ("csv", "xlsx")]
)
def test_the_templates_read_back_and_their_example_passes(jenis, format):
    data, _ = templat(jenis, format)
    berkas = periksa_berkas(data, jenis)
    assert berkas.format == format and berkas.diabaikan == ()
    [(nomor, sel)] = list(baca_baris(data, berkas))
    pemeriksa = Pemeriksa(jenis, berkas.judul, ADA, dt.date.today())
    assert nomor == 2 and pemeriksa.periksa(nomor, sel)[1] == []


# --- Row rules -------------------------------------------------------------------------------

ADA = DataAda(
    sekolah={"20212345": (1, True, "SD Negeri 1 Contoh"), "20254321": (2, False, "SMP Tutup")},
    golongan={"III/a": "PNS", "III/c": "PNS", "IV/a": "PNS", "IX": "PPPK"},
    nip={"197811202003122002": Pemilik(7, "Sri Wahyuni", "197811202003122002", "1234567890123451")},
    nuptk={
        "1234567890123451": Pemilik(7, "Sri Wahyuni", "197811202003122002", "1234567890123451"),
        "1234567890123460": Pemilik(8, "Honorer Lama", None, "1234567890123460"),
    },
    email={"sri@contoh.sch.id": Pemilik(7, "Sri Wahyuni", "197811202003122002", None)},
)
JUDUL_PEGAWAI = {
    k: v
    for k, v in zip(
        (
            "nama",
            "nip",
            "nuptk",
            "status_kepegawaian",
            "jenis_ptk",
            "pangkat_golongan",
            "jabatan_fungsional",
            "email",
            "telepon",
            "npsn",
        ),
        PEGAWAI,
        strict=True,
    )
}
BAIK = {
    "nama": "Rina Marlina",
    "nip": "198503122010012001",
    "nuptk": "",
    "status_kepegawaian": "PNS",
    "jenis_ptk": "Guru Kelas",
    "pangkat_golongan": "III/c",
    "jabatan_fungsional": "Guru Ahli Muda",
    "email": "",
    "telepon": "",
    "npsn": "20212345",
}


def pegawai(*rows: dict[str, str]) -> list[tuple[dict[str, Any] | None, list[dict[str, Any]]]]:
    pemeriksa = Pemeriksa("pegawai", JUDUL_PEGAWAI, ADA, HARI)
    return [pemeriksa.periksa(n, {**BAIK, **row}) for n, row in enumerate(rows, start=2)]


def pesan(hasil: tuple[Any, list[dict[str, Any]]]) -> list[tuple[str, str]]:
    return [(e["kolom"], e["pesan"]) for e in hasil[1]]


def sekolah(*rows: dict[str, str]) -> list[tuple[Any, list[dict[str, Any]]]]:
    pemeriksa = Pemeriksa("sekolah", {"nama": "Nama Sekolah"}, DataAda(), HARI)
    baik = {"npsn": "20212345", "nama": "SD Satu", "jenjang": "SD", "status": "Negeri"}
    return [pemeriksa.periksa(n, {**baik, **row}) for n, row in enumerate(rows, start=2)]


def test_a_good_pegawai_row_is_normalised():
    [(data, errors)] = pegawai(
        {"nip": "19850312 201001 2 001", "email": " Rina@Contoh.SCH.id", "telepon": "81234567890"}
    )
    assert errors == []
    assert data == {
        "nama": "Rina Marlina",
        "nip": "198503122010012001",
        "nuptk": None,
        "email": "rina@contoh.sch.id",
        "telepon": "081234567890",
        "status_kepegawaian": "PNS",
        "jenjang_jabatan": "Ahli Muda",
        "pangkat_golongan": "III/c",
        "npsn": "20212345",
        "peran": ["guru"],
    }


@pytest.mark.parametrize(
    ("nilai", "status"),
    [
        ("PNS", "PNS"),
        ("PNS Diperbantukan", "PNS"),
        ("CPNS", "PNS"),
        ("PPPK", "PPPK"),
        ("Honor Daerah TK.II Kab/Kota", "non-ASN"),
        ("GTY/PTY", "non-ASN"),
        ("Guru Honor Sekolah", "non-ASN"),
        ("", None),
        ("-", None),
    ],
)
def test_status_kepegawaian(nilai, status):
    row = {"status_kepegawaian": nilai, "pangkat_golongan": "", "jabatan_fungsional": ""}
    [(data, errors)] = pegawai(row)
    assert errors == [] and data["status_kepegawaian"] == status


@pytest.mark.parametrize(
    ("nilai", "peran"),
    [
        ("Guru Kelas", ["guru"]),
        ("Guru Mapel", ["guru"]),
        ("Kepala Sekolah", ["guru"]),
        ("Pengawas Sekolah", ["pengawas"]),
        ("Tenaga Administrasi Sekolah", []),
        ("", None),
    ],
)
def test_jenis_ptk_gives_only_the_roles_an_import_manages(nilai, peran):
    [(data, _)] = pegawai({"jenis_ptk": nilai})
    assert data["peran"] == peran


@pytest.mark.parametrize(
    ("nilai", "jenjang"),
    [
        ("Guru Ahli Muda", "Ahli Muda"),
        ("guru ahli pertama", "Ahli Pertama"),
        ("Guru Muda", "Ahli Muda"),
        ("Pengawas Sekolah Ahli Madya", "Ahli Madya"),
        ("-", None),
    ],
)
def test_jabatan_fungsional(nilai, jenjang):
    [(data, errors)] = pegawai({"jabatan_fungsional": nilai})
    assert errors == [] and data["jenjang_jabatan"] == jenjang


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("III/c", "III/c"),
        ("iii/C", "III/c"),
        ("III c", "III/c"),
        ("Penata, III/c", "III/c"),
        ("-", None),
    ],
)
def test_golongan_is_normalised(nilai, kode):
    [(data, errors)] = pegawai({"pangkat_golongan": nilai})
    assert errors == [] and data["pangkat_golongan"] == kode


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            {"nip": "", "nuptk": "", "status_kepegawaian": "Honor", "pangkat_golongan": ""},
            [("NIP", "Isi NIP atau NUPTK.")],
        ),
        ({"nip": "", "nuptk": "1234567890123470"}, [("NIP", "NIP wajib diisi untuk PNS.")]),
        (
            {"nip": "198513122010012001"},
            [("NIP", "NIP: tanggal lahir (angka ke-1 s.d. 8) bukan tanggal yang ada.")],
        ),
        (
            {"nip": "1.98503122010012E+17"},
            [
                (
                    "NIP",
                    "NIP tersimpan sebagai angka (1.98503122010012E+17) sehingga angka "
                    "belakangnya hilang. Format kolom NIP sebagai Teks di Excel, lalu isi ulang.",
                )
            ],
        ),
        ({"nuptk": "123"}, [("NUPTK", "NUPTK harus 16 angka.")]),
        ({"email": "bukan-email"}, [("Email", "Alamat e-mail tidak valid.")]),
        ({"telepon": "0812" * 10}, [("HP", "HP paling banyak 30 karakter.")]),
        ({"nama": ""}, [("Nama", "Nama wajib diisi.")]),
        (
            {"pangkat_golongan": "III/z"},
            [
                (
                    "Pangkat/Golongan",
                    "Pangkat/Golongan 'III/z' tidak dikenal; tulis seperti III/c "
                    "(PNS) atau IX (PPPK).",
                )
            ],
        ),
        (
            {"pangkat_golongan": "IX"},
            [("Pangkat/Golongan", "Golongan IX untuk PPPK, padahal status kepegawaiannya PNS.")],
        ),
        (
            {"status_kepegawaian": "GTY/PTY", "nip": "", "nuptk": "1234567890123470"},
            [
                (
                    "Pangkat/Golongan",
                    "Pegawai non-ASN tidak memiliki pangkat/golongan; kosongkan kolom ini.",
                )
            ],
        ),
        (
            {"jabatan_fungsional": "Operator"},
            [
                (
                    "Jabatan Fungsional",
                    "Jabatan fungsional 'Operator' tidak dikenali; tulis misalnya "
                    "'Guru Ahli Muda', atau kosongkan.",
                )
            ],
        ),
        ({"npsn": ""}, [("NPSN", "NPSN sekolah tempat tugas wajib diisi.")]),
        ({"npsn": "2021234"}, [("NPSN", "NPSN harus 8 angka.")]),
        (
            {"npsn": "20999999"},
            [
                (
                    "NPSN",
                    "Tidak ada sekolah dengan NPSN 20999999 di dinas ini; impor sekolahnya "
                    "lebih dulu.",
                )
            ],
        ),
        ({"npsn": "20254321"}, [("NPSN", "SMP Tutup (NPSN 20254321) sudah nonaktif.")]),
        (
            {"nuptk": "1234567890123451"},
            [
                (
                    "NUPTK",
                    "NUPTK 1234567890123451 sudah dipakai Sri Wahyuni (NIP 197811202003122002).",
                )
            ],
        ),
        (
            {"email": "SRI@contoh.sch.id"},
            [
                (
                    "Email",
                    "Email sri@contoh.sch.id sudah dipakai Sri Wahyuni (NIP 197811202003122002).",
                )
            ],
        ),
    ],
)
def test_each_pegawai_rule_names_row_column_and_problem(row, expected):
    [(data, errors)] = pegawai(row)
    assert data is None and [e["baris"] for e in errors] == [2] * len(expected)
    assert [(e["kolom"], e["pesan"]) for e in errors] == expected


def test_updating_an_existing_pegawai_is_no_clash():
    [(data, errors)] = pegawai(
        {
            "nip": "197811202003122002",
            "nuptk": "1234567890123451",
            "email": "sri@contoh.sch.id",
            "pangkat_golongan": "IV/a",
        }
    )
    assert errors == [] and data["nip"] == "197811202003122002"


def test_a_nuptk_holder_without_nip_gets_the_nip_of_the_row():
    [(data, errors)] = pegawai(
        {
            "nip": "199303032023212002",
            "nuptk": "1234567890123460",
            "status_kepegawaian": "PPPK",
            "pangkat_golongan": "IX",
        }
    )
    assert errors == [] and data["nuptk"] == "1234567890123460"


def test_duplicates_in_the_file_are_errors_on_the_later_row():
    first, second, third = pegawai(
        {"email": "rina@contoh.sch.id", "nuptk": "1234567890123470"},
        {"nama": "Kembar", "email": "RINA@contoh.sch.id", "nuptk": "1234567890123470"},
        {"nama": "Lain", "nip": "199001012015032001"},
    )
    assert first[1] == [] and third[1] == []
    assert pesan(second) == [
        ("NIP", "NIP 198503122010012001 sudah ada di baris 2."),
        ("NUPTK", "NUPTK 1234567890123470 sudah ada di baris 2."),
        ("Email", "Email rina@contoh.sch.id sudah ada di baris 2."),
    ]


def test_two_rows_updating_the_same_pegawai():
    _, second = pegawai(
        {"nip": "197811202003122002", "pangkat_golongan": "IV/a"},
        {"nip": "", "nuptk": "1234567890123460", "status_kepegawaian": ""},
    )
    assert second[1] == []
    _, clash = pegawai(
        {"nip": "", "nuptk": "1234567890123460", "status_kepegawaian": ""},
        {
            "nip": "199303032023212002",
            "nuptk": "1234567890123460",
            "status_kepegawaian": "PPPK",
            "pangkat_golongan": "IX",
        },
    )
    assert pesan(clash) == [
        ("NUPTK", "NUPTK 1234567890123460 sudah ada di baris 2."),
        ("NIP", "Baris ini dan baris 2 sama-sama mengubah data Honorer Lama."),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"npsn": "2021234"}, [("NPSN", "NPSN harus 8 angka.")]),
        ({"npsn": ""}, [("NPSN", "NPSN wajib diisi.")]),
        ({"nama": ""}, [("Nama Sekolah", "Nama Sekolah wajib diisi.")]),
        (
            {"jenjang": "MI"},
            [
                (
                    "Bentuk Pendidikan",
                    "Bentuk Pendidikan 'MI' tidak dikenal; pakai SD, SMP, SMA, "
                    "SMK, SLB, TK, atau KB/TPA/SPS (PAUD).",
                )
            ],
        ),
        (
            {"status": "Swasta Nasional"},
            [
                (
                    "Status Sekolah",
                    "Status Sekolah 'Swasta Nasional' tidak dikenal; pakai Negeri atau Swasta.",
                )
            ],
        ),
        (
            {"jenjang": "", "status": "-"},
            [
                ("Bentuk Pendidikan", "Bentuk Pendidikan wajib diisi."),
                ("Status Sekolah", "Status Sekolah wajib diisi."),
            ],
        ),
        (
            {"npsn": "2.0212345E+7"},
            [
                (
                    "NPSN",
                    "NPSN tersimpan sebagai angka (2.0212345E+7) sehingga angka belakangnya "
                    "hilang. Format kolom NPSN sebagai Teks di Excel, lalu isi ulang.",
                )
            ],
        ),
    ],
)
def test_each_school_rule(row, expected):
    [(data, errors)] = sekolah(row)
    assert data is None and pesan((data, errors)) == expected


@pytest.mark.parametrize(
    ("bentuk", "jenjang"),
    [
        ("SD", "SD"),
        ("smp", "SMP"),
        ("SMK", "SMK"),
        ("SDLB", "SLB"),
        ("TK", "TK"),
        ("KB", "PAUD"),
        ("TPA", "PAUD"),
        ("SPS", "PAUD"),
    ],
)
def test_bentuk_pendidikan(bentuk, jenjang):
    [(data, errors)] = sekolah({"jenjang": bentuk, "status": "swasta"})
    assert errors == [] and data["jenjang"] == jenjang and data["status"] == "swasta"


def test_a_repeated_npsn_is_an_error_on_the_later_row():
    first, second = sekolah({}, {"nama": "SD Satu Lagi", "npsn": "20212345.0"})
    assert first[1] == []
    assert pesan(second) == [("NPSN", "NPSN 20212345 sudah ada di baris 2.")]
    assert first[0] == {
        "npsn": "20212345",
        "nama": "SD Satu",
        "jenjang": "SD",
        "status": "negeri",
        "kecamatan": None,
        "alamat": None,
    }
