"""Step B of the improvement cycle, the observation (DOMAIN.md §5), and the rubric it follows.

The penilai or a tim kerja member observes the pegawai's practice on the indicator chosen in the
SKP: a schedule, a mark and an evidence note per target behaviour of the rubric, and a
recommendation. The result is the baseline the follow-up is compared with, never a rating
(Panduan Substansi 2023: "Observasi kinerja bukan untuk melakukan penilaian").

The rubric is regime data per indicator. The official wording is not public, so ours is a
default (`bawaan_kinerja`) which the admin dinas may rewrite; every change is audited.

Used by web/blueprints/siklus/observasi.py and web/blueprints/dinas/rubrik.py; who the user is
to the pegawai comes from web.services.siklus.pihak, which the views ask first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from web.auth import DinasUser
from web.domain import siklus as aturan
from web.domain.kalender import StatusJendela, tulis_tanggal
from web.domain.siklus import Langkah, Pihak, StatusLangkah
from web.models import (
    Audit,
    IndikatorPraktik,
    Jendela,
    Observasi,
    ObservasiCatatan,
    Pegawai,
    RubrikPerilaku,
    Siklus,
    SiklusLangkah,
)
from web.models.base import WIB, hari_ini, now
from web.services import audit, jadwal
from web.services import siklus as layanan_siklus
from web.services.skp import REGIME_BAKU

REGIME = REGIME_BAKU  # the rubric pages edit this regime's catalog, as services.katalog does
PANJANG_RUBRIK = 200
PANJANG_CATATAN = 2000

# The observer's mark per target behaviour (the 2024 instrument's three levels).
LABEL_CAPAIAN = {
    "belum": "Belum dilakukan",
    "belum_efektif": "Dilakukan tapi belum efektif",
    "efektif": "Dilakukan dan efektif",
}


class ObservasiError(ValueError):
    """An observation or rubric action that cannot be done; `message` is for the user.

    `bidang` maps the inputs concerned (jadwal_tanggal, capaian_<urutan>, …) to their message;
    `konflik` says the step cannot be worked on now at all (not a matter of input)."""

    def __init__(
        self, message: str, bidang: Mapping[str, str] | None = None, *, konflik: bool = False
    ):
        super().__init__(message)
        self.message = message
        self.bidang = dict(bidang or {})
        self.konflik = konflik


# --- the rubric ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisRubrik:
    """One target behaviour as the edit form sends it."""

    urutan: int
    perilaku: str
    dianjurkan: tuple[str, ...]
    dihindari: tuple[str, ...]


@dataclass(frozen=True)
class Rubrik:
    indikator: IndikatorPraktik
    baris: list[RubrikPerilaku]

    @property
    def bawaan(self) -> str:
        """'semua' while every behaviour keeps Kinerja's default wording, 'tidak' once the dinas
        rewrote all of them, 'sebagian' in between (and for a rubric without rows)."""
        bawaan = [b.bawaan_kinerja for b in self.baris]
        if bawaan and all(bawaan):
            return "semua"
        if bawaan and not any(bawaan):
            return "tidak"
        return "sebagian"


def rubrik(kode: str, regime_kode: str = REGIME) -> Rubrik | None:
    """The indicator and its target behaviours in order; None for an unknown indicator."""
    indikator = IndikatorPraktik.get_or_none(
        IndikatorPraktik.regime_kode == regime_kode, IndikatorPraktik.kode == kode
    )
    if indikator is None:
        return None
    baris = (
        RubrikPerilaku.select()
        .where(RubrikPerilaku.regime_kode == regime_kode, RubrikPerilaku.indikator_kode == kode)
        .order_by(RubrikPerilaku.urutan)
    )
    return Rubrik(indikator, list(baris))


def riwayat_rubrik(kode: str, limit: int = 10) -> list[Audit]:
    """The latest changes to one indicator's rubric, for its page."""
    return list(
        Audit.select()
        .where(Audit.objek == "rubrik_perilaku", Audit.sesudah["indikator_kode"] == kode)
        .order_by(Audit.waktu.desc(), Audit.id.desc())
        .limit(limit)
    )


