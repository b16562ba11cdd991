"""The predikat per school and for the dinas: who sees which schools, the gate per pegawai,
totals per predikat, and a constant number of queries."""

from __future__ import annotations

import gzip
from collections import Counter

from tests.web.evaluasi.test_hasil_evaluasi import lengkapi, nilai
from web.auth import DinasUser
from web.db import db, tenant_transaction
from web.domain.evaluasi import Predikat, periodik
from web.models import Akun
from web.services import hasil_evaluasi as layanan


def pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def isi(lengkap) -> None:
    """Guru SD: Baik (documents in); KS SD: Sangat Baik (documents in), Guru SMP: Baik but held
    (documents missing), KS SMP: no final evaluation, only a draft."""
    schema = lengkap.dinas.schema
    for orang, penilai in ((lengkap.guru_sd, lengkap.ks_sd), (lengkap.ks_sd, lengkap.kadis)):
        lengkapi(schema, orang.id, penilai.id, 2026, 1)
    pertama = nilai(schema, lengkap.guru_sd.id, lengkap.ks_sd.id, predikat="kurang")
    nilai(
        schema,
        lengkap.guru_sd.id,
        lengkap.ks_sd.id,
        revisi=2,
        menggantikan=pertama,
        alasan_revisi="Koreksi",
        predikat="baik",
    )
    nilai(schema, lengkap.ks_sd.id, lengkap.kadis.id)
    nilai(schema, lengkap.guru_smp.id, lengkap.ks_smp.id, predikat="baik")
    nilai(
        schema, lengkap.ks_smp.id, lengkap.kadis.id, status="draf", predikat=None, difinalkan=None
    )


def test_a_guru_never_sees_the_rekap(lengkap, masuk):
    assert masuk(lengkap, lengkap.guru_sd.username).get("/evaluasi/rekap").status_code == 403


def test_a_kepala_sekolah_sees_only_their_school(lengkap, masuk):
    isi(lengkap)
    response = masuk(lengkap, lengkap.ks_sd.username).get("/evaluasi/rekap?tahun=2026&periode=1")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "SD Negeri Satu" in html and "Guru SD" in html and ">Baik</a>" in html
    assert "SMP Negeri Dua" not in html and "Guru SMP" not in html
    assert ">Kurang</a>" not in html  # the corrected revision, not the old one
    assert "KS SD" not in html.split("<h2>")[-1]  # their own predikat is the kepala dinas's view


def test_the_kepala_dinas_sees_every_school_and_kepala_sekolah_with_totals(lengkap, masuk):
    isi(lengkap)
    for username in (lengkap.kadis.username, lengkap.admin):
        response = masuk(lengkap, username).get("/evaluasi/rekap?tahun=2026&periode=1")
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert "SD Negeri Satu" in html and "SMP Negeri Dua" in html
        assert "KS SD (Kepala Sekolah)" in html and ">Sangat Baik</a>" in html
        assert "Ditahan — dokumen belum lengkap" in html  # Guru SMP
        assert "Jumlah seluruh dinas" in html
        assert len(gzip.compress(response.data)) <= 8 * 1024  # the page budget
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        r = layanan.rekap(pengguna(schema, lengkap.kadis.id), periodik(2026, 1))
        per = {s.sekolah.nama: s for s in r.sekolah}
        assert per["SD Negeri Satu"].jumlah == Counter({Predikat.BAIK: 1, Predikat.SANGAT_BAIK: 1})
        assert per["SMP Negeri Dua"].jumlah == Counter()
        assert per["SMP Negeri Dua"].ditahan == 1 and per["SMP Negeri Dua"].belum == 1
        assert r.jumlah == Counter({Predikat.BAIK: 1, Predikat.SANGAT_BAIK: 1})
        assert (r.ditahan, r.belum) == (1, 1)
        # semester 2 has nothing final
        assert layanan.rekap(pengguna(schema, lengkap.kadis.id), periodik(2026, 2)).jumlah == {}


def test_the_rekap_reads_a_constant_number_of_queries(lengkap, monkeypatch):
    schema = lengkap.dinas.schema
    isi(lengkap)
    asli = db.obj.execute_sql
    terhitung = []

    def menghitung(sql, *args, **kwargs):
        terhitung.append(sql)
        return asli(sql, *args, **kwargs)

    def hitung() -> int:
        with tenant_transaction(schema):
            user = pengguna(schema, lengkap.kadis.id)
            _ = user.roles, user.sekolah_dipimpin
            terhitung.clear()
            monkeypatch.setattr(db.obj, "execute_sql", menghitung)
            try:
                layanan.rekap(user, periodik(2026, 1))
            finally:
                monkeypatch.setattr(db.obj, "execute_sql", asli)
            return len(terhitung)

    sedikit = hitung()
    assert sedikit > 0
    for i in range(5):
        orang = lengkap.dinas.orang(f"Guru Tambahan {i}", "guru", sekolah_id=lengkap.sd)
        lengkapi(schema, orang.id, lengkap.ks_sd.id, 2026, 1)
        nilai(schema, orang.id, lengkap.ks_sd.id, predikat="baik")
    assert hitung() == sedikit


def test_rekap_rejects_a_period_it_does_not_know(lengkap, masuk):
    kadis = masuk(lengkap, lengkap.kadis.username)
    assert kadis.get("/evaluasi/rekap?tahun=2026&periode=3").status_code == 404
    assert kadis.get("/evaluasi/rekap?tahun=1900").status_code == 404
