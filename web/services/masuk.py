"""Signing in: checking a username and password, and slowing down guessing.

Used by the `auth` blueprint, for pegawai of a dinas (username = NIP, NUPTK or e-mail) and for
platform operators (e-mail) on the apex. After `FREE_FAILURES` wrong passwords for one username,
each further failure locks that username for twice as long as the last, up to `MAX_LOCK`. A
locked username is refused without checking the password, so guessing during a lock costs
nothing and gains nothing. The counters are kept even though the failed request itself is
rolled back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from peewee import fn

from web.auth import DinasUser, OperatorUser, verify_password
from web.models import Akun, LoginAttempt, Operator, OperatorLoginAttempt, Pegawai
from web.models.base import now

FREE_FAILURES = 5
FIRST_LOCK = dt.timedelta(seconds=30)
MAX_LOCK = dt.timedelta(minutes=15)


def lock_after(failures: int) -> dt.timedelta | None:
    """How long a username is locked once it has failed `failures` times in a row."""
    if failures < FREE_FAILURES:
        return None
    doublings = min(failures - FREE_FAILURES, 16)  # past MAX_LOCK long before; avoids overflow
    return min(FIRST_LOCK * 2**doublings, MAX_LOCK)


def pesan_terkunci(seconds: int) -> str:
    """What a locked-out user reads: how long to wait, in words."""
    minutes, seconds = divmod(seconds, 60)
    wait = f"{minutes} menit {seconds} detik" if minutes else f"{seconds} detik"
    return f"Terlalu banyak percobaan yang gagal. Coba lagi dalam {wait}."


@dataclass(frozen=True)
class Outcome:
    user: DinasUser | OperatorUser | None = None
    locked_for: int = 0  # seconds left, when refused because of earlier failures

    @property
    def ok(self) -> bool:
        return self.user is not None


def locked_for(model: type[LoginAttempt], key: str, at: dt.datetime) -> int:
    row = model.get_or_none(model.key == key)
    if row is None or row.locked_until is None or row.locked_until <= at:
        return 0
    return int((row.locked_until - at).total_seconds()) + 1


def record_failure(model: type[LoginAttempt], key: str, at: dt.datetime) -> None:
    # An upsert, so two wrong passwords arriving together are both counted.
    (failures,) = (
        model.insert(key=key, failures=1, last_failure_at=at)
        .on_conflict(
            conflict_target=[model.key],
            update={model.failures: model.failures + 1, model.last_failure_at: at},
        )
        .returning(model.failures)
        .tuples()
        .execute()
    )[0]
    lock = lock_after(failures)
    if lock:
        model.update(locked_until=at + lock).where(model.key == key).execute()


def sign_in_pegawai(
    schema: str, username: str, password: str, *, at: dt.datetime | None = None
) -> tuple[Outcome, Callable[[], None] | None]:
    """Check a pegawai's credentials. Returns the outcome and, on failure, the work that records
    it (to be run after the request's own transaction ends)."""
    at = at or now()
    key = username.strip().lower()
    locked = locked_for(LoginAttempt, key, at)
    if locked:
        return Outcome(locked_for=locked), None
    akun = (
        Akun.yang_aktif()
        .where((Pegawai.nip == key) | (Pegawai.nuptk == key) | (Pegawai.email == key))
        .first()
    )
    if not verify_password(akun.password_hash if akun else None, password):
        return Outcome(), lambda: record_failure(LoginAttempt, key, at)
    LoginAttempt.delete().where(LoginAttempt.key == key).execute()
    Akun.update(login_terakhir=at).where(Akun.id == akun.id).execute()
    return Outcome(user=DinasUser.muat(akun, schema)), None


def sign_in_operator(
    email: str, password: str, *, at: dt.datetime | None = None
) -> tuple[Outcome, Callable[[], None] | None]:
    at = at or now()
    key = email.strip().lower()
    locked = locked_for(OperatorLoginAttempt, key, at)
    if locked:
        return Outcome(locked_for=locked), None
    operator = Operator.get_or_none(fn.lower(Operator.email) == key, Operator.active)
    if not verify_password(operator.password_hash if operator else None, password):
        return Outcome(), lambda: record_failure(OperatorLoginAttempt, key, at)
    OperatorLoginAttempt.delete().where(OperatorLoginAttempt.key == key).execute()
    Operator.update(last_login_at=at).where(Operator.id == operator.id).execute()
    return Outcome(user=OperatorUser(operator=operator)), None
