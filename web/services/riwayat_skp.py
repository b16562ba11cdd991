"""One pegawai's SKP through a year: every version and every action on it, newest first, each
kept plan compared with the one before it, for the pegawai and for those who read their
record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN

from web.domain import skp as aturan
from web.models import Pegawai
from web.models.skp import Skp, SkpRiwayat
from web.services import skp as layanan

LABEL_AKSI = {
    "buat": "Mulai menyusun",
    "ajukan": "Diajukan",
    "tarik": "Ditarik kembali",
    "minta_revisi": "Dikembalikan untuk revisi",
    "sepakati": "Disepakati",
    "penyesuaian": "Penyesuaian Juli dibuat",
}


@dataclass(frozen=True)
class Peristiwa:
    """One row of an SKP's history as the page shows it."""

    waktu: dt.datetime
    versi: int
    pelaku: str
    aksi: str
    label: str
    catatan: str
    terlambat: bool
    perubahan: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RiwayatSkp:
    pegawai: Pegawai
    tahun: int
    versi: list[Skp]
    peristiwa: list[Peristiwa]  # newest first


def riwayat(pegawai: Pegawai, tahun: int) -> RiwayatSkp:
    """Every version of the pegawai's SKP of `tahun` and their history, newest first; a row that
    kept the plan says what changed since the version's previous snapshot (for a July version,
    the first snapshot is the agreed plan it was copied from)."""
    versi = layanan.versi(pegawai.id, tahun)
    if not versi:
        return RiwayatSkp(pegawai, tahun, [], [])
    nomor = {s.id: s.versi for s in versi}
    nama_indikator: dict[str, dict[str, str]] = {}
    for s in versi:
        if s.regime_kode not in nama_indikator:
            nama_indikator[s.regime_kode] = layanan.nama_indikator(s.regime_kode)
    regime = {s.id: s.regime_kode for s in versi}
    rows = (
        SkpRiwayat.select(SkpRiwayat, Pegawai.id, Pegawai.nama)
        .join(Pegawai, JOIN.LEFT_OUTER, on=SkpRiwayat.pelaku)
        .where(SkpRiwayat.skp.in_(list(nomor)))
        .order_by(SkpRiwayat.waktu, SkpRiwayat.id)
    )
    sebelumnya: dict[int, dict[str, Any]] = {}
    peristiwa = []
    for r in rows:
        perubahan: list[str] = []
        if r.isi is not None:
            lama = sebelumnya.get(r.skp_id)
            if lama is not None:
                perubahan = aturan.perbedaan(lama, r.isi, nama_indikator[regime[r.skp_id]])
            sebelumnya[r.skp_id] = r.isi
        pelaku = r.pelaku.nama if r.pelaku_id is not None else "sistem"
        peristiwa.append(
            Peristiwa(
                waktu=r.waktu,
                versi=nomor[r.skp_id],
                pelaku=pelaku,
                aksi=r.aksi,
                label=LABEL_AKSI.get(r.aksi, r.aksi),
                catatan=r.catatan,
                terlambat=r.terlambat,
                perubahan=perubahan,
            )
        )
    peristiwa.reverse()
    return RiwayatSkp(pegawai, tahun, versi, peristiwa)
