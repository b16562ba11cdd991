"""People of a dinas, their sign-in accounts and failed sign-in counters (dinas schema)."""

from __future__ import annotations

import datetime as dt

from peewee import (
    JOIN,
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    ModelSelect,
    TextField,
)
from playhouse.postgres_ext import ArrayField

from web.models.base import TenantModel, now
from web.models.sekolah import Sekolah

PERAN = {
    "guru": "Guru",
    "kepala_sekolah": "Kepala Sekolah",
    "pengawas": "Pengawas Sekolah",
    "admin_dinas": "Admin Dinas",
    "kepala_dinas": "Kepala Dinas",
}


class Pegawai(TenantModel):
    id = AutoField()
    nama = CharField()
    nip = CharField(null=True, unique=True)
    nuptk = CharField(null=True, unique=True)
    email = CharField(null=True, unique=True)
    telepon = CharField(default="")
    status_kepegawaian = CharField(null=True)  # PNS / PPPK / non-ASN
    jenjang_jabatan = CharField(null=True)
    pangkat_golongan = CharField(null=True)
    sekolah = ForeignKeyField(Sekolah, null=True, backref="pegawai", column_name="sekolah_id")
    peran = ArrayField(TextField, default=list)
    aktif = BooleanField(default=True)
    dibuat = DateTimeField(default=now)
    diubah = DateTimeField(default=now)

    @property
    def peran_labels(self) -> list[str]:
        return [PERAN.get(p, p) for p in self.peran]


class Akun(TenantModel):
    """A pegawai's sign-in account. Secrets live here, away from the profile."""

    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, unique=True, backref="akun", column_name="pegawai_id")
    password_hash = TextField(null=True)
    aktif = BooleanField(default=True)
    # Bumped to sign the account out everywhere (password reset, deactivation).
    versi_sesi = IntegerField(default=1)
    login_terakhir = DateTimeField(null=True)
    dibuat = DateTimeField(default=now)
    kode_aktivasi_hash = TextField(null=True)
    kode_dibuat = DateTimeField(null=True)

    @classmethod
    def yang_aktif(cls) -> ModelSelect:
        """Active accounts of active pegawai, with their pegawai and school, in one query."""
        return (
            cls.select(cls, Pegawai, Sekolah)
            .join(Pegawai)
            .join(Sekolah, JOIN.LEFT_OUTER)
            .where(cls.aktif, Pegawai.aktif)
        )


class LoginAttempt(TenantModel):
    """Failed sign-ins per username, for the slowdown (see web/services/masuk.py)."""

    key = CharField(primary_key=True)
    failures = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    last_failure_at = DateTimeField(null=True)


class Berjangka:
    """A record valid from `mulai` (inclusive) to `selesai` (exclusive; NULL: still valid)."""

    @classmethod
    def berlaku(cls, tanggal: dt.date) -> ModelSelect:
        """The records valid on `tanggal`."""
        return cls.select().where(
            cls.mulai <= tanggal, cls.selesai.is_null() | (cls.selesai > tanggal)
        )


class Penempatan(Berjangka, TenantModel):
    """A pegawai's school over time (mulai inclusive, selesai exclusive)."""

    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="penempatan", column_name="pegawai_id")
    sekolah = ForeignKeyField(Sekolah, backref="penempatan", column_name="sekolah_id")
    mulai = DateField()
    selesai = DateField(null=True)


class Penugasan(Berjangka, TenantModel):
    """A kepala sekolah (definitive or Plt) or kepala dinas post held over time."""

    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="penugasan", column_name="pegawai_id")
    jabatan = CharField()
    sekolah = ForeignKeyField(Sekolah, null=True, backref="penugasan", column_name="sekolah_id")
    mulai = DateField()
    selesai = DateField(null=True)
    plt = BooleanField(default=False)
    nomor_sk = CharField(default="")


class PengawasSekolah(TenantModel):
    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="sekolah_binaan", column_name="pegawai_id")
    sekolah = ForeignKeyField(Sekolah, backref="pengawas", column_name="sekolah_id")
    mulai = DateField()
    selesai = DateField(null=True)
