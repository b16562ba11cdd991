"""The penilai's evaluation page: what is missing answers 422 with the input kept, the predikat
is computed and hidden behind the accountability gate, a final evaluation is read only (409) and
corrected by a new revision; only the penilai of today reaches it."""

from __future__ import annotations

import gzip
from decimal import Decimal

from tests.integration.test_evaluasi_layanan import lengkapi_dokumen
from web.db import tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import Evaluasi, Pegawai


def url(lengkap, periode: str = "1") -> str:
    return f"/evaluasi/{lengkap.guru_sd.id}/2026/{periode}"


def isian(hasil: str = "di_atas", perilaku: str = "di_atas", **lain: str) -> dict[str, str]:
    data = {
        "upaya_refleksi": "sesuai",
        "upaya_mempelajari": "sesuai",
        "perubahan_praktik": "di_atas",
        "hasil_kerja": hasil,
        "perilaku": perilaku,
        "catatan": "Refleksi jujur",
        "rekomendasi": "Lanjutkan",
    }
    data |= {f"fokus_{i}": "sesuai" for i in range(len(ASPEK_BERAKHLAK))}
    return data | lain


def siapkan(lengkap, status: str = "PNS", dokumen: bool = True) -> None:
    with tenant_transaction(lengkap.dinas.schema):
        Pegawai.update(status_kepegawaian=status, jenjang_jabatan="Ahli Muda").where(
            Pegawai.id == lengkap.guru_sd.id
        ).execute()
        if dokumen:
            lengkapi_dokumen(lengkap.guru_sd.id, lengkap.ks_sd.id, 2026, 1)


