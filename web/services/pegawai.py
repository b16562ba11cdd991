"""Pegawai of a dinas: finding them, adding and correcting their data, transfers (mutasi), posts
(kepala sekolah, Plt, kepala dinas) and the schools a pengawas supervises.

Every change is audited in the same transaction. A pegawai's school is history: a transfer closes
the current placement on its date and opens the next, and `pegawai.sekolah_id` mirrors the open
one, so lists stay one query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from web.auth import DinasUser
from web.domain import penilai as aturan
from web.domain.akses import SEMUA, cakupan_sekolah
from web.models import Akun, Pegawai, Penempatan, PengawasSekolah, Penugasan, Sekolah
from web.models.base import hari_ini, now
from web.paging import Halaman, argumen_saring, halaman
from web.services import audit

KOLOM = (
    "nama",
    "nip",
    "nuptk",
    "email",
    "telepon",
    "status_kepegawaian",
    "jenjang_jabatan",
    "pangkat_golongan",
)
PERAN_SENDIRI = ("guru", "pengawas", "admin_dinas")  # the rest come from posts


class DataBentrok(ValueError):
    """Input that clashes with what the dinas already holds; `field` names the form field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Saring:
    q: str = ""
    npsn: str = ""
    status: str = ""
    peran: str = ""
    aktif: str = "ya"

    def args(self) -> dict[str, str]:
        return argumen_saring(self)


def cari(user: DinasUser, saring: Saring, nomor: int) -> Halaman:
    query = (
        Pegawai.select(Pegawai, Sekolah).left_outer_join(Sekolah).order_by(Pegawai.nama, Pegawai.id)
    )
    scope = cakupan_sekolah(user.roles, user.sekolah_dipimpin)
    if scope is not SEMUA:
        query = query.where(Pegawai.sekolah.in_(scope) | (Pegawai.id == user.pegawai.id))
    if q := saring.q.strip():
        query = query.where(
            Pegawai.nama.contains(q)
            | (Pegawai.nip == q.replace(" ", ""))
            | (Pegawai.nuptk == q.replace(" ", ""))
            | (Pegawai.email == q.lower())
        )
    if saring.npsn:
        query = query.where(Sekolah.npsn == saring.npsn.strip())
    if saring.status:
        query = query.where(Pegawai.status_kepegawaian == saring.status)
    if saring.peran in PERAN_SENDIRI:
        query = query.where(Pegawai.peran.contains(saring.peran))
    elif saring.peran in ("kepala_sekolah", "kepala_dinas"):
        posts = Penugasan.berlaku(hari_ini()).where(Penugasan.jabatan == saring.peran)
        query = query.where(Pegawai.id.in_(posts.select(Penugasan.pegawai)))
    if saring.aktif != "semua":
        query = query.where(Pegawai.aktif == (saring.aktif != "tidak"))
    return halaman(query, nomor)


def sekolah_dari_npsn(npsn: str | None, field_name: str = "npsn_sekolah") -> Sekolah | None:
    if not npsn:
        return None
    sekolah = Sekolah.get_or_none(Sekolah.npsn == npsn.strip())
    if sekolah is None:
        raise DataBentrok(field_name, f"Tidak ada sekolah dengan NPSN {npsn.strip()}.")
    if not sekolah.aktif:
        raise DataBentrok(field_name, f"{sekolah.nama} sudah nonaktif.")
    return sekolah


def tambah(user: DinasUser, data: dict[str, Any]) -> Pegawai:
    sekolah = sekolah_dari_npsn(data.get("npsn_sekolah"))
    _pastikan_unik(data, None)
    pegawai = Pegawai.create(**_nilai(data), sekolah=sekolah, peran=_peran(data.get("peran") or []))
    audit.catat(user, "buat", pegawai)
    if sekolah is not None:
        penempatan = Penempatan.create(pegawai=pegawai, sekolah=sekolah, mulai=hari_ini())
        audit.catat(user, "buat", penempatan)
    return pegawai


def ubah(user: DinasUser, pegawai: Pegawai, data: dict[str, Any]) -> Pegawai:
    _pastikan_unik(data, pegawai.id)
    sebelum = audit.potret(pegawai)
    for kolom, nilai in _nilai(data).items():
        setattr(pegawai, kolom, nilai)
    pegawai.peran = _peran(data.get("peran") or [])
    pegawai.diubah = now()
    pegawai.save()
    audit.catat(user, "ubah", pegawai, sebelum)
    return pegawai


def atur_aktif(user: DinasUser, pegawai: Pegawai, aktif: bool) -> None:
    if pegawai.aktif == aktif:
        return
    sebelum = audit.potret(pegawai)
    pegawai.aktif, pegawai.diubah = aktif, now()
    pegawai.save()
    audit.catat(user, "aktifkan" if aktif else "nonaktifkan", pegawai, sebelum)


