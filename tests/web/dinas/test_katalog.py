"""The dinas's catalog: priorities, points the regulation left open, window extensions —
audited, and only for those who may."""

from __future__ import annotations

import datetime as dt

from web.db import tenant_transaction
from web.models import Audit, IndikatorPrioritas, Jendela, KegiatanKompetensi


def test_kepala_dinas_marks_a_priority_indicator_for_a_year(lengkap, masuk):
    kadis = masuk(lengkap, lengkap.kadis.username)
    page = kadis.get("/dinas/katalog?tahun=2026").get_data(as_text=True)
    assert "Keteraturan Suasana Kelas" in page or "G1" in page
    response = kadis.post(
        "/dinas/katalog/prioritas/G1/tandai?tahun=2026", csrf_from="/dinas/katalog"
    )
    assert response.status_code == 303
    assert "Prioritas</span>" in kadis.get("/dinas/katalog?tahun=2026").get_data(as_text=True)
    with tenant_transaction(lengkap.dinas.schema):
        assert IndikatorPrioritas.get(IndikatorPrioritas.indikator_kode == "G1").tahun == 2026
        entry = Audit.get(Audit.objek == "indikator_prioritas")
        assert entry.sesudah == {"kode": "G1", "tahun": 2026, "prioritas": True}
    kadis.post("/dinas/katalog/prioritas/G1/hapus?tahun=2026", csrf_from="/dinas/katalog")
    with tenant_transaction(lengkap.dinas.schema):
        assert not IndikatorPrioritas.select().exists()
    # the kepala dinas reads the catalog but does not set points
    assert kadis.get("/dinas/katalog/kegiatan/b").status_code == 403


def test_admin_sets_an_open_point_value_but_not_a_regulated_one(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    assert "nilai belum ditetapkan" in admin.get("/dinas/katalog").get_data(as_text=True)
    url = "/dinas/katalog/kegiatan/b"
    bad = admin.post(url, {"poin": "abc", "satuan": ""}, csrf_from=url)
    assert bad.status_code == 422 and "Harus berupa bilangan bulat." in bad.get_data(as_text=True)
    too_big = admin.post(url, {"poin": "500"}, csrf_from=url)
    assert too_big.status_code == 422
    assert "Poin harus antara 1 dan 128." in too_big.get_data(as_text=True)
    assert (
        admin.post(url, {"poin": "6", "satuan": "per kegiatan"}, csrf_from=url).status_code == 303
    )
    regulated = admin.post(
        "/dinas/katalog/kegiatan/j", {"poin": "1"}, csrf_from="/dinas/katalog/kegiatan/j"
    )
    assert regulated.status_code == 422
    assert "ditetapkan regulasi" in regulated.get_data(as_text=True)
    with tenant_transaction(lengkap.dinas.schema):
        b = KegiatanKompetensi.get(KegiatanKompetensi.huruf == "b")
        assert (b.poin, b.status_poin) == (6, "belum_dikonfirmasi")
        assert KegiatanKompetensi.get(KegiatanKompetensi.huruf == "j").poin == 8
        entry = Audit.get(Audit.objek == "kegiatan_kompetensi")
        assert entry.sebelum["poin"] is None and entry.sesudah["poin"] == 6


def test_admin_extends_a_window_and_cannot_shorten_it(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    with tenant_transaction(lengkap.dinas.schema):
        window = Jendela.get(Jendela.tahun == 2026, Jendela.kode == "skp_penyusunan")
    url = f"/dinas/katalog/jadwal/{window.id}/perpanjang"
    shorter = admin.post(url, {"sampai": "2026-01-15"}, csrf_from=url)
    assert shorter.status_code == 422
    assert admin.post(url, {"sampai": "2026-02-28"}, csrf_from=url).status_code == 303
    page = admin.get("/dinas/katalog?tahun=2026").get_data(as_text=True)
    # January 2026 is past (written in November 2026): late from the day after the new deadline.
    assert "Sudah lewat sejak 1 Maret 2026" in page
    with tenant_transaction(lengkap.dinas.schema):
        assert Jendela.get_by_id(window.id).diperpanjang_sampai == dt.date(2026, 2, 28)
        assert Audit.get(Audit.objek == "jendela").aksi == "perpanjang jadwal"


def test_guru_and_kepala_sekolah_do_not_see_the_catalog(lengkap, masuk):
    for who in (lengkap.guru_sd, lengkap.ks_sd):
        client = masuk(lengkap, who.username)
        assert client.get("/dinas/katalog").status_code == 403
        assert client.post("/dinas/katalog/prioritas/G1/tandai", csrf_from="/").status_code == 403
