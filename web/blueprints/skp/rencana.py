"""The pegawai's own SKP (guru and kepala sekolah), one thing per page: the year's status and
what to do next, then data → indikator → kompetensi → tugas tambahan → perilaku → periksa, and
submitting, withdrawing and the July adjustment.

The URLs carry only the year, so a pegawai only ever reaches their own plan. Each step saves the
draft on the server and goes on with 303; invalid input comes back with 422; a plan that cannot
change now (submitted or agreed) is shown read-only and a POST to a step gets 409.
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, request, url_for
from flask.wrappers import Response
from flask_login import current_user

from web.auth import roles
from web.blueprints.skp import bp, tahun_boleh, tahun_sah
from web.domain import skp as aturan
from web.forms import Formulir
from web.forms_laporan import LaporanDataForm
from web.forms_rencana import (
    KegiatanForm,
    TugasForm,
    indikator_form,
    kegiatan_form,
    perilaku_form,
)
from web.htmx import render
from web.models import AspekPerilaku, KegiatanKompetensi, PerilakuBawaan, Regime
from web.models.pegawai import PERAN
from web.models.skp import Skp
from web.services import jadwal, katalog, laporan
from web.services import skp as layanan
from web.services.pegawai import rincian
from web.services.ringkasan_skp import RingkasanSkp, ringkasan

PERAN_SKP = ("guru", "kepala_sekolah")
# The journey's steps in order; "Langkah n dari 6" counts these.
LANGKAH = (
    "skp.langkah_data",
    "skp.langkah_indikator",
    "skp.langkah_kompetensi",
    "skp.langkah_tugas",
    "skp.langkah_perilaku",
    "skp.periksa",
)
# The check page's "Ubah" links: part of the plan (components/skp.html) -> its step.
UBAH = {
    "indikator": "skp.langkah_indikator",
    "kegiatan": "skp.langkah_kompetensi",
    "tugas_tambahan": "skp.langkah_tugas",
    "perilaku": "skp.langkah_perilaku",
}


# --- the year's SKP -----------------------------------------------------------------------


@bp.get("/")
@roles(*PERAN_SKP)
def index() -> Response:
    tahun = tahun_sah()
    return _halaman_index(tahun, layanan.terakhir(current_user.pegawai.id, tahun))


@bp.post("/<int:tahun>/mulai")
@roles(*PERAN_SKP)
def mulai(tahun: int) -> Response:
    tahun_sah(tahun)
    _tombol()
    layanan.mulai(current_user, tahun)
    return redirect(url_for("skp.langkah_data", tahun=tahun), 303)


@bp.post("/<int:tahun>/tarik")
@roles(*PERAN_SKP)
def tarik(tahun: int) -> Response:
    skp = _skp(tahun)
    _tombol()
    try:
        layanan.tarik(current_user, skp)
    except layanan.SkpError as error:
        return _halaman_index(tahun, skp, galat=error.message)
    return redirect(url_for("skp.index", tahun=tahun), 303)


@bp.post("/<int:tahun>/sesuaikan")
@roles(*PERAN_SKP)
def sesuaikan(tahun: int) -> Response:
    skp = _skp(tahun)
    _tombol()
    try:
        layanan.sesuaikan(current_user, skp)
    except layanan.SkpError as error:
        return _halaman_index(tahun, skp, galat=error.message)
    return redirect(url_for("skp.index", tahun=tahun), 303)


def _halaman_index(tahun: int, skp: Skp | None, galat: str | None = None) -> Response:
    form = Formulir()
    if galat:
        form.form_errors.append(galat)
    context: dict[str, Any] = {
        "tahun": tahun,
        "form": form,
        "r": None,
        "daftar": layanan.daftar_tahun(current_user.pegawai.id),
        "tahun_lain": [t for t in (tahun - 1, tahun + 1) if tahun_boleh(t)],
    }
    if skp is None:
        j = jadwal.jendela(layanan.REGIME_BAKU, tahun, aturan.KODE_JENDELA_PENYUSUNAN)
        context["jendela"] = {
            "keterangan_jendela": jadwal.keterangan(j),
            "peringatan": aturan.peringatan_jendela(jadwal.status(j)),
        }
    else:
        r = ringkasan(skp)
        boleh, keterangan = layanan.penyesuaian(skp)
        context.update(
            r=r,
            jendela=r,
            lanjut=_langkah_belum_selesai(r),
            perubahan=layanan.perubahan_terakhir(skp),
            boleh_sesuaikan=boleh,
            keterangan_penyesuaian=keterangan,
        )
    return render("skp/index.html", status=422 if galat else 200, **context)


# --- step 1: the pegawai's data, and reporting what is wrong in it ------------------------


@bp.get("/<int:tahun>/data")
@roles(*PERAN_SKP)
def langkah_data(tahun: int) -> Response:
    skp = _skp(tahun)
    return render(
        "skp/langkah_data.html",
        skp=skp,
        p=rincian(current_user.pegawai),
        peran=PERAN,
        terkirim=request.args.get("terkirim") == "1",
        **_langkah("skp.langkah_data", tahun),
    )


@bp.route("/<int:tahun>/data/laporkan", methods=["GET", "POST"])
@roles(*PERAN_SKP)
def lapor_data(tahun: int) -> Response:
    tahun_sah(tahun)
    form = LaporanDataForm()
    if form.validate_on_submit():
        laporan.laporkan(current_user, form.isi.data)
        return redirect(url_for("skp.langkah_data", tahun=tahun, terkirim=1), 303)
    status = 422 if form.is_submitted() else 200
    return render(
        "skp/lapor_data.html",
        form=form,
        laporan=laporan.milik(current_user.pegawai.id),
        tahun=tahun,
        status=status,
    )


# --- steps 2-5: the plan ------------------------------------------------------------------


@bp.route("/<int:tahun>/indikator", methods=["GET", "POST"])
@roles(*PERAN_SKP)
def langkah_indikator(tahun: int) -> Response:
    skp = _skp(tahun)
    if (beku := _beku(skp, "skp.langkah_indikator")) is not None:
        return beku
    pilihan = [
        (i, prioritas)
        for i, prioritas in katalog.katalog(skp.tahun, skp.regime_kode).indikator
        if i.peran == skp.peran and i.aktif
    ]
    form = indikator_form(
        [i for i, _ in pilihan], data=_tersimpan(indikator_kode=skp.indikator_kode)
    )
    if form.validate_on_submit() and _simpan(form, skp, indikator_kode=form.indikator_kode.data):
        return _lanjut("skp.langkah_indikator", tahun)
    return render(
        "skp/langkah_indikator.html",
        form=form,
        pilihan={i.kode: (i, prioritas) for i, prioritas in pilihan},
        status=422 if form.is_submitted() else 200,
        **_langkah("skp.langkah_indikator", tahun),
    )


@bp.route("/<int:tahun>/kompetensi", methods=["GET", "POST"])
@roles(*PERAN_SKP)
def langkah_kompetensi(tahun: int) -> Response:
    skp = _skp(tahun)
    if (beku := _beku(skp, "skp.langkah_kompetensi")) is not None:
        return beku
    daftar = _katalog_kegiatan(skp)
    form = kegiatan_form(
        daftar, data=_tersimpan(**{f"kali_{k.huruf}": k.jumlah for k in skp.kegiatan})
    )
    if form.validate_on_submit() and _simpan(form, skp, kegiatan=form.jumlah()):
        if request.form.get("aksi") == "hitung":
            kembali = request.args.get("kembali")
            return redirect(url_for("skp.langkah_kompetensi", tahun=tahun, kembali=kembali), 303)
        return _lanjut("skp.langkah_kompetensi", tahun)
    return _halaman_kompetensi(skp, daftar, form, 422 if form.is_submitted() else 200)


@bp.post("/<int:tahun>/kompetensi/hitung")
@roles(*PERAN_SKP)
def hitung_poin(tahun: int) -> Response:
    """The running total for htmx while the pegawai types; nothing is saved."""
    skp = _skp(tahun)
    daftar = _katalog_kegiatan(skp)
    form = kegiatan_form(daftar)
    status = 200 if form.validate_on_submit() else 422
    return _halaman_kompetensi(skp, daftar, form, status, hitung=True)


def _halaman_kompetensi(
    skp: Skp,
    daftar: list[KegiatanKompetensi],
    form: KegiatanForm,
    status: int,
    hitung: bool = False,
) -> Response:
    # Counts that are not valid yet add nothing, so the total still shows the rest.
    jumlah = {
        h: n
        for h in form.huruf
        if isinstance(n := form[f"kali_{h}"].data, int) and n > 0 and not form[f"kali_{h}"].errors
    }
    rencana = [
        aturan.RencanaKegiatan(k.huruf, k.poin, jumlah[k.huruf])
        for k in daftar
        if k.huruf in jumlah
    ]
    poin = aturan.total_poin(rencana)
    regime = Regime.get_by_id(skp.regime_kode)
    minimal = regime.poin_minimal or aturan.POIN_MINIMAL
    maksimal = regime.poin_maksimal or aturan.POIN_MAKSIMAL
    return render(
        "skp/langkah_kompetensi.html",
        block="total" if hitung else None,
        form=form,
        daftar=daftar,
        poin=poin,
        minimal=minimal,
        maksimal=maksimal,
        rentang=aturan.periksa_rentang(poin.total, minimal, maksimal, skp.poin_disetujui_penilai),
        hitung=hitung,
        status=status,
        **_langkah("skp.langkah_kompetensi", skp.tahun),
    )


@bp.route("/<int:tahun>/tugas-tambahan", methods=["GET", "POST"])
@roles(*PERAN_SKP)
def langkah_tugas(tahun: int) -> Response:
    skp = _skp(tahun)
    if (beku := _beku(skp, "skp.langkah_tugas")) is not None:
        return beku
    ada = "ada" if skp.tugas_tambahan else "tidak"
    form = TugasForm(data=_tersimpan(ada=ada, tugas_tambahan=skp.tugas_tambahan))
    if form.validate_on_submit() and _simpan(form, skp, tugas_tambahan=form.isi()):
        return _lanjut("skp.langkah_tugas", tahun)
    return render(
        "skp/langkah_tugas.html",
        form=form,
        status=422 if form.is_submitted() else 200,
        **_langkah("skp.langkah_tugas", tahun),
    )


@bp.route("/<int:tahun>/perilaku", methods=["GET", "POST"])
@roles(*PERAN_SKP)
def langkah_perilaku(tahun: int) -> Response:
    skp = _skp(tahun)
    if (beku := _beku(skp, "skp.langkah_perilaku")) is not None:
        return beku
    aspek = list(
        AspekPerilaku.select()
        .where(AspekPerilaku.regime_kode == skp.regime_kode)
        .order_by(AspekPerilaku.urutan)
    )
    form = perilaku_form(aspek, data=_tersimpan(**_isian_perilaku(skp, aspek)))
    if form.validate_on_submit():
        perilaku = {a: layanan.Perilaku(*isi) for a, isi in form.perilaku().items()}
        if _simpan(form, skp, perilaku=perilaku):
            return _lanjut("skp.langkah_perilaku", tahun)
    return render(
        "skp/langkah_perilaku.html",
        form=form,
        aspek=aspek,
        status=422 if form.is_submitted() else 200,
        **_langkah("skp.langkah_perilaku", tahun),
    )


# --- step 6: check and submit -------------------------------------------------------------


@bp.get("/<int:tahun>/periksa")
@roles(*PERAN_SKP)
def periksa(tahun: int) -> Response:
    skp = _skp(tahun)
    if (beku := _beku(skp, "skp.periksa")) is not None:
        return beku
    return _halaman_periksa(skp, Formulir())


@bp.post("/<int:tahun>/ajukan")
@roles(*PERAN_SKP)
def ajukan(tahun: int) -> Response:
    skp = _skp(tahun)
    form = Formulir()
    if not form.validate_on_submit():
        abort(400)
    try:
        layanan.ajukan(current_user, skp)
    except layanan.SkpError as error:
        form.form_errors.append(error.message)
        return _halaman_periksa(skp, form, 422)
    return redirect(url_for("skp.index", tahun=tahun), 303)


def _halaman_periksa(skp: Skp, form: Formulir, status: int = 200) -> Response:
    r = ringkasan(skp)
    ubah = {bagian: url_for(ep, tahun=skp.tahun, kembali="periksa") for bagian, ep in UBAH.items()}
    # What blocks submitting; a total outside the range does not (the penilai may agree it,
    # Pasal 14(4)), so it is a warning of its own.
    kekurangan = [(k.pesan, ubah[k.bagian]) for k in r.kekurangan]
    return render(
        "skp/periksa.html",
        r=r,
        form=form,
        ubah=ubah,
        kekurangan=kekurangan,
        status=status,
        **_langkah("skp.periksa", skp.tahun),
    )


# --- helpers ------------------------------------------------------------------------------


def _skp(tahun: int) -> Skp:
    """The signed-in pegawai's newest version for the year; without one, back to the index."""
    tahun_sah(tahun)
    skp = layanan.terakhir(current_user.pegawai.id, tahun)
    if skp is None:
        abort(redirect(url_for("skp.index", tahun=tahun), 303))
    return skp


