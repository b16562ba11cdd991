"""The cycle's task list, the step pages A, C and E (both sides), and the penilai's overview of
everyone they appraise.

Used by web/blueprints/siklus/langkah.py. The step order, closing, reopening and whose turn it
is are rules of web/domain/siklus.py; who the user is to a pegawai comes from
web.services.siklus.pihak, which the views ask before calling anything here.

Drafts: every answer is saved on the server as it is typed (the pages post them with htmx, or
with the "Simpan" button without JavaScript), so a step's text is never only in the browser.
The pegawai says they are done writing with a marker answer (KODE_SELESAI), which tells
`giliran` that the penilai acts next; reopening a step removes it, handing the step back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from web.auth import DinasUser
from web.domain import kalender
from web.domain import siklus as aturan
from web.domain.kalender import StatusJendela
from web.domain.siklus import Langkah, Pihak, StatusLangkah
from web.domain.skp import StatusSkp
from web.models import (
    IndikatorPraktik,
    Jendela,
    LangkahSiklus,
    Pegawai,
    PertanyaanSiklus,
    Sekolah,
    Siklus,
    SiklusJawaban,
    SiklusLangkah,
    Skp,
)
from web.models.base import now
from web.services import audit, jadwal
from web.services import siklus as layanan_siklus
from web.services.pegawai import dinilai_oleh, penilai_hari_ini
from web.services.skp import REGIME_BAKU

# The steps written as questions and answers by both sides; B and D have pages of their own.
LANGKAH_ISIAN = (Langkah.A, Langkah.C, Langkah.E)
# The pegawai's "Selesai mengisi": an answer row of the pegawai's side under this code.
KODE_SELESAI = "_selesai"
PANJANG_JAWABAN = 5000

# The overview's filter values besides the steps themselves.
BELUM_MULAI = "belum"
SELESAI_SEMUA = "selesai"


class LangkahError(ValueError):
    """A step action that cannot be done; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def sisi(pihak: set[Pihak]) -> Pihak | None:
    """Which side of a step's questions the user writes: the pegawai's or the penilai's; None
    for someone who only observes (tim kerja), who has no part in A, C and E."""
    if Pihak.PEGAWAI in pihak:
        return Pihak.PEGAWAI
    if Pihak.PENILAI in pihak:
        return Pihak.PENILAI
    return None


def bulan_jendela(j: Jendela) -> str:
    """The month(s) a step is due, as the guide's timeline says them: "Agustus 2026",
    "Oktober–November 2026"."""
    awal, akhir = j.mulai, j.selesai
    nama_awal = kalender.NAMA_BULAN[awal.month - 1]
    nama_akhir = kalender.NAMA_BULAN[akhir.month - 1]
    if (awal.year, awal.month) == (akhir.year, akhir.month):
        return f"{nama_awal} {awal.year}"
    if awal.year == akhir.year:
        return f"{nama_awal}–{nama_akhir} {akhir.year}"
    return f"{nama_awal} {awal.year}–{nama_akhir} {akhir.year}"


# --- the task list ------------------------------------------------------------------------


@dataclass(frozen=True)
class Tugas:
    """One step of the task list."""

    langkah: Langkah
    nama: str
    status: StatusLangkah
    giliran: Pihak | None
    bulan: str
    keterangan: str  # where the window stands today
    lewat: bool  # the window has passed
    selesai_terlambat: bool  # closed after the window

    @property
    def label_status(self) -> str:
        return aturan.LABEL_STATUS[self.status]

    @property
    def terlambat(self) -> bool:
        """Late: closed late, or still open after its window (marked, never blocked)."""
        if self.status == StatusLangkah.SELESAI:
            return self.selesai_terlambat
        return self.lewat


@dataclass(frozen=True)
class DaftarTugas:
    pegawai: Pegawai
    tahun: int
    semester: int
    siklus: Siklus | None
    skp: Skp | None  # the agreed SKP the cycle follows (or would follow)
    status_skp: str | None  # the newest version's status when none is agreed yet
    penilai: Pegawai | None
    tugas: list[Tugas]

    @property
    def boleh_mulai(self) -> bool:
        return self.siklus is None and self.skp is not None


