"""From an agreed SKP to a final evaluation in a real Chromium: the guru and the kepala sekolah
work through the semester's cycle (steps A to E), the accountability documents and the
attendance, the kepala sekolah rates and finalises, and the guru sees the predikat and the
angka kredit.

The agreed SKP itself is made through the services (tests/browser/test_skp_browser.py drives
the planning pages); everything after it goes through the pages a person uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import masuk_di
from tests.conftest import jabat, tempatkan
from web.auth import DinasUser
from web.db import tenant_transaction
from web.domain.skp import ASPEK_BERAKHLAK
from web.models import Akun, Pegawai
from web.models.base import hari_ini
from web.models.evaluasi import Evaluasi
from web.services import skp as layanan_skp
from web.services.siklus import semester_dari
from web.services.skp import Perilaku

SEKOLAH = "SD Negeri 7 Uji"
NAMA_GURU = "Sri Wahyuni"
NIP_GURU = "198806122012042003"
NAMA_KS = "Agus Priyanto"
NIP_KS = "197502282000031002"
KEGIATAN = "Lokakarya asesmen formatif di KKG gugus 3"

# A one-page PDF: the upload checks the file's content, not only its name.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
DI_ATAS = "Di Atas Ekspektasi"


def _pengguna(schema: str, pegawai_id: int) -> DinasUser:
    return DinasUser.muat(Akun.get(Akun.pegawai == pegawai_id), schema)


def _skp_disepakati(schema: str, guru_id: int, ks_id: int, tahun: int) -> None:
    """The agreed SKP of the year, through the services: G1, j and o twice each (32 points),
    no tugas tambahan (so K4 is not owed)."""
    with tenant_transaction(schema):
        guru = _pengguna(schema, guru_id)
        skp = layanan_skp.mulai(guru, tahun)
        skp = layanan_skp.simpan(
            guru,
            skp,
            indikator_kode="G1",
            kegiatan={"j": 2, "o": 2},
            perilaku={
                a: Perilaku(f"Indikator {a.lower()}", f"Fokus {a.lower()}") for a in ASPEK_BERAKHLAK
            },
            tugas_tambahan="",
        )
        layanan_skp.ajukan(guru, skp)
        layanan_skp.sepakati(_pengguna(schema, ks_id), skp)


def _isi_semua(form: Locator, awalan: str) -> None:
    """Answer every question of the user's side of a step."""
    kotak = form.get_by_role("textbox")
    expect(kotak.first).to_be_visible()
    for i in range(kotak.count()):
        kotak.nth(i).fill(f"{awalan}: jawaban nomor {i + 1}.")


def _form_langkah(page: Page, tombol: str) -> Locator:
    return page.locator("form").filter(has=page.get_by_role("button", name=tombol))


