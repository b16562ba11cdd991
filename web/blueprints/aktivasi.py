"""Activating an account: a pegawai types the code from their printed card and sets a password.

Part of the `auth` blueprint. Open to anyone on a dinas's host; guessing codes meets the same
slowdown as guessing passwords (web/services/akun.py).
"""

from __future__ import annotations

from flask import g, redirect, url_for
from flask.wrappers import Response
from flask_login import login_user

from web.auth import public
from web.blueprints.auth import bp
from web.db import after_request_ends
from web.forms_akun import AktivasiForm
from web.htmx import render
from web.services import akun as layanan
from web.services.masuk import pesan_terkunci


@bp.route("/aktivasi", methods=["GET", "POST"])
@public()
def aktivasi() -> Response:
    form = AktivasiForm()
    if not form.validate_on_submit():
        return _halaman(form)
    hasil, catat_gagal = layanan.aktifkan(
        g.tenant.schema, form.username.data, form.kode.data, form.password.data
    )
    if hasil.locked_for:
        form.form_errors.append(pesan_terkunci(hasil.locked_for))
        return _halaman(form, status=429)
    if not hasil.ok:
        if catat_gagal is not None:
            after_request_ends(catat_gagal)
        if hasil.isian:
            getattr(form, hasil.isian).errors.append(hasil.pesan)
        else:
            form.form_errors.append(hasil.pesan)
        return _halaman(form)
    login_user(hasil.user)
    return redirect(url_for("beranda.index"), 303)


def _halaman(form: AktivasiForm, *, status: int | None = None) -> Response:
    if form.is_submitted():
        form.forget_secrets()
    status = status or (422 if form.is_submitted() else 200)
    return render("auth/aktivasi.html", form=form, status=status)
