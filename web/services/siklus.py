"""The improvement cycle of a pegawai's semester: finding or starting it, its steps' statuses,
and who the signed-in user is to it (the pegawai, the penilai of the day, an observer of the
tim kerja). The step pages, the observation, the follow-up and the evidence downloads all ask
here, so one rule decides who may do what.

Rules: web/domain/siklus.py. A cycle starts from the pegawai's agreed SKP of the year (the
latest agreed version, so a July adjustment counts for the second semester).
"""

from __future__ import annotations

import datetime as dt

from web.auth import DinasUser
from web.domain import siklus as aturan
from web.domain.kalender import StatusJendela
from web.domain.skp import StatusSkp
from web.models import Jendela, LangkahSiklus, Pegawai, Siklus, SiklusLangkah, Skp, TimKerja
from web.models.base import hari_ini, now
from web.services import audit, jadwal
from web.services.pegawai import penilai_hari_ini


class SiklusError(ValueError):
    """A cycle action that cannot be done; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def semester_dari(tanggal: dt.date) -> int:
    """January-June is semester 1, July-December semester 2 (DOMAIN.md §3)."""
    return 1 if tanggal.month <= 6 else 2


def skp_berlaku(pegawai_id: int, tahun: int) -> Skp | None:
    """The newest agreed SKP version of the year, which the cycle follows."""
    return (
        Skp.select()
        .where(Skp.pegawai == pegawai_id, Skp.tahun == tahun, Skp.status == StatusSkp.DISEPAKATI)
        .order_by(Skp.versi.desc())
        .first()
    )


def cari(pegawai_id: int, tahun: int, semester: int) -> Siklus | None:
    return Siklus.get_or_none(
        Siklus.pegawai == pegawai_id, Siklus.tahun == tahun, Siklus.semester == semester
    )


def mulai(pegawai_id: int, tahun: int, semester: int) -> Siklus:
    """The pegawai's cycle of the semester, started (with its five steps) when it is asked for
    the first time; SiklusError when there is no agreed SKP to follow yet."""
    siklus = cari(pegawai_id, tahun, semester)
    if siklus is not None:
        return siklus
    skp = skp_berlaku(pegawai_id, tahun)
    if skp is None:
        raise SiklusError(
            f"Siklus semester {semester} dimulai setelah SKP {tahun} disepakati penilai."
        )
    siklus = Siklus.create(skp=skp, pegawai=pegawai_id, tahun=tahun, semester=semester)
    SiklusLangkah.insert_many(
        [{"siklus": siklus.id, "langkah": langkah.value} for langkah in aturan.URUTAN]
    ).execute()
    return siklus


def status(siklus: Siklus) -> dict[aturan.Langkah, aturan.StatusLangkah]:
    query = SiklusLangkah.select().where(SiklusLangkah.siklus == siklus)
    return {aturan.Langkah(s.langkah): aturan.StatusLangkah(s.status) for s in query}


def langkah_regime(regime_kode: str) -> dict[aturan.Langkah, LangkahSiklus]:
    """The regime's five steps (name, explanation, who closes each, window)."""
    query = LangkahSiklus.select().where(LangkahSiklus.regime_kode == regime_kode)
    return {aturan.Langkah(s.kode): s for s in query}


def anggota_tim(pegawai_id: int, tanggal: dt.date | None = None) -> set[int]:
    """The tim kerja members appointed for the pegawai on `tanggal` (today by default)."""
    tanggal = tanggal or hari_ini()
    query = TimKerja.berlaku(tanggal).where(TimKerja.pegawai == pegawai_id)
    return {t.anggota_id for t in query}


def pihak(user: DinasUser, pegawai: Pegawai) -> set[aturan.Pihak]:
    """Who the signed-in user is to this pegawai's cycle today: the pegawai, the penilai (who is
    also an observer), a tim kerja member (an observer only: never agrees or rates)."""
    hasil: set[aturan.Pihak] = set()
    if user.pegawai.id == pegawai.id:
        hasil.add(aturan.Pihak.PEGAWAI)
    penilai = penilai_hari_ini(pegawai)
    if penilai is not None and penilai.pegawai_id == user.pegawai.id:
        hasil |= {aturan.Pihak.PENILAI, aturan.Pihak.PENGAMAT}
    if user.pegawai.id in anggota_tim(pegawai.id):
        hasil.add(aturan.Pihak.PENGAMAT)
    return hasil


def jendela_langkah(siklus: Siklus, langkah: aturan.Langkah) -> Jendela:
    """The window of one step in the cycle's semester."""
    info = langkah_regime(siklus.skp.regime_kode)[langkah]
    return jadwal.jendela(siklus.skp.regime_kode, siklus.tahun, info.jendela_kode, siklus.semester)


def catat_selesai(user: DinasUser, siklus: Siklus, baris: SiklusLangkah) -> SiklusLangkah:
    """Record a step as closed by `user`, once the rules (web.domain.siklus.tutup) allowed it:
    when, by whom, and whether after its window (late, never refused); audited."""
    sebelum = audit.potret(baris)
    baris.status = aturan.StatusLangkah.SELESAI.value
    baris.selesai = now()
    baris.mulai = baris.mulai or baris.selesai
    baris.ditutup_oleh = user.pegawai.id
    j = jendela_langkah(siklus, aturan.Langkah(baris.langkah))
    baris.terlambat = jadwal.status(j) == StatusJendela.TERLAMBAT
    baris.save()
    audit.catat(user, "tutup langkah", baris, sebelum, objek_id=siklus.id)
    return baris


def catat_dibuka(user: DinasUser, siklus: Siklus, baris: SiklusLangkah) -> SiklusLangkah:
    """Record a closed step as reopened by the penilai (web.domain.siklus.buka_ulang allowed it);
    audited. Its contents stay, to be corrected."""
    sebelum = audit.potret(baris)
    baris.status = aturan.StatusLangkah.BERJALAN.value
    baris.selesai = None
    baris.ditutup_oleh = None
    baris.terlambat = False
    baris.dibuka_ulang += 1
    baris.save()
    audit.catat(user, "buka kembali langkah", baris, sebelum, objek_id=siklus.id)
    return baris
