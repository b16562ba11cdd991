"""Accounts: printing a school's activation codes, resetting a password, (de)activating.

The pages that show codes are rendered in answer to the POST that made them and are never
stored by a browser or proxy: a code is on screen once, then on paper, then nowhere.
"""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.dinas import bp
from web.blueprints.dinas.muat import pegawai_atau_404, sekolah_atau_404
from web.forms_akun import KodeAktivasiForm
from web.htmx import render
from web.models import Akun, Pegawai, Sekolah
from web.models.base import WIB, now
from web.services import akun as layanan

PENCETAK = ("admin_dinas", "kepala_sekolah")


@bp.get("/sekolah/<int:sekolah_id>/kode-aktivasi")
@roles(*PENCETAK)
def kode_aktivasi_sekolah(sekolah_id: int) -> Response:
    return _halaman_daftar(sekolah_atau_404(sekolah_id), KodeAktivasiForm())


@bp.post("/sekolah/<int:sekolah_id>/kode-aktivasi")
@roles(*PENCETAK)
def buat_kode_aktivasi_sekolah(sekolah_id: int) -> Response:
    sekolah = sekolah_atau_404(sekolah_id)
    form = KodeAktivasiForm()
    if not form.validate_on_submit():
        return _halaman_daftar(sekolah, form)
    pegawai = layanan.untuk_dicetak(sekolah, sertakan_berkode=form.sertakan_berkode.data)
    kartu = layanan.buat_kode(current_user, pegawai)
    if not kartu:
        form.form_errors.append(
            "Tidak ada kode baru yang perlu dibuat: kode yang sudah dibuat masih berlaku. "
            "Centang “Sertakan yang kodenya sudah pernah dibuat” untuk menggantinya."
        )
        return _halaman_daftar(sekolah, form)
    return _cetak(kartu)


@bp.post("/pegawai/<int:pegawai_id>/akun/reset")
@roles("admin_dinas")
def atur_ulang_akun(pegawai_id: int) -> Response:
    pegawai = pegawai_atau_404(pegawai_id)
    try:
        kode = layanan.reset(current_user, pegawai)
    except layanan.AkunError:
        abort(409)
    return _cetak([(pegawai, kode)])


@bp.post("/pegawai/<int:pegawai_id>/akun/<any(nonaktifkan, aktifkan):aksi>")
@roles("admin_dinas")
def atur_aktif_akun(pegawai_id: int, aksi: str) -> Response:
    akun = Akun.get_or_none(Akun.pegawai == pegawai_atau_404(pegawai_id).id)
    if akun is None:
        abort(404)
    layanan.atur_aktif(current_user, akun, aksi == "aktifkan")
    return redirect(url_for("dinas.lihat_pegawai", pegawai_id=pegawai_id), 303)


def _halaman_daftar(sekolah: Sekolah, form: KodeAktivasiForm) -> Response:
    status = 422 if form.is_submitted() else 200
    return render(
        "dinas/kode_aktivasi.html",
        sekolah=sekolah,
        form=form,
        daftar=layanan.belum_aktif(sekolah),
        wib=WIB,
        status=status,
    )


def _cetak(kartu: list[tuple[Pegawai, str]]) -> Response:
    response = render(
        "dinas/kode_aktivasi_cetak.html",
        kartu=kartu,
        alamat=f"https://{request.host}{url_for('auth.aktivasi')}",
        berlaku_sampai=(now() + layanan.KODE_BERLAKU).astimezone(WIB),
    )
    response.headers["Cache-Control"] = "no-store"
    return response
