"""`flask --app web tenants …` and `flask --app web operators …`: provisioning from a shell."""

from __future__ import annotations

import time

import click
from flask import Flask
from flask.cli import AppGroup

from tenants.migrate import migrate_all
from tenants.provision import ProvisionError, create_tenant, generate_password, set_status
from web.auth import hash_password
from web.db import db
from web.models import Operator, PlatformAudit, Tenant
from web.models.platform import TENANT_KINDS

tenants_cli = AppGroup("tenants", help="Kelola dinas (tenant): buat, daftar, migrasi, tangguhkan.")
operators_cli = AppGroup("operators", help="Kelola akun operator platform.")


@tenants_cli.command("create")
@click.argument("slug")
@click.option("--name", required=True, help="Nama dinas, mis. 'Dinas Pendidikan Kab. Bogor'.")
@click.option("--kind", required=True, type=click.Choice(sorted(TENANT_KINDS)))
@click.option("--admin-email", required=True, help="E-mail admin dinas pertama.")
@click.option("--admin-password", help="Kata sandi admin; kosongkan agar dibuatkan.")
def create_command(
    slug: str, name: str, kind: str, admin_email: str, admin_password: str | None
) -> None:
    """Buat dinas SLUG: skema, migrasi, data dasar dan admin dinas pertama."""
    started = time.perf_counter()
    try:
        result = create_tenant(
            slug, name=name, kind=kind, admin_email=admin_email, admin_password=admin_password
        )
    except ProvisionError as error:
        raise click.UsageError(str(error)) from error
    elapsed = time.perf_counter() - started
    click.echo(f"Dinas '{result.tenant.slug}' ({result.tenant.name}) dibuat dalam {elapsed:.2f} s.")
    click.echo(f"Admin dinas: {result.admin_email}")
    if not admin_password:
        click.echo(f"Kata sandi: {result.admin_password}  (hanya ditampilkan sekali)")


@tenants_cli.command("list")
def list_command() -> None:
    """Daftar semua dinas."""
    tenants = list(Tenant.select().order_by(Tenant.slug))
    if not tenants:
        click.echo("Belum ada dinas.")
    for t in tenants:
        click.echo(f"{t.slug:<24} {t.kind:<10} {t.status:<13} {t.name}")


@tenants_cli.command("migrate")
@click.option("--slug", help="Hanya dinas ini (platform tetap lebih dulu).")
def migrate_command(slug: str | None) -> None:
    """Jalankan migrasi platform, lalu migrasi setiap dinas."""
    started = time.perf_counter()
    try:
        migrate_all(slug=slug, echo=click.echo)
    except LookupError as error:
        raise click.UsageError(str(error)) from error
    click.echo(f"Selesai dalam {time.perf_counter() - started:.2f} s.")


@tenants_cli.command("suspend")
@click.argument("slug")
def suspend_command(slug: str) -> None:
    """Tangguhkan dinas SLUG: penggunanya melihat halaman 503, datanya tetap."""
    _set_status(slug, "ditangguhkan")


@tenants_cli.command("resume")
@click.argument("slug")
def resume_command(slug: str) -> None:
    """Aktifkan kembali dinas SLUG."""
    _set_status(slug, "aktif")


def _set_status(slug: str, status: str) -> None:
    try:
        with db.atomic():
            tenant = set_status(slug, status)
    except LookupError as error:
        raise click.UsageError(str(error)) from error
    click.echo(f"Dinas '{tenant.slug}' sekarang {tenant.status}.")


@tenants_cli.command("demo")
def demo_command() -> None:
    """Buat dinas contoh 'demo' bila belum ada, dan cetak akun-akunnya."""
    from tenants.demo import ensure_demo

    for line in ensure_demo():
        click.echo(line)


@operators_cli.command("create")
@click.argument("email")
@click.option("--name", required=True)
@click.option("--password", help="Kosongkan agar dibuatkan.")
def create_operator_command(email: str, name: str, password: str | None) -> None:
    """Buat akun operator platform (masuk di domain utama)."""
    secret = password or generate_password()
    with db.atomic():
        if Operator.select().where(Operator.email == email.lower()).exists():
            raise click.UsageError(f"Operator {email} sudah ada.")
        Operator.create(email=email.lower(), name=name, password_hash=hash_password(secret))
        PlatformAudit.create(action="operator.create", detail=email.lower())
    click.echo(f"Operator {email.lower()} dibuat.")
    if not password:
        click.echo(f"Kata sandi: {secret}  (hanya ditampilkan sekali)")


def init_app(app: Flask) -> None:
    app.cli.add_command(tenants_cli)
    app.cli.add_command(operators_cli)
