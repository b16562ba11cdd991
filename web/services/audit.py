"""Recording changes: every service that changes a dinas's data calls `catat` in the same
transaction, so a change and its audit entry are kept or lost together."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from peewee import Model
from playhouse.shortcuts import model_to_dict

from web.auth import DinasUser
from web.models import Audit

# Never copied into the trail.
RAHASIA = {"password_hash", "kode_aktivasi_hash"}


def potret(record: Model) -> dict[str, Any]:
    """A JSON-ready copy of a record's own columns (foreign keys as ids)."""
    data = model_to_dict(record, recurse=False)
    return {k: _json(v) for k, v in data.items() if k not in RAHASIA}


def catat(
    pelaku: DinasUser | None,
    aksi: str,
    record: Model,
    sebelum: dict[str, Any] | None = None,
    *,
    objek: str | None = None,
    objek_id: int | None = None,
    sesudah: dict[str, Any] | None = None,
) -> Audit:
    """Record one change. `objek_id` and `sesudah` are for records whose key is not a single
    number (catalog rows keyed by code) or whose change is not a column (a mark added)."""
    if sesudah is None and aksi != "hapus":
        sesudah = potret(record)
    return Audit.create(
        pelaku_pegawai=pelaku.pegawai.id if pelaku else None,
        pelaku_nama=pelaku.pegawai.nama if pelaku else "sistem",
        objek=objek or record._meta.table_name,
        objek_id=objek_id if objek_id is not None else record.get_id(),
        aksi=aksi,
        sebelum=sebelum,
        sesudah=sesudah,
    )


def perubahan(entry: Audit) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every field that differs, for the audit page."""
    before, after = entry.sebelum or {}, entry.sesudah or {}
    keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
    return [(k, before.get(k), after.get(k)) for k in keys]


# Records that belong to a pegawai and whose changes show on that pegawai's history.
MILIK_PEGAWAI = ("penempatan", "penugasan", "pengawas_sekolah", "akun", "laporan_data")


def riwayat(objek: str, objek_id: int, *, limit: int = 100) -> list[Audit]:
    """The record's own entries; for a pegawai also those of their placements, posts and
    account (matched on the `pegawai` id they carry)."""
    own = (Audit.objek == objek) & (Audit.objek_id == objek_id)
    if objek == "pegawai":
        key = str(objek_id)
        own |= Audit.objek.in_(MILIK_PEGAWAI) & (
            (Audit.sesudah["pegawai"] == key) | (Audit.sebelum["pegawai"] == key)
        )
    return list(
        Audit.select().where(own).order_by(Audit.waktu.desc(), Audit.id.desc()).limit(limit)
    )


def _json(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value
