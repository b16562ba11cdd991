"""What the landing page shows a signed-in pegawai: who they are, their school, their roles,
and the few figures each role is responsible for."""

from __future__ import annotations

from dataclasses import dataclass, field

from web.auth import DinasUser
from web.models import Akun, Pegawai, Sekolah
from web.models.pegawai import PERAN

TUGAS_PERAN = {
    "guru": "Menyusun SKP, menjalani siklus peningkatan kinerja tiap semester, dan mengunggah "
    "bukti dukung.",
    "kepala_sekolah": "Menilai kinerja guru di sekolah Anda, menunjuk tim kerja, dan merekap "
    "kehadiran guru di kelas; kinerja Anda sendiri dinilai Kepala Dinas.",
    "pengawas": "Membantu Kepala Dinas menilai kepala sekolah sebagai anggota tim kerja.",
    "admin_dinas": "Mengelola sekolah, pegawai, akun dan penilai; menjadi tempat bertanya "
    "guru dan kepala sekolah di dinas ini.",
    "kepala_dinas": "Menilai kinerja kepala sekolah dan memantau hasil seluruh dinas.",
}


@dataclass(frozen=True)
class Angka:
    label: str
    nilai: int


@dataclass
class Beranda:
    pegawai: Pegawai
    sekolah: Sekolah | None
    peran: list[tuple[str, str]]
    angka: list[Angka] = field(default_factory=list)
    admin: list[Pegawai] = field(default_factory=list)


def beranda(user: DinasUser) -> Beranda:
    pegawai = user.pegawai
    sekolah = pegawai.sekolah if pegawai.sekolah_id else None
    page = Beranda(
        pegawai=pegawai,
        sekolah=sekolah,
        peran=[(_label(user, kode), TUGAS_PERAN[kode]) for kode in PERAN if kode in user.roles],
    )
    if user.has_role("admin_dinas", "kepala_dinas"):
        page.angka += [
            Angka("Sekolah aktif", Sekolah.select().where(Sekolah.aktif).count()),
            Angka("Pegawai aktif", Pegawai.select().where(Pegawai.aktif).count()),
            Angka(
                "Akun aktif",
                Akun.select().join(Pegawai).where(Akun.aktif, Pegawai.aktif).count(),
            ),
        ]
    for dipimpin in Sekolah.select().where(Sekolah.id.in_(user.sekolah_dipimpin)):
        guru = Pegawai.select().where(
            Pegawai.sekolah == dipimpin,
            Pegawai.aktif,
            Pegawai.peran.contains("guru"),
            Pegawai.id != pegawai.id,
        )
        page.angka.append(Angka(f"Guru di {dipimpin.nama}", guru.count()))
    if not user.has_role("admin_dinas"):
        page.admin = list(
            Pegawai.select(Pegawai.nama, Pegawai.email, Pegawai.telepon)
            .where(Pegawai.aktif, Pegawai.peran.contains("admin_dinas"))
            .order_by(Pegawai.nama)
            .limit(3)
        )
    return page


def _label(user: DinasUser, kode: str) -> str:
    acting = any(p.plt for p in user.penugasan if p.jabatan == kode)
    return PERAN[kode] + (" (Plt)" if acting else "")
