"""Fixtures for driving a real Chromium against the session app over real HTTP.

The Flask test client never runs the browser's side of the bargain: no HTML parsing, no
cookies set by a real user agent, no scripts, no network. These fixtures serve the session
`app` on a loopback port and point Debian's Chromium at it, so a test sees what a guru on a
phone sees. Every dinas subdomain of `kinerja.test` is resolved to 127.0.0.1 inside Chromium
itself, which keeps /etc/hosts and DNS out of it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from werkzeug.serving import make_server

from tests.conftest import PASSWORD

# Debian's package path: the real binary, which starts faster than the /usr/bin wrapper script.
CHROMIUM = Path("/usr/lib/chromium/chromium")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    # Dinas live on subdomains; send them (and the apex) to the local server.
    "--host-resolver-rules=MAP *.kinerja.test 127.0.0.1, MAP kinerja.test 127.0.0.1",
]

# A low-end phone, the device most guru will use.
PHONE_VIEWPORT = {"width": 360, "height": 740}

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything in this folder `browser`, so `-m "not browser"` can leave it out."""
    for item in items:
        if HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.browser)


def masuk_di(page: Page, base: str, username: str) -> None:
    """Sign in on the dinas at `base` as a user would, and wait for the landing page."""
    page.goto(f"{base}/")
    page.get_by_label("NIP, NUPTK atau e-mail").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")


@pytest.fixture(scope="session")
def live_server(app: Flask) -> Iterator[int]:
    """Serve the session app on an ephemeral loopback port; yield the port.

    Threaded, because a browser opens several connections at once (page, stylesheet, script).
    """
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield server.port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One Chromium for the session; contexts (cheap) isolate the tests from each other.

    A missing browser only skips on a developer's machine: CI installs it, so there its absence
    is a broken build and must fail rather than quietly pass as skipped.
    """
    if not CHROMIUM.exists():
        message = (
            f"Chromium not found at {CHROMIUM}; install Debian's package: "
            "apt-get install -y --no-install-recommends chromium"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page_factory(chromium: Browser) -> Iterator[Callable[[bool], Page]]:
    """Make a page in a fresh context (empty cache, no cookies) with or without JavaScript.

    The no-JS mode is a first-class way to use the service, not a fallback, so tests exercise
    both with the same steps.
    """
    contexts: list[BrowserContext] = []

    def make(javascript: bool) -> Page:
        context = chromium.new_context(
            java_script_enabled=javascript, locale="id-ID", viewport=PHONE_VIEWPORT
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
