"""Fixtures for the whole suite: a real PostgreSQL cluster, one app, dinas tenants, clients.

The cluster is a throwaway one started for the session (or TEST_DATABASE_URL, an empty database
you own). Tests that need a dinas of their own call `make_tenant()`; the demo dinas (every role)
is created once for the access and byte-budget tests.

Two probe endpoints exist only in the test app (`uji.*`): one reports what the database says about
the bound schema, one writes a row and then fails. They are how the tenancy tests look inside a
request without trusting the code under test to report on itself.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Blueprint, Flask, abort, current_app, g, jsonify

from infra.localpg import Cluster
from web.auth import hash_password, public
from web.db import db, if_rolled_back, schema_for, tenant_transaction
from web.models import Penempatan, Penugasan

BASE_DOMAIN = "kinerja.test"
PASSWORD = "rahasia-uji-123"
SECRET_KEY = "uji-" + "k" * 60


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    if url := os.environ.get("TEST_DATABASE_URL"):
        yield url
        return
    with Cluster() as cluster:
        yield cluster.url


def _probe_blueprint() -> Blueprint:
    from web.models import Sekolah

    probe = Blueprint("uji", __name__, url_prefix="/_uji")

    @probe.get("/jalur")
    @public(hosts="any")
    def jalur() -> Any:
        path, schema = db.execute_sql(
            "SELECT current_setting('search_path'), current_schema()"
        ).fetchone()
        npsn = [s.npsn for s in Sekolah.select().order_by(Sekolah.npsn)] if g.tenant else []
        return jsonify(
            host_tenant=g.tenant.slug if g.tenant else None,
            search_path=path,
            schema=schema,
            npsn=npsn,
        )

    @probe.post("/gagal/<int:status>")
    @public()
    def gagal(status: int) -> Any:
        Sekolah.create(npsn="99999999", nama="Tidak boleh tersimpan", jenjang="SD", status="negeri")
        # The probe's "outside work", undone when the request does not commit: it notes the
        # status in app.extensions["uji_dibatalkan"] (web.db.if_rolled_back).
        dibatalkan = current_app.extensions.setdefault("uji_dibatalkan", [])
        if_rolled_back(lambda: dibatalkan.append(status))
        if status == 500:
            raise RuntimeError("kegagalan yang disengaja")
        if status == 200:
            return jsonify(ok=True)
        abort(status)

    return probe


@pytest.fixture(scope="session")
def app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    from tenants.migrate import migrate_all
    from web import create_app

    app = create_app(
        {
            "DATABASE_URL": database_url,
            "BASE_DOMAIN": BASE_DOMAIN,
            "SECRET_KEY": SECRET_KEY,
            "EVIDENCE_DIR": str(tmp_path_factory.mktemp("evidence")),
            "DB_POOL_SIZE": "4",
            "TESTING": True,
            "PROPAGATE_EXCEPTIONS": False,  # the 500 page is part of what we test
        }
    )
    app.register_blueprint(_probe_blueprint())
    with app.app_context():
        migrate_all(echo=lambda line: None)
    return app


@pytest.fixture(scope="session")
def demo(app: Flask) -> str:
    from tenants.demo import ensure_demo

    with app.app_context():
        ensure_demo()
    return "demo"


_slugs = itertools.count(1)


@dataclass
class Orang:
    """A pegawai made by a test, with the username and password to sign in with."""

    id: int
    akun_id: int
    username: str
    password: str = PASSWORD


@dataclass
class Dinas:
    slug: str

    @property
    def schema(self) -> str:
        return schema_for(self.slug)

    @property
    def host(self) -> str:
        return f"{self.slug}.{BASE_DOMAIN}"

    def sekolah(self, npsn: str, nama: str = "Sekolah Uji", jenjang: str = "SD") -> int:
        from web.models import Sekolah

        with tenant_transaction(self.schema):
            return Sekolah.create(npsn=npsn, nama=nama, jenjang=jenjang, status="negeri").id

    def orang(
        self,
        nama: str,
        *peran: str,
        nip: str | None = None,
        sekolah_id: int | None = None,
        email: str | None = None,
    ) -> Orang:
        from web.models import Akun, Pegawai

        with tenant_transaction(self.schema):
            pegawai = Pegawai.create(
                nama=nama, nip=nip, email=email, peran=list(peran), sekolah=sekolah_id
            )
            akun = Akun.create(pegawai=pegawai, password_hash=hash_password(PASSWORD))
        return Orang(pegawai.id, akun.id, nip or email or "")


@pytest.fixture
def make_tenant(app: Flask):
    """Create a fresh dinas (its own schema) for one test; slugs never repeat in a session."""
    from tenants.provision import create_tenant

    def make(prefix: str = "uji") -> Dinas:
        slug = f"{prefix}{next(_slugs)}-{os.getpid()}"
        with app.app_context():
            create_tenant(
                slug,
                name=f"Dinas Uji {slug}",
                kind="kota",
                admin_email=f"admin@{slug}.test",
                admin_password=PASSWORD,
            )
        return Dinas(slug)

    return make


CSRF = re.compile(r'name="csrf_token"[^>]*?value="([^"]+)"')


class Browser:
    """A Flask test client pinned to one host, with helpers for forms and signing in.

    Each test makes its own; two of them are never nested in each other's `with` block, so no
    request context (and no cached user) is shared between them (see RECIPES.md).
    """

    def __init__(self, app: Flask, host: str):
        self.client = app.test_client()
        self.base_url = f"http://{host}"

    def get(self, path: str, **kwargs: Any):
        return self.client.get(path, base_url=self.base_url, **kwargs)

    def post(
        self,
        path: str,
        data: dict[str, Any] | None = None,
        *,
        csrf_from: str | None = None,
        **kwargs: Any,
    ):
        data = dict(data or {})
        if csrf_from is not None:
            data["csrf_token"] = self.csrf_token(csrf_from)
        return self.client.post(path, base_url=self.base_url, data=data, **kwargs)

    def csrf_token(self, page: str) -> str:
        match = CSRF.search(self.get(page).get_data(as_text=True))
        assert match, f"no CSRF token on {page}"
        return match.group(1)

    def login(self, username: str, password: str = PASSWORD):
        return self.post("/masuk", {"username": username, "password": password}, csrf_from="/masuk")

    def cookie(self, name: str = "kinerja_sesi") -> str | None:
        found = self.client.get_cookie(name, domain=self.base_url.split("//")[1])
        return found.value if found else None


@pytest.fixture
def browser(app: Flask):
    def make(host: str) -> Browser:
        return Browser(app, host)

    return make


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


# --- A dinas with every role, for the dinas, SKP and evaluation tests ------------------------

SEJAK = dt.date(2024, 1, 1)


@dataclass
class DinasLengkap:
    dinas: Dinas
    admin: str
    kadis: Orang
    sd: int
    smp: int
    ks_sd: Orang
    ks_smp: Orang
    guru_sd: Orang
    guru_smp: Orang


def tempatkan(dinas: Dinas, orang: Orang, sekolah_id: int, mulai: dt.date = SEJAK) -> None:
    with tenant_transaction(dinas.schema):
        Penempatan.create(pegawai=orang.id, sekolah=sekolah_id, mulai=mulai)


def jabat(
    dinas: Dinas,
    orang: Orang,
    jabatan: str,
    sekolah_id: int | None = None,
    mulai: dt.date = SEJAK,
    plt: bool = False,
) -> None:
    with tenant_transaction(dinas.schema):
        Penugasan.create(
            pegawai=orang.id, jabatan=jabatan, sekolah=sekolah_id, mulai=mulai, plt=plt
        )


@pytest.fixture
def lengkap(make_tenant) -> DinasLengkap:
    dinas = make_tenant("lengkap")
    sd = dinas.sekolah("40000001", "SD Negeri Satu")
    smp = dinas.sekolah("40000002", "SMP Negeri Dua", jenjang="SMP")
    kadis = dinas.orang("Kepala Dinas", nip="197204151998031003")
    ks_sd = dinas.orang("KS SD", "guru", nip="197811202003122002", sekolah_id=sd)
    ks_smp = dinas.orang("KS SMP", "guru", nip="197605102000031004", sekolah_id=smp)
    guru_sd = dinas.orang("Guru SD", "guru", nip="198503122010012001", sekolah_id=sd)
    guru_smp = dinas.orang("Guru SMP", "guru", nip="198807172014022003", sekolah_id=smp)
    for orang, sekolah in ((ks_sd, sd), (ks_smp, smp), (guru_sd, sd), (guru_smp, smp)):
        tempatkan(dinas, orang, sekolah)
    jabat(dinas, kadis, "kepala_dinas")
    jabat(dinas, ks_sd, "kepala_sekolah", sd)
    jabat(dinas, ks_smp, "kepala_sekolah", smp)
    return DinasLengkap(
        dinas, f"admin@{dinas.slug}.test", kadis, sd, smp, ks_sd, ks_smp, guru_sd, guru_smp
    )


@pytest.fixture
def masuk(browser):
    """A signed-in client of the dinas for a username."""

    def make(lengkap: DinasLengkap, username: str):
        client = browser(lengkap.dinas.host)
        assert client.login(username).status_code == 303, username
        return client

    return make