def _tombol() -> None:
    """A button-only POST: only its CSRF token to check."""
    if not Formulir().validate_on_submit():
        abort(400)


def _tersimpan(**nilai: Any) -> dict[str, Any] | None:
    """The saved draft as the form's starting values, on GET only: on POST a field the browser
    left out (no radio chosen) must read as empty, not as the saved value."""
    return nilai if request.method == "GET" else None


def _simpan(form: Formulir, skp: Skp, **bagian: Any) -> bool:
    try:
        layanan.simpan(current_user, skp, **bagian)
    except layanan.SkpError as error:
        form.form_errors.append(error.message)
        return False
    return True


def _dari_periksa() -> bool:
    return request.args.get("kembali") == "periksa"


def _langkah(endpoint: str, tahun: int) -> dict[str, Any]:
    """What every step page shows around its form: its number and where "Kembali" goes."""
    nomor = LANGKAH.index(endpoint) + 1
    if _dari_periksa() and endpoint != "skp.periksa":
        kembali = url_for("skp.periksa", tahun=tahun)
    elif nomor == 1:
        kembali = url_for("skp.index", tahun=tahun)
    else:
        kembali = url_for(LANGKAH[nomor - 2], tahun=tahun)
    return {"tahun": tahun, "nomor": nomor, "jumlah_langkah": len(LANGKAH), "kembali": kembali}


