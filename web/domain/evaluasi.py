"""The evaluation's rules (DOMAIN.md §7): ratings, the predikat by kuadran, angka kredit, and
the periods evaluated.

- Every rating (hasil kerja, perilaku kerja, each aspect and focus) is one of Di Atas, Sesuai or
  Di Bawah Ekspektasi.
- The predikat comes from the hasil-kerja rating and the perilaku rating through the kuadran
  table (PermenPANRB 6/2022); it is computed, never typed. Two predikat are known under two
  names: "Butuh Perbaikan" is "Cukup" in the ministry's guide, "Kurang" is also written
  "Kurang/Misconduct"; both label sets are kept.
- Angka kredit, for PNS only: koefisien of the jenjang per year × faktor of the predikat ×
  months in the period / 12, in exact decimals; rounding is for display only.
- Periods: two periodic evaluations a year (January-June, July-December) and the annual one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Rating(StrEnum):
    DI_ATAS = "di_atas"
    SESUAI = "sesuai"
    DI_BAWAH = "di_bawah"


LABEL_RATING = {
    Rating.DI_ATAS: "Di Atas Ekspektasi",
    Rating.SESUAI: "Sesuai Ekspektasi",
    Rating.DI_BAWAH: "Di Bawah Ekspektasi",
}


class Predikat(StrEnum):
    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"


class Sebutan(StrEnum):
    """Which names the predikat are shown with."""

    PERMENPANRB = "permenpanrb"  # Butuh Perbaikan, Kurang
    PANDUAN = "panduan"  # the ministry's guide: Cukup, Kurang/Misconduct


LABEL_PREDIKAT = {
    Sebutan.PERMENPANRB: {
        Predikat.SANGAT_BAIK: "Sangat Baik",
        Predikat.BAIK: "Baik",
        Predikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
        Predikat.KURANG: "Kurang",
        Predikat.SANGAT_KURANG: "Sangat Kurang",
    },
    Sebutan.PANDUAN: {
        Predikat.SANGAT_BAIK: "Sangat Baik",
        Predikat.BAIK: "Baik",
        Predikat.BUTUH_PERBAIKAN: "Cukup",
        Predikat.KURANG: "Kurang/Misconduct",
        Predikat.SANGAT_KURANG: "Sangat Kurang",
    },
}

# (hasil kerja, perilaku kerja) -> predikat; every one of the nine cells.
KUADRAN: dict[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
    (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
}


def predikat(hasil_kerja: Rating, perilaku: Rating) -> Predikat:
    """The predikat of the kuadran the two ratings fall in."""
    return KUADRAN[(Rating(hasil_kerja), Rating(perilaku))]


def label_predikat(p: Predikat, sebutan: Sebutan = Sebutan.PERMENPANRB) -> str:
    return LABEL_PREDIKAT[sebutan][Predikat(p)]


# --- angka kredit ---------------------------------------------------------------------------

# Per year, by jenjang jabatan of the guru (functional position).
KOEFISIEN = {
    "Ahli Pertama": Decimal("12.5"),
    "Ahli Muda": Decimal("25"),
    "Ahli Madya": Decimal("37.5"),
    "Ahli Utama": Decimal("50"),
}

FAKTOR = {
    Predikat.SANGAT_BAIK: Decimal("1.50"),
    Predikat.BAIK: Decimal("1.00"),
    Predikat.BUTUH_PERBAIKAN: Decimal("0.75"),
    Predikat.KURANG: Decimal("0.50"),
    Predikat.SANGAT_KURANG: Decimal("0.25"),
}

BERHAK_AK = frozenset({"PNS"})  # PPPK and non-ASN get a predikat, never angka kredit


class AngkaKreditError(ValueError):
    """Angka kredit cannot be computed; `message` says why, for the page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def berhak_angka_kredit(status_kepegawaian: str | None) -> bool:
    return status_kepegawaian in BERHAK_AK


