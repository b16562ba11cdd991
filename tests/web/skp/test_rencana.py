"""The pegawai's own SKP journey: every step with its 422 path, submitting, withdrawing, the
penilai's agreement and the July version, the running point total for htmx, reporting wrong
data — checked on the pages and in the stored rows.

The plans are for 2026, whose January window is past once 2026 has begun: actions go through,
recorded as late, with a warning (DOMAIN.md §3).
"""

from __future__ import annotations

import datetime as dt
import gzip

from tests.conftest import tempatkan
from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK, PESAN_BEKU
from web.models import (
    Akun,
    AspekPerilaku,
    Audit,
    IndikatorPraktik,
    IndikatorPrioritas,
    Jendela,
    LaporanData,
    PerilakuBawaan,
)
from web.models.base import hari_ini, now
from web.models.skp import Skp, SkpKegiatan, SkpPerilaku, SkpRiwayat
from web.services import skp as layanan
from web.services.pegawai import dinilai_oleh

TAHUN = 2026
INDEX = f"/skp/?tahun={TAHUN}"
DATA = f"/skp/{TAHUN}/data"
INDIKATOR = f"/skp/{TAHUN}/indikator"
KOMPETENSI = f"/skp/{TAHUN}/kompetensi"
HITUNG = f"/skp/{TAHUN}/kompetensi/hitung"
TUGAS = f"/skp/{TAHUN}/tugas-tambahan"
PERILAKU = f"/skp/{TAHUN}/perilaku"
PERIKSA = f"/skp/{TAHUN}/periksa"


def text(response) -> str:
    return response.get_data(as_text=True)


def pengguna(lengkap, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), lengkap.dinas.schema)


def skp_dari(lengkap, pegawai_id: int) -> Skp:
    with tenant_transaction(lengkap.dinas.schema):
        return layanan.terakhir(pegawai_id, TAHUN)


def mulai(client) -> None:
    response = client.post(f"/skp/{TAHUN}/mulai", csrf_from=INDEX)
    assert response.status_code == 303
    assert response.headers["Location"] == DATA


def aspek(lengkap) -> list[AspekPerilaku]:
    with tenant_transaction(lengkap.dinas.schema):
        return list(AspekPerilaku.select().order_by(AspekPerilaku.urutan))


def isian_perilaku(lengkap, **ganti: str) -> dict[str, str]:
    """Every behaviour field filled with a recognisable text; `ganti` overrides some."""
    data = {}
    for a in aspek(lengkap):
        data[f"indikator_{a.kode}"] = f"Indikator {a.nama} saya"
        data[f"fokus_{a.kode}"] = f"Fokus {a.nama} saya"
    return data | ganti


def rencana_lengkap(client, lengkap, indikator: str = "G3") -> None:
    """Run steps 2-5 as a pegawai with a plan that can be submitted."""
    assert client.post(INDIKATOR, {"indikator_kode": indikator}, csrf_from=INDIKATOR).status_code
    post = client.post(
        KOMPETENSI, {"kali_j": "2", "kali_o": "2", "aksi": "lanjut"}, csrf_from=KOMPETENSI
    )
    assert post.status_code == 303
    post = client.post(TUGAS, {"ada": "tidak", "tugas_tambahan": ""}, csrf_from=TUGAS)
    assert post.status_code == 303
    assert client.post(PERILAKU, isian_perilaku(lengkap), csrf_from=PERILAKU).status_code == 303


# --- the whole journey --------------------------------------------------------------------


