"""The evaluation service: drafts, the accountability gate, finalising with the pegawai's status
of the moment and angka kredit, and corrections as new revisions — checked in the database."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.evaluasi import periodik, tahunan
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import (
    Akun,
    Audit,
    Berkas,
    DokumenPegawai,
    Evaluasi,
    EvaluasiPerilaku,
    Kehadiran,
    Pegawai,
)
from web.services import evaluasi as layanan
from web.services.akuntabilitas import dokumen_pegawai


def pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def lengkapi_dokumen(pegawai_id: int, pencatat_id: int, tahun: int, semester: int) -> None:
    """Every accountability document the pegawai owes for the semester, present."""
    pegawai = Pegawai.get_by_id(pegawai_id)
    for d in dokumen_pegawai(pegawai, tahun, semester).dokumen:
        if d.diunggah_pegawai:
            b = Berkas.create(
                pegawai=pegawai_id,
                kunci=f"uji/{pegawai_id}/{tahun}/{semester}/{d.kode}",
                nama=f"{d.kode}.pdf",
                jenis="application/pdf",
                ukuran=10,
                sha256=hashlib.sha256(f"{pegawai_id}/{semester}/{d.kode}".encode()).hexdigest(),
            )
            DokumenPegawai.create(
                pegawai=pegawai_id, tahun=tahun, semester=semester, kode=d.kode, berkas=b
            )
        else:
            Kehadiran.create(
                pegawai=pegawai_id,
                tahun=tahun,
                semester=semester,
                jam_terjadwal=100,
                jam_hadir=95,
                dicatat_oleh=pencatat_id,
            )


def isian(hasil: str | None = "di_atas", perilaku: str | None = "di_atas") -> layanan.Isian:
    return layanan.Isian(
        rating={
            "upaya_refleksi": "sesuai",
            "upaya_mempelajari": "di_atas",
            "perubahan_praktik": "sesuai",
            "hasil_kerja": hasil,
            "perilaku": perilaku,
        },
        perilaku_fokus={a: "sesuai" for a in ASPEK_BERAKHLAK},
        catatan="Refleksi baik",
        rekomendasi="Ikuti pelatihan",
    )


def test_finalising_a_pns_ahli_muda_stores_predikat_and_angka_kredit(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        Pegawai.update(
            status_kepegawaian="PNS", jenjang_jabatan="Ahli Muda", pangkat_golongan="III/c"
        ).where(Pegawai.id == lengkap.guru_sd.id).execute()
        ks = pengguna(schema, lengkap.ks_sd.id)
        guru = layanan.pegawai_dinilai(ks, lengkap.guru_sd.id)
        p = periodik(2026, 1)
        draf = layanan.simpan(ks, guru, p, isian(perilaku=None))
        assert (draf.status, draf.revisi, draf.predikat) == ("draf", 1, None)
        # the gate: documents missing, nothing finalised
        with pytest.raises(layanan.EvaluasiError) as gagal:
            layanan.finalkan(ks, guru, p, isian())
        assert any("K3" in m for m in gagal.value.pesan)
        lengkapi_dokumen(guru.id, ks.pegawai.id, 2026, 1)
        with pytest.raises(layanan.EvaluasiError) as gagal:
            layanan.finalkan(ks, guru, p, isian(perilaku=None))
        assert gagal.value.pesan == ["Rating perilaku kerja belum dipilih."]
        ev = layanan.finalkan(ks, guru, p, isian())
        stored = Evaluasi.get_by_id(ev.id)
        assert stored.id == draf.id and stored.status == "final"
        assert stored.predikat == "sangat_baik"
        # DOMAIN.md's formula: 25 × 150% × 6/12 (12.5 is Ahli Muda + Baik, checked below)
        assert stored.angka_kredit == Decimal("18.75")
        assert (stored.status_kepegawaian, stored.jenjang_jabatan, stored.pangkat_golongan) == (
            "PNS",
            "Ahli Muda",
            "III/c",
        )
        assert stored.bulan == 6 and stored.difinalkan_oleh_id == lengkap.ks_sd.id
        assert EvaluasiPerilaku.select().where(EvaluasiPerilaku.evaluasi == ev).count() == 7
        assert Audit.select().where(Audit.aksi == "finalkan evaluasi").count() == 1
        with pytest.raises(layanan.SudahFinal):
            layanan.simpan(ks, guru, p, isian())

        with pytest.raises(layanan.EvaluasiError):
            layanan.revisi(ks, guru, p, "  ")
        baru = layanan.revisi(ks, guru, p, "Salah pilih rating perilaku")
        assert (baru.revisi, baru.status, baru.menggantikan_id) == (2, "draf", ev.id)
        assert baru.hasil_kerja == "di_atas" and baru.predikat is None
        assert [e.revisi for e in layanan.riwayat(guru.id, p)] == [2, 1]
        assert layanan.terakhir(guru.id, p).id == baru.id
        kedua = layanan.finalkan(ks, guru, p, isian(perilaku="sesuai"))
        kedua = Evaluasi.get_by_id(kedua.id)
        assert (kedua.predikat, kedua.angka_kredit, kedua.revisi) == ("baik", Decimal("12.5"), 2)
        assert Evaluasi.get_by_id(ev.id).predikat == "sangat_baik"  # the first one is kept


def test_pppk_gets_a_predikat_and_no_angka_kredit_and_the_year_counts_twelve_months(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        Pegawai.update(status_kepegawaian="PPPK", jenjang_jabatan="Ahli Pertama").where(
            Pegawai.id == lengkap.guru_sd.id
        ).execute()
        ks = pengguna(schema, lengkap.ks_sd.id)
        guru = layanan.pegawai_dinilai(ks, lengkap.guru_sd.id)
        for s in (1, 2):
            lengkapi_dokumen(guru.id, ks.pegawai.id, 2026, s)
        ev = layanan.finalkan(ks, guru, tahunan(2026), isian("di_bawah", "sesuai"))
        stored = Evaluasi.get_by_id(ev.id)
        assert (stored.predikat, stored.angka_kredit, stored.bulan) == ("butuh_perbaikan", None, 12)
        assert stored.jenis == "tahunan" and stored.semester is None


def test_only_the_penilai_of_today_finds_the_pegawai(lengkap):
    schema = lengkap.dinas.schema
    with tenant_transaction(schema):
        for orang, sasaran in (
            (lengkap.ks_smp, lengkap.guru_sd),
            (lengkap.kadis, lengkap.guru_sd),
            (lengkap.guru_smp, lengkap.guru_sd),
        ):
            with pytest.raises(layanan.TidakDitemukan):
                layanan.pegawai_dinilai(pengguna(schema, orang.id), sasaran.id)
        kadis = pengguna(schema, lengkap.kadis.id)
        assert layanan.pegawai_dinilai(kadis, lengkap.ks_sd.id).id == lengkap.ks_sd.id
        assert [b.pegawai.id for b in layanan.daftar(kadis, periodik(2026, 1))] == sorted(
            [lengkap.ks_sd.id, lengkap.ks_smp.id],
            key=lambda i: Pegawai.get_by_id(i).nama,
        )
