"""Tim kerja: the people a penilai appoints to observe and advise named pegawai (DOMAIN.md §2).

A kepala sekolah appoints guru of the school for guru of that school; a kepala dinas appoints
pengawas sekolah for kepala sekolah. Members observe (step B) and write notes and
recommendations; they never agree a plan, close steps A, C or E, or rate. An appointment runs
from the day it is made until it is ended; both are audited.

Used by web/blueprints/siklus/tim.py. Which pegawai a user may appoint for is whom they
appraise today (services.pegawai.dinilai_oleh), so a new kepala sekolah takes over the
appointments of the school's guru with the post.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from web.auth import DinasUser
from web.domain.penilai import Jabatan
from web.domain.siklus import LABEL_STATUS, StatusLangkah
from web.models import Pegawai, Penempatan, Sekolah, Siklus, SiklusLangkah, TimKerja
from web.models.base import hari_ini
from web.services import audit
from web.services.pegawai import dinilai_oleh, penilai_hari_ini
from web.services.siklus import semester_dari


class TimError(ValueError):
    """An appointment that cannot be made or ended; `field` names the form input concerned."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Penunjukan:
    """An active appointment: who observes whom, since when, appointed by whom."""

    tim: TimKerja
    anggota: Pegawai
    pegawai: Pegawai
    ditunjuk_oleh: Pegawai


def _sekolah_hari_ini(pegawai_ids: set[int], tanggal: dt.date) -> dict[int, int]:
    """Where each pegawai is placed on `tanggal` (pegawai id -> school id)."""
    if not pegawai_ids:
        return {}
    query = Penempatan.berlaku(tanggal).where(Penempatan.pegawai.in_(pegawai_ids))
    return {p.pegawai_id: p.sekolah_id for p in query.order_by(Penempatan.mulai)}


def dinilai(user: DinasUser) -> list[Pegawai]:
    """The pegawai the user may appoint a tim kerja for: those they appraise today, by name,
    each with their school."""
    ids = [p.id for p in dinilai_oleh(user.pegawai.id)]
    if not ids:
        return []
    return list(
        Pegawai.select(Pegawai, Sekolah)
        .left_outer_join(Sekolah)
        .where(Pegawai.id.in_(ids))
        .order_by(Pegawai.nama, Pegawai.id)
    )


def calon_anggota(user: DinasUser) -> list[Pegawai]:
    """Who the user may appoint: guru placed today at a school they lead (themselves aside),
    and, for a kepala dinas, the dinas's pengawas sekolah."""
    tanggal = hari_ini()
    calon = Pegawai.select(Pegawai, Sekolah).left_outer_join(Sekolah).where(Pegawai.aktif)
    syarat = None
    if user.sekolah_dipimpin:
        di_sekolah = Penempatan.berlaku(tanggal).where(
            Penempatan.sekolah.in_(list(user.sekolah_dipimpin))
        )
        syarat = Pegawai.id.in_(di_sekolah.select(Penempatan.pegawai)) & Pegawai.peran.contains(
            "guru"
        )
    if user.has_role("kepala_dinas"):
        pengawas = Pegawai.peran.contains("pengawas")
        syarat = pengawas if syarat is None else (syarat | pengawas)
    if syarat is None:
        return []
    return list(
        calon.where(syarat, Pegawai.id != user.pegawai.id).order_by(Pegawai.nama, Pegawai.id)
    )


def daftar(user: DinasUser) -> list[Penunjukan]:
    """The active appointments for the pegawai the user appraises today, by pegawai."""
    ids = [p.id for p in dinilai(user)]
    if not ids:
        return []
    tim = list(
        TimKerja.berlaku(hari_ini())
        .where(TimKerja.pegawai.in_(ids))
        .order_by(TimKerja.pegawai, TimKerja.mulai, TimKerja.id)
    )
    orang_ids = {t.pegawai_id for t in tim} | {t.anggota_id for t in tim}
    orang_ids |= {t.ditunjuk_oleh_id for t in tim}
    orang = {p.id: p for p in Pegawai.select().where(Pegawai.id.in_(orang_ids))} if tim else {}
    hasil = [
        Penunjukan(t, orang[t.anggota_id], orang[t.pegawai_id], orang[t.ditunjuk_oleh_id])
        for t in tim
    ]
    return sorted(hasil, key=lambda p: (p.pegawai.nama, p.anggota.nama, p.tim.id))


