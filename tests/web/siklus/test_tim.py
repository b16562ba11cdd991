"""Tim kerja: a kepala sekolah appoints guru of the school for its guru, a kepala dinas appoints
pengawas for kepala sekolah — never someone for themselves, a guru of another school, a
non-pengawas, or twice — audited; ending an appointment; what a member sees."""

from __future__ import annotations

import datetime as dt
import re

from tests.conftest import jabat, tempatkan
from web.db import tenant_transaction
from web.models import Audit, TimKerja
from web.models.base import hari_ini

URL = "/siklus/tim"


def rekan_guru(lengkap):
    rekan = lengkap.dinas.orang(
        "Guru Rekan", "guru", nip="199001012015031001", sekolah_id=lengkap.sd
    )
    tempatkan(lengkap.dinas, rekan, lengkap.sd)
    return rekan


def pengawas(lengkap):
    return lengkap.dinas.orang("Pengawas Satu", "pengawas", nip="196905051994031002")


def _tim(schema: str) -> list[tuple[int, int, int, dt.date | None]]:
    with tenant_transaction(schema):
        return [
            (t.pegawai_id, t.anggota_id, t.ditunjuk_oleh_id, t.selesai)
            for t in TimKerja.select().order_by(TimKerja.id)
        ]


def _pesan(response) -> str:
    assert response.status_code == 422, response.status_code
    return response.get_data(as_text=True)


