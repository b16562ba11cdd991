"""Who is signed in, and who may open which endpoint.

Every view declares its access with one of the decorators below (`public`, `signed_in`,
`roles`, `operator`); a single guard enforces the declarations before any view runs, and refuses
an endpoint that declares nothing. The access test walks the URL map relying on this.

Sessions are bound to their dinas: the id Flask-Login keeps in the session names the dinas
schema and the account's session version, so a cookie minted on one dinas signs nobody in on
another, even when copied by hand, and a password reset signs the account out everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, abort, current_app, g, redirect, request, url_for
from flask_login import AnonymousUserMixin, LoginManager, current_user

from web.models import Akun, Operator, Pegawai, Penugasan
from web.models.base import hari_ini
from web.models.pegawai import PERAN

ROLES = tuple(PERAN)

_hasher = PasswordHasher()
# Verified against when the username is unknown, so a wrong username costs the same time as a
# wrong password and does not reveal which accounts exist.
_DUMMY_HASH = _hasher.hash("kinerja-dummy-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


# --- Who is signed in ---------------------------------------------------------------------


@dataclass
class DinasUser:
    """A signed-in pegawai of the dinas the request is for.

    Roles are the pegawai's own (guru, pengawas, admin dinas) plus the posts they hold today:
    a kepala sekolah or kepala dinas post, Plt included, starts and ends on its dates.
    """

    akun: Akun
    pegawai: Pegawai
    schema: str
    penugasan: tuple[Penugasan, ...] = ()
    is_operator: bool = False
    is_authenticated: bool = True
    is_active: bool = True
    is_anonymous: bool = False

    @classmethod
    def muat(cls, akun: Akun, schema: str) -> DinasUser:
        posts = Penugasan.berlaku(hari_ini()).where(Penugasan.pegawai == akun.pegawai_id)
        return cls(akun=akun, pegawai=akun.pegawai, schema=schema, penugasan=tuple(posts))

    def get_id(self) -> str:
        return f"dinas:{self.schema}:{self.akun.id}:{self.akun.versi_sesi}"

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(self.pegawai.peran) | {p.jabatan for p in self.penugasan}

    @property
    def sekolah_dipimpin(self) -> frozenset[int]:
        """Schools this pegawai leads today as kepala sekolah (or Plt)."""
        return frozenset(p.sekolah_id for p in self.penugasan if p.jabatan == "kepala_sekolah")

    @property
    def name(self) -> str:
        return self.pegawai.nama

    def has_role(self, *names: str) -> bool:
        return bool(self.roles.intersection(names))


@dataclass
class OperatorUser:
    """A platform operator, signed in on the apex domain only."""

    operator: Operator
    is_operator: bool = True
    is_authenticated: bool = True
    is_active: bool = True
    is_anonymous: bool = False
    roles: frozenset[str] = field(default_factory=frozenset)

    def get_id(self) -> str:
        return f"operator:{self.operator.id}:{self.operator.session_version}"

    @property
    def name(self) -> str:
        return self.operator.name

    def has_role(self, *names: str) -> bool:
        return False


class Anonymous(AnonymousUserMixin):
    is_operator = False
    roles: frozenset[str] = frozenset()

    def has_role(self, *names: str) -> bool:
        return False


def load_user(user_id: str) -> DinasUser | OperatorUser | None:
    kind, _, rest = user_id.partition(":")
    tenant = g.get("tenant")
    if kind == "dinas" and tenant is not None:
        schema, akun_id, version = _split(rest, 3)
        if schema != tenant.schema:
            return None
        akun = Akun.yang_aktif().where(Akun.id == _int(akun_id)).first()
        if akun is None or str(akun.versi_sesi) != version:
            return None
        return DinasUser.muat(akun, tenant.schema)
    if kind == "operator" and tenant is None:
        operator_id, version = _split(rest, 2)
        operator = Operator.get_or_none(Operator.id == _int(operator_id), Operator.active)
        if operator is None or str(operator.session_version) != version:
            return None
        return OperatorUser(operator=operator)
    return None


def _split(value: str, parts: int) -> list[str]:
    pieces = value.split(":")
    return pieces if len(pieces) == parts else [""] * parts


def _int(value: str) -> int:
    return int(value) if value.isdigit() else -1


# --- Who may open what ------------------------------------------------------------------------

Kind = Literal["public", "signed_in", "roles", "operator"]
V = TypeVar("V", bound=Callable[..., Any])


@dataclass(frozen=True)
class Access:
    kind: Kind
    roles: frozenset[str] = frozenset()
    # Where the endpoint lives: a dinas subdomain, the apex (operator console), or both.
    hosts: Literal["dinas", "apex", "any"] = "dinas"

    def serves(self, *, on_apex: bool) -> bool:
        """Whether the endpoint exists on this kind of host at all."""
        return self.hosts == "any" or (self.hosts == "apex") == on_apex

    def allows(self, user: Any) -> bool:
        if self.kind == "public":
            return True
        if self.kind == "operator":
            return bool(user.is_authenticated and user.is_operator)
        if not user.is_authenticated or user.is_operator:
            return False
        return self.kind == "signed_in" or user.has_role(*self.roles)


def _declare(access: Access) -> Callable[[V], V]:
    def decorate(view: V) -> V:
        view.access = access  # type: ignore[attr-defined]
        return view

    return decorate


def public(*, hosts: Literal["dinas", "apex", "any"] = "dinas") -> Callable[[V], V]:
    return _declare(Access("public", hosts=hosts))


def signed_in(view: V) -> V:
    return _declare(Access("signed_in"))(view)


def roles(*names: str) -> Callable[[V], V]:
    unknown = set(names) - set(ROLES)
    if unknown:
        raise ValueError(f"peran tidak dikenal: {sorted(unknown)}")
    return _declare(Access("roles", frozenset(names)))


def operator(view: V) -> V:
    return _declare(Access("operator", hosts="apex"))(view)


def access_of(endpoint: str | None) -> Access | None:
    view = current_app.view_functions.get(endpoint or "")
    return getattr(view, "access", None)


def guard_request() -> Any:
    """The one place access is enforced. Runs after the tenant is resolved."""
    if request.endpoint is None:  # routing failed: 404/405 follow
        return None
    access = access_of(request.endpoint)
    if access is None:
        abort(403)  # an endpoint that declares nothing is closed
    on_apex = g.get("tenant") is None
    if not access.serves(on_apex=on_apex):
        if on_apex and request.path == "/":  # the apex's front door is the operator console
            return redirect(url_for("operator.index"), 303)
        abort(404)
    if access.allows(current_user):
        return None
    if not current_user.is_authenticated:
        target = url_for("auth.login", next=_next_path())
        if request.headers.get("HX-Request"):
            return "", 401, {"HX-Redirect": target}
        return redirect(target, 303)
    abort(403)


def _next_path() -> str | None:
    if request.method != "GET" or request.path == "/":
        return None
    return request.full_path.rstrip("?")


login_manager = LoginManager()
login_manager.user_loader(load_user)
login_manager.anonymous_user = Anonymous
login_manager.session_protection = None  # binding to the dinas and the version is ours


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    app.before_request(guard_request)
