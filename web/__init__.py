"""Kinerja: performance management of guru and kepala sekolah, one dinas per subdomain.

`create_app()` builds the app from the environment (see web/config.py); tests pass a mapping
instead. A request goes: open the transaction (db) → resolve the dinas from the Host and bind its
schema (tenants) → check access (auth) → the view → commit or roll back (db).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask, g
from flask_compress import Compress
from flask_wtf.csrf import CSRFProtect

from web.config import SETTINGS, load_settings

csrf = CSRFProtect()
compress = Compress()


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    source = os.environ if config is None else config
    settings = load_settings(source)

    app = Flask(__name__, static_folder=None)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.config.update(settings.as_flask_config())
    app.config.update(
        SESSION_COOKIE_NAME="kinerja_sesi",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # Teachers leave a form open for hours; the token lives as long as the session.
        WTF_CSRF_TIME_LIMIT=None,
        WTF_CSRF_HEADERS=["X-CSRFToken"],
        COMPRESS_ALGORITHM=["gzip"],
        COMPRESS_MIN_SIZE=400,
        MAX_CONTENT_LENGTH=11 * 1024 * 1024,
    )
    if config is not None:  # tests add Flask settings of their own (TESTING, …)
        known = {setting.name for setting in SETTINGS}
        app.config.update({k: v for k, v in config.items() if k not in known})

    from tenants import cli as tenants_cli
    from tenants import resolve
    from web import assets, auth, db, errors, nav, storage, tampilan
    from web.blueprints import auth as auth_bp
    from web.blueprints import beranda, berkas, bukti, dinas, evaluasi, operator, siklus, skp
    from web.forms import input_attrs

    # Order matters: the transaction, then the dinas, then access.
    db.init_app(app)
    resolve.init_app(app)
    auth.init_app(app)
    csrf.init_app(app)
    compress.init_app(app)
    assets.init_app(app)
    errors.init_app(app)
    nav.init_app(app)
    tampilan.init_app(app)
    app.extensions["storage"] = storage.storage_from_settings(
        backend=settings.STORAGE,
        evidence_dir=settings.EVIDENCE_DIR,
        secret=settings.SECRET_KEY,
        s3_bucket=settings.S3_BUCKET,
        s3_endpoint_url=settings.S3_ENDPOINT_URL,
        s3_region=settings.S3_REGION,
        s3_access_key=settings.S3_ACCESS_KEY_ID,
        s3_secret_key=settings.S3_SECRET_ACCESS_KEY,
    )

    app.register_blueprint(auth_bp.bp)
    app.register_blueprint(beranda.bp)
    app.register_blueprint(operator.bp)
    app.register_blueprint(berkas.bp)
    app.register_blueprint(dinas.bp)
    app.register_blueprint(skp.bp)
    app.register_blueprint(siklus.bp)
    app.register_blueprint(bukti.bp)
    app.register_blueprint(evaluasi.bp)
    tenants_cli.init_app(app)

    app.add_template_global(input_attrs)

    @app.context_processor
    def shell_context() -> dict[str, Any]:
        return {"tenant": g.get("tenant")}

    return app


__all__ = ["create_app", "csrf"]
