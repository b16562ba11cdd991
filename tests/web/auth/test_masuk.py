"""Signing in and out, sessions bound to their dinas, CSRF, and the slowdown on guessing."""

from __future__ import annotations

import datetime as dt

from web.db import tenant_transaction
from web.models import Akun, LoginAttempt, Pegawai
from web.services.masuk import FREE_FAILURES


def test_a_pegawai_signs_in_with_nip_and_sees_the_landing_page(make_tenant, browser):
    dinas = make_tenant()
    sekolah = dinas.sekolah("30000003", "SD Negeri Uji")
    guru = dinas.orang("Siti Guru", "guru", nip="198503122010012001", sekolah_id=sekolah)
    client = browser(dinas.host)

    response = client.login(guru.username)
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    page = client.get("/").get_data(as_text=True)
    assert "Selamat datang, Siti Guru" in page
    assert "SD Negeri Uji" in page and "30000003" in page
    assert "<dt>Guru</dt>" in page


def test_a_pegawai_signs_in_with_email_in_any_case(make_tenant, browser):
    dinas = make_tenant()
    client = browser(dinas.host)
    assert client.login(f"ADMIN@{dinas.slug}.TEST").status_code == 303
    assert "Admin Dinas" in client.get("/").get_data(as_text=True)


def test_wrong_password_re_shows_the_form_with_an_error_summary(make_tenant, browser):
    dinas = make_tenant()
    client = browser(dinas.host)
    response = client.login(f"admin@{dinas.slug}.test", "salah")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Ada yang perlu diperbaiki" in page
    assert "NIP/NUPTK/e-mail atau kata sandi salah." in page
    assert f'value="admin@{dinas.slug}.test"' in page  # the username is kept
    assert client.get("/").status_code == 303  # still signed out


