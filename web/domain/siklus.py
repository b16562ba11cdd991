"""The improvement cycle of a semester (DOMAIN.md §5): steps A-E in order, their statuses, who
closes each, reopening, and the points a pegawai has earned in step D.

Used by the cycle services and pages. The steps and who closes each come from the regime's
data (langkah_siklus); these functions take them as arguments and hold no regime values.

- A step is `belum` until someone saves something in it, then `berjalan`, and `selesai` once
  the side that closes it (`penutup`) closes it: the penilai for A, C and E, the observer (the
  penilai or a tim kerja member) for B, the pegawai for D.
- Steps are done in order: a step can be worked on only when every earlier step is selesai.
- The penilai can reopen a closed step; the later steps then wait until it is closed again.
- Windows warn, never block (DOMAIN.md §3): closing after the window's end is marked late.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Langkah(StrEnum):
    A = "A"  # Diskusi Persiapan
    B = "B"  # Observasi Kinerja
    C = "C"  # Diskusi Tindak Lanjut
    D = "D"  # Upaya Tindak Lanjut
    E = "E"  # Refleksi Tindak Lanjut


URUTAN = tuple(Langkah)


class StatusLangkah(StrEnum):
    BELUM = "belum"
    BERJALAN = "berjalan"
    SELESAI = "selesai"


LABEL_STATUS = {
    StatusLangkah.BELUM: "Belum",
    StatusLangkah.BERJALAN: "Berjalan",
    StatusLangkah.SELESAI: "Selesai",
}


class Pihak(StrEnum):
    """Who acts on a step. The observer (`pengamat`) is the penilai or a tim kerja member."""

    PEGAWAI = "pegawai"
    PENILAI = "penilai"
    PENGAMAT = "pengamat"


class SiklusDitolak(ValueError):
    """A step action that is not allowed; `message` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _status(status: Mapping[Langkah, StatusLangkah], langkah: Langkah) -> StatusLangkah:
    return status.get(langkah, StatusLangkah.BELUM)


def sebelum(langkah: Langkah) -> tuple[Langkah, ...]:
    """The steps before `langkah`."""
    return URUTAN[: URUTAN.index(langkah)]


def menunggu(langkah: Langkah, status: Mapping[Langkah, StatusLangkah]) -> Langkah | None:
    """The first earlier step not yet selesai, which `langkah` waits for; None when it may be
    worked on."""
    for awal in sebelum(langkah):
        if _status(status, awal) != StatusLangkah.SELESAI:
            return awal
    return None


def periksa_kerjakan(langkah: Langkah, status: Mapping[Langkah, StatusLangkah]) -> None:
    """SiklusDitolak unless `langkah` may be worked on now: its earlier steps are all selesai
    and it is not itself closed."""
    awal = menunggu(langkah, status)
    if awal is not None:
        raise SiklusDitolak(
            f"Selesaikan dulu langkah {awal.value} sebelum langkah {langkah.value}."
        )
    if _status(status, langkah) == StatusLangkah.SELESAI:
        raise SiklusDitolak(
            f"Langkah {langkah.value} sudah selesai. Minta penilai membukanya kembali bila perlu "
            "diubah."
        )


def setelah_simpan(status: StatusLangkah) -> StatusLangkah:
    """Saving anything in a step that had not started starts it."""
    return StatusLangkah.BERJALAN if status == StatusLangkah.BELUM else status


def tutup(
    langkah: Langkah,
    status: Mapping[Langkah, StatusLangkah],
    pelaku: Pihak,
    penutup: Pihak,
    kurang: Iterable[str] = (),
) -> StatusLangkah:
    """The status after `pelaku` closes the step: SELESAI, or SiklusDitolak saying why not.

    Only the step's `penutup` closes it (a penilai may also close a step an observer closes,
    being an observer too); `kurang` lists what is still missing (unanswered required
    questions, an observation without marks) and must be empty.
    """
    periksa_kerjakan(langkah, status)
    boleh = pelaku == penutup or (penutup == Pihak.PENGAMAT and pelaku == Pihak.PENILAI)
    if not boleh:
        siapa = {
            Pihak.PEGAWAI: "pegawai",
            Pihak.PENILAI: "penilai",
            Pihak.PENGAMAT: "penilai atau anggota tim kerja yang mengamati",
        }[penutup]
        raise SiklusDitolak(f"Langkah {langkah.value} diselesaikan oleh {siapa}.")
    kurang = list(kurang)
    if kurang:
        raise SiklusDitolak(" ".join(kurang))
    return StatusLangkah.SELESAI


