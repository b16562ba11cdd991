"""Downloading evidence through /bukti/<id>: the pegawai, their penilai and their tim kerja get a
short-lived link that downloads the very bytes uploaded, on the local folder and on S3; anyone
else (another guru, another school's kepala sekolah, the admin dinas, the kepala dinas of a
guru's file, another dinas) gets 404 or is not signed in at all; an expired link gets 410."""

from __future__ import annotations

import datetime as dt
import io
import os
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.integration.test_skp_layanan import pengguna
from web.db import tenant_transaction
from web.models import TimKerja
from web.services import berkas as layanan
from web.storage import LocalStorage

ISI = b"%PDF-1.5\n" + os.urandom(40_000) + b"\n%%EOF\n"


def simpan_bukti(app, dinas, pegawai_id: int, nama: str = "Sertifikat Guru Penggerak.pdf"):
    """A file uploaded by the pegawai, stored and committed."""
    schema = dinas.schema
    with app.app_context(), tenant_transaction(schema):
        user = pengguna(schema, pegawai_id)
        return layanan.simpan(user, user.pegawai, io.BytesIO(ISI), nama, jenis_objek="kegiatan")


def unduh(client, location: str) -> bytes:
    """Follow a download link the way the browser would."""
    if location.startswith("/berkas/"):
        response = client.get(location)
        assert response.status_code == 200
        assert 'filename="Sertifikat Guru Penggerak.pdf"' in response.headers["Content-Disposition"]
        assert response.mimetype == "application/pdf"
        return response.get_data()
    with urllib.request.urlopen(location, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert "Sertifikat%20Guru%20Penggerak.pdf" in response.headers["Content-Disposition"]
        return response.read()


def test_owner_penilai_and_tim_kerja_download_the_same_bytes(app, lengkap, masuk, penyimpanan):
    berkas = simpan_bukti(app, lengkap.dinas, lengkap.guru_sd.id)
    anggota = lengkap.dinas.orang("Guru Pengamat", "guru", nip="199202022018011002")
    with tenant_transaction(lengkap.dinas.schema):
        TimKerja.create(
            pegawai=lengkap.guru_sd.id,
            anggota=anggota.id,
            ditunjuk_oleh=lengkap.ks_sd.id,
            mulai=dt.date(2024, 1, 1),
        )
    for who in (lengkap.guru_sd.username, lengkap.ks_sd.username, anggota.username):
        client = masuk(lengkap, who)
        response = client.get(f"/bukti/{berkas.id}")
        assert response.status_code == 303, who
        assert response.headers["Cache-Control"] == "no-store"
        location = response.headers["Location"]
        if isinstance(penyimpanan, LocalStorage):
            assert location.startswith("/berkas/")
        else:
            assert urlsplit(location).query.count("X-Amz-Expires=300") == 1
        assert unduh(client, location) == ISI, who


def test_everyone_else_gets_404(app, lengkap, masuk, penyimpanan):
    berkas = simpan_bukti(app, lengkap.dinas, lengkap.guru_sd.id)
    for who in (
        lengkap.guru_smp.username,  # another guru
        lengkap.ks_smp.username,  # the kepala sekolah of another school
        lengkap.admin,  # the admin dinas: not in the rule
        lengkap.kadis.username,  # penilai of kepala sekolah, not of this guru
    ):
        client = masuk(lengkap, who)
        assert client.get(f"/bukti/{berkas.id}").status_code == 404, who
    # An id that names nothing reads the same.
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get(f"/bukti/{berkas.id + 1000}").status_code == 404


def test_a_tim_kerja_appointment_that_ended_no_longer_opens_the_file(app, lengkap, masuk):
    berkas = simpan_bukti(app, lengkap.dinas, lengkap.guru_sd.id)
    anggota = lengkap.dinas.orang("Guru Pengamat", "guru", nip="199202022018011002")
    with tenant_transaction(lengkap.dinas.schema):
        TimKerja.create(
            pegawai=lengkap.guru_sd.id,
            anggota=anggota.id,
            ditunjuk_oleh=lengkap.ks_sd.id,
            mulai=dt.date(2024, 1, 1),
            selesai=dt.date(2025, 1, 1),
        )
    assert masuk(lengkap, anggota.username).get(f"/bukti/{berkas.id}").status_code == 404


def test_the_kepala_dinas_downloads_a_kepala_sekolahs_file(app, lengkap, masuk):
    berkas = simpan_bukti(app, lengkap.dinas, lengkap.ks_sd.id)
    kadis = masuk(lengkap, lengkap.kadis.username)
    response = kadis.get(f"/bukti/{berkas.id}")
    assert response.status_code == 303
    assert unduh(kadis, response.headers["Location"]) == ISI
    assert masuk(lengkap, lengkap.guru_sd.username).get(f"/bukti/{berkas.id}").status_code == 404


def test_other_dinas_and_anonymous_get_nothing(app, lengkap, masuk, make_tenant, browser):
    berkas = simpan_bukti(app, lengkap.dinas, lengkap.guru_sd.id)
    path = f"/bukti/{berkas.id}"
    anonim = browser(lengkap.dinas.host).get(path)
    assert anonim.status_code == 303 and anonim.headers["Location"].startswith("/masuk")

    other = make_tenant("lain")
    # Ids are per dinas: the other dinas has a file with the same id, which is not this one.
    orang = other.orang("Guru Lain", "guru", nip="198001012005011001")
    assert simpan_bukti(app, other, orang.id).id == berkas.id
    elsewhere = browser(other.host)
    assert elsewhere.login(f"admin@{other.slug}.test").status_code == 303
    assert elsewhere.get(path).status_code == 404

    # A session of the other dinas, copied onto this one, signs nobody in.
    thief = browser(lengkap.dinas.host)
    thief.client.set_cookie("kinerja_sesi", elsewhere.cookie(), domain=lengkap.dinas.host)
    response = thief.get(path)
    assert response.status_code == 303 and response.headers["Location"].startswith("/masuk")
    # And this dinas's link does not work on the other's host.
    link = masuk(lengkap, lengkap.guru_sd.username).get(path).headers["Location"]
    assert elsewhere.get(link).status_code == 404


def test_an_expired_link_is_410(app, lengkap, masuk, monkeypatch):
    berkas = simpan_bukti(app, lengkap.dinas, lengkap.guru_sd.id)
    monkeypatch.setattr(layanan, "TTL_TAUTAN", -1)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    link = guru.get(f"/bukti/{berkas.id}").headers["Location"]
    response = guru.get(link)
    assert response.status_code == 410
    assert "kedaluwarsa" in response.get_data(as_text=True)


@pytest.mark.parametrize("nama", ["laporan", "laporan.PDF", "C:\\Dokumen\\laporan.pdf"])
def test_the_download_name_ends_in_its_type(app, lengkap, masuk, nama):
    berkas = simpan_bukti(app, lengkap.dinas, lengkap.guru_sd.id, nama)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    response = guru.get(guru.get(f"/bukti/{berkas.id}").headers["Location"])
    disposition = response.headers["Content-Disposition"]
    assert 'filename="laporan.pdf"' in disposition or 'filename="laporan.PDF"' in disposition
