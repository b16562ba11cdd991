"""Who is whose penilai on a date, as tables over one small dinas with a history.

The dinas (dates are the first day in, the last day out is the day before `selesai`):

- SD 10: KS Ani (2) since 1 Jan 2020. Guru Budi (1) since Jul 2015; guru Lina (13) is also
  Plt KS of SD 40 from 1 Feb 2024.
- SD 20: KS Citra (6) until 1 Oct 2024, then guru Dedi (8) Plt, then Eko (11) definitive from
  6 Jan 2025 (Dedi's Plt record was never closed). Guru Gita (5) from 1 Sep 2024.
- Fajar (4) moves from SD 10 to SD 20 on 1 Aug 2024.
- SD 30: no definitive KS; guru Hadi (7) there is its Plt from 1 Jan 2024; guru Mira (14).
- Kepala dinas Indra (9) from 1 Jan 2021 until 1 Mar 2025, then Joko (12) as Plt.
"""

from __future__ import annotations

from datetime import date

import pytest

from web.domain.penilai import (
    Jabatan,
    Penempatan,
    Penilai,
    Penugasan,
    pemegang_jabatan,
    penilai_pada,
    periksa_penugasan,
    periksa_tumpang_tindih,
    sekolah_pada,
)

KS, KADIS = Jabatan.KEPALA_SEKOLAH, Jabatan.KEPALA_DINAS
BUDI, ANI, FAJAR, GITA, CITRA, HADI, DEDI, INDRA, EKO, JOKO, LINA, MIRA = (
    1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14,
)  # fmt: skip
D = date


def tempat(pegawai: int, sekolah: int, mulai: date, selesai: date | None = None) -> Penempatan:
    return Penempatan(pegawai, sekolah, mulai, selesai)


def kepala(
    pegawai: int, sekolah: int, mulai: date, selesai: date | None = None, *, plt: bool = False
) -> Penugasan:
    return Penugasan(pegawai, KS, sekolah, mulai, selesai, plt)


def kadis(
    pegawai: int, mulai: date, selesai: date | None = None, *, plt: bool = False
) -> Penugasan:
    return Penugasan(pegawai, KADIS, None, mulai, selesai, plt)


PENEMPATAN = [
    tempat(BUDI, 10, D(2015, 7, 1)),
    tempat(ANI, 10, D(2012, 1, 1)),
    tempat(LINA, 10, D(2016, 1, 1)),
    tempat(CITRA, 20, D(2000, 1, 1), D(2024, 10, 1)),
    tempat(DEDI, 20, D(2010, 1, 1)),
    tempat(EKO, 20, D(2025, 1, 6)),
    tempat(GITA, 20, D(2024, 9, 1)),
    tempat(FAJAR, 10, D(2018, 7, 1), D(2024, 8, 1)),
    tempat(FAJAR, 20, D(2024, 8, 1)),
    tempat(HADI, 30, D(2011, 1, 1)),
    tempat(MIRA, 30, D(2019, 1, 1)),
]
PENUGASAN = [
    kepala(ANI, 10, D(2020, 1, 1)),
    kepala(LINA, 40, D(2024, 2, 1), plt=True),
    kepala(CITRA, 20, D(2019, 1, 1), D(2024, 10, 1)),
    kepala(DEDI, 20, D(2024, 10, 1), plt=True),
    kepala(EKO, 20, D(2025, 1, 6)),
    kepala(HADI, 30, D(2024, 1, 1), plt=True),
    kadis(INDRA, D(2021, 1, 1), D(2025, 3, 1)),
    kadis(JOKO, D(2025, 3, 1), plt=True),
]

ANI_KS = Penilai(ANI, KS, False, 10)
CITRA_KS = Penilai(CITRA, KS, False, 20)
DEDI_PLT = Penilai(DEDI, KS, True, 20)
EKO_KS = Penilai(EKO, KS, False, 20)
HADI_PLT = Penilai(HADI, KS, True, 30)
INDRA_KADIS = Penilai(INDRA, KADIS, False, None)
JOKO_PLT = Penilai(JOKO, KADIS, True, None)