def mutasi(user: DinasUser, pegawai: Pegawai, npsn: str, tanggal: dt.date) -> Penempatan:
    """Move a pegawai to another school from `tanggal`, keeping the earlier placements."""
    tujuan = sekolah_dari_npsn(npsn, "npsn_tujuan")
    assert tujuan is not None
    if tanggal > hari_ini():
        raise DataBentrok(
            "tanggal", "Tanggal mutasi tidak boleh di masa depan; catat pada hari mutasi berlaku."
        )
    if pegawai.sekolah_id == tujuan.id:
        raise DataBentrok("npsn_tujuan", f"{pegawai.nama} sudah di {tujuan.nama}.")
    terbuka = Penempatan.get_or_none(Penempatan.pegawai == pegawai, Penempatan.selesai.is_null())
    if terbuka is not None:
        if tanggal <= terbuka.mulai:
            raise DataBentrok(
                "tanggal",
                f"Tanggal mutasi harus sesudah {terbuka.mulai:%d-%m-%Y}, awal penempatan sekarang.",
            )
        sebelum = audit.potret(terbuka)
        terbuka.selesai = tanggal
        terbuka.save()
        audit.catat(user, "ubah", terbuka, sebelum)
    baru = Penempatan.create(pegawai=pegawai, sekolah=tujuan, mulai=tanggal)
    audit.catat(user, "mutasi", baru)
    sebelum = audit.potret(pegawai)
    pegawai.sekolah, pegawai.diubah = tujuan, now()
    pegawai.save()
    audit.catat(user, "mutasi", pegawai, sebelum)
    return baru


def tetapkan_jabatan(
    user: DinasUser,
    pegawai: Pegawai,
    *,
    jabatan: str,
    npsn: str | None,
    mulai: dt.date,
    selesai: dt.date | None,
    plt: bool,
    nomor_sk: str,
) -> Penugasan:
    sekolah = sekolah_dari_npsn(npsn, "npsn_sekolah") if jabatan == "kepala_sekolah" else None
    if jabatan == "kepala_sekolah" and sekolah is None:
        raise DataBentrok("npsn_sekolah", "NPSN sekolah yang dipimpin wajib diisi.")
    if selesai is not None and selesai <= mulai:
        raise DataBentrok("selesai", "Tanggal selesai harus sesudah tanggal mulai.")
    baru = aturan.Penugasan(
        pegawai_id=pegawai.id,
        jabatan=aturan.Jabatan(jabatan),
        sekolah_id=sekolah.id if sekolah else None,
        mulai=mulai,
        selesai=selesai,
        plt=plt,
    )
    query = Penugasan.select().where(Penugasan.jabatan == jabatan)
    if sekolah is not None:
        query = query.where(Penugasan.sekolah == sekolah)
    if message := aturan.periksa_penugasan(baru, [_ke_aturan(p) for p in query]):
        raise DataBentrok("mulai", message)
    post = Penugasan.create(
        pegawai=pegawai,
        jabatan=jabatan,
        sekolah=sekolah,
        mulai=mulai,
        selesai=selesai,
        plt=plt,
        nomor_sk=nomor_sk or "",
    )
    audit.catat(user, "tetapkan jabatan", post)
    return post


def akhiri_jabatan(user: DinasUser, post: Penugasan, selesai: dt.date) -> None:
    if selesai <= post.mulai:
        raise DataBentrok("selesai", f"Tanggal selesai harus sesudah {post.mulai:%d-%m-%Y}.")
    sebelum = audit.potret(post)
    post.selesai = selesai
    post.save()
    audit.catat(user, "akhiri jabatan", post, sebelum)


def tugaskan_pengawas(
    user: DinasUser, pengawas: Pegawai, npsn: str, mulai: dt.date
) -> PengawasSekolah:
    if "pengawas" not in pengawas.peran:
        raise DataBentrok("npsn_binaan", f"{pengawas.nama} bukan pengawas sekolah.")
    sekolah = sekolah_dari_npsn(npsn, "npsn_binaan")
    sudah = PengawasSekolah.select().where(
        PengawasSekolah.pegawai == pengawas,
        PengawasSekolah.sekolah == sekolah,
        PengawasSekolah.selesai.is_null(),
    )
    if sudah.exists():
        raise DataBentrok("npsn_binaan", f"{sekolah.nama} sudah menjadi binaan {pengawas.nama}.")
    binaan = PengawasSekolah.create(pegawai=pengawas, sekolah=sekolah, mulai=mulai)
    audit.catat(user, "buat", binaan)
    return binaan


@dataclass
class RincianPegawai:
    pegawai: Pegawai
    penempatan: list[Penempatan]
    penugasan: list[Penugasan]
    binaan: list[PengawasSekolah]
    akun: Akun | None
    penilai: Pegawai | None = None
    penilai_plt: bool = False
    penilai_jabatan: str = ""


