"""Static files under fingerprinted URLs, so browsers and nginx may cache them for a year.

`asset_url("css/app.css")` gives `/static/<hash>/css/app.css`; the hash changes whenever the file
does. A stale hash still serves the current file, briefly cached, so a page rendered just before a
deploy does not lose its styles.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from flask import Flask, abort, send_from_directory, url_for
from flask.wrappers import Response
from werkzeug.security import safe_join

from web.auth import public

STATIC = Path(__file__).resolve().parent / "static"
YEAR = 365 * 24 * 3600


@cache
def fingerprint(filename: str) -> str:
    return hashlib.sha256((STATIC / filename).read_bytes()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    return url_for("static_file", fp=fingerprint(filename), filename=filename)


@public(hosts="any")
def static_file(fp: str, filename: str) -> Response:
    path = safe_join(str(STATIC), filename)
    if path is None or not Path(path).is_file():
        abort(404)
    current = fp == fingerprint(filename)
    response = send_from_directory(STATIC, filename, max_age=YEAR if current else 60)
    if current:
        response.cache_control.immutable = True
    return response


def init_app(app: Flask) -> None:
    app.add_url_rule("/static/<fp>/<path:filename>", "static_file", static_file)
    app.add_template_global(asset_url)
