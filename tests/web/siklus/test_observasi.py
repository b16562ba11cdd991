"""Step B, the observation: the penilai or a tim kerja member writes it with the rubric of the
chosen indicator, a draft first, then closes it (marked late after the window); the pegawai reads
it; anyone else gets 404; it waits for step A."""

from __future__ import annotations

import datetime as dt

from tests.conftest import tempatkan
from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import (
    Akun,
    Audit,
    Observasi,
    RubrikPerilaku,
    SiklusLangkah,
    TimKerja,
)
from web.models.base import WIB, now
from web.services import siklus as layanan_siklus
from web.services import skp as layanan_skp

ASPEK = ASPEK_BERAKHLAK
TAHUN, SEMESTER = 2026, 2  # the second semester of 2026: its window for step B (September) is past
URL = "/siklus/{}/2026/2/observasi"


def _pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def siklus_guru(lengkap, *, a_selesai: bool = True) -> int:
    """Guru SD's agreed 2026 SKP (indicator G1) and its second-semester cycle, step A closed."""
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = _pengguna(schema, lengkap.guru_sd.id)
        skp = layanan_skp.mulai(guru, TAHUN)
        layanan_skp.simpan(
            guru,
            skp,
            indikator_kode="G1",
            kegiatan={"j": 2, "o": 2},
            perilaku={
                a: layanan_skp.Perilaku(f"Indikator {a}", f"Fokus {a}") for a in ASPEK_BERAKHLAK
            },
        )
        layanan_skp.ajukan(guru, skp)
        layanan_skp.sepakati(_pengguna(schema, lengkap.ks_sd.id), skp)
        siklus = layanan_siklus.mulai(lengkap.guru_sd.id, TAHUN, SEMESTER)
        if a_selesai:
            SiklusLangkah.update(status="selesai", mulai=now(), selesai=now()).where(
                SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == "A"
            ).execute()
        return siklus.id


def rekan_guru(lengkap):
    """Another guru placed at SD Negeri Satu today."""
    rekan = lengkap.dinas.orang(
        "Guru Rekan", "guru", nip="199001012015031001", sekolah_id=lengkap.sd
    )
    tempatkan(lengkap.dinas, rekan, lengkap.sd)
    return rekan


def _langkah_b(schema: str, siklus_id: int) -> SiklusLangkah:
    with tenant_transaction(schema):
        return SiklusLangkah.get(SiklusLangkah.siklus == siklus_id, SiklusLangkah.langkah == "B")


def _rubrik_g1(schema: str) -> list[RubrikPerilaku]:
    with tenant_transaction(schema):
        return list(
            RubrikPerilaku.select()
            .where(RubrikPerilaku.indikator_kode == "G1")
            .order_by(RubrikPerilaku.urutan)
        )


def _catatan(schema: str, siklus_id: int) -> dict[int, tuple[str | None, str]]:
    with tenant_transaction(schema):
        obs = Observasi.get(Observasi.siklus == siklus_id)
        return {c.urutan: (c.capaian, c.catatan) for c in obs.catatan}


ISIAN = {
    "jadwal_tanggal": "2026-09-15",
    "jadwal_jam": "08:30",
    "tempat": "Kelas 4A",
    "capaian_1": "efektif",
    "catatan_1": "Urutan kegiatan ditulis di papan sebelum pelajaran dimulai.",
    "rekomendasi": "Latih tanda perhatian yang sama setiap hari.",
}
LENGKAP = ISIAN | {"capaian_2": "belum_efektif", "capaian_3": "belum"}


