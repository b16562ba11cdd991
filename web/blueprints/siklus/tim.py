"""Tim kerja: the kepala sekolah or kepala dinas appoints observers for the pegawai they
appraise (/siklus/tim) and ends appointments; a member finds the pegawai they observe
(/siklus/amati), with links to the observation pages only: never the steps A, C and E, never
agreeing or rating. Rules: web/services/tim_kerja.py.
"""

from __future__ import annotations

from flask import abort, redirect, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles, signed_in
from web.blueprints.siklus import bp
from web.forms import Formulir
from web.forms_observasi import tim_form
from web.htmx import render
from web.services import tim_kerja as layanan

PENILAI = ("kepala_sekolah", "kepala_dinas")


@bp.route("/tim", methods=["GET", "POST"])
@roles(*PENILAI)
def tim() -> Response:
    form = tim_form(layanan.calon_anggota(current_user), layanan.dinilai(current_user))
    if form.validate_on_submit():
        try:
            layanan.tunjuk(current_user, form.anggota_id.data, form.ids())
        except layanan.TimError as error:
            form[error.field].errors.append(error.message)
        else:
            return redirect(url_for("siklus.tim") + "#daftar", 303)
    return render(
        "siklus/tim.html",
        form=form,
        daftar=layanan.daftar(current_user),
        status=422 if form.is_submitted() else 200,
    )


@bp.post("/tim/<int:tim_id>/akhiri")
@roles(*PENILAI)
def akhiri_tim(tim_id: int) -> Response:
    if not Formulir().validate_on_submit():
        abort(400)
    try:
        layanan.akhiri(current_user, tim_id)
    except layanan.TimError:
        abort(404)  # not an appointment for someone this user appraises
    return redirect(url_for("siklus.tim") + "#daftar", 303)


@bp.get("/amati")
@signed_in
def amati() -> Response:
    return render("siklus/tim_amati.html", daftar=layanan.diamati(current_user))
