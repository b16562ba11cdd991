"""Reports of wrong data: a pegawai says what in their record is wrong (from the SKP data
step), the admin dinas answers. Kept as rows, audited like every change, so a report is never
lost in a chat and the pegawai can see the answer."""

from __future__ import annotations

from web.auth import DinasUser
from web.models import LaporanData
from web.services import audit


def laporkan(user: DinasUser, isi: str) -> LaporanData:
    """Record the signed-in pegawai's report about their own data."""
    laporan = LaporanData.create(pegawai=user.pegawai.id, isi=isi.strip())
    audit.catat(user, "laporkan data", laporan)
    return laporan
