"""Accountability documents and class attendance: the pegawai's list per role, uploading and
replacing a document, every refusal (empty, disguised type, too big, missing, cut off, a request
that fails after the object was stored) leaving neither an object nor a row behind, on the
local folder and on S3; and the kepala sekolah recording each guru's attendance, all or none.

The S3 runs swap an S3Storage against the S3 test server (tests/integration/conftest.py) into
the app for one test and put the local one back afterwards.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import re

import pytest

from tests.conftest import tempatkan
from tests.integration.test_skp_layanan import pengguna, rencana_lengkap
from tests.web.siklus.conftest import tersimpan
from web.db import tenant_transaction
from web.domain.berkas import UKURAN_MAKSIMAL
from web.models import Audit, Berkas, DokumenPegawai, Kehadiran
from web.services import berkas as layanan_berkas
from web.services import skp as layanan_skp
from web.storage import LocalStorage

TAHUN, SEMESTER = 2026, 2
DOKUMEN = f"/siklus/dokumen?tahun={TAHUN}&semester={SEMESTER}"
KEHADIRAN = f"/siklus/kehadiran?tahun={TAHUN}&semester={SEMESTER}"
PDF = b"%PDF-1.4\n% bukti uji\n" + b"0" * 2000 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 500


def unggah_url(kode: str) -> str:
    return f"/siklus/dokumen/{kode}?tahun={TAHUN}&semester={SEMESTER}"


def text(response) -> str:
    return response.get_data(as_text=True)


def baris_berkas(lengkap) -> list[Berkas]:
    with tenant_transaction(lengkap.dinas.schema):
        return list(Berkas.select().order_by(Berkas.id))


def dokumen_pegawai(lengkap) -> list[DokumenPegawai]:
    with tenant_transaction(lengkap.dinas.schema):
        return list(DokumenPegawai.select().order_by(DokumenPegawai.id))


def sepakati_skp(lengkap, tugas_tambahan: str = "Wali kelas 4A") -> None:
    """An agreed 2026 SKP for the guru of the SD, with or without a tugas tambahan."""
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan_skp.mulai(guru, TAHUN))
        layanan_skp.simpan(guru, skp, tugas_tambahan=tugas_tambahan)
        layanan_skp.ajukan(guru, skp)
        layanan_skp.sepakati(pengguna(schema, lengkap.ks_sd.id), skp)


def unggah(client, kode: str, data: bytes, nama: str, **kwargs):
    return client.post(
        unggah_url(kode), {f"berkas_{kode}": (io.BytesIO(data), nama)}, csrf_from=DOKUMEN, **kwargs
    )


# --- the list ----------------------------------------------------------------------------


def test_guru_sees_k3_k5_and_k4_only_with_a_tugas_tambahan(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = text(guru.get(DOKUMEN))
    assert "Semester 2 tahun 2026" in page
    assert "2 dari 2 dokumen belum ada." in page
    assert "K3 · Kurikulum Operasional Satuan Pendidikan (KOSP)" in page
    assert "<h2>K4 · SK Tugas Tambahan" not in page
    assert "hanya diminta bila SKP Anda memuat tugas tambahan" in page
    assert "K5 · Kehadiran di Kelas" in page
    assert "Belum dicatat." in page
    assert 'name="berkas_K3"' in page and 'name="berkas_K5"' not in page
    # Without a tugas tambahan there is nothing to post a K4 to.
    assert unggah(guru, "K4", PDF, "sk.pdf").status_code == 404

    sepakati_skp(lengkap)
    page = text(guru.get(DOKUMEN))
    assert "<h2>K4 · SK Tugas Tambahan" in page and 'name="berkas_K4"' in page
    assert "3 dari 3 dokumen belum ada." in page


def test_kepala_sekolah_uploads_k3_to_k6(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = text(ks.get(DOKUMEN))
    for judul in (
        "K3 · Kurikulum Operasional Satuan Pendidikan (KOSP)",
        "K4 · Perencanaan Program Sekolah (RKJM/RKS/RKAS)",
        "K5 · Pelaporan Program Sekolah",
        "K6 · Kehadiran di Sekolah",
    ):
        assert judul in page
    assert all(f'name="berkas_K{n}"' in page for n in (3, 4, 5, 6))
    assert "Kepala sekolah" in page
    # The longest list (four forms) within the budgets, as a page and as the htmx block.
    ukuran = {
        "halaman": len(gzip.compress(ks.get(DOKUMEN).get_data())),
        "blok": len(gzip.compress(ks.get(DOKUMEN, headers={"HX-Request": "true"}).get_data())),
    }
    print(f"dokumen akuntabilitas kepala sekolah, gzip: {ukuran}")
    assert ukuran["halaman"] <= 8 * 1024 and ukuran["blok"] <= 4 * 1024


def test_periods_outside_the_calendar_and_roles_not_admitted(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get(f"/siklus/dokumen?tahun={TAHUN}&semester=3").status_code == 404
    assert guru.get("/siklus/dokumen?tahun=2000&semester=1").status_code == 404
    assert guru.get(KEHADIRAN).status_code == 403
    assert unggah(guru, "K9", PDF, "x.pdf").status_code == 404
    assert unggah(guru, "K5", PDF, "x.pdf").status_code == 404  # recorded by the KS
    for who in (lengkap.admin, lengkap.kadis.username):
        client = masuk(lengkap, who)
        assert client.get(DOKUMEN).status_code == 403
        assert client.get(KEHADIRAN).status_code == 403


# --- uploading ---------------------------------------------------------------------------


def test_upload_then_replace_keeps_the_old_file(lengkap, masuk, penyimpanan):
    schema = lengkap.dinas.schema
    guru = masuk(lengkap, lengkap.guru_sd.username)

    response = unggah(guru, "K3", PDF, "KOSP SD Negeri Satu.pdf")
    assert response.status_code == 303
    assert response.headers["Location"] == (
        f"/siklus/dokumen?tahun={TAHUN}&semester={SEMESTER}&terunggah=K3#K3"
    )
    [pertama] = baris_berkas(lengkap)
    assert (pertama.pegawai_id, pertama.nama, pertama.jenis, pertama.ukuran) == (
        lengkap.guru_sd.id,
        "KOSP SD Negeri Satu.pdf",
        "application/pdf",
        len(PDF),
    )
    assert pertama.diunggah_oleh_id == lengkap.guru_sd.id
    assert pertama.kunci.startswith(f"{schema}/dokumen/")
    assert tersimpan(penyimpanan, schema) == {pertama.kunci}
    [dokumen] = dokumen_pegawai(lengkap)
    assert (dokumen.pegawai_id, dokumen.tahun, dokumen.semester, dokumen.kode) == (
        lengkap.guru_sd.id,
        TAHUN,
        SEMESTER,
        "K3",
    )
    assert dokumen.berkas_id == pertama.id
    page = text(guru.get(response.headers["Location"]))
    assert "Dokumen K3 terunggah." in page
    assert f'<a href="/bukti/{pertama.id}">KOSP SD Negeri Satu.pdf</a> (2 KB,' in page
    assert "Ganti berkas" in page

    response = unggah(guru, "K3", PNG, "foto kosp.png")
    assert response.status_code == 303
    lama, baru = baris_berkas(lengkap)
    assert lama.id == pertama.id and baru.jenis == "image/png"
    [dokumen] = dokumen_pegawai(lengkap)
    assert dokumen.berkas_id == baru.id
    assert tersimpan(penyimpanan, schema) == {lama.kunci, baru.kunci}
    page = text(guru.get(DOKUMEN))
    assert f'href="/bukti/{baru.id}">foto kosp.png</a>' in page
    assert f"/bukti/{lama.id}" not in page
    with tenant_transaction(schema):
        aksi = [a.aksi for a in Audit.select().where(Audit.objek == "dokumen_pegawai")]
    assert aksi == ["unggah dokumen", "ganti dokumen"]


LEBIH_10_MB = b"%PDF-1.7\n" + b"0" * (UKURAN_MAKSIMAL + 1 - 9)


@pytest.mark.parametrize(
    ("isi", "nama", "pesan"),
    [
        (b"", "kosong.pdf", "Berkas kosong."),
        (b"Ini hanya teks biasa, bukan PDF.\n" * 50, "kurikulum.pdf", "Berkas harus PDF, JPG"),
        (b"MZ\x90\x00" + b"\x00" * 100, "foto.jpg", "Berkas harus PDF, JPG"),
        (LEBIH_10_MB, "pindaian besar.pdf", "Berkas lebih dari 10 MB."),
        (None, "", "Pilih berkas Kurikulum Operasional Satuan Pendidikan (KOSP) (K3)"),
    ],
    ids=["kosong", "teks-bernama-pdf", "exe-bernama-jpg", "lebih-10-mb", "tanpa-berkas"],
)
def test_refused_uploads_leave_nothing_behind(lengkap, masuk, penyimpanan, isi, nama, pesan):
    assert len(LEBIH_10_MB) == UKURAN_MAKSIMAL + 1
    guru = masuk(lengkap, lengkap.guru_sd.username)
    if isi is None:  # the form sent without choosing a file
        response = guru.post(
            unggah_url("K3"), {"berkas_K3": (io.BytesIO(b""), "")}, csrf_from=DOKUMEN
        )
    else:
        response = unggah(guru, "K3", isi, nama)
    assert response.status_code == 422
    page = text(response)
    # In the error summary, linked to the field, and on the field itself.
    assert f'<li><a href="#berkas_K3">{pesan}' in page
    assert f'<span class="sr">Error:</span> {pesan}' in page
    assert "<title>Error: " in page and 'aria-invalid="true"' in page
    assert "Belum diunggah." in page
    assert baris_berkas(lengkap) == [] and dokumen_pegawai(lengkap) == []
    assert tersimpan(penyimpanan, lengkap.dinas.schema) == set()


def test_a_refusal_with_htmx_comes_back_as_the_list_with_the_error(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    response = unggah(guru, "K3", b"bukan pdf", "a.pdf", headers={"HX-Request": "true"})
    assert response.status_code == 422
    fragment = text(response)
    assert fragment.startswith('<div id="dokumen">') and "<html" not in fragment
    assert "Ada yang perlu diperbaiki" in fragment and "Berkas harus PDF, JPG" in fragment


def test_an_upload_with_htmx_answers_the_list_block(lengkap, masuk, penyimpanan):
    sepakati_skp(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    response = unggah(guru, "K4", PDF, "SK wali kelas.pdf", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    fragment = text(response)
    assert fragment.startswith('<div id="dokumen">') and "<html" not in fragment
    assert "Dokumen K4 terunggah." in fragment and "SK wali kelas.pdf" in fragment
    # Each form re-posts itself by htmx into the same block, with the progress bar.
    assert fragment.count('hx-target="#dokumen"') == 2
    assert fragment.count("<progress") == 2 and 'hx-encoding="multipart/form-data"' in fragment
    assert len(gzip.compress(response.get_data())) <= 4 * 1024
    [dokumen] = dokumen_pegawai(lengkap)
    assert dokumen.kode == "K4"
    assert len(tersimpan(penyimpanan, lengkap.dinas.schema)) == 1


def test_the_page_works_without_javascript_and_fits_the_budget(lengkap, masuk):
    sepakati_skp(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert unggah(guru, "K3", PDF, "kosp.pdf").status_code == 303
    response = guru.get(DOKUMEN)
    page = text(response)
    # Real forms: multipart POST to the document's own URL, with the CSRF token.
    forms = re.findall(r"<form class=\"unggah\" method=\"post\" action=\"([^\"]+)\"", page)
    assert forms == [
        f"/siklus/dokumen/K3?tahun={TAHUN}&amp;semester={SEMESTER}",
        f"/siklus/dokumen/K4?tahun={TAHUN}&amp;semester={SEMESTER}",
    ]
    assert page.count('enctype="multipart/form-data"') == 2
    assert page.count('name="csrf_token"') >= 2
    assert 'accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"' in page
    assert "PDF, JPG atau PNG, paling besar 10 MB." in page
    assert "<script>" not in page
    assert len(gzip.compress(response.get_data())) <= 8 * 1024


def test_a_file_over_the_request_limit_gets_the_413_page(lengkap, masuk, penyimpanan, app):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    besar = b"%PDF-1.4\n" + b"0" * app.config["MAX_CONTENT_LENGTH"]
    response = unggah(guru, "K3", besar, "sangat besar.pdf")
    assert response.status_code == 413
    page = text(response)
    assert "Berkas terlalu besar" in page and "10 MB" in page
    assert '<a href="/">' in page  # a way back
    assert baris_berkas(lengkap) == []
    assert tersimpan(penyimpanan, lengkap.dinas.schema) == set()


def test_an_upload_cut_off_mid_way_leaves_nothing(lengkap, masuk, penyimpanan):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    token = guru.csrf_token(DOKUMEN)
    batas = "----batas-uji"
    body = (
        (
            f'--{batas}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
            f'--{batas}\r\nContent-Disposition: form-data; name="berkas_K3"; filename="kosp.pdf"'
            "\r\nContent-Type: application/pdf\r\n\r\n"
        ).encode()
        + PDF * 400
        + f"\r\n--{batas}--\r\n".encode()
    )

    def kirim(isi: bytes):
        return guru.client.post(
            unggah_url("K3"),
            base_url=guru.base_url,
            input_stream=io.BytesIO(isi),
            content_length=len(body),
            content_type=f"multipart/form-data; boundary={batas}",
        )

    # The client promised the whole body, then its connection dropped after two thirds.
    assert kirim(body[: len(body) * 2 // 3]).status_code == 400
    assert baris_berkas(lengkap) == [] and dokumen_pegawai(lengkap) == []
    assert tersimpan(penyimpanan, lengkap.dinas.schema) == set()
    # The same body sent whole is a good upload: only the cut made it fail.
    assert kirim(body).status_code == 303
    assert len(baris_berkas(lengkap)) == 1


def test_a_request_failing_after_the_object_was_stored_leaves_nothing(
    lengkap, masuk, penyimpanan, monkeypatch
):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    disimpan: list[str] = []
    simpan_asli = layanan_berkas.simpan

    def simpan_lalu_gagal(*args, **kwargs):
        berkas = simpan_asli(*args, **kwargs)
        disimpan.append(berkas.kunci)
        assert penyimpanan.exists(berkas.kunci)  # the object was really there
        raise RuntimeError("database hilang setelah unggahan")

    monkeypatch.setattr(layanan_berkas, "simpan", simpan_lalu_gagal)
    response = unggah(guru, "K3", PDF, "kosp.pdf")
    assert response.status_code == 500
    assert len(disimpan) == 1 and not penyimpanan.exists(disimpan[0])
    assert baris_berkas(lengkap) == [] and dokumen_pegawai(lengkap) == []
    assert tersimpan(penyimpanan, lengkap.dinas.schema) == set()


class Terputus(io.RawIOBase):
    """A client whose connection drops mid-upload: a PDF's first bytes, more, then OSError."""

    def __init__(self, byte_baik: int) -> None:
        self.sisa = byte_baik
        self.awal = True

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if self.sisa <= 0:
            raise OSError("connection reset by peer")
        n = self.sisa if n < 0 else min(n, self.sisa)
        self.sisa -= n
        if self.awal:
            self.awal = False
            return b"%PDF-1.4"[:n]
        return b"\x01" * n


