"""The operator console: listing, provisioning and suspending dinas from the apex."""

from __future__ import annotations

import pytest

from web.db import db
from web.models import PlatformAudit, Tenant


@pytest.fixture
def operator(app, demo, browser):
    client = browser("kinerja.test")
    assert client.login("operator@kinerja.test", "demo-kinerja").status_code == 303
    return client


def test_the_list_shows_every_dinas_and_searches(operator, make_tenant):
    dinas = make_tenant("cari")
    page = operator.get("/operator/").get_data(as_text=True)
    assert "Dinas Pendidikan Kabupaten Contoh" in page
    found = operator.get(f"/operator/?q={dinas.slug}").get_data(as_text=True)
    assert f"Dinas Uji {dinas.slug}" in found and "Kabupaten Contoh" not in found
    fragment = operator.get(f"/operator/?q={dinas.slug}", headers={"HX-Request": "true"})
    assert fragment.get_data(as_text=True).lstrip().startswith('<div class="gulir" id="daftar">')
    assert "HX-Request" in fragment.headers["Vary"]


def test_provisioning_through_the_form_shows_the_password_once(operator, browser):
    response = operator.post(
        "/operator/dinas/baru",
        {
            "slug": "kota-uji",
            "name": "Dinas Pendidikan Kota Uji",
            "kind": "kota",
            "admin_email": "admin@kota-uji.test",
        },
        csrf_from="/operator/dinas/baru",
    )
    assert response.status_code == 201
    page = response.get_data(as_text=True)
    assert "kota-uji.kinerja.test" in page
    password = page.split("<dt>Kata sandi</dt><dd><code>")[1].split("</code>")[0]
    assert (
        browser("kota-uji.kinerja.test").login("admin@kota-uji.test", password).status_code == 303
    )
    with db.connection_context():
        assert (
            PlatformAudit.select()
            .where(PlatformAudit.tenant_slug == "kota-uji", PlatformAudit.action == "tenant.create")
            .exists()
        )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"slug": "Bad_Slug"}, "Slug hanya huruf kecil"),
        ({"slug": ""}, "Slug wajib diisi."),
        ({"admin_email": "bukan-email"}, "Alamat e-mail admin tidak valid."),
        ({"slug": "demo"}, "Dinas dengan slug &#39;demo&#39; sudah ada."),
        ({"name": ""}, "Nama dinas wajib diisi."),
    ],
)
def test_bad_provisioning_input_is_re_shown_with_the_error(operator, data, message):
    form = {
        "slug": "kab-baru",
        "name": "Dinas Baru",
        "kind": "kabupaten",
        "admin_email": "admin@baru.test",
        **data,
    }
    response = operator.post("/operator/dinas/baru", form, csrf_from="/operator/dinas/baru")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Ada yang perlu diperbaiki" in page and message in page
    assert f'value="{form["admin_email"]}"' in page  # input kept
    with db.connection_context():
        assert not Tenant.select().where(Tenant.slug == "kab-baru").exists()


def test_suspend_and_resume_from_the_console(operator, make_tenant, browser):
    dinas = make_tenant()
    response = operator.post(f"/operator/dinas/{dinas.slug}/tangguhkan", csrf_from="/operator/")
    assert response.status_code == 303
    assert browser(dinas.host).get("/masuk").status_code == 503

    htmx = operator.post(
        f"/operator/dinas/{dinas.slug}/aktifkan",
        csrf_from="/operator/",
        headers={"HX-Request": "true"},
    )
    assert htmx.status_code == 200
    assert htmx.get_data(as_text=True).lstrip().startswith('<div class="gulir" id="daftar">')
    assert browser(dinas.host).get("/masuk").status_code == 200


def test_an_unknown_dinas_cannot_be_suspended(operator):
    response = operator.post("/operator/dinas/tidak-ada/tangguhkan", csrf_from="/operator/")
    assert response.status_code == 404
