"""The demo dinas that `make run` serves, so a newcomer can click through at once.

Every demo account shares one password, printed on start. Only for the embedded default: a
production deployment never runs this.
"""

from __future__ import annotations

import datetime as dt
import io

from tenants.provision import create_tenant
from web.auth import DinasUser, hash_password
from web.db import db, schema_for, tenant_transaction
from web.domain.siklus import Langkah, Pihak
from web.models import (
    Akun,
    AspekPerilaku,
    LaporanData,
    Operator,
    Pegawai,
    Penempatan,
    Penugasan,
    PerilakuBawaan,
    Sekolah,
    Tenant,
)
from web.models.base import hari_ini
from web.services import akuntabilitas, langkah, siklus, skp, umpan_balik

SLUG = "demo"
SEJAK = dt.date(2024, 1, 1)
JABATAN = ("kepala_sekolah", "kepala_dinas")
PASSWORD = "demo-kinerja"
OPERATOR_EMAIL = "operator@kinerja.test"

SEKOLAH = (
    ("20212345", "SD Negeri 1 Contoh", "SD", "negeri", "Cibinong", "Jl. Merdeka No. 1"),
    ("20254321", "SMP Negeri 2 Contoh", "SMP", "negeri", "Citeureup", "Jl. Pendidikan No. 7"),
    ("69912345", "SD Harapan Bangsa", "SD", "swasta", "Cibinong", "Jl. Melati No. 12"),
)

# nama, NIP, NUPTK, e-mail, status, jenjang, pangkat, NPSN, peran
PEGAWAI = (
    (
        "Drs. Bambang Sutrisno, M.Pd.",
        "197204151998031003",
        None,
        "kadis@demo.kinerja.test",
        "PNS",
        None,
        "IV/c",
        None,
        ["kepala_dinas"],
    ),
    (
        "Sri Wahyuni, S.Pd.",
        "197811202003122002",
        "1234567890123451",
        None,
        "PNS",
        "Ahli Madya",
        "IV/a",
        "20212345",
        ["guru", "kepala_sekolah"],
    ),
    (
        "Rina Marlina, S.Pd.",
        "198503122010012001",
        "1234567890123452",
        None,
        "PNS",
        "Ahli Muda",
        "III/c",
        "20212345",
        ["guru"],
    ),
    (
        "Ahmad Fauzi, S.Pd.",
        "199002282019031005",
        "1234567890123453",
        None,
        "PNS",
        "Ahli Pertama",
        "III/a",
        "20212345",
        ["guru"],
    ),
    (
        "Hendra Gunawan, M.Pd.",
        "197605102000031004",
        "1234567890123454",
        None,
        "PNS",
        "Ahli Madya",
        "IV/b",
        "20254321",
        ["guru", "kepala_sekolah"],
    ),
    (
        "Dewi Lestari, S.Pd.",
        "198807172014022003",
        "1234567890123455",
        None,
        "PNS",
        "Ahli Muda",
        "III/d",
        "20254321",
        ["guru"],
    ),
    (
        "Yusuf Maulana, S.Pd.",
        None,
        "1234567890123456",
        "yusuf@demo.kinerja.test",
        "non-ASN",
        None,
        None,
        "69912345",
        ["guru"],
    ),
    (
        "Suparman, M.Pd.",
        "197009091995121001",
        None,
        None,
        "PNS",
        "Ahli Madya",
        "IV/b",
        None,
        ["pengawas"],
    ),
)


def ensure_demo() -> list[str]:
    """Create the demo dinas and an operator if missing; return the lines to print."""
    lines: list[str] = []
    if not Tenant.select().where(Tenant.slug == SLUG).exists():
        create_tenant(
            SLUG,
            name="Dinas Pendidikan Kabupaten Contoh",
            kind="kabupaten",
            admin_email="admin@demo.kinerja.test",
            admin_name="Nur Aini (Admin Dinas)",
            admin_password=PASSWORD,
        )
        with tenant_transaction(schema_for(SLUG)):
            _fill()
            _rencana(hari_ini().year)
            _siklus(hari_ini())
        lines.append("Dinas contoh 'demo' dibuat.")
    with db.atomic():
        if not Operator.select().where(Operator.email == OPERATOR_EMAIL).exists():
            Operator.create(
                email=OPERATOR_EMAIL,
                name="Operator Platform",
                password_hash=hash_password(PASSWORD),
            )
    lines.append(f"Semua akun contoh memakai kata sandi: {PASSWORD}")
    lines.append(f"  operator (domain utama)  {OPERATOR_EMAIL}")
    with tenant_transaction(schema_for(SLUG)):
        posts = {p.pegawai_id: p.jabatan for p in Penugasan.berlaku(hari_ini())}
        for pegawai in Pegawai.select().order_by(Pegawai.id):
            login = pegawai.nip or pegawai.email
            roles = ", ".join(
                [*pegawai.peran, *([posts[pegawai.id]] if pegawai.id in posts else [])]
            )
            lines.append(f"  {roles:<22}  {login:<24}  {pegawai.nama}")
    return lines


