"""Every endpoint declares who may use it, and the guard holds every role to that declaration.

New endpoints are covered without anyone remembering: the first test fails until an endpoint is
listed in EXPECTED (with the access it must have), the second requests every GET endpoint as every
role of the demo dinas, as an operator and anonymously, and checks the answer against it.
"""

from __future__ import annotations

import pytest
from flask import Flask

from web.assets import fingerprint
from web.auth import Access
from web.models.base import hari_ini

DINAS = ("guru", "kepala_sekolah", "pengawas", "admin_dinas", "kepala_dinas")

ADMIN = frozenset({"admin_dinas"})
PEMBACA = frozenset({"admin_dinas", "kepala_dinas", "kepala_sekolah"})
MERENCANA = frozenset({"guru", "kepala_sekolah"})
PENILAI = frozenset({"kepala_sekolah", "kepala_dinas"})

# endpoint → (kind, roles, hosts). Change an entry only when the access itself should change.
EXPECTED: dict[str, tuple[str, frozenset[str], str]] = {
    "static_file": ("public", frozenset(), "any"),
    "auth.login": ("public", frozenset(), "any"),
    "auth.logout": ("public", frozenset(), "any"),
    "beranda.index": ("signed_in", frozenset(), "dinas"),
    "beranda.sehat": ("public", frozenset(), "dinas"),
    "berkas.unduh": ("public", frozenset(), "dinas"),
    "auth.aktivasi": ("public", frozenset(), "dinas"),
    "dinas.daftar_sekolah": ("roles", PEMBACA, "dinas"),
    "dinas.lihat_sekolah": ("roles", PEMBACA, "dinas"),
    "dinas.tambah_sekolah": ("roles", ADMIN, "dinas"),
    "dinas.ubah_sekolah": ("roles", ADMIN, "dinas"),
    "dinas.atur_aktif_sekolah": ("roles", ADMIN, "dinas"),
    "dinas.daftar_pegawai": ("roles", PEMBACA, "dinas"),
    "dinas.lihat_pegawai": ("signed_in", frozenset(), "dinas"),  # then: self, or in scope
    "dinas.tambah_pegawai": ("roles", ADMIN, "dinas"),
    "dinas.ubah_pegawai": ("roles", ADMIN, "dinas"),
    "dinas.atur_aktif_pegawai": ("roles", ADMIN, "dinas"),
    "dinas.mutasi_pegawai": ("roles", ADMIN, "dinas"),
    "dinas.tetapkan_jabatan": ("roles", ADMIN, "dinas"),
    "dinas.akhiri_jabatan": ("roles", ADMIN, "dinas"),
    "dinas.tambah_binaan": ("roles", ADMIN, "dinas"),
    "dinas.riwayat": ("roles", ADMIN, "dinas"),
    "dinas.kode_aktivasi_sekolah": ("roles", ADMIN | {"kepala_sekolah"}, "dinas"),
    "dinas.buat_kode_aktivasi_sekolah": ("roles", ADMIN | {"kepala_sekolah"}, "dinas"),
    "dinas.atur_ulang_akun": ("roles", ADMIN, "dinas"),
    "dinas.atur_aktif_akun": ("roles", ADMIN, "dinas"),
    "dinas.impor_baru": ("roles", ADMIN, "dinas"),
    "dinas.lihat_impor": ("roles", ADMIN, "dinas"),
    "dinas.kesalahan_impor": ("roles", ADMIN, "dinas"),
    "dinas.terapkan_impor": ("roles", ADMIN, "dinas"),
    "dinas.batalkan_impor": ("roles", ADMIN, "dinas"),
    "dinas.templat_impor": ("roles", ADMIN, "dinas"),
    "dinas.katalog": ("roles", ADMIN | {"kepala_dinas"}, "dinas"),
    "dinas.atur_prioritas": ("roles", ADMIN | {"kepala_dinas"}, "dinas"),
    "dinas.atur_poin": ("roles", ADMIN, "dinas"),
    "dinas.perpanjang_jadwal": ("roles", ADMIN, "dinas"),
    "dinas.laporan_data": ("roles", ADMIN, "dinas"),
    "dinas.jawab_laporan": ("roles", ADMIN, "dinas"),
    # SKP: the pegawai's journey (rencana.py)
    "skp.index": ("roles", MERENCANA, "dinas"),
    "skp.mulai": ("roles", MERENCANA, "dinas"),
    "skp.langkah_data": ("roles", MERENCANA, "dinas"),
    "skp.lapor_data": ("roles", MERENCANA, "dinas"),
    "skp.langkah_indikator": ("roles", MERENCANA, "dinas"),
    "skp.langkah_kompetensi": ("roles", MERENCANA, "dinas"),
    "skp.hitung_poin": ("roles", MERENCANA, "dinas"),
    "skp.langkah_tugas": ("roles", MERENCANA, "dinas"),
    "skp.langkah_perilaku": ("roles", MERENCANA, "dinas"),
    "skp.periksa": ("roles", MERENCANA, "dinas"),
    "skp.ajukan": ("roles", MERENCANA, "dinas"),
    "skp.tarik": ("roles", MERENCANA, "dinas"),
    "skp.sesuaikan": ("roles", MERENCANA, "dinas"),
    # SKP: the penilai (persetujuan.py)
    "skp.persetujuan": ("roles", PENILAI, "dinas"),
    "skp.periksa_skp": ("roles", PENILAI, "dinas"),
    # SKP: versions, document, progress (dokumen.py, kemajuan.py)
    "skp.lihat": ("signed_in", frozenset(), "dinas"),  # then: services.skp.boleh_lihat
    "skp.dokumen": ("signed_in", frozenset(), "dinas"),
    "skp.riwayat": ("roles", MERENCANA, "dinas"),
    "skp.riwayat_pegawai": ("roles", PEMBACA, "dinas"),
    "skp.kemajuan": ("roles", PEMBACA, "dinas"),
    "skp.kemajuan_sekolah": ("roles", PEMBACA, "dinas"),
    "dinas.rubrik": ("roles", ADMIN | {"kepala_dinas"}, "dinas"),
    "dinas.ubah_rubrik": ("roles", ADMIN, "dinas"),
    # The cycle: task list, steps A/C/E, the penilai's overview (siklus/langkah.py); object
    # rules after sign-in: services.siklus.pihak
    "siklus.index": ("roles", MERENCANA, "dinas"),
    "siklus.mulai": ("roles", MERENCANA, "dinas"),
    "siklus.langkah": ("signed_in", frozenset(), "dinas"),
    "siklus.simpan_langkah": ("signed_in", frozenset(), "dinas"),
    "siklus.selesai_mengisi": ("signed_in", frozenset(), "dinas"),
    "siklus.tutup_langkah": ("signed_in", frozenset(), "dinas"),
    "siklus.buka_langkah": ("signed_in", frozenset(), "dinas"),
    "siklus.penilai": ("roles", PENILAI, "dinas"),
    # observation B and tim kerja (siklus/observasi.py, tim.py)
    "siklus.observasi": ("signed_in", frozenset(), "dinas"),
    "siklus.tim": ("roles", PENILAI, "dinas"),
    "siklus.akhiri_tim": ("roles", PENILAI, "dinas"),
    "siklus.amati": ("signed_in", frozenset(), "dinas"),
    # step D and continuous feedback (siklus/tindak_lanjut.py, umpan_balik.py)
    # evidence, accountability documents, class attendance (bukti.py, siklus/akuntabilitas.py)
    "bukti.unduh": ("signed_in", frozenset(), "dinas"),  # then: services.berkas.boleh_unduh
    "siklus.dokumen": ("roles", MERENCANA, "dinas"),
    "siklus.unggah_dokumen": ("roles", MERENCANA, "dinas"),
    "siklus.kehadiran": ("roles", frozenset({"kepala_sekolah"}), "dinas"),
    "siklus.tindak_lanjut": ("signed_in", frozenset(), "dinas"),
    "siklus.catat_kegiatan": ("signed_in", frozenset(), "dinas"),
    "siklus.hapus_kegiatan": ("signed_in", frozenset(), "dinas"),
    "siklus.terima_kegiatan": ("signed_in", frozenset(), "dinas"),
    "siklus.tolak_kegiatan": ("signed_in", frozenset(), "dinas"),
    "siklus.selesai_tindak_lanjut": ("signed_in", frozenset(), "dinas"),
    "siklus.buka_tindak_lanjut": ("signed_in", frozenset(), "dinas"),
    "siklus.umpan_balik": ("signed_in", frozenset(), "dinas"),
    "siklus.tulis_umpan_balik": ("signed_in", frozenset(), "dinas"),
    "siklus.balas_umpan_balik": ("signed_in", frozenset(), "dinas"),
    # evaluation (evaluasi/penilai.py, hasil.py, rekap.py)
    "evaluasi.daftar": ("roles", PENILAI, "dinas"),
    "evaluasi.nilai": ("roles", PENILAI, "dinas"),
    "evaluasi.saya": ("roles", MERENCANA, "dinas"),
    "evaluasi.dokumen": ("signed_in", frozenset(), "dinas"),
    "evaluasi.rekap": ("roles", PEMBACA, "dinas"),
    "operator.index": ("operator", frozenset(), "apex"),
    "operator.create_dinas": ("operator", frozenset(), "apex"),
    "operator.change_status": ("operator", frozenset(), "apex"),
    # probes of the test app (tests/conftest.py)
    "uji.jalur": ("public", frozenset(), "any"),
    "uji.gagal": ("public", frozenset(), "dinas"),
}

