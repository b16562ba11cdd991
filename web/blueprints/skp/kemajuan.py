"""How far the year's SKP planning has got: per school for the admin dinas and the kepala dinas
(every active school) and the kepala sekolah (the schools they lead today), and the people of
one school with the status of their latest version."""

from __future__ import annotations

from flask import abort, request
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.skp import bp, tahun_sah
from web.domain.akses import SEMUA, boleh_lihat_sekolah, cakupan_sekolah
from web.htmx import render
from web.models import Sekolah
from web.services import kemajuan as layanan

PEMBACA = ("admin_dinas", "kepala_dinas", "kepala_sekolah")


@bp.get("/kemajuan")
@roles(*PEMBACA)
def kemajuan() -> Response:
    scope = cakupan_sekolah(current_user.roles, current_user.sekolah_dipimpin)
    k = layanan.dinas(
        tahun_sah(),
        None if scope is SEMUA else scope,
        request.args.get("halaman", 1, type=int),
    )
    return render("skp/kemajuan.html", block="tabel", k=k)


@bp.get("/kemajuan/sekolah/<int:sekolah_id>")
@roles(*PEMBACA)
def kemajuan_sekolah(sekolah_id: int) -> Response:
    sekolah = Sekolah.get_or_none(Sekolah.id == sekolah_id)
    if sekolah is None or not boleh_lihat_sekolah(
        current_user.roles, current_user.sekolah_dipimpin, sekolah.id
    ):
        abort(404)
    return render("skp/kemajuan_sekolah.html", k=layanan.sekolah(tahun_sah(), sekolah))
