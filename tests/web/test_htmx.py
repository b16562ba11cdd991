"""Full pages for plain, boosted and history-restore requests; the named block otherwise."""

from __future__ import annotations

import pytest


@pytest.fixture
def operator(demo, browser):
    client = browser("kinerja.test")
    client.login("operator@kinerja.test", "demo-kinerja")
    return client


@pytest.mark.parametrize(
    ("headers", "full"),
    [
        ({}, True),
        ({"HX-Request": "true"}, False),
        ({"HX-Request": "true", "HX-Boosted": "true"}, True),
        ({"HX-Request": "true", "HX-History-Restore-Request": "true"}, True),
    ],
)
def test_render_chooses_page_or_block(operator, headers, full):
    response = operator.get("/operator/", headers=headers)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert body.lstrip().startswith("<!doctype html>") is full
    assert 'id="daftar"' in body
    assert "HX-Request" in response.headers["Vary"]


def test_static_files_are_fingerprinted_and_cached_for_a_year(operator):
    page = operator.get("/operator/").get_data(as_text=True)
    css = page.split('<link rel="stylesheet" href="')[1].split('"')[0]
    response = operator.get(css)
    assert response.status_code == 200
    assert response.cache_control.max_age == 365 * 24 * 3600
    assert response.cache_control.immutable
    stale = operator.get(css.replace(css.split("/")[2], "000000000000"))
    assert stale.status_code == 200 and stale.cache_control.max_age == 60
    assert operator.get("/static/000000000000/../../web/__init__.py").status_code == 404
