"""The operator console on the apex domain: the list of dinas, provisioning, suspension.

Operators manage tenants; they never see inside a dinas (no people, no appraisals).
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from tenants.provision import ProvisionError, create_tenant, set_status
from web.auth import operator
from web.forms import DinasBaruForm
from web.htmx import render, wants_fragment
from web.models import PlatformAudit, Tenant
from web.paging import halaman

bp = Blueprint("operator", __name__, url_prefix="/operator")

PER_PAGE = 50


@bp.get("/")
@operator
def index() -> Response:
    return _index_page(block="daftar")


@bp.route("/dinas/baru", methods=["GET", "POST"])
@operator
def create_dinas() -> Response:
    form = DinasBaruForm()
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render("operator/dinas_baru.html", form=form, status=status)
    try:
        result = create_tenant(
            form.slug.data,
            name=form.name.data,
            kind=form.kind.data,
            admin_email=form.admin_email.data,
            operator_email=current_user.operator.email,
        )
    except ProvisionError as error:
        getattr(form, error.field).errors.append(str(error))
        return render("operator/dinas_baru.html", form=form, status=422)
    # The password is shown once, here, and never stored in the clear.
    return render("operator/dinas_dibuat.html", result=result, status=201)


@bp.post("/dinas/<slug>/<any(tangguhkan, aktifkan):action>")
@operator
def change_status(slug: str, action: str) -> Response:
    status = "ditangguhkan" if action == "tangguhkan" else "aktif"
    try:
        set_status(slug, status, operator_email=current_user.operator.email)
    except LookupError:
        abort(404)
    if wants_fragment():  # htmx: swap the refreshed table in place
        return _index_page(block="daftar")
    return redirect(url_for("operator.index", **request.args), 303)


def _index_page(block: str | None = None) -> Response:
    q = request.args.get("q", "").strip()
    tenants = Tenant.select().order_by(Tenant.name)
    if q:
        tenants = tenants.where(Tenant.name.contains(q) | Tenant.slug.contains(q))
    audit = PlatformAudit.select().order_by(PlatformAudit.at.desc()).limit(10)
    return render(
        "operator/index.html",
        block=block,
        q=q,
        hasil=halaman(tenants, request.args.get("halaman", 1, type=int), PER_PAGE),
        audit=audit,
    )
