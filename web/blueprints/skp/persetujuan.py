"""The penilai's pages: the plans waiting for them ("Perlu disetujui") and the review of one plan
ending in an agreement or a send-back. For the kepala sekolah (Plt included) of a guru and the
kepala dinas of a kepala sekolah, decided for today; anyone else's plan answers 404."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.skp import bp, tahun_sah
from web.forms import Formulir
from web.forms_persetujuan import KeputusanForm
from web.htmx import render
from web.models.base import hari_ini
from web.services import persetujuan as layanan
from web.services.skp import SkpError


@bp.get("/persetujuan")
@roles("kepala_sekolah", "kepala_dinas")
def persetujuan() -> Response:
    tahun = tahun_sah()
    data = layanan.daftar(current_user.pegawai.id, tahun)
    return render(
        "skp/persetujuan.html",
        block="daftar",
        d=data,
        konfirmasi=data.konfirmasi(request.args.get("selesai", type=int)),
        tahun_ini=hari_ini().year,
    )


@bp.route("/persetujuan/<int:skp_id>", methods=["GET", "POST"])
@roles("kepala_sekolah", "kepala_dinas")
def periksa_skp(skp_id: int) -> Response:
    try:
        p = layanan.pemeriksaan(current_user, skp_id)
    except SkpError:
        abort(404)
    if not p.menunggu:
        return _hanya_baca(p)
    form = KeputusanForm(data=p.usulan(), rentang=p.rentang)
    if form.validate_on_submit():
        try:
            layanan.putuskan(
                current_user,
                p.skp,
                form.keputusan.data,
                catatan=form.catatan.data or "",
                ekspektasi_khusus=form.ekspektasi_khusus.data or "",
                setujui_poin_di_luar_rentang=form.poin_disetujui,
                perilaku_final=form.perilaku_final(),
            )
        except SkpError as error:
            form.form_errors.append(error.message)
            p = layanan.pemeriksaan(current_user, skp_id)  # the unchanged plan, reread
        else:
            return redirect(url_for("skp.persetujuan", tahun=p.skp.tahun, selesai=skp_id), 303)
    status = 422 if form.is_submitted() else 200
    return render("skp/persetujuan_periksa.html", p=p, form=form, status=status)


def _hanya_baca(p: layanan.Pemeriksaan) -> Response:
    """A plan that is not waiting: shown without the form; a decision posted from a stale page
    gets the service's reason with 409."""
    if request.method == "GET":
        return render("skp/persetujuan_periksa.html", p=p, form=None)
    if not Formulir().validate_on_submit():
        abort(400)
    try:
        layanan.putuskan(current_user, p.skp, request.form.get("keputusan", layanan.SEPAKATI))
    except SkpError as error:
        p = layanan.pemeriksaan(current_user, p.skp.id)  # reread: the refusal changed nothing
        return render(
            "skp/persetujuan_periksa.html", p=p, form=None, ditolak=error.message, status=409
        )
    abort(409)  # not reached: the service decides only a submitted plan
