"""The observation rubric of each practice indicator: the admin dinas and kepala dinas read it,
the admin dinas rewrites it. Kinerja ships a default wording (the official one is not public);
a rewritten behaviour is the dinas's own from then on, and every change is audited."""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.dinas import bp
from web.forms_observasi import JUMLAH_PRAKTIK, rubrik_form
from web.htmx import render
from web.models.base import WIB
from web.services import observasi as layanan


def _rubrik(kode: str) -> layanan.Rubrik:
    r = layanan.rubrik(kode)
    if r is None:
        abort(404)
    return r


@bp.get("/katalog/rubrik/<kode>")
@roles("admin_dinas", "kepala_dinas")
def rubrik(kode: str) -> Response:
    r = _rubrik(kode)
    return render("dinas/rubrik.html", r=r, riwayat=layanan.riwayat_rubrik(kode), wib=WIB)


@bp.route("/katalog/rubrik/<kode>/ubah", methods=["GET", "POST"])
@roles("admin_dinas")
def ubah_rubrik(kode: str) -> Response:
    r = _rubrik(kode)
    if not r.baris:
        abort(404)  # nothing to rewrite: the regime ships no rubric for this indicator
    form = rubrik_form([b.urutan for b in r.baris], data=_isi(r))
    if form.validate_on_submit():
        try:
            layanan.ubah_rubrik(current_user, kode, form.baris())
        except layanan.ObservasiError as error:
            form.form_errors.append(error.message)
        else:
            return redirect(url_for("dinas.rubrik", kode=kode), 303)
    status = 422 if form.is_submitted() else 200
    return render("dinas/rubrik_ubah.html", r=r, form=form, status=status)


def _isi(r: layanan.Rubrik) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for b in r.baris:
        data[f"perilaku_{b.urutan}"] = b.perilaku
        for k in range(1, JUMLAH_PRAKTIK + 1):
            data[f"dianjurkan_{b.urutan}_{k}"] = _ke(b.dianjurkan, k)
            data[f"dihindari_{b.urutan}_{k}"] = _ke(b.dihindari, k)
    return data


def _ke(daftar: list[str], k: int) -> str:
    return daftar[k - 1] if len(daftar) >= k else ""
