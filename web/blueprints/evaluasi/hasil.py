"""The pegawai's own results and history (evaluasi.saya) and the printable evaluation document
(evaluasi.dokumen). Only final evaluations are shown; the accountability gate hides the predikat
and angka kredit while documents are missing. A document the user may not read answers 404."""

from __future__ import annotations

from flask import abort
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles, signed_in
from web.blueprints.evaluasi import bp
from web.htmx import render
from web.services import hasil_evaluasi as layanan


@bp.get("/saya")
@roles("guru", "kepala_sekolah")
def saya() -> Response:
    return render("evaluasi/hasil.html", daftar=layanan.hasil_saya(current_user.pegawai))


@bp.get("/<int:evaluasi_id>/dokumen")
@signed_in
def dokumen(evaluasi_id: int) -> Response:
    try:
        d = layanan.dokumen(current_user, evaluasi_id)
    except layanan.TidakDitemukan:
        abort(404)
    return render("evaluasi/dokumen.html", d=d, h=d.hasil)
