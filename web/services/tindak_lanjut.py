"""Step D of the improvement cycle (Upaya Tindak Lanjut, DOMAIN.md §5-6): the pegawai records each
planned competency activity as done with its proof, the penilai accepts it or refuses it with a
reason, and the points earned stand against the plan and the minimum on every visit.

Used by web/blueprints/siklus/tindak_lanjut.py. Rules: web/domain/siklus.py (order, closing, the
points, reused proof); who the user is to the cycle: services.siklus.pihak; files:
services.berkas, whose object is deleted again when the request does not commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from flask import current_app, has_request_context

from web.auth import DinasUser
from web.db import after_request_ends
from web.domain import siklus as aturan
from web.domain import skp as aturan_skp
from web.domain.kalender import StatusJendela, tulis_tanggal
from web.models import (
    Berkas,
    DokumenPegawai,
    KegiatanKompetensi,
    Pegawai,
    RealisasiKegiatan,
    Regime,
    Siklus,
    SiklusLangkah,
)
from web.models.base import hari_ini, now
from web.models.skp import SkpKegiatan
from web.services import audit, jadwal
from web.services import berkas as layanan_berkas
from web.services.siklus import (
    SiklusError,
    catat_dibuka,
    catat_selesai,
    jendela_langkah,
    langkah_regime,
    pihak,
    status,
)

D = aturan.Langkah.D

LABEL_STATUS = {"diajukan": "Diajukan", "diterima": "Diterima", "ditolak": "Ditolak"}


class BukanWewenang(Exception):
    """The user is a party to the cycle but this action belongs to another party (403)."""


class TidakDitemukan(LookupError):
    """The activity named in the URL is not one of this cycle (404)."""


# --- what the page shows ------------------------------------------------------------------


@dataclass(frozen=True)
class BarisRealisasi:
    """A recorded activity with its proof, and the pegawai's other activities proven by the very
    same file (shown to the penilai)."""

    realisasi: RealisasiKegiatan
    ganda: list[RealisasiKegiatan] = field(default_factory=list)

    @property
    def berkas(self) -> Berkas:
        return self.realisasi.berkas

    @property
    def label_status(self) -> str:
        return LABEL_STATUS[self.realisasi.status]


@dataclass(frozen=True)
class BarisKegiatan:
    """A planned activity (catalog letter, name, how many times) and what was recorded for it."""

    huruf: str
    nama: str
    jumlah: int  # planned; 0 for a letter recorded but no longer in the plan
    poin_satuan: int | None
    realisasi: list[BarisRealisasi]

    @property
    def diterima(self) -> int:
        return sum(1 for b in self.realisasi if b.realisasi.status == "diterima")


@dataclass(frozen=True)
class TindakLanjut:
    siklus: Siklus
    pegawai: Pegawai
    pihak: frozenset[aturan.Pihak]
    langkah: SiklusLangkah
    alasan_tunggu: str | None  # why D cannot be worked on now; None when it can
    kegiatan: list[BarisKegiatan]
    capaian: aturan.Capaian
    belum_ditetapkan_rencana: list[str]  # planned letters without a catalog value
    menunggu_periksa: int
    keterangan_jendela: str
    jendela_lewat: bool

    @property
    def sebagai_pegawai(self) -> bool:
        return aturan.Pihak.PEGAWAI in self.pihak

    @property
    def sebagai_penilai(self) -> bool:
        return aturan.Pihak.PENILAI in self.pihak

    @property
    def status(self) -> aturan.StatusLangkah:
        return aturan.StatusLangkah(self.langkah.status)

    @property
    def bisa_dikerjakan(self) -> bool:
        return self.alasan_tunggu is None

    @property
    def huruf_rencana(self) -> list[tuple[str, str]]:
        return [(k.huruf, k.nama) for k in self.kegiatan if k.jumlah > 0]


def rentang_semester(tahun: int, semester: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a semester: January-June or July-December (DOMAIN.md §3)."""
    if semester == 1:
        return dt.date(tahun, 1, 1), dt.date(tahun, 6, 30)
    return dt.date(tahun, 7, 1), dt.date(tahun, 12, 31)


def huruf_rencana(siklus: Siklus) -> list[tuple[str, str]]:
    """(letter, name) of the activities planned in the SKP the cycle follows."""
    nama = _nama_kegiatan(siklus)
    query = SkpKegiatan.select().where(SkpKegiatan.skp == siklus.skp_id).order_by(SkpKegiatan.huruf)
    return [(k.huruf, nama.get(k.huruf, k.huruf)) for k in query]


