"""A dinas with an admin, a kepala dinas, two schools with their kepala sekolah and guru."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from web.db import tenant_transaction
from web.models import Penempatan, Penugasan

SEJAK = dt.date(2024, 1, 1)


Dinas = Orang = Any  # the helpers in tests/conftest.py


@dataclass
class DinasLengkap:
    dinas: Dinas
    admin: str
    kadis: Orang
    sd: int
    smp: int
    ks_sd: Orang
    ks_smp: Orang
    guru_sd: Orang
    guru_smp: Orang


def tempatkan(dinas: Dinas, orang: Orang, sekolah_id: int, mulai: dt.date = SEJAK) -> None:
    with tenant_transaction(dinas.schema):
        Penempatan.create(pegawai=orang.id, sekolah=sekolah_id, mulai=mulai)


def jabat(
    dinas: Dinas,
    orang: Orang,
    jabatan: str,
    sekolah_id: int | None = None,
    mulai: dt.date = SEJAK,
    plt: bool = False,
) -> None:
    with tenant_transaction(dinas.schema):
        Penugasan.create(
            pegawai=orang.id, jabatan=jabatan, sekolah=sekolah_id, mulai=mulai, plt=plt
        )


@pytest.fixture
def lengkap(make_tenant) -> DinasLengkap:
    dinas = make_tenant("lengkap")
    sd = dinas.sekolah("40000001", "SD Negeri Satu")
    smp = dinas.sekolah("40000002", "SMP Negeri Dua", jenjang="SMP")
    kadis = dinas.orang("Kepala Dinas", nip="197204151998031003")
    ks_sd = dinas.orang("KS SD", "guru", nip="197811202003122002", sekolah_id=sd)
    ks_smp = dinas.orang("KS SMP", "guru", nip="197605102000031004", sekolah_id=smp)
    guru_sd = dinas.orang("Guru SD", "guru", nip="198503122010012001", sekolah_id=sd)
    guru_smp = dinas.orang("Guru SMP", "guru", nip="198807172014022003", sekolah_id=smp)
    for orang, sekolah in ((ks_sd, sd), (ks_smp, smp), (guru_sd, sd), (guru_smp, smp)):
        tempatkan(dinas, orang, sekolah)
    jabat(dinas, kadis, "kepala_dinas")
    jabat(dinas, ks_sd, "kepala_sekolah", sd)
    jabat(dinas, ks_smp, "kepala_sekolah", smp)
    return DinasLengkap(
        dinas, f"admin@{dinas.slug}.test", kadis, sd, smp, ks_sd, ks_smp, guru_sd, guru_smp
    )


@pytest.fixture
def masuk(browser):
    """A signed-in client of the dinas for a username."""

    def make(lengkap: DinasLengkap, username: str):
        client = browser(lengkap.dinas.host)
        assert client.login(username).status_code == 303, username
        return client

    return make