def test_a_guru_runs_every_step_submits_and_the_kepala_sekolah_sees_it(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = text(guru.get(INDEX))
    assert "Belum mulai" in page and "Mulai menyusun SKP 2026" in page
    assert "tercatat terlambat" in page  # the January window of 2026 is past
    mulai(guru)

    data = guru.get(DATA)
    page = text(data)
    assert data.status_code == 200 and "Langkah 1 dari 6" in page
    for expected in ("Guru SD", "198503122010012001", "SD Negeri Satu", "KS SD", "Kepala Sekolah"):
        assert expected in page
    assert f'href="{INDIKATOR}"' in page and "Data saya benar, lanjut" in page

    page = text(guru.get(INDIKATOR))
    assert "Langkah 2 dari 6" in page and f'href="{DATA}"' in page  # Kembali
    assert "Keteraturan Suasana Kelas" in page and "Aktivitas Interaktif" in page
    assert "manajemen kelas" in page and "Memandu Perencanaan Pembelajaran" not in page
    post = guru.post(INDIKATOR, {"indikator_kode": "G3"}, csrf_from=INDIKATOR)
    assert post.status_code == 303 and post.headers["Location"] == KOMPETENSI

    page = text(guru.get(KOMPETENSI))
    assert "Langkah 3 dari 6" in page and "nilai belum ditetapkan" in page
    assert 'name="kali_r"' in page and "(rentang 32–128)" in page
    post = guru.post(
        KOMPETENSI,
        {"kali_j": "2", "kali_o": "2", "kali_b": "1", "kali_a": "", "aksi": "lanjut"},
        csrf_from=KOMPETENSI,
    )
    assert post.status_code == 303 and post.headers["Location"] == TUGAS

    assert "Langkah 4 dari 6" in text(guru.get(TUGAS))
    tugas = "Wali kelas 4A (SK No. 421/07/2026)"
    post = guru.post(TUGAS, {"ada": "ada", "tugas_tambahan": tugas}, csrf_from=TUGAS)
    assert post.status_code == 303 and post.headers["Location"] == PERILAKU

    page = text(guru.get(PERILAKU))
    assert "Langkah 5 dari 6" in page and "Berorientasi Pelayanan" in page
    with tenant_transaction(lengkap.dinas.schema):
        bawaan = PerilakuBawaan.get(
            PerilakuBawaan.aspek_kode == "berorientasi_pelayanan", PerilakuBawaan.peran == "guru"
        )
    assert bawaan.fokus_perilaku in page  # prefilled with the guru's default
    post = guru.post(PERILAKU, isian_perilaku(lengkap), csrf_from=PERILAKU)
    assert post.status_code == 303 and post.headers["Location"] == PERIKSA

    page = text(guru.get(PERIKSA))
    assert "Langkah 6 dari 6" in page and "Periksa jawaban Anda" in page
    assert "Ekspektasi pada Peserta Didik" in page and tugas in page
    assert "Fokus Kolaboratif saya" in page and "Yang masih perlu dilengkapi" not in page
    assert "Kegiatan huruf b belum memiliki nilai poin dan dihitung 0." in page
    assert f'href="{INDIKATOR}?kembali=periksa"' in page  # Ubah
    assert "tercatat terlambat" in page  # the window warning beside the button
    post = guru.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA)
    assert post.status_code == 303 and post.headers["Location"] == INDEX

    page = text(guru.get(INDEX))
    assert "Menunggu persetujuan" in page and "KS SD" in page
    assert "Tarik kembali pengajuan" in page

    with tenant_transaction(lengkap.dinas.schema):
        skp = layanan.terakhir(lengkap.guru_sd.id, TAHUN)
        assert (skp.status, skp.peran, skp.versi) == ("diajukan", "guru", 1)
        assert (skp.indikator_kode, skp.tugas_tambahan) == ("G3", tugas)
        kegiatan = {k.huruf: k.jumlah for k in SkpKegiatan.select().where(SkpKegiatan.skp == skp)}
        assert kegiatan == {"j": 2, "o": 2, "b": 1}
        perilaku = {p.aspek: (p.indikator, p.fokus) for p in SkpPerilaku.select()}
        assert perilaku == {a: (f"Indikator {a} saya", f"Fokus {a} saya") for a in ASPEK_BERAKHLAK}
        ajukan = SkpRiwayat.get(SkpRiwayat.skp == skp, SkpRiwayat.aksi == "ajukan")
        assert ajukan.terlambat
        # …and the kepala sekolah is the one who sees it to agree.
        assert lengkap.guru_sd.id in [p.id for p in dinilai_oleh(lengkap.ks_sd.id)]
        ks = pengguna(lengkap, lengkap.ks_sd.id)
        assert layanan.boleh_lihat(ks, skp)


