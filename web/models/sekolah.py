"""Schools of a dinas and the pangkat/golongan reference table (dinas schema)."""

from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, DateTimeField, IntegerField, TextField

from web.models.base import TenantModel, now

JENJANG_SEKOLAH = ("PAUD", "TK", "SD", "SMP", "SMA", "SMK", "SLB")


class Sekolah(TenantModel):
    id = AutoField()
    npsn = CharField(unique=True)
    nama = CharField()
    jenjang = CharField()
    status = CharField()  # negeri / swasta
    kecamatan = CharField(default="")
    alamat = TextField(default="")
    aktif = BooleanField(default=True)
    dibuat = DateTimeField(default=now)
    diubah = DateTimeField(default=now)

    @property
    def status_label(self) -> str:
        return self.status.capitalize()


class PangkatGolongan(TenantModel):
    """Ranks of civil servants and PPPK grades; loaded by a migration from tenants/reference/."""

    kode = CharField(primary_key=True)
    pangkat = CharField()
    status_kepegawaian = CharField()
    jenjang_jabatan = CharField(null=True)
    urutan = IntegerField()
