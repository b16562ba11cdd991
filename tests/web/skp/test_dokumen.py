"""An SKP version read-only, its printable document and the year's versions and history: who may
read them, what the document holds, and that an agreed version never changes afterwards."""

from __future__ import annotations

import datetime as dt
import gzip
import re

from tests.conftest import jabat
from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import Akun, Jendela, Pegawai, Penugasan
from web.models.base import hari_ini
from web.models.skp import Skp, SkpRiwayat
from web.services import skp as layanan
from web.services.skp import Perilaku
from web.tampilan import tanggal

FOKUS = {a: Perilaku(f"Indikator {a.lower()}", f"Fokus {a.lower()}") for a in ASPEK_BERAKHLAK}
TAHUN = 2026


def pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def rencana(schema: str, pegawai_id: int, indikator: str = "G1", **kegiatan: int) -> Skp:
    """A complete plan of `TAHUN` for the pegawai, as a draft."""
    user = pengguna(schema, pegawai_id)
    return layanan.simpan(
        user,
        layanan.mulai(user, TAHUN),
        indikator_kode=indikator,
        kegiatan=kegiatan or {"j": 2, "o": 2},
        perilaku=FOKUS,
        tugas_tambahan="Wali kelas 4A",
    )


def ajukan(schema: str, skp: Skp) -> None:
    layanan.ajukan(pengguna(schema, skp.pegawai_id), skp)


def sepakati(schema: str, skp: Skp, penilai_id: int, ekspektasi: str = "") -> None:
    layanan.sepakati(pengguna(schema, penilai_id), skp, ekspektasi_khusus=ekspektasi)


def perpanjang(sampai: dt.date | None, kode: str = "skp_penyusunan") -> None:
    Jendela.update(diperpanjang_sampai=sampai).where(
        Jendela.tahun == TAHUN, Jendela.kode == kode
    ).execute()


def isi_utama(response) -> str:
    """The page's <main>, without the per-request CSRF tokens, to compare two visits."""
    html = response.get_data(as_text=True)
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r'("X-CSRFToken": "|name="csrf_token" value=")[^"]+', r"\1", main)


# --- access ---------------------------------------------------------------------------------


def test_owner_penilai_and_readers_see_a_version_others_get_404(lengkap, masuk, browser):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        skp = rencana(schema, lengkap.guru_sd.id)
        ajukan(schema, skp)
    paths = (f"/skp/lihat/{skp.id}", f"/skp/lihat/{skp.id}/dokumen")
    for who in (lengkap.guru_sd.username, lengkap.ks_sd.username, lengkap.kadis.username):
        client = masuk(lengkap, who)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (who, path)
            assert "Guru SD" in response.get_data(as_text=True)
    admin = masuk(lengkap, lengkap.admin)
    assert all(admin.get(path).status_code == 200 for path in paths)
    for who in (lengkap.guru_smp.username, lengkap.ks_smp.username):
        client = masuk(lengkap, who)
        assert [client.get(path).status_code for path in paths] == [404, 404], who
    # An id that exists nowhere reads the same as one the user may not see.
    assert admin.get(f"/skp/lihat/{skp.id + 1000}").status_code == 404


def test_a_session_of_another_dinas_is_not_signed_in_here(lengkap, make_tenant, browser):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        skp = rencana(schema, lengkap.guru_sd.id)
    other = make_tenant("lain")
    elsewhere = browser(other.host)
    assert elsewhere.login(f"admin@{other.slug}.test").status_code == 303
    thief = browser(lengkap.dinas.host)
    thief.client.set_cookie("kinerja_sesi", elsewhere.cookie(), domain=lengkap.dinas.host)
    for path in (
        f"/skp/lihat/{skp.id}",
        f"/skp/lihat/{skp.id}/dokumen",
        f"/skp/pegawai/{lengkap.guru_sd.id}/riwayat",
        "/skp/kemajuan",
        "/dinas/laporan",
    ):
        response = thief.get(path)
        assert response.status_code == 303, path
        assert response.headers["Location"].startswith("/masuk"), path


def test_history_pages_by_role_and_scope(lengkap, masuk):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        rencana(schema, lengkap.guru_sd.id)
    own = masuk(lengkap, lengkap.guru_sd.username)
    page = own.get(f"/skp/{TAHUN}/riwayat")
    assert page.status_code == 200 and "Mulai menyusun" in page.get_data(as_text=True)
    assert own.get(f"/skp/pegawai/{lengkap.guru_sd.id}/riwayat").status_code == 403
    # A year without an SKP is a page that says so, not an error.
    empty = own.get(f"/skp/{TAHUN + 1}/riwayat").get_data(as_text=True)
    assert f"Anda belum mulai menyusun SKP tahun {TAHUN + 1}" in empty
    assert own.get("/skp/1900/riwayat").status_code == 404

    path = f"/skp/pegawai/{lengkap.guru_sd.id}/riwayat?tahun={TAHUN}"
    for who in (lengkap.ks_sd.username, lengkap.kadis.username, lengkap.admin):
        response = masuk(lengkap, who).get(path)
        assert response.status_code == 200, who
        assert "Riwayat SKP 2026: Guru SD" in response.get_data(as_text=True)
    assert masuk(lengkap, lengkap.ks_smp.username).get(path).status_code == 404
    assert masuk(lengkap, lengkap.admin).get(f"/skp/{TAHUN}/riwayat").status_code == 403