def _langkah_pegawai(page: Page, base: str, semester: int, kode: str) -> None:
    """The guru opens a step from the task list, answers it and marks it done."""
    page.goto(f"{base}/siklus/")
    page.get_by_role("link", name=re.compile(rf"^{kode} ")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(kode)
    _isi_semua(_form_langkah(page, "Selesai mengisi"), f"Guru langkah {kode}")
    page.get_by_role("button", name="Selesai mengisi").click()
    expect(page.get_by_text(re.compile(r"^Anda menandai selesai mengisi"))).to_be_visible()


def _buka_dari_ikhtisar(page: Page, base: str, kode: str) -> None:
    """The kepala sekolah opens the guru's step from the overview of everyone they appraise."""
    page.goto(f"{base}/siklus/penilai")
    page.get_by_role("link", name=re.compile(rf"^{kode} .*, {NAMA_GURU}$")).click()


def _tutup_langkah(page: Page, base: str, kode: str) -> None:
    _buka_dari_ikhtisar(page, base, kode)
    expect(page.get_by_text(re.compile(r"^Pegawai menandai selesai mengisi"))).to_be_visible()
    _isi_semua(_form_langkah(page, "Tutup langkah"), f"Penilai langkah {kode}")
    page.get_by_role("button", name="Tutup langkah").click()
    expect(page.get_by_role("status").filter(has_text=f"Langkah {kode} ditutup")).to_contain_text(
        f"oleh {NAMA_KS}"
    )


def _nilai(page: Page, kelompok: str) -> None:
    page.get_by_role("group", name=kelompok, exact=True).get_by_label(DI_ATAS).check()


def test_guru_dari_skp_disepakati_sampai_evaluasi_final(
    make_tenant: Callable[..., Any],
    live_server: int,
    page_factory: Callable[[bool], Page],
) -> None:
    dinas = make_tenant()
    sekolah_id = dinas.sekolah("20100702", SEKOLAH)
    ks = dinas.orang(NAMA_KS, "guru", nip=NIP_KS, sekolah_id=sekolah_id)
    jabat(dinas, ks, "kepala_sekolah", sekolah_id)
    tempatkan(dinas, ks, sekolah_id)
    guru = dinas.orang(NAMA_GURU, "guru", nip=NIP_GURU, sekolah_id=sekolah_id)
    tempatkan(dinas, guru, sekolah_id)
    with tenant_transaction(dinas.schema):
        Pegawai.update(status_kepegawaian="PNS", jenjang_jabatan="Ahli Muda").where(
            Pegawai.id == guru.id
        ).execute()
    hari = hari_ini()
    tahun, semester = hari.year, semester_dari(hari)
    _skp_disepakati(dinas.schema, guru.id, ks.id, tahun)
    base = f"http://{dinas.host}:{live_server}"

    page = page_factory(True)
    masuk_di(page, base, NIP_GURU)
    ks_page = page_factory(True)
    masuk_di(ks_page, base, NIP_KS)

    # --- the guru starts the cycle; A -------------------------------------------------------
    page.goto(f"{base}/siklus/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Siklus peningkatan kinerja")
    page.get_by_role("button", name=f"Mulai siklus semester {semester}").click()
    expect(page.get_by_role("button", name=f"Mulai siklus semester {semester}")).to_have_count(0)
    _langkah_pegawai(page, base, semester, "A")
    _tutup_langkah(ks_page, base, "A")

    # --- B: the kepala sekolah observes -----------------------------------------------------
    _buka_dari_ikhtisar(ks_page, base, "B")
    expect(ks_page.get_by_role("heading", level=1)).to_have_text(f"Observasi kinerja: {NAMA_GURU}")
    # Midnight of today: never in the future, always inside the semester.
    ks_page.get_by_label("Tanggal observasi").fill(hari.isoformat())
    ks_page.get_by_label("Jam mulai").fill("00:00")
    ks_page.get_by_label("Tempat atau kelas").fill("Kelas 4A")
    capaian = ks_page.get_by_role("group", name=re.compile(r"^Capaian perilaku \d$"))
    expect(capaian).to_have_count(3)
    for i in range(3):
        capaian.nth(i).get_by_label("Dilakukan dan efektif").check()
    ks_page.get_by_label("Rekomendasi").fill("Lanjutkan umpan balik tertulis setiap pekan.")
    ks_page.get_by_role("button", name="Selesai observasi").click()
    expect(ks_page.get_by_role("status")).to_have_text(
        "Observasi selesai. Langkah B tercatat selesai."
    )

    # --- C ----------------------------------------------------------------------------------
    _langkah_pegawai(page, base, semester, "C")
    _tutup_langkah(ks_page, base, "C")

    # --- D: one planned activity with its proof, accepted, then closed ----------------------
    page.goto(f"{base}/siklus/")
    page.get_by_role("link", name=re.compile(r"^D ")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("D. Upaya Tindak Lanjut")
    # Straight from the page as the task list opens it (no query string): the upload's
    # redirect must still reload the page (it once only changed the fragment and hung).
    page.get_by_label("Kegiatan", exact=True).select_option("j")
    page.get_by_label("Nama kegiatan").fill(KEGIATAN)
    page.get_by_label("Tanggal pelaksanaan").fill(hari.isoformat())
    page.get_by_label("Berkas bukti").set_input_files(
        {"name": "sertifikat.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Simpan kegiatan").click()
    kegiatan = page.get_by_role("listitem").filter(has_text=KEGIATAN)
    expect(kegiatan).to_contain_text("sertifikat.pdf")

    _buka_dari_ikhtisar(ks_page, base, "D")
    ks_kegiatan = ks_page.get_by_role("listitem").filter(has_text=KEGIATAN)
    ks_kegiatan.get_by_role("button", name="Terima").click()
    expect(ks_page.get_by_role("heading", name="Poin diperoleh: 8")).to_be_visible()

    page.reload()
    expect(page.get_by_role("heading", name="Poin diperoleh: 8")).to_be_visible()
    page.get_by_role("button", name="Selesai tindak lanjut").click()
    expect(page.get_by_text("Status langkah D:")).to_contain_text("Selesai")

    # --- E ----------------------------------------------------------------------------------
    _langkah_pegawai(page, base, semester, "E")
    _tutup_langkah(ks_page, base, "E")

    page.goto(f"{base}/siklus/")
    for kode in "ABCDE":
        expect(
            page.get_by_role("listitem").filter(
                has=page.get_by_role("link", name=re.compile(rf"^{kode} "))
            )
        ).to_contain_text("Status: Selesai")

    # --- accountability: K3 by the guru, attendance (K5) by the kepala sekolah -------------
    page.get_by_role("link", name="Dokumen akuntabilitas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dokumen akuntabilitas")
    k3 = page.locator("section#K3")
    k3.get_by_label(re.compile(r"^Berkas ")).set_input_files(
        {"name": "kosp.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    k3.get_by_role("button", name="Unggah").click()
    expect(page.get_by_role("status").filter(has_text="Dokumen K3 terunggah.")).to_be_visible()
    expect(page.locator("section#K3")).to_contain_text("kosp.pdf")

    ks_page.goto(f"{base}/siklus/kehadiran")
    expect(ks_page.get_by_role("heading", level=1)).to_have_text("Kehadiran guru di kelas")
    baris = ks_page.get_by_role("group", name=re.compile(NAMA_GURU))
    baris.get_by_label("Jam terjadwal").fill("36")
    baris.get_by_label("Jam hadir").fill("34")
    ks_page.get_by_role("button", name="Simpan kehadiran").click()
    expect(ks_page.get_by_role("status")).to_contain_text("Kehadiran tersimpan.")

    # --- the kepala sekolah rates and finalises ---------------------------------------------
    ks_page.goto(f"{base}/evaluasi/?tahun={tahun}&periode={semester}")
    ks_page.get_by_role("link", name=NAMA_GURU).click()
    expect(ks_page.get_by_role("heading", level=1)).to_have_text(f"Evaluasi {NAMA_GURU}")
    expect(
        ks_page.get_by_role("heading", name="Dokumen akuntabilitas belum lengkap")
    ).to_have_count(0)
    for kelompok in ("Upaya Refleksi", "Upaya Mempelajari", "Perubahan Praktik"):
        _nilai(ks_page, kelompok)
    _nilai(ks_page, "Rating hasil kerja")
    for aspek in ASPEK_BERAKHLAK:
        _nilai(ks_page, aspek)
    _nilai(ks_page, "Rating perilaku kerja")
    # With JavaScript the predikat of the chosen ratings shows before anything is saved.
    predikat = ks_page.locator("#predikat")
    expect(predikat).to_contain_text("Predikat: Sangat Baik")
    expect(predikat).to_contain_text("25 × 150% × 6/12 = 18,75")
    ks_page.get_by_role("button", name="Finalkan").click()
    expect(ks_page.get_by_role("heading", name="Evaluasi final (revisi 1)")).to_be_visible()

    # --- the guru sees the result -----------------------------------------------------------
    page.goto(f"{base}/evaluasi/saya")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hasil evaluasi saya")
    hasil = page.locator("section.panel")
    expect(hasil).to_have_count(1)
    expect(hasil).to_contain_text(f"oleh {NAMA_KS}")
    expect(hasil.get_by_role("definition").filter(has_text="Sangat Baik")).to_have_text(
        "Sangat Baik"
    )
    expect(hasil.get_by_role("definition").filter(has_text="18,75")).to_have_text(
        "25 × 150% × 6/12 = 18,75"
    )

    # What the pages did is what was stored.
    with tenant_transaction(dinas.schema):
        e = Evaluasi.get(
            Evaluasi.pegawai == guru.id, Evaluasi.tahun == tahun, Evaluasi.semester == semester
        )
        assert (e.status, e.predikat, e.penilai_id) == ("final", "sangat_baik", ks.id)
        assert (e.status_kepegawaian, e.jenjang_jabatan, e.bulan) == ("PNS", "Ahli Muda", 6)
        assert float(e.angka_kredit) == 18.75
