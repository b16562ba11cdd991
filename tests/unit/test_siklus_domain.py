"""The cycle rules as tables: step order, closing per side, reopening, whose turn, points earned
in step D and reused proof."""

from __future__ import annotations

import pytest

from web.domain.siklus import (
    Capaian,
    Langkah,
    Pihak,
    Realisasi,
    SiklusDitolak,
    StatusLangkah,
    buka_ulang,
    bukti_ganda,
    capaian,
    giliran,
    langkah_sekarang,
    menunggu,
    periksa_kerjakan,
    setelah_simpan,
    tutup,
)

A, B, C, D, E = Langkah
BELUM, JALAN, SELESAI = StatusLangkah
PEGAWAI, PENILAI, PENGAMAT = Pihak


def s(**kwargs: StatusLangkah) -> dict[Langkah, StatusLangkah]:
    return {Langkah(k): v for k, v in kwargs.items()}


@pytest.mark.parametrize(
    ("langkah", "status", "menunggu_"),
    [
        (A, {}, None),
        (B, {}, A),
        (B, s(A=SELESAI), None),
        (C, s(A=SELESAI, B=JALAN), B),
        (E, s(A=SELESAI, B=SELESAI, C=SELESAI, D=SELESAI), None),
        (E, s(A=JALAN, B=SELESAI, C=SELESAI, D=SELESAI), A),  # A reopened
    ],
)
def test_menunggu(langkah, status, menunggu_):
    assert menunggu(langkah, status) == menunggu_


@pytest.mark.parametrize(
    ("langkah", "status", "pesan"),
    [
        (A, {}, None),
        (A, s(A=JALAN), None),
        (B, {}, "Selesaikan dulu langkah A sebelum langkah B."),
        (A, s(A=SELESAI), "Langkah A sudah selesai. Minta penilai membukanya kembali"),
    ],
)
def test_periksa_kerjakan(langkah, status, pesan):
    if pesan is None:
        periksa_kerjakan(langkah, status)
    else:
        with pytest.raises(SiklusDitolak) as caught:
            periksa_kerjakan(langkah, status)
        assert caught.value.message.startswith(pesan)


@pytest.mark.parametrize(("awal", "akhir"), [(BELUM, JALAN), (JALAN, JALAN), (SELESAI, SELESAI)])
def test_setelah_simpan(awal, akhir):
    assert setelah_simpan(awal) == akhir


@pytest.mark.parametrize(
    ("langkah", "status", "pelaku", "penutup", "kurang", "hasil"),
    [
        (A, s(A=JALAN), PENILAI, PENILAI, [], SELESAI),
        (A, s(A=JALAN), PEGAWAI, PENILAI, [], "Langkah A diselesaikan oleh penilai."),
        (B, s(A=SELESAI, B=JALAN), PENGAMAT, PENGAMAT, [], SELESAI),
        (B, s(A=SELESAI, B=JALAN), PENILAI, PENGAMAT, [], SELESAI),  # the penilai observes too
        (
            B,
            s(A=SELESAI, B=JALAN),
            PEGAWAI,
            PENGAMAT,
            [],
            "Langkah B diselesaikan oleh penilai atau anggota tim kerja yang mengamati.",
        ),
        (D, s(A=SELESAI, B=SELESAI, C=SELESAI, D=JALAN), PEGAWAI, PEGAWAI, [], SELESAI),
        (D, s(A=SELESAI, B=SELESAI, C=SELESAI), PENILAI, PEGAWAI, [], "Langkah D diselesaikan"),
        (A, s(A=JALAN), PENILAI, PENILAI, ["Isi kesepakatan."], "Isi kesepakatan."),
        (C, s(A=SELESAI, B=JALAN), PENILAI, PENILAI, [], "Selesaikan dulu langkah B"),
        (A, s(A=SELESAI), PENILAI, PENILAI, [], "Langkah A sudah selesai."),
    ],
)
def test_tutup(langkah, status, pelaku, penutup, kurang, hasil):
    if isinstance(hasil, StatusLangkah):
        assert tutup(langkah, status, pelaku, penutup, kurang) == hasil
    else:
        with pytest.raises(SiklusDitolak) as caught:
            tutup(langkah, status, pelaku, penutup, kurang)
        assert caught.value.message.startswith(hasil)


