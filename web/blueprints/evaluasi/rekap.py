"""The predikat per pegawai for a period, per school and for the dinas, with totals: every
school for the admin dinas and kepala dinas, the schools they lead for a kepala sekolah."""

from __future__ import annotations

from flask import abort, request
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.evaluasi import bp
from web.blueprints.skp import tahun_sah
from web.domain import evaluasi as aturan
from web.htmx import render
from web.models.base import hari_ini
from web.services import hasil_evaluasi as layanan
from web.services.siklus import semester_dari


@bp.get("/rekap")
@roles("admin_dinas", "kepala_dinas", "kepala_sekolah")
def rekap() -> Response:
    tahun = tahun_sah()
    periode = request.args.get("periode", str(semester_dari(hari_ini())))
    if periode not in aturan.KODE_PERIODE:
        abort(404)
    return render(
        "evaluasi/rekap.html",
        r=layanan.rekap(current_user, aturan.periode_dari(tahun, periode)),
        tahun=tahun,
        periode=periode,
        label=aturan.label_predikat,
    )
