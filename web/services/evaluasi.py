"""The penilai's evaluation of a pegawai for a period (DOMAIN.md §7): drafts, the accountability
gate, finalising and corrections as new revisions.

Used by web/blueprints/evaluasi/penilai.py; hasil.py and rekap.py read the rows through
`terakhir`. Rules: web/domain/evaluasi.py. A final revision is never changed (the database
refuses it too); a correction is revision n+1, a draft copied from it with a reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from web.auth import DinasUser
from web.domain import evaluasi as aturan
from web.domain import siklus as aturan_siklus
from web.domain import skp as aturan_skp
from web.models import (
    Evaluasi,
    EvaluasiPerilaku,
    KegiatanKompetensi,
    Observasi,
    ObservasiCatatan,
    Pegawai,
    PertanyaanSiklus,
    RealisasiKegiatan,
    Regime,
    Siklus,
    SiklusJawaban,
)
from web.models.base import now
from web.models.skp import SkpKegiatan
from web.services import audit
from web.services import skp as layanan_skp
from web.services.akuntabilitas import kekurangan
from web.services.pegawai import dinilai_oleh, penilai_hari_ini
from web.services.siklus import pihak, skp_berlaku

DRAF = "draf"
FINAL = "final"

# The three praktik aspects the penilai rates, by column.
ASPEK_PRAKTIK = {
    "upaya_refleksi": "Upaya Refleksi",
    "upaya_mempelajari": "Upaya Mempelajari",
    "perubahan_praktik": "Perubahan Praktik",
}
RATING_UTAMA = {"hasil_kerja": "Rating hasil kerja", "perilaku": "Rating perilaku kerja"}


class EvaluasiError(ValueError):
    """An action refused; `pesan` lists why, for the page."""

    def __init__(self, pesan: list[str]):
        super().__init__("; ".join(pesan))
        self.pesan = pesan


class SudahFinal(EvaluasiError):
    """The latest revision is final: it cannot be changed (409)."""


class TidakDitemukan(LookupError):
    """The user is not this pegawai's penilai today (404: do not reveal the pegawai)."""


def _milik(pegawai_id: int, periode: aturan.Periode):
    return Evaluasi.select().where(
        Evaluasi.pegawai == pegawai_id,
        Evaluasi.tahun == periode.tahun,
        Evaluasi.jenis == periode.jenis.value,
        Evaluasi.semester.is_null()
        if periode.semester is None
        else Evaluasi.semester == periode.semester,
    )


def terakhir(pegawai_id: int, periode: aturan.Periode) -> Evaluasi | None:
    """The latest revision of the pegawai's evaluation for the period (draft or final)."""
    return _milik(pegawai_id, periode).order_by(Evaluasi.revisi.desc()).first()


def riwayat(pegawai_id: int, periode: aturan.Periode) -> list[Evaluasi]:
    """Every revision, newest first."""
    return list(_milik(pegawai_id, periode).order_by(Evaluasi.revisi.desc()))


def final_terakhir(pegawai_id: int, periode: aturan.Periode) -> Evaluasi | None:
    return (
        _milik(pegawai_id, periode)
        .where(Evaluasi.status == FINAL)
        .order_by(Evaluasi.revisi.desc())
        .first()
    )


def pegawai_dinilai(user: DinasUser, pegawai_id: int) -> Pegawai:
    """The pegawai, when the user is their penilai today; TidakDitemukan otherwise."""
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None or aturan_siklus.Pihak.PENILAI not in pihak(user, pegawai):
        raise TidakDitemukan(pegawai_id)
    return pegawai


# --- what the page shows -------------------------------------------------------------------


@dataclass(frozen=True)
class Isian:
    """What the penilai filled in; any rating may still be None in a draft."""

    rating: Mapping[str, str | None]  # ASPEK_PRAKTIK and RATING_UTAMA columns
    perilaku_fokus: Mapping[str, str | None]  # aspect name -> rating
    catatan: str = ""
    rekomendasi: str = ""


