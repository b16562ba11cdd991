"""Step D, Upaya Tindak Lanjut: the pegawai records planned activities with proof, the penilai
accepts or refuses each, points count only when accepted, proof used twice is flagged, refused
uploads leave neither a row nor an object, D waits for C, and the pegawai closes D."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from pathlib import Path

import pytest

from tests.conftest import tempatkan
from tests.web.siklus.conftest import tersimpan
from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.kalender import StatusJendela
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import Akun, Audit, Berkas, RealisasiKegiatan, SiklusLangkah, TimKerja
from web.models.base import hari_ini
from web.services import jadwal
from web.services import siklus as layanan_siklus
from web.services import skp as layanan_skp
from web.services import tindak_lanjut as layanan

TAHUN, SEMESTER = 2026, 2
TANGGAL = "2026-10-15"  # inside semester 2 of 2026, and past
PDF = b"%PDF-1.4\n% sertifikat pelatihan mandiri\n"
PDF_LAIN = b"%PDF-1.4\n% sertifikat komunitas belajar\n"
JPEG = b"\xff\xd8\xff\xe0" + b"foto kegiatan" * 10
FOKUS = {a: layanan_skp.Perilaku(f"Indikator {a}", f"Fokus {a}") for a in ASPEK_BERAKHLAK}


def _user(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def siklus_d(lengkap, *, c_selesai: bool = True) -> int:
    """The guru SD's agreed SKP (j 2x8, o 2x8, b without points: 32) and their cycle of the
    semester, with A-C closed unless `c_selesai` is False (then C is still berjalan)."""
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = _user(schema, lengkap.guru_sd.id)
        skp = layanan_skp.mulai(guru, TAHUN)
        layanan_skp.simpan(
            guru, skp, indikator_kode="G1", kegiatan={"j": 2, "o": 2, "b": 1}, perilaku=FOKUS
        )
        layanan_skp.ajukan(guru, skp)
        layanan_skp.sepakati(_user(schema, lengkap.ks_sd.id), skp)
        siklus = layanan_siklus.mulai(lengkap.guru_sd.id, TAHUN, SEMESTER)
        selesai = ["A", "B", "C"] if c_selesai else ["A", "B"]
        SiklusLangkah.update(status="selesai").where(
            SiklusLangkah.siklus == siklus, SiklusLangkah.langkah.in_(selesai)
        ).execute()
        if not c_selesai:
            SiklusLangkah.update(status="berjalan").where(
                SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == "C"
            ).execute()
        return siklus.id


def halaman(lengkap) -> str:
    return f"/siklus/{lengkap.guru_sd.id}/{TAHUN}/{SEMESTER}/tindak-lanjut"


def catat(
    client, lengkap, huruf="j", judul="Pelatihan mandiri modul 1", isi=PDF, headers=None, **lain
):
    url = halaman(lengkap)
    data = {"huruf": huruf, "judul": judul, "tanggal": TANGGAL, "bukti": (io.BytesIO(isi), "s.pdf")}
    data.update(lain)
    if data["bukti"] is None:
        del data["bukti"]
    return client.post(
        url + "/catat",
        data,
        csrf_from=url,
        content_type="multipart/form-data",
        headers=headers or {},
    )


def realisasi(lengkap) -> list[RealisasiKegiatan]:
    with tenant_transaction(lengkap.dinas.schema):
        return list(RealisasiKegiatan.select().order_by(RealisasiKegiatan.id))


def objek(app, lengkap) -> list[Path]:
    """Every file in the dinas's part of the local evidence folder (temporary parts included)."""
    root = Path(app.extensions["storage"].root) / lengkap.dinas.schema
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def berkas(lengkap) -> list[Berkas]:
    with tenant_transaction(lengkap.dinas.schema):
        return list(Berkas.select())


def teks(response) -> str:
    return response.get_data(as_text=True)


