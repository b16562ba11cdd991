"""Imports of schools and pegawai: upload, the checked preview with its progress, confirm or
cancel, the errors as CSV, and the templates. Admin dinas only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Response, abort, current_app, redirect, request, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge

from web import csrf
from web.auth import roles
from web.blueprints.dinas import bp
from web.db import after_request_ends
from web.forms import Formulir
from web.htmx import render
from web.models import Impor
from web.models.base import WIB
from web.services import impor as layanan
from web.storage import content_disposition

# The file may be 30 MB; the multipart envelope around it needs a little more.
MAKS_PERMINTAAN = layanan.MAKS_BYTE + 1024 * 1024


class ImporForm(Formulir):
    berkas = FileField(
        "Berkas (CSV atau XLSX)",
        validators=[FileRequired("Pilih berkas CSV atau XLSX yang akan diimpor.")],
        description="Paling besar 30 MB. CSV harus UTF-8, dipisah koma atau titik koma.",
    )


@bp.route("/impor/<any(sekolah, pegawai):jenis>", methods=["GET", "POST"])
@roles("admin_dinas")
def impor_baru(jenis: str) -> Response:
    if request.method == "POST":
        # Only this view takes big files; set before anything reads the body.
        request.max_content_length = MAKS_PERMINTAAN
        try:
            request.files  # noqa: B018 - parses the body under the raised limit
        except RequestEntityTooLarge:
            form = ImporForm(formdata=None)
            form.berkas.errors = [layanan.TERLALU_BESAR]
            return _halaman_baru(jenis, form, 422)
    form = ImporForm()
    if form.validate_on_submit():
        berkas = form.berkas.data
        try:
            impor = layanan.unggah(current_user, jenis, berkas.filename, berkas.stream)
        except layanan.BerkasError as error:
            form.berkas.errors.append(error.message)
        else:
            _di_latar(layanan.periksa_impor, current_user.schema, impor.id)
            return redirect(url_for("dinas.lihat_impor", impor_id=impor.id), 303)
    if form.csrf_token.errors:
        abort(400)
    return _halaman_baru(jenis, form, 422 if form.is_submitted() else 200)


# The global CSRF check would parse the body under the app-wide 11 MB limit before the view
# can raise it; the form checks the token itself instead.
csrf.exempt(impor_baru)


@bp.get("/impor/<int:impor_id>")
@roles("admin_dinas")
def lihat_impor(impor_id: int) -> Response:
    impor = _muat(impor_id)
    kesalahan = None
    if impor.status == "ditolak":
        kesalahan = layanan.halaman_kesalahan(impor, request.args.get("halaman", 1, type=int))
    return render("dinas/impor_lihat.html", block="status", impor=impor, kesalahan=kesalahan)


@bp.get("/impor/<int:impor_id>/kesalahan.csv")
@roles("admin_dinas")
def kesalahan_impor(impor_id: int) -> Response:
    impor = _muat(impor_id)
    return Response(
        layanan.kesalahan_csv(impor),
        mimetype="text/csv",
        headers={"Content-Disposition": content_disposition(f"kesalahan-impor-{impor.id}.csv")},
    )


@bp.post("/impor/<int:impor_id>/terapkan")
@roles("admin_dinas")
def terapkan_impor(impor_id: int) -> Response:
    impor = _muat(impor_id)
    if layanan.mulai_terapkan(impor):
        pelaku = current_user.pegawai
        _di_latar(layanan.terapkan_impor, current_user.schema, impor.id, pelaku.id, pelaku.nama)
    return redirect(url_for("dinas.lihat_impor", impor_id=impor.id), 303)


@bp.post("/impor/<int:impor_id>/batalkan")
@roles("admin_dinas")
def batalkan_impor(impor_id: int) -> Response:
    impor = _muat(impor_id)
    if not layanan.batalkan(impor):
        return redirect(url_for("dinas.lihat_impor", impor_id=impor.id), 303)
    return redirect(url_for("dinas.impor_baru", jenis=impor.jenis), 303)


@bp.get("/impor/templat/<any(sekolah, pegawai):jenis>.<any(csv, xlsx):format>")
@roles("admin_dinas")
def templat_impor(jenis: str, format: str) -> Response:
    isi, mimetype = layanan.templat(jenis, format)
    return Response(
        isi,
        mimetype=mimetype,
        headers={"Content-Disposition": content_disposition(f"templat-impor-{jenis}.{format}")},
    )


def _muat(impor_id: int) -> Impor:
    impor = layanan.muat(impor_id)
    if impor is None:
        abort(404)
    return impor


def _di_latar(kerja: Callable[..., None], *args: Any) -> None:
    """Start the background job once the request's transaction has committed, so the job sees
    the import row the request wrote."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def mulai() -> None:
        layanan.jalankan_di_latar(app, kerja, *args)

    after_request_ends(mulai)


def _halaman_baru(jenis: str, form: ImporForm, status: int) -> Response:
    return render(
        "dinas/impor_baru.html",
        status=status,
        form=form,
        jenis=jenis,
        kolom=layanan.KOLOM[jenis],
        salah_satu=layanan.SALAH_SATU[jenis],
        terakhir=layanan.terakhir(jenis),
        wib=WIB,
    )
