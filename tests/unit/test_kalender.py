"""Windows as tables: the 2024 SKP window (1-31 January, extended nationally to 31 March) and
the July adjustment window, seen from days before, inside and after them."""

from __future__ import annotations

from datetime import date

import pytest

from web.domain.kalender import (
    Jendela,
    StatusJendela,
    batas,
    belum_dibuka,
    keterangan,
    perpanjang,
    sisa_hari,
    status_jendela,
    terbuka,
    terlambat,
    tulis_tanggal,
)

D = date
SKP = Jendela("skp", D(2024, 1, 1), D(2024, 1, 31))
SKP_DIPERPANJANG = Jendela("skp", D(2024, 1, 1), D(2024, 1, 31), D(2024, 3, 31))
JULI = Jendela("penyesuaian_skp", D(2024, 7, 1), D(2024, 7, 31))
SATU_HARI = Jendela("x", D(2024, 5, 2), D(2024, 5, 2))

B, T, L = StatusJendela.BELUM_DIBUKA, StatusJendela.TERBUKA, StatusJendela.TERLAMBAT


@pytest.mark.parametrize(
    ("tanggal", "teks"),
    [
        (D(2024, 3, 31), "31 Maret 2024"),
        (D(2024, 1, 1), "1 Januari 2024"),
        (D(2024, 2, 29), "29 Februari 2024"),
        (D(2024, 5, 9), "9 Mei 2024"),
        (D(2024, 8, 17), "17 Agustus 2024"),
        (D(2025, 12, 31), "31 Desember 2025"),
    ],
)
def test_tulis_tanggal(tanggal: date, teks: str) -> None:
    assert tulis_tanggal(tanggal) == teks


@pytest.mark.parametrize(
    ("jendela", "hasil"),
    [(SKP, D(2024, 1, 31)), (SKP_DIPERPANJANG, D(2024, 3, 31)), (JULI, D(2024, 7, 31))],
)
def test_batas(jendela: Jendela, hasil: date) -> None:
    assert batas(jendela) == hasil


# jendela, hari ini, status, sisa hari, terbuka, belum dibuka, terlambat
KASUS = [
    (SKP, D(2023, 12, 31), B, None, False, True, False),
    (SKP, D(2024, 1, 1), T, 31, True, False, False),
    (SKP, D(2024, 1, 27), T, 5, True, False, False),
    (SKP, D(2024, 1, 31), T, 1, True, False, False),
    (SKP, D(2024, 2, 1), L, None, False, False, True),
    (SKP, D(2024, 12, 1), L, None, False, False, True),
    (SKP_DIPERPANJANG, D(2023, 12, 31), B, None, False, True, False),
    (SKP_DIPERPANJANG, D(2024, 1, 31), T, 61, True, False, False),
    (SKP_DIPERPANJANG, D(2024, 2, 1), T, 60, True, False, False),
    (SKP_DIPERPANJANG, D(2024, 3, 31), T, 1, True, False, False),
    (SKP_DIPERPANJANG, D(2024, 4, 1), L, None, False, False, True),
    (JULI, D(2024, 6, 30), B, None, False, True, False),
    (JULI, D(2024, 7, 1), T, 31, True, False, False),
    (JULI, D(2024, 8, 1), L, None, False, False, True),
    (SATU_HARI, D(2024, 5, 1), B, None, False, True, False),
    (SATU_HARI, D(2024, 5, 2), T, 1, True, False, False),
    (SATU_HARI, D(2024, 5, 3), L, None, False, False, True),
]


@pytest.mark.parametrize(("jendela", "hari_ini", "status", "sisa", "buka", "belum", "telat"), KASUS)
def test_posisi_hari_ini(
    jendela: Jendela,
    hari_ini: date,
    status: StatusJendela,
    sisa: int | None,
    buka: bool,
    belum: bool,
    telat: bool,
) -> None:
    assert status_jendela(jendela, hari_ini) == status
    assert sisa_hari(jendela, hari_ini) == sisa
    assert terbuka(jendela, hari_ini) is buka
    assert belum_dibuka(jendela, hari_ini) is belum
    assert terlambat(jendela, hari_ini) is telat


