"""The windows (jendela) of the performance year: when something may be done, and whether late.

Perdirjen 7607 Pasal 11(1) and 21(2): the SKP is drafted and agreed between 1 and 31 January;
Pasal 11(2): it may be adjusted between 1 and 31 July. The later stages have their months too
(DOMAIN.md §3). The dates are data held per dinas and year in the regime record, never constants
here: in 2024 the SKP deadline was extended nationally to 31 March, and a dinas admin may extend a
window with `perpanjang`.

The system warns but never silently blocks late work: after the deadline a window is `TERLAMBAT`,
not closed. Services record the action and mark it late; pages show `keterangan` next to the task.
Every function takes `hari_ini` from the caller, so nothing here reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

NAMA_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


class StatusJendela(StrEnum):
    """Where today falls relative to a window."""

    BELUM_DIBUKA = "belum_dibuka"
    TERBUKA = "terbuka"
    TERLAMBAT = "terlambat"


@dataclass(frozen=True)
class Jendela:
    """A window from `mulai` to `selesai`, both days included, possibly extended.

    `kode` names the window in the regime record (for example "skp" or "penyesuaian_skp").
    `diperpanjang_sampai`, when set, is the last day after an extension and replaces `selesai` as
    the deadline; `selesai` is kept so pages can say what the original deadline was.
    """

    kode: str
    mulai: date
    selesai: date
    diperpanjang_sampai: date | None = None

    def __post_init__(self) -> None:
        if self.selesai < self.mulai:
            raise ValueError(
                f"Jendela {self.kode}: tanggal selesai ({tulis_tanggal(self.selesai)}) "
                f"tidak boleh sebelum tanggal mulai ({tulis_tanggal(self.mulai)})."
            )
        if self.diperpanjang_sampai is not None and self.diperpanjang_sampai < self.selesai:
            raise ValueError(
                f"Jendela {self.kode}: perpanjangan ({tulis_tanggal(self.diperpanjang_sampai)}) "
                f"tidak boleh sebelum tanggal selesai ({tulis_tanggal(self.selesai)})."
            )


def tulis_tanggal(tanggal: date) -> str:
    """The date as written in Indonesian letters and pages: "31 Maret 2024"."""
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month - 1]} {tanggal.year}"


def batas(j: Jendela) -> date:
    """The last day of the window: the extension when there is one, else `selesai`."""
    return j.diperpanjang_sampai if j.diperpanjang_sampai is not None else j.selesai


def belum_dibuka(j: Jendela, hari_ini: date) -> bool:
    """Whether the window opens only after today."""
    return hari_ini < j.mulai


def terbuka(j: Jendela, hari_ini: date) -> bool:
    """Whether today is within the window, the first and last day included."""
    return j.mulai <= hari_ini <= batas(j)


def terlambat(j: Jendela, hari_ini: date) -> bool:
    """Whether the deadline has passed: work is still accepted but recorded as late (§3)."""
    return hari_ini > batas(j)


def status_jendela(j: Jendela, hari_ini: date) -> StatusJendela:
    """Before, within or after the window."""
    if belum_dibuka(j, hari_ini):
        return StatusJendela.BELUM_DIBUKA
    if terlambat(j, hari_ini):
        return StatusJendela.TERLAMBAT
    return StatusJendela.TERBUKA


def sisa_hari(j: Jendela, hari_ini: date) -> int | None:
    """Days left counting today (1 on the last day), or None when the window is not open."""
    if not terbuka(j, hari_ini):
        return None
    return (batas(j) - hari_ini).days + 1


def keterangan(j: Jendela, hari_ini: date) -> str:
    """A sentence for the page telling the pegawai where the window stands today."""
    status = status_jendela(j, hari_ini)
    if status == StatusJendela.BELUM_DIBUKA:
        return f"Dibuka mulai {tulis_tanggal(j.mulai)}"
    if status == StatusJendela.TERLAMBAT:
        lewat = batas(j) + timedelta(days=1)
        return (
            f"Sudah lewat sejak {tulis_tanggal(lewat)}; masih dapat dikerjakan, "
            "tetapi tercatat terlambat"
        )
    sisa = sisa_hari(j, hari_ini)
    # "1 hari lagi" on the last day would read as "tomorrow too", so the last day says so.
    sisa_teks = "hari ini hari terakhir" if sisa == 1 else f"{sisa} hari lagi"
    if j.diperpanjang_sampai is not None and j.diperpanjang_sampai != j.selesai:
        return (
            f"Dibuka sampai {tulis_tanggal(batas(j))} (diperpanjang dari "
            f"{tulis_tanggal(j.selesai)}; {sisa_teks})"
        )
    return f"Dibuka sampai {tulis_tanggal(batas(j))} ({sisa_teks})"


def perpanjang(j: Jendela, sampai: date) -> Jendela:
    """The window extended to `sampai` (last day included), for the dinas admin's screen.

    An extension never shortens: `sampai` before the current deadline (or before the window
    opens) raises ValueError with a message for the admin. Extending to the current deadline
    changes nothing and is accepted, so saving the form twice is harmless.
    """
    if sampai < j.mulai:
        raise ValueError(
            f"Perpanjangan sampai {tulis_tanggal(sampai)} tidak dapat disimpan: jendela ini baru "
            f"dibuka {tulis_tanggal(j.mulai)}."
        )
    if sampai < batas(j):
        raise ValueError(
            f"Perpanjangan sampai {tulis_tanggal(sampai)} tidak dapat disimpan: batas saat ini "
            f"sudah {tulis_tanggal(batas(j))}, dan perpanjangan tidak boleh memperpendek jendela."
        )
    return replace(j, diperpanjang_sampai=sampai)
