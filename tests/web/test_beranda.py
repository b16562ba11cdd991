"""The landing page tells each role what is waiting for them, with a link to where it is done."""

from __future__ import annotations

from tests.integration.test_skp_layanan import pengguna, rencana_lengkap
from web.db import tenant_transaction
from web.models import LaporanData, TimKerja
from web.models.base import hari_ini
from web.services import siklus
from web.services import skp as layanan


def test_each_role_sees_what_waits_for_them(lengkap, masuk):
    tahun = hari_ini().year
    guru_page = masuk(lengkap, lengkap.guru_sd.username).get("/").get_data(as_text=True)
    assert f"SKP {tahun}: belum mulai disusun" in guru_page
    assert 'href="/skp/"' in guru_page
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert "menunggu persetujuan Anda" not in ks.get("/").get_data(as_text=True)

    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        layanan.ajukan(guru, rencana_lengkap(guru, layanan.mulai(guru, tahun)))
        LaporanData.create(pegawai=lengkap.guru_sd.id, isi="NIP saya salah satu angka.")

    assert f"SKP {tahun}: Menunggu persetujuan" in masuk(lengkap, lengkap.guru_sd.username).get(
        "/"
    ).get_data(as_text=True)
    ks_page = ks.get("/").get_data(as_text=True)
    assert "1 SKP menunggu persetujuan Anda" in ks_page and 'href="/skp/persetujuan"' in ks_page
    # The other school's head appraises nobody who submitted; the kepala dinas neither.
    other = masuk(lengkap, lengkap.ks_smp.username).get("/").get_data(as_text=True)
    assert "menunggu persetujuan Anda" not in other
    admin = masuk(lengkap, lengkap.admin).get("/").get_data(as_text=True)
    assert "1 laporan data salah belum ditanggapi" in admin
    assert "laporan data salah" not in ks_page


def test_the_cycle_and_the_tim_kerja_show_on_the_landing_page(lengkap, masuk):
    tahun, hari = hari_ini().year, hari_ini()
    semester = 1 if hari.month <= 6 else 2
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, tahun))
        layanan.ajukan(guru, skp)
        layanan.sepakati(pengguna(schema, lengkap.ks_sd.id), skp)
    client = masuk(lengkap, lengkap.guru_sd.username)
    page = client.get("/").get_data(as_text=True)
    assert f"SKP {tahun}: Disepakati" in page and "Sudah lewat" not in page
    assert f"Siklus semester {semester}: belum dimulai" in page
    with tenant_transaction(schema):
        siklus.mulai(lengkap.guru_sd.id, tahun, semester)
        TimKerja.create(
            pegawai=lengkap.guru_sd.id,
            anggota=lengkap.ks_smp.id,
            ditunjuk_oleh=lengkap.ks_sd.id,
            mulai=hari,
        )
    page = client.get("/").get_data(as_text=True)
    assert f"Siklus semester {semester}: langkah A Diskusi Persiapan" in page
    anggota = masuk(lengkap, lengkap.ks_smp.username).get("/").get_data(as_text=True)
    assert "Anda anggota tim kerja untuk 1 pegawai" in anggota and 'href="/siklus/amati"' in anggota
