"""Pegawai: add with checked identity numbers, correct, mutasi with history, posts, who reads."""

from __future__ import annotations

import datetime as dt

import pytest

from web.db import tenant_transaction
from web.models import Audit, Pegawai, Penempatan, Penugasan
from web.models.base import hari_ini

BARU = {
    "nama": "Budi Santoso, S.Pd.",
    "nip": "199105052019031007",
    "nuptk": "",
    "email": "",
    "telepon": "0812",
    "status_kepegawaian": "PNS",
    "jenjang_jabatan": "Ahli Pertama",
    "pangkat_golongan": "III/a",
    "npsn_sekolah": "40000001",
    "peran": ["guru"],
}


def test_admin_adds_a_pegawai_placed_at_a_school(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    response = admin.post("/dinas/pegawai/baru", BARU, csrf_from="/dinas/pegawai/baru")
    assert response.status_code == 303, response.get_data(as_text=True)
    page = admin.get(response.headers["Location"]).get_data(as_text=True)
    assert "Budi Santoso" in page and "SD Negeri Satu (40000001)" in page
    assert "Penilai hari ini" in page and "KS SD (Kepala Sekolah)" in page
    with tenant_transaction(lengkap.dinas.schema):
        budi = Pegawai.get(Pegawai.nip == "199105052019031007")
        assert budi.peran == ["guru"] and budi.pangkat_golongan == "III/a"
        placement = Penempatan.get(Penempatan.pegawai == budi)
        assert placement.sekolah_id == lengkap.sd and placement.selesai is None
        assert Audit.select().where(Audit.objek == "pegawai", Audit.objek_id == budi.id).count()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"nip": "19910505201903100"}, "NIP harus 18 angka."),
        ({"nip": "199113452019031007"}, "NIP: tanggal lahir"),
        ({"nip": "199105052019033007"}, "NIP: jenis kelamin"),
        ({"nip": ""}, "NIP wajib diisi untuk PNS."),
        ({"nip": "", "status_kepegawaian": "non-ASN"}, "Isi minimal salah satu"),
        ({"nuptk": "123"}, "NUPTK harus 16 angka."),
        ({"email": "bukan email"}, "Alamat e-mail tidak valid."),
        ({"npsn_sekolah": "49999999"}, "Tidak ada sekolah dengan NPSN 49999999."),
        ({"nip": "198503122010012001"}, "NIP 198503122010012001 sudah dipakai Guru SD."),
        ({"status_kepegawaian": ""}, "Status kepegawaian wajib diisi."),
    ],
)
def test_bad_pegawai_input_names_the_problem_and_keeps_the_input(lengkap, masuk, change, message):
    admin = masuk(lengkap, lengkap.admin)
    response = admin.post(
        "/dinas/pegawai/baru", {**BARU, **change}, csrf_from="/dinas/pegawai/baru"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert 'value="Budi Santoso, S.Pd."' in page
    with tenant_transaction(lengkap.dinas.schema):
        assert not Pegawai.select().where(Pegawai.nama == "Budi Santoso, S.Pd.").exists()


def test_mutasi_keeps_history_and_moves_the_penilai(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    guru = lengkap.guru_sd
    url = f"/dinas/pegawai/{guru.id}/mutasi"
    tanggal = hari_ini() - dt.timedelta(days=3)
    response = admin.post(
        url, {"npsn_tujuan": "40000002", "tanggal": tanggal.isoformat()}, csrf_from=url
    )
    assert response.status_code == 303
    page = admin.get(f"/dinas/pegawai/{guru.id}").get_data(as_text=True)
    assert "SMP Negeri Dua (40000002)" in page
    assert "KS SMP (Kepala Sekolah)" in page  # the new school's KS appraises from the move
    with tenant_transaction(lengkap.dinas.schema):
        rows = list(
            Penempatan.select().where(Penempatan.pegawai == guru.id).order_by(Penempatan.mulai)
        )
        assert [(r.sekolah_id, r.selesai) for r in rows] == [
            (lengkap.sd, tanggal),
            (lengkap.smp, None),
        ]
    # the old school's KS no longer reads the guru; the new one does
    assert (
        masuk(lengkap, lengkap.ks_sd.username).get(f"/dinas/pegawai/{guru.id}").status_code == 403
    )
    assert (
        masuk(lengkap, lengkap.ks_smp.username).get(f"/dinas/pegawai/{guru.id}").status_code == 200
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"npsn_tujuan": "40000001"}, "sudah di SD Negeri Satu"),
        ({"tanggal": "2999-01-01"}, "tidak boleh di masa depan"),
        ({"tanggal": "2023-12-31"}, "harus sesudah 01-01-2024"),
        ({"tanggal": "31-31-2024"}, "Tanggal tidak valid"),
    ],
)
def test_bad_mutasi_is_refused_with_its_reason(lengkap, masuk, data, message):
    admin = masuk(lengkap, lengkap.admin)
    url = f"/dinas/pegawai/{lengkap.guru_sd.id}/mutasi"
    form = {"npsn_tujuan": "40000002", "tanggal": hari_ini().isoformat(), **data}
    response = admin.post(url, form, csrf_from=url)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with tenant_transaction(lengkap.dinas.schema):
        assert Penempatan.select().where(Penempatan.pegawai == lengkap.guru_sd.id).count() == 1


