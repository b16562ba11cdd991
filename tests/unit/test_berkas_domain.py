"""Which evidence files are accepted and how their names and sizes are written: tables of cases,
no app, no database."""

from __future__ import annotations

import pytest

from web.domain.berkas import (
    AKHIRAN,
    PERLU_DIBACA,
    UKURAN_MAKSIMAL,
    jenis_dari_isi,
    nama_aman,
    nama_unduhan,
    pesan_ditolak,
    tulis_ukuran,
)


@pytest.mark.parametrize(
    ("awal", "jenis"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "application/pdf"),
        (b"%PDF-2.0", "application/pdf"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\xff\xd8\xff\xe1\x00\x18Exif", "image/jpeg"),  # straight from a phone camera
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
        (b"", None),
        (b"%PDF", None),  # cut before the dash: not enough to tell
        (b" %PDF-1.4", None),  # the signature must come first
        (b"Kurikulum sekolah.pdf", None),  # text, whatever the name says
        (b"PK\x03\x04", None),  # a .docx or .zip
        (b"GIF89a", None),
        (b"\x89PNG\r\n\x1a", None),  # a truncated PNG signature
        (b"<html><body>", None),
        (b"MZ\x90\x00", None),  # a Windows program renamed .jpg
    ],
)
def test_type_comes_from_the_first_bytes(awal: bytes, jenis: str | None) -> None:
    assert jenis_dari_isi(awal) == jenis


def test_enough_bytes_are_read_to_tell_every_type() -> None:
    assert PERLU_DIBACA == 8  # the PNG signature is the longest
    assert set(AKHIRAN) == {"application/pdf", "image/jpeg", "image/png"}


def test_the_limit_is_the_ministrys_10_mb() -> None:
    assert UKURAN_MAKSIMAL == 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("alasan", "bagian"),
    [
        ("kosong", "Berkas kosong."),
        ("jenis", "apa pun nama berkasnya"),
        ("besar", "lebih dari 10 MB"),
        ("terputus", "tidak ada yang tersimpan"),
    ],
)
def test_each_refusal_says_why_in_indonesian(alasan: str, bagian: str) -> None:
    assert bagian in pesan_ditolak(alasan)


@pytest.mark.parametrize(
    ("nama", "aman"),
    [
        ("Sertifikat PGP.pdf", "Sertifikat PGP.pdf"),
        ("C:\\Users\\Guru\\Desktop\\sk tugas.pdf", "sk tugas.pdf"),  # old browsers send paths
        ("/home/guru/foto.jpg", "foto.jpg"),
        ("../../etc/passwd", "passwd"),
        ("laporan\r\nakhir.pdf", "laporanakhir.pdf"),
        ("  spasi.png  ", "spasi.png"),
        ("", "berkas"),
        (None, "berkas"),
        ("folder/", "berkas"),
        ("a" * 300 + ".pdf", "a" * 200),
        ("Ñandú — ijazah.pdf", "Ñandú — ijazah.pdf"),
    ],
)
def test_the_listed_name_is_the_last_part_and_printable(nama: str | None, aman: str) -> None:
    assert nama_aman(nama) == aman


@pytest.mark.parametrize(
    ("nama", "jenis", "unduhan"),
    [
        ("kosp.pdf", "application/pdf", "kosp.pdf"),
        ("KOSP.PDF", "application/pdf", "KOSP.PDF"),
        ("kosp", "application/pdf", "kosp.pdf"),
        ("foto.jpeg", "image/jpeg", "foto.jpeg"),
        ("foto.jpg", "image/jpeg", "foto.jpg"),
        ("foto.pdf", "image/png", "foto.pdf.png"),  # the content decides, not the name
    ],
)
def test_the_download_name_ends_in_the_real_type(nama: str, jenis: str, unduhan: str) -> None:
    assert nama_unduhan(nama, jenis) == unduhan


@pytest.mark.parametrize(
    ("byte", "teks"),
    [
        (0, "0 KB"),
        (1, "1 KB"),
        (2_036, "2 KB"),
        (850 * 1024, "850 KB"),
        (1024 * 1024 - 1, "1 MB"),
        (1024 * 1024, "1 MB"),
        (1_258_291, "1,2 MB"),
        (10 * 1024 * 1024, "10 MB"),
    ],
)
def test_sizes_are_written_the_indonesian_way(byte: int, teks: str) -> None:
    assert tulis_ukuran(byte) == teks
