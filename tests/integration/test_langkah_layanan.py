"""The cycle's steps A, C and E through their service: drafts, the pegawai's "selesai mengisi",
closing by the penilai only, the step order, reopening, and the late mark — checked against the
database, for a guru of SD Negeri Satu whose penilai is its kepala sekolah."""

from __future__ import annotations

import datetime as dt

import pytest

from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.siklus import Langkah, Pihak
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import Akun, Audit, Jendela, Siklus, SiklusJawaban, SiklusLangkah
from web.models.base import hari_ini
from web.services import langkah as layanan
from web.services import siklus as layanan_siklus
from web.services import skp as layanan_skp
from web.services.langkah import LangkahError
from web.services.skp import Perilaku

TAHUN, SEMESTER = 2026, 2
FOKUS = {a: Perilaku(f"Indikator {a.lower()}", f"Fokus {a.lower()}") for a in ASPEK_BERAKHLAK}
JAWABAN_A = {"fokus": "Umpan balik per kelompok", "belajar": "Modul umpan balik", "jadwal": "9 Sep"}
PEGAWAI = {Pihak.PEGAWAI}
PENILAI = {Pihak.PENILAI, Pihak.PENGAMAT}


def pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def disepakati(schema: str, pegawai_id: int, penilai_id: int, tahun: int = TAHUN) -> None:
    user = pengguna(schema, pegawai_id)
    skp = layanan_skp.simpan(
        user,
        layanan_skp.mulai(user, tahun),
        indikator_kode="G3",
        kegiatan={"j": 2, "o": 2},
        perilaku=FOKUS,
    )
    layanan_skp.ajukan(user, skp)
    layanan_skp.sepakati(pengguna(schema, penilai_id), skp)


@pytest.fixture
def siklus(lengkap):
    """The guru's started cycle of semester 2, 2026, with the guru and the KS as users."""
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        disepakati(schema, lengkap.guru_sd.id, lengkap.ks_sd.id)
        guru = pengguna(schema, lengkap.guru_sd.id)
        s = layanan.mulai(guru, TAHUN, SEMESTER)
    return s.id


def status(siklus_id: int) -> dict[str, str]:
    return {
        b.langkah: b.status for b in SiklusLangkah.select().where(SiklusLangkah.siklus == siklus_id)
    }


def baris(siklus_id: int, langkah: str) -> SiklusLangkah:
    return SiklusLangkah.get(SiklusLangkah.siklus == siklus_id, SiklusLangkah.langkah == langkah)


def jendela_a(lewat: bool) -> None:
    """Move the semester's A window so that today is past it, or within it."""
    j = Jendela.get(
        Jendela.regime_kode == "2024",
        Jendela.tahun == TAHUN,
        Jendela.kode == "siklus_a",
        Jendela.semester == SEMESTER,
    )
    hari = hari_ini()
    if lewat:
        j.mulai, j.selesai = hari - dt.timedelta(days=40), hari - dt.timedelta(days=10)
        j.diperpanjang_sampai = None
    else:
        j.mulai, j.selesai = hari - dt.timedelta(days=10), hari + dt.timedelta(days=10)
    j.save()


def selesai_mengisi_a(guru: DinasUser, siklus_id: int) -> None:
    layanan.tandai_selesai_mengisi(guru, Siklus.get_by_id(siklus_id), Langkah.A, PEGAWAI, JAWABAN_A)


def tutup_a(lengkap, siklus_id: int) -> None:
    schema = lengkap.dinas.schema
    guru, ks = pengguna(schema, lengkap.guru_sd.id), pengguna(schema, lengkap.ks_sd.id)
    selesai_mengisi_a(guru, siklus_id)
    s = Siklus.get_by_id(siklus_id)
    layanan.tutup(ks, s, Langkah.A, PENILAI, {"kesepakatan": "Fokus dan jadwal disepakati"})