def test_a_plt_kepala_sekolah_appraises_and_reads_the_school(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    # The definitive KS of the SMP leaves; a guru of the SMP becomes Plt.
    with tenant_transaction(lengkap.dinas.schema):
        post = Penugasan.get(Penugasan.pegawai == lengkap.ks_smp.id)
    url = f"/dinas/jabatan/{post.id}/akhiri"
    assert admin.post(url, {"selesai": hari_ini().isoformat()}, csrf_from=url).status_code == 303
    plt = lengkap.dinas.orang("Guru Plt", "guru", nip="199002282019031005", sekolah_id=lengkap.smp)
    url = f"/dinas/pegawai/{plt.id}/jabatan"
    response = admin.post(
        url,
        {
            "jabatan": "kepala_sekolah",
            "npsn_sekolah": "40000002",
            "plt": "y",
            "mulai": hari_ini().isoformat(),
        },
        csrf_from=url,
    )
    assert response.status_code == 303
    page = admin.get(f"/dinas/pegawai/{lengkap.guru_smp.id}").get_data(as_text=True)
    assert "Guru Plt (Kepala Sekolah, Plt)" in page

    acting = masuk(lengkap, plt.username)
    assert "Kepala Sekolah (Plt)" in acting.get("/").get_data(as_text=True)
    assert acting.get(f"/dinas/pegawai/{lengkap.guru_smp.id}").status_code == 200
    # the former KS lost the role on the end date
    former = masuk(lengkap, lengkap.ks_smp.username)
    assert former.get("/dinas/pegawai").status_code == 403
    # and the Plt is appraised by the kepala dinas
    page = admin.get(f"/dinas/pegawai/{plt.id}").get_data(as_text=True)
    assert "Kepala Dinas (Kepala Dinas)" in page


def test_two_definitive_heads_of_one_school_are_refused(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    url = f"/dinas/pegawai/{lengkap.guru_sd.id}/jabatan"
    response = admin.post(
        url,
        {"jabatan": "kepala_sekolah", "npsn_sekolah": "40000001", "mulai": hari_ini().isoformat()},
        csrf_from=url,
    )
    assert response.status_code == 422
    assert "Ada yang perlu diperbaiki" in response.get_data(as_text=True)


def test_who_reads_which_pegawai(lengkap, masuk):
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get(f"/dinas/pegawai/{lengkap.guru_sd.id}").status_code == 200
    assert guru.get(f"/dinas/pegawai/{lengkap.guru_smp.id}").status_code == 403
    assert guru.get("/dinas/pegawai").status_code == 403
    assert guru.get(f"/dinas/pegawai/{lengkap.guru_sd.id}/ubah").status_code == 403

    ks = masuk(lengkap, lengkap.ks_sd.username)
    listing = ks.get("/dinas/pegawai").get_data(as_text=True)
    assert "Guru SD" in listing and "Guru SMP" not in listing
    assert ks.get(f"/dinas/pegawai/{lengkap.guru_smp.id}").status_code == 403

    kadis = masuk(lengkap, lengkap.kadis.username)
    listing = kadis.get("/dinas/pegawai").get_data(as_text=True)
    assert "Guru SD" in listing and "Guru SMP" in listing
    assert (
        kadis.post(
            f"/dinas/pegawai/{lengkap.guru_sd.id}/nonaktifkan", csrf_from="/dinas/pegawai"
        ).status_code
        == 403
    )


def test_corrections_show_in_the_pegawai_history(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    guru = lengkap.guru_sd
    url = f"/dinas/pegawai/{guru.id}/ubah"
    form = {**BARU, "nama": "Guru SD Berganti Nama", "nip": "198503122010012001"}
    assert admin.post(url, form, csrf_from=url).status_code == 303
    history = admin.get(f"/dinas/riwayat/pegawai/{guru.id}").get_data(as_text=True)
    assert "Guru SD Berganti Nama" in history and ">Guru SD<" in history