def daftar_tugas(pegawai: Pegawai, tahun: int, semester: int) -> DaftarTugas:
    """The pegawai's five steps of the semester with their status, whose turn and due month;
    before the cycle starts, the same steps as `belum` so the pegawai sees what comes."""
    siklus = layanan_siklus.cari(pegawai.id, tahun, semester)
    skp = siklus.skp if siklus else layanan_siklus.skp_berlaku(pegawai.id, tahun)
    status_skp = None
    if skp is None:
        terakhir = (
            Skp.select(Skp.status)
            .where(Skp.pegawai == pegawai.id, Skp.tahun == tahun)
            .order_by(Skp.versi.desc())
            .first()
        )
        status_skp = terakhir.status if terakhir else None
    regime = skp.regime_kode if skp else REGIME_BAKU
    status = layanan_siklus.status(siklus) if siklus else {}
    baris = _baris(siklus) if siklus else {}
    selesai_mengisi = _selesai_mengisi([siklus.id]) if siklus else {}
    langkah = layanan_siklus.langkah_regime(regime)
    tugas = []
    for kode in aturan.URUTAN:
        info = langkah[kode]
        j = jadwal.jendela(regime, tahun, info.jendela_kode, semester)
        tugas.append(
            Tugas(
                langkah=kode,
                nama=info.nama,
                status=status.get(kode, StatusLangkah.BELUM),
                giliran=(
                    aturan.giliran(
                        kode,
                        status,
                        Pihak(info.penutup),
                        (siklus.id, kode) in selesai_mengisi if siklus else False,
                    )
                    if siklus
                    else None
                ),
                bulan=bulan_jendela(j),
                keterangan=jadwal.keterangan(j),
                lewat=jadwal.status(j) == StatusJendela.TERLAMBAT,
                selesai_terlambat=bool(baris.get(kode) and baris[kode].terlambat),
            )
        )
    siapa = penilai_hari_ini(pegawai)
    penilai = Pegawai.get_by_id(siapa.pegawai_id) if siapa else None
    return DaftarTugas(pegawai, tahun, semester, siklus, skp, status_skp, penilai, tugas)


def mulai(user: DinasUser, tahun: int, semester: int) -> Siklus:
    """The signed-in pegawai starts their cycle of the semester from their agreed SKP."""
    ada = layanan_siklus.cari(user.pegawai.id, tahun, semester)
    try:
        siklus = layanan_siklus.mulai(user.pegawai.id, tahun, semester)
    except layanan_siklus.SiklusError as error:
        raise LangkahError(error.message) from None
    if ada is None:
        audit.catat(user, "mulai siklus", siklus)
    return siklus


# --- one step: A, C or E ------------------------------------------------------------------


@dataclass(frozen=True)
class Jawaban:
    """A question of the step with the answer saved so far."""

    kode: str
    urutan: int
    teks: str
    petunjuk: str
    wajib: bool
    isi: str
    diubah: dt.datetime | None


@dataclass
class HalamanLangkah:
    """Everything a step page shows, for either side."""

    siklus: Siklus
    pegawai: Pegawai
    langkah: Langkah
    info: LangkahSiklus
    baris: SiklusLangkah
    status: dict[Langkah, StatusLangkah]
    pertanyaan: dict[Pihak, list[Jawaban]]
    selesai_mengisi: dt.datetime | None
    penilai: Pegawai | None
    indikator: IndikatorPraktik | None
    bulan: str
    keterangan_jendela: str
    lewat: bool
    ditutup_oleh: Pegawai | None = None

    @property
    def status_langkah(self) -> StatusLangkah:
        return self.status.get(self.langkah, StatusLangkah.BELUM)

    @property
    def label_status(self) -> str:
        return aturan.LABEL_STATUS[self.status_langkah]

    @property
    def selesai(self) -> bool:
        return self.status_langkah == StatusLangkah.SELESAI

    @property
    def alasan(self) -> str | None:
        """Why the step cannot be written in now (waiting for an earlier step, or closed)."""
        try:
            aturan.periksa_kerjakan(self.langkah, self.status)
        except aturan.SiklusDitolak as error:
            return error.message
        return None

    @property
    def giliran(self) -> Pihak | None:
        return aturan.giliran(
            self.langkah,
            self.status,
            Pihak(self.info.penutup),
            self.selesai_mengisi is not None,
        )

    def tersimpan(self, pihak: Pihak) -> dt.datetime | None:
        """When that side last saved an answer."""
        waktu = [j.diubah for j in self.pertanyaan.get(pihak, []) if j.diubah]
        return max(waktu) if waktu else None


