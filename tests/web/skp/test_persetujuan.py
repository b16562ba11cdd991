"""The penilai's side of SKP planning: the plans waiting for them, agreeing with the final
behaviour focuses, sending back with a note, the point agreement, and who may do it today
(the kepala sekolah of a guru, a Plt, the kepala dinas of a kepala sekolah; nobody else)."""

from __future__ import annotations

import datetime as dt
import gzip
import re

from tests.conftest import jabat, tempatkan
from web.auth import DinasUser
from web.db import db, tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK, PESAN_BEKU
from web.models import Akun, Jendela, Penugasan
from web.models.base import hari_ini
from web.models.skp import Skp, SkpRiwayat
from web.services import persetujuan
from web.services import skp as layanan
from web.services.skp import Perilaku

FOKUS = {a: Perilaku(f"Indikator {a.lower()}", f"Fokus {a.lower()}") for a in ASPEK_BERAKHLAK}
LOYAL = ASPEK_BERAKHLAK.index("Loyal") + 1  # the form's fields are numbered from 1
DAFTAR = "/skp/persetujuan"
ANGKA = re.compile(r"<li><strong>(\d+)</strong> ([^<]+)</li>")


def pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def diajukan(
    lengkap,
    pegawai_id: int,
    *,
    indikator: str = "G1",
    kegiatan: dict[str, int] | None = None,
    ajukan: bool = True,
    tahun: int = 2026,
) -> int:
    """A complete plan made through the service as its owner, submitted unless told not to."""
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        user = pengguna(schema, pegawai_id)
        skp = layanan.mulai(user, tahun)
        layanan.simpan(
            user,
            skp,
            indikator_kode=indikator,
            kegiatan=kegiatan or {"j": 2, "o": 2},
            perilaku=FOKUS,
            tugas_tambahan="Wali kelas 4A",
        )
        if ajukan:
            layanan.ajukan(user, skp)
        return skp.id


def keputusan(keputusan: str, **ubah: str) -> dict[str, str]:
    """The decision form as the page fills it (the pegawai's proposal), with some fields changed."""
    data = {"keputusan": keputusan, "ekspektasi_khusus": "", "catatan": ""}
    for nomor, aspek in enumerate(ASPEK_BERAKHLAK, 1):
        data[f"indikator_{nomor}"] = FOKUS[aspek].indikator
        data[f"fokus_{nomor}"] = FOKUS[aspek].fokus
    data.update(ubah)
    return data


def angka(html: str) -> dict[str, int]:
    return {label: int(n) for n, label in ANGKA.findall(html)}


def riwayat(schema: str, skp_id: int) -> list[SkpRiwayat]:
    with tenant_transaction(schema):
        return list(SkpRiwayat.select().where(SkpRiwayat.skp == skp_id).order_by(SkpRiwayat.id))


# --- the list ------------------------------------------------------------------------------


def test_the_kepala_sekolah_sees_the_counts_and_who_waits_oldest_first(lengkap, masuk):
    d = lengkap.dinas
    kedua = d.orang("Wati Kedua", "guru", sekolah_id=lengkap.sd)
    draf = d.orang("Budi Draf", "guru", sekolah_id=lengkap.sd)
    baru = d.orang("Citra Belum", "guru", sekolah_id=lengkap.sd)
    for orang in (kedua, draf, baru):
        tempatkan(d, orang, lengkap.sd)
    lama = diajukan(lengkap, kedua.id)  # submitted first
    skp_id = diajukan(lengkap, lengkap.guru_sd.id)
    diajukan(lengkap, draf.id, ajukan=False)
    diajukan(lengkap, lengkap.guru_smp.id)  # another school's

    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = ks.get(f"{DAFTAR}?tahun=2026")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert angka(html) == {
        "Perlu disetujui": 2,
        "Perlu revisi": 0,
        "Disepakati": 0,
        "Draf": 1,
        "Belum mulai": 1,
    }
    menunggu = html[html.index("Menunggu persetujuan Anda") : html.index("</table>")]
    assert menunggu.index("Wati Kedua") < menunggu.index("Guru SD")  # oldest submission first
    assert f'href="/skp/persetujuan/{skp_id}"' in menunggu
    assert f'href="/skp/persetujuan/{lama}"' in menunggu
    assert "SD Negeri Satu" in menunggu and "Versi 1" in menunggu and "WIB" in menunggu
    assert "Guru SMP" not in html
    lainnya = html[html.index("</table>") :]
    assert "Draf (1)" in lainnya and "Budi Draf" in lainnya
    assert "Belum mulai (1)" in lainnya and "Citra Belum" in lainnya
    # Another year: nobody has started.
    assert angka(ks.get(f"{DAFTAR}?tahun=2027").get_data(as_text=True))["Belum mulai"] == 4

    # The other school's kepala sekolah sees only their own guru.
    lain = masuk(lengkap, lengkap.ks_smp.username).get(f"{DAFTAR}?tahun=2026")
    html = lain.get_data(as_text=True)
    assert "Guru SD" not in html and "Wati Kedua" not in html and "Guru SMP" in html
    assert angka(html)["Perlu disetujui"] == 1