def _isi_rubrik(baris: RubrikPerilaku | BarisRubrik, kode: str) -> dict[str, object]:
    return {
        "indikator_kode": kode,
        "urutan": baris.urutan,
        "perilaku": baris.perilaku,
        "dianjurkan": list(baris.dianjurkan),
        "dihindari": list(baris.dihindari),
    }


def ubah_rubrik(
    user: DinasUser, kode: str, isi: Sequence[BarisRubrik], regime_kode: str = REGIME
) -> Rubrik:
    """Rewrite an indicator's target behaviours. A behaviour whose wording changes is no longer
    Kinerja's default; each change is audited with the wording before and after."""
    lama = rubrik(kode, regime_kode)
    if lama is None:
        raise ObservasiError(f"Indikator {kode} tidak ada.")
    per_urutan = {b.urutan: b for b in lama.baris}
    for baru in isi:
        baris = per_urutan.get(baru.urutan)
        if baris is None:
            raise ObservasiError(f"Rubrik {kode} tidak memiliki perilaku {baru.urutan}.")
        baru = BarisRubrik(
            baru.urutan,
            baru.perilaku.strip(),
            tuple(t.strip() for t in baru.dianjurkan),
            tuple(t.strip() for t in baru.dihindari),
        )
        teks = [baru.perilaku, *baru.dianjurkan, *baru.dihindari]
        if not baru.dianjurkan or not baru.dihindari or not all(teks):
            raise ObservasiError(f"Perilaku {baru.urutan}: semua isian wajib diisi.")
        if any(len(t) > PANJANG_RUBRIK for t in teks):
            raise ObservasiError(
                f"Perilaku {baru.urutan}: setiap isian paling banyak {PANJANG_RUBRIK} karakter."
            )
        sebelum = _isi_rubrik(baris, kode)
        sesudah = _isi_rubrik(baru, kode)
        if sesudah == sebelum:
            continue
        RubrikPerilaku.update(
            perilaku=baru.perilaku,
            dianjurkan=list(baru.dianjurkan),
            dihindari=list(baru.dihindari),
            bawaan_kinerja=False,
            diubah=now(),
        ).where(
            RubrikPerilaku.regime_kode == regime_kode,
            RubrikPerilaku.indikator_kode == kode,
            RubrikPerilaku.urutan == baru.urutan,
        ).execute()
        audit.catat(
            user,
            "ubah rubrik",
            baris,
            {**sebelum, "bawaan_kinerja": baris.bawaan_kinerja},
            objek="rubrik_perilaku",
            objek_id=baru.urutan,
            sesudah={**sesudah, "bawaan_kinerja": False},
        )
    hasil = rubrik(kode, regime_kode)
    assert hasil is not None
    return hasil


# --- the observation -------------------------------------------------------------------------


@dataclass(frozen=True)
class IsianObservasi:
    """What the observer sends: the schedule (WIB, aware), the place, a mark and a note per
    target behaviour (by its urutan) and the recommendation."""

    jadwal: dt.datetime | None
    tempat: str = ""
    capaian: Mapping[int, str | None] = field(default_factory=dict)
    catatan: Mapping[int, str] = field(default_factory=dict)
    rekomendasi: str = ""


@dataclass
class HalamanObservasi:
    """Everything the observation page shows for one pegawai's semester."""

    pegawai: Pegawai
    tahun: int
    semester: int
    siklus: Siklus | None
    langkah: SiklusLangkah | None  # step B's row, once the cycle exists
    alasan: str | None  # why step B cannot be worked on now; None: it can
    indikator: IndikatorPraktik | None
    rubrik: Rubrik | None
    observasi: Observasi | None
    catatan: dict[int, ObservasiCatatan]
    pengamat: Pegawai | None  # who last wrote the observation
    ditutup_oleh: Pegawai | None
    keterangan_jendela: str
    lewat: bool  # the step's window has passed (late, not blocked)

    @property
    def status(self) -> StatusLangkah:
        return StatusLangkah(self.langkah.status) if self.langkah else StatusLangkah.BELUM

    @property
    def selesai(self) -> bool:
        return self.status == StatusLangkah.SELESAI

    @property
    def label_status(self) -> str:
        return aturan.LABEL_STATUS[self.status]


