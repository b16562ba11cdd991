"""Continuous feedback: a pegawai's timeline of dated entries from their penilai (catatan,
apresiasi, bimbingan, konseling), newest first, each with the pegawai's replies. The penilai
writes entries, the pegawai replies; anyone else gets 404, and the other side's action 403.
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import signed_in
from web.blueprints.siklus import bp, kembali
from web.domain.siklus import Pihak
from web.forms import Formulir
from web.forms_tindak_lanjut import BalasanForm, UmpanBalikForm
from web.htmx import render, wants_fragment
from web.models import Pegawai
from web.services import umpan_balik as layanan
from web.services.siklus import SiklusError

URL = "/<int:pegawai_id>/umpan-balik"


@bp.get(URL)
@signed_in
def umpan_balik(pegawai_id: int) -> Response:
    pegawai, pihak = _muat(pegawai_id)
    return _halaman(pegawai, pihak, block="linimasa")


@bp.post(URL)
@signed_in
def tulis_umpan_balik(pegawai_id: int) -> Response:
    pegawai, pihak = _muat(pegawai_id, perlu=Pihak.PENILAI)
    form = UmpanBalikForm()
    if form.validate_on_submit():
        try:
            layanan.tulis(
                current_user,
                pegawai,
                jenis=form.jenis.data,
                tanggal=form.tanggal.data,
                isi=form.isi.data,
            )
        except SiklusError as error:
            form.form_errors.append(error.message)
        else:
            return _tersimpan(pegawai, pihak)
    if form.csrf_token.errors:
        abort(400)
    return _halaman(pegawai, pihak, form=form, status=422, block="linimasa")


@bp.post(URL + "/<int:induk_id>/balas")
@signed_in
def balas_umpan_balik(pegawai_id: int, induk_id: int) -> Response:
    pegawai, pihak = _muat(pegawai_id, perlu=Pihak.PEGAWAI)
    try:
        layanan.entri(pegawai, induk_id)
    except layanan.TidakDitemukan:
        abort(404)
    form = BalasanForm()
    if form.validate_on_submit():
        try:
            layanan.balas(current_user, pegawai, induk_id, form.isi.data)
        except SiklusError as error:
            form.form_errors.append(error.message)
        else:
            return _tersimpan(pegawai, pihak, anchor=f"#u{induk_id}")
    if form.csrf_token.errors:
        abort(400)
    return _halaman(pegawai, pihak, form=form, galat_id=induk_id, status=422, block="linimasa")


def _muat(pegawai_id: int, perlu: Pihak | None = None) -> tuple[Pegawai, set[Pihak]]:
    """The pegawai and who the user is to their timeline: 404 for anyone but the pegawai and
    their penilai today, 403 for the other side's action."""
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    pihak = layanan.pihak_linimasa(current_user, pegawai) if pegawai is not None else set()
    if not pihak:
        abort(404)
    if perlu is not None and perlu not in pihak:
        abort(403)
    return pegawai, pihak


def _tersimpan(pegawai: Pegawai, pihak: set[Pihak], anchor: str = "") -> Response:
    """After a save: the refreshed timeline for htmx, else 303 back to the page."""
    if wants_fragment():
        return _halaman(pegawai, pihak, block="linimasa")
    return redirect(url_for("siklus.umpan_balik", pegawai_id=pegawai.id) + anchor, 303)


def _halaman(
    pegawai: Pegawai,
    pihak: set[Pihak],
    *,
    form: Formulir | None = None,
    galat_id: int | None = None,
    status: int = 200,
    block: str | None = None,
) -> Response:
    penilai = Pihak.PENILAI in pihak
    context: dict[str, Any] = {
        "pegawai": pegawai,
        "sebagai_pegawai": Pihak.PEGAWAI in pihak,
        "sebagai_penilai": penilai,
        "form": form or Formulir(),
        "tulis": (form if isinstance(form, UmpanBalikForm) else UmpanBalikForm(formdata=None))
        if penilai
        else None,
        "galat_id": galat_id,
        "kembali": kembali(pihak),
        "hasil": layanan.linimasa(pegawai.id, request.args.get("halaman", 1, type=int)),
    }
    return render("siklus/umpan_balik.html", block=block, status=status, **context)