def test_points_count_only_accepted_activities_against_the_plan_and_the_minimum(
    app, lengkap, masuk
):
    siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = teks(guru.get(halaman(lengkap)))
    assert "Poin diperoleh: 0" in page and "32 poin lagi" in page
    assert "Direncanakan di SKP</dt><dd>32 poin" in page

    assert catat(guru, lengkap, "j").status_code == 303
    assert catat(guru, lengkap, "b", "Narasumber lokakarya", PDF_LAIN).status_code == 303
    (j, b) = realisasi(lengkap)
    assert (j.huruf, j.status, j.judul, j.tanggal) == ("j", "diajukan", "Pelatihan mandiri modul 1",
                                                       dt.date(2026, 10, 15))  # fmt: skip
    with tenant_transaction(lengkap.dinas.schema):
        stored = Berkas.get_by_id(j.berkas_id)
        assert (stored.pegawai_id, stored.jenis, stored.ukuran) == (
            lengkap.guru_sd.id,
            "application/pdf",
            len(PDF),
        )
        assert app.extensions["storage"].exists(stored.kunci)
        assert SiklusLangkah.get(siklus=j.siklus_id, langkah="D").status == "berjalan"
    page = teks(guru.get(halaman(lengkap)))
    assert "Poin diperoleh: 0" in page and "Menunggu pemeriksaan" in page  # not yet accepted

    ks = masuk(lengkap, lengkap.ks_sd.username)
    url = halaman(lengkap)
    assert ks.post(f"{url}/{j.id}/terima", csrf_from=url).status_code == 303
    assert ks.post(f"{url}/{b.id}/terima", csrf_from=url).status_code == 303
    page = teks(guru.get(halaman(lengkap)))
    # 8 of the 32 minimum: visible, never blocking; b has no catalog value, counts 0, is named.
    assert "Poin diperoleh: 8" in page and "24 poin lagi" in page
    assert "Kegiatan huruf b sudah diterima tetapi nilai poinnya belum ditetapkan" in page
    with tenant_transaction(lengkap.dinas.schema):
        accepted = RealisasiKegiatan.get_by_id(j.id)
        assert (accepted.status, accepted.diperiksa_oleh_id) == ("diterima", lengkap.ks_sd.id)
        assert accepted.diperiksa is not None


def test_only_the_penilai_decides_and_a_refusal_needs_a_reason(app, lengkap, masuk):
    siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    catat(guru, lengkap)
    (r,) = realisasi(lengkap)
    url = halaman(lengkap)

    # The pegawai cannot accept their own activity.
    assert guru.post(f"{url}/{r.id}/terima", csrf_from=url).status_code == 403
    # A tim kerja member reads the page but decides nothing.
    anggota = lengkap.dinas.orang("Guru Pengamat", "guru", nip="199001012015031001")
    tempatkan(lengkap.dinas, anggota, lengkap.sd)
    with tenant_transaction(lengkap.dinas.schema):
        TimKerja.create(
            pegawai=lengkap.guru_sd.id,
            anggota=anggota.id,
            ditunjuk_oleh=lengkap.ks_sd.id,
            mulai=dt.date(2024, 1, 1),
        )
    tim = masuk(lengkap, anggota.username)
    page = teks(tim.get(url))
    assert "Pelatihan mandiri modul 1" in page and "Terima</button>" not in page
    assert tim.post(f"{url}/{r.id}/terima", csrf_from=url).status_code == 403
    assert tim.post(f"{url}/{r.id}/tolak", {"alasan": "x"}, csrf_from=url).status_code == 403
    # Someone who is no party to the cycle does not learn it exists.
    lain = masuk(lengkap, lengkap.ks_smp.username)
    assert lain.get(url).status_code == 404
    assert lain.post(f"{url}/{r.id}/terima", csrf_from="/").status_code == 404

    ks = masuk(lengkap, lengkap.ks_sd.username)
    kosong = ks.post(f"{url}/{r.id}/tolak", {"alasan": "   "}, csrf_from=url)
    assert kosong.status_code == 422
    assert "Tulis alasan penolakan" in teks(kosong)
    assert realisasi(lengkap)[0].status == "diajukan"
    # An activity of another cycle is not found through this one.
    assert ks.post(f"{url}/{r.id + 1000}/terima", csrf_from=url).status_code == 404

    alasan = "Tanggal di sertifikat tidak sesuai."
    assert ks.post(f"{url}/{r.id}/tolak", {"alasan": alasan}, csrf_from=url).status_code == 303
    refused = realisasi(lengkap)[0]
    assert (refused.status, refused.alasan) == ("ditolak", alasan)
    page = teks(guru.get(url))
    assert "Ditolak" in page and f"Alasan penolakan: {alasan}" in page
    assert "Poin diperoleh: 0" in page


