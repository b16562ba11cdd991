"""Accounts: printed activation codes per school, first sign-in with a code, reset, deactivation.

Each user has a client of their own, made one after another, never one inside another's `with`.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from web.db import tenant_transaction
from web.models import Akun, Audit, LoginAttempt, Pegawai
from web.services.masuk import FREE_FAILURES

KODE = re.compile(r'class="kode-aktivasi">([A-Z2-9]{4}-[A-Z2-9]{4})<')
SANDI_BARU = "sandi-baru-yang-panjang"
SALAH = "NIP/NUPTK/e-mail atau kode aktivasi salah."


def pegawai_baru(
    dinas, nama: str, *, sekolah_id: int | None, nip: str | None = None, nuptk: str | None = None
) -> int:
    """A pegawai as an import would leave them: no account yet."""
    with tenant_transaction(dinas.schema):
        return Pegawai.create(
            nama=nama, nip=nip, nuptk=nuptk, peran=["guru"], sekolah=sekolah_id
        ).id


def cetak(client, sekolah_id: int, *, sertakan: bool = False):
    url = f"/dinas/sekolah/{sekolah_id}/kode-aktivasi"
    data = {"sertakan_berkode": "y"} if sertakan else {}
    return client.post(url, data, csrf_from=url)


def kode_dari(response) -> list[str]:
    return KODE.findall(response.get_data(as_text=True))


def aktifkan(
    client, username: str, kode: str, password: str = SANDI_BARU, ulang: str | None = None
):
    data = {
        "username": username,
        "kode": kode,
        "password": password,
        "password_ulang": password if ulang is None else ulang,
    }
    return client.post("/aktivasi", data, csrf_from="/aktivasi")


def akun_dari(dinas, pegawai_id: int) -> Akun:
    with tenant_transaction(dinas.schema):
        return Akun.get(Akun.pegawai == pegawai_id)


def gagal(dinas, username: str) -> int:
    with tenant_transaction(dinas.schema):
        row = LoginAttempt.get_or_none(LoginAttempt.key == "aktivasi:" + username)
        return row.failures if row else 0


def jejak_akun(dinas) -> list[Audit]:
    with tenant_transaction(dinas.schema):
        return list(Audit.select().where(Audit.objek == "akun").order_by(Audit.id))


@pytest.fixture
def baru(lengkap):
    """Two new pegawai of the SD and one of the SMP, none with an account yet."""
    d = lengkap.dinas
    return {
        "ani": pegawai_baru(d, "Ani Baru", sekolah_id=lengkap.sd, nip="199201012020012001"),
        "badu": pegawai_baru(d, "Badu Baru", sekolah_id=lengkap.sd, nuptk="1234567890123456"),
        "citra": pegawai_baru(d, "Citra Baru", sekolah_id=lengkap.smp, nip="199303032021012003"),
    }


def test_admin_prints_a_card_for_each_pegawai_of_the_school_without_an_account(
    lengkap, masuk, baru
):
    admin = masuk(lengkap, lengkap.admin)
    url = f"/dinas/sekolah/{lengkap.sd}/kode-aktivasi"
    assert "Kode aktivasi" in admin.get(f"/dinas/sekolah/{lengkap.sd}").get_data(as_text=True)
    page = admin.get(url).get_data(as_text=True)
    assert "Ani Baru" in page and "Badu Baru" in page and "belum dibuat" in page
    assert "Guru SD" not in page  # already signs in
    assert "Citra Baru" not in page  # another school

    response = cetak(admin, lengkap.sd)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    printed = response.get_data(as_text=True)
    codes = kode_dari(response)
    assert len(codes) == 2 and len(set(codes)) == 2
    assert f"Dinas Uji {lengkap.dinas.slug}" in printed
    assert "SD Negeri Satu" in printed and "199201012020012001" in printed
    assert "1234567890123456" in printed
    assert f"https://{lengkap.dinas.host}/aktivasi" in printed
    assert "Citra Baru" not in printed

    for key in ("ani", "badu"):
        akun = akun_dari(lengkap.dinas, baru[key])
        assert akun.password_hash is None and akun.kode_dibuat is not None
        assert akun.kode_aktivasi_hash.startswith("$argon2id$")
        assert "m=8192,t=1" in akun.kode_aktivasi_hash
    assert not any(c in akun.kode_aktivasi_hash for c in codes)
    assert [e.aksi for e in jejak_akun(lengkap.dinas)] == ["kode aktivasi dibuat"] * 2

    # Printing again makes nothing unless asked to replace the codes already made.
    again = cetak(admin, lengkap.sd)
    assert again.status_code == 422
    assert "Tidak ada kode baru yang perlu dibuat" in again.get_data(as_text=True)
    replaced = cetak(admin, lengkap.sd, sertakan=True)
    assert replaced.status_code == 200
    assert len(kode_dari(replaced)) == 2 and not set(kode_dari(replaced)) & set(codes)


def test_a_kepala_sekolah_prints_codes_for_the_school_they_lead_only(lengkap, masuk, baru):
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert "Kode aktivasi" in ks.get(f"/dinas/sekolah/{lengkap.sd}").get_data(as_text=True)
    assert ks.get(f"/dinas/sekolah/{lengkap.sd}/kode-aktivasi").status_code == 200
    response = cetak(ks, lengkap.sd)
    assert response.status_code == 200 and len(kode_dari(response)) == 2

    other = f"/dinas/sekolah/{lengkap.smp}/kode-aktivasi"
    assert ks.get(other).status_code == 403
    token = ks.csrf_token(f"/dinas/sekolah/{lengkap.sd}/kode-aktivasi")
    assert ks.post(other, {"csrf_token": token}).status_code == 403
    with tenant_transaction(lengkap.dinas.schema):
        assert not Akun.select().where(Akun.pegawai == baru["citra"]).exists()

    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get(f"/dinas/sekolah/{lengkap.sd}/kode-aktivasi").status_code == 403
    kadis = masuk(lengkap, lengkap.kadis.username)
    assert kadis.get(f"/dinas/sekolah/{lengkap.sd}/kode-aktivasi").status_code == 403
    assert "Kode aktivasi" not in kadis.get(f"/dinas/sekolah/{lengkap.sd}").get_data(as_text=True)


def test_a_code_activates_the_account_once_and_the_new_password_signs_in(
    lengkap, masuk, browser, baru
):
    admin = masuk(lengkap, lengkap.admin)
    # Cards come in name order: Ani, then Badu.
    printed = dict(zip(("ani", "badu"), kode_dari(cetak(admin, lengkap.sd)), strict=True))
    with tenant_transaction(lengkap.dinas.schema):
        ani = Pegawai.get_by_id(baru["ani"])

    assert 'href="/aktivasi"' in browser(lengkap.dinas.host).get("/masuk").get_data(as_text=True)
    pemilik = browser(lengkap.dinas.host)
    assert pemilik.get("/aktivasi").status_code == 200
    # Typed in lower case and without the dash: the same code.
    response = aktifkan(pemilik, ani.nip, printed["ani"].lower().replace("-", " "))
    assert response.status_code == 303, response.get_data(as_text=True)
    assert response.headers["Location"] == "/"
    assert "Ani Baru" in pemilik.get("/").get_data(as_text=True)

    kedua = browser(lengkap.dinas.host)
    again = aktifkan(kedua, ani.nip, printed["ani"], password="sandi-lain-yang-panjang")
    assert again.status_code == 422 and SALAH in again.get_data(as_text=True)

    lain = browser(lengkap.dinas.host)
    assert lain.login(ani.nip, SANDI_BARU).status_code == 303
    akun = akun_dari(lengkap.dinas, ani.id)
    assert akun.kode_aktivasi_hash is None and akun.password_hash.startswith("$argon2id$")
    assert "aktivasi akun" in [e.aksi for e in jejak_akun(lengkap.dinas)]

    # The NUPTK works as the username too.
    badu = browser(lengkap.dinas.host)
    assert aktifkan(badu, "1234567890123456", printed["badu"]).status_code == 303


@pytest.mark.parametrize(
    ("password", "ulang", "message"),
    [
        ("pendek", None, "Kata sandi paling sedikit 10 karakter."),
        ("199201012020012001", None, "tidak boleh sama dengan NIP, NUPTK atau e-mail"),
        (SANDI_BARU, "sandi-yang-berbeda", "Kedua kata sandi tidak sama."),
    ],
)
def test_a_refused_activation_keeps_the_username_but_never_the_code_or_password(
    lengkap, masuk, browser, baru, password, ulang, message
):
    admin = masuk(lengkap, lengkap.admin)
    code = kode_dari(cetak(admin, lengkap.sd))[0]
    client = browser(lengkap.dinas.host)
    response = aktifkan(client, "199201012020012001", code, password, ulang)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page and "Ada yang perlu diperbaiki" in page
    assert 'value="199201012020012001"' in page
    assert code not in page and code.replace("-", "") not in page
    assert not re.search(r'type="password" value="[^"]', page)
    assert gagal(lengkap.dinas, "199201012020012001") == 0  # not a guess at the code
    # Nothing was used up: the code still works.
    assert aktifkan(client, "199201012020012001", code).status_code == 303


def test_wrong_and_expired_codes_are_refused_and_count_towards_the_lock(
    lengkap, masuk, browser, baru
):
    admin = masuk(lengkap, lengkap.admin)
    code = kode_dari(cetak(admin, lengkap.sd))[0]
    nip = "199201012020012001"
    wrong = "AAAA-BBBB" if code != "AAAA-BBBB" else "CCCC-DDDD"

    response = aktifkan(browser(lengkap.dinas.host), nip, wrong)
    assert response.status_code == 422 and SALAH in response.get_data(as_text=True)
    assert gagal(lengkap.dinas, nip) == 1

    with tenant_transaction(lengkap.dinas.schema):
        Akun.update(kode_dibuat=Akun.kode_dibuat - dt.timedelta(days=31)).where(
            Akun.pegawai == baru["ani"]
        ).execute()
    response = aktifkan(browser(lengkap.dinas.host), nip, code)
    assert response.status_code == 422
    assert "sudah kedaluwarsa" in response.get_data(as_text=True)
    assert gagal(lengkap.dinas, nip) == 2
    assert akun_dari(lengkap.dinas, baru["ani"]).password_hash is None

    for _ in range(FREE_FAILURES - 2):
        assert aktifkan(browser(lengkap.dinas.host), nip, wrong).status_code == 422
    # Locked: even a fresh, right code is refused without being checked.
    fresh = kode_dari(cetak(admin, lengkap.sd, sertakan=True))[0]
    locked = aktifkan(browser(lengkap.dinas.host), nip, fresh)
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan" in locked.get_data(as_text=True)
    assert gagal(lengkap.dinas, nip) == FREE_FAILURES
    assert akun_dari(lengkap.dinas, baru["ani"]).password_hash is None


def test_a_printed_code_is_never_shown_again(lengkap, masuk, baru):
    admin = masuk(lengkap, lengkap.admin)
    codes = kode_dari(cetak(admin, lengkap.sd))
    pages = [
        f"/dinas/sekolah/{lengkap.sd}",
        f"/dinas/sekolah/{lengkap.sd}/kode-aktivasi",
        f"/dinas/pegawai/{baru['ani']}",
        f"/dinas/riwayat/pegawai/{baru['ani']}",
    ]
    for path in pages:
        response = admin.get(path)
        assert response.status_code == 200, path
        page = response.get_data(as_text=True)
        for code in codes:
            assert code not in page and code.replace("-", "") not in page, path
    with tenant_transaction(lengkap.dinas.schema):
        rows = [json.dumps(a.__data__, default=str) for a in Akun.select()]
    for code in codes:
        assert not any(code.replace("-", "") in row or code in row for row in rows)


def test_reset_signs_the_user_out_and_only_the_new_code_works(lengkap, masuk, browser):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get("/").status_code == 200
    admin = masuk(lengkap, lengkap.admin)
    page = f"/dinas/pegawai/{lengkap.guru_sd.id}"
    assert "Atur ulang kata sandi" in admin.get(page).get_data(as_text=True)

    response = admin.post(f"{page}/akun/reset", csrf_from=page)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "Guru SD" in response.get_data(as_text=True)
    (code,) = kode_dari(response)

    signed_out = guru.get("/")
    assert signed_out.status_code == 303
    assert signed_out.headers["Location"].startswith("/masuk")
    assert browser(lengkap.dinas.host).login(lengkap.guru_sd.username).status_code == 422
    assert code not in admin.get(page).get_data(as_text=True)

    client = browser(lengkap.dinas.host)
    assert aktifkan(client, lengkap.guru_sd.username, code).status_code == 303
    assert (
        browser(lengkap.dinas.host).login(lengkap.guru_sd.username, SANDI_BARU).status_code == 303
    )
    assert "atur ulang kata sandi" in [e.aksi for e in jejak_akun(lengkap.dinas)]


def test_only_the_admin_dinas_resets_or_deactivates(lengkap, masuk):
    page = f"/dinas/pegawai/{lengkap.guru_sd.id}"
    for who in (lengkap.guru_sd.username, lengkap.ks_sd.username):
        client = masuk(lengkap, who)
        token = client.csrf_token(page)
        page_text = client.get(page).get_data(as_text=True)
        assert "Atur ulang kata sandi" not in page_text and "Nonaktifkan akun" not in page_text
        for action in ("reset", "nonaktifkan"):
            response = client.post(f"{page}/akun/{action}", {"csrf_token": token})
            assert response.status_code == 403, (who, action)
    assert masuk(lengkap, lengkap.guru_sd.username).get("/").status_code == 200
    assert jejak_akun(lengkap.dinas) == []


def test_deactivating_ends_sessions_and_refuses_sign_in_until_reactivated(lengkap, masuk, browser):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    admin = masuk(lengkap, lengkap.admin)
    page = f"/dinas/pegawai/{lengkap.guru_sd.id}"

    response = admin.post(f"{page}/akun/nonaktifkan", csrf_from=page)
    assert response.status_code == 303 and response.headers["Location"] == page
    assert guru.get("/").status_code == 303
    assert browser(lengkap.dinas.host).login(lengkap.guru_sd.username).status_code == 422
    shown = admin.get(page).get_data(as_text=True)
    assert "Aktifkan akun" in shown and "nonaktif" in shown
    assert not akun_dari(lengkap.dinas, lengkap.guru_sd.id).aktif

    response = admin.post(f"{page}/akun/aktifkan", csrf_from=page)
    assert response.status_code == 303
    assert browser(lengkap.dinas.host).login(lengkap.guru_sd.username).status_code == 303
    assert [e.aksi for e in jejak_akun(lengkap.dinas)] == ["nonaktifkan akun", "aktifkan akun"]


def test_a_deactivated_account_cannot_be_activated_with_its_code(lengkap, masuk, browser, baru):
    admin = masuk(lengkap, lengkap.admin)
    code = kode_dari(cetak(admin, lengkap.sd))[0]
    page = f"/dinas/pegawai/{baru['ani']}"
    assert admin.post(f"{page}/akun/nonaktifkan", csrf_from=page).status_code == 303
    response = aktifkan(browser(lengkap.dinas.host), "199201012020012001", code)
    assert response.status_code == 422 and SALAH in response.get_data(as_text=True)


def test_the_audit_trail_of_accounts_never_holds_a_secret(lengkap, masuk, browser, baru):
    admin = masuk(lengkap, lengkap.admin)
    codes = kode_dari(cetak(admin, lengkap.sd))
    aktifkan(browser(lengkap.dinas.host), "199201012020012001", codes[0])
    page = f"/dinas/pegawai/{lengkap.guru_sd.id}"
    admin.post(f"{page}/akun/reset", csrf_from=page)
    admin.post(f"{page}/akun/nonaktifkan", csrf_from=page)
    admin.post(f"{page}/akun/aktifkan", csrf_from=page)

    entries = jejak_akun(lengkap.dinas)
    assert sorted({e.aksi for e in entries}) == [
        "aktifkan akun",
        "aktivasi akun",
        "atur ulang kata sandi",
        "kode aktivasi dibuat",
        "nonaktifkan akun",
    ]
    for entry in entries:
        text = json.dumps([entry.sebelum, entry.sesudah])
        assert "$argon2" not in text
        assert "password_hash" not in text and "kode_aktivasi_hash" not in text
        assert not any(c.replace("-", "") in text for c in codes)
    reset = next(e for e in entries if e.aksi == "atur ulang kata sandi")
    assert reset.pelaku_nama == "Admin Dinas"
    assert reset.sesudah["versi_sesi"] == reset.sebelum["versi_sesi"] + 1
    activated = next(e for e in entries if e.aksi == "aktivasi akun")
    assert activated.pelaku_nama == "Ani Baru"
    history = admin.get(f"/dinas/riwayat/pegawai/{lengkap.guru_sd.id}").get_data(as_text=True)
    assert "atur ulang kata sandi" in history and "nonaktifkan akun" in history


def test_a_code_from_one_dinas_does_not_activate_on_another(make_tenant, browser):
    nip = "199405052022011004"
    a, b = make_tenant("akuna"), make_tenant("akunb")
    sekolah_a = a.sekolah("50000001", "SD Negeri A")
    pegawai_baru(a, "Sama Namanya", sekolah_id=sekolah_a, nip=nip)
    pegawai_baru(b, "Sama Namanya", sekolah_id=b.sekolah("50000001", "SD Negeri B"), nip=nip)

    admin = browser(a.host)
    assert admin.login(f"admin@{a.slug}.test").status_code == 303
    (code,) = kode_dari(cetak(admin, sekolah_a))

    response = aktifkan(browser(b.host), nip, code)
    assert response.status_code == 422 and SALAH in response.get_data(as_text=True)
    assert gagal(b, nip) == 1
    assert aktifkan(browser(a.host), nip, code).status_code == 303
