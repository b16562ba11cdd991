"""The pegawai's own results and the printable evaluation document: only final revisions, the
accountability gate hiding predikat and angka kredit, PPPK without angka kredit, and who may
read a document (anyone else gets 404)."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from decimal import Decimal

from web.db import tenant_transaction
from web.models import Berkas, DokumenPegawai, Evaluasi, Kehadiran, Pegawai
from web.services.akuntabilitas import dokumen_pegawai

FINAL = dt.datetime(2026, 7, 10, 9, 0, tzinfo=dt.UTC)


def nilai(schema: str, pegawai_id: int, penilai_id: int, **kolom) -> int:
    """A stored evaluation row (final, semester 1 of 2026 by default); its id."""
    data = dict(
        pegawai=pegawai_id,
        tahun=2026,
        jenis="periodik",
        semester=1,
        status="final",
        penilai=penilai_id,
        difinalkan_oleh=penilai_id,
        difinalkan=FINAL,
        upaya_refleksi="sesuai",
        upaya_mempelajari="di_atas",
        perubahan_praktik="sesuai",
        hasil_kerja="di_atas",
        perilaku="di_atas",
        predikat="sangat_baik",
        status_kepegawaian="PNS",
        jenjang_jabatan="Ahli Muda",
        pangkat_golongan="Penata, III/c",
        bulan=6,
        angka_kredit=Decimal("18.75"),
        catatan="Refleksi tertulis rapi",
        rekomendasi="Ikuti komunitas belajar",
    )
    data.update(kolom)
    with tenant_transaction(schema):
        return Evaluasi.create(**data).id


def lengkapi(schema: str, pegawai_id: int, pencatat_id: int, tahun: int, semester: int) -> None:
    """Every accountability document the pegawai owes for the semester, present."""
    with tenant_transaction(schema):
        pegawai = Pegawai.get_by_id(pegawai_id)
        for d in dokumen_pegawai(pegawai, tahun, semester).dokumen:
            if d.diunggah_pegawai:
                kunci = f"uji/{pegawai_id}/{tahun}/{semester}/{d.kode}"
                b = Berkas.create(
                    pegawai=pegawai_id,
                    kunci=kunci,
                    nama=f"{d.kode}.pdf",
                    jenis="application/pdf",
                    ukuran=10,
                    sha256=hashlib.sha256(kunci.encode()).hexdigest(),
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


def test_the_guru_sees_final_results_newest_first_with_the_formula_and_no_drafts(lengkap, masuk):
    schema, guru, ks = lengkap.dinas.schema, lengkap.guru_sd, lengkap.ks_sd
    lengkapi(schema, guru.id, ks.id, 2026, 1)
    lengkapi(schema, guru.id, ks.id, 2026, 2)
    pertama = nilai(schema, guru.id, ks.id, catatan="Catatan revisi satu")
    nilai(
        schema,
        guru.id,
        ks.id,
        revisi=2,
        menggantikan=pertama,
        alasan_revisi="Salah pilih rating perilaku",
        perilaku="sesuai",
        predikat="baik",
        angka_kredit=Decimal("12.5"),
    )
    nilai(
        schema,
        guru.id,
        ks.id,
        semester=2,
        status="draf",
        predikat=None,
        difinalkan=None,
        catatan="Draf rahasia",
    )
    page = masuk(lengkap, guru.username).get("/evaluasi/saya")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Periodik Januari–Juni 2026" in html
    assert "Baik" in html and "Sangat Baik" not in html
    assert "25 × 100% × 6/12 = 12,50" in html
    assert "dikoreksi: Salah pilih rating perilaku" in html
    assert "Revisi 1" in html
    assert "Ikuti komunitas belajar" in html
    assert "Draf rahasia" not in html and "Juli–Desember" not in html
    assert "KS SD" in html  # finalised by


def test_the_gate_hides_predikat_and_angka_kredit_until_documents_are_in(lengkap, masuk):
    schema, guru, ks = lengkap.dinas.schema, lengkap.guru_sd, lengkap.ks_sd
    evaluasi_id = nilai(schema, guru.id, ks.id)
    client = masuk(lengkap, guru.username)
    html = client.get("/evaluasi/saya").get_data(as_text=True)
    assert "Ditahan — dokumen belum lengkap" in html
    assert "Sangat Baik" not in html and "18,75" not in html
    assert "K3" in html and "/siklus/dokumen" in html
    doc = client.get(f"/evaluasi/{evaluasi_id}/dokumen").get_data(as_text=True)
    assert "dokumen akuntabilitas belum lengkap" in doc and "Sangat Baik" not in doc
    lengkapi(schema, guru.id, ks.id, 2026, 1)
    html = client.get("/evaluasi/saya").get_data(as_text=True)
    assert "Sangat Baik" in html and "25 × 150% × 6/12 = 18,75" in html
    assert "Ditahan" not in html


def test_pppk_gets_a_predikat_and_no_angka_kredit(lengkap, masuk):
    schema, guru, ks = lengkap.dinas.schema, lengkap.guru_sd, lengkap.ks_sd
    lengkapi(schema, guru.id, ks.id, 2026, 1)
    evaluasi_id = nilai(
        schema, guru.id, ks.id, status_kepegawaian="PPPK", jenjang_jabatan=None, angka_kredit=None
    )
    client = masuk(lengkap, guru.username)
    for url in ("/evaluasi/saya", f"/evaluasi/{evaluasi_id}/dokumen"):
        html = client.get(url).get_data(as_text=True)
        assert "Sangat Baik" in html
        assert "Tidak berlaku untuk PPPK/non-ASN" in html and "× 150%" not in html


def test_the_document_has_its_parts(lengkap, masuk):
    schema, guru, ks = lengkap.dinas.schema, lengkap.guru_sd, lengkap.ks_sd
    lengkapi(schema, guru.id, ks.id, 2026, 1)
    evaluasi_id = nilai(schema, guru.id, ks.id)
    response = masuk(lengkap, guru.username).get(f"/evaluasi/{evaluasi_id}/dokumen")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for bagian in (
        "EVALUASI KINERJA PEGAWAI",
        lengkap.dinas.slug.upper(),
        "Periodik Januari–Juni 2026",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "Guru SD",
        "198503122010012001",
        "KS SD",
        "197811202003122002",
        "Penata, III/c",
        "Guru Ahli Muda",
        "Kepala Sekolah",
        "SD Negeri Satu",
        "Upaya refleksi",
        "Sesuai Ekspektasi",
        "Di Atas Ekspektasi",
        "Sangat Baik",
        "25 × 150% × 6/12 = 18,75",
        "Refleksi tertulis rapi",
        "Ikuti komunitas belajar",
        "10 Juli 2026",
        'class="ttd"',
    ):
        assert bagian in html, bagian
    assert len(gzip.compress(response.data)) <= 8 * 1024  # the page budget


def test_who_may_read_a_document(lengkap, masuk, make_tenant, browser):
    schema, guru, ks = lengkap.dinas.schema, lengkap.guru_sd, lengkap.ks_sd
    evaluasi_id = nilai(schema, guru.id, ks.id)
    draf_id = nilai(
        schema, guru.id, ks.id, semester=2, status="draf", predikat=None, difinalkan=None
    )
    kepala_id = nilai(schema, lengkap.ks_smp.id, lengkap.kadis.id)
    url = f"/evaluasi/{evaluasi_id}/dokumen"
    for username, status in (
        (guru.username, 200),
        (ks.username, 200),
        (lengkap.kadis.username, 200),
        (lengkap.admin, 200),
        (lengkap.guru_smp.username, 404),  # another guru never sees it
        (lengkap.ks_smp.username, 404),  # a KS only their school
    ):
        assert masuk(lengkap, username).get(url).status_code == status, username
    client = masuk(lengkap, guru.username)
    assert client.get(f"/evaluasi/{draf_id}/dokumen").status_code == 404
    assert client.get("/evaluasi/999999/dokumen").status_code == 404
    # the kepala dinas reads every kepala sekolah's; the other KS does not
    assert (
        masuk(lengkap, lengkap.kadis.username).get(f"/evaluasi/{kepala_id}/dokumen").status_code
        == 200
    )
    assert masuk(lengkap, ks.username).get(f"/evaluasi/{kepala_id}/dokumen").status_code == 404
    # another dinas: its own users find nothing under this id
    lain = make_tenant("lain")
    sekolah = lain.sekolah("40000009", "SD Lain")
    orang = lain.orang("Guru Lain", "guru", nip="199001012015011001", sekolah_id=sekolah)
    asing = browser(lain.host)
    assert asing.login(orang.username).status_code == 303
    assert asing.get(url).status_code == 404
    assert asing.get("/evaluasi/saya").get_data(as_text=True).count("Sangat Baik") == 0