def halaman(siklus: Siklus, langkah: Langkah) -> HalamanLangkah:
    skp = siklus.skp
    info = layanan_siklus.langkah_regime(skp.regime_kode)[langkah]
    baris = _baris(siklus)[langkah]
    j = jadwal.jendela(skp.regime_kode, siklus.tahun, info.jendela_kode, siklus.semester)
    pegawai = siklus.pegawai
    siapa = penilai_hari_ini(pegawai)
    indikator = None
    if langkah == Langkah.A and skp.indikator_kode:
        indikator = IndikatorPraktik.get_or_none(
            IndikatorPraktik.regime_kode == skp.regime_kode,
            IndikatorPraktik.kode == skp.indikator_kode,
        )
    tersimpan = {
        (j.pihak, j.kode): j
        for j in SiklusJawaban.select().where(
            SiklusJawaban.siklus == siklus, SiklusJawaban.langkah == langkah.value
        )
    }
    pertanyaan: dict[Pihak, list[Jawaban]] = {Pihak.PEGAWAI: [], Pihak.PENILAI: []}
    for p in _pertanyaan(skp.regime_kode, langkah):
        ada = tersimpan.get((p.pihak, p.kode))
        pertanyaan[Pihak(p.pihak)].append(
            Jawaban(
                p.kode,
                p.urutan,
                p.teks,
                p.petunjuk,
                p.wajib,
                ada.isi if ada else "",
                ada.diubah if ada else None,
            )
        )
    tanda = tersimpan.get((Pihak.PEGAWAI.value, KODE_SELESAI))
    return HalamanLangkah(
        siklus=siklus,
        pegawai=pegawai,
        langkah=langkah,
        info=info,
        baris=baris,
        status=layanan_siklus.status(siklus),
        pertanyaan=pertanyaan,
        selesai_mengisi=tanda.diubah if tanda else None,
        penilai=Pegawai.get_by_id(siapa.pegawai_id) if siapa else None,
        indikator=indikator,
        bulan=bulan_jendela(j),
        keterangan_jendela=jadwal.keterangan(j),
        lewat=jadwal.status(j) == StatusJendela.TERLAMBAT,
        ditutup_oleh=Pegawai.get_by_id(baris.ditutup_oleh_id) if baris.ditutup_oleh_id else None,
    )


def simpan(
    user: DinasUser,
    siklus: Siklus,
    langkah: Langkah,
    pihak: Pihak,
    isian: Mapping[str, str],
) -> dt.datetime:
    """Save the answers of one side as a draft and start the step; returns when. Only the
    answers given are touched, and only the side's own questions."""
    status = layanan_siklus.status(siklus)
    _periksa(langkah, status)
    kode_sah = {p.kode for p in _pertanyaan(siklus.skp.regime_kode, langkah, pihak)}
    tersimpan = {
        j.kode: j.isi
        for j in SiklusJawaban.select().where(
            SiklusJawaban.siklus == siklus,
            SiklusJawaban.langkah == langkah.value,
            SiklusJawaban.pihak == pihak.value,
        )
    }
    waktu = now()
    baru = []
    for kode, isi in isian.items():
        if kode not in kode_sah:
            continue
        isi = isi.replace("\r\n", "\n")
        if len(isi) > PANJANG_JAWABAN:
            raise LangkahError(f"Setiap jawaban paling banyak {PANJANG_JAWABAN} karakter.")
        if tersimpan.get(kode, "") != isi:
            baru.append(
                {
                    "siklus": siklus.id,
                    "langkah": langkah.value,
                    "pihak": pihak.value,
                    "kode": kode,
                    "isi": isi,
                    "diubah": waktu,
                    "diubah_oleh": user.pegawai.id,
                }
            )
    if baru:
        _tulis(baru)
    sekarang = status.get(langkah, StatusLangkah.BELUM)
    if (sesudah := aturan.setelah_simpan(sekarang)) != sekarang:
        (
            SiklusLangkah.update(status=sesudah.value, mulai=waktu)
            .where(SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == langkah.value)
            .execute()
        )
    return waktu