@pytest.mark.parametrize("byte_baik", [3, 300_000, 9 * 1024 * 1024], ids=["awal", "kecil", "besar"])
def test_a_stream_that_breaks_in_the_service_leaves_nothing(app, lengkap, penyimpanan, byte_baik):
    schema = lengkap.dinas.schema
    with app.app_context(), tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        with pytest.raises(layanan_berkas.BerkasError) as caught:
            layanan_berkas.simpan(
                guru, guru.pegawai, Terputus(byte_baik), "kosp.pdf", jenis_objek="dokumen"
            )
    assert "terputus" in caught.value.message
    assert baris_berkas(lengkap) == []
    assert tersimpan(penyimpanan, schema) == set()


def test_a_row_that_cannot_be_written_takes_its_object_with_it(
    app, lengkap, penyimpanan, monkeypatch
):
    schema = lengkap.dinas.schema

    def gagal(**kwargs):
        assert penyimpanan.exists(kwargs["kunci"])  # stored first, then the row
        raise RuntimeError("baris tidak dapat ditulis")

    monkeypatch.setattr(Berkas, "create", gagal)
    with app.app_context(), tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        with pytest.raises(RuntimeError):
            layanan_berkas.simpan(
                guru, guru.pegawai, io.BytesIO(PDF), "kosp.pdf", jenis_objek="dokumen"
            )
    assert tersimpan(penyimpanan, schema) == set()


