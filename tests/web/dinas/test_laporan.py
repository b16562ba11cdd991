"""The admin dinas's data reports: open ones first and oldest first, answering one closes it with
an audit entry, an empty answer is refused, and only the admin dinas may do any of it."""

from __future__ import annotations

import datetime as dt

from web.db import tenant_transaction
from web.models import Audit, LaporanData
from web.models.base import now


def lapor(lengkap, pegawai_id: int, isi: str, hari_lalu: int = 0, **kolom) -> int:
    with tenant_transaction(lengkap.dinas.schema):
        laporan = LaporanData.create(
            pegawai=pegawai_id, isi=isi, dibuat=now() - dt.timedelta(days=hari_lalu), **kolom
        )
    return laporan.id


def test_open_reports_come_first_oldest_first_then_answered_ones(lengkap, masuk):
    baru = lapor(lengkap, lengkap.guru_sd.id, "NIP saya salah satu angka.", hari_lalu=1)
    lama = lapor(lengkap, lengkap.guru_smp.id, "Pangkat saya sudah III/d.", hari_lalu=5)
    lapor(
        lengkap,
        lengkap.ks_sd.id,
        "Nama tanpa gelar.",
        hari_lalu=9,
        selesai=now(),
        ditangani_oleh=1,
        tanggapan="Gelar sudah ditambahkan.",
    )
    response = masuk(lengkap, lengkap.admin).get("/dinas/laporan")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.index("Pangkat saya sudah III/d.") < html.index("NIP saya salah satu angka.")
    assert html.index("NIP saya salah satu angka.") < html.index("Sudah selesai")
    assert html.index("Sudah selesai") < html.index("Nama tanpa gelar.")
    assert "Belum ditangani (2)" in html
    assert f'href="/dinas/pegawai/{lengkap.guru_smp.id}">Guru SMP</a>' in html
    assert "SMP Negeri Dua" in html  # the pegawai's school
    assert f'href="/dinas/laporan/{lama}"' in html and f'href="/dinas/laporan/{baru}"' in html


def test_answering_a_report_closes_it_and_is_audited(lengkap, masuk):
    laporan_id = lapor(lengkap, lengkap.guru_sd.id, "Status kepegawaian saya PPPK.")
    admin = masuk(lengkap, lengkap.admin)
    url = f"/dinas/laporan/{laporan_id}"
    page = admin.get(url).get_data(as_text=True)
    assert "Status kepegawaian saya PPPK." in page
    assert "198503122010012001" in page  # the pegawai's current data
    assert f'href="/dinas/pegawai/{lengkap.guru_sd.id}/ubah"' in page
    assert "Tandai selesai" in page

    response = admin.post(
        url, {"tanggapan": "  Status sudah diubah menjadi PPPK.  "}, csrf_from=url
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/dinas/laporan")
    with tenant_transaction(lengkap.dinas.schema):
        stored = LaporanData.get_by_id(laporan_id)
        assert stored.selesai is not None
        assert stored.tanggapan == "Status sudah diubah menjadi PPPK."
        assert stored.ditangani_oleh_id == 1  # the admin dinas made with the dinas
        entry = Audit.get(Audit.objek == "laporan_data", Audit.objek_id == laporan_id)
        assert entry.aksi == "tandai selesai" and entry.pelaku_nama == "Admin Dinas"
        assert entry.sebelum["selesai"] is None
        assert entry.sesudah["tanggapan"] == "Status sudah diubah menjadi PPPK."

    # Answered: read-only, and a second answer changes nothing.
    page = admin.get(url).get_data(as_text=True)
    assert "Ditandai selesai" in page and "Status sudah diubah menjadi PPPK." in page
    assert "Tandai selesai</button>" not in page
    again = admin.post(url, {"tanggapan": "Lain"}, csrf_from="/dinas/laporan")
    assert again.status_code == 409
    with tenant_transaction(lengkap.dinas.schema):
        assert LaporanData.get_by_id(laporan_id).tanggapan == "Status sudah diubah menjadi PPPK."
        assert Audit.select().where(Audit.objek == "laporan_data").count() == 1
    listing = admin.get("/dinas/laporan").get_data(as_text=True)
    assert "Belum ditangani (0)" in listing and "Tidak ada laporan yang menunggu." in listing


def test_an_answer_is_required_and_limited(lengkap, masuk):
    laporan_id = lapor(lengkap, lengkap.guru_sd.id, "Sekolah saya salah.")
    admin = masuk(lengkap, lengkap.admin)
    url = f"/dinas/laporan/{laporan_id}"
    empty = admin.post(url, {"tanggapan": "   "}, csrf_from=url)
    assert empty.status_code == 422
    html = empty.get_data(as_text=True)
    assert "Ada yang perlu diperbaiki" in html and "Tanggapan wajib diisi." in html
    long = admin.post(url, {"tanggapan": "x" * 2001}, csrf_from=url)
    assert long.status_code == 422
    assert "Tanggapan paling banyak 2000 karakter." in long.get_data(as_text=True)
    assert "x" * 2001 in long.get_data(as_text=True)  # the input is kept
    with tenant_transaction(lengkap.dinas.schema):
        assert LaporanData.get_by_id(laporan_id).selesai is None
        assert not Audit.select().where(Audit.objek == "laporan_data").exists()


def test_only_the_admin_dinas_handles_reports(lengkap, masuk):
    laporan_id = lapor(lengkap, lengkap.guru_sd.id, "Data saya salah.")
    for who in (lengkap.kadis.username, lengkap.ks_sd.username, lengkap.guru_sd.username):
        client = masuk(lengkap, who)
        assert client.get("/dinas/laporan").status_code == 403, who
        assert client.get(f"/dinas/laporan/{laporan_id}").status_code == 403, who
        refused = client.post(f"/dinas/laporan/{laporan_id}", {"tanggapan": "x"}, csrf_from="/")
        assert refused.status_code == 403, who
    assert masuk(lengkap, lengkap.admin).get("/dinas/laporan/9999").status_code == 404
    with tenant_transaction(lengkap.dinas.schema):
        assert LaporanData.get_by_id(laporan_id).selesai is None
