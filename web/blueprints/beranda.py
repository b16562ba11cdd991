"""The landing page after sign-in, and the dinas's health check."""

from __future__ import annotations

from flask import Blueprint, g, jsonify
from flask.wrappers import Response
from flask_login import current_user

from web.auth import public, signed_in
from web.htmx import render
from web.models import Akun
from web.services.beranda import beranda

bp = Blueprint("beranda", __name__)


@bp.get("/")
@signed_in
def index() -> Response:
    return render("beranda/index.html", page=beranda(current_user))


@bp.get("/sehat")
@public()
def sehat() -> Response:
    """For load balancers: the dinas resolves and its schema answers one indexed query."""
    Akun.select(Akun.id).limit(1).scalar()
    return jsonify(dinas=g.tenant.slug, status="ok")