@pytest.mark.parametrize(
    ("jendela", "hari_ini", "teks"),
    [
        (JULI, D(2024, 6, 15), "Dibuka mulai 1 Juli 2024"),
        (SKP, D(2023, 12, 31), "Dibuka mulai 1 Januari 2024"),
        (SKP, D(2024, 1, 27), "Dibuka sampai 31 Januari 2024 (5 hari lagi)"),
        (SKP, D(2024, 1, 30), "Dibuka sampai 31 Januari 2024 (2 hari lagi)"),
        (SKP, D(2024, 1, 31), "Dibuka sampai 31 Januari 2024 (hari ini hari terakhir)"),
        (
            SKP,
            D(2024, 2, 1),
            "Sudah lewat sejak 1 Februari 2024; masih dapat dikerjakan, tetapi tercatat terlambat",
        ),
        (
            SKP,
            D(2024, 3, 10),
            "Sudah lewat sejak 1 Februari 2024; masih dapat dikerjakan, tetapi tercatat terlambat",
        ),
        (
            SKP_DIPERPANJANG,
            D(2024, 3, 27),
            "Dibuka sampai 31 Maret 2024 (diperpanjang dari 31 Januari 2024; 5 hari lagi)",
        ),
        (
            SKP_DIPERPANJANG,
            D(2024, 4, 2),
            "Sudah lewat sejak 1 April 2024; masih dapat dikerjakan, tetapi tercatat terlambat",
        ),
        (
            Jendela("skp", D(2024, 1, 1), D(2024, 1, 31), D(2024, 1, 31)),
            D(2024, 1, 27),
            "Dibuka sampai 31 Januari 2024 (5 hari lagi)",
        ),
    ],
)
def test_keterangan(jendela: Jendela, hari_ini: date, teks: str) -> None:
    assert keterangan(jendela, hari_ini) == teks


@pytest.mark.parametrize(
    ("jendela", "sampai", "hasil"),
    [
        (SKP, D(2024, 3, 31), SKP_DIPERPANJANG),
        (SKP, D(2024, 1, 31), Jendela("skp", D(2024, 1, 1), D(2024, 1, 31), D(2024, 1, 31))),
        (SKP_DIPERPANJANG, D(2024, 3, 31), SKP_DIPERPANJANG),
        (
            SKP_DIPERPANJANG,
            D(2024, 4, 30),
            Jendela("skp", D(2024, 1, 1), D(2024, 1, 31), D(2024, 4, 30)),
        ),
    ],
)
def test_perpanjang(jendela: Jendela, sampai: date, hasil: Jendela) -> None:
    assert perpanjang(jendela, sampai) == hasil


@pytest.mark.parametrize(
    ("jendela", "sampai", "pesan"),
    [
        (SKP, D(2024, 1, 30), "batas saat ini sudah 31 Januari 2024"),
        (SKP_DIPERPANJANG, D(2024, 2, 15), "batas saat ini sudah 31 Maret 2024"),
        (SKP, D(2023, 12, 31), "baru dibuka 1 Januari 2024"),
    ],
)
def test_perpanjang_tidak_boleh_memperpendek(jendela: Jendela, sampai: date, pesan: str) -> None:
    with pytest.raises(ValueError, match=pesan):
        perpanjang(jendela, sampai)
    # The window itself is unchanged (frozen).
    assert batas(jendela) >= jendela.selesai


@pytest.mark.parametrize(
    ("mulai", "selesai", "diperpanjang", "pesan"),
    [
        (D(2024, 2, 1), D(2024, 1, 31), None, "tidak boleh sebelum tanggal mulai"),
        (D(2024, 1, 1), D(2024, 1, 31), D(2024, 1, 30), "tidak boleh sebelum tanggal selesai"),
    ],
)
def test_jendela_yang_mustahil_ditolak(
    mulai: date, selesai: date, diperpanjang: date | None, pesan: str
) -> None:
    with pytest.raises(ValueError, match=pesan):
        Jendela("skp", mulai, selesai, diperpanjang)