# --- the printable document -----------------------------------------------------------------


def test_the_document_of_an_agreed_guru_skp_has_every_part(lengkap, masuk):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        Pegawai.update(pangkat_golongan="III/c", jenjang_jabatan="Ahli Muda").where(
            Pegawai.id == lengkap.guru_sd.id
        ).execute()
        Pegawai.update(pangkat_golongan="IV/a").where(Pegawai.id == lengkap.ks_sd.id).execute()
        skp = rencana(schema, lengkap.guru_sd.id, "G1", j=2, o=2)
        ajukan(schema, skp)
        sepakati(schema, skp, lengkap.ks_sd.id, "Membimbing dua guru baru")
        disepakati = tanggal(Skp.get_by_id(skp.id).disepakati)
    response = masuk(lengkap, lengkap.guru_sd.username).get(f"/skp/lihat/{skp.id}/dokumen")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for part in (
        f"DINAS UJI {lengkap.dinas.slug.upper()}",
        "SASARAN KINERJA PEGAWAI",
        "Periode 1 Januari – 31 Desember 2026",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        # both identities: name, NIP, rank, post, unit
        "Guru SD",
        "198503122010012001",
        "III/c",
        "Guru Ahli Muda",
        "KS SD",
        "197811202003122002",
        "IV/a",
        "<td>Kepala Sekolah</td>",
        "SD Negeri Satu",
        # the RHK targets filled from the plan
        "Keteraturan Suasana Kelas (G1)",
        "32 poin",
        "Wali kelas 4A",
        # competency plan with its total, behaviours, the penilai's expectation, the agreement
        "<strong>32</strong>",
        "Membimbing dua guru baru",
        f"Disepakati pada {disepakati}.",
    ):
        assert part in page, part
    for aspek in ASPEK_BERAKHLAK:
        assert f"Fokus: Fokus {aspek.lower()}" in page
        assert f"Indikator: Indikator {aspek.lower()}" in page
    rows = re.findall(r"<tr><td>([a-z])\.</td>", page)
    assert rows == ["a", "b", "c", "d", "e"]
    assert "DRAF" not in page and "Belum disepakati" not in page
    assert "Plt." not in page
    assert "Penyesuaian Juli" not in page
    # One printable page stays within the byte budget once CSS and htmx are cached.
    assert len(gzip.compress(response.get_data())) <= 8 * 1024


def test_a_kepala_sekolah_draft_document_has_nine_rhk_and_is_marked_not_final(lengkap, masuk):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        skp = rencana(schema, lengkap.ks_sd.id, "K1", q=1)
        assert skp.peran == "kepala_sekolah"
    response = masuk(lengkap, lengkap.kadis.username).get(f"/skp/lihat/{skp.id}/dokumen")
    assert response.status_code == 200
    assert len(gzip.compress(response.get_data())) <= 8 * 1024
    page = response.get_data(as_text=True)
    assert re.findall(r"<tr><td>([a-z])\.</td>", page) == list("abcdefghi")
    assert "Memandu Perencanaan Pembelajaran (K1)" in page
    assert "128 poin" in page
    # The kepala sekolah's penilai is the kepala dinas of this dinas.
    assert "Kepala Dinas" in page and "197204151998031003" in page
    assert "DRAF — BELUM DISEPAKATI" in page and "Belum disepakati" in page
    assert "Disepakati pada" not in page


def test_a_plt_penilai_is_named_as_plt(lengkap, masuk):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        Penugasan.update(selesai=hari_ini()).where(Penugasan.pegawai == lengkap.ks_sd.id).execute()
    jabat(lengkap.dinas, lengkap.ks_smp, "kepala_sekolah", lengkap.sd, plt=True)
    with tenant_transaction(schema):
        skp = rencana(schema, lengkap.guru_sd.id)
        ajukan(schema, skp)
    client = masuk(lengkap, lengkap.guru_sd.username)
    page = client.get(f"/skp/lihat/{skp.id}/dokumen").get_data(as_text=True)
    assert "<td>Plt. Kepala Sekolah</td>" in page
    assert "KS SMP" in page and "197605102000031004" in page
    assert "Plt. KS SMP" in client.get(f"/skp/lihat/{skp.id}").get_data(as_text=True)


# --- versions -------------------------------------------------------------------------------


