"""The evaluation rules as tables: every cell of the kuadran, both label sets, angka kredit with
DOMAIN.md §7's vectors, PNS only, and the periods."""

from __future__ import annotations

from decimal import Decimal

import pytest

from web.domain.evaluasi import (
    FAKTOR,
    KOEFISIEN,
    KUADRAN,
    AngkaKreditError,
    JenisPeriode,
    Periode,
    Predikat,
    Rating,
    Sebutan,
    angka_kredit,
    berhak_angka_kredit,
    label_predikat,
    periode_dari,
    periodik,
    predikat,
    rumus_angka_kredit,
    tahunan,
    tulis_angka,
)

ATAS, SESUAI, BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


@pytest.mark.parametrize(
    ("hasil_kerja", "perilaku", "hasil"),
    [
        (ATAS, BAWAH, "Kurang"),
        (ATAS, SESUAI, "Baik"),
        (ATAS, ATAS, "Sangat Baik"),
        (SESUAI, BAWAH, "Kurang"),
        (SESUAI, SESUAI, "Baik"),
        (SESUAI, ATAS, "Baik"),
        (BAWAH, BAWAH, "Sangat Kurang"),
        (BAWAH, SESUAI, "Butuh Perbaikan"),
        (BAWAH, ATAS, "Butuh Perbaikan"),
    ],
)
def test_every_cell_of_the_kuadran(hasil_kerja, perilaku, hasil):
    assert label_predikat(predikat(hasil_kerja, perilaku)) == hasil


def test_the_table_has_exactly_the_nine_cells():
    assert set(KUADRAN) == {(h, p) for h in Rating for p in Rating}


def test_ratings_given_as_their_stored_codes():
    assert predikat("di_atas", "di_atas") == Predikat.SANGAT_BAIK


@pytest.mark.parametrize(
    ("p", "permenpanrb", "panduan"),
    [
        (Predikat.SANGAT_BAIK, "Sangat Baik", "Sangat Baik"),
        (Predikat.BAIK, "Baik", "Baik"),
        (Predikat.BUTUH_PERBAIKAN, "Butuh Perbaikan", "Cukup"),
        (Predikat.KURANG, "Kurang", "Kurang/Misconduct"),
        (Predikat.SANGAT_KURANG, "Sangat Kurang", "Sangat Kurang"),
    ],
)
def test_both_label_sets(p, permenpanrb, panduan):
    assert label_predikat(p, Sebutan.PERMENPANRB) == permenpanrb
    assert label_predikat(p, Sebutan.PANDUAN) == panduan


# DOMAIN.md §7, from the seeds and BKN.
@pytest.mark.parametrize(
    ("jenjang", "p", "bulan", "tepat", "tampil"),
    [
        ("Ahli Muda", Predikat.SANGAT_BAIK, 12, Decimal("37.5"), "37,50"),
        ("Ahli Madya", Predikat.BAIK, 12, Decimal("37.5"), "37,50"),
        ("Ahli Pertama", Predikat.BAIK, 2, Decimal("12.5") * 2 / 12, "2,08"),
    ],
)
def test_the_vectors(jenjang, p, bulan, tepat, tampil):
    nilai = angka_kredit(jenjang, p, bulan)
    assert nilai == tepat
    assert tulis_angka(nilai) == tampil


def test_exact_decimals_are_kept_until_display():
    nilai = angka_kredit("Ahli Pertama", Predikat.BAIK, 2)
    assert nilai != Decimal("2.08") and nilai * 6 == Decimal("12.5")


@pytest.mark.parametrize("jenjang", list(KOEFISIEN))
@pytest.mark.parametrize("p", list(Predikat))
def test_every_jenjang_and_predikat_for_a_year(jenjang, p):
    assert angka_kredit(jenjang, p, 12) == KOEFISIEN[jenjang] * FAKTOR[p]
    assert angka_kredit(jenjang, p, 6) * 2 == angka_kredit(jenjang, p, 12)


@pytest.mark.parametrize(
    ("koefisien", "faktor"),
    [
        ("Ahli Pertama", "12.5"),
        ("Ahli Muda", "25"),
        ("Ahli Madya", "37.5"),
        ("Ahli Utama", "50"),
    ],
)
def test_koefisien(koefisien, faktor):
    assert KOEFISIEN[koefisien] == Decimal(faktor)