def _lanjut(endpoint: str, tahun: int) -> Response:
    """After a step is saved: back to the check page when it came from there, else onwards."""
    tujuan = "skp.periksa" if _dari_periksa() else LANGKAH[LANGKAH.index(endpoint) + 1]
    return redirect(url_for(tujuan, tahun=tahun), 303)


def _beku(skp: Skp, endpoint: str) -> Response | None:
    """The read-only plan when it cannot change now, else None. A POST then gets 409 with the
    service's own reason, so the page and the rule never disagree."""
    if skp.status in layanan.BISA_DIUBAH:
        return None
    pesan = None
    if request.method == "POST":
        try:
            layanan.simpan(current_user, skp)  # refuses, saying why
        except layanan.SkpError as error:
            pesan = error.message
    return render(
        "skp/rencana_beku.html",
        r=ringkasan(skp),
        pesan=pesan,
        status=409 if pesan else 200,
        **_langkah(endpoint, skp.tahun),
    )


def _langkah_belum_selesai(r: RingkasanSkp) -> str:
    """Where "Lanjutkan" goes: the first step whose part is still empty, else the check page.
    Tugas tambahan may rightly stay empty, so it counts as done once behaviours are begun."""
    perilaku = [p for p in r.perilaku if p.fokus]
    if r.indikator is None:
        return "skp.langkah_data" if not (r.kegiatan or perilaku) else "skp.langkah_indikator"
    if not r.kegiatan:
        return "skp.langkah_kompetensi"
    if not perilaku and not r.skp.tugas_tambahan:
        return "skp.langkah_tugas"
    if len(perilaku) < len(r.perilaku):
        return "skp.langkah_perilaku"
    return "skp.periksa"


def _katalog_kegiatan(skp: Skp) -> list[KegiatanKompetensi]:
    return katalog.katalog(skp.tahun, skp.regime_kode).kegiatan


def _isian_perilaku(skp: Skp, aspek: list[AspekPerilaku]) -> dict[str, str]:
    """The behaviour fields as saved, or else the role's first default for the aspect."""
    tersimpan = layanan.perilaku(skp)
    bawaan: dict[str, PerilakuBawaan] = {}
    for b in (
        PerilakuBawaan.select()
        .where(PerilakuBawaan.regime_kode == skp.regime_kode, PerilakuBawaan.peran == skp.peran)
        .order_by(PerilakuBawaan.urutan, PerilakuBawaan.id)
    ):
        bawaan.setdefault(b.aspek_kode, b)
    isian = {}
    for a in aspek:
        if a.nama in tersimpan:
            indikator, fokus = tersimpan[a.nama]
        elif a.kode in bawaan:
            indikator, fokus = bawaan[a.kode].indikator, bawaan[a.kode].fokus_perilaku
        else:
            indikator, fokus = "", ""
        isian[f"indikator_{a.kode}"], isian[f"fokus_{a.kode}"] = indikator, fokus
    return isian