def test_the_penilai_saves_a_draft_then_closes_the_observation_late(lengkap, masuk):
    schema = lengkap.dinas.schema
    siklus_id = siklus_guru(lengkap)
    url = URL.format(lengkap.guru_sd.id)
    ks = masuk(lengkap, lengkap.ks_sd.username)

    page = ks.get(url).get_data(as_text=True)
    rubrik = _rubrik_g1(schema)
    assert "bukan penilaian" in page and "batas dasar" in page
    assert "Keteraturan Suasana Kelas" in page and "(G1)" in page
    assert "bawaan Kinerja" in page
    for b in rubrik:
        assert b.perilaku in page and b.dianjurkan[0] in page and b.dihindari[2] in page
    assert "Dilakukan tapi belum efektif" in page and 'value="selesai"' in page
    assert "Sudah lewat sejak 1 Oktober 2026" in page  # late, but still open

    saved = ks.post(url, ISIAN | {"aksi": "simpan"}, csrf_from=url)
    assert saved.status_code == 303
    assert "Draf observasi tersimpan." in ks.get(saved.headers["Location"]).get_data(as_text=True)
    assert _langkah_b(schema, siklus_id).status == "berjalan"
    with tenant_transaction(schema):
        obs = Observasi.get(Observasi.siklus == siklus_id)
        assert obs.jadwal == dt.datetime(2026, 9, 15, 8, 30, tzinfo=WIB)
        assert (obs.tempat, obs.pengamat_id, obs.indikator_kode) == (
            "Kelas 4A",
            lengkap.ks_sd.id,
            "G1",
        )
        assert obs.dilaksanakan is None
    assert _catatan(schema, siklus_id) == {
        1: ("efektif", ISIAN["catatan_1"]),
        2: (None, ""),
        3: (None, ""),
    }
    page = ks.get(url).get_data(as_text=True)
    assert ISIAN["catatan_1"] in page and 'checked id="capaian_1-2"' in page  # the draft is back

    # Closing needs every behaviour marked: refused with the input kept, nothing written.
    missing = ks.post(
        url, ISIAN | {"catatan_2": "Belum terlihat.", "aksi": "selesai"}, csrf_from=url
    )
    text = missing.get_data(as_text=True)
    assert missing.status_code == 422
    assert "Pilih capaian untuk perilaku 2." in text and "Pilih capaian untuk perilaku 3." in text
    assert "Belum terlihat." in text
    assert _langkah_b(schema, siklus_id).status == "berjalan"
    assert _catatan(schema, siklus_id)[2] == (None, "")

    closed = ks.post(url, LENGKAP | {"aksi": "selesai"}, csrf_from=url)
    assert closed.status_code == 303
    b = _langkah_b(schema, siklus_id)
    assert (b.status, b.ditutup_oleh_id, b.terlambat) == ("selesai", lengkap.ks_sd.id, True)
    assert _catatan(schema, siklus_id)[3] == ("belum", "")
    with tenant_transaction(schema):
        assert Observasi.get(Observasi.siklus == siklus_id).dilaksanakan == dt.date(2026, 9, 15)
        assert Audit.get(Audit.objek == "siklus_langkah").aksi == "tutup langkah"
    page = ks.get(url).get_data(as_text=True)
    assert "Terlambat" in page and "Selesai" in page and 'value="simpan"' not in page
    assert "Dilakukan dan efektif" in page and "Buka kembali observasi" in page

    # A closed observation is not written again until the penilai reopens it.
    again = ks.post(url, LENGKAP | {"aksi": "simpan"}, csrf_from=url)
    assert again.status_code == 409 and "sudah selesai" in again.get_data(as_text=True)
    assert ks.post(url, {"aksi": "buka"}, csrf_from=url).status_code == 303
    b = _langkah_b(schema, siklus_id)
    assert (b.status, b.dibuka_ulang, b.terlambat) == ("berjalan", 1, False)


def test_a_tim_kerja_member_observes_and_closes_step_b(lengkap, masuk):
    schema = lengkap.dinas.schema
    siklus_id = siklus_guru(lengkap)
    rekan = lengkap.dinas.orang(
        "Guru Rekan", "guru", nip="199001012015031001", sekolah_id=lengkap.sd
    )
    tempatkan(lengkap.dinas, rekan, lengkap.sd)
    with tenant_transaction(schema):
        TimKerja.create(
            pegawai=lengkap.guru_sd.id,
            anggota=rekan.id,
            ditunjuk_oleh=lengkap.ks_sd.id,
            mulai=dt.date(2026, 1, 5),
        )
    member = masuk(lengkap, rekan.username)
    daftar = member.get("/siklus/amati").get_data(as_text=True)
    url = URL.format(lengkap.guru_sd.id)
    assert "Guru SD" in daftar and f'href="{url}"' in daftar
    assert member.get(url).status_code == 200
    assert member.post(url, LENGKAP | {"aksi": "selesai"}, csrf_from=url).status_code == 303
    b = _langkah_b(schema, siklus_id)
    assert (b.status, b.ditutup_oleh_id) == ("selesai", rekan.id)
    with tenant_transaction(schema):
        assert Observasi.get(Observasi.siklus == siklus_id).pengamat_id == rekan.id
    # An observer, not the penilai: the member cannot reopen it.
    reopen = member.post(url, {"aksi": "buka"}, csrf_from=url)
    assert reopen.status_code == 409
    assert "Hanya penilai" in reopen.get_data(as_text=True)
    # The pegawai reads what was observed.
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = guru.get(url).get_data(as_text=True)
    assert "Guru Rekan" in page and "Dilakukan tapi belum efektif" in page


def test_someone_observing_another_pegawai_gets_404(lengkap, masuk):
    siklus_guru(lengkap)
    rekan = lengkap.dinas.orang(
        "Guru Rekan", "guru", nip="199001012015031001", sekolah_id=lengkap.sd
    )
    tempatkan(lengkap.dinas, rekan, lengkap.sd)
    with tenant_transaction(lengkap.dinas.schema):
        TimKerja.create(
            pegawai=lengkap.ks_sd.id,  # observes the kepala sekolah, not Guru SD
            anggota=rekan.id,
            ditunjuk_oleh=lengkap.kadis.id,
            mulai=dt.date(2026, 1, 5),
        )
    url = URL.format(lengkap.guru_sd.id)
    for who in (rekan, lengkap.ks_smp, lengkap.guru_smp):
        client = masuk(lengkap, who.username)
        assert client.get(url).status_code == 404, who
        assert client.post(url, LENGKAP | {"aksi": "simpan"}, csrf_from="/").status_code == 404
    admin = masuk(lengkap, lengkap.admin)
    assert admin.get(url).status_code == 404  # the admin dinas is nobody to the cycle
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert ks.get("/siklus/999999/2026/2/observasi").status_code == 404
    assert ks.get(URL.format(lengkap.guru_sd.id).replace("/2/", "/3/")).status_code == 404


