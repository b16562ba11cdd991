"""What a finished evaluation shows: the pegawai's own results and history, the printable
document, and the predikat per school and dinas (issue 6 points 6-8).

"The result" of a pegawai for a period is the latest revision with status final; drafts are
never shown here. The accountability gate applies everywhere: while documents are missing the
predikat and angka kredit stay hidden (DOMAIN.md §6-§7).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from peewee import Case

from web.auth import DinasUser
from web.domain import evaluasi as aturan
from web.domain.akses import SEMUA, boleh_lihat_pegawai, cakupan_sekolah
from web.domain.skp import StatusSkp
from web.models import (
    DokumenAkuntabilitas,
    DokumenPegawai,
    Evaluasi,
    Kehadiran,
    Pegawai,
    Penugasan,
    Sekolah,
    Skp,
)
from web.models.base import hari_ini
from web.services import akuntabilitas
from web.services.pegawai import penilai_hari_ini
from web.services.skp import REGIME_BAKU

FINAL = "final"
URUTAN_PREDIKAT = list(aturan.Predikat)


def periode_evaluasi(e: Evaluasi) -> aturan.Periode:
    return aturan.Periode(e.tahun, aturan.JenisPeriode(e.jenis), e.semester)


def _final(periode: aturan.Periode):
    q = Evaluasi.status == FINAL
    q &= (Evaluasi.tahun == periode.tahun) & (Evaluasi.jenis == periode.jenis.value)
    if periode.semester:
        q &= Evaluasi.semester == periode.semester
    return q


@dataclass
class Hasil:
    """One final evaluation as shown: its period, labels, AK and whether the gate holds it."""

    evaluasi: Evaluasi
    periode: aturan.Periode
    kekurangan: list[str]
    sebelumnya: list[Evaluasi] = field(default_factory=list)  # earlier final revisions

    @property
    def ditahan(self) -> bool:
        return bool(self.kekurangan)

    @property
    def predikat(self) -> str:
        e = self.evaluasi
        return aturan.label_predikat(e.predikat) if e.predikat else "–"

    @property
    def berhak_ak(self) -> bool:
        return aturan.berhak_angka_kredit(self.evaluasi.status_kepegawaian)

    @property
    def angka_kredit(self) -> str:
        e = self.evaluasi
        return aturan.tulis_angka(e.angka_kredit) if e.angka_kredit is not None else "–"

    @property
    def rumus(self) -> str:
        e = self.evaluasi
        if not (self.berhak_ak and e.predikat and e.bulan):
            return ""
        try:
            return aturan.rumus_angka_kredit(e.jenjang_jabatan, e.predikat, e.bulan)
        except (KeyError, aturan.AngkaKreditError):
            return ""

    def rating(self, kolom: str) -> str:
        nilai = getattr(self.evaluasi, kolom)
        return aturan.LABEL_RATING[aturan.Rating(nilai)] if nilai else "–"


def _urut(e: Evaluasi) -> tuple[int, int]:
    # Newest first: the year, then its annual evaluation, then semester 2, then semester 1.
    return (e.tahun, 3 if e.jenis == aturan.JenisPeriode.TAHUNAN else e.semester or 0)


def hasil_saya(pegawai: Pegawai) -> list[Hasil]:
    """Every period of the pegawai with a final evaluation, newest first."""
    semua = list(
        Evaluasi.select()
        .where(Evaluasi.pegawai == pegawai.id, Evaluasi.status == FINAL)
        .order_by(Evaluasi.revisi.desc())
    )
    per_periode: dict[tuple, list[Evaluasi]] = defaultdict(list)
    for e in semua:
        per_periode[(e.tahun, e.jenis, e.semester)].append(e)
    hasil = []
    for revisi in per_periode.values():
        terakhir = revisi[0]
        p = periode_evaluasi(terakhir)
        kurang = akuntabilitas.kekurangan(pegawai, p.tahun, p.semester_dinilai)
        hasil.append(Hasil(terakhir, p, kurang, revisi[1:]))
    return sorted(hasil, key=lambda h: _urut(h.evaluasi), reverse=True)


class TidakDitemukan(LookupError):
    """No final evaluation this user may read; the page answers 404."""


@dataclass
class Dokumen:
    hasil: Hasil
    pegawai: Pegawai
    penilai: Pegawai | None
    sekolah: Sekolah | None
    pengganti: Evaluasi | None  # a later final revision that corrects this one
    kepala: bool  # evaluated as a kepala sekolah (appraised by the kepala dinas)


def boleh_baca(user: DinasUser, e: Evaluasi, pegawai: Pegawai) -> bool:
    diri = user.pegawai.id
    if diri in (pegawai.id, e.difinalkan_oleh_id, e.penilai_id):
        # The pegawai, and the penilai who rated or finalised it.
        return True
    if boleh_lihat_pegawai(user.roles, user.sekolah_dipimpin, diri, pegawai.id, pegawai.sekolah_id):
        return True
    penilai = penilai_hari_ini(pegawai)
    return penilai is not None and penilai.pegawai_id == diri


def dokumen(user: DinasUser, evaluasi_id: int) -> Dokumen:
    e = Evaluasi.get_or_none(Evaluasi.id == evaluasi_id, Evaluasi.status == FINAL)
    if e is None:
        raise TidakDitemukan
    pegawai = Pegawai.get_by_id(e.pegawai_id)
    if not boleh_baca(user, e, pegawai):
        raise TidakDitemukan
    p = periode_evaluasi(e)
    pengganti = (
        Evaluasi.select()
        .where(_final(p), Evaluasi.pegawai == pegawai.id, Evaluasi.revisi > e.revisi)
        .order_by(Evaluasi.revisi.desc())
        .first()
    )
    kurang = akuntabilitas.kekurangan(pegawai, p.tahun, p.semester_dinilai)
    penilai = Pegawai.get_or_none(Pegawai.id == e.penilai_id) if e.penilai_id else None
    sekolah = Sekolah.get_or_none(Sekolah.id == pegawai.sekolah_id) if pegawai.sekolah_id else None
    if e.skp_id:
        kepala = Skp.get_by_id(e.skp_id).peran == "kepala_sekolah"
    else:
        kepala = penilai is not None and penilai.sekolah_id is None
    return Dokumen(Hasil(e, p, kurang), pegawai, penilai, sekolah, pengganti, kepala)


# --- the school and dinas view --------------------------------------------------------------


def _kurang_massal(pegawai: Iterable[Pegawai], tahun: int, semester: list[int]) -> set[int]:
    """The ids of the pegawai whose documents for the semesters are not all in: the same rule as
    akuntabilitas.kekurangan, read for everyone at once (a constant number of queries)."""
    ids = [p.id for p in pegawai]
    if not ids:
        return set()
    disepakati = Case(None, [(Skp.status == StatusSkp.DISEPAKATI.value, 0)], 1)
    skp = {
        s.pegawai_id: s
        for s in Skp.select(Skp.pegawai, Skp.peran, Skp.regime_kode, Skp.tugas_tambahan)
        .where(Skp.pegawai.in_(ids), Skp.tahun == tahun)
        .distinct([Skp.pegawai])
        .order_by(Skp.pegawai, disepakati, Skp.versi.desc())
    }
    jenis: dict[tuple[str, str], list[DokumenAkuntabilitas]] = defaultdict(list)
    for j in DokumenAkuntabilitas.select():
        jenis[(j.regime_kode, j.peran)].append(j)
    ada = {
        (d.pegawai_id, d.semester, d.kode)
        for d in DokumenPegawai.select(
            DokumenPegawai.pegawai, DokumenPegawai.semester, DokumenPegawai.kode
        ).where(
            DokumenPegawai.pegawai.in_(ids),
            DokumenPegawai.tahun == tahun,
            DokumenPegawai.semester.in_(semester),
            DokumenPegawai.berkas.is_null(False),
        )
    }
    hadir = {
        (k.pegawai_id, k.semester)
        for k in Kehadiran.select(Kehadiran.pegawai, Kehadiran.semester).where(
            Kehadiran.pegawai.in_(ids), Kehadiran.tahun == tahun, Kehadiran.semester.in_(semester)
        )
    }
    kurang = set()
    for pid in ids:
        s = skp.get(pid)
        peran = s.peran if s else "guru"
        regime = s.regime_kode if s else REGIME_BAKU
        tambahan = bool(s and s.tugas_tambahan.strip())
        for j in jenis[(regime, peran)]:
            if j.hanya_jika_tugas_tambahan and not tambahan:
                continue
            for sem in semester:
                if (pid, sem, j.kode) not in ada and (pid, sem) not in hadir:
                    kurang.add(pid)
    return kurang


@dataclass
class Baris:
    pegawai: Pegawai
    kepala: bool
    evaluasi: Evaluasi | None
    ditahan: bool

    @property
    def predikat(self) -> aturan.Predikat | None:
        if self.evaluasi is None or self.ditahan or not self.evaluasi.predikat:
            return None
        return aturan.Predikat(self.evaluasi.predikat)


@dataclass
class RekapSekolah:
    sekolah: Sekolah
    baris: list[Baris]

    @property
    def jumlah(self) -> Counter:
        return Counter(b.predikat for b in self.baris if b.predikat)

    @property
    def ditahan(self) -> int:
        return sum(b.ditahan for b in self.baris if b.evaluasi)

    @property
    def belum(self) -> int:
        return sum(b.evaluasi is None for b in self.baris)


@dataclass
class Rekap:
    periode: aturan.Periode
    sekolah: list[RekapSekolah]
    urutan: list[aturan.Predikat] = field(default_factory=lambda: URUTAN_PREDIKAT)

    @property
    def jumlah(self) -> Counter:
        total: Counter = Counter()
        for s in self.sekolah:
            total.update(s.jumlah)
        return total

    @property
    def ditahan(self) -> int:
        return sum(s.ditahan for s in self.sekolah)

    @property
    def belum(self) -> int:
        return sum(s.belum for s in self.sekolah)


def rekap(user: DinasUser, periode: aturan.Periode) -> Rekap:
    """The predikat per pegawai of each school the user reads, with totals. A kepala sekolah
    sees the guru of the schools they lead; the admin dinas and kepala dinas every school, the
    kepala sekolah included (the kepala dinas appraises them)."""
    scope = cakupan_sekolah(user.roles, user.sekolah_dipimpin)
    sekolah_q = Sekolah.select().order_by(Sekolah.nama, Sekolah.id)
    if scope is not SEMUA:
        sekolah_q = sekolah_q.where(Sekolah.id.in_(list(scope) or [0]))
    sekolah = list(sekolah_q)
    sekolah_ids = [s.id for s in sekolah]
    if not sekolah_ids:
        return Rekap(periode, [])
    pegawai = list(
        Pegawai.select()
        .where(Pegawai.sekolah.in_(sekolah_ids), Pegawai.aktif == True)  # noqa: E712
        .order_by(Pegawai.nama, Pegawai.id)
    )
    kepala = {
        p.pegawai_id
        for p in Penugasan.berlaku(hari_ini())
        .select(Penugasan.pegawai)
        .where(Penugasan.jabatan == "kepala_sekolah")
    }
    if scope is not SEMUA:
        pegawai = [p for p in pegawai if p.id not in kepala]
    ids = [p.id for p in pegawai]
    terakhir = {
        e.pegawai_id: e
        for e in Evaluasi.select()
        .where(_final(periode), Evaluasi.pegawai.in_(ids or [0]))
        .distinct([Evaluasi.pegawai])
        .order_by(Evaluasi.pegawai, Evaluasi.revisi.desc())
    }
    dengan_evaluasi = [p for p in pegawai if p.id in terakhir]
    kurang = _kurang_massal(dengan_evaluasi, periode.tahun, periode.semester_dinilai)
    per_sekolah: dict[int, list[Baris]] = defaultdict(list)
    for p in pegawai:
        per_sekolah[p.sekolah_id].append(
            Baris(p, p.id in kepala, terakhir.get(p.id), p.id in kurang)
        )
    return Rekap(periode, [RekapSekolah(s, per_sekolah[s.id]) for s in sekolah])