# A value for every URL argument of a GET endpoint; a new argument needs a sample here. Objects
# are chosen so that everyone the declaration admits may also see them (SD Negeri 1 Contoh, led
# by the demo kepala sekolah; each identity's own pegawai record): object-level refusals are
# tested per blueprint, this test checks the declarations.
SAMPLES = {
    "fp": fingerprint("css/app.css"),
    "filename": "css/app.css",
    "token": "tautan-yang-tidak-sah",
    "sekolah_id": 1,
    "pegawai_id": "diri",
    "penugasan_id": 1,
    "objek": "pegawai",
    "objek_id": 1,
    "jenis": "pegawai",
    "impor_id": 1,
    "format": "csv",
    "huruf": "b",
    "jendela_id": 1,
    "tahun": hari_ini().year,  # the demo's plans are for this year
    "skp_id": 1,  # Rina Marlina's agreed plan
    "laporan_id": 1,
    "semester": 1 if hari_ini().month <= 6 else 2,
    "langkah": "A",
    "kode": "G1",
    "berkas_id": 999999,
    "periode": "1",
    "evaluasi_id": 999999,
}
# Samples that name nothing in the demo dinas: a bogus download token, an import never made,
# an evidence file that does not exist (web/siklus/test_bukti.py checks the real ones per role).
NAMES_NOTHING = {
    "berkas.unduh",
    "dinas.lihat_impor",
    "dinas.kesalahan_impor",
    "bukti.unduh",
    "evaluasi.dokumen",
}
# Pages behind an object rule whose sample this role may not see (Rina's SKP: not the pengawas's).
NOT_THEIRS = {
    ("skp.lihat", "pengawas"),
    ("skp.dokumen", "pengawas"),
    ("skp.periksa_skp", "kepala_dinas"),  # a guru's plan: the kepala sekolah is the penilai
    # pegawai_id "diri" is the user, and nobody is their own penilai
    ("evaluasi.nilai", "kepala_sekolah"),
    ("evaluasi.nilai", "kepala_dinas"),
}
# The sign-in page sends a signed-in user home instead.
GOES_HOME_WHEN_SIGNED_IN = {"auth.login"}

