"""Imports of schools and pegawai: an uploaded file, checked in the background, whose good rows
wait in `impor_baris` for the admin's confirmation (web/services/impor.py does the work)."""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)
from playhouse.postgres_ext import BinaryJSONField

from web.models.base import TenantModel, now
from web.models.pegawai import Pegawai

STATUS_IMPOR = {
    "memeriksa": "Sedang diperiksa",
    "siap": "Siap diterapkan",
    "ditolak": "Ada kesalahan",
    "menerapkan": "Sedang diterapkan",
    "diterapkan": "Sudah diterapkan",
    "gagal": "Gagal",
    "dibatalkan": "Dibatalkan",
}
# A background job is working on the import while it has one of these.
STATUS_BERJALAN = ("memeriksa", "menerapkan")


class Impor(TenantModel):
    id = AutoField()
    jenis = CharField()  # sekolah / pegawai
    nama_berkas = CharField()
    status = CharField(default="memeriksa")  # see STATUS_IMPOR
    total = IntegerField(default=0)  # data rows in the file (an estimate until checked)
    diproses = IntegerField(default=0)  # rows checked so far
    kesalahan = BinaryJSONField(default=list)  # [{"baris", "kolom", "pesan"}]
    ringkasan = BinaryJSONField(default=dict)
    pesan = TextField(default="")
    kunci_berkas = CharField(null=True)  # the raw upload in storage, until applied or dropped
    dibuat_oleh = ForeignKeyField(Pegawai, null=True, column_name="dibuat_oleh", backref="+")
    dibuat = DateTimeField(default=now)
    diperbarui = DateTimeField(default=now)  # the background job's heartbeat
    diterapkan = DateTimeField(null=True)

    @property
    def status_label(self) -> str:
        return STATUS_IMPOR.get(self.status, self.status)

    @property
    def berjalan(self) -> bool:
        return self.status in STATUS_BERJALAN


class ImporBaris(TenantModel):
    impor = ForeignKeyField(Impor, column_name="impor_id", backref="baris", on_delete="CASCADE")
    nomor = IntegerField()
    data = BinaryJSONField()

    class Meta:
        primary_key = False
        table_name = "impor_baris"
