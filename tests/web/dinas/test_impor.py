"""Import of schools and pegawai from CSV/XLSX: upload → checked preview → confirm → applied,
all or nothing; malformed files refused at once; admin dinas only; one dinas never sees another's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from web.db import tenant_transaction
from web.models import Audit, Impor, ImporBaris, Pegawai, Penempatan, Sekolah
from web.models.base import hari_ini, now
from web.services.impor import MAKS_BYTE

SEKOLAH_JUDUL = [
    "No",
    "NPSN",
    "Nama Sekolah",
    "Bentuk Pendidikan",
    "Status",
    "Kecamatan",
    "Alamat Jalan",
    "Lintang",
]
SEKOLAH = [
    [1, "20100001", "SD Negeri Impor Satu", "SD", "Negeri", "Cibinong", "Jl. Satu", "-6.4"],
    [2, "20100002", "SMP Impor Dua", "SMP", "Swasta", "Citeureup", "", "-6.5"],
    [3, "20100003", "KB Impor Tiga", "KB", "Swasta", "", "Jl. Tiga", ""],
]
PEGAWAI_JUDUL = [
    "Nama",
    "NIP",
    "NUPTK",
    "Status Kepegawaian",
    "Jenis PTK",
    "Pangkat/Golongan",
    "Jabatan Fungsional",
    "E-mail",
    "HP",
    "NPSN",
    "Agama",
]
PEGAWAI = [
    [
        "Ani Lestari, S.Pd.",
        "199001012015032001",
        "",
        "PNS",
        "Guru Kelas",
        "III/b",
        "Guru Ahli Pertama",
        "ani@contoh.sch.id",
        "081200000001",
        "40000001",
        "Islam",
    ],
    [
        "Bayu Pratama, S.Pd.",
        "199202022022212001",
        "",
        "PPPK",
        "Guru Mapel",
        "IX",
        "Guru Ahli Pertama",
        "",
        "",
        "40000002",
        "Islam",
    ],
    [
        "Citra Dewi",
        "",
        "1234567890123499",
        "Guru Honor Sekolah",
        "Tenaga Administrasi Sekolah",
        "-",
        "-",
        "citra@contoh.sch.id",
        "",
        "40000001",
        "Kristen",
    ],
]


def xlsx(judul: list, baris: list, *, judul_atas: int = 0) -> bytes:
    buku = Workbook()
    lembar = buku.active
    for n in range(judul_atas):
        lembar.append([f"Daftar dari Dapodik ({n + 1})"])
    lembar.append(judul)
    for sel in baris:
        lembar.append(sel)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def csv_bytes(judul: list, baris: list, *, pemisah: str = ",", bom: bool = False) -> bytes:
    keluaran = io.StringIO(newline="")
    tulis = csv.writer(keluaran, delimiter=pemisah, lineterminator="\r\n")
    tulis.writerow(judul)
    tulis.writerows(baris)
    return keluaran.getvalue().encode("utf-8-sig" if bom else "utf-8")


def unggah(client, jenis: str, data: bytes, nama: str = "data.xlsx"):
    path = f"/dinas/impor/{jenis}"
    return client.post(path, {"berkas": (io.BytesIO(data), nama)}, csrf_from=path)


def tunggu(client, url: str):
    """Poll the status page until the background job is done (bounded, never a blind sleep)."""
    for _ in range(600):
        page = client.get(url)
        body = page.get_data(as_text=True)
        if 'hx-trigger="every 2s"' not in body:
            return page
        time.sleep(0.05)
    raise AssertionError(f"impor {url} tidak selesai: {body}")


def impor_dan_pratinjau(client, jenis: str, data: bytes, nama: str = "data.xlsx") -> tuple:
    response = unggah(client, jenis, data, nama)
    assert response.status_code == 303, response.get_data(as_text=True)
    url = response.headers["Location"]
    assert re.fullmatch(r"/dinas/impor/\d+", url)
    return url, tunggu(client, url).get_data(as_text=True)


def terapkan(client, url: str) -> str:
    response = client.post(f"{url}/terapkan", csrf_from=url)
    assert response.status_code == 303 and response.headers["Location"] == url
    return tunggu(client, url).get_data(as_text=True)


def penyimpanan(app, schema: str) -> list[Path]:
    folder = Path(app.extensions["storage"].root) / schema / "impor"
    return sorted(folder.glob("*")) if folder.exists() else []


@pytest.fixture
def admin(lengkap, masuk):
    return masuk(lengkap, lengkap.admin)


def test_schools_from_xlsx_preview_then_apply(app, admin, lengkap):
    schema = lengkap.dinas.schema
    url, page = impor_dan_pratinjau(admin, "sekolah", xlsx(SEKOLAH_JUDUL, SEKOLAH, judul_atas=2))
    assert "Berkas siap diterapkan" in page
    assert "3 sekolah baru" in page and "0 diperbarui" in page
    assert "Kolom diabaikan: No, Lintang." in page
    with tenant_transaction(schema):
        assert Sekolah.select().count() == 2  # nothing changes before the confirmation
        assert ImporBaris.select().count() == 3
    assert len(penyimpanan(app, schema)) == 1

    page = terapkan(admin, url)
    assert "Impor selesai" in page and "3 sekolah baru" in page
    with tenant_transaction(schema):
        kb = Sekolah.get(Sekolah.npsn == "20100003")
        assert (kb.nama, kb.jenjang, kb.status, kb.alamat) == (
            "KB Impor Tiga",
            "PAUD",
            "swasta",
            "Jl. Tiga",
        )
        smp = Sekolah.get(Sekolah.npsn == "20100002")
        assert (smp.kecamatan, smp.alamat) == ("Citeureup", "")
        entries = Audit.select().where(Audit.objek == "sekolah", Audit.aksi == "impor")
        imported = Sekolah.select().where(Sekolah.npsn.startswith("201000"))
        assert {e.objek_id for e in entries} == {s.id for s in imported}
        assert all(e.sebelum is None and e.pelaku_nama == "Admin Dinas" for e in entries)
        assert {e.sesudah["npsn"] for e in entries} == {"20100001", "20100002", "20100003"}
        assert ImporBaris.select().count() == 0
        impor = Impor.get()
        assert impor.status == "diterapkan" and impor.diterapkan is not None
        assert impor.ringkasan["baru"] == 3 and impor.kunci_berkas is None
    assert penyimpanan(app, schema) == []  # the upload is dropped once applied

    listing = admin.get("/dinas/impor/sekolah").get_data(as_text=True)
    assert "data.xlsx" in listing and "Sudah diterapkan" in listing


def test_reimport_updates_schools_instead_of_duplicating(admin, lengkap):
    url, _ = impor_dan_pratinjau(admin, "sekolah", csv_bytes(SEKOLAH_JUDUL, SEKOLAH))
    terapkan(admin, url)
    ubah = [list(r) for r in SEKOLAH]
    ubah[0][2] = "SD Negeri Impor Satu Baru"
    ubah[1][6] = ""  # an empty cell keeps what the dinas has
    ubah.append([4, "40000001", "SD Negeri Satu", "SD", "Negeri", "Cibinong", "Jl. Lama", ""])
    url, page = impor_dan_pratinjau(admin, "sekolah", csv_bytes(SEKOLAH_JUDUL, ubah), "b.csv")
    assert "0 sekolah baru" in page and "2 diperbarui" in page and "2 tanpa perubahan" in page
    terapkan(admin, url)
    with tenant_transaction(lengkap.dinas.schema):
        assert Sekolah.select().count() == 5
        satu = Sekolah.get(Sekolah.npsn == "20100001")
        assert satu.nama == "SD Negeri Impor Satu Baru"
        lama = Sekolah.get(Sekolah.npsn == "40000001")
        assert lama.alamat == "Jl. Lama" and lama.nama == "SD Negeri Satu"
        entry = Audit.get(
            Audit.objek == "sekolah", Audit.objek_id == satu.id, Audit.sebelum.is_null(False)
        )
        assert entry.sebelum["nama"] == "SD Negeri Impor Satu"
        assert entry.sesudah["nama"] == "SD Negeri Impor Satu Baru"


def test_pegawai_from_semicolon_csv_with_bom(admin, lengkap):
    schema = lengkap.dinas.schema
    data = csv_bytes(PEGAWAI_JUDUL, PEGAWAI, pemisah=";", bom=True)
    url, page = impor_dan_pratinjau(admin, "pegawai", data, "ptk.csv")
    assert "3 pegawai baru" in page and "Kolom diabaikan: Agama." in page
    page = terapkan(admin, url)
    assert "Impor selesai" in page
    with tenant_transaction(schema):
        ani = Pegawai.get(Pegawai.nip == "199001012015032001")
        assert (ani.status_kepegawaian, ani.pangkat_golongan, ani.jenjang_jabatan) == (
            "PNS",
            "III/b",
            "Ahli Pertama",
        )
        assert ani.peran == ["guru"] and ani.sekolah_id == lengkap.sd
        assert ani.email == "ani@contoh.sch.id" and ani.telepon == "081200000001"
        bayu = Pegawai.get(Pegawai.nip == "199202022022212001")
        assert (bayu.status_kepegawaian, bayu.pangkat_golongan) == ("PPPK", "IX")
        assert bayu.sekolah_id == lengkap.smp
        citra = Pegawai.get(Pegawai.nuptk == "1234567890123499")
        assert citra.nip is None and citra.status_kepegawaian == "non-ASN"
        assert citra.peran == [] and citra.pangkat_golongan is None
        for orang in (ani, bayu, citra):
            placement = Penempatan.get(Penempatan.pegawai == orang)
            assert placement.sekolah_id == orang.sekolah_id
            assert placement.mulai == hari_ini() and placement.selesai is None
            assert Audit.get(Audit.objek == "pegawai", Audit.objek_id == orang.id).aksi == "impor"
            entry = Audit.get(Audit.objek == "penempatan", Audit.objek_id == placement.id)
            assert entry.aksi == "impor" and entry.sesudah["pegawai"] == orang.id
    history = admin.get(f"/dinas/riwayat/pegawai/{ani.id}").get_data(as_text=True)
    assert "impor" in history


def test_a_pegawai_moving_school_by_import_keeps_history(admin, lengkap):
    schema = lengkap.dinas.schema
    guru = lengkap.guru_sd  # NIP 198503122010012001 at SD since 2024, placed by the fixture
    baris = [
        [
            "Guru SD",
            "198503122010012001",
            "",
            "PNS",
            "Guru Mapel",
            "III/c",
            "Guru Ahli Muda",
            "",
            "",
            "40000002",
            "",
        ]
    ]
    url, page = impor_dan_pratinjau(admin, "pegawai", xlsx(PEGAWAI_JUDUL, baris))
    assert "0 pegawai baru" in page and "1 diperbarui" in page and "1 pindah sekolah" in page
    terapkan(admin, url)
    with tenant_transaction(schema):
        pegawai = Pegawai.get_by_id(guru.id)
        assert pegawai.sekolah_id == lengkap.smp and pegawai.pangkat_golongan == "III/c"
        assert pegawai.peran == ["guru"] and pegawai.nama == "Guru SD"
        placements = list(
            Penempatan.select().where(Penempatan.pegawai == guru.id).order_by(Penempatan.mulai)
        )
        assert [(p.sekolah_id, p.selesai) for p in placements] == [
            (lengkap.sd, hari_ini()),
            (lengkap.smp, None),
        ]
        moved = Audit.select().where(Audit.objek == "penempatan", Audit.aksi == "impor")
        closed, opened = sorted(moved, key=lambda e: e.sebelum is None)
        assert closed.sebelum["selesai"] is None
        assert closed.sesudah["selesai"] == hari_ini().isoformat()
        assert opened.sebelum is None and opened.sesudah["sekolah"] == lengkap.smp
        assert (
            Audit.get(
                Audit.objek == "pegawai", Audit.objek_id == guru.id, Audit.aksi == "impor"
            ).sebelum["sekolah"]
            == lengkap.sd
        )
    page = admin.get(f"/dinas/pegawai/{guru.id}").get_data(as_text=True)
    assert "SMP Negeri Dua" in page and "SD Negeri Satu" in page


def test_reimport_of_pegawai_updates_and_keeps_other_roles(admin, lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        sebelum = Pegawai.select().count()
    url, _ = impor_dan_pratinjau(admin, "pegawai", csv_bytes(PEGAWAI_JUDUL, PEGAWAI))
    terapkan(admin, url)
    with tenant_transaction(schema):
        ani = Pegawai.get(Pegawai.nip == "199001012015032001")
        ani.peran = ["guru", "admin_dinas"]
        ani.save()
    ubah = [list(r) for r in PEGAWAI]
    ubah[0][0] = "Ani Lestari, S.Pd., M.Pd."
    ubah[0][7] = ""  # e-mail left empty: kept
    # Citra is appointed PPPK: her NIP is added to the record found by her NUPTK.
    ubah[2][1:7] = [
        "199303032023212002",
        "1234567890123499",
        "PPPK",
        "Guru Kelas",
        "IX",
        "Guru Ahli Pertama",
    ]
    url, page = impor_dan_pratinjau(admin, "pegawai", csv_bytes(PEGAWAI_JUDUL, ubah))
    assert "0 pegawai baru" in page and "2 diperbarui" in page and "1 tanpa perubahan" in page
    terapkan(admin, url)
    with tenant_transaction(schema):
        assert Pegawai.select().count() == sebelum + 3
        ani = Pegawai.get(Pegawai.nip == "199001012015032001")
        assert ani.nama.endswith("M.Pd.") and ani.email == "ani@contoh.sch.id"
        assert set(ani.peran) == {"guru", "admin_dinas"}
        citra = Pegawai.get(Pegawai.nuptk == "1234567890123499")
        assert citra.nip == "199303032023212002" and citra.peran == ["guru"]
        assert Penempatan.select().where(Penempatan.pegawai == citra).count() == 1


def test_bad_rows_reject_the_whole_file_and_list_every_error(app, admin, lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        Pegawai.update(nuptk="1234567890123451").where(Pegawai.id == lengkap.ks_sd.id).execute()
        sebelum = Pegawai.select().count()
    baris = [
        PEGAWAI[0],
        ["Tanpa Nomor", "", "", "Honor Daerah", "Guru Kelas", "", "", "", "", "40000001", ""],
        ["PNS Tanpa NIP", "", "1234567890123400", "PNS", "Guru", "", "", "", "", "40000001", ""],
        ["Nip Salah", "199013012015032001", "", "PNS", "Guru", "III/z", "", "", "", "49999999", ""],
        [
            "Kembar",
            "199001012015032001",
            "",
            "PNS",
            "Guru",
            "",
            "",
            "ani@contoh.sch.id",
            "",
            "40000001",
            "",
        ],
        ["Pakai NUPTK orang", "", "1234567890123451", "", "Guru", "", "", "", "", "40000001", ""],
    ]
    url, page = impor_dan_pratinjau(admin, "pegawai", xlsx(PEGAWAI_JUDUL, baris, judul_atas=1))
    assert "Berkas belum dapat diterapkan" in page
    expected = [
        # row 1 is a title, row 2 the header, row 3 Ani's (good) row
        ("4", "NIP", "Isi NIP atau NUPTK."),
        ("5", "NIP", "NIP wajib diisi untuk PNS."),
        ("6", "NIP", "NIP: tanggal lahir (angka ke-1 s.d. 8) bukan tanggal yang ada."),
        ("6", "Pangkat/Golongan", "Pangkat/Golongan &#39;III/z&#39; tidak dikenal"),
        ("6", "NPSN", "Tidak ada sekolah dengan NPSN 49999999 di dinas ini"),
        ("7", "NIP", "NIP 199001012015032001 sudah ada di baris 3."),
        ("7", "E-mail", "E-mail ani@contoh.sch.id sudah ada di baris 3."),
        ("8", "NUPTK", "NUPTK 1234567890123451 sudah dipakai KS SD (NIP 197811202003122002)."),
    ]
    for nomor, kolom, pesan in expected:
        assert re.search(
            rf"<td>{nomor}</td><td>{re.escape(kolom)}</td><td>{re.escape(pesan)}", page
        ), (nomor, kolom, pesan)
    with tenant_transaction(schema):
        assert Pegawai.select().count() == sebelum
        assert ImporBaris.select().count() == 0
        assert Impor.get().status == "ditolak"
    assert penyimpanan(app, schema) == []
    unduhan = admin.get(f"{url}/kesalahan.csv")
    assert unduhan.status_code == 200 and unduhan.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(unduhan.get_data().decode("utf-8-sig"))))
    assert rows[0] == ["Baris", "Kolom", "Pesan"] and len(rows) == 1 + 8
    assert ["5", "NIP", "NIP wajib diisi untuk PNS."] in rows
    assert "attachment" in unduhan.headers["Content-Disposition"]


def test_many_errors_are_paged(admin, lengkap):
    baris = [[n, f"9{n:07d}", "", "SD", "Negeri", "", "", ""] for n in range(150)]
    url, page = impor_dan_pratinjau(admin, "sekolah", csv_bytes(SEKOLAH_JUDUL, baris))
    assert "Ada 150 kesalahan di 150 baris" in page and "Halaman 1 dari 2" in page
    assert "<td>101</td>" in page and "<td>102</td>" not in page
    second = admin.get(f"{url}?halaman=2").get_data(as_text=True)
    assert "<td>102</td>" in second and "<td>151</td>" in second
    with tenant_transaction(lengkap.dinas.schema):
        assert Sekolah.select().count() == 2


def _xlsx_rusak() -> bytes:
    return b"PK\x03\x04" + b"\x00" * 200


@pytest.mark.parametrize(
    ("data", "nama", "message"),
    [
        (b"", "kosong.csv", "Berkas kosong."),
        (_xlsx_rusak(), "rusak.xlsx", "Berkas XLSX rusak atau bukan XLSX."),
        (
            "NPSN,Nama,Bentuk Pendidikan,Status\n20100001,SD Ñ,SD,Negeri\n".encode("latin-1"),
            "latin.csv",
            "Berkas bukan teks UTF-8.",
        ),
        (b"Kode,Nama\n1,Satu\n", "salah.csv", "Kolom wajib belum ada: NPSN, Bentuk Pendidikan"),
        (b"NPSN,Nama,Bentuk Pendidikan,Status\n", "judul.csv", "Berkas tidak berisi baris data"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "lama.xls", "Berkas XLS"),
        (b"x" * (MAKS_BYTE + 1), "besar.csv", "Berkas lebih dari 30 MB."),
        (b"x" * (MAKS_BYTE + 2 * 1024 * 1024), "besar-sekali.csv", "Berkas lebih dari 30 MB."),
    ],
    ids=[
        "kosong",
        "xlsx-rusak",
        "bukan-utf8",
        "kolom-salah",
        "tanpa-data",
        "xls",
        "30mb",
        "melewati-batas-permintaan",
    ],
)
def test_malformed_files_are_refused_at_once(app, admin, lengkap, data, nama, message):
    response = unggah(admin, "sekolah", data, nama)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Ada yang perlu diperbaiki" in page and message in page
    assert 'enctype="multipart/form-data"' in page
    with tenant_transaction(lengkap.dinas.schema):
        assert Impor.select().count() == 0 and Sekolah.select().count() == 2
    assert penyimpanan(app, lengkap.dinas.schema) == []


def test_no_file_and_no_token(admin):
    response = admin.post("/dinas/impor/sekolah", {}, csrf_from="/dinas/impor/sekolah")
    assert response.status_code == 422
    assert "Pilih berkas CSV atau XLSX" in response.get_data(as_text=True)
    forged = admin.post(
        "/dinas/impor/sekolah", {"berkas": (io.BytesIO(csv_bytes(SEKOLAH_JUDUL, SEKOLAH)), "a.csv")}
    )
    assert forged.status_code == 400


def test_upload_page_has_the_form_rules_and_templates(admin):
    page = admin.get("/dinas/impor/pegawai").get_data(as_text=True)
    assert '<label for="berkas">Berkas (CSV atau XLSX)</label>' in page
    assert 'type="file"' in page and 'name="berkas"' in page
    assert "/dinas/impor/templat/pegawai.xlsx" in page
    assert "/dinas/impor/templat/pegawai.csv" in page
    assert "Belum pernah ada impor pegawai." in page


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_templates_download_and_import_as_they_are(admin, lengkap, format):
    lengkap.dinas.sekolah("20212345", "SD Negeri 1 Contoh")
    for jenis in ("sekolah", "pegawai"):
        response = admin.get(f"/dinas/impor/templat/{jenis}.{format}")
        assert response.status_code == 200
        assert f"templat-impor-{jenis}.{format}" in response.headers["Content-Disposition"]
        _, page = impor_dan_pratinjau(admin, jenis, response.get_data(), f"t.{format}")
        assert "Berkas siap diterapkan" in page, page
        # The examples match records the dinas already has: the NPSN above, Guru SD's NIP.
        assert "1 diperbarui" in page


def test_cancel_drops_the_staged_rows_and_the_file(app, admin, lengkap):
    url, _ = impor_dan_pratinjau(admin, "sekolah", xlsx(SEKOLAH_JUDUL, SEKOLAH))
    response = admin.post(f"{url}/batalkan", csrf_from=url)
    assert response.status_code == 303
    assert response.headers["Location"] == "/dinas/impor/sekolah"
    page = admin.get(url).get_data(as_text=True)
    assert "dibatalkan" in page
    with tenant_transaction(lengkap.dinas.schema):
        assert ImporBaris.select().count() == 0 and Sekolah.select().count() == 2
        assert Impor.get().status == "dibatalkan"
    assert penyimpanan(app, lengkap.dinas.schema) == []
    # Applying a cancelled import does nothing.
    assert admin.post(f"{url}/terapkan", csrf_from=url).status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        assert Impor.get().status == "dibatalkan"


def test_changes_since_the_preview_are_checked_again(admin, lengkap):
    url, page = impor_dan_pratinjau(admin, "pegawai", csv_bytes(PEGAWAI_JUDUL, PEGAWAI))
    assert "3 pegawai baru" in page
    lengkap.dinas.orang("Pendatang", email="citra@contoh.sch.id")  # takes Citra's e-mail
    page = terapkan(admin, url)
    assert "Data di sistem berubah sejak berkas diperiksa" in page
    assert re.search(
        r"<td>4</td><td>E-mail</td><td>E-mail citra@contoh.sch.id sudah dipakai "
        r"Pendatang.</td>",
        page,
    )
    with tenant_transaction(lengkap.dinas.schema):
        assert Pegawai.select().where(Pegawai.nip == "199001012015032001").count() == 0
        assert ImporBaris.select().count() == 0
        assert Audit.select().where(Audit.aksi == "impor").count() == 0


def test_status_page_while_running_refreshes_itself_and_stale_jobs_fail(admin, lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        impor = Impor.create(jenis="pegawai", nama_berkas="besar.xlsx", total=60000, diproses=12000)
    url = f"/dinas/impor/{impor.id}"
    page = admin.get(url).get_data(as_text=True)
    assert '<progress max="60000" value="12000">' in page
    assert "12.000 dari 60.000 baris" in page
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    fragment = admin.get(url, headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="status" hx-get="/dinas/impor/')
    assert 'hx-trigger="every 2s"' in body and "<h1>" not in body
    assert "HX-Request" in fragment.headers["Vary"]

    with tenant_transaction(lengkap.dinas.schema):
        Impor.update(diperbarui=now() - dt.timedelta(minutes=3)).where(
            Impor.id == impor.id
        ).execute()
    page = admin.get(url).get_data(as_text=True)
    assert "Pemeriksaan terhenti; unggah ulang berkasnya." in page
    assert "refresh" not in page and "every 2s" not in page
    with tenant_transaction(lengkap.dinas.schema):
        assert Impor.get_by_id(impor.id).status == "gagal"


@pytest.mark.parametrize("who", ["guru_sd", "ks_sd", "kadis"])
def test_only_the_admin_dinas_imports(lengkap, masuk, who):
    client = masuk(lengkap, getattr(lengkap, who).username)
    data = {"berkas": (io.BytesIO(csv_bytes(SEKOLAH_JUDUL, SEKOLAH)), "a.csv")}
    assert client.get("/dinas/impor/sekolah").status_code == 403
    assert client.post("/dinas/impor/sekolah", data).status_code == 403
    assert client.get("/dinas/impor/templat/pegawai.xlsx").status_code == 403
    assert client.get("/dinas/impor/1").status_code == 403
    assert client.post("/dinas/impor/1/terapkan").status_code == 403
    assert client.get("/dinas/impor/1/kesalahan.csv").status_code == 403
    with tenant_transaction(lengkap.dinas.schema):
        assert Impor.select().count() == 0


def test_another_dinas_import_is_not_found(admin, lengkap, make_tenant, browser):
    other = make_tenant("lain")
    other_admin = browser(other.host)
    other_admin.login(f"admin@{other.slug}.test")
    url, _ = impor_dan_pratinjau(other_admin, "sekolah", csv_bytes(SEKOLAH_JUDUL, SEKOLAH))
    assert admin.get(url).status_code == 404
    assert admin.get(f"{url}/kesalahan.csv").status_code == 404
    assert admin.post(f"{url}/terapkan", csrf_from="/dinas/impor/sekolah").status_code == 404
    with tenant_transaction(other.schema):
        assert Impor.get().status == "siap"
