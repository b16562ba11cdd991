"""Settings read from the environment and checked once, at start.

Used by `create_app` (and by the CLI through it). A missing or malformed setting stops the app
with a message that names the setting, so an operator never has to guess from a stack trace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message names it."""


def _text(value: str) -> str:
    return value


def _database_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ValueError("harus berupa URL postgresql://…")
    return value


_HOST = re.compile(
    r"^(?=.{1,200}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"
)


def _domain(value: str) -> str:
    value = value.strip().lower()
    if not _HOST.match(value):
        raise ValueError("harus berupa nama domain, mis. kinerja.example.id (tanpa port)")
    return value


def _secret(value: str) -> str:
    if len(value) < 32:
        raise ValueError("minimal 32 karakter acak")
    return value


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError("harus bilangan bulat positif")
    return number


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "ya"}:
        return True
    if lowered in {"0", "false", "no", "tidak", ""}:
        return False
    raise ValueError("harus 1/0 atau true/false")


def _storage(value: str) -> str:
    if value not in {"local", "s3"}:
        raise ValueError("harus 'local' atau 's3'")
    return value


_REQUIRED = object()


@dataclass(frozen=True)
class Setting:
    name: str
    parse: Callable[[str], Any]
    default: Any = _REQUIRED
    help: str = ""


# The table the README documents; keep the two in step.
SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", _database_url, help="PostgreSQL 15+: postgresql://user:pass@host/db"),
    Setting("BASE_DOMAIN", _domain, help="apex domain; each dinas is <slug>.BASE_DOMAIN"),
    Setting("SECRET_KEY", _secret, help="signs sessions, CSRF tokens and download links"),
    Setting("STORAGE", _storage, "local", "where evidence files go: local or s3"),
    Setting("EVIDENCE_DIR", _text, None, "folder for evidence when STORAGE=local"),
    Setting("S3_BUCKET", _text, None, "bucket for evidence when STORAGE=s3"),
    Setting("S3_ENDPOINT_URL", _text, None, "S3-compatible endpoint (empty: AWS)"),
    Setting("S3_REGION", _text, "us-east-1", "S3 region"),
    Setting("S3_ACCESS_KEY_ID", _text, None, "S3 access key"),
    Setting("S3_SECRET_ACCESS_KEY", _text, None, "S3 secret key"),
    Setting("DB_POOL_SIZE", _positive_int, 8, "connections kept per process"),
    Setting("SESSION_COOKIE_SECURE", _bool, False, "1 when served over HTTPS"),
)


@dataclass(frozen=True)
class Settings:
    DATABASE_URL: str
    BASE_DOMAIN: str
    SECRET_KEY: str
    STORAGE: str
    EVIDENCE_DIR: str | None
    S3_BUCKET: str | None
    S3_ENDPOINT_URL: str | None
    S3_REGION: str
    S3_ACCESS_KEY_ID: str | None
    S3_SECRET_ACCESS_KEY: str | None
    DB_POOL_SIZE: int
    SESSION_COOKIE_SECURE: bool

    def as_flask_config(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def load_settings(source: Mapping[str, Any]) -> Settings:
    """Parse every known setting from `source`; report all problems at once."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for setting in SETTINGS:
        raw = source.get(setting.name)
        if raw is None or raw == "":
            if setting.default is _REQUIRED:
                problems.append(f"{setting.name} belum diisi ({setting.help})")
            else:
                values[setting.name] = setting.default
            continue
        if not isinstance(raw, str):
            values[setting.name] = raw
            continue
        try:
            values[setting.name] = setting.parse(raw)
        except ValueError as error:
            problems.append(f"{setting.name} tidak valid: {error}")

    if not problems:
        if values["STORAGE"] == "local" and not values["EVIDENCE_DIR"]:
            problems.append("EVIDENCE_DIR belum diisi (wajib bila STORAGE=local)")
        if values["STORAGE"] == "s3" and not values["S3_BUCKET"]:
            problems.append("S3_BUCKET belum diisi (wajib bila STORAGE=s3)")
    if problems:
        raise ConfigError("Konfigurasi tidak lengkap:\n  - " + "\n  - ".join(problems))
    return Settings(**values)