def halaman(user: DinasUser, siklus: Siklus) -> TindakLanjut:
    """Everything the step D page shows, for whoever `user` is to the cycle."""
    pegawai = siklus.pegawai
    siapa = frozenset(pihak(user, pegawai))
    skp = siklus.skp
    katalog = {
        k.huruf: k
        for k in KegiatanKompetensi.select().where(
            KegiatanKompetensi.regime_kode == skp.regime_kode
        )
    }
    poin = {h: k.poin for h, k in katalog.items()}
    rencana = list(SkpKegiatan.select().where(SkpKegiatan.skp == skp).order_by(SkpKegiatan.huruf))
    total = aturan_skp.total_poin(
        aturan_skp.RencanaKegiatan(k.huruf, poin.get(k.huruf), k.jumlah) for k in rencana
    )

    semua = _realisasi_pegawai(pegawai.id)
    ganda = aturan.bukti_ganda(_sebagai_aturan(semua))
    per_id = {r.id: r for r in semua}
    milik = [r for r in semua if r.siklus_id == siklus.id]
    baris: dict[str, list[BarisRealisasi]] = {}
    for r in milik:
        lain = [per_id[i] for i in ganda.get(r.id, [])]
        baris.setdefault(r.huruf, []).append(BarisRealisasi(r, lain))

    def _nama(huruf: str) -> str:
        return katalog[huruf].nama if huruf in katalog else huruf

    kegiatan = [
        BarisKegiatan(k.huruf, _nama(k.huruf), k.jumlah, poin.get(k.huruf), baris.pop(k.huruf, []))
        for k in rencana
    ]
    # Activities whose letter left the plan still count and are still shown.
    kegiatan += [
        BarisKegiatan(h, _nama(h), 0, poin.get(h), daftar) for h, daftar in sorted(baris.items())
    ]

    regime = Regime.get_by_id(skp.regime_kode)
    minimal = regime.poin_minimal or aturan_skp.POIN_MINIMAL
    capaian = aturan.capaian(_sebagai_aturan(milik), poin, total.total, minimal)

    langkah = _langkah(siklus)
    j = jendela_langkah(siklus, D)
    return TindakLanjut(
        siklus=siklus,
        pegawai=pegawai,
        pihak=siapa,
        langkah=langkah,
        alasan_tunggu=_alasan_tunggu(siklus),
        kegiatan=kegiatan,
        capaian=capaian,
        belum_ditetapkan_rencana=list(total.belum_ditetapkan),
        menunggu_periksa=sum(1 for r in milik if r.status == "diajukan"),
        keterangan_jendela=jadwal.keterangan(j),
        jendela_lewat=jadwal.status(j) == StatusJendela.TERLAMBAT,
    )


def keterangan_ganda(r: RealisasiKegiatan, siklus: Siklus) -> str:
    """How another activity proven by the same file is named in the flag."""
    teks = f"kegiatan {r.huruf} “{r.judul}” ({tulis_tanggal(r.tanggal)}, {LABEL_STATUS[r.status]})"
    if r.siklus_id != siklus.id:
        teks += f", semester {r.siklus.semester} tahun {r.siklus.tahun}"
    return teks


# --- the pegawai --------------------------------------------------------------------------


def catat(
    user: DinasUser,
    siklus: Siklus,
    *,
    huruf: str,
    judul: str,
    tanggal: dt.date,
    stream: BinaryIO,
    nama_berkas: str,
) -> RealisasiKegiatan:
    """Record a planned activity as done, with its proof. The file is stored only after the
    cheap checks pass; BerkasError (from services.berkas) when the file is refused, and then no
    row is written."""
    _wajib(user, siklus, aturan.Pihak.PEGAWAI)
    _periksa_kerjakan(siklus)
    if huruf not in dict(huruf_rencana(siklus)):
        raise SiklusError("Pilih kegiatan yang direncanakan di SKP.")
    judul = judul.strip()
    if not judul:
        raise SiklusError("Nama kegiatan wajib diisi.")
    if (galat := galat_tanggal(tanggal, siklus.tahun, siklus.semester)) is not None:
        raise SiklusError(galat)
    berkas = layanan_berkas.simpan(
        user, siklus.pegawai, stream, nama_berkas, jenis_objek="kegiatan"
    )
    # Streaming the file takes a while on a slow link; the step may have been closed meanwhile
    # (another tab). Decide again under the step's lock: a refusal here rolls the request back,
    # which also deletes the stored object (web.db.if_rolled_back).
    langkah = _periksa_kerjakan(siklus, kunci=True)
    realisasi = RealisasiKegiatan.create(
        siklus=siklus.id, huruf=huruf, judul=judul, tanggal=tanggal, berkas=berkas.id
    )
    audit.catat(user, "catat kegiatan", realisasi)
    baru = aturan.setelah_simpan(aturan.StatusLangkah(langkah.status))
    if baru != langkah.status:
        langkah.status = baru.value
        langkah.mulai = now()
        langkah.save()
    return realisasi


