"""The cycle's task list (the pegawai's five steps of a semester), the step pages A, C and E for
the pegawai and the penilai, and the penilai's overview of everyone they appraise.

A cycle starts with a button (a POST), not on a visit: a GET never writes (link prefetchers,
the access crawl and the penilai's visits create nothing), and "belum mulai siklus" in the
penilai's overview then means the pegawai has not started.

The step pages save drafts while the user types: htmx posts the form to `simpan_langkah`, which
answers with the small "Tersimpan" status only, so a textarea is never replaced and a failed
save (invalid, a closed step, no network) leaves its text where it is. Without JavaScript the
"Simpan" button does the same and comes back with 303; a failed POST comes back as the page
with the posted text and 422. Anyone but the pegawai and their penilai of today gets 404.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles, signed_in
from web.blueprints.siklus import bp, kembali
from web.blueprints.skp import tahun_boleh
from web.db import db
from web.domain.siklus import URUTAN, Langkah, Pihak
from web.forms import Formulir
from web.forms_siklus import JawabanForm, SaringPenilaiForm, jawaban_form
from web.htmx import render, wants_fragment
from web.models import Pegawai, Siklus
from web.models.base import WIB, hari_ini
from web.services import langkah as layanan
from web.services import siklus as layanan_siklus
from web.services.langkah import LangkahError
from web.tampilan import waktu

PERAN_PEGAWAI = ("guru", "kepala_sekolah")
HALAMAN = "siklus/langkah.html"
URL_LANGKAH = "/<int:pegawai_id>/<int:tahun>/<int:semester>/langkah/<any(A,C,E):langkah>"
# Each step's page; B and D are built in their own modules (observasi, tindak_lanjut).
ENDPOINT_LANGKAH = {
    Langkah.A: "siklus.langkah",
    Langkah.B: "siklus.observasi",
    Langkah.C: "siklus.langkah",
    Langkah.D: "siklus.tindak_lanjut",
    Langkah.E: "siklus.langkah",
}


# --- the task list ------------------------------------------------------------------------


@bp.get("/")
@roles(*PERAN_PEGAWAI)
def index() -> Response:
    hari = hari_ini()
    tahun = request.args.get("tahun", hari.year, type=int)
    semester = request.args.get("semester", layanan_siklus.semester_dari(hari), type=int)
    return _halaman_tugas(*_periode(tahun, semester))


@bp.post("/<int:tahun>/<int:semester>/mulai")
@roles(*PERAN_PEGAWAI)
def mulai(tahun: int, semester: int) -> Response:
    _periode(tahun, semester)
    if not Formulir().validate_on_submit():
        abort(400)
    try:
        layanan.mulai(current_user, tahun, semester)
    except LangkahError as error:
        return _halaman_tugas(tahun, semester, error.message)
    return redirect(url_for("siklus.index", tahun=tahun, semester=semester), 303)


def _halaman_tugas(tahun: int, semester: int, galat: str | None = None) -> Response:
    form = Formulir()
    if galat:
        form.form_errors.append(galat)
    d = layanan.daftar_tugas(current_user.pegawai, tahun, semester)
    penilai = d.penilai.nama if d.penilai else None
    return render(
        "siklus/tugas.html",
        d=d,
        form=form,
        giliran={
            t.langkah: layanan.label_giliran(t.giliran, Pihak.PEGAWAI, penilai) for t in d.tugas
        },
        tautan=tautan_langkah(d.pegawai.id, tahun, semester) if d.siklus else {},
        lain=_semester_lain(tahun, semester),
        status=422 if galat else 200,
    )


# --- the step pages A, C, E ---------------------------------------------------------------


@bp.get(URL_LANGKAH)
@signed_in
def langkah(pegawai_id: int, tahun: int, semester: int, langkah: str) -> Response:
    pegawai, pihak, siklus = _muat(pegawai_id, tahun, semester)
    if siklus is None:
        return render(
            "siklus/langkah_belum.html",
            pegawai=pegawai,
            tahun=tahun,
            semester=semester,
            langkah=Langkah(langkah),
            milik=Pihak.PEGAWAI in pihak,
            # Only a guru or kepala sekolah has a task list to start the cycle from.
            daftar=current_user.has_role(*PERAN_PEGAWAI),
            kembali=kembali(pihak, tahun, semester),
        )
    h = layanan.halaman(siklus, Langkah(langkah))
    return _halaman_langkah(h, pihak, _form_tersimpan(h, pihak))


@bp.post(URL_LANGKAH + "/simpan")
@signed_in
def simpan_langkah(pegawai_id: int, tahun: int, semester: int, langkah: str) -> Response:
    """Saves the user's answers: the htmx autosave (answered with the status only) and the
    "Simpan" button."""

    def simpan(s: Siklus, kode: Langkah, pihak: set[Pihak], isian: dict[str, str]) -> Any:
        sisi = layanan.sisi(pihak)
        assert sisi is not None  # _muat let only the two sides through
        return layanan.simpan(current_user, s, kode, sisi, isian)

    return _kirim(pegawai_id, tahun, semester, langkah, simpan)


@bp.post(URL_LANGKAH + "/selesai-mengisi")
@signed_in
def selesai_mengisi(pegawai_id: int, tahun: int, semester: int, langkah: str) -> Response:
    """The pegawai saves and marks the step done writing; the penilai acts next."""

    def tandai(s: Siklus, kode: Langkah, pihak: set[Pihak], isian: dict[str, str]) -> Any:
        return layanan.tandai_selesai_mengisi(current_user, s, kode, pihak, isian)

    return _kirim(pegawai_id, tahun, semester, langkah, tandai)


@bp.post(URL_LANGKAH + "/tutup")
@signed_in
def tutup_langkah(pegawai_id: int, tahun: int, semester: int, langkah: str) -> Response:
    """The penilai saves their answers and closes the step."""

    def tutup(s: Siklus, kode: Langkah, pihak: set[Pihak], isian: dict[str, str]) -> Any:
        return layanan.tutup(current_user, s, kode, pihak, isian)

    return _kirim(pegawai_id, tahun, semester, langkah, tutup)


@bp.post(URL_LANGKAH + "/buka")
@signed_in
def buka_langkah(pegawai_id: int, tahun: int, semester: int, langkah: str) -> Response:
    """The penilai reopens a closed step (a button-only form: no text to keep)."""
    _, pihak, siklus = _muat(pegawai_id, tahun, semester)
    if siklus is None:
        abort(404)
    if not Formulir().validate_on_submit():
        abort(400)
    kode = Langkah(langkah)
    try:
        layanan.buka(current_user, siklus, kode, pihak)
    except LangkahError as error:
        h = layanan.halaman(siklus, kode)
        form = _form_tersimpan(h, pihak)
        form.form_errors.append(error.message)
        return _halaman_langkah(h, pihak, form, 422)
    return redirect(url_for("siklus.langkah", **_args(siklus, kode)), 303)


def _kirim(
    pegawai_id: int,
    tahun: int,
    semester: int,
    langkah: str,
    lakukan: Callable[[Siklus, Langkah, set[Pihak], dict[str, str]], Any],
) -> Response:
    """A POST of the step's form: validate, act, then 303 back to the page (or the status
    fragment for htmx); on failure the page with the posted text, 422."""
    _, pihak, siklus = _muat(pegawai_id, tahun, semester)
    if siklus is None:
        abort(404)
    kode = Langkah(langkah)
    form = jawaban_form(layanan.pertanyaan(siklus, kode, layanan.sisi(pihak)))
    if form.validate_on_submit():
        try:
            with db.atomic():  # a refusal undoes the part already done (a save before a close)
                hasil = lakukan(siklus, kode, pihak, form.isian())
        except LangkahError as error:
            form.form_errors.append(error.message)
        else:
            if wants_fragment():
                tersimpan = hasil if isinstance(hasil, dt.datetime) else None
                return render(HALAMAN, block="tersimpan", tersimpan=_jam(tersimpan))
            return redirect(url_for("siklus.langkah", **_args(siklus, kode)), 303)
    if wants_fragment():
        return render(HALAMAN, block="tersimpan", galat_simpan=_pesan(form), status=422)
    return _halaman_langkah(layanan.halaman(siklus, kode), pihak, form, 422, teks_dikirim=True)


def _form_tersimpan(h: layanan.HalamanLangkah, pihak: set[Pihak]) -> JawabanForm:
    """The user's side of the step with the answers saved so far (never the request's)."""
    mine = h.pertanyaan[layanan.sisi(pihak)]
    return jawaban_form(mine, formdata=None, data={f"isi_{j.kode}": j.isi for j in mine})


def _halaman_langkah(
    h: layanan.HalamanLangkah,
    pihak: set[Pihak],
    form: JawabanForm,
    status: int = 200,
    teks_dikirim: bool = False,
) -> Response:
    sisi = layanan.sisi(pihak)
    assert sisi is not None
    args = _args(h.siklus, h.langkah)
    return render(
        HALAMAN,
        h=h,
        form=form,
        sisi=sisi,
        lain=Pihak.PENILAI if sisi == Pihak.PEGAWAI else Pihak.PEGAWAI,
        # After a failed POST the text stays in its textareas, even on a step that cannot be
        # written in now, so the user can still copy it.
        tulis=h.alasan is None or teks_dikirim,
        giliran=layanan.label_giliran(h.giliran, sisi, h.penilai.nama if h.penilai else None),
        tersimpan=_jam(h.tersimpan(sisi)),
        kembali=kembali(pihak, h.siklus.tahun, h.siklus.semester),
        simpan_url=url_for("siklus.simpan_langkah", **args),
        selesai_url=url_for("siklus.selesai_mengisi", **args),
        tutup_url=url_for("siklus.tutup_langkah", **args),
        buka_url=url_for("siklus.buka_langkah", **args),
        status=status,
    )


# --- the penilai's overview ---------------------------------------------------------------


@bp.get("/penilai")
@roles("kepala_sekolah", "kepala_dinas")
def penilai() -> Response:
    hari = hari_ini()
    tahun = request.args.get("tahun", hari.year, type=int)
    semester = request.args.get("semester", layanan_siklus.semester_dari(hari), type=int)
    tahun, semester = _periode(tahun, semester)
    saring = SaringPenilaiForm(formdata=request.args)
    ok = saring.validate()
    i = layanan.ikhtisar(
        current_user.pegawai.id,
        tahun,
        semester,
        langkah=(saring.langkah.data or "") if ok else "",
        giliran_saya=bool(saring.giliran.data) if ok else False,
    )
    return render(
        "siklus/tugas_penilai.html",
        block="tabel",
        i=i,
        saring=saring,
        giliran={b.pegawai.id: layanan.label_giliran(b.giliran, Pihak.PENILAI) for b in i.baris},
        tautan={
            b.pegawai.id: tautan_langkah(b.pegawai.id, tahun, semester)
            for b in i.baris
            if b.siklus_id
        },
    )


# --- helpers ------------------------------------------------------------------------------


def tautan_langkah(pegawai_id: int, tahun: int, semester: int) -> dict[Langkah, str]:
    """Each step's page of one pegawai's cycle."""
    args = {"pegawai_id": pegawai_id, "tahun": tahun, "semester": semester}
    return {
        k: url_for(
            ENDPOINT_LANGKAH[k],
            **args,
            **({"langkah": k.value} if ENDPOINT_LANGKAH[k] == "siklus.langkah" else {}),
        )
        for k in URUTAN
    }


def _periode(tahun: int, semester: int) -> tuple[int, int]:
    """A year that can hold an SKP and a semester 1 or 2, else 404."""
    if not tahun_boleh(tahun) or semester not in (1, 2):
        abort(404)
    return tahun, semester


def _semester_lain(tahun: int, semester: int) -> list[tuple[int, int]]:
    """The semesters before and after, where they can exist."""
    sebelum = (tahun, 1) if semester == 2 else (tahun - 1, 2)
    sesudah = (tahun, 2) if semester == 1 else (tahun + 1, 1)
    return [p for p in (sebelum, sesudah) if tahun_boleh(p[0])]


def _muat(pegawai_id: int, tahun: int, semester: int) -> tuple[Pegawai, set[Pihak], Siklus | None]:
    """The pegawai, who the user is to them, and the cycle if started; 404 unless the user is
    the pegawai or their penilai today (a tim kerja member only observes, in step B)."""
    _periode(tahun, semester)
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None:
        abort(404)
    pihak = layanan_siklus.pihak(current_user, pegawai)
    if layanan.sisi(pihak) is None:
        abort(404)
    return pegawai, pihak, layanan_siklus.cari(pegawai.id, tahun, semester)


def _args(siklus: Siklus, kode: Langkah) -> dict[str, Any]:
    return {
        "pegawai_id": siklus.pegawai_id,
        "tahun": siklus.tahun,
        "semester": siklus.semester,
        "langkah": kode.value,
    }


def _jam(waktu_simpan: dt.datetime | None) -> str | None:
    """ "14.05" for a save of today, else the full date and time."""
    if waktu_simpan is None:
        return None
    lokal = waktu_simpan.astimezone(WIB)
    if lokal.date() == hari_ini():
        return f"{lokal:%H.%M}"
    return waktu(waktu_simpan)


def _pesan(form: Formulir) -> str:
    """The form's errors as one sentence for the autosave status."""
    pesan = list(form.form_errors)
    for nama, daftar in form.errors.items():
        if nama is not None:
            pesan.extend(daftar)
    return " ".join(pesan)
