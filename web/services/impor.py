"""Importing schools and pegawai from a CSV or XLSX file shaped like a Dapodik export.

The admin dinas uploads a file; the quick checks (format, encoding, header row) run at once and
refuse a malformed file before anything is stored. The row checks run in a background thread
that stages the good rows in `impor_baris` and reports its progress on the `impor` row. Once the
admin confirms, a second background job applies every staged row in ONE transaction, set-based
in SQL, with its audit entries: all or nothing.

The top of the module is data (columns, aliases, value mappings) and pure functions (reading a
file, checking rows) that never touch the database, so they are unit-tested on their own.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any, BinaryIO, NamedTuple

from flask import Flask, current_app
from peewee import fn

from web.auth import DinasUser
from web.db import db, tenant_transaction
from web.domain.identitas import (
    IdentitasError,
    normalkan_nip,
    periksa_email,
    periksa_nip,
    periksa_npsn,
    periksa_nuptk,
)
from web.models import Impor, ImporBaris
from web.models.base import hari_ini, now
from web.models.impor import STATUS_BERJALAN
from web.paging import Halaman
from web.storage import make_key

log = logging.getLogger(__name__)

# --- Data: columns, aliases and value mappings ------------------------------------------------

MAKS_BYTE = 30 * 1024 * 1024
MAKS_BARIS_JUDUL = 5  # Dapodik puts a title (and sometimes a date) above the header row
POTONGAN = 2000  # rows per staging insert and per progress update
MAKS_KESALAHAN = 50_000  # beyond this a file is simply the wrong one; keep memory bounded
PER_HALAMAN_KESALAHAN = 100
MACET = dt.timedelta(minutes=2)  # a running job that has not reported for this long is dead


@dataclass(frozen=True)
class Kolom:
    kunci: str
    nama: tuple[str, ...]  # header texts accepted; the first is the one the template uses
    wajib: bool = False

    @property
    def label(self) -> str:
        return self.nama[0]


KOLOM: dict[str, tuple[Kolom, ...]] = {
    "sekolah": (
        Kolom("npsn", ("NPSN",), wajib=True),
        Kolom("nama", ("Nama", "Nama Sekolah"), wajib=True),
        Kolom("jenjang", ("Bentuk Pendidikan", "Jenjang"), wajib=True),
        Kolom("status", ("Status Sekolah", "Status"), wajib=True),
        Kolom("kecamatan", ("Kecamatan",)),
        Kolom("alamat", ("Alamat", "Alamat Jalan")),
    ),
    "pegawai": (
        Kolom("nama", ("Nama",), wajib=True),
        Kolom("nip", ("NIP",)),
        Kolom("nuptk", ("NUPTK",)),
        Kolom("status_kepegawaian", ("Status Kepegawaian",)),
        Kolom("jenis_ptk", ("Jenis PTK",)),
        Kolom("pangkat_golongan", ("Pangkat/Golongan", "Golongan")),
        Kolom("jabatan_fungsional", ("Jabatan Fungsional",)),
        Kolom("email", ("Email", "E-mail")),
        Kolom("telepon", ("HP", "No HP", "Telepon")),
        Kolom("npsn", ("NPSN",), wajib=True),
    ),
}
# Besides the required columns, at least one of these must be present.
SALAH_SATU: dict[str, tuple[str, ...]] = {"sekolah": (), "pegawai": ("nip", "nuptk")}

# The example row of the downloadable templates (the demo dinas's values).
CONTOH: dict[str, tuple[str, ...]] = {
    "sekolah": ("20212345", "SD Negeri 1 Contoh", "SD", "Negeri", "Cibinong", "Jl. Merdeka No. 1"),
    "pegawai": (
        "Rina Marlina, S.Pd.",
        "198503122010012001",
        "1234567890123452",
        "PNS",
        "Guru Kelas",
        "III/c",
        "Guru Ahli Muda",
        "rina.marlina@contoh.sch.id",
        "081234567890",
        "20212345",
    ),
}
KOLOM_TEKS = {"npsn", "nip", "nuptk", "telepon"}  # formatted as Text in the XLSX template

# Dapodik's "Bentuk Pendidikan" → our jenjang.
BENTUK_PENDIDIKAN = {
    "SD": "SD",
    "SMP": "SMP",
    "SMA": "SMA",
    "SMK": "SMK",
    "SLB": "SLB",
    "SDLB": "SLB",
    "SMPLB": "SLB",
    "SMALB": "SLB",
    "TK": "TK",
    "PAUD": "PAUD",
    "KB": "PAUD",
    "TPA": "PAUD",
    "SPS": "PAUD",
}
STATUS_SEKOLAH = {"negeri": "negeri", "swasta": "swasta"}
# "Status Kepegawaian" by its first word; anything else (Honor Daerah, GTY/PTY, Guru Honor
# Sekolah, GTT/PTT …) is non-ASN.
STATUS_KEPEGAWAIAN = {"PNS": "PNS", "CPNS": "PNS", "PPPK": "PPPK", "P3K": "PPPK"}
NON_ASN = "non-ASN"
# "Jenis PTK" → the role we keep. A kepala sekolah is a guru with a post; posts are set on the
# pegawai's page, never by an import. Other PTK (tenaga administrasi …) get no role.
PERAN_JENIS_PTK = (("kepala sekolah", "guru"), ("guru", "guru"), ("pengawas", "pengawas"))
PERAN_DARI_IMPOR = ("guru", "pengawas")
# "Jabatan Fungsional": "Guru Ahli Muda" → "Ahli Muda"; older titles ("Guru Muda") as well.
JENJANG_JABATAN = {
    "pertama": "Ahli Pertama",
    "muda": "Ahli Muda",
    "madya": "Ahli Madya",
    "utama": "Ahli Utama",
}
KOSONG = {"", "-", "--", "—"}  # Dapodik writes "-" for nothing

PANJANG = {"nama": 200, "kecamatan": 100, "alamat": 500, "telepon": 30}

BUKAN_UTF8 = "Berkas bukan teks UTF-8. Di Excel, simpan sebagai 'CSV UTF-8 (Comma delimited)'."
XLSX_RUSAK = "Berkas XLSX rusak atau bukan XLSX."
XLS_LAMA = (
    "Berkas XLS (Excel 97-2003) tidak didukung. Di Excel, simpan sebagai "
    "'Excel Workbook (.xlsx)' atau 'CSV UTF-8 (Comma delimited)'."
)
KOSONG_BERKAS = "Berkas kosong."
TANPA_DATA = "Berkas tidak berisi baris data di bawah baris judul kolom."
TERLALU_BESAR = "Berkas lebih dari 30 MB. Pecah menjadi beberapa berkas."
MACET_PESAN = "Pemeriksaan terhenti; unggah ulang berkasnya."

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ANGKA_PANGKAT = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+?\d+$")
_GOLONGAN_PNS = re.compile(r"\b(IV|III|II|I)\s*[/-]?\s*([A-E])\b")
_GOLONGAN_ROMAWI = re.compile(r"^(?:GOL(?:ONGAN)?\.?\s*)?([IVX]+)$")
_JENJANG = re.compile(r"\b(?:ahli\s+)?(pertama|muda|madya|utama)\b", re.IGNORECASE)
_HP_TANPA_NOL = re.compile(r"^8\d{7,12}$")


class BerkasError(ValueError):
    """A file that cannot be imported at all; `message` is shown to the admin as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- Reading a file -------------------------------------------------------------------------


@dataclass(frozen=True)
class Berkas:
    """What the quick check learnt about a file: enough to read its rows later."""

    format: str  # csv / xlsx
    baris_judul: int  # the header's row number as the user sees it (1-based)
    kolom: dict[str, int]  # kunci → 0-based column position
    judul: dict[str, str]  # kunci → the header text as written in the file
    diabaikan: tuple[str, ...]  # headers we do not use
    perkiraan: int  # data rows (for XLSX an estimate from the sheet's dimension)
    pemisah: str = ","

    @property
    def content_type(self) -> str:
        if self.format == "xlsx":
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return "text/csv"


