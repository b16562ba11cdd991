"""The penilai's evaluation pages: the list of those they appraise today for a period, and one
pegawai's evaluation (ratings with what they rest on, the gate, finalising, corrections). For
the kepala sekolah (Plt included) of a guru and the kepala dinas of a kepala sekolah; anyone
else's evaluation answers 404."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.evaluasi import bp
from web.blueprints.skp import tahun_sah
from web.domain import evaluasi as aturan
from web.forms_evaluasi import EvaluasiForm, KoreksiForm, data_awal
from web.htmx import render, wants_fragment
from web.models.base import hari_ini
from web.services import evaluasi as layanan
from web.services.siklus import semester_dari


@bp.get("/")
@roles("kepala_sekolah", "kepala_dinas")
def daftar() -> Response:
    tahun = tahun_sah()
    periode = request.args.get("periode", str(semester_dari(hari_ini())))
    if periode not in aturan.KODE_PERIODE:
        abort(404)
    p = aturan.periode_dari(tahun, periode)
    return render(
        "evaluasi/penilai_daftar.html",
        baris=layanan.daftar(current_user, p),
        p=p,
        tahun=tahun,
        periode=periode,
        aturan=aturan,
    )


@bp.route("/<int:pegawai_id>/<int:tahun>/<any('1','2','tahunan'):periode>", methods=["GET", "POST"])
@roles("kepala_sekolah", "kepala_dinas")
def nilai(pegawai_id: int, tahun: int, periode: str) -> Response:
    tahun_sah(tahun)
    try:
        pegawai = layanan.pegawai_dinilai(current_user, pegawai_id)
    except layanan.TidakDitemukan:
        abort(404)
    p = aturan.periode_dari(tahun, periode)
    h = layanan.halaman(current_user, pegawai, p)
    if request.method == "GET" and wants_fragment() and "pratinjau" in request.args:
        # htmx: the predikat of the ratings being chosen, before anything is saved.
        form = EvaluasiForm(formdata=request.args, meta={"csrf": False})
        return _halaman(pegawai, p, form, h=h, block="predikat")
    if h.final:
        return _final(h, periode)
    form = EvaluasiForm(data=data_awal(h.evaluasi, h.perilaku_tersimpan))
    if form.validate_on_submit():
        try:
            if "finalkan" in request.form:
                layanan.finalkan(current_user, pegawai, p, form.isian())
            else:
                layanan.simpan(current_user, pegawai, p, form.isian())
        except layanan.SudahFinal:
            abort(409)
        except layanan.EvaluasiError as error:
            form.form_errors.extend(error.pesan)
        else:
            return redirect(
                url_for("evaluasi.nilai", pegawai_id=pegawai_id, tahun=tahun, periode=periode), 303
            )
    status = 422 if form.is_submitted() else 200
    return _halaman(pegawai, p, form, h=h, status=status)


def _final(h: layanan.Halaman, periode: str) -> Response:
    """A final evaluation: read only, with the correction form. Ratings posted to it get 409."""
    koreksi = KoreksiForm()
    if request.method == "POST":
        if "alasan" not in request.form:
            abort(409)
        if koreksi.validate_on_submit():
            try:
                layanan.revisi(current_user, h.pegawai, h.periode, koreksi.alasan.data)
            except layanan.EvaluasiError as error:
                koreksi.form_errors.extend(error.pesan)
            else:
                return redirect(
                    url_for(
                        "evaluasi.nilai",
                        pegawai_id=h.pegawai.id,
                        tahun=h.periode.tahun,
                        periode=periode,
                    ),
                    303,
                )
        return _halaman(h.pegawai, h.periode, None, h=h, koreksi=koreksi, status=422)
    return _halaman(h.pegawai, h.periode, None, h=h, koreksi=koreksi)


def _halaman(pegawai, p, form, h=None, koreksi=None, block=None, status=200) -> Response:
    if form is not None:
        hk, pr = form.hasil_kerja.data, form.perilaku.data
    else:
        hk, pr = h.evaluasi.hasil_kerja, h.evaluasi.perilaku
    return render(
        "evaluasi/penilai.html",
        block=block,
        h=h,
        pegawai=pegawai,
        p=p,
        kode_periode=str(p.semester) if p.semester else "tahunan",
        form=form,
        koreksi=koreksi,
        predikat=layanan.predikat_dari(hk, pr),
        tersembunyi=bool(h.kekurangan),
        aturan=aturan,
        status=status,
    )