def tandai_selesai_mengisi(
    user: DinasUser,
    siklus: Siklus,
    langkah: Langkah,
    pihak: set[Pihak],
    isian: Mapping[str, str],
) -> None:
    """The pegawai saves and says they are done writing: the penilai acts next. Their required
    questions must be answered."""
    if Pihak.PEGAWAI not in pihak:
        raise LangkahError("Hanya pegawai yang menandai selesai mengisi.")
    simpan(user, siklus, langkah, Pihak.PEGAWAI, isian)
    kurang = _belum_dijawab(siklus, langkah, (Pihak.PEGAWAI,))
    if kurang:
        raise LangkahError(" ".join(kurang))
    _tulis(
        [
            {
                "siklus": siklus.id,
                "langkah": langkah.value,
                "pihak": Pihak.PEGAWAI.value,
                "kode": KODE_SELESAI,
                "isi": "ya",
                "diubah": now(),
                "diubah_oleh": user.pegawai.id,
            }
        ]
    )
    audit.catat(
        user,
        "selesai mengisi",
        siklus,
        objek="siklus_langkah",
        sesudah={"langkah": langkah.value},
    )


def tutup(
    user: DinasUser,
    siklus: Siklus,
    langkah: Langkah,
    pihak: set[Pihak],
    isian: Mapping[str, str],
) -> SiklusLangkah:
    """Save the closer's answers, then close the step (the penilai, with every required answer
    of both sides given). Closing after the window is recorded as late, never refused."""
    penulis = sisi(pihak)
    if penulis is not None and isian:
        simpan(user, siklus, langkah, penulis, isian)
    pelaku = Pihak.PENILAI if Pihak.PENILAI in pihak else (penulis or Pihak.PENGAMAT)
    info = layanan_siklus.langkah_regime(siklus.skp.regime_kode)[langkah]
    status = layanan_siklus.status(siklus)
    try:
        aturan.tutup(
            langkah,
            status,
            pelaku,
            Pihak(info.penutup),
            _belum_dijawab(siklus, langkah, (Pihak.PEGAWAI, Pihak.PENILAI)),
        )
    except aturan.SiklusDitolak as error:
        raise LangkahError(error.message) from None
    return layanan_siklus.catat_selesai(user, siklus, _baris(siklus)[langkah])


def buka(user: DinasUser, siklus: Siklus, langkah: Langkah, pihak: set[Pihak]) -> SiklusLangkah:
    """The penilai reopens a closed step; it goes back to the pegawai, who marks it done again
    once they have revised it. The later steps keep their answers."""
    pelaku = Pihak.PENILAI if Pihak.PENILAI in pihak else Pihak.PEGAWAI
    status = layanan_siklus.status(siklus)
    try:
        aturan.buka_ulang(langkah, status, pelaku)
    except aturan.SiklusDitolak as error:
        raise LangkahError(error.message) from None
    baris = layanan_siklus.catat_dibuka(user, siklus, _baris(siklus)[langkah])
    SiklusJawaban.delete().where(
        SiklusJawaban.siklus == siklus,
        SiklusJawaban.langkah == langkah.value,
        SiklusJawaban.pihak == Pihak.PEGAWAI.value,
        SiklusJawaban.kode == KODE_SELESAI,
    ).execute()
    return baris


def pertanyaan(siklus: Siklus, langkah: Langkah, pihak: Pihak | None) -> list[PertanyaanSiklus]:
    """The questions one side answers in the step, in order."""
    return _pertanyaan(siklus.skp.regime_kode, langkah, pihak) if pihak else []


def _periksa(langkah: Langkah, status: Mapping[Langkah, StatusLangkah]) -> None:
    if langkah not in LANGKAH_ISIAN:
        raise LangkahError(f"Langkah {langkah.value} diisi di halamannya sendiri.")
    try:
        aturan.periksa_kerjakan(langkah, status)
    except aturan.SiklusDitolak as error:
        raise LangkahError(error.message) from None


def _pertanyaan(
    regime_kode: str, langkah: Langkah, pihak: Pihak | None = None
) -> list[PertanyaanSiklus]:
    query = PertanyaanSiklus.select().where(
        PertanyaanSiklus.regime_kode == regime_kode, PertanyaanSiklus.langkah == langkah.value
    )
    if pihak is not None:
        query = query.where(PertanyaanSiklus.pihak == pihak.value)
    return list(query.order_by(PertanyaanSiklus.pihak, PertanyaanSiklus.urutan))