def test_the_pegawai_reads_but_cannot_write(lengkap, masuk):
    schema = lengkap.dinas.schema
    siklus_id = siklus_guru(lengkap)
    url = URL.format(lengkap.guru_sd.id)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = guru.get(url).get_data(as_text=True)
    assert "Belum ada catatan observasi." in page and "bukan penilaian" in page
    assert 'name="aksi"' not in page
    assert guru.post(url, LENGKAP | {"aksi": "simpan"}, csrf_from=url).status_code == 403
    with tenant_transaction(schema):
        assert not Observasi.select().where(Observasi.siklus == siklus_id).exists()
    assert _langkah_b(schema, siklus_id).status == "belum"


def test_step_b_waits_for_step_a_and_for_an_agreed_skp(lengkap, masuk):
    schema = lengkap.dinas.schema
    siklus_id = siklus_guru(lengkap, a_selesai=False)
    url = URL.format(lengkap.guru_sd.id)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = ks.get(url).get_data(as_text=True)
    assert "Selesaikan dulu langkah A sebelum langkah B." in page
    assert 'name="aksi"' not in page
    refused = ks.post(url, LENGKAP | {"aksi": "simpan"}, csrf_from=url)
    assert refused.status_code == 409
    assert "Selesaikan dulu langkah A" in refused.get_data(as_text=True)
    with tenant_transaction(schema):
        assert not Observasi.select().where(Observasi.siklus == siklus_id).exists()
    assert _langkah_b(schema, siklus_id).status == "belum"
    # Guru SMP has no agreed SKP: the page says when the cycle starts.
    smp = masuk(lengkap, lengkap.ks_smp.username)
    page = smp.get(URL.format(lengkap.guru_smp.id)).get_data(as_text=True)
    assert "Siklus semester 2 dimulai setelah SKP 2026 disepakati penilai." in page


def test_bad_input_comes_back_with_422(lengkap, masuk):
    siklus_id = siklus_guru(lengkap)
    url = URL.format(lengkap.guru_sd.id)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    bad_time = ks.post(url, ISIAN | {"jadwal_jam": "25.99", "aksi": "simpan"}, csrf_from=url)
    text = bad_time.get_data(as_text=True)
    assert bad_time.status_code == 422 and "Jam tidak valid" in text
    assert ISIAN["catatan_1"] in text and "Error: " in text
    no_time = ks.post(url, ISIAN | {"jadwal_jam": "", "aksi": "simpan"}, csrf_from=url)
    assert no_time.status_code == 422 and "Isi juga jam observasi." in no_time.get_data(
        as_text=True
    )
    bad_mark = ks.post(url, ISIAN | {"capaian_2": "sempurna", "aksi": "simpan"}, csrf_from=url)
    assert bad_mark.status_code == 422 and "Pilihan tidak valid." in bad_mark.get_data(as_text=True)
    no_date = ks.post(
        url, LENGKAP | {"jadwal_tanggal": "", "jadwal_jam": "", "aksi": "selesai"}, csrf_from=url
    )
    assert no_date.status_code == 422
    assert "Isi tanggal dan jam observasi." in no_date.get_data(as_text=True)
    later = (dt.datetime.now(WIB).date() + dt.timedelta(days=3)).isoformat()
    future = ks.post(url, LENGKAP | {"jadwal_tanggal": later, "aksi": "selesai"}, csrf_from=url)
    assert future.status_code == 422
    assert "tandai selesai setelah observasi dilaksanakan" in future.get_data(as_text=True)
    with tenant_transaction(lengkap.dinas.schema):
        assert not Observasi.select().where(Observasi.siklus == siklus_id).exists()


def test_a_session_of_another_dinas_reaches_nothing(lengkap, masuk, make_tenant, browser):
    siklus_guru(lengkap)
    url = URL.format(lengkap.guru_sd.id)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert ks.get(url).status_code == 200
    lain = make_tenant()
    tamu = browser(lain.host)
    # The cookie of dinas A, copied to dinas B's host, signs nobody in there.
    tamu.client.set_cookie("kinerja_sesi", ks.cookie(), domain=lain.host)
    response = tamu.get(url)
    assert response.status_code == 303 and response.headers["Location"].startswith("/masuk")
    assert tamu.login(f"admin@{lain.slug}.test").status_code == 303
    assert tamu.get(url).status_code == 404  # no such pegawai in dinas B
