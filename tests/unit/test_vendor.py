"""The vendored htmx is the published 2.0.11 file, unmodified, with its licence."""

from __future__ import annotations

import hashlib

HTMX_2_0_11_SHA256 = "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"


def test_htmx_is_the_published_file(repo_root):
    vendored = repo_root / "web/static/vendor/htmx"
    assert hashlib.sha256((vendored / "htmx.min.js").read_bytes()).hexdigest() == (
        HTMX_2_0_11_SHA256
    )
    assert "Zero-Clause BSD" in (vendored / "LICENSE").read_text()


def test_no_page_loads_anything_from_another_site(repo_root):
    for template in (repo_root / "web/templates").rglob("*.html"):
        text = template.read_text()
        assert "//cdn" not in text and "fonts.googleapis" not in text, template
        assert 'src="http' not in text and 'href="http' not in text, template