def galat_tanggal(tanggal: dt.date, tahun: int, semester: int) -> str | None:
    """Why an activity's date cannot be recorded for the semester, or None."""
    awal, akhir = rentang_semester(tahun, semester)
    if not awal <= tanggal <= akhir:
        return (
            f"Tanggal harus di dalam semester {semester} tahun {tahun} "
            f"({tulis_tanggal(awal)} sampai {tulis_tanggal(akhir)})."
        )
    if tanggal > hari_ini():
        return "Tanggal kegiatan tidak boleh setelah hari ini."
    return None


def tarik(user: DinasUser, siklus: Siklus, realisasi_id: int) -> None:
    """Withdraw an activity the penilai has not checked yet; its file goes with it."""
    _wajib(user, siklus, aturan.Pihak.PEGAWAI)
    realisasi = _realisasi(siklus, realisasi_id)
    _periksa_kerjakan(siklus)
    if realisasi.status != "diajukan":
        raise SiklusError("Kegiatan yang sudah diperiksa penilai tidak dapat ditarik.")
    berkas = realisasi.berkas
    sebelum = audit.potret(realisasi)
    realisasi.delete_instance()
    audit.catat(user, "hapus", realisasi, sebelum)
    _hapus_berkas_bila_tidak_dipakai(berkas)


def selesai(user: DinasUser, siklus: Siklus) -> SiklusLangkah:
    """The pegawai closes step D once the penilai has checked every recorded activity. Points
    under the minimum do not block it: the evaluation reads them later. Late is recorded."""
    _wajib(user, siklus, aturan.Pihak.PEGAWAI)
    langkah = _langkah(siklus, kunci=True)
    menunggu = (
        RealisasiKegiatan.select()
        .where(RealisasiKegiatan.siklus == siklus, RealisasiKegiatan.status == "diajukan")
        .count()
    )
    kurang = []
    if menunggu:
        kurang.append(
            f"Masih ada {menunggu} kegiatan yang menunggu pemeriksaan penilai. Tunggu "
            "penilai memeriksanya, atau tarik kegiatan itu."
        )
    penutup = aturan.Pihak(langkah_regime(siklus.skp.regime_kode)[D].penutup)
    try:
        aturan.tutup(D, status(siklus), aturan.Pihak.PEGAWAI, penutup, kurang)
    except aturan.SiklusDitolak as error:
        raise SiklusError(error.message) from None
    return catat_selesai(user, siklus, langkah)


def buka(user: DinasUser, siklus: Siklus) -> SiklusLangkah:
    """The penilai reopens a closed step D, so the pegawai can record or withdraw activities
    again and the penilai can change a verdict; the pegawai then closes it again."""
    _wajib(user, siklus, aturan.Pihak.PENILAI)
    langkah = _langkah(siklus, kunci=True)
    try:
        aturan.buka_ulang(D, status(siklus), aturan.Pihak.PENILAI)
    except aturan.SiklusDitolak as error:
        raise SiklusError(error.message) from None
    return catat_dibuka(user, siklus, langkah)


# --- the penilai --------------------------------------------------------------------------


def terima(user: DinasUser, siklus: Siklus, realisasi_id: int) -> RealisasiKegiatan:
    """The penilai accepts an activity: its points count."""
    return _putuskan(user, siklus, realisasi_id, "diterima", "")


def tolak(user: DinasUser, siklus: Siklus, realisasi_id: int, alasan: str) -> RealisasiKegiatan:
    """The penilai refuses an activity; the pegawai reads the reason."""
    alasan = alasan.strip()
    if not alasan:
        raise SiklusError("Tulis alasan penolakan agar pegawai tahu apa yang perlu diperbaiki.")
    return _putuskan(user, siklus, realisasi_id, "ditolak", alasan)


