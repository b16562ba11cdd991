"""`flask tenants …` and `flask operators …` as an operator types them."""

from __future__ import annotations

import re

import pytest

from tenants import provision
from web.db import db, tenant_transaction
from web.models import Akun, PangkatGolongan, Pegawai, Tenant


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=list(args))


def test_create_provisions_schema_base_data_and_admin(cli, browser):
    result = cli(
        "tenants",
        "create",
        "kab-cli",
        "--name",
        "Dinas Pendidikan Kab. CLI",
        "--kind",
        "kabupaten",
        "--admin-email",
        "Admin@Kab-CLI.test",
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"dibuat dalam \d+\.\d\d s", result.output)
    password = re.search(r"Kata sandi: (\S+)", result.output).group(1)

    with tenant_transaction("dinas_kab_cli"):
        assert PangkatGolongan.get_by_id("III/c").jenjang_jabatan == "Ahli Muda"
        admin = Pegawai.get(Pegawai.email == "admin@kab-cli.test")
        assert admin.peran == ["admin_dinas"]
        assert Akun.get(Akun.pegawai == admin).password_hash.startswith("$argon2")
    assert browser("kab-cli.kinerja.test").login("admin@kab-cli.test", password).status_code == 303

    listing = cli("tenants", "list").output
    assert re.search(r"kab-cli\s+kabupaten\s+aktif\s+Dinas Pendidikan Kab. CLI", listing)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["demo-dup"], "sudah ada"),
        (["Huruf_Besar"], "Slug hanya huruf kecil"),
        (["kab-x", "--kind", "desa"], "Invalid value for '--kind'"),
    ],
)
def test_create_refuses_bad_input_and_changes_nothing(cli, args, message):
    if args == ["demo-dup"]:
        assert (
            cli(
                "tenants",
                "create",
                "demo-dup",
                "--name",
                "A",
                "--kind",
                "kota",
                "--admin-email",
                "a@a.test",
            ).exit_code
            == 0
        )
    base = ["tenants", "create", args[0], "--name", "Dinas", "--admin-email", "a@b.test"]
    extra = args[1:] or ["--kind", "kota"]
    before = _snapshot()
    result = cli(*base, *extra)
    assert result.exit_code != 0
    assert message in result.output
    assert _snapshot() == before


def test_a_failure_during_create_leaves_neither_schema_nor_row(cli, monkeypatch):
    def broken(password: str) -> str:
        raise RuntimeError("hash gagal")

    monkeypatch.setattr(provision, "hash_password", broken)
    before = _snapshot()
    result = cli(
        "tenants",
        "create",
        "kab-gagal",
        "--name",
        "X",
        "--kind",
        "kota",
        "--admin-email",
        "a@b.test",
    )
    assert result.exit_code != 0
    assert _snapshot() == before


def test_migrate_suspend_and_resume_name_unknown_dinas(cli):
    for args in (
        ["tenants", "migrate", "--slug", "tidak-ada"],
        ["tenants", "suspend", "tidak-ada"],
        ["tenants", "resume", "tidak-ada"],
    ):
        result = cli(*args)
        assert result.exit_code == 2
        assert "Dinas 'tidak-ada' tidak ada." in result.output


def test_migrate_one_dinas_reports_progress(cli, make_tenant):
    dinas = make_tenant()
    result = cli("tenants", "migrate", "--slug", dinas.slug)
    assert result.exit_code == 0
    assert "Platform: mutakhir." in result.output
    assert "Semua 1 dinas sudah mutakhir." in result.output


def test_operators_create_refuses_a_duplicate(cli):
    assert cli("operators", "create", "dup@kinerja.test", "--name", "A").exit_code == 0
    result = cli("operators", "create", "DUP@kinerja.test", "--name", "B")
    assert result.exit_code == 2 and "sudah ada" in result.output


def _snapshot() -> tuple[list[str], list[str]]:
    with db.connection_context():
        schemas = [
            r[0]
            for r in db.execute_sql(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s ORDER BY 1", ("dinas%",)
            )
        ]
        return schemas, [t.slug for t in Tenant.select().order_by(Tenant.slug)]
