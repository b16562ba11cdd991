"""The cycle's task list, the step pages A, C and E for the pegawai and the penilai, and the
penilai's overview: starting a cycle, drafts saved with and without htmx, text that survives
every failed save, the step order and reopening, who may close what, the late mark, and who
sees nothing (404) — including a tim kerja member and another dinas."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import re

import pytest

from tests.conftest import SEJAK, tempatkan
from web.auth import DinasUser
from web.db import db, tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import Akun, Jendela, Siklus, SiklusJawaban, SiklusLangkah, TimKerja
from web.models.base import hari_ini
from web.services import langkah as layanan
from web.services import skp as layanan_skp
from web.services.skp import Perilaku

TAHUN, SEMESTER = 2026, 2
INDEX = f"/siklus/?tahun={TAHUN}&semester={SEMESTER}"
PENILAI = f"/siklus/penilai?tahun={TAHUN}&semester={SEMESTER}"
FOKUS = {a: Perilaku(f"Indikator {a.lower()}", f"Fokus {a.lower()}") for a in ASPEK_BERAKHLAK}
JAWABAN_A = {
    "isi_fokus": "Memberi umpan balik per kelompok",
    "isi_belajar": "Modul umpan balik konstruktif",
    "isi_jadwal": "Selasa 8 September, kelas 5A",
}
HX = {"HX-Request": "true"}


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def sepakati(lengkap, pegawai_id: int, penilai_id: int) -> None:
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        user = pengguna(schema, pegawai_id)
        skp = layanan_skp.simpan(
            user,
            layanan_skp.mulai(user, TAHUN),
            indikator_kode="G3",
            kegiatan={"j": 2, "o": 2},
            perilaku=FOKUS,
        )
        layanan_skp.ajukan(user, skp)
        layanan_skp.sepakati(pengguna(schema, penilai_id), skp)


def mulai(lengkap, pegawai_id: int, penilai_id: int) -> int:
    sepakati(lengkap, pegawai_id, penilai_id)
    with tenant_transaction(lengkap.dinas.schema):
        return layanan.mulai(pengguna(lengkap.dinas.schema, pegawai_id), TAHUN, SEMESTER).id


def halaman(pegawai_id: int, langkah: str, aksi: str = "") -> str:
    path = f"/siklus/{pegawai_id}/{TAHUN}/{SEMESTER}/langkah/{langkah}"
    return f"{path}/{aksi}" if aksi else path


def status(siklus_id: int) -> dict[str, str]:
    query = SiklusLangkah.select().where(SiklusLangkah.siklus == siklus_id)
    return {b.langkah: b.status for b in query}


def jawaban(siklus_id: int) -> dict[tuple[str, str, str], str]:
    query = SiklusJawaban.select().where(SiklusJawaban.siklus == siklus_id)
    return {(j.langkah, j.pihak, j.kode): j.isi for j in query}


def textarea(page: str, name: str) -> str:
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>\r?\n?(.*?)</textarea>', page, re.S)
    assert match, name
    return match.group(1)


@pytest.fixture
def siklus(lengkap) -> int:
    """The SD guru's started cycle of semester 2, 2026 (penilai: the SD kepala sekolah)."""
    return mulai(lengkap, lengkap.guru_sd.id, lengkap.ks_sd.id)


def tutup_a(lengkap, masuk, guru_id: int | None = None) -> None:
    """The pegawai answers A and marks it done; the KS agrees and closes it."""
    guru_id = guru_id or lengkap.guru_sd.id
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = halaman(guru_id, "A")
    assert (
        guru.post(halaman(guru_id, "A", "selesai-mengisi"), JAWABAN_A, csrf_from=page).status_code
        == 303
    )
    ks = masuk(lengkap, lengkap.ks_sd.username)
    isian = {"isi_kesepakatan": "Fokus dan jadwal disepakati"}
    assert ks.post(halaman(guru_id, "A", "tutup"), isian, csrf_from=page).status_code == 303


