"""Schools: the list with search and filters, a school's page, adding and correcting."""

from __future__ import annotations

from flask import redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.dinas import bp
from web.blueprints.dinas.muat import sekolah_atau_404
from web.forms import SekolahForm
from web.htmx import render
from web.models import Sekolah
from web.models.sekolah import JENJANG_SEKOLAH
from web.services import sekolah as layanan

PEMBACA = ("admin_dinas", "kepala_dinas", "kepala_sekolah")


@bp.get("/sekolah")
@roles(*PEMBACA)
def daftar_sekolah() -> Response:
    saring = layanan.Saring(
        q=request.args.get("q", ""),
        jenjang=request.args.get("jenjang", ""),
        status=request.args.get("status", ""),
        aktif=request.args.get("aktif", "ya"),
    )
    hasil = layanan.cari(current_user, saring, request.args.get("halaman", 1, type=int))
    return render(
        "dinas/sekolah_daftar.html",
        block="hasil",
        hasil=hasil,
        saring=saring,
        jenjang=JENJANG_SEKOLAH,
    )


@bp.get("/sekolah/<int:sekolah_id>")
@roles(*PEMBACA)
def lihat_sekolah(sekolah_id: int) -> Response:
    sekolah = sekolah_atau_404(sekolah_id)
    rincian = layanan.rincian(sekolah, request.args.get("halaman", 1, type=int))
    return render("dinas/sekolah_lihat.html", block="orang", r=rincian)


@bp.route("/sekolah/baru", methods=["GET", "POST"])
@roles("admin_dinas")
def tambah_sekolah() -> Response:
    form = SekolahForm()
    if form.validate_on_submit():
        try:
            sekolah = layanan.tambah(current_user, form.data)
        except layanan.NpsnTerpakai as error:
            form.npsn.errors.append(str(error))
        else:
            return redirect(url_for("dinas.lihat_sekolah", sekolah_id=sekolah.id), 303)
    return _form_page(form, None)


@bp.route("/sekolah/<int:sekolah_id>/ubah", methods=["GET", "POST"])
@roles("admin_dinas")
def ubah_sekolah(sekolah_id: int) -> Response:
    sekolah = sekolah_atau_404(sekolah_id)
    form = SekolahForm(obj=sekolah)
    if form.validate_on_submit():
        try:
            layanan.ubah(current_user, sekolah, form.data)
        except layanan.NpsnTerpakai as error:
            form.npsn.errors.append(str(error))
        else:
            return redirect(url_for("dinas.lihat_sekolah", sekolah_id=sekolah.id), 303)
    return _form_page(form, sekolah)


@bp.post("/sekolah/<int:sekolah_id>/<any(nonaktifkan, aktifkan):aksi>")
@roles("admin_dinas")
def atur_aktif_sekolah(sekolah_id: int, aksi: str) -> Response:
    sekolah = sekolah_atau_404(sekolah_id)
    layanan.atur_aktif(current_user, sekolah, aksi == "aktifkan")
    return redirect(url_for("dinas.lihat_sekolah", sekolah_id=sekolah.id), 303)


def _form_page(form: SekolahForm, sekolah: Sekolah | None) -> Response:
    status = 422 if form.is_submitted() else 200
    return render("dinas/sekolah_form.html", form=form, sekolah=sekolah, status=status)