def test_the_service_stores_type_size_and_hash_by_content(app, lengkap, penyimpanan):
    import hashlib

    schema = lengkap.dinas.schema
    with app.app_context(), tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        # A stream that hands over one byte at a time still has its type recognised.
        berkas = layanan_berkas.simpan(
            guru, guru.pegawai, Sedikit(PNG), "C:\\Foto\\kelas.png",
            jenis_objek="dokumen",
        )  # fmt: skip
        assert (berkas.jenis, berkas.ukuran, berkas.nama) == ("image/png", len(PNG), "kelas.png")
        assert berkas.sha256 == hashlib.sha256(PNG).hexdigest()
    with penyimpanan.open(berkas.kunci) as stored:
        assert stored.read() == PNG


class Sedikit(io.RawIOBase):
    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.data:
            return 0
        buffer[0], self.data = self.data[0], self.data[1:]
        return 1


# --- class attendance --------------------------------------------------------------------


@pytest.fixture
def guru_kedua(lengkap):
    """A second guru at the SD, so a form holds more than one row."""
    orang = lengkap.dinas.orang(
        "Guru Kedua", "guru", nip="199001012015011001", sekolah_id=lengkap.sd
    )
    tempatkan(lengkap.dinas, orang, lengkap.sd)
    return orang


