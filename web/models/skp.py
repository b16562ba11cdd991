"""The SKP, its planned competency activities and behaviour focuses, and its history."""

from __future__ import annotations

from peewee import (
    AutoField,
    BigAutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from web.models.base import TenantModel, now
from web.models.pegawai import Pegawai


class Skp(TenantModel):
    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="skp", column_name="pegawai_id")
    tahun = IntegerField()
    versi = IntegerField(default=1)
    regime_kode = CharField()
    peran = CharField()
    status = CharField(default="draf")
    indikator_kode = CharField(null=True)
    tugas_tambahan = TextField(default="")
    poin_disetujui_penilai = BooleanField(default=False)
    ekspektasi_khusus = TextField(default="")
    catatan_penilai = TextField(default="")
    penilai = ForeignKeyField(Pegawai, null=True, backref="+", column_name="penilai_id")
    diajukan = DateTimeField(null=True)
    disepakati = DateTimeField(null=True)
    dibuat = DateTimeField(default=now)
    diubah = DateTimeField(default=now)


class SkpKegiatan(TenantModel):
    skp = ForeignKeyField(Skp, backref="kegiatan", column_name="skp_id", on_delete="CASCADE")
    huruf = CharField()
    jumlah = IntegerField()

    class Meta:
        primary_key = CompositeKey("skp", "huruf")
        table_name = "skp_kegiatan"


class SkpPerilaku(TenantModel):
    skp = ForeignKeyField(Skp, backref="perilaku", column_name="skp_id", on_delete="CASCADE")
    aspek = CharField()
    fokus = TextField()

    class Meta:
        primary_key = CompositeKey("skp", "aspek")
        table_name = "skp_perilaku"


class SkpRiwayat(TenantModel):
    id = BigAutoField()
    skp = ForeignKeyField(Skp, backref="riwayat", column_name="skp_id", on_delete="CASCADE")
    waktu = DateTimeField(default=now)
    pelaku = ForeignKeyField(Pegawai, null=True, backref="+", column_name="pelaku_id")
    aksi = CharField()
    dari = CharField(null=True)
    ke = CharField()
    catatan = TextField(default="")

    class Meta:
        table_name = "skp_riwayat"