def test_a_kepala_sekolah_plans_with_the_school_leader_indicators_and_defaults(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    mulai(ks)
    page = text(ks.get(DATA))
    assert "Kepala Sekolah" in page and "Kepala Dinas" in page  # role, and the penilai
    page = text(ks.get(INDIKATOR))
    assert "Memandu Perencanaan Pembelajaran" in page and "K8" in page
    assert "Keteraturan Suasana Kelas" not in page
    with tenant_transaction(lengkap.dinas.schema):
        bawaan = PerilakuBawaan.get(
            PerilakuBawaan.aspek_kode == "berorientasi_pelayanan",
            PerilakuBawaan.peran == "kepala_sekolah",
        )
    page = text(ks.get(PERILAKU))
    assert bawaan.indikator in page and "peserta didik secara proaktif" not in page

    rencana_lengkap(ks, lengkap, indikator="K5")
    assert ks.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA).status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        skp = layanan.terakhir(lengkap.ks_sd.id, TAHUN)
        assert (skp.peran, skp.indikator_kode, skp.status) == ("kepala_sekolah", "K5", "diajukan")
        layanan.sepakati(pengguna(lengkap, lengkap.kadis.id), skp)
        assert Skp.get_by_id(skp.id).penilai_id == lengkap.kadis.id
    assert "Kepala Dinas" in text(ks.get(INDEX))


def test_the_choices_follow_the_dinas_catalog_and_the_data_page_names_a_missing_penilai(
    lengkap, masuk
):
    with tenant_transaction(lengkap.dinas.schema):
        IndikatorPrioritas.create(regime_kode="2024", indikator_kode="G2", tahun=TAHUN)
        IndikatorPrioritas.create(regime_kode="2024", indikator_kode="G4", tahun=TAHUN - 1)
        IndikatorPraktik.update(aktif=False).where(IndikatorPraktik.kode == "G8").execute()
    sekolah = lengkap.dinas.sekolah("40000009", "SD Tanpa Kepala")
    baru = lengkap.dinas.orang("Guru Baru", "guru", nip="199001012020121001", sekolah_id=sekolah)
    tempatkan(lengkap.dinas, baru, sekolah)
    guru = masuk(lengkap, baru.username)
    mulai(guru)
    page = text(guru.get(DATA))
    assert "SD Tanpa Kepala" in page
    assert "Penilai belum ditetapkan — hubungi admin dinas" in page

    page = text(guru.get(INDIKATOR))
    assert page.count("Prioritas dinas") == 1  # G2 this year; G4 was last year's
    g2 = page.index("Penerapan Disiplin Positif")
    assert g2 < page.index("Prioritas dinas") < page.index("Ekspektasi pada Peserta Didik")
    assert "Aktivitas Interaktif" not in page  # no longer active
    refused = guru.post(INDIKATOR, {"indikator_kode": "G8"}, csrf_from=INDIKATOR)
    assert refused.status_code == 422


# --- each step's 422 path -----------------------------------------------------------------


def test_every_step_refuses_invalid_input_and_shows_it_again(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)

    missing = guru.post(INDIKATOR, {}, csrf_from=INDIKATOR)
    assert missing.status_code == 422
    assert "Pilih satu indikator praktik yang akan ditingkatkan." in text(missing)
    assert "<title>Error: " in text(missing)
    other_role = guru.post(INDIKATOR, {"indikator_kode": "K1"}, csrf_from=INDIKATOR)
    assert other_role.status_code == 422 and "Pilihan tidak valid." in text(other_role)

    for wrong in ("abc", "-1", "21"):
        response = guru.post(
            KOMPETENSI, {"kali_j": wrong, "kali_o": "2", "aksi": "lanjut"}, csrf_from=KOMPETENSI
        )
        page = text(response)
        assert response.status_code == 422, wrong
        assert "Kegiatan huruf j: isi berapa kali dengan angka 0 sampai 20." in page
        assert f'value="{wrong}"' in page and 'value="2"' in page

    empty = guru.post(TUGAS, {"ada": "ada", "tugas_tambahan": "  "}, csrf_from=TUGAS)
    page = text(empty)
    assert empty.status_code == 422 and "Tuliskan tugas tambahan Anda dan nomor SK-nya." in page
    assert '<input checked id="ada-1" name="ada" required type="radio" value="ada">' in page
    too_long = guru.post(TUGAS, {"ada": "ada", "tugas_tambahan": "x" * 501}, csrf_from=TUGAS)
    assert too_long.status_code == 422 and "Paling banyak 500 karakter." in text(too_long)
    assert guru.post(TUGAS, {}, csrf_from=TUGAS).status_code == 422

    no_focus = guru.post(
        PERILAKU,
        isian_perilaku(lengkap, fokus_kompeten="", fokus_loyal="Setia pada Pancasila"),
        csrf_from=PERILAKU,
    )
    page = text(no_focus)
    assert no_focus.status_code == 422 and "Fokus perilaku Kompeten wajib diisi." in page
    assert "Setia pada Pancasila" in page  # the rest of the input is kept

    with tenant_transaction(lengkap.dinas.schema):
        skp = layanan.terakhir(lengkap.guru_sd.id, TAHUN)
        assert skp.indikator_kode is None and skp.tugas_tambahan == ""
        assert not SkpKegiatan.select().exists() and not SkpPerilaku.select().exists()


