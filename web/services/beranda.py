"""What the landing page shows a signed-in pegawai: who they are, their school, their roles,
and the few figures each role is responsible for."""

from __future__ import annotations

from dataclasses import dataclass, field

from web.auth import DinasUser
from web.domain import siklus as aturan_siklus
from web.domain.kalender import tulis_tanggal
from web.domain.skp import LABEL_STATUS, StatusSkp
from web.models import Akun, LaporanData, Pegawai, Sekolah, TimKerja
from web.models.base import WIB, hari_ini
from web.models.pegawai import PERAN
from web.services import jadwal, siklus
from web.services import skp as layanan_skp
from web.services.persetujuan import jumlah_menunggu

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


@dataclass(frozen=True)
class Tugas:
    """Something waiting for this user, with the page where it is done."""

    teks: str
    keterangan: str
    endpoint: str


@dataclass
class Beranda:
    pegawai: Pegawai
    sekolah: Sekolah | None
    peran: list[tuple[str, str]]
    angka: list[Angka] = field(default_factory=list)
    admin: list[Pegawai] = field(default_factory=list)
    tugas: list[Tugas] = field(default_factory=list)


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
    page.tugas = _tugas(user)
    if not user.has_role("admin_dinas"):
        page.admin = list(
            Pegawai.select(Pegawai.nama, Pegawai.email, Pegawai.telepon)
            .where(Pegawai.aktif, Pegawai.peran.contains("admin_dinas"))
            .order_by(Pegawai.nama)
            .limit(3)
        )
    return page


def _tugas(user: DinasUser) -> list[Tugas]:
    tahun = hari_ini().year
    tugas = []
    if user.has_role("guru", "kepala_sekolah"):
        skp = layanan_skp.terakhir(user.pegawai.id, tahun)
        if skp is None:
            window = jadwal.jendela(layanan_skp.REGIME_BAKU, tahun, "skp_penyusunan")
            tugas.append(
                Tugas(f"SKP {tahun}: belum mulai disusun", jadwal.keterangan(window), "skp.index")
            )
        else:
            status = StatusSkp(skp.status)
            if status == StatusSkp.PERLU_REVISI:
                keterangan = "Dikembalikan penilai; baca catatannya lalu ajukan lagi."
            elif status == StatusSkp.DISEPAKATI:
                keterangan = f"Disepakati {tulis_tanggal(skp.disepakati.astimezone(WIB).date())}."
            else:
                keterangan = jadwal.keterangan(layanan_skp.jendela(skp))
            tugas.append(Tugas(f"SKP {tahun}: {LABEL_STATUS[status]}", keterangan, "skp.index"))
        tugas += _tugas_siklus(user)
    diamati = TimKerja.berlaku(hari_ini()).where(TimKerja.anggota == user.pegawai.id).count()
    if diamati:
        tugas.append(
            Tugas(
                f"Anda anggota tim kerja untuk {diamati} pegawai",
                "Lakukan observasi dan tuliskan catatan serta rekomendasi.",
                "siklus.amati",
            )
        )
    if user.has_role("kepala_sekolah", "kepala_dinas"):
        menunggu = jumlah_menunggu(user.pegawai.id, tahun)
        if menunggu:
            tugas.append(
                Tugas(
                    f"{menunggu} SKP menunggu persetujuan Anda",
                    "Periksa, sepakati atau kembalikan dengan catatan.",
                    "skp.persetujuan",
                )
            )
    if user.has_role("admin_dinas"):
        terbuka = LaporanData.select().where(LaporanData.selesai.is_null()).count()
        if terbuka:
            tugas.append(
                Tugas(
                    f"{terbuka} laporan data salah belum ditanggapi",
                    "Perbaiki datanya, lalu beri tanggapan kepada pegawai.",
                    "dinas.laporan_data",
                )
            )
    return tugas


def _tugas_siklus(user: DinasUser) -> list[Tugas]:
    """Where the pegawai's improvement cycle of this semester stands, once their SKP is agreed."""
    hari = hari_ini()
    semester = siklus.semester_dari(hari)
    judul = f"Siklus semester {semester}"
    cycle = siklus.cari(user.pegawai.id, hari.year, semester)
    if cycle is None:
        if siklus.skp_berlaku(user.pegawai.id, hari.year) is None:
            return []
        return [Tugas(f"{judul}: belum dimulai", "Mulai dari langkah A.", "siklus.index")]
    sekarang = aturan_siklus.langkah_sekarang(siklus.status(cycle))
    if sekarang is None:
        return [Tugas(f"{judul}: kelima langkah selesai", "", "siklus.index")]
    nama = siklus.langkah_regime(cycle.skp.regime_kode)[sekarang].nama
    return [Tugas(f"{judul}: langkah {sekarang.value} {nama}", "", "siklus.index")]


def _label(user: DinasUser, kode: str) -> str:
    acting = any(p.plt for p in user.penugasan if p.jabatan == kode)
    return PERAN[kode] + (" (Plt)" if acting else "")
