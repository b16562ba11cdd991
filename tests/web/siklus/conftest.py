"""Fixtures of the cycle's web tests: the evidence store each upload test runs against."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from tests.integration.conftest import (  # noqa: F401  (fixtures)
    s3_bucket,
    s3_client,
    s3_credentials,
    s3_endpoint,
)
from tests.integration.test_storage import held
from web.storage import S3Storage, Storage


@pytest.fixture(params=["lokal", "s3"])
def penyimpanan(request: pytest.FixtureRequest, app: Flask) -> Iterator[Storage]:
    """The app's evidence store for one test: its own local folder, or an S3Storage on a fresh
    bucket of the S3 test server; the app's own store is put back afterwards."""
    asli = app.extensions["storage"]
    if request.param == "s3":
        access_key, secret_key = request.getfixturevalue("s3_credentials")
        app.extensions["storage"] = S3Storage(
            request.getfixturevalue("s3_bucket"),
            endpoint_url=request.getfixturevalue("s3_endpoint"),
            access_key=access_key,
            secret_key=secret_key,
        )
    try:
        yield app.extensions["storage"]
    finally:
        app.extensions["storage"] = asli


def tersimpan(store: Storage, schema: str) -> set[str]:
    """What the store holds for this dinas: objects, half-written files, unfinished uploads."""
    return {k for k in held(store) if k.removeprefix("upload:").startswith(schema + "/")}
