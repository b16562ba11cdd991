"""Accountability documents of a semester (guru K3-K5, kepala sekolah K3-K6): the pegawai's own
list, uploading and replacing each file; and the kepala sekolah's record of each guru's class
attendance, which is the guru's K5.

The URLs carry only the year and semester (?tahun=&semester=, today's by default), so a pegawai
only ever reaches their own documents. Uploads are plain multipart POSTs (303 after, 422 with
the error on the field); with htmx the list block comes back in place (components/unggah.html).
Downloads go through /bukti/<id> (web/blueprints/bukti.py).
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.siklus import bp
from web.blueprints.skp import tahun_boleh, tahun_sah
from web.forms_akuntabilitas import DokumenForm, dokumen_form, kehadiran_form
from web.htmx import render, wants_fragment
from web.models.base import hari_ini
from web.services import akuntabilitas as layanan
from web.services.berkas import BerkasError
from web.services.siklus import semester_dari


def _periode() -> tuple[int, int]:
    """The year and semester asked for, or 404 for ones that cannot hold a plan."""
    tahun = tahun_sah()
    semester = request.args.get("semester", semester_dari(hari_ini()), type=int)
    if semester not in (1, 2):
        abort(404)
    return tahun, semester


def _lain(tahun: int, semester: int) -> list[tuple[int, int]]:
    """The semesters before and after, where a URL may name them."""
    sebelum = (tahun, 1) if semester == 2 else (tahun - 1, 2)
    sesudah = (tahun, 2) if semester == 1 else (tahun + 1, 1)
    return [p for p in (sebelum, sesudah) if tahun_boleh(p[0])]


@bp.get("/dokumen")
@roles("guru", "kepala_sekolah")
def dokumen() -> Response:
    tahun, semester = _periode()
    return _halaman(tahun, semester, terunggah=request.args.get("terunggah"))


@bp.post("/dokumen/<kode>")
@roles("guru", "kepala_sekolah")
def unggah_dokumen(kode: str) -> Response:
    tahun, semester = _periode()
    dokumen = layanan.daftar(current_user, tahun, semester).cari(kode)
    if dokumen is None or not dokumen.diunggah_pegawai:
        abort(404)
    form = dokumen_form(dokumen.jenis)
    if form.validate_on_submit():
        berkas = form.berkas.data
        try:
            layanan.unggah(current_user, tahun, semester, kode, berkas.stream, berkas.filename)
        except (BerkasError, layanan.AkuntabilitasError) as error:
            form.berkas.errors.append(error.message)
        else:
            if wants_fragment():  # htmx: the refreshed list in place, no extra round trip
                return _halaman(tahun, semester, terunggah=kode)
            tujuan = url_for("siklus.dokumen", tahun=tahun, semester=semester, terunggah=kode)
            return redirect(f"{tujuan}#{kode}", 303)
    return _halaman(tahun, semester, gagal=form, status=422)


def _halaman(
    tahun: int,
    semester: int,
    *,
    gagal: DokumenForm | None = None,
    terunggah: str | None = None,
    status: int = 200,
) -> Response:
    d = layanan.daftar(current_user, tahun, semester)
    forms = {
        x.kode: gagal if gagal and gagal.kode == x.kode else dokumen_form(x.jenis, formdata=None)
        for x in d.dokumen
        if x.diunggah_pegawai
    }
    context: dict[str, Any] = {"d": d, "forms": forms, "lain": _lain(tahun, semester)}
    if gagal is not None:
        context["form"] = gagal
    if terunggah and d.cari(terunggah):
        context["terunggah"] = terunggah
    return render("siklus/akuntabilitas.html", block="dokumen", status=status, **context)


@bp.route("/kehadiran", methods=["GET", "POST"])
@roles("kepala_sekolah")
def kehadiran() -> Response:
    tahun, semester = _periode()
    baris = layanan.kehadiran(current_user, tahun, semester)
    form = kehadiran_form(baris)
    if form.validate_on_submit():
        try:
            layanan.simpan_kehadiran(current_user, tahun, semester, form.terisi())
        except layanan.AkuntabilitasError as error:
            form.form_errors.append(error.message)
        else:
            tujuan = url_for("siklus.kehadiran", tahun=tahun, semester=semester, disimpan=1)
            return redirect(tujuan, 303)
    return render(
        "siklus/akuntabilitas_kehadiran.html",
        status=422 if form.is_submitted() else 200,
        form=form,
        tahun=tahun,
        semester=semester,
        tercatat=layanan.jumlah_tercatat(baris),
        disimpan=request.args.get("disimpan") == "1",
        lain=_lain(tahun, semester),
    )
