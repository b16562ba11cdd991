"""Evidence store: where the files a pegawai attaches to an SKP or a reflection end up.

Services put, open, link and delete evidence through the `Storage` interface and never learn
which backend sits behind it: `LocalStorage` (a folder, for the embedded default; its links are
signed tokens that a download view turns back into a key with `resolve`) or `S3Storage` (any
S3-compatible endpoint, for production; its links are presigned URLs). `storage_from_settings`
picks one from the app configuration.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO, Protocol, cast
from urllib.parse import quote
from uuid import uuid4

import boto3
from botocore.client import BaseClient, Config
from botocore.exceptions import ClientError
from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer

CHUNK = 64 * 1024
PART = 8 * 1024 * 1024  # S3 refuses parts below 5 MiB except the last one

_SCHEMA = re.compile(r"[a-z][a-z0-9_]{1,60}")
_KIND = re.compile(r"[a-z][a-z0-9_-]{0,40}")
_KEY = re.compile(rf"{_SCHEMA.pattern}/{_KIND.pattern}/[0-9a-f]{{32}}")


class StorageError(Exception):
    pass


class TooLarge(StorageError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} bytes")
        self.limit = limit


class NotFound(StorageError):
    pass


class BadLink(StorageError):
    pass


class LinkExpired(BadLink):
    pass


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    sha256: str


def make_key(schema: str, kind: str) -> str:
    if not _SCHEMA.fullmatch(schema):
        raise ValueError(f"bad schema name: {schema!r}")
    if not _KIND.fullmatch(kind):
        raise ValueError(f"bad object kind: {kind!r}")
    return f"{schema}/{kind}/{uuid4().hex}"


def _checked(key: str) -> str:
    # Keys come from make_key only; anything else (`..`, a user's filename) is a bug or an attack.
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a storage key: {key!r}")
    return key


def content_disposition(filename: str) -> str:
    """`attachment` header value per RFC 6266: an ASCII fallback plus the UTF-8 `filename*`."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1] or "berkas"
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = "".join(c for c in ascii_name if c.isprintable() and c not in '"%') or "berkas"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