# Demo pegawai ids (tenants/demo.py creates them in this order).
PEGAWAI_ID = {
    "admin_dinas": 1,
    "kepala_dinas": 2,
    "kepala_sekolah": 3,
    "guru": 4,
    "pengawas": 9,
    "anonim": 4,
    "operator": 4,
}

# Demo dinas sign-ins (tenants/demo.py), by the role they are tested for.
LOGINS = {
    "guru": "198503122010012001",
    "kepala_sekolah": "197811202003122002",
    "pengawas": "197009091995121001",
    "admin_dinas": "admin@demo.kinerja.test",
    "kepala_dinas": "197204151998031003",
}
ROLES_OF = {
    "guru": {"guru"},
    "kepala_sekolah": {"guru", "kepala_sekolah"},
    "pengawas": {"pengawas"},
    "admin_dinas": {"admin_dinas"},
    "kepala_dinas": {"kepala_dinas"},
}


def test_every_endpoint_is_classified(app: Flask):
    declared = {}
    for endpoint, view in app.view_functions.items():
        access = getattr(view, "access", None)
        assert isinstance(access, Access), f"{endpoint} declares no access"
        declared[endpoint] = (access.kind, access.roles, access.hosts)
    unlisted = sorted(set(declared) - set(EXPECTED))
    assert not unlisted, f"add these endpoints to EXPECTED in {__file__}: {unlisted}"
    assert declared == {e: EXPECTED[e] for e in declared}


