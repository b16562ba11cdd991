"""`tenants migrate`: idempotent, a fast path when nothing is pending, and safe after a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tenants.migrate import TENANT_MIGRATIONS, applied_by_schema, migrate_all, migrate_schema
from web.db import db, tenant_transaction

FAILING = """
import os


def up(migrator, db):
    db.execute_sql("CREATE TABLE catatan_uji (id serial PRIMARY KEY)")
    schema = db.execute_sql("SELECT current_schema()").fetchone()[0]
    if schema == os.environ.get("KINERJA_UJI_GAGAL"):
        raise RuntimeError("listrik padam di tengah migrasi")
"""


@pytest.fixture
def extra_migration(tmp_path: Path) -> Path:
    directory = tmp_path / "tenant"
    shutil.copytree(TENANT_MIGRATIONS, directory)
    (directory / "0999_catatan_uji.py").write_text(FAILING)
    return directory


def _has_table(schema: str, table: str) -> bool:
    with db.connection_context():
        return (
            db.execute_sql("SELECT to_regclass(%s)", (f'"{schema}".{table}',)).fetchone()[0]
            is not None
        )


def test_migrate_is_idempotent_and_takes_the_fast_path(app, make_tenant):
    make_tenant()
    lines: list[str] = []
    with app.app_context():
        assert migrate_all(echo=lines.append) == 0
    assert lines[0] == "Platform: mutakhir."
    assert lines[1].startswith("Semua ") and lines[1].endswith(" dinas sudah mutakhir.")

    result = app.test_cli_runner().invoke(args=["tenants", "migrate"])
    assert result.exit_code == 0
    assert "sudah mutakhir" in result.output


def test_migrate_finishes_after_a_crash_half_way(app, make_tenant, extra_migration, monkeypatch):
    first, second, third = make_tenant("mig"), make_tenant("mig"), make_tenant("mig")
    monkeypatch.setenv("KINERJA_UJI_GAGAL", second.schema)
    lines: list[str] = []

    with pytest.raises(RuntimeError, match="listrik padam"):
        migrate_all(echo=lines.append, tenant_dir=extra_migration)

    # The crash rolled back only the dinas it hit: the earlier one is done, none is half-done.
    assert _has_table(first.schema, "catatan_uji")
    assert not _has_table(second.schema, "catatan_uji")
    with db.connection_context():
        applied = applied_by_schema([first.schema, second.schema, third.schema])
    assert "0999_catatan_uji" in applied[first.schema]
    assert "0999_catatan_uji" not in applied[second.schema]
    assert any(f"] {first.schema}: 0999_catatan_uji" in line for line in lines)

    monkeypatch.delenv("KINERJA_UJI_GAGAL")
    lines.clear()
    migrate_all(echo=lines.append, tenant_dir=extra_migration)
    assert all(_has_table(d.schema, "catatan_uji") for d in (first, second, third))
    assert any(f"] {first.schema}: mutakhir" in line for line in lines)
    assert any(f"] {second.schema}: 0999_catatan_uji" in line for line in lines)
    assert all(line.startswith("[") for line in lines[1:])  # [n/N] progress on every dinas

    lines.clear()
    migrate_all(echo=lines.append, tenant_dir=extra_migration)
    assert lines[-1].endswith("dinas sudah mutakhir.")


def test_a_dinas_left_at_an_older_version_is_brought_up(app, make_tenant):
    dinas = make_tenant()
    with tenant_transaction(dinas.schema):
        db.execute_sql("DELETE FROM schema_migration WHERE name LIKE %s", ("0002%",))
        db.execute_sql("DELETE FROM pangkat_golongan")
    with app.app_context():
        migrate_all(slug=dinas.slug, echo=lambda line: None)
    with tenant_transaction(dinas.schema):
        assert db.execute_sql("SELECT count(*) FROM pangkat_golongan").fetchone()[0] > 10


def test_migrate_schema_keeps_tables_out_of_public(app, make_tenant):
    dinas = make_tenant()
    assert _has_table(dinas.schema, "pegawai")
    assert not _has_table("public", "pegawai")
    with db.connection_context(), db.atomic():
        assert migrate_schema(dinas.schema) == []
