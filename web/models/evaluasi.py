"""Evaluations: the penilai's ratings of a pegawai for a period, and their focuses' ratings.

Table: tenants/migrations/tenant/0009_evaluasi.py (a final revision is immutable there too).
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from web.models.base import TenantModel, now
from web.models.pegawai import Pegawai
from web.models.skp import Skp


class Evaluasi(TenantModel):
    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="evaluasi", column_name="pegawai_id")
    tahun = IntegerField()
    jenis = CharField()  # periodik / tahunan
    semester = IntegerField(null=True)
    revisi = IntegerField(default=1)
    menggantikan = ForeignKeyField(
        "self", null=True, backref="pengganti", column_name="menggantikan_id"
    )
    alasan_revisi = TextField(default="")
    skp = ForeignKeyField(Skp, null=True, backref="+", column_name="skp_id")
    penilai = ForeignKeyField(Pegawai, null=True, backref="+", column_name="penilai_id")
    penilai_plt = BooleanField(default=False)
    status = CharField(default="draf")  # draf / final
    upaya_refleksi = CharField(null=True)
    upaya_mempelajari = CharField(null=True)
    perubahan_praktik = CharField(null=True)
    hasil_kerja = CharField(null=True)
    perilaku = CharField(null=True)
    predikat = CharField(null=True)
    status_kepegawaian = CharField(null=True)
    jenjang_jabatan = CharField(null=True)
    pangkat_golongan = CharField(null=True)
    bulan = IntegerField(null=True)
    angka_kredit = DecimalField(max_digits=10, decimal_places=6, null=True, auto_round=False)
    catatan = TextField(default="")
    rekomendasi = TextField(default="")
    dibuat = DateTimeField(default=now)
    diubah = DateTimeField(default=now)
    difinalkan = DateTimeField(null=True)
    difinalkan_oleh = ForeignKeyField(
        Pegawai, null=True, backref="+", column_name="difinalkan_oleh"
    )


class EvaluasiPerilaku(TenantModel):
    evaluasi = ForeignKeyField(
        Evaluasi, backref="perilaku_kerja", column_name="evaluasi_id", on_delete="CASCADE"
    )
    aspek = CharField()  # the aspect's name, as web.domain.skp.ASPEK_BERAKHLAK
    rating = CharField(null=True)
    catatan = TextField(default="")

    class Meta:
        primary_key = CompositeKey("evaluasi", "aspek")
        table_name = "evaluasi_perilaku"
