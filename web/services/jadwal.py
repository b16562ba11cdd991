"""The dinas's windows for a year, made from the regime's template the first time a year is
asked for (the migration made 2024-2026; later years appear when someone plans them)."""

from __future__ import annotations

from web.db import db
from web.domain import kalender
from web.models import Jendela
from web.models.base import hari_ini

DARI_BAKU = """
INSERT INTO jendela (regime_kode, tahun, kode, semester, mulai, selesai)
SELECT b.regime_kode, %s, b.kode, b.semester,
       make_date(%s + b.geser_tahun, b.bulan_mulai, b.hari_mulai),
       CASE WHEN b.hari_selesai IS NULL
            THEN (make_date(%s + b.geser_tahun, b.bulan_selesai, 1)
                  + interval '1 month' - interval '1 day')::date
            ELSE make_date(%s + b.geser_tahun, b.bulan_selesai, b.hari_selesai)
       END
FROM jendela_baku b
WHERE b.regime_kode = %s
ON CONFLICT DO NOTHING
"""


def jendela(regime_kode: str, tahun: int, kode: str, semester: int | None = None) -> Jendela:
    """The window `kode` of `tahun` (of `semester`, for the windows held once per semester),
    creating the year's windows from the template if needed."""
    query = (
        Jendela.select()
        .where(Jendela.regime_kode == regime_kode, Jendela.tahun == tahun, Jendela.kode == kode)
        .order_by(Jendela.semester)
    )
    if semester is not None:
        query = query.where(Jendela.semester == semester)
    found = query.get_or_none()  # not .first(): that caches its answer on the query
    if found is None:
        db.execute_sql(DARI_BAKU, (tahun, tahun, tahun, tahun, regime_kode))
        found = query.get_or_none()
    if found is None:
        raise LookupError(f"Regime {regime_kode} tidak memiliki jadwal {kode}.")
    return found


def status(j: Jendela) -> kalender.StatusJendela:
    return kalender.status_jendela(j.sebagai_jendela(), hari_ini())


def keterangan(j: Jendela) -> str:
    """Where the window stands today, as a sentence: "Dibuka sampai … (12 hari lagi)"."""
    return kalender.keterangan(j.sebagai_jendela(), hari_ini())