def test_the_penilai_decides_with_htmx_and_gets_the_refreshed_block(lengkap, masuk):
    siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    catat(guru, lengkap)
    (r,) = realisasi(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    url = halaman(lengkap)
    headers = {"HX-Request": "true", "X-CSRFToken": ks.csrf_token(url)}
    gagal = ks.post(f"{url}/{r.id}/tolak", {"alasan": ""}, headers=headers)
    assert gagal.status_code == 422
    assert teks(gagal).lstrip().startswith('<div id="rincian">') and "<html" not in teks(gagal)
    assert "Tulis alasan penolakan" in teks(gagal)
    ok = ks.post(f"{url}/{r.id}/terima", headers=headers)
    assert ok.status_code == 200 and "<html" not in teks(ok)
    assert "Poin diperoleh: 8" in teks(ok)
    assert len(gzip.compress(ok.get_data())) <= 4096


def test_the_same_file_for_two_activities_is_flagged_to_the_penilai(lengkap, masuk):
    siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    catat(guru, lengkap, "j", "Pelatihan modul 1", PDF)
    catat(guru, lengkap, "o", "Pelatihan modul 2", PDF)  # the same certificate again
    catat(guru, lengkap, "o", "Komunitas belajar", PDF_LAIN)
    *_, lain = realisasi(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = teks(ks.get(halaman(lengkap)))
    assert page.count("Bukti yang sama dipakai juga untuk") == 2
    assert "kegiatan o “Pelatihan modul 2”" in page and "kegiatan j “Pelatihan modul 1”" in page
    flagged = page[page.index(f'id="r{lain.id}"') :]
    assert "Bukti yang sama" not in flagged[: flagged.index("</li>")]
    # The flag is for the penilai.
    assert "Bukti yang sama" not in teks(guru.get(halaman(lengkap)))


def test_the_pegawai_withdraws_an_unchecked_activity_and_its_file(app, lengkap, masuk):
    siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    catat(guru, lengkap, "j", "Salah pilih kegiatan")
    catat(guru, lengkap, "o", "Pelatihan modul 2", PDF_LAIN)
    salah, benar = realisasi(lengkap)
    with tenant_transaction(lengkap.dinas.schema):
        kunci = Berkas.get_by_id(salah.berkas_id).kunci
    url = halaman(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert ks.post(f"{url}/{salah.id}/hapus", csrf_from=url).status_code == 403

    assert guru.post(f"{url}/{salah.id}/hapus", csrf_from=url).status_code == 303
    assert [r.id for r in realisasi(lengkap)] == [benar.id]
    assert [b.id for b in berkas(lengkap)] == [benar.berkas_id]
    assert not app.extensions["storage"].exists(kunci)
    assert len(objek(app, lengkap)) == 1

    ks.post(f"{url}/{benar.id}/terima", csrf_from=url)
    checked = guru.post(f"{url}/{benar.id}/hapus", csrf_from=url)
    assert checked.status_code == 422
    assert "sudah diperiksa penilai tidak dapat ditarik" in teks(checked)
    assert [r.id for r in realisasi(lengkap)] == [benar.id]


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"GIF89a" + b"\x00" * 200, "Berkas harus PDF, JPG atau PNG"),  # named .pdf
        (b"", "Berkas kosong"),
        (b"%PDF-" + b"x" * (10 * 1024 * 1024), "Berkas lebih dari 10 MB"),
        (b"%PDF-" + b"x" * (12 * 1024 * 1024), "Berkas lebih dari 10 MB"),  # over the request cap
    ],
    ids=["jenis", "kosong", "besar", "melebihi-batas-permintaan"],
)
def test_a_refused_upload_leaves_no_row_and_no_object(lengkap, masuk, penyimpanan, isi, pesan):
    siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    response = catat(guru, lengkap, "j", "Pelatihan yang ditolak berkasnya", isi)
    assert response.status_code == 422
    page = teks(response)
    assert pesan in page
    if len(isi) < 11 * 1024 * 1024:  # the body was read: what was typed comes back
        assert 'value="Pelatihan yang ditolak berkasnya"' in page
    assert realisasi(lengkap) == [] and berkas(lengkap) == []
    assert tersimpan(penyimpanan, lengkap.dinas.schema) == set()  # local folder or S3 bucket
    # The step did not start either.
    with tenant_transaction(lengkap.dinas.schema):
        assert SiklusLangkah.get(langkah="D").status == "belum"


