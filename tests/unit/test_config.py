"""Settings are checked at start and every problem names its setting."""

from __future__ import annotations

import pytest

from web.config import ConfigError, load_settings

GOOD = {
    "DATABASE_URL": "postgresql://kinerja@127.0.0.1/kinerja",
    "BASE_DOMAIN": "kinerja.example.id",
    "SECRET_KEY": "s" * 40,
    "EVIDENCE_DIR": "/srv/bukti",
}


def test_good_settings_parse_with_defaults():
    settings = load_settings(GOOD)
    assert settings.STORAGE == "local"
    assert settings.DB_POOL_SIZE == 8
    assert settings.SESSION_COOKIE_SECURE is False


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"DATABASE_URL": None}, "DATABASE_URL belum diisi"),
        ({"DATABASE_URL": "mysql://x/y"}, "DATABASE_URL tidak valid"),
        ({"BASE_DOMAIN": ""}, "BASE_DOMAIN belum diisi"),
        ({"BASE_DOMAIN": "kinerja.id:5000"}, "BASE_DOMAIN tidak valid"),
        ({"SECRET_KEY": "pendek"}, "SECRET_KEY tidak valid: minimal 32"),
        ({"DB_POOL_SIZE": "nol"}, "DB_POOL_SIZE tidak valid"),
        ({"DB_POOL_SIZE": "0"}, "DB_POOL_SIZE tidak valid"),
        ({"SESSION_COOKIE_SECURE": "mungkin"}, "SESSION_COOKIE_SECURE tidak valid"),
        ({"STORAGE": "ftp"}, "STORAGE tidak valid"),
        ({"EVIDENCE_DIR": None}, "EVIDENCE_DIR belum diisi (wajib bila STORAGE=local)"),
        ({"STORAGE": "s3"}, "S3_BUCKET belum diisi (wajib bila STORAGE=s3)"),
    ],
)
def test_a_missing_or_malformed_setting_is_named(change, named):
    source = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    with pytest.raises(ConfigError, match=named.replace("(", r"\(").replace(")", r"\)")):
        load_settings(source)


def test_all_problems_are_reported_at_once():
    with pytest.raises(ConfigError) as caught:
        load_settings({})
    message = str(caught.value)
    for name in ("DATABASE_URL", "BASE_DOMAIN", "SECRET_KEY"):
        assert name in message


def test_create_app_stops_on_a_bad_setting():
    from web import create_app

    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app({**GOOD, "SECRET_KEY": "x"})