def kehadiran_rows(lengkap) -> list[tuple[int, int, int, str]]:
    with tenant_transaction(lengkap.dinas.schema):
        return [
            (k.pegawai_id, k.jam_terjadwal, k.jam_hadir, k.catatan)
            for k in Kehadiran.select().order_by(Kehadiran.pegawai)
        ]


def test_kepala_sekolah_records_attendance_the_guru_sees_it(lengkap, masuk, guru_kedua):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = text(ks.get(KEHADIRAN))
    assert "Guru SD" in page and "Guru Kedua" in page
    # Neither another school's guru nor the kepala sekolah themself.
    assert "<legend>Guru SMP" not in page and "<legend>KS SD" not in page
    assert "0 dari 2 guru sudah dicatat." in page

    g1, g2 = lengkap.guru_sd.id, guru_kedua.id
    response = ks.post(
        KEHADIRAN,
        {
            f"terjadwal_{g1}": "32",
            f"hadir_{g1}": "30",
            f"catatan_{g1}": "Dua kali dinas luar.",
            f"terjadwal_{g2}": "",
            f"hadir_{g2}": "",
        },
        csrf_from=KEHADIRAN,
    )
    assert response.status_code == 303
    assert response.headers["Location"] == (
        f"/siklus/kehadiran?tahun={TAHUN}&semester={SEMESTER}&disimpan=1"
    )
    assert kehadiran_rows(lengkap) == [(g1, 32, 30, "Dua kali dinas luar.")]
    page = text(ks.get(response.headers["Location"]))
    assert "Kehadiran tersimpan." in page and "1 dari 2 guru sudah dicatat." in page
    assert f'name="hadir_{g1}" type="number" value="30"' in page

    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = text(guru.get(DOKUMEN))
    assert "hadir 30 dari 32 jam terjadwal (93,8%)" in page
    assert "Catatan: Dua kali dinas luar." in page

    # A second save updates the record; the audit trail keeps both.
    assert (
        ks.post(
            KEHADIRAN,
            {f"terjadwal_{g1}": "32", f"hadir_{g1}": "31", f"catatan_{g1}": ""},
            csrf_from=KEHADIRAN,
        ).status_code
        == 303
    )
    assert kehadiran_rows(lengkap) == [(g1, 32, 31, "")]
    with tenant_transaction(lengkap.dinas.schema):
        aksi = [a.aksi for a in Audit.select().where(Audit.objek == "kehadiran")]
    assert aksi == ["catat kehadiran", "ubah kehadiran"]


