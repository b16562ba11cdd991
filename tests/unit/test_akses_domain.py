"""Reading rights inside a dinas, as a table."""

from __future__ import annotations

import pytest

from web.domain.akses import (
    SEMUA,
    boleh_lihat_pegawai,
    boleh_lihat_sekolah,
    boleh_mengelola,
    cakupan_sekolah,
)

ADMIN, KADIS, KS, GURU, PENGAWAS = (
    {"admin_dinas"},
    {"kepala_dinas"},
    {"guru", "kepala_sekolah"},
    {"guru"},
    {"pengawas"},
)


@pytest.mark.parametrize(
    ("peran", "dipimpin", "scope"),
    [
        (ADMIN, set(), SEMUA),
        (KADIS, set(), SEMUA),
        (KS, {7}, frozenset({7})),
        (GURU, set(), frozenset()),
        (PENGAWAS, set(), frozenset()),
    ],
)
def test_cakupan_sekolah(peran, dipimpin, scope):
    assert cakupan_sekolah(peran, dipimpin) == scope


@pytest.mark.parametrize(
    ("peran", "dipimpin", "diri", "pegawai", "sekolah", "boleh"),
    [
        (ADMIN, set(), 1, 2, 9, True),
        (KADIS, set(), 1, 2, None, True),
        (KS, {7}, 1, 2, 7, True),  # a guru of the school the KS leads
        (KS, {7}, 1, 2, 8, False),  # another school
        (KS, {7}, 1, 2, None, False),
        (GURU, set(), 1, 1, 7, True),  # themself
        (GURU, set(), 1, 2, 7, False),  # a colleague
        (PENGAWAS, set(), 3, 2, 7, False),
    ],
)
def test_boleh_lihat_pegawai(peran, dipimpin, diri, pegawai, sekolah, boleh):
    assert boleh_lihat_pegawai(peran, dipimpin, diri, pegawai, sekolah) is boleh


def test_boleh_lihat_sekolah_and_mengelola():
    assert boleh_lihat_sekolah(KS, {7}, 7) and not boleh_lihat_sekolah(KS, {7}, 8)
    assert boleh_lihat_sekolah(KADIS, set(), 8)
    assert not boleh_lihat_sekolah(GURU, set(), 7)
    assert boleh_mengelola(ADMIN) and not boleh_mengelola(KADIS) and not boleh_mengelola(KS)
