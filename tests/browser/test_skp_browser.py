"""Planning an SKP in a real Chromium, with and without JavaScript: the guru's journey through
every step, one form sent back with errors, the check page's "Ubah", submitting; then the
kepala sekolah's agreement and the printable document.

The web tests cover the rules; this proves a person can do it in a browser: links and buttons
lead where they say, forms keep what was typed, the running point total updates as the guru
types (with JavaScript, without reloading) or on "Hitung ulang" (without), and the document
prints without the site's header.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import masuk_di
from tests.conftest import jabat, tempatkan
from web.db import tenant_transaction
from web.models.base import hari_ini
from web.models.skp import Skp

SEKOLAH = "SD Negeri 5 Uji"
NAMA_GURU = "Rina Lestari"
NIP_GURU = "199002142015032004"
NAMA_KS = "Bambang Sutrisno"
NIP_KS = "197703092002121003"

INDIKATOR = "Ekspektasi pada Peserta Didik"  # G3, a guru's indicator
ASPEK_PERTAMA = "1. Berorientasi Pelayanan"
FOKUS_BAWAAN = "Mengidentifikasi kebutuhan peserta didik secara proaktif"
FOKUS_BARU = "Menanyakan kebutuhan belajar setiap peserta didik di awal semester"
TUGAS_PERTAMA = "Wali kelas 4A (SK No. 421/07/2026)"
TUGAS_BARU = "Wali kelas 5B (SK No. 421/09/2026)"
EKSPEKTASI = "Berbagi praktik baik manajemen kelas di KKG gugus bulan Maret."


def _menu(page: Page, label: str) -> None:
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name=label).click()


def _htmx_type(page: Page) -> str:
    """`typeof htmx` once the deferred script had its chance: proves the mode of the context."""
    page.wait_for_load_state("load")
    return page.evaluate("typeof htmx")


def _judul(page: Page, teks: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(teks)


def _langkah(page: Page, nomor: int) -> None:
    expect(page.get_by_text(re.compile(rf"Langkah {nomor} dari 6$"))).to_be_visible()


def _ringkasan_galat(page: Page, pesan: str) -> None:
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Ada yang perlu diperbaiki")
    expect(summary).to_contain_text(pesan)


def _kali(page: Page, huruf: str) -> Locator:
    """The count input of one activity, labelled "<huruf>. <name of the activity>"."""
    return page.get_by_label(re.compile(rf"^{huruf}\. "))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
def test_guru_menyusun_skp_dan_kepala_sekolah_menyepakatinya(
    javascript: bool,
    make_tenant: Callable[..., Any],
    live_server: int,
    page_factory: Callable[[bool], Page],
) -> None:
    dinas = make_tenant()
    sekolah_id = dinas.sekolah("20100501", SEKOLAH)
    ks = dinas.orang(NAMA_KS, "guru", nip=NIP_KS, sekolah_id=sekolah_id)
    jabat(dinas, ks, "kepala_sekolah", sekolah_id)
    tempatkan(dinas, ks, sekolah_id)
    guru = dinas.orang(NAMA_GURU, "guru", nip=NIP_GURU, sekolah_id=sekolah_id)
    tempatkan(dinas, guru, sekolah_id)
    tahun = hari_ini().year
    base = f"http://{dinas.host}:{live_server}"
    htmx = "object" if javascript else "undefined"

    # --- the guru plans ---------------------------------------------------------------------
    page = page_factory(javascript)
    masuk_di(page, base, NIP_GURU)
    assert _htmx_type(page) == htmx
    _menu(page, "SKP saya")
    _judul(page, f"SKP saya {tahun}")
    expect(page.get_by_text("Status: Belum mulai")).to_be_visible()
    page.get_by_role("button", name=f"Mulai menyusun SKP {tahun}").click()

    _judul(page, "Periksa data Anda")
    _langkah(page, 1)
    expect(page.get_by_role("definition").filter(has_text=NAMA_KS)).to_contain_text(
        "Kepala Sekolah"
    )
    page.get_by_role("link", name="Data saya benar, lanjut").click()

    _judul(page, "Indikator praktik yang akan ditingkatkan")
    _langkah(page, 2)
    page.get_by_role("radio", name=re.compile(INDIKATOR)).check()
    page.get_by_role("button", name="Simpan dan lanjut").click()

    _judul(page, "Pengembangan kompetensi")
    _langkah(page, 3)
    total = page.get_by_text("Jumlah poin:")
    expect(total).to_contain_text("Jumlah poin: 0")
    # A marker on the window survives only as long as the page is not reloaded.
    page.evaluate("window.belumDimuatUlang = true")
    _kali(page, "j").fill("2")
    _kali(page, "o").fill("2")
    if javascript:
        # The fragment replaces the total while the guru types, before anything is sent.
        expect(total).to_contain_text("Jumlah poin: 32")
        assert page.evaluate("window.belumDimuatUlang === true")
        assert page.url.endswith(f"/skp/{tahun}/kompetensi")
    else:
        expect(total).to_contain_text("Jumlah poin: 0")  # nothing happens before a submit
        page.get_by_role("button", name="Hitung ulang").click()
        expect(total).to_contain_text("Jumlah poin: 32")
        expect(_kali(page, "j")).to_have_value("2")
        expect(_kali(page, "o")).to_have_value("2")

    # A count out of range comes back with 422: summary on top, the typed value kept.
    _kali(page, "o").fill("25")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    _ringkasan_galat(page, "Kegiatan huruf o: isi berapa kali dengan angka 0 sampai 20.")
    expect(_kali(page, "o")).to_have_value("25")
    expect(_kali(page, "j")).to_have_value("2")
    _kali(page, "o").fill("2")
    page.get_by_role("button", name="Simpan dan lanjut").click()

    _judul(page, "Tugas tambahan")
    _langkah(page, 4)
    # "Ada" with nothing written is sent back, the choice kept.
    page.get_by_role("radio", name="Ada", exact=True).check()
    page.get_by_role("button", name="Simpan dan lanjut").click()
    _ringkasan_galat(page, "Tuliskan tugas tambahan Anda dan nomor SK-nya.")
    expect(page.get_by_role("radio", name="Ada", exact=True)).to_be_checked()
    page.get_by_label("Tugas tambahan dan nomor SK-nya").fill(TUGAS_PERTAMA)
    page.get_by_role("button", name="Simpan dan lanjut").click()

    _judul(page, "Perilaku kerja")
    _langkah(page, 5)
    fokus = page.get_by_label("Fokus perilaku")
    expect(fokus).to_have_count(7)
    for i in range(7):  # every aspect starts from its default
        expect(fokus.nth(i)).not_to_have_value("")
    fokus_pertama = page.get_by_role("group", name=ASPEK_PERTAMA).get_by_label("Fokus perilaku")
    expect(fokus_pertama).to_have_value(FOKUS_BAWAAN)
    fokus_pertama.fill(FOKUS_BARU)
    page.get_by_role("button", name="Simpan dan lanjut").click()

    _judul(page, "Periksa jawaban Anda")
    _langkah(page, 6)
    expect(page.get_by_text(INDIKATOR, exact=True)).to_be_visible()
    expect(page.get_by_role("table").get_by_role("row").last).to_contain_text("32")
    expect(page.get_by_text(f"Fokus: {FOKUS_BARU}")).to_be_visible()
    expect(page.get_by_text(TUGAS_PERTAMA)).to_be_visible()

    # "Ubah" goes to the step and, once saved, straight back here.
    page.get_by_role("link", name="Ubah tugas tambahan").click()
    _judul(page, "Tugas tambahan")
    expect(page.get_by_role("radio", name="Ada", exact=True)).to_be_checked()
    isian = page.get_by_label("Tugas tambahan dan nomor SK-nya")
    expect(isian).to_have_value(TUGAS_PERTAMA)
    isian.fill(TUGAS_BARU)
    page.get_by_role("button", name="Simpan dan lanjut").click()
    _judul(page, "Periksa jawaban Anda")
    expect(page.get_by_text(TUGAS_BARU)).to_be_visible()
    expect(page.get_by_text(TUGAS_PERTAMA)).to_have_count(0)
    expect(page.get_by_text(f"Penilai: {NAMA_KS}.")).to_be_visible()

    page.get_by_role("button", name="Ajukan ke penilai").click()
    _judul(page, f"SKP saya {tahun}")
    expect(page.get_by_text("Status: Menunggu persetujuan")).to_be_visible()
    expect(page.get_by_text(f"Menunggu persetujuan {NAMA_KS}.")).to_be_visible()
    assert _htmx_type(page) == htmx

    # --- the kepala sekolah agrees ----------------------------------------------------------
    ks_page = page_factory(javascript)
    masuk_di(ks_page, base, NIP_KS)
    _menu(ks_page, "Perlu disetujui")
    _judul(ks_page, "Perlu disetujui")
    baris = ks_page.get_by_role("row").filter(has_text=NAMA_GURU)
    expect(baris).to_contain_text(SEKOLAH)
    baris.get_by_role("link", name=f"Periksa SKP {NAMA_GURU}").click()

    _judul(ks_page, f"SKP {tahun}: {NAMA_GURU}")
    expect(ks_page.get_by_text(TUGAS_BARU)).to_be_visible()
    # The guru's own focus is the proposal the KS starts from.
    expect(
        ks_page.get_by_role("group", name=ASPEK_PERTAMA).get_by_label("Fokus perilaku")
    ).to_have_value(FOKUS_BARU)
    ks_page.get_by_label("Ekspektasi khusus (tidak wajib)").fill(EKSPEKTASI)
    ks_page.get_by_role("button", name="Sepakati SKP").click()

    _judul(ks_page, "Perlu disetujui")
    expect(ks_page.get_by_role("status")).to_have_text(f"SKP {NAMA_GURU} telah disepakati.")
    kosong = f"Tidak ada SKP {tahun} yang menunggu persetujuan Anda."
    expect(ks_page.get_by_text(kosong)).to_be_visible()
    assert _htmx_type(ks_page) == htmx

    # --- the guru sees the agreement and the document ---------------------------------------
    page.reload()
    expect(page.get_by_text("Status: Disepakati")).to_be_visible()
    expect(page.get_by_text(re.compile(rf"^Disepakati .+ oleh {NAMA_KS}\.$"))).to_be_visible()
    page.get_by_role("link", name="Dokumen SKP (cetak)").click()

    judul = page.get_by_role("heading", level=1, name="SASARAN KINERJA PEGAWAI")
    expect(judul).to_be_visible()
    identitas = page.get_by_role("table").first
    expect(identitas).to_contain_text(NAMA_GURU)
    expect(identitas).to_contain_text(NAMA_KS)
    expect(page.get_by_text(EKSPEKTASI)).to_be_visible()
    expect(page.get_by_role("cell", name=TUGAS_BARU)).to_be_visible()  # a result of its own
    expect(page.get_by_text("DRAF — BELUM DISEPAKATI.")).to_have_count(0)
    header = page.locator("header.atas")
    expect(header).to_be_visible()

    page.emulate_media(media="print")
    expect(header).to_be_hidden()
    expect(page.get_by_role("link", name="Dokumen SKP (cetak)")).to_have_count(0)
    expect(page.get_by_text("Cetak:")).to_be_hidden()
    expect(judul).to_be_visible()
    expect(page.get_by_text(EKSPEKTASI)).to_be_visible()

    # What the browser did is what was stored.
    with tenant_transaction(dinas.schema):
        skp = Skp.get(Skp.pegawai == guru.id, Skp.tahun == tahun)
        assert skp.status == "disepakati"
        assert skp.penilai_id == ks.id
        assert skp.indikator_kode == "G3"
        assert skp.tugas_tambahan == TUGAS_BARU
        assert skp.ekspektasi_khusus == EKSPEKTASI
        assert {k.huruf: k.jumlah for k in skp.kegiatan} == {"j": 2, "o": 2}
        fokus_tersimpan = {p.aspek: p.fokus for p in skp.perilaku}
        assert len(fokus_tersimpan) == 7
        assert fokus_tersimpan["Berorientasi Pelayanan"] == FOKUS_BARU
