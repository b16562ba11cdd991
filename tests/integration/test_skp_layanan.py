"""SKP planning through its service: draft, submit, send back, agree, withdraw, July version —
checked against the database, with whoever is penilai on the day (Plt included)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import jabat
from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.kalender import StatusJendela
from web.domain.skp import ASPEK_BERAKHLAK, PESAN_BEKU
from web.models import Akun, Jendela, Penugasan
from web.models.base import hari_ini
from web.models.skp import Skp, SkpRiwayat
from web.services import jadwal
from web.services import skp as layanan
from web.services.pegawai import dinilai_oleh
from web.services.ringkasan_skp import ringkasan
from web.services.skp import Perilaku

# Points come from the dinas's 2024 catalog: j 8, k 12, o 8, q 128 (DOMAIN.md §4).
FOKUS = {a: Perilaku(f"Indikator {a.lower()}", f"Fokus {a.lower()}") for a in ASPEK_BERAKHLAK}


def pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def rencana_lengkap(user: DinasUser, skp: Skp) -> Skp:
    return layanan.simpan(
        user,
        skp,
        indikator_kode="G1",
        kegiatan={"j": 2, "o": 2},
        perilaku=FOKUS,
        tugas_tambahan="Wali kelas 4A",
    )


def test_guru_plans_submits_and_the_kepala_sekolah_agrees(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = layanan.mulai(guru, 2026)
        assert (skp.versi, skp.status, skp.peran) == (1, "draf", "guru")
        assert layanan.mulai(guru, 2026).id == skp.id  # the same draft, not a second one
        rencana_lengkap(guru, skp)
        layanan.ajukan(guru, skp)
        assert Skp.get_by_id(skp.id).status == "diajukan"

        ks = pengguna(lengkap.dinas.schema, lengkap.ks_sd.id)
        layanan.sepakati(ks, skp, ekspektasi_khusus="Hadir tepat waktu")
        stored = Skp.get_by_id(skp.id)
        assert stored.status == "disepakati" and stored.penilai_id == lengkap.ks_sd.id
        assert stored.ekspektasi_khusus == "Hadir tepat waktu" and stored.disepakati
        steps = [
            (r.aksi, r.dari, r.ke)
            for r in SkpRiwayat.select().where(SkpRiwayat.skp == skp).order_by(SkpRiwayat.id)
        ]
        assert steps == [
            ("buat", None, "draf"),
            ("ajukan", "draf", "diajukan"),
            ("sepakati", "diajukan", "disepakati"),
        ]
        # An agreed SKP is frozen.
        with pytest.raises(layanan.SkpError, match="sudah disepakati"):
            layanan.simpan(guru, stored, tugas_tambahan="lain")
        assert PESAN_BEKU.startswith("SKP yang sudah disepakati")


def test_an_incomplete_plan_cannot_be_submitted_and_keeps_the_draft(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = layanan.mulai(guru, 2026)
        layanan.simpan(guru, skp, kegiatan={"j": 1})  # 8 points: under 32
        with pytest.raises(layanan.SkpError) as caught:
            layanan.ajukan(guru, skp)
        message = caught.value.message
        assert "indikator" in message.lower() and "aspek BerAKHLAK" in message
        # Under the range is not "missing": the penilai may agree it (Pasal 14(4)).
        assert "32" not in message
        stored = Skp.get_by_id(skp.id)
        assert stored.status == "draf"
        assert [(k.huruf, k.jumlah) for k in stored.kegiatan] == [("j", 1)]


def test_out_of_range_points_go_to_the_penilai_who_must_agree_them(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.simpan(guru, skp, kegiatan={"q": 1})  # 128: the edge is inside
        assert not ringkasan(skp).di_luar_rentang
        layanan.simpan(guru, skp, kegiatan={"q": 1, "k": 2})  # 152 points: over 128
        assert ringkasan(skp).di_luar_rentang
        layanan.ajukan(guru, skp)  # submitted: the penilai decides
        ks = pengguna(lengkap.dinas.schema, lengkap.ks_sd.id)
        with pytest.raises(layanan.SkpError, match="128"):
            layanan.sepakati(ks, skp, ekspektasi_khusus="Tidak tersimpan")
        stored = Skp.get_by_id(skp.id)
        assert (stored.status, stored.poin_disetujui_penilai) == ("diajukan", False)
        assert stored.ekspektasi_khusus == ""
        layanan.sepakati(ks, stored, setujui_poin_di_luar_rentang=True)
        stored = Skp.get_by_id(skp.id)
        assert (stored.status, stored.poin_disetujui_penilai) == ("disepakati", True)


def test_send_back_needs_a_note_and_the_pegawai_sees_it(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.ajukan(guru, skp)
        ks = pengguna(lengkap.dinas.schema, lengkap.ks_sd.id)
        with pytest.raises(layanan.SkpError):
            layanan.minta_revisi(ks, skp, "   ")
        layanan.minta_revisi(ks, skp, "Pilih indikator yang sesuai rapor pendidikan")
        stored = Skp.get_by_id(skp.id)
        assert stored.status == "perlu_revisi"
        assert stored.catatan_penilai == "Pilih indikator yang sesuai rapor pendidikan"
        layanan.simpan(guru, stored, indikator_kode="G3")
        layanan.ajukan(guru, stored)
        assert Skp.get_by_id(skp.id).status == "diajukan"


def test_only_the_penilai_of_the_day_may_agree(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.ajukan(guru, skp)
        for other in (lengkap.ks_smp.id, lengkap.kadis.id, lengkap.guru_smp.id):
            with pytest.raises(layanan.SkpError, match="bukan penilai"):
                layanan.sepakati(pengguna(lengkap.dinas.schema, other), skp)
        with pytest.raises(layanan.SkpError, match="pemilik"):
            layanan.tarik(pengguna(lengkap.dinas.schema, lengkap.ks_sd.id), skp)


def test_a_plt_kepala_sekolah_agrees_when_the_definitive_one_has_left(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        Penugasan.update(selesai=hari_ini()).where(Penugasan.pegawai == lengkap.ks_sd.id).execute()
    jabat(lengkap.dinas, lengkap.guru_sd, "kepala_sekolah", lengkap.sd, plt=True)
    with tenant_transaction(lengkap.dinas.schema):
        # The Plt's own SKP is a kepala sekolah's, appraised by the kepala dinas.
        plt = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        own = layanan.mulai(plt, 2026)
        assert own.peran == "kepala_sekolah"
        rencana_lengkap(plt, own)
        layanan.ajukan(plt, own)
        with pytest.raises(layanan.SkpError, match="bukan penilai"):
            layanan.sepakati(pengguna(lengkap.dinas.schema, lengkap.ks_sd.id), own)
        layanan.sepakati(pengguna(lengkap.dinas.schema, lengkap.kadis.id), own)
        assert Skp.get_by_id(own.id).status == "disepakati"


def test_withdraw_while_not_agreed(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.ajukan(guru, skp)
        layanan.tarik(guru, skp)
        assert Skp.get_by_id(skp.id).status == "draf"


def test_the_july_adjustment_is_a_new_version_and_keeps_the_first(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        first = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        with pytest.raises(layanan.SkpError, match="disepakati"):
            layanan.sesuaikan(guru, first)
        layanan.ajukan(guru, first)
        layanan.sepakati(pengguna(lengkap.dinas.schema, lengkap.ks_sd.id), first)
        second = layanan.sesuaikan(guru, Skp.get_by_id(first.id))
        assert (second.versi, second.status) == (2, "draf")
        assert {k.huruf: k.jumlah for k in second.kegiatan} == {"j": 2, "o": 2}
        layanan.simpan(guru, second, kegiatan={"q": 1})
        kept = Skp.get_by_id(first.id)
        assert kept.status == "disepakati"
        assert {k.huruf: k.jumlah for k in kept.kegiatan} == {"j": 2, "o": 2}
        assert [s.versi for s in layanan.versi(lengkap.guru_sd.id, 2026)] == [1, 2]
        assert layanan.mulai(guru, 2026).id == second.id


def test_unknown_points_count_as_zero_and_are_named(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.simpan(guru, skp, kegiatan={"b": 3, "j": 1})  # b has no value yet
        assert layanan.poin_katalog("2024")["b"] is None
        assert "huruf b belum memiliki nilai poin" in layanan.kekurangan(skp)[0].pesan
        layanan.ajukan(guru, skp)
        with pytest.raises(layanan.SkpError) as caught:
            layanan.sepakati(pengguna(lengkap.dinas.schema, lengkap.ks_sd.id), skp)
        assert "huruf b" in caught.value.message and "32" in caught.value.message


# --- late marks, snapshots, the penilai's final focuses, windows of any year ------------------


def _perpanjang(schema: str, tahun: int, kode: str, sampai: dt.date | None) -> None:
    Jendela.update(diperpanjang_sampai=sampai).where(
        Jendela.tahun == tahun, Jendela.kode == kode
    ).execute()


def test_late_submission_and_agreement_go_through_and_are_marked(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        # Extended past today: on time.
        _perpanjang(schema, 2026, "skp_penyusunan", hari_ini() + dt.timedelta(days=3))
        assert layanan.peringatan(skp) is None
        layanan.ajukan(guru, skp)
        # The extension is withdrawn: the January deadline has passed, so agreeing is late.
        _perpanjang(schema, 2026, "skp_penyusunan", None)
        assert "terlambat" in layanan.peringatan(skp)
        layanan.sepakati(pengguna(schema, lengkap.ks_sd.id), skp)
        marks = {r.aksi: r.terlambat for r in SkpRiwayat.select().where(SkpRiwayat.skp == skp)}
        assert marks == {"buat": False, "ajukan": False, "sepakati": True}
        assert ringkasan(Skp.get_by_id(skp.id)).terlambat == ["sepakati"]


def test_the_penilai_sets_the_final_focuses_and_the_pegawai_sees_what_changed(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.ajukan(guru, skp)
        assert layanan.perubahan_terakhir(skp) == []  # nothing earlier to compare with
        final = dict(FOKUS, Loyal=Perilaku("Indikator loyal", "Menjaga nama baik sekolah"))
        layanan.sepakati(
            pengguna(schema, lengkap.ks_sd.id),
            skp,
            ekspektasi_khusus="Membimbing guru baru",
            perilaku_final=final,
        )
        stored = Skp.get_by_id(skp.id)
        assert layanan.perilaku(stored)["Loyal"].fokus == "Menjaga nama baik sekolah"
        assert layanan.perubahan_terakhir(stored) == [
            "Loyal, fokus perilaku: “Fokus loyal” → “Menjaga nama baik sekolah”.",
            "Ekspektasi khusus: (kosong) → “Membimbing guru baru”.",
        ]


def test_a_resubmission_shows_the_penilai_what_the_pegawai_revised(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.ajukan(guru, skp)
        layanan.minta_revisi(pengguna(schema, lengkap.ks_sd.id), skp, "Tambah observasi")
        layanan.simpan(guru, skp, indikator_kode="G3", kegiatan={"j": 3, "o": 2})
        layanan.ajukan(guru, skp)
        assert layanan.perubahan_terakhir(skp) == [
            "Indikator praktik: G1 Keteraturan Suasana Kelas → G3 Ekspektasi pada Peserta Didik.",
            "Kegiatan huruf j: 2 → 3 kali.",
        ]


def test_refused_agreement_writes_nothing(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        guru = pengguna(schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))  # a draft, not submitted
        with pytest.raises(layanan.SkpError, match="belum diajukan"):
            layanan.sepakati(
                pengguna(schema, lengkap.ks_sd.id),
                skp,
                setujui_poin_di_luar_rentang=True,
                perilaku_final={},
            )
        stored = Skp.get_by_id(skp.id)
        assert not stored.poin_disetujui_penilai and len(layanan.perilaku(stored)) == 7


def test_windows_of_a_new_year_are_made_from_the_template_once(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        assert not Jendela.select().where(Jendela.tahun == 2031).exists()
        first = jadwal.jendela("2024", 2031, "skp_penyusunan")
        assert (first.mulai, first.selesai) == (dt.date(2031, 1, 1), dt.date(2031, 1, 31))
        assert jadwal.jendela("2024", 2031, "siklus_a", semester=1).selesai == dt.date(2031, 2, 28)
        count = Jendela.select().where(Jendela.tahun == 2031).count()
        jadwal.jendela("2024", 2031, "skp_penyesuaian")
        assert Jendela.select().where(Jendela.tahun == 2031).count() == count > 2
        assert jadwal.status(first) == StatusJendela.BELUM_DIBUKA


def test_whom_a_penilai_appraises_today(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        assert [p.id for p in dinilai_oleh(lengkap.ks_sd.id)] == [lengkap.guru_sd.id]
        kepala = {p.id for p in dinilai_oleh(lengkap.kadis.id)}
        assert kepala == {lengkap.ks_sd.id, lengkap.ks_smp.id}
        assert dinilai_oleh(lengkap.guru_sd.id) == []
        # The KS of the SD leaves; a guru of the SMP becomes Plt there.
        Penugasan.update(selesai=hari_ini()).where(Penugasan.pegawai == lengkap.ks_sd.id).execute()
    jabat(lengkap.dinas, lengkap.guru_smp, "kepala_sekolah", lengkap.sd, plt=True)
    with tenant_transaction(schema):
        assert dinilai_oleh(lengkap.ks_sd.id) == []
        # The Plt appraises the SD's guru and the former KS (now a guru placed at the SD) ...
        assert {p.id for p in dinilai_oleh(lengkap.guru_smp.id)} == {
            lengkap.guru_sd.id,
            lengkap.ks_sd.id,
        }
        # ... and, heading a school, is appraised by the kepala dinas, not by the SMP's KS.
        assert lengkap.guru_smp.id in {p.id for p in dinilai_oleh(lengkap.kadis.id)}
        assert lengkap.guru_smp.id not in {p.id for p in dinilai_oleh(lengkap.ks_smp.id)}


def test_the_summary_fills_the_rhk_targets_from_the_plan(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.simpan(guru, skp, kegiatan={"j": 2, "o": 2, "b": 1})
        r = ringkasan(skp)
        assert [x.huruf for x in r.rhk] == ["a", "b", "c", "d", "e"]
        targets = {x.huruf: x.target for x in r.rhk}
        assert targets["a"] == "Keteraturan Suasana Kelas (G1)"
        assert targets["b"] == "32 poin"
        assert targets["e"] == "Wali kelas 4A"
        assert targets["c"] == "1 dokumen"
        assert (r.total_poin, r.belum_ditetapkan) == (32, ["b"])
        assert [p.aspek for p in r.perilaku] == list(ASPEK_BERAKHLAK)
        assert r.penilai.id == lengkap.ks_sd.id and r.kekurangan == []