def test_draft_then_finalise_with_missing_ratings_422_and_the_ak_shown(lengkap, masuk):
    siapkan(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = ks.get(url(lengkap))
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Guru SD" in text and "Upaya Refleksi" in text
    assert "Predikat: belum lengkap" in text and "Siklus semester ini belum dimulai." in text

    kurang = isian(perilaku="", catatan="Catatan saya", finalkan="1")
    response = ks.post(url(lengkap), kurang, csrf_from=url(lengkap))
    text = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Rating perilaku kerja belum dipilih." in text and "Catatan saya" in text
    assert 'value="di_atas" checked' in text  # the chosen ratings are kept
    salah = ks.post(url(lengkap), isian(hasil="luar_biasa"), csrf_from=url(lengkap))
    assert salah.status_code == 422 and "Pilihan tidak valid." in salah.get_data(as_text=True)
    with tenant_transaction(lengkap.dinas.schema):
        assert not Evaluasi.select().exists()

    draf = ks.post(url(lengkap), isian(perilaku="", simpan="1"), csrf_from=url(lengkap))
    assert draf.status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        assert Evaluasi.get().status == "draf"

    final = ks.post(url(lengkap), isian(finalkan="1"), csrf_from=url(lengkap))
    assert final.status_code == 303
    text = ks.get(url(lengkap)).get_data(as_text=True)
    assert "Sangat Baik" in text and "25 × 150% × 6/12 = 18,75" in text
    with tenant_transaction(lengkap.dinas.schema):
        ev = Evaluasi.get()
        assert (ev.status, ev.predikat) == ("final", "sangat_baik")
        assert ev.angka_kredit == Decimal("18.75")


def test_predikat_computed_for_cells_and_pppk_has_no_ak(lengkap, masuk):
    siapkan(lengkap, status="PPPK")
    ks = masuk(lengkap, lengkap.ks_sd.username)
    for hasil, perilaku, label in (
        ("di_atas", "di_bawah", "Kurang"),
        ("sesuai", "di_atas", "Baik"),
        ("di_bawah", "sesuai", "Butuh Perbaikan"),
        ("di_bawah", "di_bawah", "Sangat Kurang"),
    ):
        fragment = ks.get(
            f"{url(lengkap)}?pratinjau=1&hasil_kerja={hasil}&perilaku={perilaku}",
            headers={"HX-Request": "true"},
        ).get_data(as_text=True)
        assert f"<strong>{label}</strong>" in fragment and "<html" not in fragment
        assert "tidak berlaku (PPPK)" in fragment
    assert ks.post(url(lengkap), isian("sesuai", "sesuai", finalkan="1"), csrf_from=url(lengkap))
    with tenant_transaction(lengkap.dinas.schema):
        ev = Evaluasi.get()
        assert (ev.predikat, ev.angka_kredit, ev.status_kepegawaian) == ("baik", None, "PPPK")


def test_the_gate_hides_the_predikat_and_blocks_finalising(lengkap, masuk):
    siapkan(lengkap, dokumen=False)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    ks.post(url(lengkap), isian(simpan="1"), csrf_from=url(lengkap))
    text = ks.get(url(lengkap)).get_data(as_text=True)
    assert "Dokumen akuntabilitas belum lengkap" in text and "K3" in text
    assert "Sangat Baik" not in text and "disembunyikan" in text
    response = ks.post(url(lengkap), isian(finalkan="1"), csrf_from=url(lengkap))
    assert response.status_code == 422 and "belum ada." in response.get_data(as_text=True)
    with tenant_transaction(lengkap.dinas.schema):
        assert Evaluasi.get().status == "draf"
    daftar = ks.get("/evaluasi/?tahun=2026&periode=1").get_data(as_text=True)
    assert "Guru SD" in daftar and "Draf" in daftar


def test_final_is_immutable_and_a_correction_makes_revision_two(lengkap, masuk):
    siapkan(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert ks.post(url(lengkap), isian(finalkan="1"), csrf_from=url(lengkap)).status_code == 303
    assert ks.post(url(lengkap), isian(simpan="1"), csrf_from=url(lengkap)).status_code == 409
    kosong = ks.post(url(lengkap), {"alasan": ""}, csrf_from=url(lengkap))
    assert kosong.status_code == 422
    assert "Alasan koreksi wajib diisi." in kosong.get_data(as_text=True)
    koreksi = ks.post(url(lengkap), {"alasan": "Salah pilih perilaku"}, csrf_from=url(lengkap))
    assert koreksi.status_code == 303
    text = ks.get(url(lengkap)).get_data(as_text=True)
    assert "Revisi 2 — draf" in text and "Revisi 1 — final" in text
    assert "Salah pilih perilaku" in text and "Simpan draf" in text
    with tenant_transaction(lengkap.dinas.schema):
        revisi = list(Evaluasi.select().order_by(Evaluasi.revisi))
        assert [(e.revisi, e.status) for e in revisi] == [(1, "final"), (2, "draf")]
        assert revisi[1].menggantikan_id == revisi[0].id
    daftar = ks.get("/evaluasi/?tahun=2026&periode=1").get_data(as_text=True)
    assert "Draf (revisi 2)" in daftar


def test_annual_page_shows_the_two_periodic_evaluations(lengkap, masuk):
    siapkan(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    ks.post(url(lengkap), isian("sesuai", "sesuai", finalkan="1"), csrf_from=url(lengkap))
    text = ks.get(url(lengkap, "tahunan")).get_data(as_text=True)
    assert "Periodik Januari–Juni 2026" in text and "Belum final" in text


def test_only_the_penilai_of_today_reaches_the_page(lengkap, masuk, make_tenant):
    target = url(lengkap)
    assert masuk(lengkap, lengkap.ks_smp.username).get(target).status_code == 404
    assert masuk(lengkap, lengkap.kadis.username).get(target).status_code == 404
    assert masuk(lengkap, lengkap.guru_smp.username).get(target).status_code == 403
    assert masuk(lengkap, lengkap.guru_sd.username).get("/evaluasi/").status_code == 403
    kadis = masuk(lengkap, lengkap.kadis.username)
    assert kadis.get(f"/evaluasi/{lengkap.ks_sd.id}/2026/2").status_code == 200
    assert "KS SMP" in kadis.get("/evaluasi/?tahun=2026&periode=2").get_data(as_text=True)
    # a pegawai id of another dinas means nothing here
    ks_smp = masuk(lengkap, lengkap.ks_smp.username)
    assert ks_smp.get("/evaluasi/99999/2026/1").status_code == 404
    assert ks_smp.get(f"/evaluasi/{lengkap.guru_sd.id}/2026/3").status_code == 404


def test_a_session_of_another_dinas_is_not_signed_in_here(lengkap, make_tenant, browser):
    other = make_tenant("lain")
    elsewhere = browser(other.host)
    assert elsewhere.login(f"admin@{other.slug}.test").status_code == 303
    thief = browser(lengkap.dinas.host)
    thief.client.set_cookie("kinerja_sesi", elsewhere.cookie(), domain=lengkap.dinas.host)
    for path in (url(lengkap), "/evaluasi/?tahun=2026&periode=1"):
        response = thief.get(path)
        assert response.status_code == 303 and response.headers["Location"].startswith("/masuk")


def test_pages_stay_within_the_byte_budget(lengkap, masuk):
    siapkan(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    ks.post(url(lengkap), isian(finalkan="1", catatan="x" * 500), csrf_from=url(lengkap))
    ks.post(url(lengkap), {"alasan": "Koreksi " * 50}, csrf_from=url(lengkap))
    for path in (url(lengkap), url(lengkap, "tahunan"), "/evaluasi/?tahun=2026&periode=1"):
        body = ks.get(path).get_data()
        assert len(gzip.compress(body)) <= 8 * 1024, path
    fragment = ks.get(
        f"{url(lengkap)}?pratinjau=1&hasil_kerja=sesuai&perilaku=sesuai",
        headers={"HX-Request": "true"},
    ).get_data()
    assert len(fragment) <= 4 * 1024