def _jendela_b(regime_kode: str, tahun: int, semester: int) -> Jendela:
    info = layanan_siklus.langkah_regime(regime_kode).get(Langkah.B)
    return jadwal.jendela(regime_kode, tahun, info.jendela_kode if info else "siklus_b", semester)


def _alasan(pegawai_id: int, tahun: int, semester: int, siklus: Siklus | None) -> str | None:
    if siklus is None:
        if layanan_siklus.skp_berlaku(pegawai_id, tahun) is None:
            return f"Siklus semester {semester} dimulai setelah SKP {tahun} disepakati penilai."
        status: Mapping[Langkah, StatusLangkah] = {}
    else:
        status = layanan_siklus.status(siklus)
    try:
        aturan.periksa_kerjakan(Langkah.B, status)
    except aturan.SiklusDitolak as error:
        return error.message
    return None


def _langkah_b(siklus: Siklus) -> SiklusLangkah:
    return SiklusLangkah.get(SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == Langkah.B)


def halaman(pegawai: Pegawai, tahun: int, semester: int) -> HalamanObservasi:
    siklus = layanan_siklus.cari(pegawai.id, tahun, semester)
    skp = siklus.skp if siklus else layanan_siklus.skp_berlaku(pegawai.id, tahun)
    regime = skp.regime_kode if skp else REGIME
    obs = Observasi.get_or_none(Observasi.siklus == siklus) if siklus else None
    kode = obs.indikator_kode if obs else (skp.indikator_kode if skp else None)
    r = rubrik(kode, regime) if kode else None
    catatan = {c.urutan: c for c in obs.catatan} if obs else {}
    langkah = _langkah_b(siklus) if siklus else None
    j = _jendela_b(regime, tahun, semester)
    return HalamanObservasi(
        pegawai=pegawai,
        tahun=tahun,
        semester=semester,
        siklus=siklus,
        langkah=langkah,
        alasan=_alasan(pegawai.id, tahun, semester, siklus),
        indikator=r.indikator if r else None,
        rubrik=r,
        observasi=obs,
        catatan=catatan,
        pengamat=Pegawai.get_or_none(Pegawai.id == obs.pengamat_id) if obs else None,
        ditutup_oleh=(
            Pegawai.get_or_none(Pegawai.id == langkah.ditutup_oleh_id) if langkah else None
        ),
        keterangan_jendela=jadwal.keterangan(j),
        lewat=jadwal.status(j) == StatusJendela.TERLAMBAT,
    )


def _kurang(isian: IsianObservasi, r: Rubrik | None) -> dict[str, str]:
    """What an observation still lacks to be closed, by the input concerned."""
    kurang: dict[str, str] = {}
    if isian.jadwal is None:
        kurang["jadwal_tanggal"] = "Isi tanggal dan jam observasi."
    elif (tanggal := isian.jadwal.astimezone(WIB).date()) > hari_ini():
        kurang["jadwal_tanggal"] = (
            f"Observasi dijadwalkan {tulis_tanggal(tanggal)}; tandai selesai setelah observasi "
            "dilaksanakan."
        )
    if r is None or not r.baris:
        kurang["rubrik"] = "Rubrik indikator ini belum tersedia; minta admin dinas melengkapinya."
    else:
        for b in r.baris:
            if not isian.capaian.get(b.urutan):
                kurang[f"capaian_{b.urutan}"] = f"Pilih capaian untuk perilaku {b.urutan}."
    return kurang