@pytest.mark.parametrize(
    ("pegawai", "tanggal", "penilai"),
    [
        pytest.param(BUDI, D(2024, 5, 1), ANI_KS, id="guru-ks"),
        pytest.param(BUDI, D(2019, 6, 1), None, id="sekolah-belum-punya-ks"),
        pytest.param(ANI, D(2024, 5, 1), INDRA_KADIS, id="ks-kadis"),
        pytest.param(ANI, D(2020, 6, 1), None, id="belum-ada-kadis"),
        pytest.param(ANI, D(2025, 3, 1), JOKO_PLT, id="ks-plt-kadis"),
        # KS post ending: selesai is the first day without it.
        pytest.param(GITA, D(2024, 9, 30), CITRA_KS, id="ks-hari-terakhir"),
        pytest.param(GITA, D(2024, 10, 1), DEDI_PLT, id="plt-sejak-ks-berakhir"),
        pytest.param(GITA, D(2025, 1, 5), DEDI_PLT, id="plt-sebelum-definitif"),
        pytest.param(GITA, D(2025, 1, 6), EKO_KS, id="definitif-menang-atas-plt"),
        pytest.param(GITA, D(2024, 8, 31), None, id="sebelum-penempatan"),
        pytest.param(CITRA, D(2024, 9, 30), INDRA_KADIS, id="ks-hari-terakhir-menjabat"),
        pytest.param(CITRA, D(2024, 10, 1), None, id="ks-pensiun"),
        # Mutasi on 1 Aug 2024: the new school's KS from the move date itself.
        pytest.param(FAJAR, D(2024, 7, 31), ANI_KS, id="mutasi-sebelum"),
        pytest.param(FAJAR, D(2024, 8, 1), CITRA_KS, id="mutasi-hari-pindah"),
        pytest.param(FAJAR, D(2024, 11, 1), DEDI_PLT, id="mutasi-sesudah"),
        pytest.param(FAJAR, D(2018, 6, 30), None, id="sebelum-penempatan-pertama"),
        # A guru acting as KS is appraised as a KS, never by themself.
        pytest.param(HADI, D(2024, 3, 1), INDRA_KADIS, id="guru-plt-ks-sekolahnya"),
        pytest.param(HADI, D(2023, 12, 31), None, id="sebelum-plt-sekolah-tanpa-ks"),
        pytest.param(MIRA, D(2024, 3, 1), HADI_PLT, id="guru-dinilai-plt"),
        pytest.param(DEDI, D(2024, 11, 1), INDRA_KADIS, id="plt-ks-dinilai-kadis"),
        pytest.param(DEDI, D(2025, 2, 1), EKO_KS, id="plt-tergeser-definitif-kembali-guru"),
        pytest.param(LINA, D(2024, 1, 31), ANI_KS, id="guru-sebelum-plt-sekolah-lain"),
        pytest.param(LINA, D(2024, 2, 1), INDRA_KADIS, id="guru-plt-ks-sekolah-lain"),
        pytest.param(INDRA, D(2024, 5, 1), None, id="kadis-tanpa-penilai"),
        pytest.param(99, D(2024, 5, 1), None, id="tidak-dikenal"),
    ],
)
def test_penilai_pada(pegawai, tanggal, penilai):
    assert penilai_pada(pegawai, tanggal, PENEMPATAN, PENUGASAN) == penilai


def test_tanpa_kepala_dinas():
    tanpa_kadis = [p for p in PENUGASAN if p.jabatan != KADIS]
    assert penilai_pada(ANI, D(2024, 5, 1), PENEMPATAN, tanpa_kadis) is None
    assert penilai_pada(BUDI, D(2024, 5, 1), PENEMPATAN, tanpa_kadis) == ANI_KS