def test_a_cycle_starts_only_from_an_agreed_skp(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        with pytest.raises(LangkahError, match="setelah SKP 2026 disepakati penilai"):
            layanan.mulai(guru, TAHUN, SEMESTER)
        assert not Siklus.select().exists()
        d = layanan.daftar_tugas(guru.pegawai, TAHUN, SEMESTER)
        assert d.siklus is None and d.skp is None and not d.boleh_mulai
        assert [t.status for t in d.tugas] == ["belum"] * 5

        disepakati(schema, lengkap.guru_sd.id, lengkap.ks_sd.id)
        assert layanan.daftar_tugas(guru.pegawai, TAHUN, SEMESTER).boleh_mulai
        s = layanan.mulai(guru, TAHUN, SEMESTER)
        assert layanan.mulai(guru, TAHUN, SEMESTER).id == s.id  # the same cycle, not a second
        assert status(s.id) == dict.fromkeys("ABCDE", "belum")
        assert Audit.select().where(Audit.aksi == "mulai siklus").count() == 1


def test_the_task_list_gives_due_months_and_whose_turn(lengkap, siklus):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        d = layanan.daftar_tugas(guru.pegawai, TAHUN, SEMESTER)
        assert d.penilai.id == lengkap.ks_sd.id
        assert [t.bulan for t in d.tugas] == [
            "Agustus 2026",
            "September 2026",
            "September 2026",
            "Oktober–November 2026",
            "Desember 2026",
        ]
        assert [t.giliran for t in d.tugas] == [Pihak.PEGAWAI, None, None, None, None]
        selesai_mengisi_a(guru, siklus)
        d = layanan.daftar_tugas(guru.pegawai, TAHUN, SEMESTER)
        assert d.tugas[0].giliran == Pihak.PENILAI and d.tugas[0].status == "berjalan"
        assert layanan.label_giliran(d.tugas[0].giliran, Pihak.PEGAWAI, "KS SD") == "Penilai: KS SD"


def test_drafts_start_the_step_and_touch_only_the_side_and_answers_given(lengkap, siklus):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru, ks = pengguna(schema, lengkap.guru_sd.id), pengguna(schema, lengkap.ks_sd.id)
        s = Siklus.get_by_id(siklus)
        layanan.simpan(guru, s, Langkah.A, Pihak.PEGAWAI, {"fokus": "Satu\r\ndua", "lain": "x"})
        assert status(siklus)["A"] == "berjalan" and baris(siklus, "A").mulai is not None
        layanan.simpan(guru, s, Langkah.A, Pihak.PEGAWAI, {"belajar": "Modul"})
        layanan.simpan(ks, s, Langkah.A, Pihak.PENILAI, {"kesepakatan": "Draf penilai"})
        stored = {
            (j.pihak, j.kode): (j.isi, j.diubah_oleh_id)
            for j in SiklusJawaban.select().where(SiklusJawaban.siklus == siklus)
        }
        assert stored == {
            ("pegawai", "fokus"): ("Satu\ndua", lengkap.guru_sd.id),  # kept, not emptied
            ("pegawai", "belajar"): ("Modul", lengkap.guru_sd.id),
            ("penilai", "kesepakatan"): ("Draf penilai", lengkap.ks_sd.id),
        }
        with pytest.raises(LangkahError, match="paling banyak 5000 karakter"):
            layanan.simpan(guru, s, Langkah.A, Pihak.PEGAWAI, {"fokus": "x" * 5001})


def test_steps_go_in_order(lengkap, siklus):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru, ks = pengguna(schema, lengkap.guru_sd.id), pengguna(schema, lengkap.ks_sd.id)
        s = Siklus.get_by_id(siklus)
        with pytest.raises(LangkahError, match="Selesaikan dulu langkah A sebelum langkah C"):
            layanan.simpan(guru, s, Langkah.C, Pihak.PEGAWAI, {"refleksi": "Terlalu awal"})
        tutup_a(lengkap, siklus)
        # A is closed, but C still waits for the observation (B).
        with pytest.raises(LangkahError, match="Selesaikan dulu langkah B sebelum langkah C"):
            layanan.simpan(guru, s, Langkah.C, Pihak.PEGAWAI, {"refleksi": "Masih terlalu awal"})
        with pytest.raises(LangkahError, match="Selesaikan dulu langkah B sebelum langkah C"):
            layanan.tutup(ks, s, Langkah.C, PENILAI, {})
        assert not SiklusJawaban.select().where(SiklusJawaban.langkah == "C").exists()
        assert status(siklus) == {"A": "selesai", **dict.fromkeys("BCDE", "belum")}


def test_only_the_penilai_closes_and_only_with_every_required_answer(lengkap, siklus):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru, ks = pengguna(schema, lengkap.guru_sd.id), pengguna(schema, lengkap.ks_sd.id)
        s = Siklus.get_by_id(siklus)
        layanan.simpan(guru, s, Langkah.A, Pihak.PEGAWAI, JAWABAN_A)
        with pytest.raises(LangkahError, match="Langkah A diselesaikan oleh penilai"):
            layanan.tutup(guru, s, Langkah.A, PEGAWAI, {})
        with pytest.raises(LangkahError, match="Hanya pegawai yang menandai selesai mengisi"):
            layanan.tandai_selesai_mengisi(ks, s, Langkah.A, PENILAI, {})
        with pytest.raises(LangkahError) as caught:
            layanan.tutup(ks, s, Langkah.A, PENILAI, {"kesepakatan": "  "})
        assert caught.value.message == (
            "Belum dijawab penilai: Kesepakatan fokus dan jadwal observasi."
        )
        assert status(siklus)["A"] == "berjalan"

        # The pegawai cannot say they are done with a required answer missing.
        with pytest.raises(LangkahError, match="Belum dijawab pegawai: Usulan waktu"):
            layanan.tandai_selesai_mengisi(guru, s, Langkah.A, PEGAWAI, {"jadwal": ""})


def test_closing_records_who_when_and_whether_late(lengkap, siklus):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        jendela_a(lewat=True)
        tutup_a(lengkap, siklus)
        a = baris(siklus, "A")
        assert (a.status, a.ditutup_oleh_id, a.terlambat) == ("selesai", lengkap.ks_sd.id, True)
        assert a.selesai is not None
        assert Audit.select().where(Audit.aksi == "tutup langkah").count() == 1
        d = layanan.daftar_tugas(pengguna(schema, lengkap.guru_sd.id).pegawai, TAHUN, SEMESTER)
        assert d.tugas[0].terlambat and d.tugas[0].selesai_terlambat

        # Reopened and closed again within the (extended) window: no longer late.
        ks = pengguna(schema, lengkap.ks_sd.id)
        layanan.buka(ks, Siklus.get_by_id(siklus), Langkah.A, PENILAI)
        jendela_a(lewat=False)
        tutup_a(lengkap, siklus)
        assert baris(siklus, "A").terlambat is False


def test_the_penilai_reopens_a_step_and_the_later_ones_wait_for_it(lengkap, siklus):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru, ks = pengguna(schema, lengkap.guru_sd.id), pengguna(schema, lengkap.ks_sd.id)
        s = Siklus.get_by_id(siklus)
        tutup_a(lengkap, siklus)
        # B is another page's work; here it is simply done.
        SiklusLangkah.update(status="selesai").where(
            SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == "B"
        ).execute()
        jawaban_c = {"refleksi": "Kelas ramai", "rencana": "Kegiatan j dan o"}
        layanan.simpan(guru, s, Langkah.C, Pihak.PEGAWAI, jawaban_c)
        layanan.simpan(ks, s, Langkah.C, Pihak.PENILAI, {"kesepakatan": "Disepakati"})

        with pytest.raises(LangkahError, match="Hanya penilai yang dapat membuka kembali"):
            layanan.buka(guru, s, Langkah.A, PEGAWAI)
        layanan.buka(ks, s, Langkah.A, PENILAI)
        a = baris(siklus, "A")
        assert (a.status, a.dibuka_ulang) == ("berjalan", 1)
        assert a.selesai is None and a.ditutup_oleh_id is None
        # Back to the pegawai: the "selesai mengisi" mark is gone.
        tugas_a = layanan.daftar_tugas(guru.pegawai, TAHUN, SEMESTER).tugas[0]
        assert tugas_a.giliran == Pihak.PEGAWAI
        with pytest.raises(LangkahError, match="Selesaikan dulu langkah A sebelum langkah C"):
            layanan.tutup(ks, s, Langkah.C, PENILAI, {})
        with pytest.raises(LangkahError, match="belum selesai, jadi tidak perlu dibuka"):
            layanan.buka(ks, s, Langkah.A, PENILAI)
        # C kept its answers.
        assert layanan.halaman(s, Langkah.C).pertanyaan[Pihak.PEGAWAI][0].isi == "Kelas ramai"

        tutup_a(lengkap, siklus)
        layanan.tutup(ks, s, Langkah.C, PENILAI, {})
        assert status(siklus)["C"] == "selesai"


def test_the_penilai_overview_places_everyone_at_their_step(lengkap, siklus):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        i = layanan.ikhtisar(lengkap.ks_sd.id, TAHUN, SEMESTER)
        assert [(b.pegawai.id, b.kategori, b.giliran) for b in i.semua] == [
            (lengkap.guru_sd.id, "A", Pihak.PEGAWAI)
        ]
        guru = pengguna(schema, lengkap.guru_sd.id)
        selesai_mengisi_a(guru, siklus)
        i = layanan.ikhtisar(lengkap.ks_sd.id, TAHUN, SEMESTER, giliran_saya=True)
        assert [b.pegawai.id for b in i.baris] == [lengkap.guru_sd.id]
        assert i.jumlah("A") == 1 and i.jumlah_giliran_saya == 1
        assert layanan.ikhtisar(lengkap.ks_sd.id, TAHUN, SEMESTER, langkah="B").baris == []
        # Semester 1 has no cycle: the guru has not started it.
        i = layanan.ikhtisar(lengkap.ks_sd.id, TAHUN, 1)
        assert [(b.kategori, b.skp_disepakati) for b in i.semua] == [("belum", True)]
        assert layanan_siklus.cari(lengkap.guru_sd.id, TAHUN, 1) is None
