"""Checks for the identity numbers people type: NIP, NUPTK, NPSN and e-mail addresses.

Used by the forms and imports that create pegawai, sekolah and accounts. Every check returns the
number in its stored form or raises `IdentitasError` whose message names the part that is wrong
("tanggal lahir (angka ke-1 s.d. 8)"), so a teacher copying a NIP from a paper SK can find the
typo without knowing how the number is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

TAHUN_LAHIR_PALING_AWAL = 1940  # anyone born earlier has long since retired
UMUR_MINIMAL = 18  # no one is appointed ASN before turning 18

# PPPK NIPs, as seen in public data (UNCONFIRMED: no official text found): digits 9-12 are the
# appointment year and digits 13-14 are "21" where a PNS NIP has the TMT month.
KODE_PPPK = "21"

_PEMISAH_NIP = re.compile(r"[\s.]+")
_SPASI = re.compile(r"\s+")


class IdentitasError(ValueError):
    """An identity number that cannot be right; `message` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class NipInfo:
    """What an 18-digit NIP says about its holder.

    `tmt` is the first day of the TMT CPNS month; for a PPPK NIP it is 1 January of the
    appointment year, because the NIP carries no month. `periksa_nip` always fills it; None is
    for records whose TMT is not known.
    """

    tanggal_lahir: date
    tmt: date | None
    jenis_kelamin: Literal["L", "P"]
    urutan: int
    pppk: bool


def _angka(teks: str, panjang: int) -> bool:
    # str.isdigit() also accepts other scripts' digits and superscripts; a NIP is ASCII only.
    return len(teks) == panjang and teks.isascii() and teks.isdigit()


def _ulang_tahun(lahir: date, umur: int) -> date:
    """The day a person born on `lahir` turns `umur`; 29 February counts as 1 March."""
    try:
        return lahir.replace(year=lahir.year + umur)
    except ValueError:
        return date(lahir.year + umur, 3, 1)


def _sebelum(tahun: int, bulan: int | None, tanggal: date) -> bool:
    if bulan is None:
        return tahun < tanggal.year
    return (tahun, bulan) < (tanggal.year, tanggal.month)


def _sesudah(tahun: int, bulan: int | None, tanggal: date) -> bool:
    if bulan is None:
        return tahun > tanggal.year
    return (tahun, bulan) > (tanggal.year, tanggal.month)


def normalkan_nip(raw: str) -> str:
    """The NIP without the spaces and dots people type between its groups."""
    return _PEMISAH_NIP.sub("", raw)


def periksa_nip(nip: str, *, hari_ini: date) -> NipInfo:
    """Read an NIP, or raise `IdentitasError` naming the first wrong part.

    The 18 digits are: 1-8 tanggal lahir (YYYYMMDD), 9-14 TMT CPNS (YYYYMM), 15 jenis kelamin
    (1 laki-laki, 2 perempuan), 16-18 nomor urut. Parts are checked in that order.
    """
    angka = normalkan_nip(nip)
    if not _angka(angka, 18):
        raise IdentitasError("NIP harus 18 angka.")

    try:
        lahir = date(int(angka[0:4]), int(angka[4:6]), int(angka[6:8]))
    except ValueError:
        raise IdentitasError(
            "NIP: tanggal lahir (angka ke-1 s.d. 8) bukan tanggal yang ada."
        ) from None
    if lahir.year < TAHUN_LAHIR_PALING_AWAL:
        raise IdentitasError(
            "NIP: tanggal lahir (angka ke-1 s.d. 8) tidak masuk akal: "
            f"sebelum tahun {TAHUN_LAHIR_PALING_AWAL}."
        )
    dewasa = _ulang_tahun(lahir, UMUR_MINIMAL)
    if dewasa > hari_ini:
        raise IdentitasError(
            "NIP: tanggal lahir (angka ke-1 s.d. 8) tidak masuk akal: "
            f"pemiliknya belum berumur {UMUR_MINIMAL} tahun."
        )

    tahun_tmt, kode_bulan = int(angka[8:12]), angka[12:14]
    pppk = kode_bulan == KODE_PPPK
    bulan_tmt: int | None = None  # a PPPK NIP carries only the year
    if not pppk:
        bulan_tmt = int(kode_bulan)
        if not 1 <= bulan_tmt <= 12:
            raise IdentitasError("NIP: TMT (angka ke-9 s.d. 14) bukan bulan yang ada.")
    # Compared by month (the month of the 18th birthday is accepted), or by year for PPPK.
    if _sebelum(tahun_tmt, bulan_tmt, dewasa):
        raise IdentitasError(
            f"NIP: TMT (angka ke-9 s.d. 14) sebelum umur {UMUR_MINIMAL} tahun "
            "menurut tanggal lahir di NIP yang sama."
        )
    if _sesudah(tahun_tmt, bulan_tmt, hari_ini):
        raise IdentitasError("NIP: TMT (angka ke-9 s.d. 14) di masa depan.")
    tmt = date(tahun_tmt, bulan_tmt or 1, 1)

    kode_kelamin = angka[14]
    if kode_kelamin not in ("1", "2"):
        raise IdentitasError(
            "NIP: jenis kelamin (angka ke-15) harus 1 (laki-laki) atau 2 (perempuan)."
        )
    jenis_kelamin: Literal["L", "P"] = "L" if kode_kelamin == "1" else "P"

    urutan = int(angka[15:18])
    if urutan == 0:
        raise IdentitasError("NIP: nomor urut (angka ke-16 s.d. 18) tidak boleh 000.")

    return NipInfo(
        tanggal_lahir=lahir, tmt=tmt, jenis_kelamin=jenis_kelamin, urutan=urutan, pppk=pppk
    )


def periksa_nuptk(nuptk: str) -> str:
    """The 16-digit NUPTK without spaces, or `IdentitasError`.

    How the NUPTK is built is not published, so only its length and digits are checked; a
    made-up NUPTK of the right length passes.
    """
    angka = _SPASI.sub("", nuptk)
    if not _angka(angka, 16):
        raise IdentitasError("NUPTK harus 16 angka.")
    if set(angka) == {"0"}:
        raise IdentitasError("NUPTK tidak boleh berisi angka 0 semua.")
    return angka


def periksa_npsn(npsn: str) -> str:
    """The school's NPSN (8 digits, spaces around it trimmed), or `IdentitasError`."""
    angka = npsn.strip()
    if not _angka(angka, 8):
        raise IdentitasError("NPSN harus 8 angka.")
    return angka


def periksa_email(email: str) -> str:
    """The address trimmed and lower-cased, if it has the shape `nama@domain.tld`.

    Only the shape is checked; whether the mailbox exists is learnt by sending to it.
    """
    alamat = email.strip().lower()
    nama, at, domain = alamat.partition("@")
    bentuk_benar = (
        at == "@"
        and nama != ""
        and "@" not in domain
        and "." in domain
        and all(bagian != "" for bagian in domain.split("."))
        and not any(c.isspace() for c in alamat)
    )
    if not bentuk_benar:
        raise IdentitasError("Alamat e-mail tidak valid.")
    return alamat
