"""Signing in and out in a real Chromium, with and without JavaScript, and on a slow line.

The unit and web tests already cover the rules; these prove the pages work in a browser: the
form posts, the session cookie sticks, the error summary appears with the NIP kept, and the
sign-in page stays small enough for a guru on a weak rural connection.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD

NIP = "198501012010011001"
NAMA = "Siti Rahmawati"
SEKOLAH = "SD Negeri 3 Uji"
PHONE_WIDTH = 360  # the viewport page_factory gives every context

# Budget for a cold load of the sign-in page (HTML, CSS, htmx), measured on the wire.
BYTE_BUDGET = 30 * 1024

# 400 kbit/s each way with 400 ms latency: a weak 3G signal outside town.
SLOW_LINE = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * 1024 / 8,
    "uploadThroughput": 400 * 1024 / 8,
}


def _sign_in(page: Page, username: str, password: str) -> None:
    page.get_by_label("NIP, NUPTK atau e-mail").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def _htmx_type(page: Page) -> str:
    """`typeof htmx` once the page (and its deferred script) has loaded.

    With JavaScript off, evaluate still runs (Playwright's own channel), but the page's scripts
    never did, so htmx is undefined: which proves the mode rather than assuming it.
    """
    page.wait_for_load_state("load")
    return page.evaluate("typeof htmx")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
def test_masuk_salah_lalu_benar_lalu_keluar(
    javascript: bool,
    make_tenant: Callable[..., Any],
    live_server: int,
    page_factory: Callable[[bool], Page],
    tmp_path: Path,
) -> None:
    dinas = make_tenant()
    sekolah_id = dinas.sekolah("20100301", SEKOLAH)
    dinas.orang(NAMA, "guru", nip=NIP, sekolah_id=sekolah_id)
    expected_htmx = "object" if javascript else "undefined"
    masuk_heading = f"Masuk ke Dinas Uji {dinas.slug}"

    page = page_factory(javascript)
    page.goto(f"http://{dinas.host}:{live_server}/")

    # Not signed in: the landing page sends us to the sign-in form.
    expect(page).to_have_url(re.compile(rf"^http://{re.escape(dinas.host)}:{live_server}/masuk\b"))
    expect(page.get_by_role("heading", level=1)).to_have_text(masuk_heading)
    assert _htmx_type(page) == expected_htmx

    _sign_in(page, NIP, "bukan-kata-sandinya")
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Ada yang perlu diperbaiki")
    expect(summary).to_contain_text("NIP/NUPTK/e-mail atau kata sandi salah.")
    expect(page.get_by_label("NIP, NUPTK atau e-mail")).to_have_value(NIP)
    expect(page.get_by_label("Kata sandi")).to_have_value("")

    _sign_in(page, NIP, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Selamat datang, {NAMA}")
    expect(page.get_by_role("definition").filter(has_text=SEKOLAH)).to_have_count(1)
    expect(page.locator("dl.daftar dt")).to_have_text(["Guru"])
    assert _htmx_type(page) == expected_htmx
    # Nothing may push the page sideways on a phone (long NIP, e-mail, school names).
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    if javascript:
        page.screenshot(path=tmp_path / "beranda.png", full_page=True)
        print(f"screenshot: {tmp_path / 'beranda.png'}")

    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(masuk_heading)
    expect(page.get_by_role("button", name="Keluar")).to_have_count(0)

    # Signed out for real: the landing page is closed again.
    page.goto(f"http://{dinas.host}:{live_server}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(masuk_heading)


def test_halaman_masuk_muat_di_jalur_lambat(
    make_tenant: Callable[..., Any],
    live_server: int,
    page_factory: Callable[[bool], Page],
) -> None:
    dinas = make_tenant()
    page = page_factory(True)
    cdp = page.context.new_cdp_session(page)

    urls: dict[str, str] = {}
    # (url, bytes on the wire) per response; a redirect's own response is a row of its own.
    responses: list[tuple[str, int]] = []
    failed: list[str] = []

    def sent(event: dict[str, Any]) -> None:
        # A redirect reuses the requestId, and loadingFinished then counts only the last hop:
        # the 303 that brought us here has to be added from redirectResponse.
        if redirect := event.get("redirectResponse"):
            responses.append((redirect["url"], int(redirect["encodedDataLength"])))
        urls[event["requestId"]] = event["request"]["url"]

    def finished(event: dict[str, Any]) -> None:
        url = urls.get(event["requestId"], event["requestId"])
        responses.append((url, int(event["encodedDataLength"])))

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.loadingFailed", lambda event: failed.append(event["requestId"]))
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINE)

    page.goto(f"http://{dinas.host}:{live_server}/", wait_until="load", timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Masuk ke Dinas Uji {dinas.slug}")
    page.wait_for_load_state("networkidle", timeout=30_000)
    # Prove the budget includes the script, not a page that happened to skip it.
    assert page.evaluate("typeof htmx") == "object"

    total = sum(size for _, size in responses)
    for url, size in sorted(responses, key=lambda row: -row[1]):
        print(f"{size:>7} B  {url}")
    print(f"total transferred on a cold cache: {total} B (budget {BYTE_BUDGET} B)")
    assert not failed, f"requests failed: {[urls.get(r, r) for r in failed]}"
    loaded = {url.rsplit("/", 1)[-1] for url, _ in responses}
    assert {"masuk", "app.css", "htmx.min.js"} <= loaded, f"not all of the page loaded: {loaded}"
    assert total <= BYTE_BUDGET
