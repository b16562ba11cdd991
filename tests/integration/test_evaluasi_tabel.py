"""The evaluation tables keep a final evaluation as it was: only a new revision corrects it."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import DatabaseError, IntegrityError

from web.db import db, tenant_transaction
from web.models import Evaluasi, EvaluasiPerilaku


def _final(lengkap) -> int:
    with tenant_transaction(lengkap.dinas.schema):
        e = Evaluasi.create(
            pegawai=lengkap.guru_sd.id,
            tahun=2026,
            jenis="periodik",
            semester=1,
            hasil_kerja="sesuai",
            perilaku="sesuai",
        )
        EvaluasiPerilaku.create(evaluasi=e, aspek="Loyal", rating="sesuai")
        Evaluasi.update(status="final", predikat="baik", difinalkan=dt.datetime.now(dt.UTC)).where(
            Evaluasi.id == e.id
        ).execute()
        return e.id


@pytest.mark.parametrize(
    "ubah",
    [
        lambda i: Evaluasi.update(catatan="diubah").where(Evaluasi.id == i).execute(),
        lambda i: Evaluasi.delete().where(Evaluasi.id == i).execute(),
        lambda i: (
            EvaluasiPerilaku.update(rating="di_atas")
            .where(EvaluasiPerilaku.evaluasi == i)
            .execute()
        ),
        lambda i: EvaluasiPerilaku.create(evaluasi=i, aspek="Adaptif", rating="sesuai"),
    ],
    ids=["ubah", "hapus", "ubah-perilaku", "tambah-perilaku"],
)
def test_a_final_evaluation_cannot_change(lengkap, ubah):
    evaluasi_id = _final(lengkap)
    with (
        pytest.raises(DatabaseError, match="sudah final"),
        tenant_transaction(lengkap.dinas.schema),
    ):
        ubah(evaluasi_id)
    with tenant_transaction(lengkap.dinas.schema):
        assert Evaluasi.get_by_id(evaluasi_id).catatan == ""


def test_a_revision_needs_the_one_it_replaces_and_a_reason(lengkap):
    evaluasi_id = _final(lengkap)
    baris = {"pegawai": lengkap.guru_sd.id, "tahun": 2026, "jenis": "periodik", "semester": 1}
    with pytest.raises(IntegrityError), tenant_transaction(lengkap.dinas.schema):
        Evaluasi.create(**baris, revisi=2, menggantikan=evaluasi_id)
    with tenant_transaction(lengkap.dinas.schema):
        kedua = Evaluasi.create(
            **baris, revisi=2, menggantikan=evaluasi_id, alasan_revisi="Salah pilih rating."
        )
        assert kedua.menggantikan_id == evaluasi_id
        assert db.execute_sql("SELECT count(*) FROM evaluasi").fetchone()[0] == 2