def test_invalid_fields_are_refused_before_the_file_is_stored(app, lengkap, masuk):
    siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    tanpa_judul = catat(guru, lengkap, "j", "")
    assert tanpa_judul.status_code == 422 and "Nama kegiatan wajib diisi." in teks(tanpa_judul)
    tanpa_berkas = catat(guru, lengkap, "j", "Pelatihan", bukti=None)
    assert tanpa_berkas.status_code == 422
    assert "Pilih berkas bukti (PDF, JPG atau PNG)." in teks(tanpa_berkas)
    semester_lalu = catat(guru, lengkap, "j", "Pelatihan", tanggal="2026-06-30")
    assert semester_lalu.status_code == 422
    assert "Tanggal harus di dalam semester 2 tahun 2026" in teks(semester_lalu)
    besok = catat(guru, lengkap, "j", "Pelatihan", tanggal=str(hari_ini() + dt.timedelta(days=1)))
    assert besok.status_code == 422
    tidak_direncanakan = catat(guru, lengkap, "q", "Guru Penggerak")
    assert tidak_direncanakan.status_code == 422
    assert 'value="Guru Penggerak"' in teks(tidak_direncanakan)
    assert realisasi(lengkap) == [] and berkas(lengkap) == [] and objek(app, lengkap) == []


def test_a_refusal_after_the_file_was_stored_deletes_the_object(
    lengkap, masuk, monkeypatch, penyimpanan
):
    siklus_id = siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    disimpan = []
    asli = layanan.layanan_berkas.simpan

    def simpan_lalu_tutup(*args, **kwargs):
        # The file is stored; meanwhile the step is closed (another tab): the re-check refuses.
        stored = asli(*args, **kwargs)
        disimpan.append(stored.kunci)
        SiklusLangkah.update(status="selesai").where(
            SiklusLangkah.siklus == siklus_id, SiklusLangkah.langkah == "D"
        ).execute()
        return stored

    monkeypatch.setattr(layanan.layanan_berkas, "simpan", simpan_lalu_tutup)
    response = catat(guru, lengkap, "j", "Pelatihan modul 1")
    assert response.status_code == 422
    assert "Langkah D sudah selesai" in teks(response)
    assert len(disimpan) == 1
    assert not penyimpanan.exists(disimpan[0])
    assert tersimpan(penyimpanan, lengkap.dinas.schema) == set()
    assert realisasi(lengkap) == [] and berkas(lengkap) == []
    with tenant_transaction(lengkap.dinas.schema):  # the close in the failed request is undone
        assert SiklusLangkah.get(siklus=siklus_id, langkah="D").status == "belum"


def test_step_d_waits_until_c_is_closed(app, lengkap, masuk):
    siklus_d(lengkap, c_selesai=False)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = teks(guru.get(halaman(lengkap)))
    assert "Selesaikan dulu langkah C sebelum langkah D." in page
    assert (
        'enctype="multipart/form-data"' not in page and "Selesai tindak lanjut</button>" not in page
    )
    # The form is not shown, and a POST made anyway is refused before any file is stored.
    response = catat(guru, lengkap)
    assert response.status_code == 422
    assert "Selesaikan dulu langkah C sebelum langkah D." in teks(response)
    assert realisasi(lengkap) == [] and objek(app, lengkap) == []


