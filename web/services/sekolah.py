"""Schools of a dinas: finding, adding, correcting and deactivating them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from web.auth import DinasUser
from web.domain.akses import SEMUA, cakupan_sekolah
from web.models import Pegawai, Penugasan, Sekolah
from web.models.base import hari_ini, now
from web.paging import Halaman, argumen_saring, halaman
from web.services import audit

KOLOM = ("npsn", "nama", "jenjang", "status", "kecamatan", "alamat")


class NpsnTerpakai(ValueError):
    """The NPSN already belongs to another school of this dinas."""


@dataclass(frozen=True)
class Saring:
    q: str = ""
    jenjang: str = ""
    status: str = ""
    aktif: str = "ya"  # ya / tidak / semua

    def args(self) -> dict[str, str]:
        return argumen_saring(self)


def cari(user: DinasUser, saring: Saring, nomor: int) -> Halaman:
    query = Sekolah.select().order_by(Sekolah.nama, Sekolah.id)
    scope = cakupan_sekolah(user.roles, user.sekolah_dipimpin)
    if scope is not SEMUA:
        query = query.where(Sekolah.id.in_(scope))
    if q := saring.q.strip():  # ILIKE: case does not matter
        query = query.where(
            Sekolah.nama.contains(q) | (Sekolah.npsn == q) | Sekolah.kecamatan.contains(q)
        )
    if saring.jenjang:
        query = query.where(Sekolah.jenjang == saring.jenjang)
    if saring.status:
        query = query.where(Sekolah.status == saring.status)
    if saring.aktif != "semua":
        query = query.where(Sekolah.aktif == (saring.aktif != "tidak"))
    return halaman(query, nomor)


def tambah(user: DinasUser, data: dict[str, Any]) -> Sekolah:
    _pastikan_npsn_bebas(data["npsn"])
    sekolah = Sekolah.create(**{k: data.get(k) or "" for k in KOLOM})
    audit.catat(user, "buat", sekolah)
    return sekolah


def ubah(user: DinasUser, sekolah: Sekolah, data: dict[str, Any]) -> Sekolah:
    if data["npsn"] != sekolah.npsn:
        _pastikan_npsn_bebas(data["npsn"])
    sebelum = audit.potret(sekolah)
    for kolom in KOLOM:
        setattr(sekolah, kolom, data.get(kolom) or "")
    sekolah.diubah = now()
    sekolah.save()
    audit.catat(user, "ubah", sekolah, sebelum)
    return sekolah


def atur_aktif(user: DinasUser, sekolah: Sekolah, aktif: bool) -> Sekolah:
    if sekolah.aktif != aktif:
        sebelum = audit.potret(sekolah)
        sekolah.aktif, sekolah.diubah = aktif, now()
        sekolah.save()
        audit.catat(user, "aktifkan" if aktif else "nonaktifkan", sekolah, sebelum)
    return sekolah


@dataclass(frozen=True)
class RincianSekolah:
    sekolah: Sekolah
    kepala: list[Penugasan]  # every kepala sekolah post of the school, newest first
    pegawai: Halaman

    @property
    def kepala_hari_ini(self) -> list[Penugasan]:
        today = hari_ini()
        return [
            p for p in self.kepala if p.mulai <= today and not (p.selesai and p.selesai <= today)
        ]


def rincian(sekolah: Sekolah, nomor: int) -> RincianSekolah:
    kepala = list(
        Penugasan.select(Penugasan, Pegawai)
        .join(Pegawai)
        .where(Penugasan.sekolah == sekolah)
        .order_by(Penugasan.mulai.desc())
    )
    orang = (
        Pegawai.select()
        .where(Pegawai.sekolah == sekolah, Pegawai.aktif)
        .order_by(Pegawai.nama, Pegawai.id)
    )
    return RincianSekolah(sekolah, kepala, halaman(orang, nomor))


def _pastikan_npsn_bebas(npsn: str) -> None:
    other = Sekolah.get_or_none(Sekolah.npsn == npsn)
    if other is not None:
        raise NpsnTerpakai(f"NPSN {npsn} sudah dipakai {other.nama}.")