def test_a_kepala_sekolah_appoints_a_guru_of_the_school(lengkap, masuk):
    schema = lengkap.dinas.schema
    rekan = rekan_guru(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = ks.get(URL).get_data(as_text=True)
    assert "Belum ada anggota tim kerja yang ditunjuk." in page
    assert f'<option value="{rekan.id}">Guru Rekan (SD Negeri Satu)</option>' in page
    assert "Guru SMP" not in page  # neither a candidate nor someone this KS appraises
    assert f'value="{lengkap.guru_sd.id}"' in page

    response = ks.post(
        URL, {"anggota_id": rekan.id, "pegawai_ids": [lengkap.guru_sd.id]}, csrf_from=URL
    )
    assert response.status_code == 303
    assert _tim(schema) == [(lengkap.guru_sd.id, rekan.id, lengkap.ks_sd.id, None)]
    with tenant_transaction(schema):
        assert TimKerja.get().mulai == hari_ini()
        entry = Audit.get(Audit.objek == "tim_kerja")
        assert entry.aksi == "tunjuk tim kerja" and entry.sesudah["anggota"] == rekan.id
    page = ks.get(URL).get_data(as_text=True)
    assert "Guru Rekan</td>" in page and "Guru SD</td>" in page and "oleh KS SD" in page

    member = masuk(lengkap, rekan.username)
    daftar = member.get("/siklus/amati").get_data(as_text=True)
    assert "Guru SD" in daftar and "Siklus belum dimulai" in daftar
    assert member.get(URL).status_code == 403  # a member appoints nobody


def test_appointments_that_are_refused(lengkap, masuk):
    schema = lengkap.dinas.schema
    rekan = rekan_guru(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)

    def tunjuk(anggota, *pegawai):
        return ks.post(URL, {"anggota_id": anggota, "pegawai_ids": list(pegawai)}, csrf_from=URL)

    empty = _pesan(tunjuk(""))
    assert "Pilih anggota tim kerja." in empty
    assert "Pilih minimal satu pegawai yang akan diamati." in empty
    assert "dirinya sendiri" in _pesan(tunjuk(rekan.id, rekan.id))
    assert "Anda sendiri penilainya" in _pesan(tunjuk(lengkap.ks_sd.id, lengkap.guru_sd.id))
    other_school = _pesan(tunjuk(lengkap.guru_smp.id, lengkap.guru_sd.id))
    assert "harus guru di sekolah yang sama" in other_school
    assert "pegawai yang Anda nilai" in _pesan(tunjuk(rekan.id, lengkap.guru_smp.id))
    # One bad choice among good ones: nothing is appointed.
    assert "pegawai yang Anda nilai" in _pesan(
        tunjuk(rekan.id, lengkap.guru_sd.id, lengkap.guru_smp.id)
    )
    assert _tim(schema) == []

    assert tunjuk(rekan.id, lengkap.guru_sd.id).status_code == 303
    twice = _pesan(tunjuk(rekan.id, lengkap.guru_sd.id))
    assert "Guru Rekan sudah menjadi anggota tim kerja untuk Guru SD." in twice
    kept = r'<input checked id="pegawai_ids-\d" name="pegawai_ids" type="checkbox" '
    assert re.search(kept + f'value="{lengkap.guru_sd.id}"', twice)  # the choice is kept
    assert "required" not in twice.split('id="pegawai_ids"')[1]
    assert len(_tim(schema)) == 1


def test_a_kepala_dinas_appoints_pengawas_for_kepala_sekolah(lengkap, masuk):
    schema = lengkap.dinas.schema
    ps = pengawas(lengkap)
    kadis = masuk(lengkap, lengkap.kadis.username)
    page = kadis.get(URL).get_data(as_text=True)
    assert "Pengawas Satu" in page and "KS SD (SD Negeri Satu)" in page
    refused = kadis.post(
        URL, {"anggota_id": lengkap.guru_sd.id, "pegawai_ids": [lengkap.ks_sd.id]}, csrf_from=URL
    )
    assert "Guru SD bukan pengawas" in _pesan(refused)
    both = {"anggota_id": ps.id, "pegawai_ids": [lengkap.ks_sd.id, lengkap.ks_smp.id]}
    assert kadis.post(URL, both, csrf_from=URL).status_code == 303
    assert sorted(_tim(schema)) == sorted(
        [
            (lengkap.ks_sd.id, ps.id, lengkap.kadis.id, None),
            (lengkap.ks_smp.id, ps.id, lengkap.kadis.id, None),
        ]
    )
    daftar = masuk(lengkap, ps.username).get("/siklus/amati").get_data(as_text=True)
    assert "KS SD" in daftar and "KS SMP" in daftar
    # A guru is not appraised by the kepala dinas.
    guru = kadis.post(
        URL, {"anggota_id": ps.id, "pegawai_ids": [lengkap.guru_sd.id]}, csrf_from=URL
    )
    assert "pegawai yang Anda nilai" in _pesan(guru)


def test_ending_an_appointment(lengkap, masuk):
    schema = lengkap.dinas.schema
    rekan = rekan_guru(lengkap)
    with tenant_transaction(schema):
        lama = TimKerja.create(
            pegawai=lengkap.guru_sd.id,
            anggota=rekan.id,
            ditunjuk_oleh=lengkap.ks_sd.id,
            mulai=dt.date(2026, 1, 5),
        )
    member = masuk(lengkap, rekan.username)
    observasi = f"/siklus/{lengkap.guru_sd.id}/2026/2/observasi"
    assert member.get(observasi).status_code == 200

    # Another school's kepala sekolah cannot end it.
    smp = masuk(lengkap, lengkap.ks_smp.username)
    assert smp.post(f"{URL}/{lama.id}/akhiri", csrf_from=URL).status_code == 404
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert ks.post(f"{URL}/{lama.id}/akhiri", csrf_from=URL).status_code == 303
    assert _tim(schema) == [(lengkap.guru_sd.id, rekan.id, lengkap.ks_sd.id, hari_ini())]
    with tenant_transaction(schema):
        entry = Audit.get(Audit.aksi == "akhiri tim kerja")
        assert (
            entry.sebelum["selesai"] is None and entry.sesudah["selesai"] == hari_ini().isoformat()
        )
    assert "belum ditunjuk" in member.get("/siklus/amati").get_data(as_text=True)
    assert member.get(observasi).status_code == 404
    assert ks.post(f"{URL}/{lama.id}/akhiri", csrf_from=URL).status_code == 404  # already ended

    # Appointed and ended the same day: the appointment is withdrawn, the audit keeps it.
    ks.post(URL, {"anggota_id": rekan.id, "pegawai_ids": [lengkap.guru_sd.id]}, csrf_from=URL)
    with tenant_transaction(schema):
        baru = TimKerja.get(TimKerja.selesai.is_null())
    assert ks.post(f"{URL}/{baru.id}/akhiri", csrf_from=URL).status_code == 303
    assert len(_tim(schema)) == 1
    with tenant_transaction(schema):
        assert Audit.get(Audit.aksi == "batalkan tim kerja").sebelum["id"] == baru.id


def test_who_may_use_the_tim_pages(lengkap, masuk, make_tenant, browser):
    for who in (lengkap.guru_sd.username, lengkap.admin, pengawas(lengkap).username):
        client = masuk(lengkap, who)
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"anggota_id": 1}, csrf_from="/").status_code == 403
        assert client.post(f"{URL}/1/akhiri", csrf_from="/").status_code == 403
        page = client.get("/siklus/amati")
        assert page.status_code == 200
        assert "belum ditunjuk sebagai anggota tim kerja" in page.get_data(as_text=True)
    # Another dinas: its kepala sekolah sees none of this dinas's appointments.
    rekan = rekan_guru(lengkap)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    ks.post(URL, {"anggota_id": rekan.id, "pegawai_ids": [lengkap.guru_sd.id]}, csrf_from=URL)
    lain = make_tenant()
    sekolah = lain.sekolah("50000001", "SD Lain")
    kepala = lain.orang("KS Lain", "guru", nip="197001012000031001", sekolah_id=sekolah)
    tempatkan(lain, kepala, sekolah)
    jabat(lain, kepala, "kepala_sekolah", sekolah)
    tamu = browser(lain.host)
    assert tamu.login(kepala.username).status_code == 303
    page = tamu.get(URL).get_data(as_text=True)
    assert "Guru Rekan" not in page and "Belum ada anggota tim kerja" in page
    with tenant_transaction(lengkap.dinas.schema):
        tim_id = TimKerja.get().id
    assert tamu.post(f"{URL}/{tim_id}/akhiri", csrf_from=URL).status_code == 404
    assert _tim(lengkap.dinas.schema)[0][3] is None
