"""Pegawai: the list, a pegawai's page, adding and correcting, mutasi, posts and binaan."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles, signed_in
from web.blueprints.dinas import bp
from web.blueprints.dinas.muat import pegawai_atau_404
from web.forms import (
    AkhiriJabatanForm,
    BinaanForm,
    Formulir,
    JabatanForm,
    MutasiForm,
    PegawaiForm,
    SelectChoice,
)
from web.htmx import render
from web.models import PangkatGolongan, Pegawai, Penugasan
from web.models.base import WIB
from web.services import pegawai as layanan

PEMBACA = ("admin_dinas", "kepala_dinas", "kepala_sekolah")


@bp.get("/pegawai")
@roles(*PEMBACA)
def daftar_pegawai() -> Response:
    saring = layanan.Saring(
        q=request.args.get("q", ""),
        npsn=request.args.get("npsn", ""),
        status=request.args.get("status", ""),
        peran=request.args.get("peran", ""),
        aktif=request.args.get("aktif", "ya"),
    )
    hasil = layanan.cari(current_user, saring, request.args.get("halaman", 1, type=int))
    return render("dinas/pegawai_daftar.html", block="hasil", hasil=hasil, saring=saring)


@bp.get("/pegawai/<int:pegawai_id>")
@signed_in
def lihat_pegawai(pegawai_id: int) -> Response:
    pegawai = pegawai_atau_404(pegawai_id)
    return render("dinas/pegawai_lihat.html", r=layanan.rincian(pegawai), wib=WIB)


@bp.route("/pegawai/baru", methods=["GET", "POST"])
@roles("admin_dinas")
def tambah_pegawai() -> Response:
    form = _pegawai_form()
    if form.validate_on_submit():
        try:
            pegawai = layanan.tambah(current_user, form.data)
        except layanan.DataBentrok as error:
            getattr(form, error.field).errors.append(str(error))
        else:
            return redirect(url_for("dinas.lihat_pegawai", pegawai_id=pegawai.id), 303)
    return _halaman_form("dinas/pegawai_form.html", form, None)


@bp.route("/pegawai/<int:pegawai_id>/ubah", methods=["GET", "POST"])
@roles("admin_dinas")
def ubah_pegawai(pegawai_id: int) -> Response:
    pegawai = pegawai_atau_404(pegawai_id)
    form = _pegawai_form(obj=pegawai)
    del form.npsn_sekolah  # a change of school is a mutasi, with its date
    if form.validate_on_submit():
        try:
            layanan.ubah(current_user, pegawai, form.data)
        except layanan.DataBentrok as error:
            getattr(form, error.field).errors.append(str(error))
        else:
            return redirect(url_for("dinas.lihat_pegawai", pegawai_id=pegawai.id), 303)
    return _halaman_form("dinas/pegawai_form.html", form, pegawai)


@bp.post("/pegawai/<int:pegawai_id>/<any(nonaktifkan, aktifkan):aksi>")
@roles("admin_dinas")
def atur_aktif_pegawai(pegawai_id: int, aksi: str) -> Response:
    pegawai = pegawai_atau_404(pegawai_id)
    layanan.atur_aktif(current_user, pegawai, aksi == "aktifkan")
    return redirect(url_for("dinas.lihat_pegawai", pegawai_id=pegawai.id), 303)


@bp.route("/pegawai/<int:pegawai_id>/mutasi", methods=["GET", "POST"])
@roles("admin_dinas")
def mutasi_pegawai(pegawai_id: int) -> Response:
    pegawai = pegawai_atau_404(pegawai_id)
    form = MutasiForm()
    if form.validate_on_submit():
        try:
            layanan.mutasi(current_user, pegawai, form.npsn_tujuan.data, form.tanggal.data)
        except layanan.DataBentrok as error:
            getattr(form, error.field).errors.append(str(error))
        else:
            return redirect(url_for("dinas.lihat_pegawai", pegawai_id=pegawai.id), 303)
    return _halaman_form("dinas/pegawai_mutasi.html", form, pegawai)


@bp.route("/pegawai/<int:pegawai_id>/jabatan", methods=["GET", "POST"])
@roles("admin_dinas")
def tetapkan_jabatan(pegawai_id: int) -> Response:
    pegawai = pegawai_atau_404(pegawai_id)
    form = JabatanForm()
    if form.validate_on_submit():
        try:
            layanan.tetapkan_jabatan(
                current_user,
                pegawai,
                jabatan=form.jabatan.data,
                npsn=form.npsn_sekolah.data,
                mulai=form.mulai.data,
                selesai=form.selesai.data,
                plt=form.plt.data,
                nomor_sk=form.nomor_sk.data,
            )
        except layanan.DataBentrok as error:
            getattr(form, error.field).errors.append(str(error))
        else:
            return redirect(url_for("dinas.lihat_pegawai", pegawai_id=pegawai.id), 303)
    return _halaman_form("dinas/pegawai_jabatan.html", form, pegawai)


@bp.route("/jabatan/<int:penugasan_id>/akhiri", methods=["GET", "POST"])
@roles("admin_dinas")
def akhiri_jabatan(penugasan_id: int) -> Response:
    post = Penugasan.get_or_none(Penugasan.id == penugasan_id)
    if post is None:
        abort(404)
    form = AkhiriJabatanForm()
    if form.validate_on_submit():
        try:
            layanan.akhiri_jabatan(current_user, post, form.selesai.data)
        except layanan.DataBentrok as error:
            form.selesai.errors.append(str(error))
        else:
            return redirect(url_for("dinas.lihat_pegawai", pegawai_id=post.pegawai_id), 303)
    return _halaman_form("dinas/jabatan_akhiri.html", form, post.pegawai, post=post)


@bp.route("/pegawai/<int:pegawai_id>/binaan", methods=["GET", "POST"])
@roles("admin_dinas")
def tambah_binaan(pegawai_id: int) -> Response:
    pegawai = pegawai_atau_404(pegawai_id)
    form = BinaanForm()
    if form.validate_on_submit():
        try:
            layanan.tugaskan_pengawas(current_user, pegawai, form.npsn_binaan.data, form.mulai.data)
        except layanan.DataBentrok as error:
            form.npsn_binaan.errors.append(str(error))
        else:
            return redirect(url_for("dinas.lihat_pegawai", pegawai_id=pegawai.id), 303)
    return _halaman_form("dinas/pegawai_binaan.html", form, pegawai)


def _pegawai_form(**kwargs: object) -> PegawaiForm:
    form = PegawaiForm(**kwargs)
    form.pangkat_golongan.choices = [SelectChoice("", "Tidak ada / belum")] + [
        SelectChoice(p.kode, f"{p.kode} · {p.pangkat}")
        for p in PangkatGolongan.select().order_by(PangkatGolongan.urutan)
    ]
    return form


def _halaman_form(
    template: str, form: Formulir, pegawai: Pegawai | None, **extra: object
) -> Response:
    status = 422 if form.is_submitted() else 200
    return render(template, form=form, pegawai=pegawai, status=status, **extra)
