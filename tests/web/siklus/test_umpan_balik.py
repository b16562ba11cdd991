"""Continuous feedback: the penilai writes dated entries on a pegawai's timeline, the pegawai
reads them newest first and replies; nobody else sees the timeline, on this dinas or another."""

from __future__ import annotations

import datetime as dt
import gzip

from tests.conftest import tempatkan
from web.db import tenant_transaction
from web.models import TimKerja, UmpanBalik
from web.models.base import hari_ini


def linimasa(lengkap) -> str:
    return f"/siklus/{lengkap.guru_sd.id}/umpan-balik"


def tulis(client, lengkap, isi, jenis="catatan", tanggal=None, **kwargs):
    url = linimasa(lengkap)
    data = {"jenis": jenis, "tanggal": tanggal or str(hari_ini()), "isi": isi}
    return client.post(url, data, csrf_from=url, **kwargs)


def entri(lengkap) -> list[UmpanBalik]:
    with tenant_transaction(lengkap.dinas.schema):
        return list(UmpanBalik.select().order_by(UmpanBalik.id))


def teks(response) -> str:
    return response.get_data(as_text=True)


def test_the_penilai_writes_and_the_pegawai_reads_newest_first(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert "Belum ada umpan balik." in teks(ks.get(linimasa(lengkap)))
    assert tulis(ks, lengkap, "Pembukaan kelas rapi.", "apresiasi", "2026-11-01").status_code == 303
    assert (
        tulis(ks, lengkap, "Latihan pertanyaan terbuka.", "bimbingan", "2026-10-01").status_code
        == 303
    )
    assert (
        tulis(ks, lengkap, "Bicara soal beban kerja.", "konseling", "2026-11-10").status_code == 303
    )
    rows = entri(lengkap)
    assert [(u.jenis, u.tanggal, u.penulis_id, u.pegawai_id) for u in rows] == [
        ("apresiasi", dt.date(2026, 11, 1), lengkap.ks_sd.id, lengkap.guru_sd.id),
        ("bimbingan", dt.date(2026, 10, 1), lengkap.ks_sd.id, lengkap.guru_sd.id),
        ("konseling", dt.date(2026, 11, 10), lengkap.ks_sd.id, lengkap.guru_sd.id),
    ]

    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = teks(guru.get(linimasa(lengkap)))
    # Newest by date first, whatever the order they were written in.
    urutan = [page.index(s) for s in ("Bicara soal", "Pembukaan kelas", "Latihan pertanyaan")]
    assert urutan == sorted(urutan)
    assert "Konseling" in page and "Apresiasi" in page and "Bimbingan" in page
    assert "10 November 2026" in page and "KS SD" in page
    assert "Tulis umpan balik" not in page  # the pegawai replies, never writes entries


def test_the_pegawai_replies_to_an_entry(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    tulis(ks, lengkap, "Coba diferensiasi tugas.", "bimbingan")
    (induk,) = entri(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    url = f"{linimasa(lengkap)}/{induk.id}/balas"
    response = guru.post(url, {"isi": "Baik, saya coba minggu depan."}, csrf_from=linimasa(lengkap))
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"#u{induk.id}")
    _, balasan = entri(lengkap)
    assert (balasan.jenis, balasan.induk_id, balasan.penulis_id, balasan.tanggal) == (
        "balasan",
        induk.id,
        lengkap.guru_sd.id,
        hari_ini(),
    )
    page = teks(ks.get(linimasa(lengkap)))
    assert page.index("Coba diferensiasi") < page.index("Baik, saya coba minggu depan.")
    assert "Balasan Guru SD" in page
    # A reply is not an entry of its own: it cannot be replied to.
    lagi = guru.post(
        f"{linimasa(lengkap)}/{balasan.id}/balas", {"isi": "x"}, csrf_from=linimasa(lengkap)
    )
    assert lagi.status_code == 404


def test_each_side_does_only_its_own_part(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    tulis(ks, lengkap, "Catatan pertama.")
    (induk,) = entri(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert tulis(guru, lengkap, "Menulis sendiri.").status_code == 403
    balas = f"{linimasa(lengkap)}/{induk.id}/balas"
    assert (
        ks.post(balas, {"isi": "Penilai membalas"}, csrf_from=linimasa(lengkap)).status_code == 403
    )
    assert len(entri(lengkap)) == 1


def test_only_the_pegawai_and_their_penilai_see_the_timeline(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    tulis(ks, lengkap, "Rahasia berdua.")
    (induk,) = entri(lengkap)
    anggota = lengkap.dinas.orang("Guru Pengamat", "guru", nip="199001012015031001")
    tempatkan(lengkap.dinas, anggota, lengkap.sd)
    with tenant_transaction(lengkap.dinas.schema):
        TimKerja.create(
            pegawai=lengkap.guru_sd.id,
            anggota=anggota.id,
            ditunjuk_oleh=lengkap.ks_sd.id,
            mulai=dt.date(2024, 1, 1),
        )
    # A tim kerja member observes the cycle but is not party to this conversation; the head
    # of another school, a guru elsewhere, the kepala dinas (not this guru's penilai) and the
    # admin are not either.
    for orang in (anggota.username, lengkap.ks_smp.username, lengkap.guru_smp.username,
                  lengkap.kadis.username, lengkap.admin):  # fmt: skip
        client = masuk(lengkap, orang)
        assert client.get(linimasa(lengkap)).status_code == 404, orang
        assert tulis(client, lengkap, "Bukan urusan saya").status_code == 404, orang
        balas = f"{linimasa(lengkap)}/{induk.id}/balas"
        assert client.post(balas, {"isi": "x"}, csrf_from="/").status_code == 404, orang
    assert len(entri(lengkap)) == 1
    assert (
        masuk(lengkap, lengkap.guru_smp.username).get("/siklus/99999/umpan-balik").status_code
        == 404
    )


def test_a_refused_entry_comes_back_with_what_was_typed(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    kosong = tulis(ks, lengkap, "   ", "apresiasi", "2026-11-01")
    assert kosong.status_code == 422
    page = teks(kosong)
    assert "Isi umpan balik wajib diisi." in page
    assert '<option selected value="apresiasi">' in page and 'value="2026-11-01"' in page

    besok = str(hari_ini() + dt.timedelta(days=1))
    masa_depan = tulis(ks, lengkap, "Untuk besok", "bimbingan", besok)
    assert masa_depan.status_code == 422
    assert "Tanggal tidak boleh setelah hari ini." in teks(masa_depan)
    assert "Untuk besok</textarea>" in teks(masa_depan)

    panjang = tulis(ks, lengkap, "a" * 2001)
    assert panjang.status_code == 422 and "Isi paling banyak 2000 karakter." in teks(panjang)
    salah_jenis = tulis(ks, lengkap, "Jenis palsu", "balasan")
    assert salah_jenis.status_code == 422 and "Pilihan tidak valid." in teks(salah_jenis)
    assert entri(lengkap) == []

    tulis(ks, lengkap, "Catatan.")
    (induk,) = entri(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    url = f"{linimasa(lengkap)}/{induk.id}/balas"
    kosong = guru.post(url, {"isi": ""}, csrf_from=linimasa(lengkap))
    assert kosong.status_code == 422 and "Balasan wajib diisi." in teks(kosong)
    assert "<details open>" in teks(kosong)
    panjang = guru.post(url, {"isi": "b" * 2001}, csrf_from=linimasa(lengkap))
    assert panjang.status_code == 422 and "b" * 2001 + "</textarea>" in teks(panjang)
    assert len(entri(lengkap)) == 1


def test_htmx_gets_the_timeline_block(lengkap, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    headers = {"HX-Request": "true", "X-CSRFToken": ks.csrf_token(linimasa(lengkap))}
    ok = ks.post(
        linimasa(lengkap),
        {"jenis": "apresiasi", "tanggal": str(hari_ini()), "isi": "Bagus sekali."},
        headers=headers,
    )
    assert ok.status_code == 200
    body = teks(ok)
    assert body.lstrip().startswith('<div id="linimasa">') and "<html" not in body
    assert "Bagus sekali." in body and 'name="isi"' in body
    assert len(gzip.compress(ok.get_data())) <= 4096
    gagal = ks.post(linimasa(lengkap), {"jenis": "apresiasi", "isi": ""}, headers=headers)
    assert gagal.status_code == 422 and "<html" not in teks(gagal)
    assert "Isi umpan balik wajib diisi." in teks(gagal)


def test_a_long_timeline_is_paged(lengkap, masuk):
    with tenant_transaction(lengkap.dinas.schema):
        UmpanBalik.insert_many(
            [
                {
                    "pegawai": lengkap.guru_sd.id,
                    "penulis": lengkap.ks_sd.id,
                    "jenis": "catatan",
                    "isi": f"Catatan nomor {i:02d}.",
                    "tanggal": dt.date(2026, 1, 1) + dt.timedelta(days=i),
                }
                for i in range(25)
            ]
        ).execute()
    guru = masuk(lengkap, lengkap.guru_sd.username)
    pertama = teks(guru.get(linimasa(lengkap)))
    assert "Catatan nomor 24." in pertama and "Catatan nomor 05." in pertama
    assert "Catatan nomor 04." not in pertama and "Halaman 1 dari 2" in pertama
    assert len(gzip.compress(guru.get(linimasa(lengkap)).get_data())) <= 8192
    kedua = teks(guru.get(linimasa(lengkap) + "?halaman=2"))
    assert "Catatan nomor 04." in kedua and "Catatan nomor 00." in kedua
    assert "Catatan nomor 05." not in kedua


def test_another_dinas_sees_nothing(lengkap, masuk, make_tenant, browser):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    tulis(ks, lengkap, "Hanya di dinas ini.")
    lain = make_tenant()
    orang = lain.orang("Guru Lain", "guru", nip="199202022019031002")
    client = browser(lain.host)
    assert client.login(orang.username).status_code == 303
    response = client.get(linimasa(lengkap))
    assert response.status_code == 404
    assert "Hanya di dinas ini." not in teks(response)