def _fill() -> None:
    sekolah = {}
    for npsn, nama, jenjang, status, kecamatan, alamat in SEKOLAH:
        sekolah[npsn] = Sekolah.create(
            npsn=npsn, nama=nama, jenjang=jenjang, status=status, kecamatan=kecamatan, alamat=alamat
        )
    password_hash = hash_password(PASSWORD)
    for nama, nip, nuptk, email, status, jenjang, pangkat, npsn, peran in PEGAWAI:
        pegawai = Pegawai.create(
            nama=nama,
            nip=nip,
            nuptk=nuptk,
            email=email,
            status_kepegawaian=status,
            jenjang_jabatan=jenjang,
            pangkat_golongan=pangkat,
            sekolah=sekolah.get(npsn),
            peran=[p for p in peran if p not in JABATAN],
        )
        Akun.create(pegawai=pegawai, password_hash=password_hash)
        if npsn:
            Penempatan.create(pegawai=pegawai, sekolah=sekolah[npsn], mulai=SEJAK)
        # Posts are dated records: the kepala sekolah and kepala dinas roles come from them.
        for jabatan in (p for p in peran if p in JABATAN):
            Penugasan.create(
                pegawai=pegawai,
                jabatan=jabatan,
                sekolah=sekolah[npsn] if jabatan == "kepala_sekolah" else None,
                mulai=SEJAK,
            )


# This year's plans, so every page has something to show: NIP -> (indicator, activities,
# tugas tambahan, how far it got). Yusuf Maulana has not started.
RENCANA = {
    "198503122010012001": (
        "G5",
        {"j": 2, "o": 2},
        "Wali kelas 4A (SK No. 421/07/2024)",
        "sepakati",
    ),
    "199002282019031005": ("G2", {"j": 1, "o": 1, "p": 4}, "", "ajukan"),
    "198807172014022003": ("G7", {"j": 1, "k": 1, "p": 3}, "", "sepakati"),
    "197605102000031004": ("K5", {"c": 2, "j": 2, "o": 1}, "", "ajukan"),
    "197811202003122002": ("K1", {}, "", "draf"),
}


EKSPEKTASI = {
    "198503122010012001": "Berbagi praktik umpan balik di komunitas belajar sekolah.",
    "198807172014022003": "Membimbing dua guru baru di kelas 7.",
}


def _rencana(tahun: int) -> None:
    schema = schema_for(SLUG)
    aspek = {a.kode: a.nama for a in AspekPerilaku.select()}
    for nip, (indikator, kegiatan, tugas, sampai) in RENCANA.items():
        user = DinasUser.muat(Akun.get(Akun.pegawai == Pegawai.get(Pegawai.nip == nip)), schema)
        rencana = skp.mulai(user, tahun)
        bawaan = PerilakuBawaan.select().where(PerilakuBawaan.peran == rencana.peran)
        perilaku = {
            aspek[b.aspek_kode]: skp.Perilaku(b.indikator, b.fokus_perilaku)
            for b in bawaan.order_by(PerilakuBawaan.urutan.desc())
        }
        skp.simpan(
            user,
            rencana,
            indikator_kode=indikator,
            kegiatan=kegiatan or None,
            perilaku=perilaku if kegiatan else None,
            tugas_tambahan=tugas,
        )
        if sampai in ("ajukan", "sepakati"):
            skp.ajukan(user, rencana)
        if sampai == "sepakati":
            penilai = skp.penilai_hari_ini(user.pegawai)
            kepala = DinasUser.muat(Akun.get(Akun.pegawai == penilai.pegawai_id), schema)
            skp.sepakati(kepala, rencana, ekspektasi_khusus=EKSPEKTASI[nip])
    LaporanData.create(
        pegawai=Pegawai.get(Pegawai.nuptk == "1234567890123456"),
        isi="Status kepegawaian saya sekarang PPPK sejak Maret, bukan non-ASN.",
    )


# A small valid PDF, as a demo document.
PDF_CONTOH = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _pengguna(nip: str) -> DinasUser:
    pegawai = Pegawai.get(Pegawai.nip == nip)
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai), schema_for(SLUG))


def _siklus(hari: dt.date) -> None:
    """This semester's cycle of Rina Marlina (her SKP is agreed): step A done with her kepala
    sekolah, B under way; a note of appreciation on her timeline; her KOSP uploaded and her class
    attendance recorded by Sri Wahyuni."""
    tahun, semester = hari.year, siklus.semester_dari(hari)
    rina, sri = _pengguna("198503122010012001"), _pengguna("197811202003122002")

    cycle = siklus.mulai(rina.pegawai.id, tahun, semester)
    jawaban = {
        "fokus": "Memberi umpan balik yang spesifik kepada setiap kelompok, bukan pujian umum.",
        "belajar": "Modul umpan balik konstruktif di komunitas belajar sekolah.",
        "jadwal": "Kamis minggu kedua, kelas 4A jam ke-2.",
    }
    langkah.simpan(rina, cycle, Langkah.A, Pihak.PEGAWAI, jawaban)
    langkah.tandai_selesai_mengisi(rina, cycle, Langkah.A, {Pihak.PEGAWAI}, jawaban)
    kesepakatan = {"kesepakatan": "Fokus dan jadwal disepakati; observasi oleh kepala sekolah."}
    langkah.tutup(sri, cycle, Langkah.A, {Pihak.PENILAI, Pihak.PENGAMAT}, kesepakatan)
    umpan_balik.tulis(
        sri,
        rina.pegawai,
        jenis="apresiasi",
        tanggal=hari,
        isi="Diskusi kelompok di kelas 4A berjalan hidup; terima kasih sudah mencoba.",
    )

    akuntabilitas.unggah(rina, tahun, semester, "K3", io.BytesIO(PDF_CONTOH), "KOSP 2026.pdf")
    akuntabilitas.simpan_kehadiran(
        sri, tahun, semester, {rina.pegawai.id: akuntabilitas.IsianKehadiran(32, 30)}
    )
