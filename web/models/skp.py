"""The SKP, its planned competency activities and behaviour focuses, its history, and the
pegawai's reports of wrong data."""

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
from playhouse.postgres_ext import BinaryJSONField

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
    penilai_plt = BooleanField(default=False)  # that penilai acted as Plt
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
    aspek = CharField()  # the aspect's name, as web.domain.skp.ASPEK_BERAKHLAK
    indikator = TextField(default="")
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
    isi = BinaryJSONField(null=True)  # the plan at this moment (web.services.skp.isi)
    terlambat = BooleanField(default=False)

    class Meta:
        table_name = "skp_riwayat"


class LaporanData(TenantModel):
    """A pegawai reporting that their data is wrong; the admin dinas answers and closes it."""

    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="laporan_data", column_name="pegawai_id")
    isi = TextField()
    dibuat = DateTimeField(default=now)
    selesai = DateTimeField(null=True)
    ditangani_oleh = ForeignKeyField(Pegawai, null=True, backref="+", column_name="ditangani_oleh")
    tanggapan = TextField(default="")

    class Meta:
        table_name = "laporan_data"
