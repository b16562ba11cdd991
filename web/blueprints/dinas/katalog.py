"""The regime catalog of the dinas: priority indicators (admin dinas and kepala dinas), points
the regulation left open and window extensions (admin dinas)."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.dinas import bp
from web.forms import Formulir
from web.forms_katalog import PerpanjangForm, PoinForm
from web.htmx import render
from web.models import Jendela, KegiatanKompetensi
from web.models.base import WIB, hari_ini
from web.services import katalog as layanan


def _tahun() -> int:
    return request.args.get("tahun", hari_ini().year, type=int)


@bp.get("/katalog")
@roles("admin_dinas", "kepala_dinas")
def katalog() -> Response:
    tahun = _tahun()
    return render(
        "dinas/katalog.html",
        k=layanan.katalog(tahun),
        riwayat=layanan.riwayat(),
        wib=WIB,
        tahun=tahun,
    )


@bp.post("/katalog/prioritas/<kode>/<any(tandai, hapus):aksi>")
@roles("admin_dinas", "kepala_dinas")
def atur_prioritas(kode: str, aksi: str) -> Response:
    if not Formulir().validate_on_submit():
        abort(400)
    tahun = _tahun()
    try:
        layanan.atur_prioritas(current_user, kode, tahun, aksi == "tandai")
    except layanan.KatalogError:
        abort(404)
    return redirect(url_for("dinas.katalog", tahun=tahun) + "#indikator", 303)


@bp.route("/katalog/kegiatan/<huruf>", methods=["GET", "POST"])
@roles("admin_dinas")
def atur_poin(huruf: str) -> Response:
    kegiatan = KegiatanKompetensi.get_or_none(KegiatanKompetensi.huruf == huruf)
    if kegiatan is None:
        abort(404)
    form = PoinForm(obj=kegiatan)
    if form.validate_on_submit():
        try:
            layanan.atur_poin(current_user, huruf, form.poin.data, form.satuan.data or "")
        except layanan.KatalogError as error:
            form.poin.errors.append(error.message)
        else:
            return redirect(url_for("dinas.katalog") + "#kegiatan", 303)
    status = 422 if form.is_submitted() else 200
    return render("dinas/katalog_poin.html", form=form, kegiatan=kegiatan, status=status)


@bp.route("/katalog/jadwal/<int:jendela_id>/perpanjang", methods=["GET", "POST"])
@roles("admin_dinas")
def perpanjang_jadwal(jendela_id: int) -> Response:
    jendela = Jendela.get_or_none(Jendela.id == jendela_id)
    if jendela is None:
        abort(404)
    form = PerpanjangForm()
    if form.validate_on_submit():
        try:
            layanan.perpanjang(current_user, jendela.id, form.sampai.data)
        except layanan.KatalogError as error:
            form.sampai.errors.append(error.message)
        else:
            return redirect(url_for("dinas.katalog", tahun=jendela.tahun) + "#jadwal", 303)
    status = 422 if form.is_submitted() else 200
    return render("dinas/katalog_jadwal.html", form=form, jendela=jendela, status=status)
