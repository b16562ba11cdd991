"""Uploading an accountability document in a real Chromium: with JavaScript on a throttled line
(400 kbit/s, 400 ms), where the progress bar must move while the file is still on its way and
the list must then show the document in place; and without JavaScript, as a plain form post
that lands on the result page.

The web tests cover every refusal and the storage; this proves what only a browser shows:
htmx's upload progress reaches the bar through the `hx-on` attribute, and the plain form works
on its own.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD
from web.db import tenant_transaction
from web.models import Berkas, DokumenPegawai

NIP_GURU = "199105052016042001"
TAHUN, SEMESTER = 2026, 2
# About 1 MB: some 20 s at 400 kbit/s, long enough to watch the bar move.
PDF = b"%PDF-1.4\n" + os.urandom(1_000_000) + b"\n%%EOF\n"
NAMA = "KOSP SD Negeri 7 Uji.pdf"
PHONE_WIDTH = 360  # the viewport page_factory gives every context

SLOW_LINE = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * 1024 / 8,
    "uploadThroughput": 400 * 1024 / 8,
}


def _masuk(page: Page, base: str) -> None:
    page.goto(f"{base}/masuk")
    page.get_by_label("NIP, NUPTK atau e-mail").fill(NIP_GURU)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")


def _pilih_berkas(page: Page) -> None:
    page.locator("#berkas_K3").set_input_files(
        {"name": NAMA, "mimeType": "application/pdf", "buffer": PDF}
    )


def _tersimpan(schema: str) -> list[tuple[str, int, int]]:
    with tenant_transaction(schema):
        return [
            (d.kode, d.berkas.ukuran, d.berkas.pegawai_id)
            for d in DokumenPegawai.select(DokumenPegawai, Berkas).join(Berkas)
        ]


@pytest.mark.parametrize("javascript", [True, False], ids=["js-lambat", "tanpa-js"])
def test_guru_mengunggah_kosp(
    javascript: bool,
    make_tenant: Callable[..., Any],
    live_server: int,
    page_factory: Callable[[bool], Page],
    tmp_path: Path,
) -> None:
    dinas = make_tenant()
    sekolah_id = dinas.sekolah("20100707", "SD Negeri 7 Uji")
    guru = dinas.orang("Nur Aini", "guru", nip=NIP_GURU, sekolah_id=sekolah_id)
    base = f"http://{dinas.host}:{live_server}"
    page = page_factory(javascript)
    _masuk(page, base)
    page.goto(f"{base}/siklus/dokumen?tahun={TAHUN}&semester={SEMESTER}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dokumen akuntabilitas")
    k3 = page.locator("#K3")
    expect(k3).to_contain_text("Belum diunggah.")
    assert page.evaluate("typeof htmx") == ("object" if javascript else "undefined")
    _pilih_berkas(page)

    if not javascript:
        page.get_by_role("button", name="Unggah").click()
        expect(page).to_have_url(f"{base}/siklus/dokumen?tahun={TAHUN}&semester={SEMESTER}"
                                 "&terunggah=K3#K3")  # fmt: skip
    else:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_LINE)
        page.evaluate("window.halamanSama = true")  # gone if the page were reloaded
        progress = k3.locator("progress")
        expect(progress).to_be_hidden()
        mulai = time.monotonic()
        page.get_by_role("button", name="Unggah").click()

        # The bar shows and moves while the file is still on its way.
        expect(progress).to_be_visible()
        page.wait_for_function(
            "() => { const p = document.querySelector('#K3 progress');"
            " return p && p.value > 0 && p.value < 100; }",
            timeout=30_000,
        )
        sebagian = progress.evaluate("p => p.value")
        assert 0 < sebagian < 100
        assert _tersimpan(dinas.schema) == []  # not stored yet: still uploading
        expect(k3).to_contain_text("Mengunggah…")
        expect(k3.get_by_role("button", name="Unggah")).to_be_disabled()
        page.wait_for_function(
            f"() => document.querySelector('#K3 progress') === null"
            f" || document.querySelector('#K3 progress').value > {sebagian}",
            timeout=60_000,
        )

    expect(page.get_by_role("status").filter(has_text="Dokumen K3 terunggah.")).to_be_visible(
        timeout=90_000
    )
    if javascript:
        lama = time.monotonic() - mulai
        print(f"progress first seen at {sebagian}%; {len(PDF)} B uploaded in {lama:.1f} s")
        assert lama > len(PDF) * 8 / (400 * 1024) * 0.8  # the line really was slow
    expect(k3).to_contain_text(f"Terunggah: {NAMA}")
    expect(k3.get_by_role("link", name=NAMA)).to_have_attribute("href", "/bukti/1")
    expect(k3.get_by_role("button", name="Ganti berkas")).to_be_visible()
    # Nothing may push the page sideways on a phone (long document names, the file input).
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    if javascript:
        assert page.evaluate("window.halamanSama") is True  # swapped in place, no reload
        page.screenshot(path=tmp_path / "dokumen.png", full_page=True)
        print(f"screenshot: {tmp_path / 'dokumen.png'}")
    assert _tersimpan(dinas.schema) == [("K3", len(PDF), guru.id)]


def test_berkas_di_atas_10_mb_ditolak_sebelum_dikirim(
    make_tenant: Callable[..., Any],
    live_server: int,
    page_factory: Callable[[bool], Page],
) -> None:
    """With JavaScript a file over the limit never leaves the phone: minutes saved on a slow
    line. (Without it, the server refuses it: tests/web/siklus/test_akuntabilitas.py.)"""
    dinas = make_tenant()
    sekolah_id = dinas.sekolah("20100708", "SD Negeri 8 Uji")
    dinas.orang("Nur Aini", "guru", nip=NIP_GURU, sekolah_id=sekolah_id)
    base = f"http://{dinas.host}:{live_server}"
    page = page_factory(True)
    _masuk(page, base)
    page.goto(f"{base}/siklus/dokumen?tahun={TAHUN}&semester={SEMESTER}")
    dikirim: list[str] = []
    page.on("request", lambda r: dikirim.append(r.url) if r.method == "POST" else None)
    page.locator("#berkas_K3").set_input_files(
        {"name": "pindaian.pdf", "mimeType": "application/pdf", "buffer": PDF * 11}
    )
    page.get_by_role("button", name="Unggah").click()
    expect(page.locator("#K3").get_by_role("status")).to_have_text(
        "Berkas lebih dari 10 MB. Perkecil lalu unggah lagi."
    )
    expect(page.locator("#K3 progress")).to_be_hidden()
    assert dikirim == []
    assert _tersimpan(dinas.schema) == []
