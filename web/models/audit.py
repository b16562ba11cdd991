"""The dinas's audit trail: who changed which record, when, and what it was before and after."""

from __future__ import annotations

from peewee import BigAutoField, CharField, DateTimeField, ForeignKeyField, IntegerField
from playhouse.postgres_ext import BinaryJSONField

from web.models.base import TenantModel, now
from web.models.pegawai import Pegawai


class Audit(TenantModel):
    id = BigAutoField()
    waktu = DateTimeField(default=now)
    # Named apart from `pelaku_nama`, whose column is "pelaku": a field called `pelaku` here
    # would make peewee write the id into the name column's attribute and leave pelaku_id NULL.
    pelaku_pegawai = ForeignKeyField(
        Pegawai, null=True, column_name="pelaku_id", object_id_name="pelaku_id", backref="+"
    )
    pelaku_nama = CharField(column_name="pelaku")
    objek = CharField()
    objek_id = IntegerField()
    aksi = CharField()
    sebelum = BinaryJSONField(null=True)
    sesudah = BinaryJSONField(null=True)