@pytest.mark.parametrize(
    ("isian", "pesan_di", "pesan"),
    [
        ({"terjadwal": "32", "hadir": "40"}, "hadir", "Guru Kedua: Jam hadir harus 0 sampai 32"),
        ({"terjadwal": "0", "hadir": "0"}, "terjadwal", "Guru Kedua: Jam terjadwal minimal 1."),
        ({"terjadwal": "32", "hadir": ""}, "hadir", "Guru Kedua: isi juga jam hadir."),
        (
            {"terjadwal": "tiga puluh", "hadir": "30"},
            "terjadwal",
            "Guru Kedua: isi jam dengan bilangan bulat",
        ),
        (
            {"terjadwal": "20000", "hadir": "30"},
            "terjadwal",
            "Guru Kedua: jam terjadwal paling banyak 1000.",
        ),
    ],
    ids=["hadir-lebih", "nol", "satu-kosong", "bukan-angka", "terlalu-besar"],
)
def test_one_bad_row_saves_nothing_and_keeps_every_input(
    lengkap, masuk, guru_kedua, isian, pesan_di, pesan
):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    g1, g2 = lengkap.guru_sd.id, guru_kedua.id
    response = ks.post(
        KEHADIRAN,
        {
            f"terjadwal_{g1}": "32",
            f"hadir_{g1}": "30",
            f"catatan_{g1}": "Baik sekali",
            f"terjadwal_{g2}": isian["terjadwal"],
            f"hadir_{g2}": isian["hadir"],
        },
        csrf_from=KEHADIRAN,
    )
    assert response.status_code == 422
    page = text(response)
    assert f'<li><a href="#{pesan_di}_{g2}">{pesan}' in page  # the summary, linked
    assert f'<span class="sr">Error:</span> {pesan}' in page  # the field
    assert "<title>Error: " in page
    assert f'value="{isian["terjadwal"]}"' in page
    assert 'value="Baik sekali"' in page and f'name="hadir_{g1}" type="number" value="30"' in page
    assert kehadiran_rows(lengkap) == []