def test_the_pegawai_closes_d_once_every_activity_is_checked(app, lengkap, masuk):
    siklus_id = siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    catat(guru, lengkap)
    (r,) = realisasi(lengkap)
    url = halaman(lengkap)
    menunggu = guru.post(f"{url}/selesai", csrf_from=url)
    assert menunggu.status_code == 422
    assert "Masih ada 1 kegiatan yang menunggu pemeriksaan penilai" in teks(menunggu)

    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert ks.post(f"{url}/selesai", csrf_from=url).status_code == 403  # the pegawai closes D
    ks.post(f"{url}/{r.id}/terima", csrf_from=url)
    # 8 points, under the minimum of 32: closing is still allowed.
    assert guru.post(f"{url}/selesai", csrf_from=url).status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        d = SiklusLangkah.get(siklus=siklus_id, langkah="D")
        assert (d.status, d.ditutup_oleh_id) == ("selesai", lengkap.guru_sd.id)
        assert d.selesai is not None
        j = jadwal.jendela("2024", TAHUN, "siklus_d", SEMESTER)
        assert d.terlambat == (jadwal.status(j) == StatusJendela.TERLAMBAT)
    page = teks(guru.get(url))
    assert "Status langkah D: <strong>Selesai" in page
    assert "Minta penilai membukanya kembali" in page
    assert 'enctype="multipart/form-data"' not in page

    # A closed step takes no more activities and no more verdicts.
    assert catat(guru, lengkap, "o", "Terlambat dicatat", PDF_LAIN).status_code == 422
    assert ks.post(f"{url}/{r.id}/tolak", {"alasan": "x"}, csrf_from=url).status_code == 422
    assert len(realisasi(lengkap)) == 1 and len(objek(app, lengkap)) == 1
    with tenant_transaction(lengkap.dinas.schema):
        aksi = [a.aksi for a in Audit.select().order_by(Audit.id) if a.objek != "skp"]
        assert aksi[-3:] == ["catat kegiatan", "terima kegiatan", "tutup langkah"]

    # The penilai reopens D (the pegawai cannot); then the pegawai records again.
    assert guru.post(f"{url}/buka", csrf_from=url).status_code == 403
    assert "Buka kembali langkah D</button>" in teks(ks.get(url))
    assert ks.post(f"{url}/buka", csrf_from=url).status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        d = SiklusLangkah.get(siklus=siklus_id, langkah="D")
        assert (d.status, d.dibuka_ulang, d.selesai, d.ditutup_oleh_id) == (
            "berjalan",
            1,
            None,
            None,
        )
    lagi = ks.post(f"{url}/buka", csrf_from=url)
    assert lagi.status_code == 422 and "belum selesai, jadi tidak perlu dibuka" in teks(lagi)
    assert catat(guru, lengkap, "o", "Dicatat setelah dibuka", PDF_LAIN).status_code == 303


def test_before_the_cycle_starts_the_page_explains(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    response = guru.get(halaman(lengkap))
    assert response.status_code == 200
    assert "Siklus dimulai setelah SKP 2026 disepakati penilai." in teks(response)
    assert guru.post(halaman(lengkap) + "/selesai", csrf_from="/").status_code == 404
    assert guru.get(f"/siklus/{lengkap.guru_sd.id}/{TAHUN}/3/tindak-lanjut").status_code == 404
    assert guru.get(f"/siklus/{lengkap.guru_sd.id}/1999/1/tindak-lanjut").status_code == 404


def test_the_penilai_finds_the_feedback_timeline_from_the_page(lengkap, masuk):
    siklus_d(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = teks(ks.get(halaman(lengkap)))
    assert f'href="/siklus/{lengkap.guru_sd.id}/umpan-balik"' in page
    assert "Guru SD" in page


def test_another_dinas_sees_nothing(lengkap, masuk, make_tenant, browser):
    siklus_d(lengkap)
    lain = make_tenant()
    orang = lain.orang("Guru Lain", "guru", nip="199202022019031002")
    client = browser(lain.host)
    assert client.login(orang.username).status_code == 303
    assert client.get(halaman(lengkap)).status_code == 404
    # The session of one dinas signs nobody in on the other.
    guru = masuk(lengkap, lengkap.guru_sd.username)
    response = guru.client.get(halaman(lengkap), base_url=f"http://{lain.host}")
    assert response.status_code in (303, 404)


def test_with_htmx_an_upload_redirects_and_a_refusal_returns_the_form_only(lengkap, masuk):
    """With JavaScript the upload form posts by XHR (progress bar): success asks htmx to load the
    page afresh; a refusal answers the form alone with the error and what was typed."""
    siklus_d(lengkap)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    htmx = {"HX-Request": "true"}
    ditolak = catat(guru, lengkap, "j", "Bukan PDF", b"GIF89a" + b"\x00" * 50, headers=htmx)
    assert ditolak.status_code == 422
    assert "<html" not in teks(ditolak) and 'id="catat-kegiatan"' in teks(ditolak)
    assert "Berkas harus PDF, JPG atau PNG" in teks(ditolak)
    assert 'value="Bukan PDF"' in teks(ditolak) and "<progress" in teks(ditolak)
    diterima = catat(guru, lengkap, "j", "Pelatihan modul 1", headers=htmx)
    assert diterima.status_code == 204
    # Not the page's own URL plus a fragment: htmx would only scroll, never reload.
    assert diterima.headers["HX-Redirect"].startswith(halaman(lengkap) + "?dicatat=")
    assert [r.judul for r in realisasi(lengkap)] == ["Pelatihan modul 1"]
