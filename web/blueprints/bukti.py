"""Downloading an evidence file: the pegawai whose file it is, their penilai of the day and their
tim kerja members get a short-lived link (services.berkas.tautan); anyone else gets 404, so a
file id reveals nothing. Pages link here, never to the short-lived link itself, because a page
may stay open for hours on a teacher's phone.

With local storage the link is /berkas/<token> (web/blueprints/berkas.py); with S3 it is a
presigned URL straight to the bucket.
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect
from flask.wrappers import Response
from flask_login import current_user

from web.auth import signed_in
from web.models import Berkas
from web.services import berkas as layanan

bp = Blueprint("bukti", __name__)


@bp.get("/bukti/<int:berkas_id>")
@signed_in
def unduh(berkas_id: int) -> Response:
    berkas = Berkas.get_or_none(Berkas.id == berkas_id)
    if berkas is None or not layanan.boleh_unduh(current_user, berkas):
        abort(404)
    response = redirect(layanan.tautan(berkas), 303)
    # The link expires within minutes: never let a cache hand it out again.
    response.headers["Cache-Control"] = "no-store"
    return response
