"""Who appraises whom on a given date: the penilai (pejabat penilai kinerja).

Perdirjen 7607 Pasal 1 angka 9-10: the penilai of a guru is the kepala sekolah; the penilai of a
kepala sekolah is the kepala dinas. Pasal 1 angka 12: a guru belongs to the school where they are
registered (their unit kerja). Both facts change over time, so both are kept as dated records:

- `Penempatan`: a pegawai at a school from `mulai` up to, not including, `selesai`. A mutasi ends
  one placement and starts the next on the same date, so on the move date itself the new school
  counts.
- `Penugasan`: someone holding the kepala sekolah or kepala dinas post, definitively or as Plt.

Services ask `penilai_pada` on the date of each action (agreeing an SKP, an observation, an
evaluation), so a Plt or a newly placed pegawai is handled without anyone reassigning by hand.
The admin dinas screens use `periksa_tumpang_tindih` and `periksa_penugasan` before saving.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from web.domain.kalender import tulis_tanggal


class Jabatan(StrEnum):
    """The posts whose holder is a penilai."""

    KEPALA_SEKOLAH = "kepala_sekolah"
    KEPALA_DINAS = "kepala_dinas"


@dataclass(frozen=True)
class Penempatan:
    """A pegawai's school from `mulai` (inclusive) to `selesai` (exclusive; None = still there)."""

    pegawai_id: int
    sekolah_id: int
    mulai: date
    selesai: date | None


@dataclass(frozen=True)
class Penugasan:
    """A pegawai holding a post from `mulai` to `selesai` (exclusive), possibly as Plt.

    `sekolah_id` is the school led, and None for the kepala dinas.
    """

    pegawai_id: int
    jabatan: Jabatan
    sekolah_id: int | None
    mulai: date
    selesai: date | None
    plt: bool = False


@dataclass(frozen=True)
class Penilai:
    """The appraiser found for a date: who, in which post, and whether as Plt."""

    pegawai_id: int
    jabatan: Jabatan
    plt: bool
    sekolah_id: int | None


def _berlaku(mulai: date, selesai: date | None, tanggal: date) -> bool:
    return mulai <= tanggal and (selesai is None or tanggal < selesai)


def _bertumpang(
    mulai_a: date, selesai_a: date | None, mulai_b: date, selesai_b: date | None
) -> bool:
    # Half-open ranges: one ending on the day the other starts do not overlap.
    return (selesai_b is None or mulai_a < selesai_b) and (selesai_a is None or mulai_b < selesai_a)


def _rentang(mulai: date, selesai: date | None) -> str:
    if selesai is None:
        return f"mulai {tulis_tanggal(mulai)}, belum berakhir"
    return f"mulai {tulis_tanggal(mulai)}, berakhir {tulis_tanggal(selesai)}"


def sekolah_pada(pegawai_id: int, tanggal: date, penempatan: Sequence[Penempatan]) -> int | None:
    """The school the pegawai is placed at on `tanggal`, or None before or between placements.

    Overlaps are refused when saving; if old data still has one, the latest placement counts.
    """
    berlaku = [
        p
        for p in penempatan
        if p.pegawai_id == pegawai_id and _berlaku(p.mulai, p.selesai, tanggal)
    ]
    if not berlaku:
        return None
    return max(berlaku, key=lambda p: p.mulai).sekolah_id


def pemegang_jabatan(
    jabatan: Jabatan,
    tanggal: date,
    penugasan: Sequence[Penugasan],
    sekolah_id: int | None = None,
) -> Penugasan | None:
    """Who holds the post on `tanggal`: the kepala dinas, or the kepala sekolah of `sekolah_id`.

    A definitive holder wins over a Plt (a Plt acts only while the post has no definitive holder);
    among holders of the same kind, the one who started latest, since they replaced the others.
    """
    berlaku = [
        p
        for p in penugasan
        if p.jabatan == jabatan
        and p.sekolah_id == sekolah_id
        and _berlaku(p.mulai, p.selesai, tanggal)
    ]
    if not berlaku:
        return None
    return max(berlaku, key=lambda p: (not p.plt, p.mulai))


def _memimpin_sekolah(pegawai_id: int, tanggal: date, penugasan: Sequence[Penugasan]) -> bool:
    """Whether the pegawai is, on `tanggal`, the acting head of some school (any school).

    A Plt record overlapping a definitive holder does not count: that Plt no longer acts.
    """
    for p in penugasan:
        if (
            p.pegawai_id == pegawai_id
            and p.jabatan == Jabatan.KEPALA_SEKOLAH
            and _berlaku(p.mulai, p.selesai, tanggal)
        ):
            pemegang = pemegang_jabatan(Jabatan.KEPALA_SEKOLAH, tanggal, penugasan, p.sekolah_id)
            if pemegang is not None and pemegang.pegawai_id == pegawai_id:
                return True
    return False


