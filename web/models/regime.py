"""A regime (the rules of a year) and its catalog: indicators, behaviours, activities, windows.

Loaded per dinas by the tenant migration 0005 from tenants/reference/regime_2024/. Every row
carries `regime_kode`, so the rows of later regimes sit next to the 2024 ones (DOMAIN.md §9).
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)
from playhouse.postgres_ext import ArrayField

from web.domain import kalender
from web.models.base import TenantModel, now
from web.models.pegawai import Pegawai

STATUS_POIN = ("regulasi", "belum_dikonfirmasi", "belum_ditetapkan")


class Regime(TenantModel):
    kode = CharField(primary_key=True)
    nama = CharField()
    cadence = CharField()  # semester / tahunan
    poin_minimal = IntegerField(null=True)
    poin_maksimal = IntegerField(null=True)
    bukti_wajib = BooleanField()
    mode_kompetensi = CharField()  # poin / refleksi
    peran_dikelola = ArrayField(TextField, default=list)
    sumber = TextField()
    berlaku_mulai = DateField(null=True)
    catatan = TextField(default="")


class IndikatorPraktik(TenantModel):
    """A practice indicator a pegawai may choose to improve (Pasal 13)."""

    regime_kode = CharField()
    kode = CharField()  # G1-G8, K1-K8
    peran = CharField()
    urutan = IntegerField()
    nama = CharField()
    label_panduan = CharField(default="")  # the label used in the ministry's guide
    kelompok = CharField(default="")  # manajemen kelas, dukungan psikologis, ...
    indikator_rapor = CharField(default="")  # D1 (guru) / D3 (kepala sekolah)
    dasar = CharField(default="")
    penjelasan = TextField(default="")
    aktif = BooleanField(default=True)

    class Meta:
        primary_key = CompositeKey("regime_kode", "kode")


class IndikatorPrioritas(TenantModel):
    """An indicator this dinas marks as a priority for one year."""

    regime_kode = CharField()
    indikator_kode = CharField()
    tahun = IntegerField()
    ditandai_oleh = ForeignKeyField(Pegawai, null=True, backref="+", column_name="ditandai_oleh")
    dibuat = DateTimeField(default=now)

    class Meta:
        primary_key = CompositeKey("regime_kode", "indikator_kode", "tahun")


class AspekPerilaku(TenantModel):
    """One of the seven BerAKHLAK aspects (Pasal 20)."""

    regime_kode = CharField()
    kode = CharField()
    urutan = IntegerField()
    nama = CharField()
    dasar = CharField(default="")
    penjelasan = TextField(default="")

    class Meta:
        primary_key = CompositeKey("regime_kode", "kode")


class PerilakuBawaan(TenantModel):
    """A default indicator and focus behaviour of an aspect, for one role.

    `dari_regulasi`: wording from the ministry's guide; `bawaan_kinerja`: our own default.
    """

    id = AutoField()
    regime_kode = CharField()
    aspek_kode = CharField()
    peran = CharField()
    urutan = IntegerField(default=1)
    indikator = TextField()
    fokus_perilaku = TextField()
    dari_regulasi = BooleanField()
    bawaan_kinerja = BooleanField()
    catatan_sumber = TextField(default="")


class KegiatanKompetensi(TenantModel):
    """A competency-development activity (Pasal 14, letters a-r) and its points, if known."""

    regime_kode = CharField()
    huruf = CharField()
    urutan = IntegerField()
    nama = TextField()
    peran_pelaksana = CharField(null=True)  # kontributor / peserta
    poin = IntegerField(null=True)  # NULL: nilai belum ditetapkan
    satuan = CharField(null=True)
    status_poin = CharField()  # one of STATUS_POIN
    dasar = CharField(default="")
    catatan_sumber = TextField(default="")

    class Meta:
        primary_key = CompositeKey("regime_kode", "huruf")

    @property
    def poin_diketahui(self) -> bool:
        return self.poin is not None


class Rhk(TenantModel):
    """A planned work result (rencana hasil kerja, Pasal 12) of a role, with its indicator and
    target. `isian` names the part of the plan that fills the target in: "indikator",
    "kegiatan", "tugas_tambahan", or "" for the fixed `target` text."""

    regime_kode = CharField()
    peran = CharField()
    huruf = CharField()
    urutan = IntegerField()
    rencana = TextField()
    indikator_kinerja = TextField()
    target = TextField()
    isian = CharField(default="")
    dasar = CharField(default="")
    bawaan_kinerja = BooleanField()

    class Meta:
        primary_key = CompositeKey("regime_kode", "peran", "huruf")


class DokumenAkuntabilitas(TenantModel):
    """A document collected (not rated) from a pegawai of a role; without it, no predikat."""

    regime_kode = CharField()
    peran = CharField()
    kode = CharField()  # K3-K6
    urutan = IntegerField()
    nama = CharField()
    disediakan_oleh = CharField()  # pegawai / kepala_sekolah
    hanya_jika_tugas_tambahan = BooleanField(default=False)
    dasar = CharField(default="")
    penjelasan = TextField(default="")

    class Meta:
        primary_key = CompositeKey("regime_kode", "peran", "kode")


class JendelaBaku(TenantModel):
    """A default window of the regime as month/day offsets; `hari_selesai` NULL: month's end."""

    id = AutoField()
    regime_kode = CharField()
    kode = CharField()
    semester = IntegerField(null=True)
    urutan = IntegerField()
    nama = CharField()
    bulan_mulai = IntegerField()
    hari_mulai = IntegerField()
    bulan_selesai = IntegerField()
    hari_selesai = IntegerField(null=True)
    geser_tahun = IntegerField(default=0)
    dasar = CharField(default="")
    keterangan = TextField(default="")


class Jendela(TenantModel):
    """A concrete window of this dinas for one year; both dates are included."""

    id = AutoField()
    regime_kode = CharField()
    tahun = IntegerField()
    kode = CharField()
    semester = IntegerField(null=True)
    mulai = DateField()
    selesai = DateField()
    diperpanjang_sampai = DateField(null=True)
    catatan = TextField(default="")
    diubah = DateTimeField(default=now)

    @property
    def batas(self) -> dt.date:
        """The last day: the extension when there is one, else `selesai`."""
        return self.diperpanjang_sampai or self.selesai

    def sebagai_jendela(self) -> kalender.Jendela:
        """The window as the pure calendar functions of web.domain.kalender take it."""
        return kalender.Jendela(self.kode, self.mulai, self.selesai, self.diperpanjang_sampai)
