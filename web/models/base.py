"""Base classes for the two kinds of model: platform (public schema) and tenant (dinas schema)."""

from __future__ import annotations

import datetime as dt

from peewee import Model

from web.db import db


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class TenantModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class PlatformModel(Model):
    class Meta:
        database = db
        schema = "public"
        legacy_table_names = False
