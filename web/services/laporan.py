"""Reports of wrong data: a pegawai says what in their record is wrong (from the SKP data
step), the admin dinas answers and closes it. Kept as rows and audited like every change, so a
report is never lost in a chat and the pegawai sees the answer. Open reports are listed oldest
first, so none waits forever."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, ModelSelect

from web.auth import DinasUser
from web.models import LaporanData, Pegawai, Sekolah
from web.models.base import now
from web.services import audit

SELESAI_DITAMPILKAN = 50


class LaporanError(ValueError):
    """A report that cannot be answered; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DaftarLaporan:
    terbuka: list[LaporanData]
    selesai: list[LaporanData]


def _dengan_pegawai() -> ModelSelect:
    penangan = Pegawai.alias("penangan")
    return (
        LaporanData.select(LaporanData, Pegawai, Sekolah, penangan)
        .join(Pegawai, on=LaporanData.pegawai)
        .join(Sekolah, JOIN.LEFT_OUTER)
        .switch(LaporanData)
        .join(penangan, JOIN.LEFT_OUTER, on=LaporanData.ditangani_oleh)
    )


def daftar(batas_selesai: int = SELESAI_DITAMPILKAN) -> DaftarLaporan:
    """Open reports, oldest first, then the latest answered ones, newest first."""
    terbuka = _dengan_pegawai().where(LaporanData.selesai.is_null()).order_by(LaporanData.dibuat)
    selesai = (
        _dengan_pegawai()
        .where(LaporanData.selesai.is_null(False))
        .order_by(LaporanData.selesai.desc(), LaporanData.id.desc())
        .limit(batas_selesai)
    )
    return DaftarLaporan(list(terbuka), list(selesai))


def muat(laporan_id: int) -> LaporanData | None:
    return _dengan_pegawai().where(LaporanData.id == laporan_id).first()


def jawab(user: DinasUser, laporan: LaporanData, tanggapan: str) -> LaporanData:
    """Answer a report and mark it done, with an audit entry in the same transaction."""
    if laporan.selesai is not None:
        raise LaporanError("Laporan ini sudah ditandai selesai.")
    tanggapan = tanggapan.strip()
    if not tanggapan:
        raise LaporanError("Tanggapan wajib diisi.")
    sebelum = audit.potret(laporan)
    nilai = {"selesai": now(), "ditangani_oleh": user.pegawai.id, "tanggapan": tanggapan}
    # Conditional, so two admins answering at once cannot both close it.
    ditutup = (
        LaporanData.update(**nilai)
        .where(LaporanData.id == laporan.id, LaporanData.selesai.is_null())
        .execute()
    )
    if not ditutup:
        raise LaporanError("Laporan ini sudah ditandai selesai.")
    for kolom, isi in nilai.items():
        setattr(laporan, kolom, isi)
    audit.catat(user, "tandai selesai", laporan, sebelum)
    return laporan


def laporkan(user: DinasUser, isi: str) -> LaporanData:
    """Record the signed-in pegawai's report about their own data."""
    laporan = LaporanData.create(pegawai=user.pegawai.id, isi=isi.strip())
    audit.catat(user, "laporkan data", laporan)
    return laporan


def milik(pegawai_id: int) -> list[LaporanData]:
    """A pegawai's own reports, newest first, with the answers."""
    return list(
        LaporanData.select()
        .where(LaporanData.pegawai == pegawai_id)
        .order_by(LaporanData.dibuat.desc())
    )