def _belum_dijawab(siklus: Siklus, langkah: Langkah, pihak: Iterable[Pihak]) -> list[str]:
    """A sentence for each required question of those sides still unanswered."""
    pihak = tuple(pihak)
    dijawab = {
        (j.pihak, j.kode)
        for j in SiklusJawaban.select().where(
            SiklusJawaban.siklus == siklus, SiklusJawaban.langkah == langkah.value
        )
        if j.isi.strip()
    }
    kurang = []
    for p in _pertanyaan(siklus.skp.regime_kode, langkah):
        if Pihak(p.pihak) in pihak and p.wajib and (p.pihak, p.kode) not in dijawab:
            siapa = "pegawai" if p.pihak == Pihak.PEGAWAI.value else "penilai"
            kurang.append(f"Belum dijawab {siapa}: {p.teks}.")
    return kurang


def _tulis(baris: list[dict[str, object]]) -> None:
    (
        SiklusJawaban.insert_many(baris)
        .on_conflict(
            conflict_target=[
                SiklusJawaban.siklus,
                SiklusJawaban.langkah,
                SiklusJawaban.pihak,
                SiklusJawaban.kode,
            ],
            preserve=[SiklusJawaban.isi, SiklusJawaban.diubah, SiklusJawaban.diubah_oleh],
        )
        .execute()
    )


def _baris(siklus: Siklus) -> dict[Langkah, SiklusLangkah]:
    query = SiklusLangkah.select().where(SiklusLangkah.siklus == siklus)
    return {Langkah(b.langkah): b for b in query}


def _selesai_mengisi(siklus_ids: Iterable[int]) -> dict[tuple[int, Langkah], dt.datetime]:
    """(cycle, step) → when the pegawai marked it done writing, for many cycles in one query."""
    ids = list(siklus_ids)
    if not ids:
        return {}
    query = SiklusJawaban.select(
        SiklusJawaban.siklus, SiklusJawaban.langkah, SiklusJawaban.diubah
    ).where(
        SiklusJawaban.siklus.in_(ids),
        SiklusJawaban.pihak == Pihak.PEGAWAI.value,
        SiklusJawaban.kode == KODE_SELESAI,
    )
    return {(j.siklus_id, Langkah(j.langkah)): j.diubah for j in query}


# --- the penilai's overview ---------------------------------------------------------------


@dataclass(frozen=True)
class BarisPenilai:
    """One appraised pegawai and where their cycle of the semester stands."""

    pegawai: Pegawai
    sekolah: str | None
    siklus_id: int | None
    skp_disepakati: bool
    status: dict[Langkah, StatusLangkah]
    sekarang: Langkah | None  # the first step not selesai; None when all five are
    giliran: Pihak | None
    terlambat: bool  # the current step's window has passed

    @property
    def kategori(self) -> str:
        if self.siklus_id is None:
            return BELUM_MULAI
        return self.sekarang.value if self.sekarang else SELESAI_SEMUA

    @property
    def giliran_penilai(self) -> bool:
        """The penilai acts next: closing A, C, E, or observing in B (as an observer)."""
        return self.giliran in (Pihak.PENILAI, Pihak.PENGAMAT)

    @property
    def label_status(self) -> str:
        if self.sekarang is None:
            return aturan.LABEL_STATUS[StatusLangkah.SELESAI]
        return aturan.LABEL_STATUS[self.status.get(self.sekarang, StatusLangkah.BELUM)]


@dataclass(frozen=True)
class Ikhtisar:
    tahun: int
    semester: int
    langkah: str  # the step filter: "", A-E, SELESAI_SEMUA or BELUM_MULAI
    giliran_saya: bool
    semua: list[BarisPenilai]
    baris: list[BarisPenilai]  # the rows the filters keep
    nama_langkah: dict[Langkah, str]

    def jumlah(self, kategori: str) -> int:
        return sum(1 for b in self.semua if b.kategori == kategori)

    @property
    def jumlah_giliran_saya(self) -> int:
        return sum(1 for b in self.semua if b.giliran_penilai)


