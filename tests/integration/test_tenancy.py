"""Tenancy holds: each dinas sees only its own rows, whatever the ids, hosts or pooling."""

from __future__ import annotations

import threading
import zlib
from collections import Counter

import pytest

from tenants import resolve
from web.db import db, tenant_transaction
from web.models import Sekolah


def test_two_dinas_with_overlapping_ids_see_only_their_own_rows(make_tenant, browser):
    alfa, beta = make_tenant("alfa"), make_tenant("beta")
    alfa.sekolah("10000001", "SD Alfa")
    beta.sekolah("20000002", "SD Beta")
    with tenant_transaction(alfa.schema):
        alfa_ids = {s.id for s in Sekolah.select()}
    with tenant_transaction(beta.schema):
        beta_ids = {s.id for s in Sekolah.select()}
    assert alfa_ids == beta_ids == {1}  # the same id in both schemas

    assert browser(alfa.host).get("/_uji/jalur").json["npsn"] == ["10000001"]
    assert browser(beta.host).get("/_uji/jalur").json["npsn"] == ["20000002"]


def test_a_tenant_query_without_a_bound_dinas_fails_instead_of_reading_anything(app):
    with db.connection_context(), db.atomic(), pytest.raises(Exception, match="sekolah"):
        Sekolah.select().count()


def test_unknown_hosts_get_an_indonesian_404(app, browser):
    for host in (
        "tidakada.kinerja.test",
        "kinerja.test.evil.example",
        "a.b.kinerja.test",
        "Bad-Slug.kinerja.test",
        "localhost",
    ):
        response = browser(host).get("/masuk")
        assert response.status_code == 404, host
        assert "Halaman tidak ditemukan" in response.get_data(as_text=True)


def test_a_suspended_dinas_answers_503_until_resumed(app, make_tenant, browser):
    dinas = make_tenant()
    runner = app.test_cli_runner()
    assert runner.invoke(args=["tenants", "suspend", dinas.slug]).exit_code == 0

    response = browser(dinas.host).get("/masuk")
    assert response.status_code == 503
    assert "sedang ditangguhkan" in response.get_data(as_text=True)
    assert f"Dinas Uji {dinas.slug}" in response.get_data(as_text=True)

    assert runner.invoke(args=["tenants", "resume", dinas.slug]).exit_code == 0
    assert browser(dinas.host).get("/masuk").status_code == 200


@pytest.mark.parametrize("status", [422, 403, 500])
def test_a_failing_request_leaves_no_row_behind(app, make_tenant, browser, status):
    dinas = make_tenant()
    client = browser(dinas.host)
    response = client.post(f"/_uji/gagal/{status}", csrf_from="/masuk")
    assert response.status_code == status
    with tenant_transaction(dinas.schema):
        assert Sekolah.select().where(Sekolah.npsn == "99999999").count() == 0
    # and what it did outside the database was undone
    assert app.extensions["uji_dibatalkan"][-1] == status


def test_a_committed_request_keeps_its_outside_work(app, make_tenant, browser):
    dinas = make_tenant()
    app.extensions["uji_dibatalkan"] = []
    response = browser(dinas.host).post("/_uji/gagal/200", csrf_from="/masuk")
    assert response.status_code == 200 and app.extensions["uji_dibatalkan"] == []
    with tenant_transaction(dinas.schema):
        assert Sekolah.select().where(Sekolah.npsn == "99999999").count() == 1


def _hammer(app, hosts, rounds_per_thread=60, threads=8):
    """Interleave requests for several dinas and the apex over the shared pool from many
    threads; return (host, what the database said) for every request."""
    seen: list[tuple[str, dict]] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def worker(offset: int) -> None:
        try:
            clients = {host: app.test_client() for host in hosts}
            for i in range(rounds_per_thread):
                host = hosts[(i + offset) % len(hosts)]
                body = clients[host].get("/_uji/jalur", base_url=f"http://{host}").json
                with lock:
                    seen.append((host, body))
        except BaseException as error:  # surfaced in the main thread
            errors.append(error)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert not errors, errors
    return seen


def _foreign(seen, schemas):
    wrong = Counter()
    for host, body in seen:
        slug = host.split(".")[0]
        expected = schemas.get(slug)
        if expected is None:  # the apex: no dinas schema may be visible
            if "dinas_" in body["search_path"]:
                wrong[host] += 1
        elif body["schema"] != expected or body["npsn"] != [slug_npsn(slug)]:
            wrong[host] += 1
    return wrong


def slug_npsn(slug: str) -> str:
    return str(zlib.crc32(slug.encode()) % 10**8).zfill(8)


def test_no_search_path_leaks_over_pooled_connections(app, make_tenant):
    tenants = [make_tenant("bocor") for _ in range(3)]
    for dinas in tenants:
        dinas.sekolah(slug_npsn(dinas.slug))
    hosts = [d.host for d in tenants] + ["kinerja.test"]

    seen = _hammer(app, hosts)

    assert len(seen) == 8 * 60
    assert _foreign(seen, {d.slug: d.schema for d in tenants}) == Counter()


def test_the_leak_check_catches_a_session_level_search_path(app, make_tenant, monkeypatch):
    """Control: bind with a plain SET (the django-tenants bug) and the same check must fail."""
    tenants = [make_tenant("kontrol") for _ in range(2)]
    for dinas in tenants:
        dinas.sekolah(slug_npsn(dinas.slug))

    def leaky_bind(schema: str) -> None:
        db.execute_sql(f'SET search_path TO "{schema}", public')

    monkeypatch.setattr(resolve, "bind_schema", leaky_bind)
    hosts = [d.host for d in tenants] + ["kinerja.test"]
    seen = _hammer(app, hosts, rounds_per_thread=30, threads=4)
    # Reset what the leaky binding left on the pooled connections before other tests run.
    monkeypatch.undo()
    db.close_all()

    assert _foreign(seen, {d.slug: d.schema for d in tenants})["kinerja.test"] > 0