@dataclass
class DasarSemester:
    """What the praktik ratings rest on, for one semester's cycle."""

    semester: int
    siklus: Siklus | None
    jawaban: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # C/E -> (q, a)
    diterima: int = 0
    ditolak: int = 0
    diajukan: int = 0
    capaian: aturan_siklus.Capaian | None = None
    observasi: list[tuple[int, str, str]] = field(default_factory=list)  # urutan, capaian, note
    rekomendasi_tim: str = ""


@dataclass
class Halaman:
    pegawai: Pegawai
    periode: aturan.Periode
    evaluasi: Evaluasi | None
    riwayat: list[Evaluasi]
    kekurangan: list[str]
    fokus: dict[str, str]  # aspect -> the SKP's focus
    dasar: list[DasarSemester]
    periodik: list[tuple[aturan.Periode, Evaluasi | None]]  # annual: the two periodic ones
    perilaku_tersimpan: dict[str, str | None]

    @property
    def final(self) -> bool:
        return self.evaluasi is not None and self.evaluasi.status == FINAL

    @property
    def berhak_ak(self) -> bool:
        return aturan.berhak_angka_kredit(self.status_kepegawaian)

    @property
    def status_kepegawaian(self) -> str | None:
        if self.final:
            return self.evaluasi.status_kepegawaian
        return self.pegawai.status_kepegawaian


def halaman(user: DinasUser, pegawai: Pegawai, periode: aturan.Periode) -> Halaman:
    ev = terakhir(pegawai.id, periode)
    skp = skp_berlaku(pegawai.id, periode.tahun) or layanan_skp.terakhir(pegawai.id, periode.tahun)
    fokus_skp = layanan_skp.perilaku(skp) if skp else {}
    fokus = {a: (fokus_skp[a].fokus if a in fokus_skp else "") for a in aturan_skp.ASPEK_BERAKHLAK}
    tersimpan = {}
    if ev is not None:
        tersimpan = {
            p.aspek: p.rating
            for p in EvaluasiPerilaku.select().where(EvaluasiPerilaku.evaluasi == ev)
        }
    periodik = []
    if periode.jenis == aturan.JenisPeriode.TAHUNAN:
        for s in (1, 2):
            p = aturan.periodik(periode.tahun, s)
            periodik.append((p, final_terakhir(pegawai.id, p)))
    return Halaman(
        pegawai=pegawai,
        periode=periode,
        evaluasi=ev,
        riwayat=riwayat(pegawai.id, periode),
        kekurangan=kekurangan(pegawai, periode.tahun, periode.semester_dinilai),
        fokus=fokus,
        dasar=[_dasar(pegawai, periode.tahun, s) for s in periode.semester_dinilai],
        periodik=periodik,
        perilaku_tersimpan=tersimpan,
    )


def _dasar(pegawai: Pegawai, tahun: int, semester: int) -> DasarSemester:
    siklus = Siklus.get_or_none(
        Siklus.pegawai == pegawai.id, Siklus.tahun == tahun, Siklus.semester == semester
    )
    d = DasarSemester(semester, siklus)
    if siklus is None:
        return d
    regime = siklus.skp.regime_kode
    teks = {
        (q.langkah, q.kode): q.teks
        for q in PertanyaanSiklus.select().where(
            PertanyaanSiklus.regime_kode == regime, PertanyaanSiklus.pihak == "pegawai"
        )
    }
    for j in (
        SiklusJawaban.select()
        .where(
            SiklusJawaban.siklus == siklus,
            SiklusJawaban.pihak == "pegawai",
            SiklusJawaban.langkah.in_(["C", "E"]),
        )
        .order_by(SiklusJawaban.langkah, SiklusJawaban.kode)
    ):
        d.jawaban.setdefault(j.langkah, []).append((teks.get((j.langkah, j.kode), j.kode), j.isi))
    realisasi = list(RealisasiKegiatan.select().where(RealisasiKegiatan.siklus == siklus))
    d.diterima = sum(r.status == "diterima" for r in realisasi)
    d.ditolak = sum(r.status == "ditolak" for r in realisasi)
    d.diajukan = sum(r.status == "diajukan" for r in realisasi)
    poin = {
        k.huruf: k.poin
        for k in KegiatanKompetensi.select().where(KegiatanKompetensi.regime_kode == regime)
    }
    rencana = SkpKegiatan.select().where(SkpKegiatan.skp == siklus.skp)
    total = aturan_skp.total_poin(
        aturan_skp.RencanaKegiatan(k.huruf, poin.get(k.huruf), k.jumlah) for k in rencana
    )
    minimal = Regime.get_by_id(regime).poin_minimal or aturan_skp.POIN_MINIMAL
    d.capaian = aturan_siklus.capaian(
        [aturan_siklus.Realisasi(r.id, r.huruf, r.status == "diterima", "") for r in realisasi],
        poin,
        total.total,
        minimal,
    )
    obs = Observasi.get_or_none(Observasi.siklus == siklus)
    if obs is not None:
        d.rekomendasi_tim = obs.rekomendasi
        d.observasi = [
            (c.urutan, c.capaian or "belum diisi", c.catatan)
            for c in ObservasiCatatan.select()
            .where(ObservasiCatatan.observasi == obs)
            .order_by(ObservasiCatatan.urutan)
        ]
    return d