def ikhtisar(
    penilai_id: int, tahun: int, semester: int, langkah: str = "", giliran_saya: bool = False
) -> Ikhtisar:
    """Everyone `penilai_id` appraises today with the step their cycle of the semester stands
    at and whose turn it is. The same few queries however many pegawai there are."""
    orang = dinilai_oleh(penilai_id)
    ids = [p.id for p in orang]
    siklus = {
        s.pegawai_id: s
        for s in Siklus.select(Siklus, Skp.regime_kode)
        .join(Skp)
        .where(Siklus.pegawai.in_(ids), Siklus.tahun == tahun, Siklus.semester == semester)
    }
    siklus_ids = [s.id for s in siklus.values()]
    status: dict[int, dict[Langkah, StatusLangkah]] = {i: {} for i in siklus_ids}
    if siklus_ids:
        for b in SiklusLangkah.select().where(SiklusLangkah.siklus.in_(siklus_ids)):
            status[b.siklus_id][Langkah(b.langkah)] = StatusLangkah(b.status)
    selesai_mengisi = _selesai_mengisi(siklus_ids)
    disepakati = (
        {
            s.pegawai_id
            for s in Skp.select(Skp.pegawai).where(
                Skp.pegawai.in_(ids), Skp.tahun == tahun, Skp.status == StatusSkp.DISEPAKATI
            )
        }
        if ids
        else set()
    )
    sekolah_ids = {p.sekolah_id for p in orang if p.sekolah_id}
    sekolah = (
        {s.id: s.nama for s in Sekolah.select().where(Sekolah.id.in_(sekolah_ids))}
        if sekolah_ids
        else {}
    )
    penutup = {(b.regime_kode, Langkah(b.kode)): b for b in LangkahSiklus.select()}
    lewat = _jendela_lewat(tahun, semester, list(penutup.values()))

    semua = []
    for p in orang:
        s = siklus.get(p.id)
        st = status[s.id] if s else {}
        sekarang = aturan.langkah_sekarang(st) if s else None
        giliran = None
        terlambat = False
        if s is not None and sekarang is not None:
            regime = s.skp.regime_kode
            info = penutup[(regime, sekarang)]
            giliran = aturan.giliran(
                sekarang, st, Pihak(info.penutup), (s.id, sekarang) in selesai_mengisi
            )
            terlambat = lewat.get((regime, info.jendela_kode), False)
        semua.append(
            BarisPenilai(
                pegawai=p,
                sekolah=sekolah.get(p.sekolah_id),
                siklus_id=s.id if s else None,
                skp_disepakati=p.id in disepakati,
                status=st,
                sekarang=sekarang,
                giliran=giliran,
                terlambat=terlambat,
            )
        )
    baris = [
        b
        for b in semua
        if (not langkah or b.kategori == langkah) and (not giliran_saya or b.giliran_penilai)
    ]
    nama = {k: b.nama for (r, k), b in penutup.items() if r == REGIME_BAKU}
    return Ikhtisar(tahun, semester, langkah, giliran_saya, semua, baris, nama)


def _jendela_lewat(
    tahun: int, semester: int, langkah: list[LangkahSiklus]
) -> dict[tuple[str, str], bool]:
    """(regime, window) → whether the window of the semester has passed: one read per regime
    (which also makes the year's windows from the template the first time), then one for all."""
    contoh = {b.regime_kode: b.jendela_kode for b in langkah}
    for regime, kode in contoh.items():
        jadwal.jendela(regime, tahun, kode, semester)
    query = Jendela.select().where(
        Jendela.regime_kode.in_(list(contoh)),
        Jendela.tahun == tahun,
        Jendela.semester == semester,
    )
    return {(j.regime_kode, j.kode): jadwal.status(j) == StatusJendela.TERLAMBAT for j in query}


def label_giliran(giliran: Pihak | None, pembaca: Pihak, penilai: str | None = None) -> str:
    """Whose turn it is, in the reader's words: "Anda", "Penilai: <nama>", "Pengamat"; an
    empty string when nobody acts (closed, or waiting for an earlier step)."""
    if giliran is None:
        return ""
    if giliran == pembaca:
        return "Anda"
    if giliran == Pihak.PENILAI:
        return f"Penilai: {penilai}" if penilai else "Penilai (belum ditetapkan)"
    if giliran == Pihak.PEGAWAI:
        return "Pegawai"
    if pembaca == Pihak.PENILAI:
        return "Pengamat (Anda atau anggota tim kerja)"
    return "Pengamat"