def _putuskan(
    user: DinasUser, siklus: Siklus, realisasi_id: int, hasil: str, alasan: str
) -> RealisasiKegiatan:
    # A verdict can be changed while step D is open: the penilai may correct a mistake.
    _wajib(user, siklus, aturan.Pihak.PENILAI)
    realisasi = _realisasi(siklus, realisasi_id)
    _periksa_kerjakan(siklus)
    sebelum = audit.potret(realisasi)
    realisasi.status = hasil
    realisasi.alasan = alasan
    realisasi.diperiksa_oleh = user.pegawai.id
    realisasi.diperiksa = now()
    realisasi.save()
    audit.catat(
        user, "terima kegiatan" if hasil == "diterima" else "tolak kegiatan", realisasi, sebelum
    )
    return realisasi


# --- helpers ------------------------------------------------------------------------------


def _wajib(user: DinasUser, siklus: Siklus, siapa: aturan.Pihak) -> None:
    """BukanWewenang unless `user` is `siapa` to the cycle's pegawai today. Someone who is no
    party at all is told the cycle does not exist (TidakDitemukan)."""
    ada = pihak(user, siklus.pegawai)
    if not ada:
        raise TidakDitemukan(siklus.id)
    if siapa not in ada:
        raise BukanWewenang(siapa.value)


def _realisasi(siklus: Siklus, realisasi_id: int) -> RealisasiKegiatan:
    found = RealisasiKegiatan.get_or_none(
        RealisasiKegiatan.id == realisasi_id, RealisasiKegiatan.siklus == siklus
    )
    if found is None:
        raise TidakDitemukan(realisasi_id)
    return found


def _langkah(siklus: Siklus, kunci: bool = False) -> SiklusLangkah:
    query = SiklusLangkah.select().where(
        SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == D.value
    )
    return (query.for_update() if kunci else query).get()


def _alasan_tunggu(siklus: Siklus) -> str | None:
    try:
        aturan.periksa_kerjakan(D, status(siklus))
    except aturan.SiklusDitolak as error:
        return error.message
    return None


def _periksa_kerjakan(siklus: Siklus, kunci: bool = False) -> SiklusLangkah:
    """Step D's row, or SiklusError when D cannot be worked on (an earlier step is open, or D is
    closed). With `kunci` the row stays locked until the transaction ends."""
    langkah = _langkah(siklus, kunci=kunci)
    if (alasan := _alasan_tunggu(siklus)) is not None:
        raise SiklusError(alasan)
    return langkah


def _nama_kegiatan(siklus: Siklus) -> dict[str, str]:
    query = KegiatanKompetensi.select(KegiatanKompetensi.huruf, KegiatanKompetensi.nama).where(
        KegiatanKompetensi.regime_kode == siklus.skp.regime_kode
    )
    return {k.huruf: k.nama for k in query}


def _realisasi_pegawai(pegawai_id: int) -> list[RealisasiKegiatan]:
    """Every activity the pegawai recorded in any cycle, with its file and cycle."""
    return list(
        RealisasiKegiatan.select(RealisasiKegiatan, Berkas, Siklus)
        .join(Berkas)
        .switch(RealisasiKegiatan)
        .join(Siklus)
        .where(Siklus.pegawai == pegawai_id)
        .order_by(RealisasiKegiatan.tanggal, RealisasiKegiatan.id)
    )


def _sebagai_aturan(daftar: Iterable[RealisasiKegiatan]) -> list[aturan.Realisasi]:
    return [
        aturan.Realisasi(r.id, r.huruf, r.status == "diterima", r.berkas.sha256) for r in daftar
    ]


def _hapus_berkas_bila_tidak_dipakai(berkas: Berkas) -> None:
    """Delete a withdrawn activity's file row, and its object once that deletion is committed:
    deleting the object at once would leave a row without its file if the request then rolled
    back."""
    dipakai = (
        RealisasiKegiatan.select().where(RealisasiKegiatan.berkas == berkas).exists()
        or DokumenPegawai.select().where(DokumenPegawai.berkas == berkas).exists()
    )
    if dipakai:
        return
    kunci = berkas.kunci
    berkas.delete_instance()
    if has_request_context():

        def hapus_objek() -> None:
            if not Berkas.select().where(Berkas.kunci == kunci).exists():
                current_app.extensions["storage"].delete(kunci)

        after_request_ends(hapus_objek)