@pytest.mark.parametrize(
    ("pegawai", "tanggal", "sekolah"),
    [
        (FAJAR, D(2018, 6, 30), None),
        (FAJAR, D(2018, 7, 1), 10),
        (FAJAR, D(2024, 7, 31), 10),
        (FAJAR, D(2024, 8, 1), 20),
        (CITRA, D(2024, 10, 1), None),
        (99, D(2024, 1, 1), None),
    ],
)
def test_sekolah_pada(pegawai, tanggal, sekolah):
    assert sekolah_pada(pegawai, tanggal, PENEMPATAN) == sekolah


def test_sekolah_pada_data_lama_yang_tumpang_tindih():
    lama = [tempat(FAJAR, 10, D(2018, 1, 1)), tempat(FAJAR, 20, D(2024, 8, 1))]
    assert sekolah_pada(FAJAR, D(2024, 9, 1), lama) == 20


@pytest.mark.parametrize(
    ("jabatan", "sekolah", "tanggal", "penugasan", "pemegang"),
    [
        (KS, 20, D(2024, 9, 30), PENUGASAN, PENUGASAN[2]),
        (KS, 20, D(2024, 10, 1), PENUGASAN, PENUGASAN[3]),
        (KS, 20, D(2025, 1, 6), PENUGASAN, PENUGASAN[4]),
        (KS, 30, D(2024, 1, 1), PENUGASAN, PENUGASAN[5]),
        (KS, 50, D(2024, 1, 1), PENUGASAN, None),
        (KADIS, None, D(2020, 12, 31), PENUGASAN, None),
        (KADIS, None, D(2025, 2, 28), PENUGASAN, PENUGASAN[6]),
        (KADIS, None, D(2025, 3, 1), PENUGASAN, PENUGASAN[7]),
        # Two definitive records overlapping (old data): the one who started latest.
        (
            KS,
            10,
            D(2024, 1, 1),
            [kepala(ANI, 10, D(2020, 1, 1)), kepala(BUDI, 10, D(2023, 1, 1))],
            kepala(BUDI, 10, D(2023, 1, 1)),
        ),
        # A Plt appointed after the definitive one still does not displace them.
        (
            KS,
            10,
            D(2024, 1, 1),
            [kepala(ANI, 10, D(2020, 1, 1)), kepala(BUDI, 10, D(2023, 1, 1), plt=True)],
            kepala(ANI, 10, D(2020, 1, 1)),
        ),
    ],
)
def test_pemegang_jabatan(jabatan, sekolah, tanggal, penugasan, pemegang):
    assert pemegang_jabatan(jabatan, tanggal, penugasan, sekolah) == pemegang


BERTABRAKAN = (
    "Penempatan ini bertabrakan dengan penempatan lain pegawai yang sama ({}). Untuk mutasi, "
    "isi dulu tanggal selesai penempatan lama dengan tanggal pindah."
)
FAJAR_DI_10 = "mulai 1 Juli 2018, berakhir 1 Agustus 2024"
FAJAR_DI_20 = "mulai 1 Agustus 2024, belum berakhir"