def penilai_pada(
    pegawai_id: int,
    tanggal: date,
    penempatan: Sequence[Penempatan],
    penugasan: Sequence[Penugasan],
) -> Penilai | None:
    """The penilai of the pegawai on `tanggal`, or None when the post is empty.

    Someone leading a school that day (definitively or as Plt, of any school) is appraised by the
    kepala dinas; anyone else by the head of the school they are placed at that day. So a guru
    acting as Plt of their own school is never their own penilai. None means "penilai belum
    ditetapkan": no placement, or nobody holds the post.
    """
    if _memimpin_sekolah(pegawai_id, tanggal, penugasan):
        pemegang = pemegang_jabatan(Jabatan.KEPALA_DINAS, tanggal, penugasan)
    else:
        sekolah_id = sekolah_pada(pegawai_id, tanggal, penempatan)
        if sekolah_id is None:
            return None
        pemegang = pemegang_jabatan(Jabatan.KEPALA_SEKOLAH, tanggal, penugasan, sekolah_id)
    if pemegang is None or pemegang.pegawai_id == pegawai_id:
        return None
    return Penilai(
        pegawai_id=pemegang.pegawai_id,
        jabatan=pemegang.jabatan,
        plt=pemegang.plt,
        sekolah_id=pemegang.sekolah_id,
    )


def periksa_tumpang_tindih(
    penempatan_baru: Penempatan, yang_ada: Sequence[Penempatan]
) -> str | None:
    """A message when the new placement cannot be saved next to the existing ones, else None.

    `yang_ada` are the stored placements (of any pegawai; only the same pegawai's count), without
    the one being edited. For a mutasi, the old placement is ended on the move date first.
    """
    baru = penempatan_baru
    if baru.selesai is not None and baru.selesai <= baru.mulai:
        return "Tanggal selesai penempatan harus sesudah tanggal mulai."
    for lama in sorted(yang_ada, key=lambda p: p.mulai):
        if lama.pegawai_id == baru.pegawai_id and _bertumpang(
            baru.mulai, baru.selesai, lama.mulai, lama.selesai
        ):
            return (
                "Penempatan ini bertabrakan dengan penempatan lain pegawai yang sama "
                f"({_rentang(lama.mulai, lama.selesai)}). Untuk mutasi, isi dulu tanggal "
                "selesai penempatan lama dengan tanggal pindah."
            )
    return None


def periksa_penugasan(baru: Penugasan, yang_ada: Sequence[Penugasan]) -> str | None:
    """A message when the new holder of a post cannot be saved next to the existing ones, else None.

    One post has at most one definitive holder and at most one Plt at a time; a Plt may overlap a
    definitive holder (the definitive one counts while both are recorded). `yang_ada` leaves out
    the record being edited.
    """
    if baru.jabatan == Jabatan.KEPALA_SEKOLAH and baru.sekolah_id is None:
        return "Pilih sekolah yang dipimpin kepala sekolah ini."
    if baru.jabatan == Jabatan.KEPALA_DINAS and baru.sekolah_id is not None:
        return "Kepala dinas tidak memimpin satu sekolah; kosongkan pilihan sekolah."
    if baru.selesai is not None and baru.selesai <= baru.mulai:
        return "Tanggal selesai penugasan harus sesudah tanggal mulai."
    if baru.jabatan == Jabatan.KEPALA_SEKOLAH:
        jabatan, tempat = "kepala sekolah", " di sekolah ini"
    else:
        jabatan, tempat = "kepala dinas", ""
    for lama in sorted(yang_ada, key=lambda p: p.mulai):
        if (
            lama.jabatan == baru.jabatan
            and lama.sekolah_id == baru.sekolah_id
            and lama.plt == baru.plt
            and _bertumpang(baru.mulai, baru.selesai, lama.mulai, lama.selesai)
        ):
            rentang = _rentang(lama.mulai, lama.selesai)
            if baru.plt:
                return (
                    f"Sudah ada Plt {jabatan}{tempat} pada waktu yang sama ({rentang}). "
                    "Isi dulu tanggal selesai penugasan Plt yang lama."
                )
            return (
                f"Sudah ada {jabatan} definitif{tempat} pada waktu yang sama ({rentang}). "
                "Isi dulu tanggal selesai penugasan yang lama, atau catat yang baru sebagai Plt."
            )
    return None