def geser_jendela(lengkap, kode: str, lewat: bool) -> None:
    """Put today after the semester's window `kode`, or inside it."""
    with tenant_transaction(lengkap.dinas.schema):
        j = Jendela.get(
            Jendela.regime_kode == layanan_skp.REGIME_BAKU,
            Jendela.tahun == TAHUN,
            Jendela.kode == kode,
            Jendela.semester == SEMESTER,
        )
        hari = hari_ini()
        j.mulai = hari - dt.timedelta(days=40 if lewat else 10)
        j.selesai = hari - dt.timedelta(days=10) if lewat else hari + dt.timedelta(days=10)
        j.diperpanjang_sampai = None
        j.save()


# --- the task list ------------------------------------------------------------------------


def test_the_task_list_explains_the_wait_for_the_skp_then_starts_with_a_button(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = text(guru.get(INDEX))
    assert "Siklus semester 2 dimulai setelah SKP 2026 disepakati penilai." in page
    assert f'href="/skp/?tahun={TAHUN}"' in page and "Belum mulai" in page
    assert "Mulai siklus" not in page
    # The five steps and their months show before anything starts.
    assert "Jadwal Agustus 2026" in page and "Jadwal Oktober–November 2026" in page
    assert "Penilai: KS SD" in page

    sepakati(lengkap, lengkap.guru_sd.id, lengkap.ks_sd.id)
    page = text(guru.get(INDEX))
    assert "Mulai siklus semester 2" in page
    with tenant_transaction(lengkap.dinas.schema):
        assert not Siklus.select().exists()  # reading the page starts nothing

    response = guru.post(f"/siklus/{TAHUN}/{SEMESTER}/mulai", csrf_from=INDEX)
    assert response.status_code == 303 and response.headers["Location"] == INDEX
    with tenant_transaction(lengkap.dinas.schema):
        s = Siklus.get(Siklus.pegawai == lengkap.guru_sd.id)
        assert (s.tahun, s.semester) == (TAHUN, SEMESTER)
        assert status(s.id) == dict.fromkeys("ABCDE", "belum")
    page = text(guru.get(INDEX))
    assert "Mulai siklus" not in page
    assert f'href="{halaman(lengkap.guru_sd.id, "A")}"' in page
    assert f'href="{halaman(lengkap.guru_sd.id, "E")}"' in page
    assert re.search(
        r"Status: <strong>Belum</strong>( <strong[^>]*>terlambat</strong>)? · Giliran: Anda", page
    )
    assert "Menunggu langkah sebelumnya" in page
    assert "Semester 1 2026" in page and "Semester 1 2027" in page

    # Another semester without a cycle; a semester or year that names nothing.
    assert "Mulai siklus semester 1" in text(guru.get("/siklus/?tahun=2026&semester=1"))
    assert guru.get("/siklus/?tahun=2026&semester=3").status_code == 404
    assert guru.get("/siklus/?tahun=1999&semester=1").status_code == 404
    assert masuk(lengkap, lengkap.kadis.username).get(INDEX).status_code == 403


def test_starting_without_an_agreed_skp_is_refused_on_the_page(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    response = guru.post(f"/siklus/{TAHUN}/{SEMESTER}/mulai", csrf_from=INDEX)
    assert response.status_code == 422
    assert "Ada yang perlu diperbaiki" in text(response)
    with tenant_transaction(lengkap.dinas.schema):
        assert not Siklus.select().exists()


# --- the step pages -----------------------------------------------------------------------


def test_step_a_shows_the_indicator_and_each_side_writes_its_own_part(lengkap, siklus, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = text(guru.get(halaman(lengkap.guru_sd.id, "A")))
    assert "<h1>A Diskusi Persiapan</h1>" in page
    assert "Ekspektasi pada Peserta Didik" in page and "memberi tantangan belajar" in page
    for name in ("isi_fokus", "isi_belajar", "isi_jadwal"):
        assert textarea(page, name) == ""
    assert "isi_kesepakatan" not in page
    save = halaman(lengkap.guru_sd.id, "A", "simpan")
    assert f'hx-post="{save}"' in page and 'hx-trigger="input changed delay:1500ms"' in page
    assert 'hx-target="#tersimpan"' in page
    assert "maxlength" not in page  # the browser must never cut a long paste short
    assert "Selesai mengisi" in page and "Tutup langkah" not in page
    assert guru.post(save, JAWABAN_A, csrf_from=halaman(lengkap.guru_sd.id, "A")).status_code == 303

    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = text(ks.get(halaman(lengkap.guru_sd.id, "A")))
    assert "Jawaban pegawai" in page and "Memberi umpan balik per kelompok" in page
    assert "isi_fokus" not in page and textarea(page, "isi_kesepakatan") == ""
    assert "Tutup langkah" in page and "Pegawai belum menandai selesai mengisi." in page
    assert f'href="{PENILAI}"' in page  # "Kembali" goes to the overview
    assert len(gzip.compress(ks.get(halaman(lengkap.guru_sd.id, "A")).get_data())) <= 8192


def test_only_the_pegawai_and_their_penilai_reach_the_step_pages(lengkap, siklus, masuk):
    d = lengkap.dinas
    rekan = d.orang("Rekan Tim Kerja", "guru", nip="199001012015011001", sekolah_id=lengkap.sd)
    tempatkan(d, rekan, lengkap.sd)
    with tenant_transaction(d.schema):
        TimKerja.create(
            pegawai=lengkap.guru_sd.id,
            anggota=rekan.id,
            ditunjuk_oleh=lengkap.ks_sd.id,
            mulai=SEJAK,
        )
    page = halaman(lengkap.guru_sd.id, "A")
    orang = (rekan, lengkap.guru_smp, lengkap.ks_smp, lengkap.kadis)
    for who in (o.username for o in orang):
        client = masuk(lengkap, who)
        assert client.get(page).status_code == 404, who
        assert client.get(halaman(lengkap.guru_sd.id, "C")).status_code == 404, who
        token = PENILAI if who == lengkap.kadis.username else INDEX
        save = halaman(lengkap.guru_sd.id, "A", "simpan")
        assert client.post(save, {"isi_fokus": "x"}, csrf_from=token).status_code == 404, who
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get(f"/siklus/99999/{TAHUN}/{SEMESTER}/langkah/A").status_code == 404
    assert guru.get(halaman(lengkap.guru_sd.id, "B")).status_code == 404  # not this page's step
    assert guru.get(f"/siklus/{lengkap.guru_sd.id}/{TAHUN}/3/langkah/A").status_code == 404
    with tenant_transaction(d.schema):
        assert jawaban(siklus) == {}


def test_a_step_page_of_a_cycle_not_started_says_so(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    response = guru.get(halaman(lengkap.guru_sd.id, "A"))
    assert response.status_code == 200
    assert "Siklus belum dimulai" in text(response)
    assert f'href="{INDEX}"' in text(response)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert "Guru SD belum memulai siklus semester 2" in text(
        ks.get(halaman(lengkap.guru_sd.id, "A"))
    )
    save = ks.post(halaman(lengkap.guru_sd.id, "A", "simpan"), {}, csrf_from=PENILAI)
    assert save.status_code == 404


def test_the_htmx_autosave_answers_with_the_status_only_and_stores_the_text(lengkap, siklus, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = halaman(lengkap.guru_sd.id, "A")
    token = guru.csrf_token(page)
    response = guru.post(
        halaman(lengkap.guru_sd.id, "A", "simpan"),
        {"csrf_token": token, "isi_fokus": "Draf pertama", "isi_belajar": ""},
        headers=HX,
    )
    body = text(response)
    assert response.status_code == 200
    assert re.fullmatch(r'<p id="tersimpan"[^>]*>Tersimpan \d\d\.\d\d</p>', body.strip()), body
    assert len(gzip.compress(response.get_data())) <= 4096
    with tenant_transaction(lengkap.dinas.schema):
        assert jawaban(siklus) == {("A", "pegawai", "fokus"): "Draf pertama"}
        assert status(siklus)["A"] == "berjalan"
    again = text(guru.get(page))
    assert textarea(again, "isi_fokus") == "Draf pertama" and "Tersimpan " in again
    assert "Status: <strong>Berjalan</strong>" in again


def test_a_failed_save_keeps_every_typed_text(lengkap, siklus, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = halaman(lengkap.guru_sd.id, "A")
    token = guru.csrf_token(page)
    terlalu_panjang = "panjang " * 626  # 5008 characters
    isian = {"csrf_token": token, "isi_fokus": terlalu_panjang, "isi_belajar": "Jangan hilang"}

    response = guru.post(halaman(lengkap.guru_sd.id, "A", "simpan"), isian)
    assert response.status_code == 422
    body = text(response)
    assert "Jawaban nomor 1 paling banyak 5000 karakter; sekarang 5008." in body
    assert textarea(body, "isi_fokus") == terlalu_panjang
    assert textarea(body, "isi_belajar") == "Jangan hilang"
    assert body.startswith("<!doctype html>") and "<title>Error: " in body

    # The htmx autosave gets the same refusal in the status line; the textareas are not in it.
    response = guru.post(halaman(lengkap.guru_sd.id, "A", "simpan"), isian, headers=HX)
    body = text(response)
    assert response.status_code == 422 and "<textarea" not in body
    assert body.startswith('<p id="tersimpan"') and "Belum tersimpan: Jawaban nomor 1" in body
    with tenant_transaction(lengkap.dinas.schema):
        assert jawaban(siklus) == {} and status(siklus)["A"] == "belum"


def test_a_closed_step_refuses_a_save_but_gives_the_text_back(lengkap, siklus, masuk):
    tutup_a(lengkap, masuk)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = halaman(lengkap.guru_sd.id, "A")
    shown = text(guru.get(page))
    assert "<textarea" not in shown and "Minta penilai membukanya kembali" in shown
    isian = {"csrf_token": guru.csrf_token(page), "isi_fokus": "Perubahan terlambat"}
    response = guru.post(halaman(lengkap.guru_sd.id, "A", "simpan"), isian)
    body = text(response)
    assert response.status_code == 422 and "Langkah A sudah selesai" in body
    assert textarea(body, "isi_fokus") == "Perubahan terlambat"
    fragment = guru.post(halaman(lengkap.guru_sd.id, "A", "simpan"), isian, headers=HX)
    assert fragment.status_code == 422
    assert "Belum tersimpan: Langkah A sudah selesai" in text(fragment)
    with tenant_transaction(lengkap.dinas.schema):
        assert jawaban(siklus)[("A", "pegawai", "fokus")] == JAWABAN_A["isi_fokus"]


def test_only_the_penilai_closes_a_step_and_only_when_complete(lengkap, siklus, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = halaman(lengkap.guru_sd.id, "A")
    response = guru.post(halaman(lengkap.guru_sd.id, "A", "tutup"), JAWABAN_A, csrf_from=page)
    body = text(response)
    assert response.status_code == 422 and "Langkah A diselesaikan oleh penilai." in body
    assert textarea(body, "isi_jadwal") == JAWABAN_A["isi_jadwal"]
    # Marking done needs every required answer of the pegawai.
    kurang = {**JAWABAN_A, "isi_jadwal": ""}
    response = guru.post(
        halaman(lengkap.guru_sd.id, "A", "selesai-mengisi"), kurang, csrf_from=page
    )
    assert response.status_code == 422
    assert "Belum dijawab pegawai: Usulan waktu dan kelas untuk observasi." in text(response)
    with tenant_transaction(lengkap.dinas.schema):
        assert status(siklus)["A"] == "belum" and jawaban(siklus) == {}

    response = guru.post(
        halaman(lengkap.guru_sd.id, "A", "selesai-mengisi"), JAWABAN_A, csrf_from=page
    )
    assert response.status_code == 303 and response.headers["Location"] == page
    assert "Anda menandai selesai mengisi" in text(guru.get(page))
    assert "Giliran: Penilai: KS SD" in text(guru.get(INDEX))

    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert "Giliran: Anda" in text(ks.get(page))
    response = ks.post(
        halaman(lengkap.guru_sd.id, "A", "tutup"), {"isi_kesepakatan": ""}, csrf_from=page
    )
    assert response.status_code == 422
    assert "Belum dijawab penilai: Kesepakatan fokus dan jadwal observasi." in text(response)
    isian = {"isi_kesepakatan": "Fokus disepakati; observasi 8 September"}
    response = ks.post(halaman(lengkap.guru_sd.id, "A", "tutup"), isian, csrf_from=page)
    assert response.status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        a = SiklusLangkah.get(SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == "A")
        assert (a.status, a.ditutup_oleh_id) == ("selesai", lengkap.ks_sd.id)
        assert jawaban(siklus)[("A", "penilai", "kesepakatan")] == isian["isi_kesepakatan"]
    shown = text(ks.get(page))
    assert "Buka kembali" in shown and "ditutup" in shown and "oleh KS SD" in shown


def test_step_c_waits_for_b_and_reopening_a_makes_it_wait_again(lengkap, siklus, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    c = halaman(lengkap.guru_sd.id, "C")
    assert "Selesaikan dulu langkah A sebelum langkah C." in text(guru.get(c))
    tutup_a(lengkap, masuk)
    page = text(guru.get(c))
    assert "Selesaikan dulu langkah B sebelum langkah C." in page and "<textarea" not in page
    isian = {"isi_refleksi": "Refleksi yang ditulis terlalu awal"}
    response = guru.post(halaman(lengkap.guru_sd.id, "C", "simpan"), isian, csrf_from=c)
    assert response.status_code == 422
    assert textarea(text(response), "isi_refleksi") == isian["isi_refleksi"]

    with tenant_transaction(lengkap.dinas.schema):  # B is another page's work: done here
        SiklusLangkah.update(status="selesai").where(
            SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == "B"
        ).execute()
    isian = {"isi_refleksi": "Kelas ramai", "isi_rencana": "Kegiatan j dan o"}
    assert (
        guru.post(halaman(lengkap.guru_sd.id, "C", "simpan"), isian, csrf_from=c).status_code == 303
    )

    # The pegawai cannot reopen; the penilai can, and C then waits for A again.
    a = halaman(lengkap.guru_sd.id, "A")
    response = guru.post(halaman(lengkap.guru_sd.id, "A", "buka"), csrf_from=a)
    assert response.status_code == 422 and "Hanya penilai" in text(response)
    assert ks.post(halaman(lengkap.guru_sd.id, "A", "buka"), csrf_from=a).status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        assert status(siklus)["A"] == "berjalan"
        assert (
            SiklusLangkah.get(
                SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == "A"
            ).dibuka_ulang
            == 1
        )
    response = ks.post(
        halaman(lengkap.guru_sd.id, "C", "tutup"), {"isi_kesepakatan": "Setuju"}, csrf_from=c
    )
    assert response.status_code == 422
    assert "Selesaikan dulu langkah A sebelum langkah C." in text(response)
    assert textarea(text(response), "isi_kesepakatan") == "Setuju"
    assert "Giliran: Anda" in text(guru.get(a))  # reopened: back to the pegawai

    tutup_a(lengkap, masuk)
    response = ks.post(
        halaman(lengkap.guru_sd.id, "C", "tutup"), {"isi_kesepakatan": "Setuju"}, csrf_from=c
    )
    assert response.status_code == 303
    with tenant_transaction(lengkap.dinas.schema):
        assert status(siklus)["C"] == "selesai"
        assert jawaban(siklus)[("C", "pegawai", "refleksi")] == "Kelas ramai"


def test_late_steps_are_marked_not_blocked(lengkap, siklus, masuk):
    geser_jendela(lengkap, "siklus_a", lewat=True)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    page = text(guru.get(INDEX))
    terlambat = '<strong class="lencana lencana-ditangguhkan">terlambat</strong>'
    assert f"Status: <strong>Belum</strong> {terlambat}" in page
    assert "masih dapat dikerjakan, tetapi tercatat terlambat" in page
    tutup_a(lengkap, masuk)
    with tenant_transaction(lengkap.dinas.schema):
        assert SiklusLangkah.get(
            SiklusLangkah.siklus == siklus, SiklusLangkah.langkah == "A"
        ).terlambat
    assert "selesai terlambat" in text(guru.get(INDEX))
    assert "selesai terlambat" in text(guru.get(halaman(lengkap.guru_sd.id, "A")))

    # Reopened and closed again inside an extended window: not late any more.
    ks = masuk(lengkap, lengkap.ks_sd.username)
    a = halaman(lengkap.guru_sd.id, "A")
    assert ks.post(halaman(lengkap.guru_sd.id, "A", "buka"), csrf_from=a).status_code == 303
    geser_jendela(lengkap, "siklus_a", lewat=False)
    tutup_a(lengkap, masuk)
    assert "terlambat" not in text(guru.get(INDEX)).split("B Observasi")[0]


# --- the penilai's overview ---------------------------------------------------------------


@pytest.fixture
def sekolah_ramai(lengkap, siklus):
    """SD Negeri Satu: the guru of the fixture at A (writing), one guru who has not started
    (agreed SKP), one without an agreed SKP, one at A waiting for the KS."""
    d = lengkap.dinas
    orang = {}
    for n, nama in enumerate(("Guru Belum Mulai", "Guru Tanpa SKP", "Guru Menunggu KS")):
        o = d.orang(nama, "guru", nip=f"1990010120150110{n + 1:02d}", sekolah_id=lengkap.sd)
        tempatkan(d, o, lengkap.sd)
        orang[nama] = o
    sepakati(lengkap, orang["Guru Belum Mulai"].id, lengkap.ks_sd.id)
    menunggu = mulai(lengkap, orang["Guru Menunggu KS"].id, lengkap.ks_sd.id)
    with tenant_transaction(d.schema):
        user = pengguna(d.schema, orang["Guru Menunggu KS"].id)
        isian = {k.removeprefix("isi_"): v for k, v in JAWABAN_A.items()}
        layanan.tandai_selesai_mengisi(user, Siklus.get_by_id(menunggu), layanan.Langkah.A,
                                       {layanan.Pihak.PEGAWAI}, isian)  # fmt: skip
    return orang


def nama_baris(page: str) -> list[str]:
    return re.findall(r'<tr><th scope="row">([^<]+)', page)


def test_the_overview_counts_and_filters_by_step_and_turn(lengkap, sekolah_ramai, masuk):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    response = ks.get(PENILAI)
    assert response.status_code == 200
    page = text(response)
    assert nama_baris(page) == ["Guru Belum Mulai", "Guru Menunggu KS", "Guru SD", "Guru Tanpa SKP"]
    for angka in (
        "4</strong> pegawai",
        "2</strong> belum mulai siklus",
        "2</strong> di langkah A",
        "0</strong> di langkah B",
        "0</strong> selesai semua",
        "1</strong> giliran Anda",
    ):
        assert "<strong>" + angka in page, angka
    assert "SKP belum disepakati" in page and "SKP disepakati" in page
    assert f'href="{halaman(lengkap.guru_sd.id, "A")}"' in page
    assert "menampilkan 4 dari 4 pegawai" in page

    assert nama_baris(text(ks.get(PENILAI + "&langkah=A"))) == ["Guru Menunggu KS", "Guru SD"]
    assert nama_baris(text(ks.get(PENILAI + "&langkah=belum"))) == [
        "Guru Belum Mulai",
        "Guru Tanpa SKP",
    ]
    assert nama_baris(text(ks.get(PENILAI + "&langkah=A&giliran=y"))) == ["Guru Menunggu KS"]
    filtered = text(ks.get(PENILAI + "&langkah=selesai"))
    assert nama_baris(filtered) == [] and "Tidak ada pegawai yang cocok" in filtered
    assert nama_baris(text(ks.get(PENILAI + "&langkah=Z"))) != []  # an unknown filter shows all

    fragment = ks.get(PENILAI + "&langkah=A", headers=HX)
    body = text(fragment)
    assert fragment.status_code == 200 and body.lstrip().startswith('<div id="tabel">')
    assert "<html" not in body and len(gzip.compress(fragment.get_data())) <= 4096
    assert len(gzip.compress(response.get_data())) <= 8192

    # Semester 1: nobody has started; the kepala dinas appraises the two kepala sekolah.
    assert "<strong>4</strong> belum mulai siklus" in text(
        ks.get("/siklus/penilai?tahun=2026&semester=1")
    )
    kadis = text(masuk(lengkap, lengkap.kadis.username).get(PENILAI))
    assert nama_baris(kadis) == ["KS SD", "KS SMP"]
    assert masuk(lengkap, lengkap.guru_sd.username).get(PENILAI).status_code == 403


def test_the_overview_costs_the_same_queries_for_more_pegawai(
    lengkap, sekolah_ramai, masuk, monkeypatch
):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    calls: list[str] = []
    real = type(db.obj).execute_sql

    def counting(self, sql, *args, **kwargs):
        calls.append(sql)
        return real(self, sql, *args, **kwargs)

    monkeypatch.setattr(type(db.obj), "execute_sql", counting)
    assert ks.get(PENILAI).status_code == 200
    first = len(calls)
    monkeypatch.undo()

    d = lengkap.dinas
    for n in range(4):
        o = d.orang(
            f"Guru Tambahan {n}", "guru", nip=f"19920303201703{n:04d}", sekolah_id=lengkap.sd
        )
        tempatkan(d, o, lengkap.sd)
        if n % 2:
            mulai(lengkap, o.id, lengkap.ks_sd.id)
    calls.clear()
    monkeypatch.setattr(type(db.obj), "execute_sql", counting)
    page = text(ks.get(PENILAI))
    assert len(calls) == first
    assert "<strong>8</strong> pegawai" in page and "<strong>4</strong> di langkah A" in page


def test_a_session_of_another_dinas_reaches_no_cycle_here(
    lengkap, siklus, masuk, make_tenant, browser
):
    other = make_tenant("lain")
    guru = masuk(lengkap, lengkap.guru_sd.username)
    thief = browser(other.host)
    thief.client.set_cookie("kinerja_sesi", guru.cookie(), domain=other.host)
    for path in (INDEX, PENILAI, halaman(lengkap.guru_sd.id, "A")):
        response = thief.get(path)
        assert response.status_code == 303 and response.headers["Location"].startswith("/masuk")
    # Signed in over there, the same ids name nothing of this dinas.
    elsewhere = browser(other.host)
    assert elsewhere.login(f"admin@{other.slug}.test").status_code == 303
    assert elsewhere.get(halaman(lengkap.guru_sd.id, "A")).status_code == 404
    with tenant_transaction(lengkap.dinas.schema):
        assert jawaban(siklus) == {}