@pytest.mark.parametrize(
    ("p", "faktor"),
    [
        (Predikat.SANGAT_BAIK, "1.5"),
        (Predikat.BAIK, "1"),
        (Predikat.BUTUH_PERBAIKAN, "0.75"),
        (Predikat.KURANG, "0.5"),
        (Predikat.SANGAT_KURANG, "0.25"),
    ],
)
def test_faktor(p, faktor):
    assert FAKTOR[p] == Decimal(faktor)


@pytest.mark.parametrize(
    ("status", "berhak"), [("PNS", True), ("PPPK", False), ("non-ASN", False), (None, False)]
)
def test_only_pns_earn_angka_kredit(status, berhak):
    assert berhak_angka_kredit(status) is berhak


@pytest.mark.parametrize(
    ("jenjang", "bulan", "pesan"),
    [
        (None, 12, "Jenjang jabatan belum diisi"),
        ("Guru Muda", 12, "Jenjang jabatan belum diisi"),
        ("Ahli Muda", 0, "Masa penilaian 0 bulan"),
        ("Ahli Muda", 13, "Masa penilaian 13 bulan"),
    ],
)
def test_angka_kredit_refusals(jenjang, bulan, pesan):
    with pytest.raises(AngkaKreditError) as caught:
        angka_kredit(jenjang, Predikat.BAIK, bulan)
    assert caught.value.message.startswith(pesan)


@pytest.mark.parametrize(
    ("jenjang", "p", "bulan", "rumus"),
    [
        ("Ahli Muda", Predikat.SANGAT_BAIK, 12, "25 × 150% × 12/12 = 37,50"),
        ("Ahli Pertama", Predikat.BAIK, 2, "12,5 × 100% × 2/12 = 2,08"),
        ("Ahli Madya", Predikat.BUTUH_PERBAIKAN, 6, "37,5 × 75% × 6/12 = 14,06"),
    ],
)
def test_the_formula_written_out(jenjang, p, bulan, rumus):
    assert rumus_angka_kredit(jenjang, p, bulan) == rumus


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (Decimal("14.0625"), 2, "14,06"),
        (Decimal("2.085"), 2, "2,09"),  # half up, not to even
        (Decimal("25"), 1, "25"),
        (Decimal("12.5"), 1, "12,5"),
        (Decimal("37.5"), 2, "37,50"),
    ],
)
def test_tulis_angka(nilai, desimal, teks):
    assert tulis_angka(nilai, desimal) == teks


@pytest.mark.parametrize(
    ("periode", "awal", "akhir", "bulan", "nama"),
    [
        (periodik(2026, 1), 1, 6, 6, "Periodik Januari–Juni 2026"),
        (periodik(2026, 2), 7, 12, 6, "Periodik Juli–Desember 2026"),
        (tahunan(2026), 1, 12, 12, "Tahunan 2026"),
    ],
)
def test_periods(periode, awal, akhir, bulan, nama):
    assert (periode.bulan_awal, periode.bulan_akhir, periode.jumlah_bulan) == (awal, akhir, bulan)
    assert periode.nama == nama


@pytest.mark.parametrize(
    ("jenis", "semester"),
    [(JenisPeriode.PERIODIK, None), (JenisPeriode.PERIODIK, 3), (JenisPeriode.TAHUNAN, 1)],
)
def test_impossible_periods(jenis, semester):
    with pytest.raises(ValueError):
        Periode(2026, jenis, semester)


@pytest.mark.parametrize(
    ("kode", "periode", "semester"),
    [
        ("1", periodik(2026, 1), [1]),
        ("2", periodik(2026, 2), [2]),
        ("tahunan", tahunan(2026), [1, 2]),
    ],
)
def test_periods_named_in_urls(kode, periode, semester):
    assert periode_dari(2026, kode) == periode
    assert periode.kode == kode and periode.semester_dinilai == semester


def test_an_unknown_period_code():
    with pytest.raises(ValueError):
        periode_dari(2026, "3")
