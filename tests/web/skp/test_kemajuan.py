"""Progress of the year's SKP planning: counts per school by the status of each pegawai's latest
version, only the schools in the reader's scope, and a constant number of queries however many
schools the dinas has."""

from __future__ import annotations

import re

import pytest

from tests.conftest import tempatkan
from web.auth import DinasUser
from web.db import db, tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import Akun, Pegawai, Sekolah
from web.models.skp import Skp
from web.services import kemajuan
from web.services import skp as layanan
from web.services.skp import Perilaku

FOKUS = {a: Perilaku(f"Indikator {a.lower()}", f"Fokus {a.lower()}") for a in ASPEK_BERAKHLAK}
TAHUN = 2026
KOLOM = ("jumlah", "belum_mulai", "draf", "diajukan", "perlu_revisi", "disepakati")


def pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def sampai(schema: str, pegawai_id: int, langkah: str, penilai_id: int | None = None) -> Skp:
    """The pegawai's 2026 plan, taken as far as `langkah` goes."""
    user = pengguna(schema, pegawai_id)
    skp = layanan.simpan(
        user,
        layanan.mulai(user, TAHUN),
        indikator_kode="K1" if user.sekolah_dipimpin else "G1",
        kegiatan={"j": 2, "o": 2},
        perilaku=FOKUS,
    )
    if langkah == "draf":
        return skp
    layanan.ajukan(user, skp)
    if langkah == "revisi":
        layanan.minta_revisi(pengguna(schema, penilai_id), skp, "Tambah observasi")
    elif langkah in ("sepakati", "juli"):
        layanan.sepakati(pengguna(schema, penilai_id), skp)
    if langkah == "juli":
        return layanan.sesuaikan(user, Skp.get_by_id(skp.id))
    return skp


@pytest.fixture
def rencana(lengkap):
    """SD: the KS agreed, one guru submitted, one guru not started, one inactive guru's draft
    (not counted). SMP: the KS sent back; the guru's agreed plan has a July draft (the latest
    counts). A third school with nobody; a closed school (not listed)."""
    d = lengkap.dinas
    schema = d.schema
    belum = d.orang("Guru Belum Mulai", "guru", nip="199001012015011001", sekolah_id=lengkap.sd)
    tempatkan(d, belum, lengkap.sd)
    keluar = d.orang("Guru Nonaktif", "guru", nip="199102022016021002", sekolah_id=lengkap.sd)
    tempatkan(d, keluar, lengkap.sd)
    kosong = d.sekolah("40000003", "SD Negeri Tiga")
    tutup = d.sekolah("40000004", "SD Negeri Empat")
    with tenant_transaction(schema):
        sampai(schema, lengkap.ks_sd.id, "sepakati", lengkap.kadis.id)
        sampai(schema, lengkap.guru_sd.id, "ajukan")
        sampai(schema, keluar.id, "draf")
        Pegawai.update(aktif=False).where(Pegawai.id == keluar.id).execute()
        sampai(schema, lengkap.ks_smp.id, "revisi", lengkap.kadis.id)
        sampai(schema, lengkap.guru_smp.id, "juli", lengkap.ks_smp.id)
        Sekolah.update(aktif=False).where(Sekolah.id == tutup).execute()
    return {"belum": belum, "kosong": kosong, "tutup": tutup}


def baris(html: str, nama: str) -> tuple[int, ...]:
    """The counts of a school's row in the table."""
    match = re.search(re.escape(nama) + r"</a></th>((?:<td>\d+</td>)+)</tr>", html)
    assert match, nama
    return tuple(int(n) for n in re.findall(r"<td>(\d+)</td>", match.group(1)))


def test_counts_per_school_use_each_pegawai_latest_version(lengkap, rencana):
    with tenant_transaction(lengkap.dinas.schema):
        k = kemajuan.dinas(TAHUN, None)
    counts = {b.nama: tuple(getattr(b.hitungan, c) for c in KOLOM) for b in k.sekolah.items}
    assert counts == {
        "SD Negeri Satu": (3, 1, 0, 1, 0, 1),
        "SMP Negeri Dua": (2, 0, 1, 0, 1, 0),
        "SD Negeri Tiga": (0, 0, 0, 0, 0, 0),
    }
    assert tuple(getattr(k.total, c) for c in KOLOM) == (5, 1, 1, 1, 1, 1)
    assert k.sekolah.total == 3


def test_the_dinas_page_shows_the_table_and_the_windows(lengkap, rencana, masuk):
    for who in (lengkap.admin, lengkap.kadis.username):
        response = masuk(lengkap, who).get(f"/skp/kemajuan?tahun={TAHUN}")
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert baris(html, "SD Negeri Satu") == (3, 1, 0, 1, 0, 1)
        assert baris(html, "SMP Negeri Dua") == (2, 0, 1, 0, 1, 0)
        assert baris(html, "SD Negeri Tiga") == (0, 0, 0, 0, 0, 0)
        assert "SD Negeri Empat" not in html
        for total in ("5</strong> pegawai menyusun", "1</strong> belum mulai", "1</strong> draf"):
            assert "<strong>" + total in html
        assert "<strong>1</strong> perlu revisi" in html
        # Both windows of 2026 have passed (the page is read in late 2026).
        assert "Penyusunan SKP:</strong> Sudah lewat sejak 1 Februari 2026" in html
        assert "Penyesuaian Juli:</strong> Sudah lewat sejak 1 Agustus 2026" in html
    # 2027 has not opened yet: nobody has started.
    html = masuk(lengkap, lengkap.admin).get("/skp/kemajuan?tahun=2027").get_data(as_text=True)
    assert "Dibuka mulai 1 Januari 2027" in html
    assert baris(html, "SD Negeri Satu") == (3, 3, 0, 0, 0, 0)


