"""The admin dinas's list of data reports from pegawai ("my data is wrong"), and answering one:
the admin corrects the data on the pegawai's page, then writes what was done and closes it."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.dinas import bp
from web.forms_laporan import TanggapanForm
from web.htmx import render
from web.services import laporan as layanan


@bp.get("/laporan")
@roles("admin_dinas")
def laporan_data() -> Response:
    return render("dinas/laporan_daftar.html", d=layanan.daftar())


@bp.route("/laporan/<int:laporan_id>", methods=["GET", "POST"])
@roles("admin_dinas")
def jawab_laporan(laporan_id: int) -> Response:
    laporan = layanan.muat(laporan_id)
    if laporan is None:
        abort(404)
    if laporan.selesai is not None:
        status = 409 if request.method == "POST" else 200
        return render("dinas/laporan_jawab.html", laporan=laporan, form=None, status=status)
    form = TanggapanForm()
    if form.validate_on_submit():
        try:
            layanan.jawab(current_user, laporan, form.tanggapan.data)
        except layanan.LaporanError as error:
            form.tanggapan.errors.append(error.message)
        else:
            return redirect(url_for("dinas.laporan_data"), 303)
    status = 422 if form.is_submitted() else 200
    return render("dinas/laporan_jawab.html", laporan=laporan, form=form, status=status)
