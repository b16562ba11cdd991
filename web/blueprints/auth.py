"""Signing in and out: pegawai on their dinas's subdomain, operators on the apex."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, g, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user, login_user, logout_user

from web.auth import public
from web.db import after_request_ends
from web.forms import MasukForm
from web.htmx import render
from web.services.masuk import pesan_terkunci, sign_in_operator, sign_in_pegawai

bp = Blueprint("auth", __name__)


@bp.route("/masuk", methods=["GET", "POST"])
@public(hosts="any")
def login() -> Response:
    if current_user.is_authenticated:
        return redirect(_home(), 303)
    form = MasukForm()
    if not form.validate_on_submit():
        return _login_page(form, status=422 if form.is_submitted() else 200)
    if g.tenant is None:
        outcome, record_failure = sign_in_operator(form.username.data, form.password.data)
    else:
        outcome, record_failure = sign_in_pegawai(
            g.tenant.schema, form.username.data, form.password.data
        )
    if outcome.locked_for:
        form.form_errors.append(pesan_terkunci(outcome.locked_for))
        return _login_page(form, status=429)
    if not outcome.ok:
        if record_failure is not None:
            after_request_ends(record_failure)
        form.form_errors.append("NIP/NUPTK/e-mail atau kata sandi salah.")
        return _login_page(form, status=422)
    login_user(outcome.user)
    return redirect(_safe_next(request.args.get("next")) or _home(), 303)


@bp.post("/keluar")
@public(hosts="any")
def logout() -> Response:
    logout_user()
    return redirect(url_for("auth.login"), 303)


def _login_page(form: MasukForm, *, status: int) -> Response:
    return render("auth/masuk.html", form=form, status=status)


def _home() -> str:
    return url_for("operator.index" if g.tenant is None else "beranda.index")


def _safe_next(target: str | None) -> str | None:
    """Only a path on this same host: never an open redirect to someone else's site."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


from web.blueprints import aktivasi  # noqa: E402, F401