def buka_ulang(
    langkah: Langkah, status: Mapping[Langkah, StatusLangkah], pelaku: Pihak
) -> StatusLangkah:
    """The status after the penilai reopens a closed step: BERJALAN. The later steps keep their
    contents but cannot be closed until this one is closed again."""
    if pelaku != Pihak.PENILAI:
        raise SiklusDitolak("Hanya penilai yang dapat membuka kembali sebuah langkah.")
    if _status(status, langkah) != StatusLangkah.SELESAI:
        raise SiklusDitolak(f"Langkah {langkah.value} belum selesai, jadi tidak perlu dibuka.")
    return StatusLangkah.BERJALAN


def langkah_sekarang(status: Mapping[Langkah, StatusLangkah]) -> Langkah | None:
    """The first step not yet selesai: where the cycle stands; None when all five are done."""
    for langkah in URUTAN:
        if _status(status, langkah) != StatusLangkah.SELESAI:
            return langkah
    return None


def giliran(
    langkah: Langkah,
    status: Mapping[Langkah, StatusLangkah],
    penutup: Pihak,
    pegawai_selesai_mengisi: bool,
) -> Pihak | None:
    """Who acts next on `langkah`: None when it is closed or still waits for an earlier step.

    In A, C and E the pegawai writes first and the penilai closes; in B the observer acts; in D
    the pegawai records activities and closes the step.
    """
    if _status(status, langkah) == StatusLangkah.SELESAI or menunggu(langkah, status):
        return None
    if penutup == Pihak.PENILAI and not pegawai_selesai_mengisi:
        return Pihak.PEGAWAI
    return penutup


# --- step D: the points earned -----------------------------------------------------------


@dataclass(frozen=True)
class Realisasi:
    """An activity done in step D: its catalog letter, whether the penilai accepted it, and the
    SHA-256 of its proof."""

    id: int
    huruf: str
    diterima: bool
    sha256: str


@dataclass(frozen=True)
class Capaian:
    """Points earned (accepted activities only) against the plan and the minimum."""

    diperoleh: int
    direncanakan: int
    minimal: int
    belum_ditetapkan: tuple[str, ...]  # accepted letters whose points are not set yet

    @property
    def kurang(self) -> int:
        """Points still needed to reach the minimum (0 when reached)."""
        return max(self.minimal - self.diperoleh, 0)


def capaian(
    realisasi: Iterable[Realisasi],
    poin: Mapping[str, int | None],
    direncanakan: int,
    minimal: int,
) -> Capaian:
    """Add up the accepted activities' points; a letter without a catalog value adds 0 and is
    named, as in the plan (web.domain.skp.total_poin)."""
    total = 0
    belum: list[str] = []
    for r in realisasi:
        if not r.diterima:
            continue
        nilai = poin.get(r.huruf)
        if nilai is None:
            if r.huruf not in belum:
                belum.append(r.huruf)
        else:
            total += nilai
    return Capaian(total, direncanakan, minimal, tuple(belum))


def bukti_ganda(realisasi: Iterable[Realisasi]) -> dict[int, list[int]]:
    """For each activity whose proof (same SHA-256) also proves another activity of the same
    pegawai, the ids of those others (DOMAIN.md §6: in 2024 one certificate was reused to reach
    32 points). Activities with a unique proof are absent."""
    per_sha: dict[str, list[int]] = {}
    for r in realisasi:
        per_sha.setdefault(r.sha256, []).append(r.id)
    ganda: dict[int, list[int]] = {}
    for ids in per_sha.values():
        if len(ids) > 1:
            for i in ids:
                ganda[i] = [j for j in ids if j != i]
    return ganda