@pytest.mark.parametrize(
    ("status", "pelaku", "hasil"),
    [
        (s(A=SELESAI), PENILAI, JALAN),
        (s(A=SELESAI), PEGAWAI, "Hanya penilai yang dapat membuka kembali sebuah langkah."),
        (s(A=SELESAI), PENGAMAT, "Hanya penilai"),
        (s(A=JALAN), PENILAI, "Langkah A belum selesai"),
        ({}, PENILAI, "Langkah A belum selesai"),
    ],
)
def test_buka_ulang(status, pelaku, hasil):
    if isinstance(hasil, StatusLangkah):
        assert buka_ulang(A, status, pelaku) == hasil
    else:
        with pytest.raises(SiklusDitolak) as caught:
            buka_ulang(A, status, pelaku)
        assert caught.value.message.startswith(hasil)


@pytest.mark.parametrize(
    ("status", "sekarang"),
    [
        ({}, A),
        (s(A=SELESAI, B=JALAN), B),
        (s(A=SELESAI, B=SELESAI, C=SELESAI, D=SELESAI, E=SELESAI), None),
        (s(A=JALAN, B=SELESAI, C=SELESAI), A),
    ],
)
def test_langkah_sekarang(status, sekarang):
    assert langkah_sekarang(status) == sekarang


@pytest.mark.parametrize(
    ("langkah", "status", "penutup", "pegawai_selesai", "hasil"),
    [
        (A, {}, PENILAI, False, PEGAWAI),
        (A, s(A=JALAN), PENILAI, True, PENILAI),
        (B, s(A=SELESAI), PENGAMAT, False, PENGAMAT),
        (D, s(A=SELESAI, B=SELESAI, C=SELESAI), PEGAWAI, False, PEGAWAI),
        (C, s(A=SELESAI), PENILAI, False, None),  # waits for B
        (A, s(A=SELESAI), PENILAI, True, None),  # closed
    ],
)
def test_giliran(langkah, status, penutup, pegawai_selesai, hasil):
    assert giliran(langkah, status, penutup, pegawai_selesai) == hasil


POIN = {"j": 8, "o": 8, "q": 128, "b": None}


@pytest.mark.parametrize(
    ("realisasi", "hasil"),
    [
        ([], Capaian(0, 32, 32, ())),
        ([Realisasi(1, "j", True, "x")], Capaian(8, 32, 32, ())),
        ([Realisasi(1, "j", False, "x")], Capaian(0, 32, 32, ())),  # not accepted (yet)
        (
            [
                Realisasi(1, "j", True, "x"),
                Realisasi(2, "j", True, "y"),
                Realisasi(3, "o", True, "z"),
            ],
            Capaian(24, 32, 32, ()),
        ),
        ([Realisasi(1, "b", True, "x"), Realisasi(2, "b", True, "y")], Capaian(0, 32, 32, ("b",))),
        ([Realisasi(1, "q", True, "x")], Capaian(128, 32, 32, ())),
    ],
)
def test_capaian(realisasi, hasil):
    assert capaian(realisasi, POIN, 32, 32) == hasil


@pytest.mark.parametrize(("diperoleh", "kurang"), [(0, 32), (24, 8), (32, 0), (40, 0)])
def test_capaian_kurang(diperoleh, kurang):
    assert Capaian(diperoleh, 32, 32, ()).kurang == kurang


def test_bukti_ganda():
    realisasi = [
        Realisasi(1, "j", True, "aaa"),
        Realisasi(2, "o", False, "bbb"),
        Realisasi(3, "o", True, "aaa"),
        Realisasi(4, "j", True, "aaa"),
    ]
    assert bukti_ganda(realisasi) == {1: [3, 4], 3: [1, 4], 4: [1, 3]}
    assert bukti_ganda(realisasi[:2]) == {}