def test_empty_fields_are_named_in_the_summary(make_tenant, browser):
    dinas = make_tenant()
    response = browser(dinas.host).post(
        "/masuk", {"username": "", "password": ""}, csrf_from="/masuk"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert '<a href="#username">NIP, NUPTK atau e-mail wajib diisi.</a>' in page
    assert '<a href="#password">Kata sandi wajib diisi.</a>' in page
    assert "<title>Error: Masuk" in page


def test_a_post_without_csrf_token_is_refused(make_tenant, browser):
    dinas = make_tenant()
    response = browser(dinas.host).post(
        "/masuk", {"username": f"admin@{dinas.slug}.test", "password": "rahasia-uji-123"}
    )
    assert response.status_code == 400
    assert "kedaluwarsa" in response.get_data(as_text=True)


def test_the_csrf_token_is_accepted_from_the_htmx_header(make_tenant, browser):
    dinas = make_tenant()
    client = browser(dinas.host)
    token = client.csrf_token("/masuk")
    response = client.client.post(
        "/masuk",
        base_url=client.base_url,
        headers={"X-CSRFToken": token},
        data={"username": f"admin@{dinas.slug}.test", "password": "rahasia-uji-123"},
    )
    assert response.status_code == 303


def test_a_session_cookie_from_one_dinas_does_not_work_on_another(make_tenant, browser):
    alfa, beta = make_tenant("alfa"), make_tenant("beta")
    # Same account id (1) and same e-mail shape in both: only the binding can tell them apart.
    signed_in = browser(alfa.host)
    assert signed_in.login(f"admin@{alfa.slug}.test").status_code == 303
    cookie = signed_in.cookie()
    assert cookie

    thief = browser(beta.host)
    thief.client.set_cookie("kinerja_sesi", cookie, domain=beta.host)
    response = thief.get("/")
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/masuk")

    # …and a cookie from a dinas is not an operator session on the apex either.
    apex = browser("kinerja.test")
    apex.client.set_cookie("kinerja_sesi", cookie, domain="kinerja.test")
    assert apex.get("/operator/").status_code == 303


def test_repeated_failures_lock_the_username_then_success_clears(make_tenant, browser):
    dinas = make_tenant()
    username = f"admin@{dinas.slug}.test"
    client = browser(dinas.host)
    for _ in range(FREE_FAILURES):
        assert client.login(username, "salah").status_code == 422

    # Even the right password is refused while locked, with how long to wait.
    response = client.login(username)
    assert response.status_code == 429
    assert "Coba lagi dalam" in response.get_data(as_text=True)
    with tenant_transaction(dinas.schema):
        attempt = LoginAttempt.get(LoginAttempt.key == username)
        assert attempt.failures == FREE_FAILURES
        assert attempt.locked_until > attempt.last_failure_at
        # Let the lock run out.
        attempt.locked_until = attempt.last_failure_at - dt.timedelta(seconds=1)
        attempt.save()

    assert client.login(username).status_code == 303
    with tenant_transaction(dinas.schema):
        assert LoginAttempt.get_or_none(LoginAttempt.key == username) is None


def test_failures_of_one_dinas_do_not_lock_the_same_username_elsewhere(make_tenant, browser):
    alfa, beta = make_tenant(), make_tenant()
    beta.orang("Sama", "guru", email="sama@contoh.test")
    alfa.orang("Sama", "guru", email="sama@contoh.test")
    for _ in range(FREE_FAILURES + 1):
        browser(alfa.host).login("sama@contoh.test", "salah")
    assert browser(alfa.host).login("sama@contoh.test").status_code == 429
    assert browser(beta.host).login("sama@contoh.test").status_code == 303


def test_logout_ends_the_session(make_tenant, browser):
    dinas = make_tenant()
    client = browser(dinas.host)
    client.login(f"admin@{dinas.slug}.test")
    response = client.post("/keluar", csrf_from="/")
    assert response.status_code == 303
    assert client.get("/").status_code == 303


def test_a_password_reset_signs_the_account_out_everywhere(make_tenant, browser):
    dinas = make_tenant()
    client = browser(dinas.host)
    client.login(f"admin@{dinas.slug}.test")
    assert client.get("/").status_code == 200
    with tenant_transaction(dinas.schema):
        Akun.update(versi_sesi=Akun.versi_sesi + 1).execute()
    assert client.get("/").status_code == 303


def test_next_only_redirects_within_the_site(make_tenant, browser):
    dinas = make_tenant()
    client = browser(dinas.host)
    response = client.post(
        "/masuk?next=//evil.example/x",
        {"username": f"admin@{dinas.slug}.test", "password": "rahasia-uji-123"},
        csrf_from="/masuk",
    )
    assert response.headers["Location"] == "/"


def test_an_anonymous_visitor_is_sent_to_sign_in_and_back(make_tenant, browser):
    dinas = make_tenant()
    client = browser(dinas.host)
    response = client.get("/")
    assert response.status_code == 303 and response.headers["Location"] == "/masuk"
    htmx = client.get("/", headers={"HX-Request": "true"})
    assert htmx.status_code == 401 and htmx.headers["HX-Redirect"] == "/masuk"


def test_operators_sign_in_on_the_apex_only(app, browser):
    from tenants.provision import generate_password

    password = generate_password()
    result = app.test_cli_runner().invoke(
        args=[
            "operators",
            "create",
            "op-masuk@kinerja.test",
            "--name",
            "Op",
            "--password",
            password,
        ]
    )
    assert result.exit_code == 0, result.output
    apex = browser("kinerja.test")
    assert apex.login("op-masuk@kinerja.test", password).status_code == 303
    assert apex.get("/operator/").status_code == 200
    # The apex serves only the operator console and signing in.
    assert apex.get("/").headers["Location"] == "/operator/"
    assert apex.get("/sehat").status_code == 404


def test_a_pegawai_without_nip_signs_in_with_nuptk(make_tenant, browser):
    dinas = make_tenant()
    honorer = dinas.orang("Guru Honorer", "guru", email="honorer@contoh.test")
    with tenant_transaction(dinas.schema):
        Pegawai.update(nuptk="1234567890123456").where(Pegawai.id == honorer.id).execute()
    assert browser(dinas.host).login("1234567890123456").status_code == 303