def _get_urls(app: Flask, who: str) -> list[tuple[str, str]]:
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        missing = set(rule.arguments) - set(SAMPLES)
        assert not missing, f"{rule.endpoint}: add a sample for {sorted(missing)} to SAMPLES"
        values = {arg: SAMPLES[arg] for arg in rule.arguments}
        if values.get("pegawai_id") == "diri":
            values["pegawai_id"] = PEGAWAI_ID[who]
        urls.append((rule.endpoint, rule.build(values)[1]))
    return urls


def _expected(endpoint: str, who: str, on_apex: bool, path: str) -> set[int]:
    kind, roles, hosts = EXPECTED[endpoint]
    if hosts != "any" and (hosts == "apex") != on_apex:
        return {303} if on_apex and path == "/" else {404}
    signed_in = who != "anonim"
    allowed = (
        kind == "public"
        or (kind == "operator" and who == "operator")
        or (kind == "signed_in" and who in DINAS)
        or (kind == "roles" and who in DINAS and bool(ROLES_OF[who] & roles))
    )
    if not allowed:
        return {303} if not signed_in else {403}
    # Allowed means the page itself; the only exceptions are named here, so a view that wrongly
    # answers 404 or redirects to everyone cannot hide behind a loose expectation.
    if endpoint in NAMES_NOTHING or (endpoint, who) in NOT_THEIRS:
        return {404}
    if endpoint in GOES_HOME_WHEN_SIGNED_IN and signed_in:
        return {303}
    return {200}


@pytest.mark.parametrize("who", [*DINAS, "anonim"])
def test_every_role_against_every_get_endpoint_on_a_dinas(app, demo, browser, who):
    client = browser("demo.kinerja.test")
    if who != "anonim":
        assert client.login(LOGINS[who], "demo-kinerja").status_code == 303
    for endpoint, path in _get_urls(app, who):
        response = client.get(path)
        expected = _expected(endpoint, who, False, path)
        assert response.status_code in expected, (endpoint, path, who, response.status_code)
        if response.status_code == 303 and who == "anonim":
            assert response.headers["Location"].startswith("/masuk") or endpoint == "auth.login"


@pytest.mark.parametrize("who", ["operator", "anonim"])
def test_every_get_endpoint_on_the_apex(app, demo, browser, who):
    client = browser("kinerja.test")
    if who == "operator":
        assert client.login("operator@kinerja.test", "demo-kinerja").status_code == 303
    for endpoint, path in _get_urls(app, who):
        response = client.get(path)
        expected = _expected(endpoint, who, True, path)
        assert response.status_code in expected, (endpoint, path, who, response.status_code)


@pytest.mark.parametrize("who", DINAS)
def test_no_dinas_role_reaches_the_operator_console(demo, browser, who):
    client = browser("demo.kinerja.test")
    client.login(LOGINS[who], "demo-kinerja")
    assert client.get("/operator/").status_code == 404
    assert client.post("/operator/dinas/demo/tangguhkan", csrf_from="/").status_code == 404
