"""The database handle, its pool, and the one transaction every request runs in.

Models bind to `db` (a proxy) at import time; `init_app` points it at a pooled PostgreSQL
database. A request opens a transaction before anything else, `tenants` binds the dinas schema
to it with a transaction-local search_path, and the transaction commits only when the response
is a success (status < 400). Nothing about a tenant outlives the transaction, so a pooled
connection (or PgBouncer in transaction mode) never carries one dinas into another's request.

Scripts, CLI commands and jobs use `tenant_transaction(schema)` for the same guarantee.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flask import Flask, Response, g, has_request_context, request
from peewee import DatabaseProxy
from playhouse.db_url import parse as parse_database_url
from playhouse.pool import PooledPostgresqlDatabase

db = DatabaseProxy()
logger = logging.getLogger(__name__)

SCHEMA_NAME = re.compile(r"^dinas_[a-z][a-z0-9_]{1,39}$")


def make_database(url: str, *, pool_size: int = 8) -> PooledPostgresqlDatabase:
    params = parse_database_url(url)
    name = params.pop("database")
    return PooledPostgresqlDatabase(
        name,
        max_connections=pool_size,
        stale_timeout=300,
        timeout=10,  # wait this long for a free connection before failing the request
        # Server-side prepared statements break behind PgBouncer in transaction mode, and gain
        # little here: the search_path changes with nearly every transaction.
        prepare_threshold=None,
        **params,
    )


def schema_for(slug: str) -> str:
    """The schema of a dinas: `kab-bogor` → `dinas_kab_bogor` (slugs never hold underscores)."""
    return "dinas_" + slug.replace("-", "_")


def search_path_for(schema: str) -> str:
    """The search_path of a dinas: its own schema first, the platform's after it."""
    if not SCHEMA_NAME.match(schema):
        raise ValueError(f"bukan nama skema dinas yang sah: {schema!r}")
    return f'"{schema}", public'


def bind_schema(schema: str) -> None:
    """Point the *current transaction* at a dinas schema.

    `set_config(..., true)` is `SET LOCAL`: it ends with the transaction. A plain `SET` would
    stay on the pooled connection and leak to the next request (reproduced in RECIPES.md).
    """
    if not db.in_transaction():
        raise RuntimeError("bind_schema() needs an open transaction")
    db.execute_sql("SELECT set_config('search_path', %s, true)", (search_path_for(schema),))


@contextmanager
def tenant_transaction(schema: str) -> Iterator[None]:
    """Run a block of work for one dinas outside a request (CLI, jobs, tests)."""
    with db.connection_context(), db.atomic():
        bind_schema(schema)
        yield


def after_request_ends(fn: Callable[[], None]) -> None:
    """Run `fn` in a transaction of its own once the request's transaction has ended.

    For the few facts that must be kept even when the response is an error and the request's
    own work is rolled back, such as a failed sign-in counting towards the slowdown. The
    request's dinas is bound again for it.
    """
    g.setdefault("_after_request_ends", []).append(fn)


def if_rolled_back(fn: Callable[[], None]) -> None:
    """Run `fn` if the request's transaction does not commit: an error status, an exception, or
    a failed commit. For work outside the database that must not outlive the rows describing it,
    such as an uploaded object whose row is rolled back. Outside a request it does nothing: the
    caller's own transaction handling applies."""
    if has_request_context():
        g.setdefault("_if_rolled_back", []).append(fn)


def _undo_outside_work() -> None:
    for fn in g.pop("_if_rolled_back", []):
        try:
            fn()
        except Exception:  # one failed clean-up must not stop the others or the response
            logger.exception("clean-up after a rolled-back request failed")


def init_app(app: Flask) -> None:
    db.initialize(make_database(app.config["DATABASE_URL"], pool_size=app.config["DB_POOL_SIZE"]))

    @app.before_request
    def begin_request_transaction() -> None:
        if _skips_database():
            return
        db.connect(reuse_if_open=True)
        db.session_start()
        g._in_request_transaction = True

    @app.after_request
    def finish_request_transaction(response: Response) -> Response:
        if g.pop("_in_request_transaction", False):
            if response.status_code < 400:
                db.session_commit()
                g.pop("_if_rolled_back", None)
            else:
                db.session_rollback()
        return response

    @app.teardown_request
    def release_connection(exc: BaseException | None) -> None:
        if g.pop("_in_request_transaction", False):
            # An exception escaped before after_request could decide.
            db.session_rollback()
        _undo_outside_work()  # whatever did not commit
        deferred = g.pop("_after_request_ends", [])
        tenant = g.get("tenant")
        try:
            for fn in deferred:
                with db.atomic():
                    if tenant is not None:
                        bind_schema(tenant.schema)
                    fn()
        finally:
            if not db.is_closed():
                db.close()


def restart_request_transaction() -> None:
    """Start the request's transaction afresh after a database error broke it.

    The error page still needs the signed-in user and the tenant, and PostgreSQL refuses every
    statement in an aborted transaction. The new transaction is rolled back at the end as well.
    """
    if not g.get("_in_request_transaction"):
        return
    db.session_rollback()
    db.session_start()
    tenant = g.get("tenant")
    if tenant is not None:
        bind_schema(tenant.schema)


def _skips_database() -> bool:
    return request.endpoint == "static_file"
