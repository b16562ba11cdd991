"""One SKP version read-only, its printable document, and the year's versions and history.

Read by the pegawai, their penilai (today's, or the one who acted on the version) and whoever
reads the pegawai's record (web.services.skp.boleh_lihat); anyone else gets 404, so an SKP's
existence is not revealed.
"""

from __future__ import annotations

from flask import abort
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles, signed_in
from web.blueprints.skp import bp, tahun_sah
from web.domain.akses import boleh_lihat_pegawai
from web.htmx import render
from web.models import Pegawai
from web.models.skp import Skp
from web.services import riwayat_skp
from web.services import skp as layanan
from web.services.ringkasan_skp import ringkasan


def _skp_atau_404(skp_id: int) -> Skp:
    skp = Skp.get_or_none(Skp.id == skp_id)
    if skp is None or not layanan.boleh_lihat(current_user, skp):
        abort(404)
    return skp


@bp.get("/lihat/<int:skp_id>")
@signed_in
def lihat(skp_id: int) -> Response:
    return render("skp/lihat.html", r=ringkasan(_skp_atau_404(skp_id)))


@bp.get("/lihat/<int:skp_id>/dokumen")
@signed_in
def dokumen(skp_id: int) -> Response:
    return render("skp/dokumen.html", r=ringkasan(_skp_atau_404(skp_id)))


@bp.get("/<int:tahun>/riwayat")
@roles("guru", "kepala_sekolah")
def riwayat(tahun: int) -> Response:
    h = riwayat_skp.riwayat(current_user.pegawai, tahun_sah(tahun))
    return render("skp/riwayat.html", h=h, sendiri=True)


@bp.get("/pegawai/<int:pegawai_id>/riwayat")
@roles("admin_dinas", "kepala_dinas", "kepala_sekolah")
def riwayat_pegawai(pegawai_id: int) -> Response:
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    user = current_user
    if pegawai is None or not boleh_lihat_pegawai(
        user.roles, user.sekolah_dipimpin, user.pegawai.id, pegawai.id, pegawai.sekolah_id
    ):
        abort(404)
    tahun = tahun_sah()
    h = riwayat_skp.riwayat(pegawai, tahun)
    return render("skp/riwayat.html", h=h, sendiri=pegawai.id == user.pegawai.id)
