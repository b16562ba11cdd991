"""Step B, the observation: written by the penilai or a tim kerja member, read by the pegawai.

/siklus/<pegawai_id>/<tahun>/<semester>/observasi. Who the user is to the pegawai comes from
services.siklus.pihak: someone who is nobody to them gets 404, so the page never reveals that a
pegawai or a cycle exists; the pegawai only reads, and a POST from them gets 403. "Simpan" keeps
a draft and starts step B; "Selesai observasi" closes it; the penilai may reopen a closed one.
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import signed_in
from web.blueprints.siklus import bp, kembali
from web.blueprints.skp import tahun_boleh
from web.domain.siklus import Pihak
from web.forms import Formulir
from web.forms_observasi import ObservasiForm, observasi_form
from web.htmx import render
from web.models import Pegawai
from web.models.base import WIB
from web.services import observasi as layanan
from web.services import siklus as layanan_siklus

PESAN = {
    "simpan": "Draf observasi tersimpan.",
    "selesai": "Observasi selesai. Langkah B tercatat selesai.",
    "buka": "Observasi dibuka kembali dan dapat diperbaiki.",
}


@bp.route("/<int:pegawai_id>/<int:tahun>/<int:semester>/observasi", methods=["GET", "POST"])
@signed_in
def observasi(pegawai_id: int, tahun: int, semester: int) -> Response:
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None or semester not in (1, 2) or not tahun_boleh(tahun):
        abort(404)
    pihak = layanan_siklus.pihak(current_user, pegawai)
    if not pihak:
        abort(404)
    if request.method == "POST" and Pihak.PENGAMAT not in pihak:
        abort(403)  # the pegawai reads their observation but does not write it
    h = layanan.halaman(pegawai, tahun, semester)
    form = observasi_form(
        [b.urutan for b in h.rubrik.baris] if h.rubrik else [], data=_tersimpan(h)
    )
    if request.method == "GET":
        return _halaman(h, form, pihak)

    aksi = request.form.get("aksi", "simpan")
    kembali = url_for(
        "siklus.observasi", pegawai_id=pegawai.id, tahun=tahun, semester=semester, pesan=aksi
    )
    try:
        if aksi == "buka":
            if not Formulir().validate_on_submit():
                abort(400)
            layanan.buka(current_user, pegawai, tahun, semester)
            return redirect(kembali, 303)
        if form.validate_on_submit():
            layanan.simpan(
                current_user, pegawai, tahun, semester, form.isian(), selesai=aksi == "selesai"
            )
            return redirect(kembali, 303)
        status = 422
    except layanan.ObservasiError as error:
        form.tolak(error)
        status = 409 if error.konflik else 422
    return _halaman(h, form, pihak, status)


def _tersimpan(h: layanan.HalamanObservasi) -> dict[str, Any]:
    """The stored observation as the form's starting values."""
    o = h.observasi
    if o is None:
        return {}
    data: dict[str, Any] = {"tempat": o.tempat, "rekomendasi": o.rekomendasi}
    if o.jadwal is not None:
        lokal = o.jadwal.astimezone(WIB)
        data.update(jadwal_tanggal=lokal.date(), jadwal_jam=lokal.time().replace(tzinfo=None))
    for u, c in h.catatan.items():
        data[f"capaian_{u}"], data[f"catatan_{u}"] = c.capaian, c.catatan
    return data


def _halaman(
    h: layanan.HalamanObservasi, form: ObservasiForm, pihak: set[Pihak], status: int = 200
) -> Response:
    return render(
        "siklus/observasi.html",
        h=h,
        form=form,
        tulis=Pihak.PENGAMAT in pihak and h.alasan is None and h.rubrik is not None,
        penilai=Pihak.PENILAI in pihak,
        label_capaian=layanan.LABEL_CAPAIAN,
        kembali=kembali(pihak, h.tahun, h.semester),
        pesan=PESAN.get(request.args.get("pesan", "")) if status == 200 else None,
        status=status,
    )
