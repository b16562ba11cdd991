"""Continuous feedback (issue 5 point 8): the penilai writes dated entries on a pegawai's
timeline (a note, appreciation, bimbingan or konseling) and the pegawai replies to them.

Used by web/blueprints/siklus/umpan_balik.py. Only the pegawai and their penilai today see the
timeline: tim kerja members observe the cycle but are not party to this conversation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from web.auth import DinasUser
from web.domain.siklus import Pihak
from web.models import Pegawai, UmpanBalik
from web.models.base import hari_ini
from web.paging import Halaman, halaman
from web.services import audit
from web.services.siklus import SiklusError, pihak

# The kinds of entry the penilai writes, with their labels; a reply is `balasan`.
JENIS = {
    "catatan": "Catatan",
    "apresiasi": "Apresiasi",
    "bimbingan": "Bimbingan",
    "konseling": "Konseling",
}
LABEL_JENIS = {**JENIS, "balasan": "Balasan"}
ISI_MAKS = 2000
PER_HALAMAN = 20


class BukanWewenang(Exception):
    """The user reads the timeline but this action is the other side's (403)."""


class TidakDitemukan(LookupError):
    """The entry named in the URL is not on this timeline (404)."""


@dataclass(frozen=True)
class Entri:
    """An entry of the timeline with its replies, oldest reply first."""

    umpan_balik: UmpanBalik
    balasan: list[UmpanBalik]

    @property
    def label(self) -> str:
        return LABEL_JENIS[self.umpan_balik.jenis]


def pihak_linimasa(user: DinasUser, pegawai: Pegawai) -> set[Pihak]:
    """Who `user` is to the pegawai's timeline: the pegawai, their penilai today, or nobody."""
    return pihak(user, pegawai) & {Pihak.PEGAWAI, Pihak.PENILAI}


def linimasa(pegawai_id: int, nomor: int = 1) -> Halaman:
    """One page of the timeline, newest entry first (by its date, then as written); each item
    is an Entri with its replies."""
    query = (
        UmpanBalik.select(UmpanBalik, Pegawai)
        .join(Pegawai, on=UmpanBalik.penulis)
        .where(UmpanBalik.pegawai == pegawai_id, UmpanBalik.induk.is_null())
        .order_by(UmpanBalik.tanggal.desc(), UmpanBalik.id.desc())
    )
    hasil = halaman(query, nomor, PER_HALAMAN)
    ids = [u.id for u in hasil.items]
    balasan: dict[int, list[UmpanBalik]] = {}
    if ids:
        for b in (
            UmpanBalik.select(UmpanBalik, Pegawai)
            .join(Pegawai, on=UmpanBalik.penulis)
            .where(UmpanBalik.induk.in_(ids))
            .order_by(UmpanBalik.dibuat, UmpanBalik.id)
        ):
            balasan.setdefault(b.induk_id, []).append(b)
    items = [Entri(u, balasan.get(u.id, [])) for u in hasil.items]
    return Halaman(items, hasil.total, hasil.nomor, hasil.per_halaman)


def tulis(
    user: DinasUser, pegawai: Pegawai, *, jenis: str, tanggal: dt.date, isi: str
) -> UmpanBalik:
    """The penilai adds an entry to the pegawai's timeline."""
    _wajib(user, pegawai, Pihak.PENILAI)
    if jenis not in JENIS:
        raise SiklusError("Pilih jenis umpan balik.")
    if tanggal > hari_ini():
        raise SiklusError("Tanggal tidak boleh setelah hari ini.")
    baru = UmpanBalik.create(
        pegawai=pegawai.id,
        penulis=user.pegawai.id,
        jenis=jenis,
        tanggal=tanggal,
        isi=_isi(isi),
    )
    audit.catat(user, "tulis umpan balik", baru)
    return baru


def balas(user: DinasUser, pegawai: Pegawai, induk_id: int, isi: str) -> UmpanBalik:
    """The pegawai replies to an entry of their timeline (replies are not replied to)."""
    _wajib(user, pegawai, Pihak.PEGAWAI)
    induk = entri(pegawai, induk_id)
    balasan = UmpanBalik.create(
        pegawai=pegawai.id,
        penulis=user.pegawai.id,
        jenis="balasan",
        tanggal=hari_ini(),
        isi=_isi(isi),
        induk=induk.id,
    )
    audit.catat(user, "balas umpan balik", balasan)
    return balasan


def entri(pegawai: Pegawai, induk_id: int) -> UmpanBalik:
    """An entry of the pegawai's timeline that can be replied to; TidakDitemukan otherwise."""
    induk = UmpanBalik.get_or_none(
        UmpanBalik.id == induk_id, UmpanBalik.pegawai == pegawai.id, UmpanBalik.induk.is_null()
    )
    if induk is None:
        raise TidakDitemukan(induk_id)
    return induk


def _isi(isi: str) -> str:
    isi = isi.strip()
    if not isi:
        raise SiklusError("Isi wajib diisi.")
    if len(isi) > ISI_MAKS:
        raise SiklusError(f"Isi paling banyak {ISI_MAKS} karakter.")
    return isi


def _wajib(user: DinasUser, pegawai: Pegawai, siapa: Pihak) -> None:
    ada = pihak_linimasa(user, pegawai)
    if not ada:
        raise TidakDitemukan(pegawai.id)
    if siapa not in ada:
        raise BukanWewenang(siapa.value)
