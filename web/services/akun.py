"""Pegawai accounts: printable activation codes, the first sign-in, password resets, deactivation.

Used by the dinas blueprint (the admin dinas, or a kepala sekolah for the school they lead, prints
codes; the admin dinas resets passwords and (de)activates accounts) and by the activation page
of the `auth` blueprint, where a pegawai turns a code into a password.

A code exists in clear only in the return value of the call that made it: the caller prints it
and forgets it. The database keeps its hash and the time it was made; a newer code replaces the
older one. Wrong codes count towards the same slowdown as wrong passwords (web/services/masuk.py),
under their own key, so guessing a code is as slow as guessing a password.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from web.auth import DinasUser, hash_password
from web.models import Akun, LoginAttempt, Pegawai, Sekolah
from web.models.base import now
from web.services import audit
from web.services.masuk import locked_for, record_failure

KODE_BERLAKU = dt.timedelta(days=30)
# No I, O, 0 or 1: a code is read off paper and typed on a phone, often by someone else.
ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PANJANG_KODE = 8
PANJANG_SANDI_MINIMAL = 10

# A code is random (32**8, 40 bits), single-use, dead after 30 days, and guessing it online runs
# into the sign-in slowdown; its hash only has to outlast that month should the database leak.
# The low cost keeps printing a whole school's cards quick on a small server, where the default
# cost of passwords (chosen by people, kept for years) would take seconds for each batch.
_kode_hasher = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
# Checked when no account matches, so a wrong username costs the same time as a wrong code.
_KODE_PALSU = _kode_hasher.hash("KINERJAPALSU")


class AkunError(ValueError):
    """An account action that cannot be done; the message is for the user."""


# --- Printing codes -------------------------------------------------------------------------


@dataclass(frozen=True)
class BelumAktif:
    """A pegawai of a school who has not set a password yet, and where their code stands."""

    pegawai: Pegawai
    akun: Akun | None

    @property
    def kode_dibuat(self) -> dt.datetime | None:
        return self.akun.kode_dibuat if self.akun else None

    @property
    def kode_berakhir(self) -> dt.datetime | None:
        return self.kode_dibuat + KODE_BERLAKU if self.kode_dibuat else None

    @property
    def kode_berlaku(self) -> bool:
        return _masih_berlaku(self.kode_dibuat, now())


def belum_aktif(sekolah: Sekolah) -> list[BelumAktif]:
    """Active pegawai placed at the school whose account is not activated yet (or not made).

    A deactivated account is left out: the admin dinas decided that person does not sign in.
    """
    pegawai = list(
        Pegawai.select(Pegawai, Sekolah)
        .join(Sekolah)
        .where(Pegawai.sekolah == sekolah, Pegawai.aktif)
        .order_by(Pegawai.nama, Pegawai.id)
    )
    akun = {a.pegawai_id: a for a in Akun.select().where(Akun.pegawai.in_([p.id for p in pegawai]))}
    return [
        BelumAktif(p, akun.get(p.id))
        for p in pegawai
        if p.id not in akun or (akun[p.id].password_hash is None and akun[p.id].aktif)
    ]


def untuk_dicetak(sekolah: Sekolah, *, sertakan_berkode: bool) -> list[Pegawai]:
    """Who gets a new code: those without a valid one, or, when asked, everyone not activated
    (a principal who lost the printout)."""
    return [b.pegawai for b in belum_aktif(sekolah) if sertakan_berkode or not b.kode_berlaku]


def buat_kode(user: DinasUser, pegawai_list: Iterable[Pegawai]) -> list[tuple[Pegawai, str]]:
    """A fresh code for each active pegawai whose account is not activated, making the account
    when missing. Returns the codes in clear, once; only their hashes are kept."""
    hasil = []
    for pegawai in pegawai_list:
        if not pegawai.aktif:
            continue
        akun = Akun.get_or_none(Akun.pegawai == pegawai.id)
        if akun is not None and (akun.password_hash is not None or not akun.aktif):
            continue
        hasil.append((pegawai, _terbitkan(user, pegawai, akun, "kode aktivasi dibuat")))
    return hasil


def reset(user: DinasUser, pegawai: Pegawai) -> str:
    """Forget the password, sign the account out everywhere and issue a new code (returned once)."""
    if not pegawai.aktif:
        raise AkunError(f"{pegawai.nama} nonaktif; aktifkan pegawai ini dahulu.")
    akun = Akun.get_or_none(Akun.pegawai == pegawai.id)
    aktif = akun is not None and akun.password_hash is not None
    aksi = "atur ulang kata sandi" if aktif else "kode aktivasi dibuat"
    return _terbitkan(user, pegawai, akun, aksi, reset=True)


def _terbitkan(
    user: DinasUser, pegawai: Pegawai, akun: Akun | None, aksi: str, *, reset: bool = False
) -> str:
    kode = _kode_acak()
    sebelum = None
    if akun is None:
        akun = Akun(pegawai=pegawai.id, password_hash=None)
    else:
        sebelum = audit.potret(akun)
    if reset:
        akun.password_hash = None
        akun.versi_sesi = (akun.versi_sesi or 0) + 1
    akun.kode_aktivasi_hash = _kode_hasher.hash(kode)
    akun.kode_dibuat = now()
    akun.save()
    audit.catat(user, aksi, akun, sebelum)
    return tampilkan_kode(kode)


def _kode_acak() -> str:
    return "".join(secrets.choice(ALFABET) for _ in range(PANJANG_KODE))


def tampilkan_kode(kode: str) -> str:
    """`ABCDEFGH` → `ABCD-EFGH`, easier to read aloud and to copy."""
    return f"{kode[:4]}-{kode[4:]}"


def normalkan_kode(kode: str) -> str:
    """What was typed, as stored: capitals, no spaces or dashes."""
    return "".join(c for c in kode.upper() if c.isalnum())


def _masih_berlaku(dibuat: dt.datetime | None, at: dt.datetime) -> bool:
    return dibuat is not None and at < dibuat + KODE_BERLAKU


# --- Activating -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilAktivasi:
    """What came of an activation: the user to sign in, or why not."""

    user: DinasUser | None = None
    locked_for: int = 0  # seconds left, when refused because of earlier failures
    pesan: str = ""
    isian: str | None = None  # the form field the message belongs to, if one

    @property
    def ok(self) -> bool:
        return self.user is not None


SALAH = "NIP/NUPTK/e-mail atau kode aktivasi salah."
KEDALUWARSA = (
    "Kode aktivasi ini sudah kedaluwarsa (berlaku 30 hari). Minta kode baru kepada kepala "
    "sekolah atau admin dinas."
)


def kunci_aktivasi(username: str) -> str:
    return "aktivasi:" + username.strip().lower()


def aktifkan(
    schema: str, username: str, kode: str, password: str, *, at: dt.datetime | None = None
) -> tuple[HasilAktivasi, Callable[[], None] | None]:
    """Set the first password of an account with its activation code.

    Returns the outcome and, on a failure that counts towards the slowdown, the work that
    records it (to be run after the request's own transaction ends, which is rolled back).
    """
    at = at or now()
    username = username.strip().lower()
    key = kunci_aktivasi(username)
    locked = locked_for(LoginAttempt, key, at)
    if locked:
        return HasilAktivasi(locked_for=locked), None

    def gagal(pesan: str) -> tuple[HasilAktivasi, Callable[[], None]]:
        return HasilAktivasi(pesan=pesan), lambda: record_failure(LoginAttempt, key, at)

    akun = (
        Akun.yang_aktif()
        .where(
            (Pegawai.nip == username) | (Pegawai.nuptk == username) | (Pegawai.email == username)
        )
        .first()
    )
    stored = akun.kode_aktivasi_hash if akun else None
    cocok = _kode_cocok(stored, normalkan_kode(kode))  # checked even without an account
    if akun is None or not cocok or akun.password_hash is not None:
        return gagal(SALAH)
    if not _masih_berlaku(akun.kode_dibuat, at):
        return gagal(KEDALUWARSA)
    if pesan := periksa_sandi(password, akun.pegawai, username):
        return HasilAktivasi(pesan=pesan, isian="password"), None

    sebelum = audit.potret(akun)
    # Conditional on the code still being the one checked, so two tabs racing with the same code
    # cannot both set a password.
    changed = (
        Akun.update(
            password_hash=hash_password(password),
            kode_aktivasi_hash=None,
            kode_dibuat=None,
            versi_sesi=Akun.versi_sesi + 1,
            login_terakhir=at,
        )
        .where(Akun.id == akun.id, Akun.kode_aktivasi_hash == stored)
        .execute()
    )
    if not changed:
        return gagal(SALAH)
    LoginAttempt.delete().where(LoginAttempt.key == key).execute()
    akun = Akun.yang_aktif().where(Akun.id == akun.id).get()
    user = DinasUser.muat(akun, schema)
    audit.catat(user, "aktivasi akun", akun, sebelum)
    return HasilAktivasi(user=user), None


def periksa_sandi(password: str, pegawai: Pegawai, username: str = "") -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < PANJANG_SANDI_MINIMAL:
        return f"Kata sandi paling sedikit {PANJANG_SANDI_MINIMAL} karakter."
    sandi = password.strip().lower()
    identitas = {pegawai.nip, pegawai.nuptk, pegawai.email, username}
    if sandi in {i.strip().lower() for i in identitas if i}:
        return "Kata sandi tidak boleh sama dengan NIP, NUPTK atau e-mail Anda."
    return None


def _kode_cocok(stored: str | None, kode: str) -> bool:
    try:
        return _kode_hasher.verify(stored or _KODE_PALSU, kode) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


# --- Deactivating ---------------------------------------------------------------------------


def atur_aktif(user: DinasUser, akun: Akun, aktif: bool) -> None:
    """Deactivate (signing the account out everywhere) or reactivate an account."""
    if akun.aktif == aktif:
        return
    sebelum = audit.potret(akun)
    akun.aktif = aktif
    if not aktif:
        akun.versi_sesi += 1
    akun.save()
    audit.catat(user, "aktifkan akun" if aktif else "nonaktifkan akun", akun, sebelum)
