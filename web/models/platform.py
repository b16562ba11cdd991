"""The platform's own tables in the public schema: tenants, operators and their audit trail."""

from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, DateTimeField, IntegerField, TextField

from web.db import db, schema_for
from web.models.base import PlatformModel, now
from web.models.pegawai import LoginAttempt

TENANT_KINDS = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
TENANT_STATUSES = {"aktif": "Aktif", "ditangguhkan": "Ditangguhkan"}


class Tenant(PlatformModel):
    id = AutoField()
    slug = CharField(unique=True)
    name = CharField()
    kind = CharField()
    status = CharField(default="aktif")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)

    @property
    def schema(self) -> str:
        return schema_for(self.slug)

    @property
    def is_active(self) -> bool:
        return self.status == "aktif"

    @property
    def kind_label(self) -> str:
        return TENANT_KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return TENANT_STATUSES.get(self.status, self.status)


class Operator(PlatformModel):
    id = AutoField()
    email = CharField(unique=True)
    name = CharField()
    password_hash = TextField()
    active = BooleanField(default=True)
    session_version = IntegerField(default=1)
    last_login_at = DateTimeField(null=True)
    created_at = DateTimeField(default=now)


class OperatorLoginAttempt(LoginAttempt):
    """The same counters as a dinas's, for operator e-mails, in the public schema."""

    class Meta:
        schema = "public"
        table_name = "operator_login_attempt"


class PlatformAudit(PlatformModel):
    id = AutoField()
    at = DateTimeField(default=now)
    operator_email = CharField(null=True)
    action = CharField()
    tenant_slug = CharField(null=True)
    detail = TextField(default="")


__all__ = ["Operator", "OperatorLoginAttempt", "PlatformAudit", "Tenant", "db"]