def predikat_dari(hasil_kerja: str | None, perilaku: str | None) -> aturan.Predikat | None:
    """The kuadran's predikat, or None while either rating is missing or not a rating."""
    try:
        return aturan.predikat(aturan.Rating(hasil_kerja), aturan.Rating(perilaku))
    except ValueError:
        return None


# --- changes -------------------------------------------------------------------------------


def simpan(user: DinasUser, pegawai: Pegawai, periode: aturan.Periode, isian: Isian) -> Evaluasi:
    """Save the penilai's input as the draft (revision 1 the first time); SudahFinal when the
    latest revision is final (a correction starts with `revisi`)."""
    ev = terakhir(pegawai.id, periode)
    if ev is not None and ev.status == FINAL:
        raise SudahFinal(["Evaluasi ini sudah final; gunakan Koreksi untuk mengubahnya."])
    sebelum = audit.potret(ev) if ev else None
    if ev is None:
        ev = Evaluasi(
            pegawai=pegawai.id,
            tahun=periode.tahun,
            jenis=periode.jenis.value,
            semester=periode.semester,
        )
    for kolom in (*ASPEK_PRAKTIK, *RATING_UTAMA):
        setattr(ev, kolom, isian.rating.get(kolom) or None)
    ev.catatan = isian.catatan.strip()
    ev.rekomendasi = isian.rekomendasi.strip()
    ev.skp = skp_berlaku(pegawai.id, periode.tahun)
    siapa = penilai_hari_ini(pegawai)
    ev.penilai = user.pegawai.id
    ev.penilai_plt = bool(siapa and siapa.plt)
    ev.diubah = now()
    ev.save()
    EvaluasiPerilaku.delete().where(EvaluasiPerilaku.evaluasi == ev).execute()
    EvaluasiPerilaku.insert_many(
        [
            {"evaluasi": ev.id, "aspek": a, "rating": isian.perilaku_fokus.get(a) or None}
            for a in aturan_skp.ASPEK_BERAKHLAK
        ]
    ).execute()
    audit.catat(user, "ubah evaluasi" if sebelum else "buat evaluasi", ev, sebelum)
    return ev


def kurang_isian(isian: Isian) -> list[str]:
    """The ratings still missing before the evaluation can be finalised."""
    kosong = [k for k in (*ASPEK_PRAKTIK, *RATING_UTAMA) if not isian.rating.get(k)]
    pesan = [f"{ASPEK_PRAKTIK[k]} belum dipilih." for k in kosong if k in ASPEK_PRAKTIK]
    pesan += [
        f"Rating fokus perilaku {a} belum dipilih."
        for a in aturan_skp.ASPEK_BERAKHLAK
        if not isian.perilaku_fokus.get(a)
    ]
    pesan += [f"{RATING_UTAMA[k]} belum dipilih." for k in kosong if k in RATING_UTAMA]
    return pesan