def teks(nilai: Any) -> str:
    """A cell as text, read as it is: whole numbers without ".0", spaces tidied.

    A float that is not a small whole number (Excel keeps only 15 digits) is written in
    exponent form, which the identity checks recognise as a number whose digits were lost.
    """
    if nilai is None:
        return ""
    if isinstance(nilai, str):
        return " ".join(nilai.split())
    if isinstance(nilai, bool):
        return "TRUE" if nilai else "FALSE"
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        if nilai.is_integer() and abs(nilai) < 1e15:
            return str(int(nilai))
        return format(nilai, ".15g").upper()
    if isinstance(nilai, dt.datetime):
        return nilai.date().isoformat() if nilai.time() == dt.time() else nilai.isoformat()
    if isinstance(nilai, dt.date):
        return nilai.isoformat()
    return " ".join(str(nilai).split())


def _norm_judul(judul: str) -> str:
    return re.sub(r"[\s.]+", " ", judul).strip().casefold()


def _daftar_nama(jenis: str) -> dict[str, tuple[str, int]]:
    """Normalised header text → (kunci, rank of the alias; 0 is the canonical name)."""
    return {
        _norm_judul(nama): (k.kunci, rank) for k in KOLOM[jenis] for rank, nama in enumerate(k.nama)
    }


