"""Tenancy: which dinas a request belongs to, their schemas, migrations and the `tenants` CLI."""

from tenants.resolve import init_app

__all__ = ["init_app"]
