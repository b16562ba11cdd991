"""The audit trail of one record, for the admin dinas."""

from __future__ import annotations

from flask import abort
from flask.wrappers import Response

from web.auth import roles
from web.blueprints.dinas import bp
from web.htmx import render
from web.models import Pegawai, Sekolah
from web.models.base import WIB
from web.services import audit

OBJEK = {"sekolah": Sekolah, "pegawai": Pegawai}


@bp.get("/riwayat/<any(sekolah, pegawai):objek>/<int:objek_id>")
@roles("admin_dinas")
def riwayat(objek: str, objek_id: int) -> Response:
    record = OBJEK[objek].get_or_none(OBJEK[objek].id == objek_id)
    if record is None:
        abort(404)
    entries = [(e, audit.perubahan(e)) for e in audit.riwayat(objek, objek_id)]
    return render("dinas/riwayat.html", objek=objek, record=record, entries=entries, wib=WIB)
