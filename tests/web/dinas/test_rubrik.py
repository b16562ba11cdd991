"""The observation rubric in the dinas's catalog: the admin dinas rewrites an indicator's
wording (audited; no longer Kinerja's default), the kepala dinas only reads it."""

from __future__ import annotations

from web.db import tenant_transaction
from web.models import Audit, RubrikPerilaku

URL = "/dinas/katalog/rubrik/G1"
UBAH = URL + "/ubah"


def _isian(schema: str, kode: str = "G1") -> dict[str, str]:
    """The rubric as the edit form posts it, from the stored rows."""
    data = {}
    with tenant_transaction(schema):
        for r in RubrikPerilaku.select().where(RubrikPerilaku.indikator_kode == kode):
            data[f"perilaku_{r.urutan}"] = r.perilaku
            for k in (1, 2, 3):
                data[f"dianjurkan_{r.urutan}_{k}"] = r.dianjurkan[k - 1]
                data[f"dihindari_{r.urutan}_{k}"] = r.dihindari[k - 1]
    return data


def _baris(schema: str, urutan: int, kode: str = "G1") -> RubrikPerilaku:
    with tenant_transaction(schema):
        return RubrikPerilaku.get(
            RubrikPerilaku.indikator_kode == kode, RubrikPerilaku.urutan == urutan
        )


def test_admin_rewrites_a_behaviour_and_it_is_no_longer_the_default(lengkap, masuk):
    schema = lengkap.dinas.schema
    admin = masuk(lengkap, lengkap.admin)
    page = admin.get(URL).get_data(as_text=True)
    lama = _baris(schema, 1)
    assert "Keteraturan Suasana Kelas" in page and lama.perilaku in page
    assert "bawaan Kinerja" in page and "bukan rumusan resmi" in page
    assert 'href="/dinas/katalog/rubrik/G1/ubah"' in page

    form = admin.get(UBAH).get_data(as_text=True)
    assert lama.dihindari[2] in form  # the form starts from the stored wording
    data = _isian(schema)
    data["perilaku_1"] = "  Guru membuka pelajaran dengan rutinitas yang sama setiap hari.  "
    data["dianjurkan_1_2"] = "Memakai tepuk tiga kali untuk meminta perhatian."
    response = admin.post(UBAH, data, csrf_from=UBAH)
    assert response.status_code == 303 and response.headers["Location"] == URL

    baru = _baris(schema, 1)
    assert baru.perilaku == "Guru membuka pelajaran dengan rutinitas yang sama setiap hari."
    assert baru.dianjurkan[1] == "Memakai tepuk tiga kali untuk meminta perhatian."
    assert baru.dihindari == lama.dihindari
    assert baru.bawaan_kinerja is False
    assert _baris(schema, 2).bawaan_kinerja is True  # untouched behaviours stay the default
    with tenant_transaction(schema):
        entries = list(Audit.select().where(Audit.objek == "rubrik_perilaku"))
    assert len(entries) == 1  # only the behaviour that changed
    entry = entries[0]
    assert (entry.aksi, entry.objek_id) == ("ubah rubrik", 1)
    assert entry.sebelum["perilaku"] == lama.perilaku and entry.sebelum["bawaan_kinerja"] is True
    assert entry.sesudah["indikator_kode"] == "G1" and entry.sesudah["bawaan_kinerja"] is False
    assert entry.sesudah["perilaku"] == baru.perilaku

    page = admin.get(URL).get_data(as_text=True)
    assert "Disesuaikan dinas" in page and "Sebagian rumusan rubrik ini bawaan Kinerja" in page
    assert "perilaku 1 diubah" in page


def test_saving_unchanged_wording_changes_nothing(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    assert admin.post(UBAH, _isian(lengkap.dinas.schema), csrf_from=UBAH).status_code == 303
    assert _baris(lengkap.dinas.schema, 1).bawaan_kinerja is True
    with tenant_transaction(lengkap.dinas.schema):
        assert not Audit.select().where(Audit.objek == "rubrik_perilaku").exists()


def test_empty_or_too_long_wording_is_refused_with_the_input_kept(lengkap, masuk):
    schema = lengkap.dinas.schema
    admin = masuk(lengkap, lengkap.admin)
    data = _isian(schema)
    data["perilaku_1"] = "Guru menyapa setiap peserta didik di pintu kelas."
    data["perilaku_2"] = "   "
    data["dihindari_3_1"] = "x" * 201
    response = admin.post(UBAH, data, csrf_from=UBAH)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Ada yang perlu diperbaiki" in page
    assert "Perilaku 2 wajib diisi." in page
    assert "Praktik dihindari 1 pada perilaku 3: paling banyak 200 karakter." in page
    assert "Guru menyapa setiap peserta didik di pintu kelas." in page  # input kept
    lama = _isian(schema)
    assert lama["perilaku_1"] != data["perilaku_1"]  # nothing saved
    with tenant_transaction(schema):
        assert not Audit.select().where(Audit.objek == "rubrik_perilaku").exists()


def test_the_kepala_dinas_reads_but_does_not_edit(lengkap, masuk):
    kadis = masuk(lengkap, lengkap.kadis.username)
    page = kadis.get("/dinas/katalog/rubrik/K6")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Pembimbingan Peningkatan Kualitas Praktik Pembelajaran" in text
    assert "/ubah" not in text
    assert kadis.get("/dinas/katalog/rubrik/K6/ubah").status_code == 403
    data = _isian(lengkap.dinas.schema, "K6") | {"perilaku_1": "Diubah kepala dinas"}
    assert kadis.post("/dinas/katalog/rubrik/K6/ubah", data, csrf_from=URL).status_code == 403
    assert _baris(lengkap.dinas.schema, 1, "K6").bawaan_kinerja is True


def test_unknown_indicator_and_other_roles(lengkap, masuk):
    admin = masuk(lengkap, lengkap.admin)
    assert admin.get("/dinas/katalog/rubrik/X9").status_code == 404
    assert admin.get("/dinas/katalog/rubrik/X9/ubah").status_code == 404
    for who in (lengkap.guru_sd, lengkap.ks_sd):
        client = masuk(lengkap, who.username)
        assert client.get(URL).status_code == 403
        assert client.get(UBAH).status_code == 403
