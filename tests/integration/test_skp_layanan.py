"""SKP planning through its service: draft, submit, send back, agree, withdraw, July version —
checked against the database, with whoever is penilai on the day (Plt included)."""

from __future__ import annotations

import pytest

from tests.conftest import jabat
from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK, PESAN_BEKU
from web.models import Akun, Penugasan
from web.models.base import hari_ini
from web.models.skp import Skp, SkpRiwayat
from web.services import skp as layanan
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
        assert "indikator" in message.lower() and "32" in message
        stored = Skp.get_by_id(skp.id)
        assert stored.status == "draf"
        assert [(k.huruf, k.jumlah) for k in stored.kegiatan] == [("j", 1)]


def test_out_of_range_points_need_the_penilai_agreement(lengkap):
    with tenant_transaction(lengkap.dinas.schema):
        guru = pengguna(lengkap.dinas.schema, lengkap.guru_sd.id)
        skp = rencana_lengkap(guru, layanan.mulai(guru, 2026))
        layanan.simpan(guru, skp, kegiatan={"q": 1, "k": 2})  # 152 points: over 128
        with pytest.raises(layanan.SkpError, match="128"):
            layanan.ajukan(guru, skp)
        layanan.simpan(guru, skp, kegiatan={"q": 1})  # 128: the edge is allowed
        layanan.ajukan(guru, skp)
        ks = pengguna(lengkap.dinas.schema, lengkap.ks_sd.id)
        layanan.minta_revisi(ks, skp, "Tambahkan kegiatan k")
        layanan.simpan(guru, skp, kegiatan={"q": 1, "k": 2})
        with pytest.raises(layanan.SkpError, match="128"):
            layanan.ajukan(guru, skp)


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
        with pytest.raises(layanan.SkpError) as caught:
            layanan.ajukan(guru, skp)
        assert "b" in caught.value.message and "32" in caught.value.message
