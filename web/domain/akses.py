"""Who may read which people and schools of a dinas (issue: the dinas as its own help desk).

The admin dinas and the kepala dinas read everyone; a kepala sekolah reads the schools they lead
today and the people placed there; everyone reads their own record. Managing is for the admin
dinas alone. Plain functions of roles and ids, so the rule reads the same in every view.
"""

from __future__ import annotations

from collections.abc import Set

SEMUA = None  # "every school" as a scope


def cakupan_sekolah(peran: Set[str], sekolah_dipimpin: Set[int]) -> frozenset[int] | None:
    """The schools whose people this user may read: SEMUA, or a set (possibly empty)."""
    if peran & {"admin_dinas", "kepala_dinas"}:
        return SEMUA
    return frozenset(sekolah_dipimpin)


def boleh_lihat_sekolah(peran: Set[str], sekolah_dipimpin: Set[int], sekolah_id: int) -> bool:
    scope = cakupan_sekolah(peran, sekolah_dipimpin)
    return scope is SEMUA or sekolah_id in scope


def boleh_lihat_pegawai(
    peran: Set[str],
    sekolah_dipimpin: Set[int],
    diri_id: int,
    pegawai_id: int,
    sekolah_id: int | None,
) -> bool:
    if pegawai_id == diri_id:
        return True
    scope = cakupan_sekolah(peran, sekolah_dipimpin)
    return scope is SEMUA or (sekolah_id is not None and sekolah_id in scope)


def boleh_mengelola(peran: Set[str]) -> bool:
    return "admin_dinas" in peran
