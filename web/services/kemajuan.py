"""How far the SKP planning of a year has got, per school: for the admin dinas and the kepala
dinas (every active school) and the kepala sekolah (the dinas page and a school's page).

The dinas page must stay fast for 400 schools and 10,000 pegawai, so its counts come from one
GROUP BY query whatever the number of schools, with the latest version per pegawai picked in SQL
(DISTINCT ON), and the school table is paginated.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from web.db import db
from web.domain import skp as aturan
from web.domain.kalender import StatusJendela
from web.models import Jendela, Sekolah
from web.models.base import hari_ini
from web.paging import PER_HALAMAN, Halaman
from web.services import jadwal
from web.services import skp as layanan

# Statuses in the order a plan goes through them; "belum mulai" (None) comes before them all.
URUTAN_STATUS = (
    aturan.StatusSkp.DRAF,
    aturan.StatusSkp.PERLU_REVISI,
    aturan.StatusSkp.DIAJUKAN,
    aturan.StatusSkp.DISEPAKATI,
)

# Who plans an SKP at a school today: the acting kepala sekolah (a definitive holder before a
# Plt, as web.domain.penilai.pemegang_jabatan), and every other active pegawai with the guru role
# whose current school it is. A kepala sekolah counts at the school they lead, not as a guru.
# Then each one's latest version of the year.
_PERENCANA = """
WITH kepala AS (
    SELECT DISTINCT ON (t.sekolah_id) t.sekolah_id, t.pegawai_id, true AS kepala
    FROM penugasan t JOIN pegawai p ON p.id = t.pegawai_id
    WHERE t.jabatan = 'kepala_sekolah' AND p.aktif
      AND t.mulai <= %(hari)s AND (t.selesai IS NULL OR t.selesai > %(hari)s)
    ORDER BY t.sekolah_id, t.plt, t.mulai DESC
), perencana AS (
    SELECT sekolah_id, pegawai_id, kepala FROM kepala
    UNION ALL
    SELECT p.sekolah_id, p.id, false FROM pegawai p
    WHERE p.aktif AND p.sekolah_id IS NOT NULL AND 'guru' = ANY (p.peran)
      AND p.id NOT IN (SELECT pegawai_id FROM kepala)
), terakhir AS (
    SELECT DISTINCT ON (pegawai_id) pegawai_id, id, versi, status
    FROM skp WHERE tahun = %(tahun)s
    ORDER BY pegawai_id, versi DESC
)
"""

_PER_SEKOLAH = (
    _PERENCANA
    + """
SELECT s.id, s.nama, s.npsn,
       count(r.pegawai_id) AS jumlah,
       count(r.pegawai_id) FILTER (WHERE t.status IS NULL) AS belum_mulai,
       count(*) FILTER (WHERE t.status = 'draf') AS draf,
       count(*) FILTER (WHERE t.status = 'diajukan') AS diajukan,
       count(*) FILTER (WHERE t.status = 'perlu_revisi') AS perlu_revisi,
       count(*) FILTER (WHERE t.status = 'disepakati') AS disepakati,
       count(*) OVER () AS sekolah_total,
       sum(count(r.pegawai_id)) OVER () AS jumlah_total,
       sum(count(r.pegawai_id) FILTER (WHERE t.status IS NULL)) OVER () AS belum_mulai_total,
       sum(count(*) FILTER (WHERE t.status = 'draf')) OVER () AS draf_total,
       sum(count(*) FILTER (WHERE t.status = 'diajukan')) OVER () AS diajukan_total,
       sum(count(*) FILTER (WHERE t.status = 'perlu_revisi')) OVER () AS perlu_revisi_total,
       sum(count(*) FILTER (WHERE t.status = 'disepakati')) OVER () AS disepakati_total
FROM sekolah s
LEFT JOIN perencana r ON r.sekolah_id = s.id
LEFT JOIN terakhir t ON t.pegawai_id = r.pegawai_id
WHERE s.aktif AND (%(semua)s OR s.id = ANY (%(lingkup)s::int[]))
GROUP BY s.id
ORDER BY s.nama, s.id
LIMIT %(batas)s OFFSET %(lewati)s
"""
)

_ORANG = (
    _PERENCANA
    + """
SELECT p.id, p.nama, p.nip, p.nuptk, r.kepala, t.id, t.versi, t.status
FROM perencana r
JOIN pegawai p ON p.id = r.pegawai_id
LEFT JOIN terakhir t ON t.pegawai_id = r.pegawai_id
WHERE r.sekolah_id = %(sekolah)s
ORDER BY t.status IS NOT NULL,
         array_position(%(urutan)s::text[], t.status),
         p.nama, p.id
