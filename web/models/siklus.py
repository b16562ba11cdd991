"""The improvement cycle of a semester (A-E), its observation and tim kerja, evidence files and
what they prove, accountability documents, class attendance and continuous feedback.

Tables: tenants/migrations/tenant/0008_siklus.py, which explains each.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BigAutoField,
    BigIntegerField,
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

from web.models.base import TenantModel, now
from web.models.pegawai import Berjangka, Pegawai
from web.models.skp import Skp


class LangkahSiklus(TenantModel):
    regime_kode = CharField()
    kode = CharField()
    urutan = IntegerField()
    nama = CharField()
    penjelasan = TextField(default="")
    penutup = CharField()  # pegawai / penilai / pengamat
    jendela_kode = CharField()
    dasar = CharField(default="")

    class Meta:
        primary_key = CompositeKey("regime_kode", "kode")
        table_name = "langkah_siklus"


class PertanyaanSiklus(TenantModel):
    regime_kode = CharField()
    langkah = CharField()
    pihak = CharField()  # pegawai / penilai
    kode = CharField()
    urutan = IntegerField()
    teks = TextField()
    petunjuk = TextField(default="")
    wajib = BooleanField(default=True)

    class Meta:
        primary_key = CompositeKey("regime_kode", "langkah", "pihak", "kode")
        table_name = "pertanyaan_siklus"


class RubrikPerilaku(TenantModel):
    regime_kode = CharField()
    indikator_kode = CharField()
    urutan = IntegerField()
    perilaku = TextField()
    dianjurkan = ArrayField(TextField)
    dihindari = ArrayField(TextField)
    bawaan_kinerja = BooleanField(default=True)
    diubah = DateTimeField(default=now)

    class Meta:
        primary_key = CompositeKey("regime_kode", "indikator_kode", "urutan")
        table_name = "rubrik_perilaku"


class Siklus(TenantModel):
    id = AutoField()
    skp = ForeignKeyField(Skp, backref="siklus", column_name="skp_id")
    pegawai = ForeignKeyField(Pegawai, backref="siklus", column_name="pegawai_id")
    tahun = IntegerField()
    semester = IntegerField()
    dibuat = DateTimeField(default=now)


class SiklusLangkah(TenantModel):
    siklus = ForeignKeyField(
        Siklus, backref="langkah", column_name="siklus_id", on_delete="CASCADE"
    )
    langkah = CharField()
    status = CharField(default="belum")
    mulai = DateTimeField(null=True)
    selesai = DateTimeField(null=True)
    ditutup_oleh = ForeignKeyField(Pegawai, null=True, backref="+", column_name="ditutup_oleh")
    terlambat = BooleanField(default=False)
    dibuka_ulang = IntegerField(default=0)

    class Meta:
        primary_key = CompositeKey("siklus", "langkah")
        table_name = "siklus_langkah"


class SiklusJawaban(TenantModel):
    siklus = ForeignKeyField(Siklus, backref="jawaban", column_name="siklus_id")
    langkah = CharField()
    pihak = CharField()
    kode = CharField()
    isi = TextField(default="")
    diubah = DateTimeField(default=now)
    diubah_oleh = ForeignKeyField(Pegawai, null=True, backref="+", column_name="diubah_oleh")

    class Meta:
        primary_key = CompositeKey("siklus", "langkah", "pihak", "kode")
        table_name = "siklus_jawaban"


class TimKerja(Berjangka, TenantModel):
    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="tim_kerja", column_name="pegawai_id")
    anggota = ForeignKeyField(Pegawai, backref="+", column_name="anggota_id")
    ditunjuk_oleh = ForeignKeyField(Pegawai, backref="+", column_name="ditunjuk_oleh")
    mulai = DateField()
    selesai = DateField(null=True)
    dibuat = DateTimeField(default=now)

    class Meta:
        table_name = "tim_kerja"


class Observasi(TenantModel):
    id = AutoField()
    siklus = ForeignKeyField(Siklus, backref="observasi", column_name="siklus_id", unique=True)
    indikator_kode = CharField()
    pengamat = ForeignKeyField(Pegawai, null=True, backref="+", column_name="pengamat_id")
    jadwal = DateTimeField(null=True)
    tempat = TextField(default="")
    rekomendasi = TextField(default="")
    dilaksanakan = DateField(null=True)
    diubah = DateTimeField(default=now)


class ObservasiCatatan(TenantModel):
    observasi = ForeignKeyField(Observasi, backref="catatan", column_name="observasi_id")
    urutan = IntegerField()
    capaian = CharField(null=True)  # belum / belum_efektif / efektif
    catatan = TextField(default="")

    class Meta:
        primary_key = CompositeKey("observasi", "urutan")
        table_name = "observasi_catatan"


class Berkas(TenantModel):
    id = BigAutoField()
    pegawai = ForeignKeyField(Pegawai, backref="berkas", column_name="pegawai_id")
    kunci = CharField(unique=True)
    nama = CharField()
    jenis = CharField()
    ukuran = BigIntegerField()
    sha256 = CharField()
    diunggah = DateTimeField(default=now)
    diunggah_oleh = ForeignKeyField(Pegawai, null=True, backref="+", column_name="diunggah_oleh")


class RealisasiKegiatan(TenantModel):
    id = AutoField()
    siklus = ForeignKeyField(Siklus, backref="realisasi", column_name="siklus_id")
    huruf = CharField()
    judul = TextField()
    tanggal = DateField()
    berkas = ForeignKeyField(Berkas, backref="realisasi", column_name="berkas_id")
    status = CharField(default="diajukan")  # diajukan / diterima / ditolak
    alasan = TextField(default="")
    diperiksa_oleh = ForeignKeyField(Pegawai, null=True, backref="+", column_name="diperiksa_oleh")
    diperiksa = DateTimeField(null=True)
    dibuat = DateTimeField(default=now)

    class Meta:
        table_name = "realisasi_kegiatan"


class DokumenPegawai(TenantModel):
    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="dokumen", column_name="pegawai_id")
    tahun = IntegerField()
    semester = IntegerField()
    kode = CharField()
    berkas = ForeignKeyField(Berkas, backref="dokumen", column_name="berkas_id")
    dibuat = DateTimeField(default=now)

    class Meta:
        table_name = "dokumen_pegawai"


class Kehadiran(TenantModel):
    pegawai = ForeignKeyField(Pegawai, backref="kehadiran", column_name="pegawai_id")
    tahun = IntegerField()
    semester = IntegerField()
    jam_terjadwal = IntegerField()
    jam_hadir = IntegerField()
    catatan = TextField(default="")
    dicatat_oleh = ForeignKeyField(Pegawai, backref="+", column_name="dicatat_oleh")
    diubah = DateTimeField(default=now)

    class Meta:
        primary_key = CompositeKey("pegawai", "tahun", "semester")


class UmpanBalik(TenantModel):
    id = AutoField()
    pegawai = ForeignKeyField(Pegawai, backref="umpan_balik", column_name="pegawai_id")
    penulis = ForeignKeyField(Pegawai, backref="+", column_name="penulis_id")
    jenis = CharField()  # catatan / apresiasi / bimbingan / konseling / balasan
    isi = TextField()
    tanggal = DateField()
    induk = ForeignKeyField("self", null=True, backref="balasan", column_name="induk_id")
    dibuat = DateTimeField(default=now)

    class Meta:
        table_name = "umpan_balik"