def test_a_recorded_attendance_cannot_be_blanked(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    g1 = lengkap.guru_sd.id
    ks.post(KEHADIRAN, {f"terjadwal_{g1}": "30", f"hadir_{g1}": "30"}, csrf_from=KEHADIRAN)
    response = ks.post(KEHADIRAN, {f"terjadwal_{g1}": "", f"hadir_{g1}": ""}, csrf_from=KEHADIRAN)
    assert response.status_code == 422
    assert "tidak dapat dikosongkan" in text(response)
    assert kehadiran_rows(lengkap) == [(g1, 30, 30, "")]


def test_attendance_of_another_schools_guru_cannot_be_slipped_in(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    g1, lain = lengkap.guru_sd.id, lengkap.guru_smp.id
    response = ks.post(
        KEHADIRAN,
        {
            f"terjadwal_{g1}": "30",
            f"hadir_{g1}": "28",
            f"terjadwal_{lain}": "30",
            f"hadir_{lain}": "1",
        },
        csrf_from=KEHADIRAN,
    )
    assert response.status_code == 303
    assert kehadiran_rows(lengkap) == [(g1, 30, 28, "")]


def test_a_kepala_sekolah_whose_post_ended_sees_no_guru(lengkap, masuk):
    from web.models import Penugasan

    with tenant_transaction(lengkap.dinas.schema):
        Penugasan.update(selesai=dt.date(2025, 1, 1)).where(
            Penugasan.pegawai == lengkap.ks_sd.id
        ).execute()
    client = masuk(lengkap, lengkap.ks_sd.username)
    assert client.get(KEHADIRAN).status_code == 403  # no longer a kepala sekolah at all


def test_the_attendance_page_is_plain_html_within_budget(lengkap, masuk, guru_kedua):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    response = ks.get(KEHADIRAN)
    page = text(response)
    assert '<form method="post" novalidate>' in page and "<script>" not in page
    assert page.count('inputmode="numeric"') == 4
    assert len(gzip.compress(response.get_data())) <= 8 * 1024


def test_storage_is_local_by_default(app):
    # The S3 runs above must put the app's own store back.
    assert isinstance(app.extensions["storage"], LocalStorage)


def test_what_is_missing_names_each_document_and_semester(lengkap, masuk):
    from web.services import akuntabilitas as layanan_dokumen

    sepakati_skp(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    with tenant_transaction(lengkap.dinas.schema):
        pegawai = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id).pegawai
        kurang = layanan_dokumen.kekurangan(pegawai, TAHUN, [SEMESTER])
    assert kurang == [
        "K3 Kurikulum Operasional Satuan Pendidikan (KOSP) semester 2 belum ada.",
        "K4 SK Tugas Tambahan semester 2 belum ada.",
        "K5 Kehadiran di Kelas semester 2 (dicatat kepala sekolah) belum ada.",
    ]
    assert unggah(guru, "K3", PDF, "kosp.pdf").status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        kurang = layanan_dokumen.kekurangan(pegawai, TAHUN, [SEMESTER])
    assert [k[:2] for k in kurang] == ["K4", "K5"]