def test_version_one_stays_readable_and_unchanged_after_the_july_version(lengkap, masuk):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        first = rencana(schema, lengkap.guru_sd.id)
        ajukan(schema, first)
        sepakati(schema, first, lengkap.ks_sd.id, "Hadir tepat waktu")
    guru = masuk(lengkap, lengkap.guru_sd.username)
    before = [isi_utama(guru.get(f"/skp/lihat/{first.id}{x}")) for x in ("", "/dokumen")]
    assert "Disepakati" in before[0] and "Hadir tepat waktu" in before[1]

    with tenant_transaction(schema):
        user = pengguna(schema, lengkap.guru_sd.id)
        second = layanan.sesuaikan(user, Skp.get_by_id(first.id))
        layanan.simpan(user, second, kegiatan={"q": 1}, tugas_tambahan="Pembina pramuka")
    after = [isi_utama(guru.get(f"/skp/lihat/{first.id}{x}")) for x in ("", "/dokumen")]
    assert after == before

    page = guru.get(f"/skp/lihat/{second.id}/dokumen").get_data(as_text=True)
    assert "Penyesuaian Juli, versi 2" in page and "Pembina pramuka" in page
    assert "128 poin" in page and "Belum disepakati" in page
    versions = guru.get(f"/skp/{TAHUN}/riwayat").get_data(as_text=True)
    assert f'href="/skp/lihat/{first.id}">Versi 1' in versions
    assert f'href="/skp/lihat/{second.id}">Versi 2 (penyesuaian Juli)' in versions


def test_the_history_lists_actions_late_marks_notes_and_changes(lengkap, masuk):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        skp = rencana(schema, lengkap.guru_sd.id)
        perpanjang(hari_ini() + dt.timedelta(days=3))  # on time while extended
        ajukan(schema, skp)
        layanan.minta_revisi(pengguna(schema, lengkap.ks_sd.id), skp, "Tambah observasi")
        layanan.simpan(
            pengguna(schema, lengkap.guru_sd.id), skp, indikator_kode="G3", kegiatan={"j": 3}
        )
        layanan.simpan(pengguna(schema, lengkap.guru_sd.id), skp, kegiatan={"j": 3, "o": 1})
        ajukan(schema, skp)
        perpanjang(None)  # the January deadline has passed: agreeing is late
        sepakati(schema, skp, lengkap.ks_sd.id)
        second = layanan.sesuaikan(pengguna(schema, lengkap.guru_sd.id), Skp.get_by_id(skp.id))
        layanan.simpan(pengguna(schema, lengkap.guru_sd.id), second, kegiatan={"q": 1})
        ajukan(schema, second)
        late = {(r.skp_id, r.aksi) for r in SkpRiwayat.select().where(SkpRiwayat.terlambat)}
    assert late == {(skp.id, "sepakati"), (second.id, "penyesuaian"), (second.id, "ajukan")}

    page = masuk(lengkap, lengkap.guru_sd.username).get(f"/skp/{TAHUN}/riwayat")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    labels = re.findall(r"<li><strong>([^<]+)</strong>", html)
    assert labels == [
        "Diajukan",
        "Penyesuaian Juli dibuat",
        "Disepakati",
        "Diajukan",
        "Dikembalikan untuk revisi",
        "Diajukan",
        "Mulai menyusun",
    ]
    assert html.count(">terlambat</b>") == 3
    assert "Catatan penilai: Tambah observasi" in html
    assert "Guru SD" in html and "KS SD" in html  # who acted
    # The resubmission against the send-back: what the pegawai revised.
    assert (
        "Indikator praktik: G1 Keteraturan Suasana Kelas → G3 Ekspektasi pada Peserta Didik."
        in (html)
    )
    assert "Kegiatan huruf j: 2 → 3 kali." in html
    assert "Kegiatan huruf o: 2 → 1 kali." in html
    # The July version's submission against the agreed plan it was copied from.
    assert "Kegiatan huruf q ditambahkan (1 kali)." in html
    assert "Kegiatan huruf j dihapus (sebelumnya 3 kali)." in html

    seen = masuk(lengkap, lengkap.guru_sd.username).get(f"/skp/lihat/{skp.id}")
    assert "Disepakati terlambat" in seen.get_data(as_text=True)
    assert "Diajukan terlambat" not in seen.get_data(as_text=True)


def test_the_read_only_page_shows_the_penilai_note_and_the_window(lengkap, masuk):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        skp = rencana(schema, lengkap.guru_sd.id)
        ajukan(schema, skp)
        layanan.minta_revisi(pengguna(schema, lengkap.ks_sd.id), skp, "Pilih indikator lain")
    page = masuk(lengkap, lengkap.ks_sd.username).get(f"/skp/lihat/{skp.id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Perlu revisi" in html and "Pilih indikator lain" in html
    assert "tercatat terlambat" in html  # the January window of 2026 has passed
    assert f'href="/skp/lihat/{skp.id}/dokumen"' in html
    assert f'href="/skp/pegawai/{lengkap.guru_sd.id}/riwayat?tahun={TAHUN}"' in html
