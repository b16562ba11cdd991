"""Schema migrations: the platform's (public) and every dinas's own.

Migrations are numbered files run by peewee's `Runner`; each schema keeps its own history table.
A schema is migrated in one transaction holding an advisory lock, with its search_path bound, so
a crash half-way leaves every dinas either fully at the old version or fully at the new one, and
running the command again carries on where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from playhouse.migrations import Migration, Runner

from web.db import bind_schema, db
from web.models import Tenant

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
PLATFORM_MIGRATIONS = MIGRATIONS / "platform"
TENANT_MIGRATIONS = MIGRATIONS / "tenant"
HISTORY_TABLE = "schema_migration"


def _lock(name: str) -> None:
    db.execute_sql("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"kinerja:migrate:{name}",))


def _names(directory: Path) -> list[str]:
    return [m.name for m in Migration.load_directory(str(directory))]


def migrate_platform(directory: Path = PLATFORM_MIGRATIONS) -> list[str]:
    with db.atomic():
        _lock("public")
        return Runner(db, str(directory), table_name=HISTORY_TABLE, schema="public").up()


def migrate_schema(schema: str, directory: Path = TENANT_MIGRATIONS) -> list[str]:
    """Apply the pending migrations of one dinas schema. Nests inside an outer transaction."""
    with db.atomic():
        _lock(schema)
        bind_schema(schema)
        return Runner(db, str(directory), table_name=HISTORY_TABLE, schema=schema).up()


def applied_by_schema(schemas: Sequence[str]) -> dict[str, set[str]]:
    """Every schema's applied migration names, in one round trip (the fast path)."""
    if not schemas:
        return {}
    present = {
        row[0]
        for row in db.execute_sql(
            "SELECT table_schema FROM information_schema.tables"
            " WHERE table_name = %s AND table_schema = ANY(%s)",
            (HISTORY_TABLE, list(schemas)),
        )
    }
    applied: dict[str, set[str]] = {schema: set() for schema in schemas}
    if present:
        union = " UNION ALL ".join(
            f'SELECT %s, name FROM "{schema}".{HISTORY_TABLE}' for schema in sorted(present)
        )
        for schema, name in db.execute_sql(union, sorted(present)):
            applied[schema].add(name)
    return applied


def migrate_all(
    *,
    slug: str | None = None,
    echo: Callable[[str], None] = print,
    platform_dir: Path = PLATFORM_MIGRATIONS,
    tenant_dir: Path = TENANT_MIGRATIONS,
) -> int:
    """Platform first, then each dinas (or just `slug`). Returns how many migrations ran."""
    ran = migrate_platform(platform_dir)
    echo(f"Platform: {len(ran)} migrasi dijalankan." if ran else "Platform: mutakhir.")

    query = Tenant.select().order_by(Tenant.slug)
    if slug is not None:
        query = query.where(Tenant.slug == slug)
    tenants = list(query)
    if slug is not None and not tenants:
        raise LookupError(f"Dinas '{slug}' tidak ada.")

    wanted = set(_names(tenant_dir))
    applied = applied_by_schema([t.schema for t in tenants])
    behind = [t for t in tenants if wanted - applied[t.schema]]
    if not behind:
        echo(f"Semua {len(tenants)} dinas sudah mutakhir.")
        return len(ran)

    total = len(ran)
    for index, tenant in enumerate(tenants, start=1):
        prefix = f"[{index}/{len(tenants)}] {tenant.schema}"
        if tenant not in behind:
            echo(f"{prefix}: mutakhir")
            continue
        names = migrate_schema(tenant.schema, tenant_dir)
        total += len(names)
        echo(f"{prefix}: {', '.join(names) if names else 'mutakhir'}")
    return total