def test_a_kepala_sekolah_sees_only_the_school_they_lead(lengkap, rencana, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    html = ks.get(f"/skp/kemajuan?tahun={TAHUN}").get_data(as_text=True)
    assert baris(html, "SD Negeri Satu") == (3, 1, 0, 1, 0, 1)
    assert "SMP Negeri Dua" not in html and "SD Negeri Tiga" not in html
    assert ks.get(f"/skp/kemajuan/sekolah/{lengkap.smp}").status_code == 404
    assert ks.get(f"/skp/kemajuan/sekolah/{lengkap.sd}").status_code == 200
    assert ks.get("/skp/kemajuan/sekolah/9999").status_code == 404
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get("/skp/kemajuan").status_code == 403
    assert guru.get(f"/skp/kemajuan/sekolah/{lengkap.sd}").status_code == 403


def test_a_school_page_lists_its_people_not_started_first(lengkap, rencana, masuk):
    response = masuk(lengkap, lengkap.kadis.username).get(
        f"/skp/kemajuan/sekolah/{lengkap.sd}?tahun={TAHUN}"
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)
    assert names == ["Guru Belum Mulai", "Guru SD", "KS SD"]
    assert "Guru Nonaktif" not in html
    assert "3 pegawai menyusun: 1 belum mulai, 0 draf, 1 menunggu persetujuan" in html
    assert "Sudah lewat sejak 1 Februari 2026" in html
    belum = rencana["belum"].id
    assert f'href="/skp/pegawai/{belum}/riwayat?tahun={TAHUN}"' in html
    smp = masuk(lengkap, lengkap.admin).get(f"/skp/kemajuan/sekolah/{lengkap.smp}?tahun={TAHUN}")
    smp_html = smp.get_data(as_text=True)
    assert "Draf (versi 2)" in smp_html and "Perlu revisi" in smp_html
    assert (
        masuk(lengkap, lengkap.admin).get(f"/skp/kemajuan/sekolah/{rencana['tutup']}").status_code
        == 200
    )  # a closed school's page still answers the admin


def test_the_dinas_page_costs_the_same_queries_for_more_schools(
    lengkap, rencana, masuk, monkeypatch
):
    admin = masuk(lengkap, lengkap.admin)
    calls: list[str] = []
    real = type(db.obj).execute_sql

    def counting(self, sql, *args, **kwargs):
        calls.append(sql)
        return real(self, sql, *args, **kwargs)

    monkeypatch.setattr(type(db.obj), "execute_sql", counting)
    assert admin.get(f"/skp/kemajuan?tahun={TAHUN}").status_code == 200
    first = len(calls)
    monkeypatch.undo()

    d = lengkap.dinas
    for n in range(5):
        sekolah = d.sekolah(f"4100000{n}", f"SD Tambahan {n}")
        orang = d.orang(
            f"Guru Tambahan {n}", "guru", nip=f"19920303201703{n:04d}", sekolah_id=sekolah
        )
        tempatkan(d, orang, sekolah)
        with tenant_transaction(d.schema):
            sampai(d.schema, orang.id, "draf")
    calls.clear()
    monkeypatch.setattr(type(db.obj), "execute_sql", counting)
    html = admin.get(f"/skp/kemajuan?tahun={TAHUN}").get_data(as_text=True)
    assert len(calls) == first
    assert baris(html, "SD Tambahan 4") == (1, 0, 1, 0, 0, 0)


def test_the_school_table_is_paginated(lengkap, rencana, masuk):
    for n in range(25):
        lengkap.dinas.sekolah(f"420000{n:02d}", f"SMA Negeri {n:02d}", jenjang="SMA")
    admin = masuk(lengkap, lengkap.admin)
    first = admin.get(f"/skp/kemajuan?tahun={TAHUN}").get_data(as_text=True)
    assert "28 sekolah." in first and "Halaman 1 dari 2" in first
    assert "SMP Negeri Dua" not in first  # sorted by name: the SMA and SD come first
    second = admin.get(f"/skp/kemajuan?tahun={TAHUN}&halaman=2").get_data(as_text=True)
    assert baris(second, "SMP Negeri Dua") == (2, 0, 1, 0, 1, 0)
    # The totals are the dinas's, whichever page is shown.
    assert "<strong>5</strong> pegawai menyusun" in first and "<strong>5</strong> pegawai" in second
    # A page past the end shows the last one.
    past = admin.get(f"/skp/kemajuan?tahun={TAHUN}&halaman=9").get_data(as_text=True)
    assert "Halaman 2 dari 2" in past and "SMP Negeri Dua" in past
    fragment = admin.get(f"/skp/kemajuan?tahun={TAHUN}&halaman=2", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="tabel">') and "SMP Negeri Dua" in body