class Storage(Protocol):
    def put(
        self, key: str, stream: BinaryIO, *, content_type: str, max_bytes: int | None = None
    ) -> StoredObject: ...

    def open(self, key: str) -> BinaryIO: ...

    def url(
        self,
        key: str,
        *,
        ttl: int = 300,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> str: ...

    def delete(self, key: str) -> None: ...

    def exists(self, key: str) -> bool: ...


class _Meter:
    """Reads a stream in chunks, counting and hashing, and stops at the first byte over the cap."""

    def __init__(self, stream: BinaryIO, max_bytes: int | None) -> None:
        self.stream, self.max_bytes = stream, max_bytes
        self.size, self.digest = 0, hashlib.sha256()

    def chunks(self) -> Iterator[bytes]:
        while chunk := self.stream.read(CHUNK):
            self.size += len(chunk)
            if self.max_bytes is not None and self.size > self.max_bytes:
                raise TooLarge(self.max_bytes)
            self.digest.update(chunk)
            yield chunk

    def stored(self, key: str) -> StoredObject:
        return StoredObject(key, self.size, self.digest.hexdigest())


class LocalStorage:
    def __init__(self, root: Path, secret: str, url_prefix: str = "/berkas/") -> None:
        self.root = Path(root)
        self.url_prefix = url_prefix
        self._links = URLSafeTimedSerializer(secret, salt="kinerja-berkas")

    def _path(self, key: str) -> Path:
        return self.root / _checked(key)

    def put(
        self, key: str, stream: BinaryIO, *, content_type: str, max_bytes: int | None = None
    ) -> StoredObject:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        meter = _Meter(stream, max_bytes)
        # Same folder as the target, so os.replace is an atomic rename on one filesystem.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in meter.chunks():
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return meter.stored(key)

    def open(self, key: str) -> BinaryIO:
        try:
            return self._path(key).open("rb")
        except FileNotFoundError:
            raise NotFound(key) from None

    def url(
        self,
        key: str,
        *,
        ttl: int = 300,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> str:
        token = self._links.dumps({"k": _checked(key), "f": filename, "t": content_type, "e": ttl})
        return self.url_prefix + token

    def resolve(self, token: str) -> tuple[str, str | None, str | None]:
        """Turns a link made by `url` back into (key, filename, content_type)."""
        try:
            data = self._links.loads(token)
            # The ttl travels inside the signed token, so it is known only after a first check.
            self._links.loads(token, max_age=data["e"])
        except SignatureExpired:
            raise LinkExpired("link expired") from None
        except BadData:
            raise BadLink("link invalid") from None
        return _checked(data["k"]), data["f"], data["t"]

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()


class S3Storage:
    def __init__(
        self,
        bucket: str,
        *,
        endpoint_url: str | None,
        region: str = "us-east-1",
        access_key: str | None = None,
        secret_key: str | None = None,
        client: BaseClient | None = None,
    ) -> None:
        self.bucket = bucket
        self.client = client or boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                # Not every S3-compatible server accepts the CRC trailers boto3 adds by default.
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            ),
        )

    def put(
        self, key: str, stream: BinaryIO, *, content_type: str, max_bytes: int | None = None
    ) -> StoredObject:
        _checked(key)
        meter = _Meter(stream, max_bytes)
        parts = _parts(meter.chunks(), PART)
        first = next(parts)
        if len(first) < PART:
            self.client.put_object(
                Bucket=self.bucket, Key=key, Body=first, ContentType=content_type
            )
            return meter.stored(key)

        upload = self.client.create_multipart_upload(
            Bucket=self.bucket, Key=key, ContentType=content_type
        )["UploadId"]
        try:
            done = []
            for number, part in enumerate(chain([first], parts), start=1):
                etag = self.client.upload_part(
                    Bucket=self.bucket, Key=key, UploadId=upload, PartNumber=number, Body=part
                )["ETag"]
                done.append({"ETag": etag, "PartNumber": number})
            self.client.complete_multipart_upload(
                Bucket=self.bucket, Key=key, UploadId=upload, MultipartUpload={"Parts": done}
            )
        except BaseException:
            # An open upload keeps its parts (and their cost) forever and is invisible to listings.
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload)
            raise
        return meter.stored(key)

    def open(self, key: str) -> BinaryIO:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=_checked(key))
        except ClientError as e:
            if _missing(e):
                raise NotFound(key) from None
            raise
        return cast(BinaryIO, response["Body"])

    def url(
        self,
        key: str,
        *,
        ttl: int = 300,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> str:
        params = {"Bucket": self.bucket, "Key": _checked(key)}
        if filename is not None:
            params["ResponseContentDisposition"] = content_disposition(filename)
        if content_type is not None:
            params["ResponseContentType"] = content_type
        return self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=ttl)

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=_checked(key))

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=_checked(key))
        except ClientError as e:
            if _missing(e):
                return False
            raise
        return True


def _parts(chunks: Iterator[bytes], size: int) -> Iterator[bytes]:
    """Regroups chunks into parts of exactly `size` bytes, the last one shorter (maybe empty)."""
    buffer = bytearray()
    full = False
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= size:
            full = True
            yield bytes(buffer[:size])
            del buffer[:size]
    if buffer or not full:
        yield bytes(buffer)


def _missing(error: ClientError) -> bool:
    # head_object has no body, so S3 reports a bare status code there instead of NoSuchKey.
    return error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}


def storage_from_settings(
    *,
    backend: str,
    evidence_dir: str | None,
    secret: str,
    s3_bucket: str | None,
    s3_endpoint_url: str | None,
    s3_region: str,
    s3_access_key: str | None,
    s3_secret_key: str | None,
) -> Storage:
    if backend == "local":
        if not evidence_dir:
            raise ValueError("the local evidence store needs an evidence folder")
        return LocalStorage(Path(evidence_dir), secret)
    if backend == "s3":
        if not s3_bucket:
            raise ValueError("the S3 evidence store needs a bucket name")
        return S3Storage(
            s3_bucket,
            endpoint_url=s3_endpoint_url,
            region=s3_region,
            access_key=s3_access_key,
            secret_key=s3_secret_key,
        )
    raise ValueError(f"unknown storage backend: {backend!r}")