@pytest.mark.parametrize(
    ("baru", "yang_ada", "pesan"),
    [
        (tempat(FAJAR, 30, D(2025, 1, 1)), PENEMPATAN, BERTABRAKAN.format(FAJAR_DI_20)),
        (tempat(FAJAR, 30, D(2024, 8, 1)), PENEMPATAN, BERTABRAKAN.format(FAJAR_DI_20)),
        (
            tempat(FAJAR, 30, D(2017, 1, 1), D(2018, 7, 2)),
            PENEMPATAN,
            BERTABRAKAN.format(FAJAR_DI_10),
        ),
        (tempat(FAJAR, 30, D(2010, 1, 1)), PENEMPATAN, BERTABRAKAN.format(FAJAR_DI_10)),
        # Ending on the day the next placement starts is a mutasi, not an overlap.
        (tempat(FAJAR, 30, D(2017, 1, 1), D(2018, 7, 1)), PENEMPATAN, None),
        # The mutasi recorded properly: the old placement ended on the move date first.
        (
            tempat(FAJAR, 30, D(2025, 1, 1)),
            [
                tempat(FAJAR, 10, D(2018, 7, 1), D(2024, 8, 1)),
                tempat(FAJAR, 20, D(2024, 8, 1), D(2025, 1, 1)),
            ],
            None,
        ),
        (tempat(99, 10, D(2024, 1, 1)), PENEMPATAN, None),  # other pegawai do not count
        (tempat(FAJAR, 30, D(2025, 1, 1)), [], None),
        (
            tempat(FAJAR, 30, D(2025, 1, 1), D(2025, 1, 1)),
            [],
            "Tanggal selesai penempatan harus sesudah tanggal mulai.",
        ),
        (
            tempat(FAJAR, 30, D(2025, 1, 1), D(2024, 12, 31)),
            [],
            "Tanggal selesai penempatan harus sesudah tanggal mulai.",
        ),
    ],
)
def test_periksa_tumpang_tindih(baru, yang_ada, pesan):
    assert periksa_tumpang_tindih(baru, yang_ada) == pesan


KS_GANDA = (
    "Sudah ada kepala sekolah definitif di sekolah ini pada waktu yang sama ({}). "
    "Isi dulu tanggal selesai penugasan yang lama, atau catat yang baru sebagai Plt."
)
PLT_GANDA = (
    "Sudah ada Plt kepala sekolah di sekolah ini pada waktu yang sama ({}). "
    "Isi dulu tanggal selesai penugasan Plt yang lama."
)
KADIS_GANDA = (
    "Sudah ada kepala dinas definitif pada waktu yang sama ({}). "
    "Isi dulu tanggal selesai penugasan yang lama, atau catat yang baru sebagai Plt."
)


@pytest.mark.parametrize(
    ("baru", "pesan"),
    [
        (kepala(20, 10, D(2024, 1, 1)), KS_GANDA.format("mulai 1 Januari 2020, belum berakhir")),
        (kepala(20, 10, D(2024, 1, 1), plt=True), None),  # a Plt beside the definitive KS
        # From the day Citra's post ends until Eko starts: free for a definitive KS.
        (kepala(21, 20, D(2024, 10, 1), D(2025, 1, 6)), None),
        (
            kepala(EKO, 20, D(2024, 9, 30)),
            KS_GANDA.format("mulai 1 Januari 2019, berakhir 1 Oktober 2024"),
        ),
        (
            kepala(21, 20, D(2025, 1, 1), plt=True),
            PLT_GANDA.format("mulai 1 Oktober 2024, belum berakhir"),
        ),
        (kepala(20, 50, D(2024, 1, 1)), None),  # another school
        (kepala(20, 10, D(2015, 1, 1), D(2020, 1, 1)), None),  # ends when Ani starts
        (kadis(15, D(2025, 3, 1)), None),
        (
            kadis(15, D(2025, 2, 1)),
            KADIS_GANDA.format("mulai 1 Januari 2021, berakhir 1 Maret 2025"),
        ),
        (kadis(15, D(2025, 2, 1), D(2025, 3, 1), plt=True), None),  # a Plt beside Indra
        (
            Penugasan(20, KS, None, D(2024, 1, 1), None),
            "Pilih sekolah yang dipimpin kepala sekolah ini.",
        ),
        (
            Penugasan(20, KADIS, 10, D(2024, 1, 1), None),
            "Kepala dinas tidak memimpin satu sekolah; kosongkan pilihan sekolah.",
        ),
        (
            kepala(20, 50, D(2024, 1, 1), D(2024, 1, 1)),
            "Tanggal selesai penugasan harus sesudah tanggal mulai.",
        ),
    ],
)
def test_periksa_penugasan(baru, pesan):
    assert periksa_penugasan(baru, PENUGASAN) == pesan