def simpan(
    user: DinasUser,
    pegawai: Pegawai,
    tahun: int,
    semester: int,
    isian: IsianObservasi,
    *,
    selesai: bool = False,
) -> Observasi:
    """Save the observation as a draft (step B becomes berjalan) and, with `selesai`, close
    step B: every target behaviour marked and the observation held. Closing after the window
    is recorded as late, never refused (DOMAIN.md §3)."""
    pihak = layanan_siklus.pihak(user, pegawai)
    if Pihak.PENGAMAT not in pihak:
        raise ObservasiError(
            "Observasi ditulis oleh penilai atau anggota tim kerja yang ditunjuk.", konflik=True
        )
    siklus = layanan_siklus.cari(pegawai.id, tahun, semester)
    alasan = _alasan(pegawai.id, tahun, semester, siklus)
    if siklus is None or alasan is not None:
        raise ObservasiError(alasan or "Siklus belum dimulai.", konflik=True)
    skp = siklus.skp
    obs = Observasi.get_or_none(Observasi.siklus == siklus)
    if obs is None:
        if not skp.indikator_kode:
            raise ObservasiError("SKP ini belum memilih indikator praktik.", konflik=True)
        obs = Observasi(siklus=siklus, indikator_kode=skp.indikator_kode)
    r = rubrik(obs.indikator_kode, skp.regime_kode)
    for u, nilai in isian.capaian.items():
        if nilai and nilai not in LABEL_CAPAIAN:
            raise ObservasiError(
                "Pilihan capaian tidak valid.", {f"capaian_{u}": "Pilihan tidak valid."}
            )
    if selesai:  # checked before anything is written, so a refusal leaves the draft as it was
        info = layanan_siklus.langkah_regime(skp.regime_kode)[Langkah.B]
        kurang = _kurang(isian, r)
        try:
            aturan.tutup(
                Langkah.B,
                layanan_siklus.status(siklus),
                Pihak.PENILAI if Pihak.PENILAI in pihak else Pihak.PENGAMAT,
                Pihak(info.penutup),
                kurang.values(),
            )
        except aturan.SiklusDitolak as error:
            bidang = kurang if error.message == " ".join(kurang.values()) else {}
            raise ObservasiError(error.message, bidang) from None

    obs.jadwal = isian.jadwal
    obs.tempat = isian.tempat.strip()
    obs.rekomendasi = isian.rekomendasi.strip()
    obs.pengamat = user.pegawai.id
    obs.diubah = now()
    if selesai and isian.jadwal is not None:
        obs.dilaksanakan = isian.jadwal.astimezone(WIB).date()
    obs.save()
    if r is not None and r.baris:
        ObservasiCatatan.insert_many(
            [
                {
                    "observasi": obs.id,
                    "urutan": b.urutan,
                    "capaian": isian.capaian.get(b.urutan) or None,
                    "catatan": (isian.catatan.get(b.urutan) or "").strip(),
                }
                for b in r.baris
            ]
        ).on_conflict(
            conflict_target=[ObservasiCatatan.observasi, ObservasiCatatan.urutan],
            preserve=[ObservasiCatatan.capaian, ObservasiCatatan.catatan],
        ).execute()

    baris = _langkah_b(siklus)
    baris.status = aturan.setelah_simpan(StatusLangkah(baris.status)).value
    baris.mulai = baris.mulai or now()
    baris.save()
    if selesai:
        layanan_siklus.catat_selesai(user, siklus, baris)
    return obs


def buka(user: DinasUser, pegawai: Pegawai, tahun: int, semester: int) -> SiklusLangkah:
    """The penilai reopens a closed observation; its marks and notes stay, to be corrected."""
    siklus = layanan_siklus.cari(pegawai.id, tahun, semester)
    if siklus is None:
        raise ObservasiError("Siklus belum dimulai.", konflik=True)
    pihak = layanan_siklus.pihak(user, pegawai)
    pelaku = Pihak.PENILAI if Pihak.PENILAI in pihak else Pihak.PENGAMAT
    try:
        aturan.buka_ulang(Langkah.B, layanan_siklus.status(siklus), pelaku)
    except aturan.SiklusDitolak as error:
        raise ObservasiError(error.message, konflik=True) from None
    return layanan_siklus.catat_dibuka(user, siklus, _langkah_b(siklus))
