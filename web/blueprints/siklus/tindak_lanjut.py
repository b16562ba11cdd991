"""Step D of the cycle, Upaya Tindak Lanjut: one page for the three parties. The pegawai records
each planned activity with its proof, withdraws one not yet checked and closes the step; the
penilai accepts or refuses each activity (and sees proof used twice); a tim kerja member reads.
The points earned stand at the top of the page.

Anyone who is no party to the pegawai's cycle today gets 404; a party acting out of turn, 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, current_app, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from web import csrf
from web.auth import signed_in
from web.blueprints.siklus import bp, kembali
from web.blueprints.skp import tahun_boleh
from web.domain.berkas import pesan_ditolak
from web.domain.siklus import LABEL_STATUS, Pihak
from web.forms import Formulir
from web.forms_tindak_lanjut import RealisasiForm, TolakForm, realisasi_form
from web.htmx import render, wants_fragment
from web.models import Pegawai, Siklus
from web.services import siklus as layanan_siklus
from web.services import tindak_lanjut as layanan
from web.services.berkas import BerkasError

URL = "/<int:pegawai_id>/<int:tahun>/<int:semester>/tindak-lanjut"


@bp.get(URL)
@signed_in
def tindak_lanjut(pegawai_id: int, tahun: int, semester: int) -> Response:
    pegawai, siklus, _ = _muat(pegawai_id, tahun, semester)
    return _halaman(pegawai, siklus, tahun, semester)


@bp.post(URL + "/catat")
@signed_in
def catat_kegiatan(pegawai_id: int, tahun: int, semester: int) -> Response:
    pegawai, siklus, _ = _muat(pegawai_id, tahun, semester, perlu=Pihak.PEGAWAI)
    try:
        request.files  # noqa: B018 - parse the body here, so a too-big one gets this page
    except RequestEntityTooLarge:
        form = realisasi_form(layanan.huruf_rencana(siklus), tahun, semester, formdata=None)
        form.bukti.errors = [pesan_ditolak("besar")]
        return _halaman(pegawai, siklus, tahun, semester, form=form, status=422)
    form = realisasi_form(layanan.huruf_rencana(siklus), tahun, semester)
    if form.validate_on_submit():
        bukti = form.bukti.data
        try:
            realisasi = layanan.catat(
                current_user,
                siklus,
                huruf=form.huruf.data,
                judul=form.judul.data,
                tanggal=form.tanggal.data,
                stream=bukti.stream,
                nama_berkas=bukti.filename or "",
            )
        except BerkasError as error:
            form.bukti.errors.append(error.message)
        except layanan_siklus.SiklusError as error:
            form.form_errors.append(error.message)
        else:
            # The query differs from the page's own URL, so htmx's redirect is a real reload
            # and not only a jump to the fragment.
            tujuan = _url_halaman(siklus) + f"?dicatat={realisasi.id}#r{realisasi.id}"
            if wants_fragment():  # htmx uploaded it with a progress bar: show the new page
                response = current_app.response_class(status=204)
                response.headers["HX-Redirect"] = tujuan
                return response
            return redirect(tujuan, 303)
    if form.csrf_token.errors:
        abort(400)
    return _halaman(pegawai, siklus, tahun, semester, form=form, status=422, block="catat")


# The global CSRF check would parse the body under the app-wide limit before the view could
# answer a too-big upload with its own page; the form checks the token itself instead.
csrf.exempt(catat_kegiatan)


@bp.post(URL + "/<int:realisasi_id>/hapus")
@signed_in
def hapus_kegiatan(pegawai_id: int, tahun: int, semester: int, realisasi_id: int) -> Response:
    pegawai, siklus, _ = _muat(pegawai_id, tahun, semester, perlu=Pihak.PEGAWAI)
    return _aksi(pegawai, siklus, lambda: layanan.tarik(current_user, siklus, realisasi_id))


@bp.post(URL + "/<int:realisasi_id>/terima")
@signed_in
def terima_kegiatan(pegawai_id: int, tahun: int, semester: int, realisasi_id: int) -> Response:
    pegawai, siklus, _ = _muat(pegawai_id, tahun, semester, perlu=Pihak.PENILAI)
    return _aksi(
        pegawai,
        siklus,
        lambda: layanan.terima(current_user, siklus, realisasi_id),
        anchor=f"#r{realisasi_id}",
    )


@bp.post(URL + "/<int:realisasi_id>/tolak")
@signed_in
def tolak_kegiatan(pegawai_id: int, tahun: int, semester: int, realisasi_id: int) -> Response:
    pegawai, siklus, _ = _muat(pegawai_id, tahun, semester, perlu=Pihak.PENILAI)
    form = TolakForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        return _halaman(
            pegawai,
            siklus,
            tahun,
            semester,
            form=form,
            galat_id=realisasi_id,
            status=422,
            block="rincian",
        )
    return _aksi(
        pegawai,
        siklus,
        lambda: layanan.tolak(current_user, siklus, realisasi_id, form.alasan.data),
        anchor=f"#r{realisasi_id}",
        form=form,
        galat_id=realisasi_id,
    )


@bp.post(URL + "/selesai")
@signed_in
def selesai_tindak_lanjut(pegawai_id: int, tahun: int, semester: int) -> Response:
    pegawai, siklus, _ = _muat(pegawai_id, tahun, semester, perlu=Pihak.PEGAWAI)
    return _aksi(pegawai, siklus, lambda: layanan.selesai(current_user, siklus))


@bp.post(URL + "/buka")
@signed_in
def buka_tindak_lanjut(pegawai_id: int, tahun: int, semester: int) -> Response:
    pegawai, siklus, _ = _muat(pegawai_id, tahun, semester, perlu=Pihak.PENILAI)
    return _aksi(pegawai, siklus, lambda: layanan.buka(current_user, siklus))


# --- helpers ------------------------------------------------------------------------------


def _muat(
    pegawai_id: int, tahun: int, semester: int, perlu: Pihak | None = None
) -> tuple[Pegawai, Siklus | None, set[Pihak]]:
    """The pegawai, their cycle of the semester (None before it started) and who the user is to
    them; 404 for someone who is no party, and for an action on a cycle that does not exist;
    403 for a party acting out of turn."""
    if semester not in (1, 2) or not tahun_boleh(tahun):
        abort(404)
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    pihak = layanan_siklus.pihak(current_user, pegawai) if pegawai is not None else set()
    if not pihak:
        abort(404)
    siklus = layanan_siklus.cari(pegawai_id, tahun, semester)
    if perlu is not None:
        if siklus is None:
            abort(404)
        if perlu not in pihak:
            abort(403)
    return pegawai, siklus, pihak


def _aksi(
    pegawai: Pegawai,
    siklus: Siklus,
    lakukan: Callable[[], object],
    anchor: str = "",
    **galat: Any,
) -> Response:
    """Run a button's action: 303 back to the page (or, for htmx, the refreshed block); a
    refusal re-shows the page with the reason and 422."""
    form = galat.pop("form", None) or Formulir()
    if not form.validate_on_submit():
        abort(400)
    try:
        lakukan()
    except layanan.TidakDitemukan:
        abort(404)
    except layanan.BukanWewenang:
        abort(403)
    except layanan_siklus.SiklusError as error:
        form.form_errors.append(error.message)
        return _halaman(
            pegawai,
            siklus,
            siklus.tahun,
            siklus.semester,
            form=form,
            status=422,
            block="rincian",
            **galat,
        )
    if wants_fragment():
        return _halaman(pegawai, siklus, siklus.tahun, siklus.semester, block="rincian")
    return redirect(_url_halaman(siklus) + anchor, 303)


def _halaman(
    pegawai: Pegawai,
    siklus: Siklus | None,
    tahun: int,
    semester: int,
    *,
    form: Formulir | None = None,
    galat_id: int | None = None,
    status: int = 200,
    block: str | None = None,
) -> Response:
    context: dict[str, Any] = {
        "pegawai": pegawai,
        "tahun": tahun,
        "semester": semester,
        "tl": None,
        "form": form or Formulir(),
        "galat_id": galat_id,
        "label_langkah": LABEL_STATUS,
        "unduh": _tautan_unduh,
        "ganda": layanan.keterangan_ganda,
    }
    if siklus is None:
        context["skp_disepakati"] = layanan_siklus.skp_berlaku(pegawai.id, tahun) is not None
    else:
        tl = layanan.halaman(current_user, siklus)
        catat = form if isinstance(form, RealisasiForm) else None
        if catat is None and tl.sebagai_pegawai and tl.bisa_dikerjakan:
            catat = realisasi_form(tl.huruf_rencana, tahun, semester, formdata=None)
            catat.huruf.data = request.args.get("huruf", "")
        context.update(tl=tl, catat=catat)
    pihak = context["tl"].pihak if context["tl"] else layanan_siklus.pihak(current_user, pegawai)
    context["kembali"] = kembali(pihak, tahun, semester)
    return render("siklus/tindak_lanjut.html", block=block, status=status, **context)


def _tautan_unduh(berkas_id: int) -> str:
    return url_for("bukti.unduh", berkas_id=berkas_id)


def _url_halaman(siklus: Siklus) -> str:
    return url_for(
        "siklus.tindak_lanjut",
        pegawai_id=siklus.pegawai_id,
        tahun=siklus.tahun,
        semester=siklus.semester,
    )