def test_an_incomplete_plan_is_not_submitted_and_nothing_is_lost(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    guru.post(INDIKATOR, {"indikator_kode": "G1"}, csrf_from=INDIKATOR)
    guru.post(KOMPETENSI, {"kali_j": "1", "aksi": "lanjut"}, csrf_from=KOMPETENSI)  # 8 points
    guru.post(TUGAS, {"ada": "ada", "tugas_tambahan": "Pembina pramuka"}, csrf_from=TUGAS)

    page = text(guru.get(PERIKSA))
    assert "Yang masih perlu dilengkapi" in page
    assert f'href="{PERILAKU}?kembali=periksa">Isi fokus perilaku untuk 7 dari 7' in page
    # A total out of range is a warning beside the plan, not something missing.
    assert f'href="{KOMPETENSI}?kembali=periksa">Jumlah poin' not in page
    assert "Jumlah poin 8 di luar rentang 32–128" in page
    assert "hanya dapat disepakati bila penilai menyetujui" in page

    response = guru.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA)
    page = text(response)
    assert response.status_code == 422 and "Ada yang perlu diperbaiki" in page
    assert "di luar rentang 32–128" in page and "Isi fokus perilaku" in page
    assert "Keteraturan Suasana Kelas" in page and "Pembina pramuka" in page
    with tenant_transaction(lengkap.dinas.schema):
        skp = layanan.terakhir(lengkap.guru_sd.id, TAHUN)
        assert (skp.status, skp.indikator_kode, skp.tugas_tambahan) == (
            "draf",
            "G1",
            "Pembina pramuka",
        )
        assert [(k.huruf, k.jumlah) for k in skp.kegiatan] == [("j", 1)]
        assert not SkpRiwayat.select().where(SkpRiwayat.aksi == "ajukan").exists()
    # The index then leads back to the first unfinished step.
    assert f'href="{PERILAKU}">Lanjutkan' in text(guru.get(INDEX)).replace('class="tombol" ', "")


def test_a_total_out_of_range_is_submitted_for_the_penilai_to_agree(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    rencana_lengkap(guru, lengkap)
    guru.post(KOMPETENSI, {"kali_q": "2", "aksi": "lanjut"}, csrf_from=KOMPETENSI)  # 256
    page = text(guru.get(PERIKSA))
    assert "Jumlah poin 256 di luar rentang 32–128" in page
    assert "Yang masih perlu dilengkapi" not in page
    assert "Rencana sudah lengkap dan dapat diajukan." in text(guru.get(INDEX))
    assert guru.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA).status_code == 303
    assert skp_dari(lengkap, lengkap.guru_sd.id).status == "diajukan"


# --- the running total --------------------------------------------------------------------