def test_the_list_is_a_small_fragment_for_htmx(lengkap, masuk):
    diajukan(lengkap, lengkap.guru_sd.id)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    fragment = ks.get(f"{DAFTAR}?tahun=2026", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and "HX-Request" in fragment.headers["Vary"]
    assert body.lstrip().startswith('<div id="daftar">') and "<html" not in body
    assert "Guru SD" in body and len(gzip.compress(fragment.get_data())) <= 4096


def test_the_list_costs_the_same_queries_for_one_guru_or_many(lengkap, monkeypatch):
    d = lengkap.dinas
    diajukan(lengkap, lengkap.guru_sd.id)
    queries: list[str] = []
    execute_sql = db.obj.execute_sql

    def counted(sql, *args, **kwargs):
        queries.append(sql)
        return execute_sql(sql, *args, **kwargs)

    def hitung() -> tuple[int, int]:
        queries.clear()
        with tenant_transaction(d.schema):
            monkeypatch.setattr(db.obj, "execute_sql", counted)
            data = persetujuan.daftar(lengkap.ks_sd.id, 2026)
            monkeypatch.undo()
        return len(queries), sum(len(k.baris) for k in data.kelompok)

    sedikit, orang = hitung()
    assert orang == 1
    for nomor in range(6):
        guru = d.orang(f"Guru Tambahan {nomor}", "guru", sekolah_id=lengkap.sd)
        tempatkan(d, guru, lengkap.sd)
        if nomor % 2:
            diajukan(lengkap, guru.id, ajukan=nomor % 3 == 0)
    banyak, orang = hitung()
    assert orang == 7 and banyak == sedikit <= 8


# --- agreeing ------------------------------------------------------------------------------


def test_the_kepala_sekolah_agrees_with_edited_focuses_late_and_it_is_recorded(lengkap, masuk):
    schema = lengkap.dinas.schema
    skp_id = diajukan(lengkap, lengkap.guru_sd.id)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    url = f"/skp/persetujuan/{skp_id}"

    page = ks.get(url)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for text in ("Guru SD", "198503122010012001", "SD Negeri Satu", "Versi 1", "Menunggu"):
        assert text in html, text
    assert "<dd>Guru</dd>" in html
    # The 2026 planning window closed in January: a warning, but agreeing still works.
    assert "tercatat terlambat" in html and "jendela-peringatan" in html
    assert "Fokus loyal</textarea>" in html and "Sepakati SKP" in html
    assert "Kembalikan untuk revisi" in html and "di luar rentang 32" not in html
    assert "Perubahan sejak pengajuan sebelumnya" not in html  # nothing earlier to compare

    # Agreeing needs all seven focuses.
    kosong = ks.post(url, keputusan("sepakati", fokus_2=" "), csrf_from=url)
    assert kosong.status_code == 422
    assert "Fokus perilaku Akuntabel wajib diisi." in kosong.get_data(as_text=True)

    data = keputusan(
        "sepakati",
        ekspektasi_khusus="Membimbing guru baru",
        **{f"fokus_{LOYAL}": "Menjaga nama baik sekolah"},
    )
    response = ks.post(url, data, csrf_from=url)
    assert response.status_code == 303
    assert response.headers["Location"] == f"{DAFTAR}?tahun=2026&selesai={skp_id}"
    done = ks.get(response.headers["Location"]).get_data(as_text=True)
    assert "SKP Guru SD telah disepakati." in done
    assert angka(done)["Disepakati"] == 1 and angka(done)["Perlu disetujui"] == 0

    with tenant_transaction(schema):
        stored = Skp.get_by_id(skp_id)
        assert (stored.status, stored.penilai_id) == ("disepakati", lengkap.ks_sd.id)
        assert stored.ekspektasi_khusus == "Membimbing guru baru" and stored.disepakati
        assert layanan.perilaku(stored)["Loyal"].fokus == "Menjaga nama baik sekolah"
        assert layanan.perilaku(stored)["Akuntabel"] == FOKUS["Akuntabel"]
        # What the guru is shown as the penilai's changes.
        assert layanan.perubahan_terakhir(stored) == [
            "Loyal, fokus perilaku: “Fokus loyal” → “Menjaga nama baik sekolah”.",
            "Ekspektasi khusus: (kosong) → “Membimbing guru baru”.",
        ]
    last = riwayat(schema, skp_id)[-1]
    assert (last.aksi, last.pelaku_id, last.terlambat) == ("sepakati", lengkap.ks_sd.id, True)
    assert last.isi["perilaku"]["Loyal"]["fokus"] == "Menjaga nama baik sekolah"
    assert last.isi["ekspektasi_khusus"] == "Membimbing guru baru"

    # Agreed: read-only, and a second agreement is refused with the service's reason.
    again = ks.get(url).get_data(as_text=True)
    assert "sudah disepakati" in again and "Sepakati SKP" not in again
    assert "Perubahan terakhir" in again and "Menjaga nama baik sekolah" in again
    refused = ks.post(url, keputusan("sepakati", ekspektasi_khusus="Lain"), csrf_from=url)
    assert refused.status_code == 409
    assert PESAN_BEKU in refused.get_data(as_text=True)
    with tenant_transaction(schema):
        assert Skp.get_by_id(skp_id).ekspektasi_khusus == "Membimbing guru baru"
    assert len(riwayat(schema, skp_id)) == 3  # buat, ajukan, sepakati


def test_an_agreement_within_an_extended_window_is_on_time(lengkap, masuk):
    schema = lengkap.dinas.schema
    skp_id = diajukan(lengkap, lengkap.guru_sd.id)
    with tenant_transaction(schema):
        Jendela.update(diperpanjang_sampai=hari_ini() + dt.timedelta(days=5)).where(
            Jendela.tahun == 2026, Jendela.kode == "skp_penyusunan"
        ).execute()
    ks = masuk(lengkap, lengkap.ks_sd.username)
    url = f"/skp/persetujuan/{skp_id}"
    html = ks.get(url).get_data(as_text=True)
    assert "diperpanjang dari" in html and "tercatat terlambat" not in html
    # A checkbox posted for a total inside the range (it is not shown) records nothing.
    posted = ks.post(url, keputusan("sepakati", setujui_poin="y"), csrf_from=url)
    assert posted.status_code == 303
    last = riwayat(schema, skp_id)[-1]
    assert (last.aksi, last.terlambat) == ("sepakati", False)
    with tenant_transaction(schema):
        assert Skp.get_by_id(skp_id).poin_disetujui_penilai is False


# --- sending back --------------------------------------------------------------------------


def test_sending_back_needs_a_note_and_the_guru_gets_it(lengkap, masuk):
    schema = lengkap.dinas.schema
    skp_id = diajukan(lengkap, lengkap.guru_sd.id)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    url = f"/skp/persetujuan/{skp_id}"

    tanpa = ks.post(
        url,
        keputusan("revisi", ekspektasi_khusus="Harapan yang ditulis", fokus_1="Fokus yang diubah"),
        csrf_from=url,
    )
    html = tanpa.get_data(as_text=True)
    assert tanpa.status_code == 422
    assert "Ada yang perlu diperbaiki" in html and 'href="#catatan"' in html
    assert 'id="catatan-galat"' in html and "Tuliskan catatan untuk pegawai" in html
    assert "Harapan yang ditulis</textarea>" in html and "Fokus yang diubah</textarea>" in html
    with tenant_transaction(schema):
        assert Skp.get_by_id(skp_id).status == "diajukan"

    catatan = "Tambahkan observasi teman sejawat pada kegiatan j."
    response = ks.post(url, keputusan("revisi", catatan=catatan), csrf_from=url)
    assert response.status_code == 303
    done = ks.get(response.headers["Location"]).get_data(as_text=True)
    assert "SKP Guru SD dikembalikan untuk revisi" in done
    assert "Perlu revisi (1)" in done

    with tenant_transaction(schema):
        # The guru's side: the newest plan is back with them, with the note.
        plan = layanan.terakhir(lengkap.guru_sd.id, 2026)
        assert (plan.id, plan.status, plan.catatan_penilai) == (skp_id, "perlu_revisi", catatan)
        assert layanan.perilaku(plan) == FOKUS  # a send-back keeps the proposal as it was
    last = riwayat(schema, skp_id)[-1]
    assert (last.aksi, last.catatan, last.ke) == ("minta_revisi", catatan, "perlu_revisi")

    page = ks.get(url).get_data(as_text=True)
    assert "dikembalikan untuk revisi" in page and catatan in page
    assert "Sepakati SKP" not in page
    refused = ks.post(url, keputusan("revisi", catatan="Lagi"), csrf_from=url)
    assert refused.status_code == 409
    assert "sedang direvisi oleh pegawai" in refused.get_data(as_text=True)
    with tenant_transaction(schema):
        assert Skp.get_by_id(skp_id).catatan_penilai == catatan

    # Resubmitted: the penilai sees what the guru revised.
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        layanan.simpan(guru, Skp.get_by_id(skp_id), kegiatan={"j": 3, "o": 2})
        layanan.ajukan(guru, Skp.get_by_id(skp_id))
    html = ks.get(url).get_data(as_text=True)
    assert "Perubahan sejak pengajuan sebelumnya" in html
    assert "Kegiatan huruf j: 2 → 3 kali." in html


def test_a_draft_is_shown_read_only_and_cannot_be_decided(lengkap, masuk):
    skp_id = diajukan(lengkap, lengkap.guru_sd.id, ajukan=False)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    url = f"/skp/persetujuan/{skp_id}"
    page = ks.get(url).get_data(as_text=True)
    assert "masih draf" in page and "Sepakati SKP" not in page
    refused = ks.post(url, keputusan("sepakati"), csrf_from=DAFTAR)
    assert refused.status_code == 409
    assert "belum diajukan oleh pegawai" in refused.get_data(as_text=True)
    with tenant_transaction(lengkap.dinas.schema):
        assert Skp.get_by_id(skp_id).status == "draf"


# --- points outside the range ---------------------------------------------------------------


def test_a_total_outside_the_range_needs_the_penilai_checkbox(lengkap, masuk):
    schema = lengkap.dinas.schema
    # 32 points when submitted (b had no value yet); the dinas then sets b to 100: 132.
    skp_id = diajukan(lengkap, lengkap.guru_sd.id, kegiatan={"j": 2, "o": 2, "b": 1})
    admin = masuk(lengkap, lengkap.admin)
    katalog = "/dinas/katalog/kegiatan/b"
    atur = admin.post(katalog, {"poin": "100", "satuan": "per kegiatan"}, csrf_from=katalog)
    assert atur.status_code == 303
    ks = masuk(lengkap, lengkap.ks_sd.username)
    url = f"/skp/persetujuan/{skp_id}"
    label = "Saya menyetujui jumlah poin 132 di luar rentang 32–128"
    assert label in ks.get(url).get_data(as_text=True)

    tanpa = ks.post(url, keputusan("sepakati"), csrf_from=url)
    html = tanpa.get_data(as_text=True)
    assert tanpa.status_code == 422
    assert 'href="#setujui_poin"' in html and 'id="setujui_poin-galat"' in html
    with tenant_transaction(schema):
        stored = Skp.get_by_id(skp_id)
        assert (stored.status, stored.poin_disetujui_penilai) == ("diajukan", False)

    dengan = ks.post(url, keputusan("sepakati", setujui_poin="y"), csrf_from=url)
    assert dengan.status_code == 303
    with tenant_transaction(schema):
        stored = Skp.get_by_id(skp_id)
        assert (stored.status, stored.poin_disetujui_penilai) == ("disepakati", True)
    assert riwayat(schema, skp_id)[-1].isi["poin_disetujui_penilai"] is True
    assert "telah disetujui penilai" in ks.get(url).get_data(as_text=True)


# --- who may ------------------------------------------------------------------------------


def test_another_school_kepala_sekolah_and_the_kepala_dinas_get_404(lengkap, masuk):
    skp_id = diajukan(lengkap, lengkap.guru_sd.id)
    url = f"/skp/persetujuan/{skp_id}"
    for orang in (lengkap.ks_smp, lengkap.kadis):
        client = masuk(lengkap, orang.username)
        assert client.get(url).status_code == 404
        posted = client.post(url, keputusan("sepakati"), csrf_from=DAFTAR)
        assert posted.status_code == 404
        assert client.get("/skp/persetujuan/999999").status_code == 404
        assert "Guru SD" not in client.get(f"{DAFTAR}?tahun=2026").get_data(as_text=True)
    with tenant_transaction(lengkap.dinas.schema):
        assert Skp.get_by_id(skp_id).status == "diajukan"


def test_a_guru_is_refused(lengkap, masuk):
    skp_id = diajukan(lengkap, lengkap.guru_smp.id)
    guru = masuk(lengkap, lengkap.guru_sd.username)
    assert guru.get(DAFTAR).status_code == 403
    assert guru.get(f"/skp/persetujuan/{skp_id}").status_code == 403
    posted = guru.post(f"/skp/persetujuan/{skp_id}", keputusan("sepakati"), csrf_from="/")
    assert posted.status_code == 403


def test_the_kepala_dinas_appraises_the_kepala_sekolah(lengkap, masuk):
    schema = lengkap.dinas.schema
    guru_skp = diajukan(lengkap, lengkap.guru_sd.id)
    ks_skp = diajukan(lengkap, lengkap.ks_sd.id, indikator="K1")
    kadis = masuk(lengkap, lengkap.kadis.username)
    html = kadis.get(f"{DAFTAR}?tahun=2026").get_data(as_text=True)
    assert angka(html)["Perlu disetujui"] == 1 and angka(html)["Belum mulai"] == 1
    assert f'href="/skp/persetujuan/{ks_skp}"' in html and "KS SMP" in html
    assert "Guru SD" not in html

    url = f"/skp/persetujuan/{ks_skp}"
    page = kadis.get(url).get_data(as_text=True)
    assert "<dd>Kepala Sekolah</dd>" in page and "KS SD" in page
    assert kadis.post(url, keputusan("sepakati"), csrf_from=url).status_code == 303
    with tenant_transaction(schema):
        stored = Skp.get_by_id(ks_skp)
        assert (stored.status, stored.penilai_id) == ("disepakati", lengkap.kadis.id)
        assert Skp.get_by_id(guru_skp).status == "diajukan"

    # The kepala sekolah is not her own penilai.
    ks = masuk(lengkap, lengkap.ks_sd.username)
    assert ks.get(url).status_code == 404
    assert f"/skp/persetujuan/{ks_skp}" not in ks.get(DAFTAR).get_data(as_text=True)


def test_a_plt_agrees_once_the_definitive_kepala_sekolah_has_left(lengkap, masuk):
    schema = lengkap.dinas.schema
    skp_id = diajukan(lengkap, lengkap.guru_sd.id)
    url = f"/skp/persetujuan/{skp_id}"
    with tenant_transaction(schema):
        Penugasan.update(selesai=hari_ini()).where(Penugasan.pegawai == lengkap.ks_sd.id).execute()
    jabat(lengkap.dinas, lengkap.guru_smp, "kepala_sekolah", lengkap.sd, plt=True)

    # The former kepala sekolah holds no post today: the role guard refuses her.
    lama = masuk(lengkap, lengkap.ks_sd.username)
    assert lama.get(url).status_code == 403
    assert lama.post(url, keputusan("sepakati"), csrf_from="/").status_code == 403

    plt = masuk(lengkap, lengkap.guru_smp.username)
    html = plt.get(f"{DAFTAR}?tahun=2026").get_data(as_text=True)
    assert f'href="{url}"' in html and "Guru SD" in html
    assert plt.post(url, keputusan("sepakati"), csrf_from=url).status_code == 303
    with tenant_transaction(schema):
        stored = Skp.get_by_id(skp_id)
        assert (stored.status, stored.penilai_id) == ("disepakati", lengkap.guru_smp.id)


def test_the_review_page_fits_the_byte_budget(lengkap, masuk):
    skp_id = diajukan(lengkap, lengkap.guru_sd.id)
    ks = masuk(lengkap, lengkap.ks_sd.username)
    page = ks.get(f"/skp/persetujuan/{skp_id}")
    assert page.status_code == 200 and len(gzip.compress(page.get_data())) <= 8192
