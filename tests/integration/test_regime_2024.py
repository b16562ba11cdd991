"""Every new dinas holds the 2024 regime as data: catalog, defaults and windows (DOMAIN.md §9)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from peewee import IntegrityError

from tenants.migrate import migrate_schema
from web.db import db, tenant_transaction
from web.models.regime import (
    AspekPerilaku,
    DokumenAkuntabilitas,
    IndikatorPraktik,
    IndikatorPrioritas,
    Jendela,
    KegiatanKompetensi,
    PerilakuBawaan,
    Regime,
)

TABEL = (
    "regime",
    "indikator_praktik",
    "indikator_prioritas",
    "aspek_perilaku",
    "perilaku_bawaan",
    "kegiatan_kompetensi",
    "dokumen_akuntabilitas",
    "jendela_baku",
    "jendela",
)


@pytest.fixture
def dinas(make_tenant):
    return make_tenant("reg")


def _jumlah(schema: str) -> dict[str, int]:
    with tenant_transaction(schema):
        return {t: db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABEL}


def test_the_regime_record(dinas):
    with tenant_transaction(dinas.schema):
        regimes = list(Regime.select())
    assert len(regimes) == 1
    r = regimes[0]
    assert (r.kode, r.cadence, r.poin_minimal, r.poin_maksimal) == ("2024", "semester", 32, 128)
    assert r.bukti_wajib is True
    assert r.mode_kompetensi == "poin"
    assert r.peran_dikelola == ["guru", "kepala_sekolah"]
    assert "7607/B.B1/HK.03/2023" in r.sumber


def test_eight_practice_indicators_per_role(dinas):
    with tenant_transaction(dinas.schema):
        rows = list(
            IndikatorPraktik.select().order_by(IndikatorPraktik.peran, IndikatorPraktik.urutan)
        )
    guru = [r for r in rows if r.peran == "guru"]
    ks = [r for r in rows if r.peran == "kepala_sekolah"]
    assert [r.kode for r in guru] == [f"G{i}" for i in range(1, 9)]
    assert [r.kode for r in ks] == [f"K{i}" for i in range(1, 9)]
    assert len(rows) == 16 and {r.regime_kode for r in rows} == {"2024"}
    assert Counter(r.kelompok for r in guru) == {
        "manajemen kelas": 2,
        "dukungan psikologis": 3,
        "aktivasi kognitif": 3,
    }
    assert {r.indikator_rapor for r in guru} == {"D1"} and {r.indikator_rapor for r in ks} == {"D3"}
    assert all(r.penjelasan and r.dasar.startswith("Pasal 13") for r in rows)


def test_a_dinas_marks_priorities_per_year(dinas):
    with tenant_transaction(dinas.schema):
        IndikatorPrioritas.create(regime_kode="2024", indikator_kode="G5", tahun=2024)
        assert IndikatorPrioritas.select().count() == 1
    with pytest.raises(IntegrityError), tenant_transaction(dinas.schema):
        IndikatorPrioritas.create(regime_kode="2024", indikator_kode="G9", tahun=2024)


def test_seven_aspects_with_a_default_per_role(dinas):
    with tenant_transaction(dinas.schema):
        aspek = [a.nama for a in AspekPerilaku.select().order_by(AspekPerilaku.urutan)]
        bawaan = list(PerilakuBawaan.select())
    assert aspek == [
        "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif",
        "Kolaboratif",
    ]  # fmt: skip
    pasangan = Counter((b.aspek_kode, b.peran) for b in bawaan)
    assert len(pasangan) == 14 and set(pasangan.values()) == {1}
    assert all(b.indikator and b.fokus_perilaku for b in bawaan)
    assert all(b.dari_regulasi != b.bawaan_kinerja for b in bawaan)
    dari_panduan = {(b.aspek_kode, b.peran) for b in bawaan if b.dari_regulasi}
    assert dari_panduan == {("berorientasi_pelayanan", "guru"), ("kolaboratif", "kepala_sekolah")}


def test_competency_activities_never_invent_points(dinas):
    with tenant_transaction(dinas.schema):
        kegiatan = {k.huruf: k for k in KegiatanKompetensi.select()}
    assert sorted(kegiatan) == list("abcdefghijklmnopqr")
    poin = {h: (k.poin, k.status_poin) for h, k in kegiatan.items() if k.poin is not None}
    assert poin == {
        "a": (36, "belum_dikonfirmasi"),
        "c": (8, "belum_dikonfirmasi"),
        "j": (8, "regulasi"),
        "k": (12, "regulasi"),
        "o": (8, "regulasi"),
        "p": (4, "belum_dikonfirmasi"),
        "q": (128, "regulasi"),
    }
    assert kegiatan["q"].satuan == "per semester"
    tanpa_nilai = [k for k in kegiatan.values() if k.poin is None]
    assert len(tanpa_nilai) == 11
    assert all(k.status_poin == "belum_ditetapkan" and k.satuan is None for k in tanpa_nilai)


def test_unknown_points_cannot_pose_as_known(dinas):
    with pytest.raises(IntegrityError), tenant_transaction(dinas.schema):
        KegiatanKompetensi.update(status_poin="regulasi").where(
            KegiatanKompetensi.huruf == "b"
        ).execute()


def test_accountability_documents_per_role(dinas):
    with tenant_transaction(dinas.schema):
        dokumen = list(DokumenAkuntabilitas.select().order_by(DokumenAkuntabilitas.urutan))
    per_peran = {
        peran: [d.kode for d in dokumen if d.peran == peran] for peran in ("guru", "kepala_sekolah")
    }
    assert per_peran == {"guru": ["K3", "K4", "K5"], "kepala_sekolah": ["K3", "K4", "K5", "K6"]}
    kehadiran_kelas = next(d for d in dokumen if d.peran == "guru" and d.kode == "K5")
    assert kehadiran_kelas.disediakan_oleh == "kepala_sekolah"
    sk = next(d for d in dokumen if d.peran == "guru" and d.kode == "K4")
    assert sk.hanya_jika_tugas_tambahan is True


def test_windows_for_three_years_with_the_2024_extension(dinas):
    with tenant_transaction(dinas.schema):
        jendela = {(j.tahun, j.kode, j.semester): j for j in Jendela.select()}
    assert {t for t, _, _ in jendela} == {2024, 2025, 2026}
    assert len(jendela) == 3 * 15

    skp_2024 = jendela[(2024, "skp_penyusunan", None)]
    assert (skp_2024.mulai, skp_2024.selesai) == (date(2024, 1, 1), date(2024, 1, 31))
    assert skp_2024.diperpanjang_sampai == date(2024, 3, 31)
    assert skp_2024.batas == date(2024, 3, 31)
    assert skp_2024.sebagai_jendela().diperpanjang_sampai == date(2024, 3, 31)
    diperpanjang = [k for k, j in jendela.items() if j.diperpanjang_sampai is not None]
    assert diperpanjang == [(2024, "skp_penyusunan", None)]

    def rentang(tahun, kode, semester):
        j = jendela[(tahun, kode, semester)]
        return j.mulai, j.selesai

    assert rentang(2025, "skp_penyesuaian", 2) == (date(2025, 7, 1), date(2025, 7, 31))
    assert rentang(2024, "siklus_a", 1) == (date(2024, 2, 1), date(2024, 2, 29))
    assert rentang(2025, "siklus_a", 1) == (date(2025, 2, 1), date(2025, 2, 28))
    assert rentang(2026, "siklus_d", 2) == (date(2026, 10, 1), date(2026, 11, 30))
    assert rentang(2024, "evaluasi_periodik", 1)[1] == date(2024, 6, 30)
    assert rentang(2024, "evaluasi_periodik", 2)[1] == date(2024, 12, 31)
    assert rentang(2026, "evaluasi_tahunan", None) == (date(2027, 1, 1), date(2027, 1, 31))


def test_every_row_belongs_to_the_2024_regime(dinas):
    with tenant_transaction(dinas.schema):
        for tabel in TABEL[1:]:
            kode = {r[0] for r in db.execute_sql(f"SELECT DISTINCT regime_kode FROM {tabel}")}
            assert kode <= {"2024"}, tabel


def test_running_the_migrations_again_changes_nothing(dinas):
    sebelum = _jumlah(dinas.schema)
    with db.connection_context():
        assert migrate_schema(dinas.schema) == []
    assert _jumlah(dinas.schema) == sebelum
    assert sebelum["regime"] == 1 and sebelum["indikator_prioritas"] == 0
