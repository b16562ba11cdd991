"""Base classes for the two kinds of model: platform (public schema) and tenant (dinas schema)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from peewee import Model

from web.db import db

WIB = ZoneInfo("Asia/Jakarta")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def hari_ini() -> dt.date:
    """Today's date as the dinas sees it (dates of posts and transfers are calendar dates)."""
    return dt.datetime.now(WIB).date()


class TenantModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class PlatformModel(Model):
    class Meta:
        database = db
        schema = "public"
        legacy_table_names = False