def angka_kredit(jenjang: str | None, p: Predikat, bulan: int) -> Decimal:
    """koefisien × faktor × bulan / 12, exact. `bulan` is the months evaluated (1-12)."""
    if not 1 <= bulan <= 12:
        raise AngkaKreditError(f"Masa penilaian {bulan} bulan; harus 1 sampai 12 bulan.")
    if jenjang not in KOEFISIEN:
        raise AngkaKreditError(
            "Jenjang jabatan belum diisi atau tidak dikenal; angka kredit dihitung dari jenjang "
            "Ahli Pertama, Ahli Muda, Ahli Madya atau Ahli Utama."
        )
    return KOEFISIEN[jenjang] * FAKTOR[Predikat(p)] * Decimal(bulan) / Decimal(12)


def rumus_angka_kredit(jenjang: str, p: Predikat, bulan: int) -> str:
    """The formula written out, as the pegawai sees it: "25 × 150% × 12/12 = 37,50"."""
    faktor = FAKTOR[Predikat(p)] * 100
    return (
        f"{tulis_angka(KOEFISIEN[jenjang], 1)} × {tulis_angka(faktor, 0)}% × {bulan}/12 = "
        f"{tulis_angka(angka_kredit(jenjang, p, bulan))}"
    )


def tulis_angka(nilai: Decimal, desimal: int = 2) -> str:
    """A decimal rounded half up for display, with the Indonesian decimal comma: "2,08";
    whole numbers keep no decimals when `desimal` allows fewer ("25")."""
    bulat = nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    teks = f"{bulat:f}"
    if desimal < 2 and "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(".", ",")


# --- periods -------------------------------------------------------------------------------


class JenisPeriode(StrEnum):
    PERIODIK = "periodik"
    TAHUNAN = "tahunan"


@dataclass(frozen=True)
class Periode:
    """An evaluated period: semester 1 (January-June), semester 2 (July-December), or the year."""

    tahun: int
    jenis: JenisPeriode
    semester: int | None = None

    def __post_init__(self) -> None:
        if self.jenis == JenisPeriode.PERIODIK and self.semester not in (1, 2):
            raise ValueError("Evaluasi periodik adalah semester 1 atau 2.")
        if self.jenis == JenisPeriode.TAHUNAN and self.semester is not None:
            raise ValueError("Evaluasi tahunan tidak memiliki semester.")

    @property
    def bulan_awal(self) -> int:
        return 7 if self.semester == 2 else 1

    @property
    def bulan_akhir(self) -> int:
        return 6 if self.semester == 1 else 12

    @property
    def jumlah_bulan(self) -> int:
        return self.bulan_akhir - self.bulan_awal + 1

    @property
    def semester_dinilai(self) -> list[int]:
        """The semesters the period covers: its own, or both for the year."""
        return [1, 2] if self.jenis == JenisPeriode.TAHUNAN else [self.semester]

    @property
    def kode(self) -> str:
        """How a URL names the period: "1", "2" or "tahunan"."""
        return "tahunan" if self.jenis == JenisPeriode.TAHUNAN else str(self.semester)

    @property
    def nama(self) -> str:
        if self.jenis == JenisPeriode.TAHUNAN:
            return f"Tahunan {self.tahun}"
        bulan = "Januari–Juni" if self.semester == 1 else "Juli–Desember"
        return f"Periodik {bulan} {self.tahun}"


def periodik(tahun: int, semester: int) -> Periode:
    return Periode(tahun, JenisPeriode.PERIODIK, semester)


def tahunan(tahun: int) -> Periode:
    return Periode(tahun, JenisPeriode.TAHUNAN)


KODE_PERIODE = ("1", "2", "tahunan")


def periode_dari(tahun: int, kode: str) -> Periode:
    """The period a URL names with "1", "2" or "tahunan"; ValueError for anything else."""
    if kode == "tahunan":
        return tahunan(tahun)
    if kode in ("1", "2"):
        return periodik(tahun, int(kode))
    raise ValueError(f"Periode tidak dikenal: {kode!r}.")
