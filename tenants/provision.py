"""Provisioning a dinas: the schema, its migrations, base data and the first admin dinas.

Used by `flask tenants create` and by the operator console. Everything happens in one
transaction: a dinas is either fully there, with an admin who can sign in, or not at all.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from tenants.migrate import TENANT_MIGRATIONS, migrate_schema
from tenants.resolve import SLUG
from web.auth import hash_password
from web.db import bind_schema, db
from web.models import Akun, Pegawai, PlatformAudit, Tenant
from web.models.base import now
from web.models.platform import TENANT_KINDS

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ProvisionError(ValueError):
    """Bad input for provisioning; `field` names what to fix."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Provisioned:
    tenant: Tenant
    admin_email: str
    admin_password: str


def check_new_tenant(slug: str, name: str, kind: str, admin_email: str) -> None:
    if not SLUG.match(slug):
        raise ProvisionError(
            "slug",
            "Slug hanya huruf kecil, angka dan tanda hubung (-), diawali huruf, 2–40 karakter.",
        )
    if not name.strip():
        raise ProvisionError("name", "Nama dinas wajib diisi.")
    if kind not in TENANT_KINDS:
        raise ProvisionError("kind", "Jenis dinas harus provinsi, kabupaten atau kota.")
    if not EMAIL.match(admin_email):
        raise ProvisionError("admin_email", "Alamat e-mail admin dinas tidak valid.")


def create_tenant(
    slug: str,
    *,
    name: str,
    kind: str,
    admin_email: str,
    admin_name: str = "Admin Dinas",
    admin_password: str | None = None,
    operator_email: str | None = None,
) -> Provisioned:
    slug, admin_email = slug.strip().lower(), admin_email.strip().lower()
    check_new_tenant(slug, name, kind, admin_email)
    password = admin_password or generate_password()
    with db.atomic():
        db.execute_sql("SELECT pg_advisory_xact_lock(hashtext('kinerja:provision'))")
        if Tenant.select().where(Tenant.slug == slug).exists():
            raise ProvisionError("slug", f"Dinas dengan slug '{slug}' sudah ada.")
        tenant = Tenant.create(slug=slug, name=name.strip(), kind=kind)
        db.execute_sql(f'CREATE SCHEMA "{tenant.schema}"')
        migrate_schema(tenant.schema, TENANT_MIGRATIONS)
        bind_schema(tenant.schema)
        admin = Pegawai.create(nama=admin_name, email=admin_email, peran=["admin_dinas"])
        Akun.create(pegawai=admin, password_hash=hash_password(password))
        PlatformAudit.create(
            operator_email=operator_email,
            action="tenant.create",
            tenant_slug=slug,
            detail=f"{name} ({kind}); admin {admin_email}",
        )
    return Provisioned(tenant, admin_email, password)


def set_status(slug: str, status: str, *, operator_email: str | None = None) -> Tenant:
    tenant = Tenant.get_or_none(Tenant.slug == slug)
    if tenant is None:
        raise LookupError(f"Dinas '{slug}' tidak ada.")
    if tenant.status != status:
        tenant.status = status
        tenant.updated_at = now()
        tenant.save()
        action = "tenant.resume" if status == "aktif" else "tenant.suspend"
        PlatformAudit.create(operator_email=operator_email, action=action, tenant_slug=slug)
    return tenant


def generate_password() -> str:
    """Readable enough to type from a printout: four groups of lowercase letters and digits."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))