def finalkan(user: DinasUser, pegawai: Pegawai, periode: aturan.Periode, isian: Isian) -> Evaluasi:
    """Save and finalise: every rating chosen and the accountability documents in, else
    EvaluasiError listing what is missing (nothing saved). Stores the predikat, the pegawai's
    status, jenjang and pangkat of this moment and, for PNS, the angka kredit."""
    ev = terakhir(pegawai.id, periode)
    if ev is not None and ev.status == FINAL:
        raise SudahFinal(["Evaluasi ini sudah final; gunakan Koreksi untuk mengubahnya."])
    pesan = kurang_isian(isian) + kekurangan(pegawai, periode.tahun, periode.semester_dinilai)
    p = predikat_dari(isian.rating.get("hasil_kerja"), isian.rating.get("perilaku"))
    ak: Decimal | None = None
    if p is not None and aturan.berhak_angka_kredit(pegawai.status_kepegawaian):
        try:
            ak = aturan.angka_kredit(pegawai.jenjang_jabatan, p, periode.jumlah_bulan)
        except aturan.AngkaKreditError as error:
            pesan.append(error.message)
    if pesan:
        raise EvaluasiError(pesan)
    ev = simpan(user, pegawai, periode, isian)
    sebelum = audit.potret(ev)
    ev.predikat = p.value
    ev.status_kepegawaian = pegawai.status_kepegawaian
    ev.jenjang_jabatan = pegawai.jenjang_jabatan
    ev.pangkat_golongan = pegawai.pangkat_golongan
    ev.bulan = periode.jumlah_bulan
    ev.angka_kredit = ak
    ev.status = FINAL
    ev.difinalkan = now()
    ev.difinalkan_oleh = user.pegawai.id
    ev.diubah = ev.difinalkan
    ev.save()
    audit.catat(user, "finalkan evaluasi", ev, sebelum)
    return ev


def revisi(user: DinasUser, pegawai: Pegawai, periode: aturan.Periode, alasan: str) -> Evaluasi:
    """Start a correction of the final evaluation: revision n+1, a draft copied from it, linked
    to it with the reason. EvaluasiError when there is no final revision to correct or no
    reason."""
    lama = terakhir(pegawai.id, periode)
    if lama is None or lama.status != FINAL:
        raise EvaluasiError(["Hanya evaluasi yang sudah final yang dapat dikoreksi."])
    if not alasan.strip():
        raise EvaluasiError(["Alasan koreksi wajib diisi."])
    baru = Evaluasi.create(
        pegawai=pegawai.id,
        tahun=lama.tahun,
        jenis=lama.jenis,
        semester=lama.semester,
        revisi=lama.revisi + 1,
        menggantikan=lama.id,
        alasan_revisi=alasan.strip(),
        skp=lama.skp_id,
        penilai=user.pegawai.id,
        penilai_plt=lama.penilai_plt,
        upaya_refleksi=lama.upaya_refleksi,
        upaya_mempelajari=lama.upaya_mempelajari,
        perubahan_praktik=lama.perubahan_praktik,
        hasil_kerja=lama.hasil_kerja,
        perilaku=lama.perilaku,
        catatan=lama.catatan,
        rekomendasi=lama.rekomendasi,
    )
    rows = [
        {"evaluasi": baru.id, "aspek": p.aspek, "rating": p.rating, "catatan": p.catatan}
        for p in EvaluasiPerilaku.select().where(EvaluasiPerilaku.evaluasi == lama)
    ]
    if rows:
        EvaluasiPerilaku.insert_many(rows).execute()
    audit.catat(user, "koreksi evaluasi", baru)
    return baru


# --- the penilai's list --------------------------------------------------------------------


@dataclass(frozen=True)
class BarisDaftar:
    pegawai: Pegawai
    evaluasi: Evaluasi | None
    predikat: aturan.Predikat | None  # only when final and the gate passes


def daftar(user: DinasUser, periode: aturan.Periode) -> list[BarisDaftar]:
    """Everyone the user appraises today with the state of their evaluation for the period."""
    baris = []
    for p in dinilai_oleh(user.pegawai.id):
        ev = terakhir(p.id, periode)
        predikat = None
        final = ev is not None and ev.status == FINAL and ev.predikat
        if final and not kekurangan(p, periode.tahun, periode.semester_dinilai):
            predikat = aturan.Predikat(ev.predikat)
        baris.append(BarisDaftar(p, ev, predikat))
    return baris
