"""Imports of schools and pegawai: a checked upload waiting for the admin's confirmation."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField, IntegerField
from playhouse.postgres_ext import BinaryJSONField

from web.models.base import TenantModel, now
from web.models.pegawai import Pegawai


class Impor(TenantModel):
    id = AutoField()
    jenis = CharField()  # sekolah / pegawai
    nama_berkas = CharField()
    status = CharField(default="pratinjau")  # pratinjau / diterapkan / dibatalkan
    total = IntegerField(default=0)
    kesalahan = BinaryJSONField(default=list)
    ringkasan = BinaryJSONField(default=dict)
    dibuat_oleh = ForeignKeyField(Pegawai, null=True, column_name="dibuat_oleh", backref="+")
    dibuat = DateTimeField(default=now)
    diterapkan = DateTimeField(null=True)


class ImporBaris(TenantModel):
    impor = ForeignKeyField(Impor, column_name="impor_id", backref="baris", on_delete="CASCADE")
    nomor = IntegerField()
    data = BinaryJSONField()

    class Meta:
        primary_key = False
        table_name = "impor_baris"
