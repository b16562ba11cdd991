"""S3 fixtures for the integration tests: an endpoint for the session and a fresh bucket per test.

Set S3_TEST_ENDPOINT_URL (and S3_TEST_ACCESS_KEY / S3_TEST_SECRET_KEY) to run the same tests
against a real MinIO; otherwise moto's S3 server is started in-process on a free port.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from uuid import uuid4

import boto3
import pytest
from botocore.client import BaseClient, Config


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    if url := os.environ.get("S3_TEST_ENDPOINT_URL"):
        yield url
        return
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    # moto's werkzeug logs every request, which would bury a failing test's own output.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture(scope="session")
def s3_credentials() -> tuple[str, str]:
    # moto accepts any non-empty pair; a real MinIO needs its own.
    return (
        os.environ.get("S3_TEST_ACCESS_KEY", "kinerja-test"),
        os.environ.get("S3_TEST_SECRET_KEY", "kinerja-test-secret"),
    )


@pytest.fixture(scope="session")
def s3_client(s3_endpoint: str, s3_credentials: tuple[str, str]) -> BaseClient:
    access_key, secret_key = s3_credentials
    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


@pytest.fixture
def s3_bucket(s3_client: BaseClient) -> Iterator[str]:
    bucket = f"kinerja-test-{uuid4().hex[:16]}"
    s3_client.create_bucket(Bucket=bucket)
    yield bucket
    # A failing test may leave objects or open uploads; a bucket must be empty to go.
    for page in s3_client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            s3_client.delete_object(Bucket=bucket, Key=obj["Key"])
    uploads = s3_client.list_multipart_uploads(Bucket=bucket).get("Uploads", [])
    for upload in uploads:
        s3_client.abort_multipart_upload(
            Bucket=bucket, Key=upload["Key"], UploadId=upload["UploadId"]
        )
    s3_client.delete_bucket(Bucket=bucket)