def petakan_judul(
    sel: Sequence[Any], jenis: str
) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Map a header row to our columns: (kunci → position, kunci → text, ignored texts).

    When two headers name the same column ("Status" and "Status Sekolah"), the canonical name
    wins over an alias and the first over a later one; the other is ignored.
    """
    nama = _daftar_nama(jenis)
    kolom: dict[str, int] = {}
    judul: dict[str, str] = {}
    peringkat: dict[str, int] = {}
    diabaikan: list[str] = []
    for posisi, nilai in enumerate(sel):
        tulisan = teks(nilai)
        if not tulisan:
            continue
        dikenal = nama.get(_norm_judul(tulisan))
        if dikenal is None:
            diabaikan.append(tulisan)
            continue
        kunci, rank = dikenal
        if kunci in kolom and peringkat[kunci] <= rank:
            diabaikan.append(tulisan)
            continue
        if kunci in kolom:
            diabaikan.append(judul[kunci])
        kolom[kunci], judul[kunci], peringkat[kunci] = posisi, tulisan, rank
    return kolom, judul, diabaikan


def _kurang(kolom: dict[str, int], jenis: str) -> list[str]:
    """The required columns a header row lacks, as the user would name them."""
    kurang = [k.label for k in KOLOM[jenis] if k.wajib and k.kunci not in kolom]
    pilihan = SALAH_SATU[jenis]
    if pilihan and not any(k in kolom for k in pilihan):
        label = {k.kunci: k.label for k in KOLOM[jenis]}
        kurang.append(" atau ".join(label[k] for k in pilihan))
    return kurang


def cari_judul(
    baris: Sequence[Sequence[Any]], jenis: str
) -> tuple[int, dict[str, int], dict[str, str], list[str]]:
    """Find the header among the first rows: (0-based index, kolom, judul, ignored).

    Raises BerkasError naming the missing columns of the row that came closest.
    """
    terbaik: tuple[int, list[str]] = (-1, [])
    for indeks, sel in enumerate(baris[: MAKS_BARIS_JUDUL + 1]):
        kolom, judul, diabaikan = petakan_judul(sel, jenis)
        kurang = _kurang(kolom, jenis)
        if not kurang:
            return indeks, kolom, judul, diabaikan
        if len(kolom) > terbaik[0]:
            terbaik = (len(kolom), kurang)
    wajib = ", ".join(_kurang({}, jenis))
    if terbaik[0] <= 0:
        raise BerkasError(
            f"Baris judul kolom tidak ditemukan di {MAKS_BARIS_JUDUL + 1} baris pertama. "
            f"Kolom yang wajib ada: {wajib}. Unduh templat untuk melihat contohnya."
        )
    raise BerkasError(
        f"Kolom wajib belum ada: {', '.join(terbaik[1])}. Kolom yang wajib ada: {wajib}."
    )


def _kosong(sel: Sequence[Any]) -> bool:
    return all(teks(nilai) == "" for nilai in sel)


def _teks_csv(data: bytes) -> str:
    try:
        tulisan = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BerkasError(BUKAN_UTF8) from None
    if "\x00" in tulisan:
        raise BerkasError(BUKAN_UTF8)
    return tulisan


def _baris_csv(tulisan: str, pemisah: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(tulisan, newline=""), delimiter=pemisah)


def _periksa_csv(data: bytes, jenis: str) -> Berkas:
    tulisan = _teks_csv(data)
    if not tulisan.strip():
        raise BerkasError(KOSONG_BERKAS)
    kepala = tulisan[:200_000].splitlines()[: MAKS_BARIS_JUDUL + 1]
    galat: BerkasError | None = None
    # The delimiter is the one with which a header row appears (Excel in an Indonesian locale
    # saves with ";").
    for pemisah in sorted((",", ";", "\t"), key=lambda p: -kepala[-1].count(p)):
        try:
            awal = list(_baris_csv("\n".join(kepala), pemisah))
            indeks, kolom, judul, diabaikan = cari_judul(awal, jenis)
        except BerkasError as error:
            galat = galat or error
            continue
        except csv.Error:
            continue
        try:
            data_baris = sum(
                1
                for n, sel in enumerate(_baris_csv(tulisan, pemisah))
                if n > indeks and not _kosong(sel)
            )
        except csv.Error:
            raise BerkasError(
                "Berkas CSV tidak dapat dibaca: ada tanda kutip yang tidak ditutup."
            ) from None
        if not data_baris:
            raise BerkasError(TANPA_DATA)
        return Berkas("csv", indeks + 1, kolom, judul, tuple(diabaikan), data_baris, pemisah)
    raise galat or BerkasError(TANPA_DATA)


def _buka_xlsx(data: bytes) -> Any:
    from openpyxl import load_workbook

    try:
        buku = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a bad zip, a zip that is no workbook, broken XML inside
        raise BerkasError(XLSX_RUSAK) from None
    if not buku.worksheets:
        buku.close()
        raise BerkasError(XLSX_RUSAK)
    return buku


def _buka_lembar(data: bytes) -> tuple[Any, Iterator[Sequence[Any]], int]:
    """(the open workbook, the rows of its first sheet, the row count its dimension claims)."""
    buku = _buka_xlsx(data)
    try:
        lembar = buku.worksheets[0]
        perkiraan = lembar.max_row if isinstance(lembar.max_row, int) else 0
        lembar.reset_dimensions()  # a wrong <dimension> must never cut rows or columns off
        return buku, lembar.iter_rows(values_only=True), perkiraan
    except Exception:
        buku.close()
        raise BerkasError(XLSX_RUSAK) from None


def _judul_xlsx(data: bytes, jenis: str) -> tuple[Berkas, Iterator[Sequence[Any]], Any]:
    """Open a workbook once and find its header: (berkas, the rows after the header, the open
    workbook, which the caller closes)."""
    buku, baris, perkiraan = _buka_lembar(data)
    try:
        awal = list(itertools.islice(baris, MAKS_BARIS_JUDUL + 1))
        if all(_kosong(sel) for sel in awal):
            raise BerkasError(KOSONG_BERKAS)
        indeks, kolom, judul, diabaikan = cari_judul(awal, jenis)
    except BerkasError:
        buku.close()
        raise
    except Exception:
        buku.close()
        raise BerkasError(XLSX_RUSAK) from None
    berkas = Berkas(
        "xlsx", indeks + 1, kolom, judul, tuple(diabaikan), max(perkiraan - indeks - 1, 0)
    )
    return berkas, itertools.chain(awal[indeks + 1 :], baris), buku


def _periksa_xlsx(data: bytes, jenis: str) -> Berkas:
    berkas, tersisa, buku = _judul_xlsx(data, jenis)
    try:
        if all(_kosong(sel) for sel in tersisa):
            raise BerkasError(TANPA_DATA)
    except BerkasError:
        raise
    except Exception:
        raise BerkasError(XLSX_RUSAK) from None
    finally:
        buku.close()
    return berkas


def periksa_berkas(data: bytes, jenis: str) -> Berkas:
    """The quick check done while the admin waits: size, format (by content), header.

    Raises BerkasError with a message for the admin.
    """
    if not data:
        raise BerkasError(KOSONG_BERKAS)
    if len(data) > MAKS_BYTE:
        raise BerkasError(TERLALU_BESAR)
    if data.startswith(_ZIP):
        return _periksa_xlsx(data, jenis)
    if data.startswith(_OLE):
        raise BerkasError(XLS_LAMA)
    return _periksa_csv(data, jenis)


def baca_baris(data: bytes, berkas: Berkas) -> Iterator[tuple[int, dict[str, str]]]:
    """Every non-empty data row as (row number as the user sees it, kunci → text)."""
    if berkas.format == "xlsx":
        buku, baris, _ = _buka_lembar(data)
        tersisa = itertools.islice(baris, berkas.baris_judul, None)
        yield from _baris_xlsx(tersisa, buku, berkas)
    else:
        baris = enumerate(_baris_csv(_teks_csv(data), berkas.pemisah), start=1)
        yield from _sel_baris(itertools.islice(baris, berkas.baris_judul, None), berkas)


def baca_berkas(data: bytes, jenis: str) -> tuple[Berkas, Iterator[tuple[int, dict[str, str]]]]:
    """The quick check and the rows in one go, opening a workbook only once (the background
    check: a 60,000-row XLSX takes seconds to open)."""
    if data.startswith(_ZIP) and len(data) <= MAKS_BYTE:
        berkas, tersisa, buku = _judul_xlsx(data, jenis)
        return berkas, _baris_xlsx(tersisa, buku, berkas)
    berkas = periksa_berkas(data, jenis)
    return berkas, baca_baris(data, berkas)


def _baris_xlsx(
    tersisa: Iterator[Sequence[Any]], buku: Any, berkas: Berkas
) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        yield from _sel_baris(enumerate(tersisa, start=berkas.baris_judul + 1), berkas)
    except BerkasError:
        raise
    except Exception:  # broken XML further down the sheet
        raise BerkasError(XLSX_RUSAK) from None
    finally:
        buku.close()


def _sel_baris(
    baris: Iterator[tuple[int, Sequence[Any]]], berkas: Berkas
) -> Iterator[tuple[int, dict[str, str]]]:
    posisi = berkas.kolom.items()
    for nomor, sel in baris:
        isi = {kunci: teks(sel[p]) if p < len(sel) else "" for kunci, p in posisi}
        if any(isi.values()):
            yield nomor, isi


# --- Checking rows ----------------------------------------------------------------------------


class Pemilik(NamedTuple):
    """An existing pegawai as the row checks need it."""

    id: int
    nama: str
    nip: str | None
    nuptk: str | None


@dataclass
class DataAda:
    """What the dinas already holds, loaded once before the rows are checked."""

    sekolah: dict[str, tuple[int, bool, str]] = field(default_factory=dict)  # npsn → id, aktif
    golongan: dict[str, str] = field(default_factory=dict)  # kode → PNS / PPPK
    nip: dict[str, Pemilik] = field(default_factory=dict)
    nuptk: dict[str, Pemilik] = field(default_factory=dict)
    email: dict[str, Pemilik] = field(default_factory=dict)


class _Catatan:
    """The errors of one row, each under the column header the user wrote."""

    def __init__(self, nomor: int, judul: dict[str, str]) -> None:
        self.nomor, self.judul, self.daftar = nomor, judul, []

    def salah(self, kunci: str, pesan: str) -> None:
        self.daftar.append(
            {"baris": self.nomor, "kolom": self.judul.get(kunci, kunci), "pesan": pesan}
        )


class Pemeriksa:
    """Checks a file's rows in order; remembers earlier rows to find duplicates."""

    def __init__(self, jenis: str, judul: dict[str, str], ada: DataAda, hari: dt.date) -> None:
        label = {k.kunci: k.label for k in KOLOM[jenis]}
        self.jenis, self.judul, self.ada, self.hari = jenis, {**label, **judul}, ada, hari
        self.kolom_berkas = set(judul)
        self.terlihat: dict[str, dict[Any, int]] = {}

    def periksa(
        self, nomor: int, sel: dict[str, str]
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """(the row's data to stage, or None; its errors)."""
        catatan = _Catatan(nomor, self.judul)
        data = (self._sekolah if self.jenis == "sekolah" else self._pegawai)(sel, catatan)
        return (None if catatan.daftar else data), catatan.daftar

    # Shared pieces

    def _nomor_id(
        self, sel: dict[str, str], kunci: str, c: _Catatan, periksa: Callable[[str], str]
    ) -> str | None:
        nilai = sel.get(kunci, "").lstrip("'")
        if nilai in KOSONG:
            return None
        if re.fullmatch(r"\d+\.0+", nilai):
            nilai = nilai.split(".")[0]
        label = self.judul[kunci]
        if _ANGKA_PANGKAT.match(nilai):
            c.salah(
                kunci,
                f"{label} tersimpan sebagai angka ({nilai}) sehingga angka "
                f"belakangnya hilang. Format kolom {label} sebagai Teks di Excel, "
                "lalu isi ulang.",
            )
            return None
        try:
            return periksa(nilai)
        except IdentitasError as error:
            c.salah(kunci, error.message)
            return None

    def _teks(
        self, sel: dict[str, str], kunci: str, c: _Catatan, *, wajib: bool = False
    ) -> str | None:
        nilai = sel.get(kunci, "")
        if nilai in KOSONG:
            if wajib:
                c.salah(kunci, f"{self.judul[kunci]} wajib diisi.")
            return None
        if len(nilai) > PANJANG[kunci]:
            c.salah(kunci, f"{self.judul[kunci]} paling banyak {PANJANG[kunci]} karakter.")
            return None
        return nilai

    def _sekali(self, jenis_nilai: str, nilai: Any, nomor: int) -> int | None:
        """The earlier row with the same value, or None (and remember this one)."""
        terlihat = self.terlihat.setdefault(jenis_nilai, {})
        if nilai in terlihat:
            return terlihat[nilai]
        terlihat[nilai] = nomor
        return None

    def _unik(self, kunci: str, nilai: str | None, c: _Catatan) -> None:
        if nilai is not None and (lalu := self._sekali(kunci, nilai, c.nomor)) is not None:
            c.salah(kunci, f"{self.judul[kunci]} {nilai} sudah ada di baris {lalu}.")

    # Sekolah

    def _sekolah(self, sel: dict[str, str], c: _Catatan) -> dict[str, Any]:
        npsn = self._nomor_id(sel, "npsn", c, periksa_npsn)
        if npsn is None and sel.get("npsn", "") in KOSONG:
            c.salah("npsn", "NPSN wajib diisi.")
        self._unik("npsn", npsn, c)
        nama = self._teks(sel, "nama", c, wajib=True)
        jenjang = self._pilihan(
            sel,
            "jenjang",
            c,
            BENTUK_PENDIDIKAN,
            str.upper,
            "SD, SMP, SMA, SMK, SLB, TK, atau KB/TPA/SPS (PAUD)",
        )
        status = self._pilihan(sel, "status", c, STATUS_SEKOLAH, str.casefold, "Negeri atau Swasta")
        return {
            "npsn": npsn,
            "nama": nama,
            "jenjang": jenjang,
            "status": status,
            "kecamatan": self._teks(sel, "kecamatan", c),
            "alamat": self._teks(sel, "alamat", c),
        }

    def _pilihan(
        self,
        sel: dict[str, str],
        kunci: str,
        c: _Catatan,
        peta: dict[str, str],
        bentuk: Callable[[str], str],
        saran: str,
    ) -> str | None:
        nilai = sel.get(kunci, "")
        label = self.judul[kunci]
        if nilai in KOSONG:
            c.salah(kunci, f"{label} wajib diisi.")
            return None
        hasil = peta.get(bentuk(nilai))
        if hasil is None:
            c.salah(kunci, f"{label} '{nilai}' tidak dikenal; pakai {saran}.")
        return hasil

    # Pegawai

    def _pegawai(self, sel: dict[str, str], c: _Catatan) -> dict[str, Any]:
        nama = self._teks(sel, "nama", c, wajib=True)
        nip = self._nomor_id(sel, "nip", c, self._nip)
        nuptk = self._nomor_id(sel, "nuptk", c, periksa_nuptk)
        isi_nip = sel.get("nip", "") not in KOSONG
        isi_nuptk = sel.get("nuptk", "") not in KOSONG
        if not isi_nip and not isi_nuptk:
            c.salah("nip" if "nip" in self.kolom_berkas else "nuptk", "Isi NIP atau NUPTK.")
        status = self._status(sel.get("status_kepegawaian", ""))
        if status == "PNS" and not isi_nip:
            c.salah("nip", "NIP wajib diisi untuk PNS.")
        golongan = self._golongan(sel, status, c)
        jenjang = self._jenjang(sel, status, c)
        email = self._nomor_id(sel, "email", c, periksa_email)
        telepon = self._teks(sel, "telepon", c)
        if telepon and _HP_TANPA_NOL.match(telepon):
            telepon = "0" + telepon  # Excel dropped the leading zero of an 08… number
        sekolah = self._sekolah_tugas(sel, c)

        self._unik("nip", nip, c)
        self._unik("nuptk", nuptk, c)
        self._unik("email", email, c)
        self._bentrok(nip, nuptk, email, c)
        return {
            "nama": nama,
            "nip": nip,
            "nuptk": nuptk,
            "email": email,
            "telepon": telepon,
            "status_kepegawaian": status,
            "jenjang_jabatan": jenjang,
            "pangkat_golongan": golongan,
            "npsn": sekolah,
            "peran": self._peran(sel.get("jenis_ptk", "")),
        }

    def _nip(self, nilai: str) -> str:
        nip = normalkan_nip(nilai)
        periksa_nip(nip, hari_ini=self.hari)
        return nip

    @staticmethod
    def _status(nilai: str) -> str | None:
        if nilai in KOSONG:
            return None
        kata = re.split(r"[\s/()-]+", nilai.strip().upper(), maxsplit=1)[0]
        return STATUS_KEPEGAWAIAN.get(kata, NON_ASN)

    @staticmethod
    def _peran(nilai: str) -> list[str] | None:
        if nilai in KOSONG:
            return None
        kecil = nilai.casefold()
        peran = {p for kata, p in PERAN_JENIS_PTK if kata in kecil}
        return [p for p in PERAN_DARI_IMPOR if p in peran]

    def _golongan(self, sel: dict[str, str], status: str | None, c: _Catatan) -> str | None:
        nilai = sel.get("pangkat_golongan", "")
        if nilai in KOSONG:
            return None
        besar = nilai.upper()
        if m := _GOLONGAN_PNS.search(besar):
            kode = f"{m[1]}/{m[2].lower()}"
        elif m := _GOLONGAN_ROMAWI.match(besar):
            kode = m[1]
        else:
            kode = nilai
        label = self.judul["pangkat_golongan"]
        milik = self.ada.golongan.get(kode)
        if milik is None:
            c.salah(
                "pangkat_golongan",
                f"{label} '{nilai}' tidak dikenal; tulis seperti III/c (PNS) atau IX (PPPK).",
            )
            return None
        if status == NON_ASN:
            c.salah(
                "pangkat_golongan",
                "Pegawai non-ASN tidak memiliki pangkat/golongan; kosongkan kolom ini.",
            )
            return None
        if status is not None and milik != status:
            c.salah(
                "pangkat_golongan",
                f"Golongan {kode} untuk {milik}, padahal status kepegawaiannya {status}.",
            )
            return None
        return kode

    def _jenjang(self, sel: dict[str, str], status: str | None, c: _Catatan) -> str | None:
        nilai = sel.get("jabatan_fungsional", "")
        if nilai in KOSONG or status == NON_ASN:  # jabatan fungsional belongs to ASN only
            return None
        if m := _JENJANG.search(nilai):
            return JENJANG_JABATAN[m[1].casefold()]
        c.salah(
            "jabatan_fungsional",
            f"Jabatan fungsional '{nilai}' tidak dikenali; tulis "
            "misalnya 'Guru Ahli Muda', atau kosongkan.",
        )
        return None

    def _sekolah_tugas(self, sel: dict[str, str], c: _Catatan) -> str | None:
        npsn = self._nomor_id(sel, "npsn", c, periksa_npsn)
        if npsn is None:
            if sel.get("npsn", "") in KOSONG:
                c.salah("npsn", "NPSN sekolah tempat tugas wajib diisi.")
            return None
        sekolah = self.ada.sekolah.get(npsn)
        if sekolah is None:
            c.salah(
                "npsn",
                f"Tidak ada sekolah dengan NPSN {npsn} di dinas ini; impor sekolahnya lebih dulu.",
            )
            return None
        if not sekolah[1]:
            c.salah("npsn", f"{sekolah[2]} (NPSN {npsn}) sudah nonaktif.")
            return None
        return npsn

    def _bentrok(self, nip: str | None, nuptk: str | None, email: str | None, c: _Catatan) -> None:
        """Clashes with pegawai the dinas already has. A row updates the pegawai with its NIP,
        else the one with its NUPTK who has no NIP yet (a honorer appointed PPPK gets the NIP
        added); otherwise it adds a new pegawai."""
        sasaran = sasaran_pegawai(self.ada, nip, nuptk)
        sasaran_id = sasaran.id if sasaran else None
        for kunci, nilai in (("nuptk", nuptk), ("email", email)):
            pemilik = getattr(self.ada, kunci).get(nilai) if nilai else None
            if pemilik is not None and pemilik.id != sasaran_id:
                siapa = pemilik.nama + (f" (NIP {pemilik.nip})" if pemilik.nip else "")
                c.salah(kunci, f"{self.judul[kunci]} {nilai} sudah dipakai {siapa}.")
        if sasaran is not None and (lalu := self._sekali("sasaran", sasaran.id, c.nomor)):
            c.salah(
                "nip" if nip else "nuptk",
                f"Baris ini dan baris {lalu} sama-sama mengubah data {sasaran.nama}.",
            )


def sasaran_pegawai(ada: DataAda, nip: str | None, nuptk: str | None) -> Pemilik | None:
    """The existing pegawai a row updates (the SQL of `_siapkan_pegawai` follows this rule)."""
    if nip and nip in ada.nip:
        return ada.nip[nip]
    pemilik = ada.nuptk.get(nuptk) if nuptk else None
    if pemilik is not None and pemilik.nip is None:
        return pemilik
    return None


# --- Templates ----------------------------------------------------------------------------


def templat(jenis: str, format: str) -> tuple[bytes, str]:
    """(content, mimetype) of the downloadable template: our headers and one example row."""
    judul = [k.label for k in KOLOM[jenis]]
    contoh = list(CONTOH[jenis])
    if format == "csv":
        keluaran = io.StringIO(newline="")
        tulis = csv.writer(keluaran, lineterminator="\r\n")
        tulis.writerow(judul)
        tulis.writerow(contoh)
        # The BOM tells Excel the file is UTF-8.
        return keluaran.getvalue().encode("utf-8-sig"), "text/csv"

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    buku = Workbook()
    lembar = buku.active
    lembar.title = "Data"
    lembar.append(judul)
    lembar.append(contoh)
    for posisi, k in enumerate(KOLOM[jenis], start=1):
        huruf = get_column_letter(posisi)
        lembar.column_dimensions[huruf].width = max(14, len(k.label) + 4, len(contoh[posisi - 1]))
        lembar.cell(1, posisi).font = Font(bold=True)
        if k.kunci in KOLOM_TEKS:
            # Typed as numbers, an 18-digit NIP loses its last digits: keep these as text.
            lembar.column_dimensions[huruf].number_format = "@"
            lembar.cell(2, posisi).number_format = "@"
    lembar.freeze_panes = "A2"
    petunjuk = buku.create_sheet("Petunjuk")
    for baris in _petunjuk(jenis):
        petunjuk.append([baris])
    keluaran_xlsx = io.BytesIO()
    buku.save(keluaran_xlsx)
    return keluaran_xlsx.getvalue(), (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def _petunjuk(jenis: str) -> list[str]:
    wajib = ", ".join(_kurang({}, jenis))
    return [
        "Isi data di lembar pertama (Data); satu baris untuk satu "
        + ("sekolah." if jenis == "sekolah" else "pegawai."),
        f"Kolom wajib: {wajib}. Kolom lain boleh kosong; kolom tambahan diabaikan.",
        "Kolom NPSN, NIP, NUPTK dan HP berformat Teks: jangan diubah menjadi angka.",
        "Sel yang kosong tidak mengubah data yang sudah ada.",
    ]


# --- Background work ---------------------------------------------------------------------------


def jalankan_di_latar(app: Flask, kerja: Callable[..., None], *args: Any) -> threading.Thread:
    """Run `kerja(*args)` in a daemon thread with the app context pushed."""

    def jalan() -> None:
        with app.app_context():
            kerja(*args)

    thread = threading.Thread(target=jalan, name=f"impor-{kerja.__name__}", daemon=True)
    thread.start()
    return thread


def _storage() -> Any:
    return current_app.extensions["storage"]


def unggah(user: DinasUser, jenis: str, nama_berkas: str, stream: BinaryIO) -> Impor:
    """Check a freshly uploaded file quickly, store it and record the import (status
    memeriksa). Raises BerkasError, and then nothing is stored."""
    data = stream.read(MAKS_BYTE + 1)
    berkas = periksa_berkas(data, jenis)
    kunci = make_key(user.schema, "impor")
    _storage().put(kunci, io.BytesIO(data), content_type=berkas.content_type, max_bytes=MAKS_BYTE)
    try:
        return Impor.create(
            jenis=jenis,
            nama_berkas=_nama_berkas(nama_berkas),
            total=berkas.perkiraan,
            kunci_berkas=kunci,
            dibuat_oleh=user.pegawai.id,
            ringkasan={"diabaikan": list(berkas.diabaikan)},
        )
    except BaseException:
        _storage().delete(kunci)
        raise


def _nama_berkas(nama: str | None) -> str:
    nama = (nama or "").replace("\\", "/").rsplit("/", 1)[-1]
    return " ".join(nama.split())[:200] or "berkas"


class _Berhenti(Exception):
    """The import left the status this job works in (marked stale, cancelled)."""


def periksa_impor(schema: str, impor_id: int) -> None:
    """Background job: check every row, stage the good ones, end in siap / ditolak / gagal."""
    try:
        _periksa_impor(schema, impor_id)
    except _Berhenti:
        _buang_baris(schema, impor_id)
    except BerkasError as error:  # a fault found only deep inside the file
        _gagal(schema, impor_id, "memeriksa", error.message)
    except Exception:
        log.exception("pemeriksaan impor %s di %s gagal", impor_id, schema)
        _gagal(
            schema,
            impor_id,
            "memeriksa",
            "Pemeriksaan berkas gagal karena kesalahan di sistem; unggah ulang berkasnya.",
        )


def _periksa_impor(schema: str, impor_id: int) -> None:
    with tenant_transaction(schema):
        impor = Impor.get_by_id(impor_id)
        ada = _data_ada(impor.jenis)
    with closing(_storage().open(impor.kunci_berkas)) as stream:
        data = stream.read()
    berkas, baris = baca_berkas(data, impor.jenis)
    pemeriksa = Pemeriksa(impor.jenis, berkas.judul, ada, hari_ini())
    kesalahan: list[dict[str, Any]] = []
    baris_salah = 0
    antre: list[dict[str, Any]] = []
    diproses = 0
    for nomor, sel in baris:
        diproses += 1
        isi, salah = pemeriksa.periksa(nomor, sel)
        if salah:
            baris_salah += 1
            kesalahan.extend(salah[: max(MAKS_KESALAHAN - len(kesalahan), 0)])
        elif not kesalahan:  # once a row is bad nothing will be applied: stop staging
            antre.append({"impor": impor_id, "nomor": nomor, "data": isi})
        if diproses % POTONGAN == 0:
            _kemajuan(schema, impor_id, diproses, antre if not kesalahan else [])
            antre = []
    del data
    if not kesalahan:
        _kemajuan(schema, impor_id, diproses, antre)
    if diproses == 0:
        kesalahan = [{"baris": berkas.baris_judul, "kolom": "", "pesan": TANPA_DATA}]
    with tenant_transaction(schema):
        _kunci_impor(impor_id, "memeriksa")
        if kesalahan:
            ImporBaris.delete().where(ImporBaris.impor == impor_id).execute()
            ringkasan = {
                "kesalahan": len(kesalahan),
                "baris_salah": baris_salah,
                "terpotong": len(kesalahan) >= MAKS_KESALAHAN,
                "diabaikan": list(berkas.diabaikan),
            }
            Impor.update(
                status="ditolak",
                kesalahan=kesalahan,
                ringkasan=ringkasan,
                total=diproses,
                diproses=diproses,
                diperbarui=now(),
                kunci_berkas=None,
            ).where(Impor.id == impor_id).execute()
        else:
            ringkasan = {
                **_siapkan(impor.jenis, impor_id),
                "diabaikan": list(berkas.diabaikan),
                "judul": berkas.judul,
            }
            Impor.update(
                status="siap",
                ringkasan=ringkasan,
                total=diproses,
                diproses=diproses,
                diperbarui=now(),
            ).where(Impor.id == impor_id).execute()
    if kesalahan:
        _storage().delete(impor.kunci_berkas)


def _kemajuan(schema: str, impor_id: int, diproses: int, antre: list[dict[str, Any]]) -> None:
    with tenant_transaction(schema):
        diubah = (
            Impor.update(diproses=diproses, diperbarui=now())
            .where(Impor.id == impor_id, Impor.status == "memeriksa")
            .execute()
        )
        if not diubah:
            raise _Berhenti
        if antre:
            ImporBaris.insert_many(antre).execute()


def _kunci_impor(impor_id: int, status: str) -> None:
    """Lock the import row for this transaction; stop when it left `status` meanwhile."""
    cursor = db.execute_sql("SELECT status FROM impor WHERE id = %s FOR UPDATE", (impor_id,))
    baris = cursor.fetchone()
    if baris is None or baris[0] != status:
        raise _Berhenti


def _buang_baris(schema: str, impor_id: int) -> None:
    with tenant_transaction(schema):
        ImporBaris.delete().where(ImporBaris.impor == impor_id).execute()


def _gagal(schema: str, impor_id: int, dari: str, pesan: str) -> None:
    """Mark a job's import failed (only if it is still in the job's status) and drop what it
    staged and stored."""
    try:
        with tenant_transaction(schema):
            baris = db.execute_sql(
                """
                WITH lama AS (SELECT id, kunci_berkas FROM impor WHERE id = %s FOR UPDATE)
                UPDATE impor SET status = 'gagal', pesan = %s, diperbarui = now(),
                    kunci_berkas = NULL
                FROM lama WHERE impor.id = lama.id AND impor.status = %s
                RETURNING lama.kunci_berkas
                """,
                (impor_id, pesan, dari),
            ).fetchone()
            if baris is not None:
                ImporBaris.delete().where(ImporBaris.impor == impor_id).execute()
        if baris is not None and baris[0]:
            _storage().delete(baris[0])
    except Exception:
        log.exception("impor %s di %s tidak dapat ditandai gagal", impor_id, schema)


def _data_ada(jenis: str) -> DataAda:
    ada = DataAda()
    if jenis != "pegawai":
        return ada
    for npsn, sekolah_id, aktif, nama in db.execute_sql(
        "SELECT npsn, id, aktif, nama FROM sekolah"
    ):
        ada.sekolah[npsn] = (sekolah_id, aktif, nama)
    ada.golongan = dict(db.execute_sql("SELECT kode, status_kepegawaian FROM pangkat_golongan"))
    for pegawai_id, nama, nip, nuptk, email in db.execute_sql(
        "SELECT id, nama, nip, nuptk, email FROM pegawai"
    ):
        pemilik = Pemilik(pegawai_id, nama, nip, nuptk)
        if nip:
            ada.nip[nip] = pemilik
        if nuptk:
            ada.nuptk[nuptk] = pemilik
        if email:
            ada.email[email] = pemilik
    return ada


# --- Set-based preview counts and apply --------------------------------------------------------
#
# Both build `impor_kerja`, a temporary table of the staged rows resolved against the database
# (which record each row updates, the values after the update, whether anything changes). It is
# dropped at commit, so nothing of it outlives the transaction or reaches another dinas.

_JSON_PEGAWAI = "(to_jsonb({0}) - 'sekolah_id' || jsonb_build_object('sekolah', {0}.sekolah_id))"
_JSON_PENEMPATAN = (
    "(to_jsonb({0}) - 'pegawai_id' - 'sekolah_id' || jsonb_build_object("
    "'pegawai', {0}.pegawai_id, 'sekolah', {0}.sekolah_id))"
)
_AUDIT = (
    "INSERT INTO audit (pelaku_id, pelaku, objek, objek_id, aksi, sebelum, sesudah) "
    "SELECT %(pelaku_id)s, %(pelaku)s, '{objek}', {id}, 'impor', {sebelum}, {sesudah} "
)


def _siapkan(jenis: str, impor_id: int) -> dict[str, int]:
    return _siapkan_sekolah(impor_id) if jenis == "sekolah" else _siapkan_pegawai(impor_id)


def _hitung(sql: str) -> dict[str, int]:
    kolom_hasil = ("baru", "diperbarui", "sama", "pindah")
    baris = db.execute_sql(sql).fetchone()
    return {k: int(v) for k, v in zip(kolom_hasil, baris, strict=False)}


def _siapkan_sekolah(impor_id: int) -> dict[str, int]:
    db.execute_sql(
        """
        CREATE TEMP TABLE impor_kerja ON COMMIT DROP AS
        SELECT b.nomor, d.npsn, d.nama, d.jenjang, d.status,
               COALESCE(d.kecamatan, s.kecamatan, '') AS kecamatan,
               COALESCE(d.alamat, s.alamat, '') AS alamat,
               s.id AS sekolah_id,
               s.id IS NOT NULL AND (d.nama, d.jenjang, d.status,
                   COALESCE(d.kecamatan, s.kecamatan), COALESCE(d.alamat, s.alamat))
                   IS DISTINCT FROM (s.nama, s.jenjang, s.status, s.kecamatan, s.alamat)
                   AS berubah
        FROM impor_baris b
        CROSS JOIN LATERAL jsonb_to_record(b.data) AS d(npsn char(8), nama text,
            jenjang text, status text, kecamatan text, alamat text)
        LEFT JOIN sekolah s ON s.npsn = d.npsn
        WHERE b.impor_id = %s
        """,
        (impor_id,),
    )
    db.execute_sql("ANALYZE impor_kerja")
    return _hitung(
        "SELECT count(*) FILTER (WHERE sekolah_id IS NULL), count(*) FILTER (WHERE berubah),"
        " count(*) FILTER (WHERE sekolah_id IS NOT NULL AND NOT berubah) FROM impor_kerja"
    )


def _siapkan_pegawai(impor_id: int) -> dict[str, int]:
    db.execute_sql(
        """
        CREATE TEMP TABLE impor_kerja ON COMMIT DROP AS
        SELECT b.nomor, d.nama, d.nip, d.nuptk, d.email, d.telepon, d.status_kepegawaian,
               d.jenjang_jabatan, d.pangkat_golongan, d.npsn, d.peran,
               s.id AS sekolah_id, s.aktif AS sekolah_aktif,
               NULL::integer AS pegawai_id, NULL::integer AS sekolah_lama,
               false AS baru, false AS berubah
        FROM impor_baris b
        CROSS JOIN LATERAL jsonb_to_record(b.data) AS d(nama text, nip char(18),
            nuptk char(16), email text, telepon text, status_kepegawaian text,
            jenjang_jabatan text, pangkat_golongan text, npsn char(8), peran text[])
        LEFT JOIN sekolah s ON s.npsn = d.npsn
        WHERE b.impor_id = %s
        """,
        (impor_id,),
    )
    db.execute_sql("ANALYZE impor_kerja")
    # Which pegawai each row updates: by NIP, else by NUPTK if that pegawai has no NIP yet.
    db.execute_sql(
        "UPDATE impor_kerja k SET pegawai_id = p.id FROM pegawai p"
        " WHERE k.nip IS NOT NULL AND p.nip = k.nip"
    )
    db.execute_sql(
        "UPDATE impor_kerja k SET pegawai_id = p.id FROM pegawai p"
        " WHERE k.pegawai_id IS NULL AND k.nuptk IS NOT NULL AND p.nuptk = k.nuptk"
        " AND p.nip IS NULL"
    )
    # The values after the update: an empty cell keeps what the dinas has; Jenis PTK replaces
    # only the roles an import manages.
    db.execute_sql(
        """
        UPDATE impor_kerja k SET
            nip = COALESCE(k.nip, p.nip), nuptk = COALESCE(k.nuptk, p.nuptk),
            email = COALESCE(k.email, p.email), telepon = COALESCE(k.telepon, p.telepon),
            status_kepegawaian = COALESCE(k.status_kepegawaian, p.status_kepegawaian),
            jenjang_jabatan = COALESCE(k.jenjang_jabatan, p.jenjang_jabatan),
            pangkat_golongan = COALESCE(k.pangkat_golongan, p.pangkat_golongan),
            peran = CASE WHEN k.peran IS NULL THEN p.peran
                         ELSE ARRAY(SELECT r FROM unnest(p.peran) AS r
                                    WHERE r <> ALL (%s::text[])) || k.peran END,
            sekolah_lama = p.sekolah_id
        FROM pegawai p WHERE p.id = k.pegawai_id
        """,
        (list(PERAN_DARI_IMPOR),),
    )
    db.execute_sql(
        "UPDATE impor_kerja SET baru = true, telepon = COALESCE(telepon, ''),"
        " peran = COALESCE(peran, '{}') WHERE pegawai_id IS NULL"
    )
    db.execute_sql(
        """
        UPDATE impor_kerja k SET berubah =
            (k.nama, k.nip, k.nuptk, k.email, k.telepon, k.status_kepegawaian,
             k.jenjang_jabatan, k.pangkat_golongan, k.sekolah_id)
            IS DISTINCT FROM
            (p.nama, p.nip, p.nuptk, p.email, p.telepon, p.status_kepegawaian,
             p.jenjang_jabatan, p.pangkat_golongan, p.sekolah_id)
            OR NOT (k.peran @> p.peran AND k.peran <@ p.peran)
        FROM pegawai p WHERE p.id = k.pegawai_id
        """
    )
    # Analysed again now that the ids are known: planned with the first (all-NULL) statistics,
    # the joins on pegawai_id below run as nested loops over every pair of rows.
    db.execute_sql("ANALYZE impor_kerja")
    return _hitung(
        "SELECT count(*) FILTER (WHERE baru), count(*) FILTER (WHERE berubah),"
        " count(*) FILTER (WHERE NOT baru AND NOT berubah),"
        " count(*) FILTER (WHERE NOT baru AND sekolah_id IS DISTINCT FROM sekolah_lama)"
        " FROM impor_kerja"
    )


def _bentrok_pegawai(judul: dict[str, str]) -> list[dict[str, Any]]:
    """The clashes with the database as it is now (it may have changed since the check),
    under the column headers the file used."""
    kesalahan: list[dict[str, Any]] = []
    judul = {**{k.kunci: k.label for k in KOLOM["pegawai"]}, **judul}

    def tambah(sql: str, kolom: str, pesan: Callable[..., str]) -> None:
        for nomor, *nilai in db.execute_sql(sql):
            kesalahan.append({"baris": nomor, "kolom": kolom, "pesan": pesan(*nilai)})

    tambah(
        "SELECT nomor, npsn FROM impor_kerja WHERE sekolah_id IS NULL OR NOT sekolah_aktif",
        judul["npsn"],
        lambda npsn: f"Sekolah dengan NPSN {npsn} sudah tidak ada atau nonaktif.",
    )
    for kolom in ("nuptk", "email"):
        label = judul[kolom]
        tambah(
            f"SELECT k.nomor, k.{kolom}, p.nama FROM impor_kerja k"
            f" JOIN pegawai p ON p.{kolom} = k.{kolom}"
            " WHERE p.id IS DISTINCT FROM k.pegawai_id",
            label,
            lambda nilai, nama, label=label: f"{label} {nilai} sudah dipakai {nama}.",
        )
    tambah(
        "SELECT max(k.nomor), min(k.nomor), p.nama FROM impor_kerja k"
        " JOIN pegawai p ON p.id = k.pegawai_id GROUP BY p.id, p.nama HAVING count(*) > 1",
        judul["nip"],
        lambda lalu, nama: f"Baris ini dan baris {lalu} sama-sama mengubah data {nama}.",
    )
    return sorted(kesalahan, key=lambda k: k["baris"])


def _terapkan_sekolah(param: dict[str, Any]) -> None:
    db.execute_sql(
        """
        WITH lama AS (
            SELECT s.* FROM sekolah s JOIN impor_kerja k ON k.sekolah_id = s.id
            WHERE k.berubah
        ), tulis AS (
            INSERT INTO sekolah AS s (npsn, nama, jenjang, status, kecamatan, alamat)
            SELECT npsn, nama, jenjang, status, kecamatan, alamat FROM impor_kerja
            WHERE sekolah_id IS NULL OR berubah ORDER BY nomor
            ON CONFLICT (npsn) DO UPDATE SET nama = EXCLUDED.nama,
                jenjang = EXCLUDED.jenjang, status = EXCLUDED.status,
                kecamatan = EXCLUDED.kecamatan, alamat = EXCLUDED.alamat, diubah = now()
            RETURNING s.*
        )
        """
        + _AUDIT.format(objek="sekolah", id="t.id", sebelum="to_jsonb(l)", sesudah="to_jsonb(t)")
        + "FROM tulis t LEFT JOIN lama l ON l.id = t.id",
        param,
    )


def _terapkan_pegawai(param: dict[str, Any]) -> None:
    db.execute_sql(
        "UPDATE impor_kerja SET pegawai_id = nextval(pg_get_serial_sequence('pegawai', 'id'))"
        " WHERE baru"
    )
    db.execute_sql("ANALYZE impor_kerja")
    db.execute_sql(
        """
        WITH lama AS (
            SELECT p.* FROM pegawai p JOIN impor_kerja k ON k.pegawai_id = p.id
            WHERE k.berubah
        ), ubah AS (
            UPDATE pegawai p SET nama = k.nama, nip = k.nip, nuptk = k.nuptk,
                email = k.email, telepon = k.telepon,
                status_kepegawaian = k.status_kepegawaian, jenjang_jabatan = k.jenjang_jabatan,
                pangkat_golongan = k.pangkat_golongan, sekolah_id = k.sekolah_id,
                peran = k.peran, diubah = now()
            FROM impor_kerja k WHERE k.pegawai_id = p.id AND k.berubah
            RETURNING p.*
        )
        """
        + _AUDIT.format(
            objek="pegawai",
            id="u.id",
            sebelum=_JSON_PEGAWAI.format("l"),
            sesudah=_JSON_PEGAWAI.format("u"),
        )
        + "FROM ubah u JOIN lama l ON l.id = u.id",
        param,
    )
    db.execute_sql(
        """
        WITH baru AS (
            INSERT INTO pegawai (id, nama, nip, nuptk, email, telepon, status_kepegawaian,
                                 jenjang_jabatan, pangkat_golongan, sekolah_id, peran)
            SELECT pegawai_id, nama, nip, nuptk, email, telepon, status_kepegawaian,
                   jenjang_jabatan, pangkat_golongan, sekolah_id, peran
            FROM impor_kerja WHERE baru ORDER BY nomor
            RETURNING *
        )
        """
        + _AUDIT.format(
            objek="pegawai", id="b.id", sebelum="NULL", sesudah=_JSON_PEGAWAI.format("b")
        )
        + "FROM baru b",
        param,
    )
    # A move closes the open placement today and opens the next one; a placement that only
    # began today is corrected in place (a placement cannot end on the day it starts).
    db.execute_sql(
        """
        WITH pindah AS (
            SELECT pegawai_id, sekolah_id FROM impor_kerja
            WHERE NOT baru AND sekolah_id IS DISTINCT FROM sekolah_lama
        ), lama AS (
            SELECT pn.* FROM penempatan pn JOIN pindah USING (pegawai_id)
            WHERE pn.selesai IS NULL
        ), tutup AS (
            UPDATE penempatan pn SET selesai = %(hari)s FROM pindah
            WHERE pn.pegawai_id = pindah.pegawai_id AND pn.selesai IS NULL
              AND pn.mulai < %(hari)s
            RETURNING pn.*
        ), geser AS (
            UPDATE penempatan pn SET sekolah_id = pindah.sekolah_id FROM pindah
            WHERE pn.pegawai_id = pindah.pegawai_id AND pn.selesai IS NULL
              AND pn.mulai >= %(hari)s
            RETURNING pn.*
        ), semua AS (SELECT * FROM tutup UNION ALL SELECT * FROM geser)
        """
        + _AUDIT.format(
            objek="penempatan",
            id="x.id",
            sebelum=_JSON_PENEMPATAN.format("l"),
            sesudah=_JSON_PENEMPATAN.format("x"),
        )
        + "FROM semua x JOIN lama l ON l.id = x.id",
        param,
    )
    db.execute_sql(
        """
        WITH buka AS (
            INSERT INTO penempatan (pegawai_id, sekolah_id, mulai)
            SELECT k.pegawai_id, k.sekolah_id, %(hari)s FROM impor_kerja k
            WHERE (k.baru OR k.sekolah_id IS DISTINCT FROM k.sekolah_lama)
              AND NOT EXISTS (SELECT 1 FROM penempatan pn
                              WHERE pn.pegawai_id = k.pegawai_id AND pn.selesai IS NULL)
            ORDER BY k.nomor
            RETURNING *
        )
        """
        + _AUDIT.format(
            objek="penempatan", id="b.id", sebelum="NULL", sesudah=_JSON_PENEMPATAN.format("b")
        )
        + "FROM buka b",
        param,
    )


class _Bentrok(Exception):
    def __init__(self, kesalahan: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(kesalahan)} bentrok")
        self.kesalahan = kesalahan


def mulai_terapkan(impor: Impor) -> bool:
    """Mark a checked import as being applied; False when it is not (or no longer) ready."""
    return bool(
        Impor.update(status="menerapkan", diperbarui=now(), pesan="")
        .where(Impor.id == impor.id, Impor.status == "siap")
        .execute()
    )


def terapkan_impor(schema: str, impor_id: int, pelaku_id: int, pelaku: str) -> None:
    """Background job: apply every staged row in one transaction, or nothing."""
    try:
        with tenant_transaction(schema):
            _kunci_impor(impor_id, "menerapkan")
            jenis, kunci, lama = (
                Impor.select(Impor.jenis, Impor.kunci_berkas, Impor.ringkasan)
                .where(Impor.id == impor_id)
                .tuples()
                .get()
            )
            ringkasan = _siapkan(jenis, impor_id)
            if jenis == "pegawai" and (kesalahan := _bentrok_pegawai(lama.get("judul", {}))):
                raise _Bentrok(kesalahan)
            param = {"pelaku_id": pelaku_id, "pelaku": pelaku, "hari": hari_ini()}
            (_terapkan_sekolah if jenis == "sekolah" else _terapkan_pegawai)(param)
            ImporBaris.delete().where(ImporBaris.impor == impor_id).execute()
            Impor.update(
                status="diterapkan",
                diterapkan=now(),
                diperbarui=now(),
                ringkasan={**lama, **ringkasan},
                kunci_berkas=None,
            ).where(Impor.id == impor_id).execute()
        if kunci:
            _storage().delete(kunci)
    except _Berhenti:
        return
    except _Bentrok as bentrok:
        _tolak_saat_menerapkan(schema, impor_id, bentrok.kesalahan)
    except Exception as error:
        log.exception("penerapan impor %s di %s gagal", impor_id, schema)
        _gagal(schema, impor_id, "menerapkan", _alasan(error))


def _alasan(error: Exception) -> str:
    nama = type(error).__name__
    if nama == "IntegrityError":
        return (
            "Tidak ada yang diterapkan: data bentrok dengan perubahan lain yang tersimpan "
            "bersamaan. Unggah ulang berkasnya untuk memeriksa lagi."
        )
    return (
        "Tidak ada yang diterapkan karena kesalahan di sistem. Unggah ulang berkasnya, "
        "atau hubungi operator bila terulang."
    )


def _tolak_saat_menerapkan(schema: str, impor_id: int, kesalahan: list[dict[str, Any]]) -> None:
    with tenant_transaction(schema):
        kunci = Impor.select(Impor.kunci_berkas).where(Impor.id == impor_id).scalar()
        ImporBaris.delete().where(ImporBaris.impor == impor_id).execute()
        Impor.update(
            status="ditolak",
            kesalahan=kesalahan[:MAKS_KESALAHAN],
            diperbarui=now(),
            kunci_berkas=None,
            ringkasan={
                "kesalahan": len(kesalahan),
                "baris_salah": len({k["baris"] for k in kesalahan}),
            },
            pesan="Data di sistem berubah sejak berkas diperiksa, sehingga tidak ada yang "
            "diterapkan. Perbaiki baris berikut, lalu unggah ulang berkasnya.",
        ).where(Impor.id == impor_id, Impor.status == "menerapkan").execute()
    if kunci:
        _storage().delete(kunci)


# --- For the pages ---------------------------------------------------------------------------

_TANPA_KESALAHAN = [f for f in Impor._meta.sorted_fields if f.name != "kesalahan"]


def muat(impor_id: int) -> Impor | None:
    """An import without its (possibly long) error list; a job that stopped reporting is
    shown as failed. A job still holding its row lock (a long apply) is never touched."""
    dihentikan = db.execute_sql(
        """
        UPDATE impor SET status = 'gagal', pesan = %s, diperbarui = now()
        WHERE id = (SELECT id FROM impor WHERE id = %s AND status = ANY (%s)
                    AND diperbarui < now() - %s FOR UPDATE SKIP LOCKED)
        RETURNING kunci_berkas
        """,
        (MACET_PESAN, impor_id, list(STATUS_BERJALAN), MACET),
    ).fetchone()
    if dihentikan is not None:
        ImporBaris.delete().where(ImporBaris.impor == impor_id).execute()
        Impor.update(kunci_berkas=None).where(Impor.id == impor_id).execute()
        if dihentikan[0]:
            _storage().delete(dihentikan[0])
    return (
        Impor.select(
            *_TANPA_KESALAHAN, fn.jsonb_array_length(Impor.kesalahan).alias("jumlah_kesalahan")
        )
        .where(Impor.id == impor_id)
        .first()
    )


def terakhir(jenis: str, jumlah: int = 10) -> list[Impor]:
    return list(
        Impor.select(*_TANPA_KESALAHAN)
        .where(Impor.jenis == jenis)
        .order_by(Impor.dibuat.desc(), Impor.id.desc())
        .limit(jumlah)
    )


def halaman_kesalahan(impor: Impor, nomor: int) -> Halaman:
    nomor = max(nomor, 1)
    total = getattr(impor, "jumlah_kesalahan", 0) or 0
    baris = db.execute_sql(
        "SELECT e FROM impor, jsonb_array_elements(kesalahan) WITH ORDINALITY AS x(e, n)"
        " WHERE impor.id = %s ORDER BY n OFFSET %s LIMIT %s",
        (impor.id, (nomor - 1) * PER_HALAMAN_KESALAHAN, PER_HALAMAN_KESALAHAN),
    )
    return Halaman([b[0] for b in baris], total, nomor, PER_HALAMAN_KESALAHAN)


def kesalahan_csv(impor: Impor) -> bytes:
    keluaran = io.StringIO(newline="")
    tulis = csv.writer(keluaran, lineterminator="\r\n")
    tulis.writerow(["Baris", "Kolom", "Pesan"])
    for (e,) in db.execute_sql(
        "SELECT e FROM impor, jsonb_array_elements(kesalahan) WITH ORDINALITY AS x(e, n)"
        " WHERE impor.id = %s ORDER BY n",
        (impor.id,),
    ):
        tulis.writerow([e.get("baris"), e.get("kolom"), e.get("pesan")])
    return keluaran.getvalue().encode("utf-8-sig")


def batalkan(impor: Impor) -> bool:
    """Drop a checked import that was not applied: its staged rows and its stored file."""
    diubah = (
        Impor.update(status="dibatalkan", diperbarui=now(), kunci_berkas=None)
        .where(Impor.id == impor.id, Impor.status == "siap")
        .execute()
    )
    if not diubah:
        return False
    ImporBaris.delete().where(ImporBaris.impor == impor.id).execute()
    if impor.kunci_berkas:
        _storage().delete(impor.kunci_berkas)
    return True
