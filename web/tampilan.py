"""Template filters for dates, times, file sizes and SKP statuses, written the way Indonesian
pages write them; every page uses these instead of formatting in place."""

from __future__ import annotations

import datetime as dt

from flask import Flask

from web.domain.berkas import tulis_ukuran
from web.domain.kalender import tulis_tanggal
from web.domain.skp import LABEL_STATUS
from web.models.base import WIB


def tanggal(nilai: dt.date | dt.datetime | None) -> str:
    """ "23 November 2026"; a datetime is first moved to WIB."""
    if nilai is None:
        return "–"
    if isinstance(nilai, dt.datetime):
        nilai = nilai.astimezone(WIB).date()
    return tulis_tanggal(nilai)


def waktu(nilai: dt.datetime | None) -> str:
    """ "23 November 2026 14.05 WIB"."""
    if nilai is None:
        return "–"
    lokal = nilai.astimezone(WIB)
    return f"{tulis_tanggal(lokal.date())} {lokal:%H.%M} WIB"


def status_skp(kode: str | None) -> str:
    """The label of an SKP status; None is a pegawai who has not started."""
    return LABEL_STATUS.get(kode or "", "Belum mulai")


def init_app(app: Flask) -> None:
    app.add_template_filter(tanggal)
    app.add_template_filter(waktu)
    app.add_template_filter(status_skp)
    app.add_template_filter(tulis_ukuran, "ukuran")
