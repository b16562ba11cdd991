"""The admin dinas imports pegawai from an XLSX through the page, in a real Chromium, and finds
them in the list: with JavaScript (htmx polling, upload progress) and without (plain form posts
and a refreshing status page)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD

ORANG = [
    ("Ani Impor, S.Pd.", "198602142011012004", "PNS", "Guru Kelas"),
    ("Bayu Impor, S.Pd.", "199203032020121002", "PNS", "Guru Mapel"),
    ("Citra Impor", "", "Guru Honor Sekolah", "Guru Kelas"),
]


def _xlsx(npsn: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Daftar PTK"])  # a Dapodik-style title row above the header
    sheet.append(["Nama", "NIP", "NUPTK", "Status Kepegawaian", "Jenis PTK", "NPSN"])
    for n, (nama, nip, status, ptk) in enumerate(ORANG):
        sheet.append([nama, nip, f"99887766554433{n:02d}", status, ptk, npsn])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
def test_impor_pegawai_xlsx_lewat_halaman(
    javascript: bool,
    make_tenant: Callable[..., Any],
    live_server: int,
    page_factory: Callable[[bool], Page],
) -> None:
    dinas = make_tenant("imporb")
    dinas.sekolah("70000001", "SD Negeri Impor")
    base = f"http://{dinas.host}:{live_server}"
    page = page_factory(javascript)

    page.goto(f"{base}/masuk")
    page.get_by_label("NIP, NUPTK atau e-mail").fill(f"admin@{dinas.slug}.test")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Selamat datang, Admin Dinas")).to_be_visible()

    page.get_by_role("link", name="Pegawai", exact=True).click()
    page.get_by_role("link", name="Impor dari berkas").click()
    page.get_by_label("Berkas (CSV atau XLSX)").set_input_files(
        {"name": "ptk.xlsx", "mimeType": "application/octet-stream", "buffer": _xlsx("70000001")}
    )
    page.get_by_role("button", name="Unggah dan periksa").click()

    # The check runs in the background; the status page refreshes itself until it is done.
    expect(page.get_by_role("heading", name="Berkas siap diterapkan")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Terapkan perubahan").click()
    expect(page.get_by_role("heading", name="Impor selesai")).to_be_visible(timeout=30_000)

    page.goto(f"{base}/dinas/pegawai?q=Impor")
    for nama, *_ in ORANG:
        expect(page.get_by_role("link", name=nama)).to_be_visible()
    page.get_by_role("link", name=ORANG[0][0]).click()
    expect(page.get_by_text("SD Negeri Impor (70000001)")).to_be_visible()