def tunjuk(user: DinasUser, anggota_id: int | None, pegawai_ids: list[int]) -> list[TimKerja]:
    """Appoint `anggota_id` to observe each of `pegawai_ids` from today."""
    tanggal = hari_ini()
    anggota = Pegawai.get_or_none(Pegawai.id == anggota_id, Pegawai.aktif) if anggota_id else None
    if anggota is None:
        raise TimError("anggota_id", "Pilih anggota tim kerja.")
    if not pegawai_ids:
        raise TimError("pegawai_ids", "Pilih minimal satu pegawai yang akan diamati.")
    if anggota.id == user.pegawai.id:
        raise TimError(
            "anggota_id",
            "Anda sendiri penilainya; tim kerja adalah orang lain yang membantu Anda mengamati.",
        )
    dinilai_ids = {p.id: p for p in dinilai(user)}
    sekolah = _sekolah_hari_ini({anggota.id, *pegawai_ids}, tanggal)
    pegawai_list = []
    for pegawai_id in dict.fromkeys(pegawai_ids):
        pegawai = dinilai_ids.get(pegawai_id)
        if pegawai is None:
            raise TimError(
                "pegawai_ids", "Anda hanya dapat menunjuk tim kerja untuk pegawai yang Anda nilai."
            )
        _periksa(anggota, pegawai, sekolah.get(anggota.id), tanggal)
        pegawai_list.append(pegawai)
    # Every one is checked before any is written: a refusal leaves nothing half-appointed.
    dibuat = []
    for pegawai in pegawai_list:
        tim = TimKerja.create(
            pegawai=pegawai.id, anggota=anggota.id, ditunjuk_oleh=user.pegawai.id, mulai=tanggal
        )
        audit.catat(user, "tunjuk tim kerja", tim)
        dibuat.append(tim)
    return dibuat


def _periksa(
    anggota: Pegawai, pegawai: Pegawai, sekolah_anggota: int | None, tanggal: dt.date
) -> None:
    """TimError unless `anggota` may observe `pegawai`: not themselves; a guru placed at the
    pegawai's school for a guru, a pengawas for a kepala sekolah (DOMAIN.md §2); not twice."""
    if pegawai.id == anggota.id:
        raise TimError(
            "pegawai_ids", f"{anggota.nama} tidak dapat menjadi tim kerja untuk dirinya sendiri."
        )
    penilai = penilai_hari_ini(pegawai, tanggal)
    assert penilai is not None  # dinilai_oleh found the user as the penilai today
    if penilai.jabatan == Jabatan.KEPALA_DINAS:
        if "pengawas" not in anggota.peran:
            raise TimError(
                "anggota_id",
                f"Tim kerja untuk kepala sekolah adalah pengawas sekolah; {anggota.nama} "
                "bukan pengawas.",
            )
    elif "guru" not in anggota.peran or sekolah_anggota != penilai.sekolah_id:
        raise TimError(
            "anggota_id",
            f"Tim kerja untuk {pegawai.nama} harus guru di sekolah yang sama; {anggota.nama} "
            "tidak ditempatkan di sana.",
        )
    sudah = TimKerja.berlaku(tanggal).where(
        TimKerja.pegawai == pegawai.id, TimKerja.anggota == anggota.id
    )
    if sudah.exists():
        raise TimError(
            "pegawai_ids", f"{anggota.nama} sudah menjadi anggota tim kerja untuk {pegawai.nama}."
        )


def akhiri(user: DinasUser, tim_id: int) -> TimKerja | None:
    """End an active appointment today. One made today is removed instead (it never ran a
    day, and an appointment must end after it starts); the audit trail keeps it either way.
    TimError when the appointment is not the user's to end."""
    tanggal = hari_ini()
    tim = TimKerja.berlaku(tanggal).where(TimKerja.id == tim_id).first()
    if tim is None or tim.pegawai_id not in {p.id for p in dinilai(user)}:
        raise TimError("tim_id", "Penunjukan ini tidak ada atau sudah berakhir.")
    sebelum = audit.potret(tim)
    if tim.mulai >= tanggal:
        tim.delete_instance()
        audit.catat(user, "batalkan tim kerja", tim, sebelum, sesudah={})
        return None
    tim.selesai = tanggal
    tim.save()
    audit.catat(user, "akhiri tim kerja", tim, sebelum)
    return tim


@dataclass(frozen=True)
class Diamati:
    """A pegawai the signed-in tim kerja member observes, and where their observation stands
    in the current semester."""

    tim: TimKerja
    pegawai: Pegawai
    sekolah: Sekolah | None
    tahun: int
    semester: int
    status_b: StatusLangkah | None  # None: the semester's cycle has not started

    @property
    def label_b(self) -> str:
        return LABEL_STATUS[self.status_b] if self.status_b else "Siklus belum dimulai"


def diamati(user: DinasUser) -> list[Diamati]:
    """The pegawai the user observes today as a tim kerja member, by name."""
    tanggal = hari_ini()
    tahun, semester = tanggal.year, semester_dari(tanggal)
    tim = list(TimKerja.berlaku(tanggal).where(TimKerja.anggota == user.pegawai.id))
    if not tim:
        return []
    ids = {t.pegawai_id for t in tim}
    orang = {
        p.id: p
        for p in Pegawai.select(Pegawai, Sekolah)
        .left_outer_join(Sekolah)
        .where(Pegawai.id.in_(ids))
    }
    status = {
        s.siklus.pegawai_id: StatusLangkah(s.status)
        for s in SiklusLangkah.select(SiklusLangkah, Siklus)
        .join(Siklus)
        .where(
            Siklus.pegawai.in_(ids),
            Siklus.tahun == tahun,
            Siklus.semester == semester,
            SiklusLangkah.langkah == "B",
        )
    }
    hasil = [
        Diamati(
            t,
            orang[t.pegawai_id],
            orang[t.pegawai_id].sekolah,
            tahun,
            semester,
            status.get(t.pegawai_id),
        )
        for t in tim
    ]
    return sorted(hasil, key=lambda d: (d.pegawai.nama, d.pegawai.id))
