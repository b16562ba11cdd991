"""Host header → dinas slug, the apex, or nothing."""

from __future__ import annotations

import pytest

from tenants.resolve import APEX, host_to_slug
from web.db import schema_for, search_path_for


@pytest.mark.parametrize(
    ("host", "slug"),
    [
        ("demo.kinerja.id", "demo"),
        ("DEMO.Kinerja.ID", "demo"),
        ("kab-bogor.kinerja.id:443", "kab-bogor"),
        ("kinerja.id", APEX),
        ("kinerja.id.", APEX),
        ("a.b.kinerja.id", None),
        ("demo.kinerja.id.evil.example", None),
        ("evilkinerja.id", None),
        ("-demo.kinerja.id", None),
        ("demo-.kinerja.id", None),
        ("de_mo.kinerja.id", None),
        ("1demo.kinerja.id", None),
        ("", None),
    ],
)
def test_host_to_slug(host, slug):
    assert host_to_slug(host, "kinerja.id") == slug


def test_schema_names_are_derived_and_quoted():
    assert schema_for("kab-bogor") == "dinas_kab_bogor"
    assert search_path_for("dinas_kab_bogor") == '"dinas_kab_bogor", public'
    for bad in ("public", "dinas_", 'dinas_x"; DROP SCHEMA public; --', "pg_catalog"):
        with pytest.raises(ValueError):
            search_path_for(bad)