"""
)


@dataclass(frozen=True)
class Hitungan:
    """How many pegawai plan, and how many of them stand at each status of their latest version."""

    jumlah: int = 0
    belum_mulai: int = 0
    draf: int = 0
    diajukan: int = 0
    perlu_revisi: int = 0
    disepakati: int = 0


@dataclass(frozen=True)
class BarisSekolah:
    sekolah_id: int
    nama: str
    npsn: str
    hitungan: Hitungan


@dataclass(frozen=True)
class KeadaanJendela:
    """A window of the year and where it stands today, as a sentence."""

    jendela: Jendela
    keterangan: str
    terlambat: bool


@dataclass(frozen=True)
class KemajuanDinas:
    tahun: int
    penyusunan: KeadaanJendela
    penyesuaian: KeadaanJendela
    sekolah: Halaman  # of BarisSekolah
    total: Hitungan


@dataclass(frozen=True)
class BarisOrang:
    pegawai_id: int
    nama: str
    nip: str | None
    nuptk: str | None
    kepala_sekolah: bool
    skp_id: int | None
    versi: int | None
    status: str | None  # None: belum mulai


@dataclass(frozen=True)
class KemajuanSekolah:
    tahun: int
    sekolah: Sekolah
    penyusunan: KeadaanJendela
    penyesuaian: KeadaanJendela
    orang: list[BarisOrang]
    hitungan: Hitungan


def keadaan_jendela(tahun: int, kode: str) -> KeadaanJendela:
    j = jadwal.jendela(layanan.REGIME_BAKU, tahun, kode)
    return KeadaanJendela(j, jadwal.keterangan(j), jadwal.status(j) == StatusJendela.TERLAMBAT)


def _jendela_tahun(tahun: int) -> tuple[KeadaanJendela, KeadaanJendela]:
    return (
        keadaan_jendela(tahun, aturan.KODE_JENDELA_PENYUSUNAN),
        keadaan_jendela(tahun, aturan.KODE_JENDELA_PENYESUAIAN),
    )


def dinas(
    tahun: int,
    lingkup: Set[int] | None,
    nomor: int = 1,
    per_halaman: int = PER_HALAMAN,
) -> KemajuanDinas:
    """Counts per active school for `tahun`; `lingkup` None means every school (admin dinas,
    kepala dinas), else only those schools (a kepala sekolah's own). One query gives the page of
    the table, the number of schools and the dinas totals; a page past the end shows the last."""
    nomor = max(nomor, 1)
    rows = _per_sekolah(tahun, lingkup, nomor, per_halaman)
    if not rows and nomor > 1:
        nomor = max(1, -(-_jumlah_sekolah(lingkup) // per_halaman))
        rows = _per_sekolah(tahun, lingkup, nomor, per_halaman)
    baris = [BarisSekolah(r[0], r[1], r[2], Hitungan(*r[3:9])) for r in rows]
    total_sekolah = rows[0][9] if rows else 0
    total = Hitungan(*(int(v) for v in rows[0][10:16])) if rows else Hitungan()
    penyusunan, penyesuaian = _jendela_tahun(tahun)
    return KemajuanDinas(
        tahun,
        penyusunan,
        penyesuaian,
        Halaman(baris, total_sekolah, nomor, per_halaman),
        total,
    )


def _per_sekolah(
    tahun: int, lingkup: Set[int] | None, nomor: int, per_halaman: int
) -> list[tuple[Any, ...]]:
    return db.execute_sql(
        _PER_SEKOLAH,
        {
            "hari": hari_ini(),
            "tahun": tahun,
            "semua": lingkup is None,
            "lingkup": sorted(lingkup or ()),
            "batas": per_halaman,
            "lewati": (nomor - 1) * per_halaman,
        },
    ).fetchall()


def _jumlah_sekolah(lingkup: Set[int] | None) -> int:
    query = Sekolah.select().where(Sekolah.aktif)
    if lingkup is not None:
        query = query.where(Sekolah.id.in_(list(lingkup)))
    return query.count()


def sekolah(tahun: int, sekolah: Sekolah) -> KemajuanSekolah:
    """The people who plan at one school with the status of their latest version, those who have
    not started first."""
    rows = db.execute_sql(
        _ORANG,
        {
            "hari": hari_ini(),
            "tahun": tahun,
            "sekolah": sekolah.id,
            "urutan": [s.value for s in URUTAN_STATUS],
        },
    ).fetchall()
    orang = [BarisOrang(*r) for r in rows]
    per_status = {s: sum(1 for o in orang if o.status == s) for s in aturan.StatusSkp}
    hitungan = Hitungan(
        jumlah=len(orang),
        belum_mulai=sum(1 for o in orang if o.status is None),
        draf=per_status[aturan.StatusSkp.DRAF],
        diajukan=per_status[aturan.StatusSkp.DIAJUKAN],
        perlu_revisi=per_status[aturan.StatusSkp.PERLU_REVISI],
        disepakati=per_status[aturan.StatusSkp.DISEPAKATI],
    )
    penyusunan, penyesuaian = _jendela_tahun(tahun)
    return KemajuanSekolah(tahun, sekolah, penyusunan, penyesuaian, orang, hitungan)
