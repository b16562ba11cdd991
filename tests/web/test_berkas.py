"""Downloads from the local evidence folder: only by a fresh signed link, only on its own dinas."""

from __future__ import annotations

import io

from itsdangerous import URLSafeTimedSerializer

from web.storage import make_key


def _stored(app, schema: str, data: bytes = b"%PDF-1.4 bukti") -> str:
    storage = app.extensions["storage"]
    key = make_key(schema, "bukti")
    storage.put(key, io.BytesIO(data), content_type="application/pdf")
    return key


def test_a_link_downloads_the_file_with_its_name(app, make_tenant, browser):
    dinas = make_tenant()
    key = _stored(app, dinas.schema)
    url = app.extensions["storage"].url(
        key, filename="Sertifikat Guru.pdf", content_type="application/pdf"
    )
    response = browser(dinas.host).get(url)
    assert response.status_code == 200
    assert response.get_data() == b"%PDF-1.4 bukti"
    assert response.mimetype == "application/pdf"
    assert 'filename="Sertifikat Guru.pdf"' in response.headers["Content-Disposition"]
    assert "private" in response.headers["Cache-Control"]


def test_a_link_does_not_work_on_another_dinas(app, make_tenant, browser):
    alfa, beta = make_tenant(), make_tenant()
    url = app.extensions["storage"].url(_stored(app, alfa.schema))
    assert browser(beta.host).get(url).status_code == 404
    assert browser("kinerja.test").get(url).status_code == 404  # nor on the apex


def test_tampered_and_expired_links_are_refused(app, make_tenant, browser):
    dinas = make_tenant()
    storage = app.extensions["storage"]
    key = _stored(app, dinas.schema)
    url = storage.url(key)
    client = browser(dinas.host)
    assert client.get(url[:-3] + "AAA").status_code == 404
    # A link signed with another secret (someone else's deployment) names a real key in vain.
    forged = URLSafeTimedSerializer("x" * 40, salt="kinerja-berkas").dumps(
        {"k": key, "f": None, "t": None, "e": 300}
    )
    assert client.get("/berkas/" + forged).status_code == 404
    expired = storage.url(key, ttl=-1)
    response = client.get(expired)
    assert response.status_code == 410
    assert "kedaluwarsa" in response.get_data(as_text=True)


def test_a_link_to_a_deleted_file_is_a_404(app, make_tenant, browser):
    dinas = make_tenant()
    storage = app.extensions["storage"]
    key = _stored(app, dinas.schema)
    url = storage.url(key)
    storage.delete(key)
    assert browser(dinas.host).get(url).status_code == 404