def rincian(pegawai: Pegawai) -> RincianPegawai:
    penempatan = list(
        Penempatan.select(Penempatan, Sekolah)
        .join(Sekolah)
        .where(Penempatan.pegawai == pegawai)
        .order_by(Penempatan.mulai.desc())
    )
    penugasan = list(
        Penugasan.select(Penugasan, Sekolah)
        .left_outer_join(Sekolah)
        .where(Penugasan.pegawai == pegawai)
        .order_by(Penugasan.mulai.desc())
    )
    binaan = list(
        PengawasSekolah.select(PengawasSekolah, Sekolah)
        .join(Sekolah)
        .where(PengawasSekolah.pegawai == pegawai)
        .order_by(PengawasSekolah.mulai.desc())
    )
    hasil = RincianPegawai(
        pegawai, penempatan, penugasan, binaan, Akun.get_or_none(Akun.pegawai == pegawai)
    )
    siapa = penilai_hari_ini(pegawai)
    if siapa is not None:
        hasil.penilai = Pegawai.get_by_id(siapa.pegawai_id)
        hasil.penilai_plt = siapa.plt
        hasil.penilai_jabatan = siapa.jabatan.value
    return hasil


def penilai_hari_ini(pegawai: Pegawai, tanggal: dt.date | None = None) -> aturan.Penilai | None:
    """Who appraises this pegawai on `tanggal` (today by default), from the stored history."""
    tanggal = tanggal or hari_ini()
    penempatan = [
        aturan.Penempatan(p.pegawai_id, p.sekolah_id, p.mulai, p.selesai)
        for p in Penempatan.select().where(Penempatan.pegawai == pegawai)
    ]
    sekolah_ids = {p.sekolah_id for p in penempatan}
    posts = Penugasan.select().where(
        (Penugasan.pegawai == pegawai)
        | (Penugasan.jabatan == "kepala_dinas")
        | Penugasan.sekolah.in_(sekolah_ids)
    )
    return aturan.penilai_pada(pegawai.id, tanggal, penempatan, [_ke_aturan(p) for p in posts])


def dinilai_oleh(penilai_id: int, tanggal: dt.date | None = None) -> list[Pegawai]:
    """The active pegawai whose penilai on `tanggal` (today by default) is `penilai_id`, by name.

    The candidates are those placed at a school the penilai holds a post at that day and, for a
    kepala dinas, everyone heading a school; `penilai_pada` then decides each one with the same
    rule as for a single pegawai (a Plt, a guru acting as head, an empty post), from one read of
    the posts and placements.
    """
    tanggal = tanggal or hari_ini()
    posts = [_ke_aturan(p) for p in Penugasan.berlaku(tanggal)]
    sendiri = [p for p in posts if p.pegawai_id == penilai_id]
    if not sendiri:
        return []
    sekolah_ids = {p.sekolah_id for p in sendiri if p.sekolah_id is not None}
    kandidat_ids = set()
    if sekolah_ids:
        kandidat_ids |= {
            p.pegawai_id
            for p in Penempatan.berlaku(tanggal).where(Penempatan.sekolah.in_(sekolah_ids))
        }
    if any(p.jabatan == aturan.Jabatan.KEPALA_DINAS for p in sendiri):
        kandidat_ids |= {p.pegawai_id for p in posts if p.jabatan == aturan.Jabatan.KEPALA_SEKOLAH}
    kandidat_ids.discard(penilai_id)
    if not kandidat_ids:
        return []
    penempatan = [
        aturan.Penempatan(p.pegawai_id, p.sekolah_id, p.mulai, p.selesai)
        for p in Penempatan.berlaku(tanggal).where(Penempatan.pegawai.in_(kandidat_ids))
    ]
    orang = Pegawai.select().where(Pegawai.id.in_(kandidat_ids), Pegawai.aktif)
    return [
        p
        for p in orang.order_by(Pegawai.nama, Pegawai.id)
        if (siapa := aturan.penilai_pada(p.id, tanggal, penempatan, posts)) is not None
        and siapa.pegawai_id == penilai_id
    ]


def _ke_aturan(post: Penugasan) -> aturan.Penugasan:
    return aturan.Penugasan(
        pegawai_id=post.pegawai_id,
        jabatan=aturan.Jabatan(post.jabatan),
        sekolah_id=post.sekolah_id,
        mulai=post.mulai,
        selesai=post.selesai,
        plt=post.plt,
    )


def _nilai(data: dict[str, Any]) -> dict[str, Any]:
    values = {k: (data.get(k) or None) for k in KOLOM}
    values["telepon"] = data.get("telepon") or ""
    return values


def _peran(peran: list[str]) -> list[str]:
    return [p for p in PERAN_SENDIRI if p in peran]


def _pastikan_unik(data: dict[str, Any], diri: int | None) -> None:
    for kolom, label in (("nip", "NIP"), ("nuptk", "NUPTK"), ("email", "E-mail")):
        nilai = data.get(kolom)
        if not nilai:
            continue
        other = Pegawai.get_or_none(getattr(Pegawai, kolom) == nilai)
        if other is not None and other.id != diri:
            raise DataBentrok(kolom, f"{label} {nilai} sudah dipakai {other.nama}.")
