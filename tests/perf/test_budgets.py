"""Byte budgets (DESIGN.md §5) for every page each demo role can reach, found by crawling.

A full page, gzip-compressed, with its CSS and JS on a cold cache: ≤ 30 KB. The same page once
CSS and htmx are cached: ≤ 8 KB. An htmx fragment: ≤ 4 KB. Counts are bytes, never timings.
New pages are covered as soon as a link leads to them.
"""

from __future__ import annotations

import gzip
import re
from collections import deque
from html import unescape

import pytest

KB = 1024
PAGE_COLD = 30 * KB
PAGE_WARM = 8 * KB
FRAGMENT = 4 * KB

LINK = re.compile(r'href="(/[^"#]*)"')
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')

IDENTITIES = {
    "guru": ("demo.kinerja.test", "198503122010012001"),
    "kepala_sekolah": ("demo.kinerja.test", "197811202003122002"),
    "pengawas": ("demo.kinerja.test", "197009091995121001"),
    "admin_dinas": ("demo.kinerja.test", "admin@demo.kinerja.test"),
    "kepala_dinas": ("demo.kinerja.test", "197204151998031003"),
    "operator": ("kinerja.test", "operator@kinerja.test"),
    "anonim": ("demo.kinerja.test", None),
}


def gzipped_size(body: bytes, encoding: str | None) -> int:
    return len(body) if encoding == "gzip" else len(gzip.compress(body, 6))


def crawl(client, start: str, limit: int = 200) -> dict[str, object]:
    """Every same-site GET page reachable by links from `start` (sign-out and assets excluded)."""
    pages: dict[str, object] = {}
    queue = deque([start])
    while queue and len(pages) < limit:
        path = queue.popleft()
        if path in pages or path.startswith("/static/") or path.startswith("/keluar"):
            continue
        response = client.get(path, headers={"Accept-Encoding": "gzip"})
        if response.status_code in (301, 302, 303):
            queue.append(response.headers["Location"])
            continue
        pages[path] = response
        if response.mimetype == "text/html":
            html = response.get_data()
            if response.headers.get("Content-Encoding") == "gzip":
                html = gzip.decompress(html)
            queue.extend(unescape(link) for link in LINK.findall(html.decode()))
    return pages


@pytest.mark.parametrize("who", list(IDENTITIES))
def test_every_reachable_page_fits_its_budget(demo, browser, who):
    host, username = IDENTITIES[who]
    client = browser(host)
    if username:
        assert client.login(username, "demo-kinerja").status_code == 303
    pages = crawl(client, "/")
    assert pages, "the crawl found no page"
    broken = {path: r.status_code for path, r in pages.items() if r.status_code >= 400}
    assert not broken, f"{who}: links that lead to an error page: {broken}"

    assets: dict[str, int] = {}
    report = []
    for path, response in pages.items():
        if response.mimetype != "text/html":
            continue
        encoding = response.headers.get("Content-Encoding")
        body = response.get_data()
        html = gzip.decompress(body) if encoding == "gzip" else body
        warm = gzipped_size(body, encoding)
        for url in ASSET.findall(html.decode()):
            if url not in assets:
                asset = client.get(url)
                assert asset.status_code == 200, url
                assets[url] = len(gzip.compress(asset.get_data(), 6))
        cold = warm + sum(assets[url] for url in ASSET.findall(html.decode()))
        report.append((path, warm, cold))
        assert warm <= PAGE_WARM, f"{who} {path}: {warm} B with assets cached"
        assert cold <= PAGE_COLD, f"{who} {path}: {cold} B on a cold cache"

        fragment = client.get(path, headers={"HX-Request": "true", "Accept-Encoding": "gzip"})
        fragment_body = fragment.get_data()
        if fragment_body != body:  # the page has an htmx block; that is what htmx fetches
            size = gzipped_size(fragment_body, fragment.headers.get("Content-Encoding"))
            assert size <= FRAGMENT, f"{who} {path}: fragment {size} B"
    print(who, report)


def test_the_budget_check_counts_real_bytes(demo, browser):
    """Control: the landing page's cold total includes htmx, so it must exceed its warm size
    by at least htmx's compressed size (16,838 B per RECIPES.md, ±5%)."""
    client = browser("demo.kinerja.test")
    client.login("198503122010012001", "demo-kinerja")
    html = client.get("/").get_data()
    htmx = [u for u in ASSET.findall(html.decode()) if "htmx" in u]
    assert htmx
    size = len(gzip.compress(client.get(htmx[0]).get_data(), 6))
    assert 16_000 < size < 17_700