def test_the_running_total_is_a_fragment_and_saves_nothing(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    page = text(guru.get(KOMPETENSI))
    assert f'hx-post="{HITUNG}"' in page and 'hx-trigger="input changed delay:400ms"' in page
    token = guru.csrf_token(KOMPETENSI)
    headers = {"HX-Request": "true", "X-CSRFToken": token}

    response = guru.post(HITUNG, {"kali_j": "2", "kali_b": "3", "kali_q": ""}, headers=headers)
    fragment = text(response)
    assert response.status_code == 200 and "<html" not in fragment
    assert fragment.lstrip().startswith('<div id="total"')
    assert "Jumlah poin: <strong>16</strong>" in fragment  # j 2 × 8, b counts 0
    assert "Kegiatan huruf b belum memiliki nilai poin dan dihitung 0." in fragment
    assert "kurang dari minimal 32" in fragment and "Rencana tetap dapat disimpan." in fragment
    assert len(gzip.compress(response.get_data())) <= 4096

    bad = guru.post(HITUNG, {"kali_j": "abc", "kali_o": "21"}, headers=headers)
    fragment = text(bad)
    assert bad.status_code == 422 and "<html" not in fragment
    assert "Kegiatan huruf j: isi berapa kali" in fragment
    assert "Kegiatan huruf o: isi berapa kali" in fragment

    # Without a CSRF token nothing is computed either.
    assert guru.post(HITUNG, {"kali_j": "2"}, headers={"HX-Request": "true"}).status_code == 400
    with tenant_transaction(lengkap.dinas.schema):
        assert not SkpKegiatan.select().exists()

    # Without JavaScript, "Hitung ulang" saves and shows the page again with the new total.
    again = guru.post(KOMPETENSI, {"kali_q": "1", "aksi": "hitung"}, csrf_from=KOMPETENSI)
    assert again.status_code == 303 and again.headers["Location"] == KOMPETENSI
    page = text(guru.get(KOMPETENSI))
    assert "Jumlah poin: <strong>128</strong>" in page and "kurang dari" not in page
    over = guru.post(KOMPETENSI, {"kali_q": "2", "aksi": "lanjut"}, csrf_from=KOMPETENSI)
    assert over.status_code == 303  # out of range is a warning here, not an error
    assert "melebihi maksimal 128" in text(guru.get(KOMPETENSI))


def test_a_step_reached_from_the_check_page_returns_there(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    rencana_lengkap(guru, lengkap)
    url = f"{TUGAS}?kembali=periksa"
    assert f'href="{PERIKSA}">← Kembali' in text(guru.get(url))
    post = guru.post(url, {"ada": "ada", "tugas_tambahan": "Wali kelas 6B"}, csrf_from=url)
    assert post.status_code == 303 and post.headers["Location"] == PERIKSA
    assert "Wali kelas 6B" in text(guru.get(PERIKSA))
    url = f"{KOMPETENSI}?kembali=periksa"
    post = guru.post(url, {"kali_j": "4", "aksi": "hitung"}, csrf_from=url)
    assert post.headers["Location"] == url  # recounting keeps the way back


# --- after submitting ---------------------------------------------------------------------


def test_a_submitted_plan_is_read_only_until_withdrawn(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    rencana_lengkap(guru, lengkap)
    assert guru.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA).status_code == 303

    page = text(guru.get(INDIKATOR))
    assert "sedang diperiksa penilai" in page and "Tarik kembali pengajuan" in page
    assert 'name="indikator_kode"' not in page and "Fokus Loyal saya" in page
    refused = guru.post(INDIKATOR, {"indikator_kode": "G8"}, csrf_from=INDEX)
    assert refused.status_code == 409
    assert "Tarik kembali pengajuan untuk mengubahnya." in text(refused)
    assert skp_dari(lengkap, lengkap.guru_sd.id).indikator_kode == "G3"

    withdrawn = guru.post(f"/skp/{TAHUN}/tarik", csrf_from=INDEX)
    assert withdrawn.status_code == 303 and withdrawn.headers["Location"] == INDEX
    assert skp_dari(lengkap, lengkap.guru_sd.id).status == "draf"
    assert "Draf" in text(guru.get(INDEX))
    assert guru.post(INDIKATOR, {"indikator_kode": "G8"}, csrf_from=INDIKATOR).status_code == 303
    assert skp_dari(lengkap, lengkap.guru_sd.id).indikator_kode == "G8"
    # A draft has nothing to withdraw: the reason is shown.
    again = guru.post(f"/skp/{TAHUN}/tarik", csrf_from=INDEX)
    assert again.status_code == 422 and "belum diajukan" in text(again)


def test_a_plan_sent_back_shows_the_note_and_goes_back_after_revision(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    rencana_lengkap(guru, lengkap)
    guru.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA)
    with tenant_transaction(lengkap.dinas.schema):
        skp = layanan.terakhir(lengkap.guru_sd.id, TAHUN)
        catatan = "Pilih indikator yang sesuai hasil observasi semester lalu."
        layanan.minta_revisi(pengguna(lengkap, lengkap.ks_sd.id), skp, catatan)

    page = text(guru.get(INDEX))
    assert "Perlu revisi" in page and "Catatan penilai" in page and catatan in page
    assert f'href="{PERIKSA}">Perbaiki dan ajukan lagi' in page.replace('class="tombol" ', "")
    assert catatan in text(guru.get(PERIKSA))
    assert guru.post(INDIKATOR, {"indikator_kode": "G6"}, csrf_from=INDIKATOR).status_code == 303
    assert guru.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA).status_code == 303
    assert "Menunggu persetujuan" in text(guru.get(INDEX))
    with tenant_transaction(lengkap.dinas.schema):
        skp = layanan.terakhir(lengkap.guru_sd.id, TAHUN)
        assert (skp.status, skp.indikator_kode) == ("diajukan", "G6")
        assert layanan.perubahan_terakhir(skp) == [
            "Indikator praktik: G3 Ekspektasi pada Peserta Didik → G6 Instruksi yang Adaptif."
        ]


def test_after_agreement_the_steps_refuse_and_the_july_version_can_be_made(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    rencana_lengkap(guru, lengkap)
    guru.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA)
    with tenant_transaction(lengkap.dinas.schema):
        skp = layanan.terakhir(lengkap.guru_sd.id, TAHUN)
        layanan.sepakati(
            pengguna(lengkap, lengkap.ks_sd.id), skp, ekspektasi_khusus="Membimbing guru baru"
        )
    agreed_id = skp.id

    page = text(guru.get(INDEX))
    assert "Disepakati" in page and "Yang diubah penilai" in page
    assert "Ekspektasi khusus: (kosong) → “Membimbing guru baru”." in page
    # the read-only view and the printable document
    assert f'href="/skp/lihat/{agreed_id}"' in page
    assert f'href="/skp/lihat/{agreed_id}/dokumen"' in page
    assert "Buat penyesuaian Juli" in page

    refused = guru.post(TUGAS, {"ada": "ada", "tugas_tambahan": "Lain"}, csrf_from=INDEX)
    assert refused.status_code == 409 and PESAN_BEKU in text(refused)
    assert "Tarik kembali pengajuan" not in text(guru.get(PERILAKU))
    assert guru.post(f"/skp/{TAHUN}/tarik", csrf_from=INDEX).status_code == 422

    made = guru.post(f"/skp/{TAHUN}/sesuaikan", csrf_from=INDEX)
    assert made.status_code == 303 and made.headers["Location"] == INDEX
    page = text(guru.get(INDEX))
    assert "versi 2" in page and "Draf" in page
    assert "tercatat terlambat" in page  # the July window of 2026 is past as well
    with tenant_transaction(lengkap.dinas.schema):
        versions = [(s.versi, s.status) for s in layanan.versi(lengkap.guru_sd.id, TAHUN)]
        assert versions == [(1, "disepakati"), (2, "draf")]
        baru = layanan.terakhir(lengkap.guru_sd.id, TAHUN)
        assert baru.indikator_kode == "G3" and len(list(baru.kegiatan)) == 2
    # The new version is editable; the agreed one stays as it was.
    assert guru.post(INDIKATOR, {"indikator_kode": "G4"}, csrf_from=INDIKATOR).status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        assert Skp.get_by_id(agreed_id).indikator_kode == "G3"


def test_no_july_version_before_its_window_opens(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    rencana_lengkap(guru, lengkap)
    guru.post(f"/skp/{TAHUN}/ajukan", csrf_from=PERIKSA)
    with tenant_transaction(lengkap.dinas.schema):
        layanan.sepakati(
            pengguna(lengkap, lengkap.ks_sd.id), layanan.terakhir(lengkap.guru_sd.id, TAHUN)
        )
        # The dinas moved the adjustment window to begin in ten days.
        Jendela.update(
            mulai=hari_ini() + dt.timedelta(days=10), selesai=hari_ini() + dt.timedelta(days=40)
        ).where(Jendela.tahun == TAHUN, Jendela.kode == "skp_penyesuaian").execute()
    page = text(guru.get(INDEX))
    assert "Dibuka mulai" in page and "Buat penyesuaian Juli" not in page
    refused = guru.post(f"/skp/{TAHUN}/sesuaikan", csrf_from=INDEX)
    assert (
        refused.status_code == 422
        and "Penyesuaian SKP belum dapat dibuat: Dibuka mulai" in text(refused)
    )
    with tenant_transaction(lengkap.dinas.schema):
        assert len(layanan.versi(lengkap.guru_sd.id, TAHUN)) == 1


# --- reporting wrong data -----------------------------------------------------------------


def test_a_data_report_is_stored_audited_and_listed_with_its_answer(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    url = f"/skp/{TAHUN}/data/laporkan"
    assert f'href="{url}"' in text(guru.get(DATA))
    empty = guru.post(url, {"isi": "   "}, csrf_from=url)
    assert empty.status_code == 422
    assert "Tuliskan data yang salah dan isi yang benar." in text(empty)
    too_long = guru.post(url, {"isi": "y" * 2001}, csrf_from=url)
    assert too_long.status_code == 422 and "Paling banyak 2000 karakter." in text(too_long)

    isi = "Pangkat saya III/c sejak April, bukan III/b."
    sent = guru.post(url, {"isi": isi}, csrf_from=url)
    assert sent.status_code == 303 and sent.headers["Location"] == f"{DATA}?terkirim=1"
    assert "Laporan terkirim" in text(guru.get(sent.headers["Location"]))
    assert "Laporan terkirim" not in text(guru.get(DATA))
    page = text(guru.get(url))
    assert isi in page and "Belum ditanggapi" in page

    with tenant_transaction(lengkap.dinas.schema):
        laporan = LaporanData.get()
        assert (laporan.pegawai_id, laporan.isi, laporan.selesai) == (lengkap.guru_sd.id, isi, None)
        entry = Audit.get(Audit.objek == "laporan_data")
        assert entry.pelaku_nama == "Guru SD" and entry.aksi == "laporkan data"
        assert entry.sesudah["isi"] == isi and entry.sesudah["pegawai"] == lengkap.guru_sd.id
        laporan.selesai, laporan.tanggapan = now(), "Sudah kami perbaiki menjadi III/c."
        laporan.save()
    page = text(guru.get(url))
    assert "Sudah ditanggapi" in page and "Sudah kami perbaiki menjadi III/c." in page
    # Another pegawai does not see it.
    assert isi not in text(masuk(lengkap, lengkap.guru_smp.username).get(url))


# --- who reaches what ---------------------------------------------------------------------


def test_only_guru_and_kepala_sekolah_have_an_skp_journey(lengkap, masuk):
    for username in (lengkap.kadis.username, lengkap.admin):
        client = masuk(lengkap, username)
        assert client.get("/skp/").status_code == 403
        assert client.post(f"/skp/{TAHUN}/mulai", csrf_from="/").status_code == 403
        assert client.get(INDIKATOR).status_code == 403


def test_a_pegawai_only_reaches_their_own_plan_and_real_years(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    rencana_lengkap(guru, lengkap)
    other = masuk(lengkap, lengkap.guru_smp.username)
    # No plan of their own for the year: every step leads to the index, never to someone else's.
    for path in (DATA, INDIKATOR, KOMPETENSI, TUGAS, PERILAKU, PERIKSA):
        response = other.get(path)
        assert response.status_code == 303 and response.headers["Location"] == INDEX, path
    assert other.post(f"/skp/{TAHUN}/ajukan", csrf_from=INDEX).status_code == 303
    assert skp_dari(lengkap, lengkap.guru_sd.id).status == "draf"
    assert "Belum mulai" in text(other.get(INDEX))
    assert guru.get("/skp/?tahun=1999").status_code == 404
    assert guru.get("/skp/3000/indikator").status_code == 404


def test_a_session_of_one_dinas_does_not_reach_the_skp_of_another(
    lengkap, masuk, make_tenant, browser
):
    other = make_tenant("lain")
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get("/skp/").status_code == 200
    thief = browser(other.host)
    thief.client.set_cookie("kinerja_sesi", guru.cookie(), domain=other.host)
    response = thief.get("/skp/")
    assert response.status_code == 303 and response.headers["Location"].startswith("/masuk")


def test_the_biggest_pages_stay_within_the_byte_budget(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    mulai(guru)
    rencana_lengkap(guru, lengkap)
    for path in (INDEX, DATA, INDIKATOR, KOMPETENSI, TUGAS, PERILAKU, PERIKSA):
        response = guru.get(path)
        assert response.status_code == 200, path
        assert len(gzip.compress(response.get_data())) <= 8192, path
