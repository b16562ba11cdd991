"""NIP, NUPTK, NPSN and e-mail checks, as tables: what the user types, what they read back."""

from __future__ import annotations

from datetime import date

import pytest

from web.domain.identitas import (
    IdentitasError,
    NipInfo,
    normalkan_nip,
    periksa_email,
    periksa_nip,
    periksa_npsn,
    periksa_nuptk,
)

HARI_INI = date(2025, 6, 15)

TANGGAL_LAHIR_TIDAK_ADA = "NIP: tanggal lahir (angka ke-1 s.d. 8) bukan tanggal yang ada."
LAHIR_TERLALU_AWAL = "NIP: tanggal lahir (angka ke-1 s.d. 8) tidak masuk akal: sebelum tahun 1940."
LAHIR_TERLALU_MUDA = (
    "NIP: tanggal lahir (angka ke-1 s.d. 8) tidak masuk akal: pemiliknya belum berumur 18 tahun."
)
BULAN_TIDAK_ADA = "NIP: TMT (angka ke-9 s.d. 14) bukan bulan yang ada."
TMT_TERLALU_MUDA = (
    "NIP: TMT (angka ke-9 s.d. 14) sebelum umur 18 tahun menurut tanggal lahir di NIP yang sama."
)
TMT_MASA_DEPAN = "NIP: TMT (angka ke-9 s.d. 14) di masa depan."
KELAMIN = "NIP: jenis kelamin (angka ke-15) harus 1 (laki-laki) atau 2 (perempuan)."
URUTAN = "NIP: nomor urut (angka ke-16 s.d. 18) tidak boleh 000."


@pytest.mark.parametrize(
    ("nip", "info"),
    [
        # A PNS NIP: born 12 March 1985, TMT CPNS January 2010, perempuan, first of that group.
        ("198503122010012001", NipInfo(date(1985, 3, 12), date(2010, 1, 1), "P", 1, False)),
        ("19850312 201001 2 001", NipInfo(date(1985, 3, 12), date(2010, 1, 1), "P", 1, False)),
        ("  19850312.201001.2.001 ", NipInfo(date(1985, 3, 12), date(2010, 1, 1), "P", 1, False)),
        ("197001011995121123", NipInfo(date(1970, 1, 1), date(1995, 12, 1), "L", 123, False)),
        # PPPK shape (unconfirmed): appointment year, then "21" in place of a month.
        ("198703152023212001", NipInfo(date(1987, 3, 15), date(2023, 1, 1), "P", 1, True)),
        ("19900101 202221 1 015", NipInfo(date(1990, 1, 1), date(2022, 1, 1), "L", 15, True)),
        # Edges that are still right.
        ("194001011960011001", NipInfo(date(1940, 1, 1), date(1960, 1, 1), "L", 1, False)),
        ("200706152025061001", NipInfo(date(2007, 6, 15), date(2025, 6, 1), "L", 1, False)),
        # Born 29 February: turns 18 on 1 March in a common year.
        ("200002292018031999", NipInfo(date(2000, 2, 29), date(2018, 3, 1), "L", 999, False)),
        ("200012312018211001", NipInfo(date(2000, 12, 31), date(2018, 1, 1), "L", 1, True)),
        ("199001012025211001", NipInfo(date(1990, 1, 1), date(2025, 1, 1), "L", 1, True)),
    ],
)
def test_nip_benar(nip, info):
    assert periksa_nip(nip, hari_ini=HARI_INI) == info


@pytest.mark.parametrize(
    ("nip", "pesan"),
    [
        ("", "NIP harus 18 angka."),
        ("19850312201001200", "NIP harus 18 angka."),  # 17 digits
        ("1985031220100120011", "NIP harus 18 angka."),  # 19 digits
        ("19850312201001200I", "NIP harus 18 angka."),  # a letter I for a one
        ("19850312-201001-2-001", "NIP harus 18 angka."),  # dashes are not removed
        ("１９８５０３１２２０１００１２００１", "NIP harus 18 angka."),  # full-width digits
        ("198502302010012001", TANGGAL_LAHIR_TIDAK_ADA),  # 30 February
        ("198513122010012001", TANGGAL_LAHIR_TIDAK_ADA),  # month 13
        ("198503002010012001", TANGGAL_LAHIR_TIDAK_ADA),  # day 0
        ("000003122010012001", TANGGAL_LAHIR_TIDAK_ADA),  # year 0
        ("193912312010012001", LAHIR_TERLALU_AWAL),
        ("200706162025061001", LAHIR_TERLALU_MUDA),  # turns 18 the day after hari_ini
        ("201001012025061001", LAHIR_TERLALU_MUDA),
        ("198503122010002001", BULAN_TIDAK_ADA),  # month 00
        ("198503122010132001", BULAN_TIDAK_ADA),
        ("198503122010992001", BULAN_TIDAK_ADA),
        ("198503122003022001", TMT_TERLALU_MUDA),  # turned 18 in March 2003
        ("198503120000012001", TMT_TERLALU_MUDA),  # year 0
        ("200002292018021001", TMT_TERLALU_MUDA),  # 18 only on 1 March 2018
        ("198503122002212001", TMT_TERLALU_MUDA),  # PPPK, the year before turning 18
        ("198503122025072001", TMT_MASA_DEPAN),  # the month after hari_ini
        ("198503122026212001", TMT_MASA_DEPAN),  # PPPK, next year
        ("198503122010010001", KELAMIN),
        ("198503122010013001", KELAMIN),
        ("198503122010019001", KELAMIN),
        ("198503122010012000", URUTAN),
        ("19850312 201001 2 000", URUTAN),
        ("198503122023211000", URUTAN),  # PPPK
    ],
)
def test_nip_salah(nip, pesan):
    with pytest.raises(IdentitasError) as info:
        periksa_nip(nip, hari_ini=HARI_INI)
    assert info.value.message == pesan
    assert str(info.value) == pesan
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("raw", "nip"),
    [
        ("198503122010012001", "198503122010012001"),
        ("19850312 201001 2 001", "198503122010012001"),
        ("19850312.201001.2.001", "198503122010012001"),
        (" 19850312\t201001  2 001\n", "198503122010012001"),
        ("1985 03A", "198503A"),  # letters are kept, so periksa_nip refuses them
    ],
)
def test_normalkan_nip(raw, nip):
    assert normalkan_nip(raw) == nip


@pytest.mark.parametrize(
    ("raw", "hasil", "pesan"),
    [
        ("1234567890123456", "1234567890123456", None),
        ("1234 5678 9012 3456", "1234567890123456", None),
        (" 0000000000000001 ", "0000000000000001", None),
        ("123456789012345", None, "NUPTK harus 16 angka."),
        ("12345678901234567", None, "NUPTK harus 16 angka."),
        ("123456789012345O", None, "NUPTK harus 16 angka."),
        ("1234.5678.9012.3456", None, "NUPTK harus 16 angka."),
        ("", None, "NUPTK harus 16 angka."),
        ("0000000000000000", None, "NUPTK tidak boleh berisi angka 0 semua."),
        ("0000 0000 0000 0000", None, "NUPTK tidak boleh berisi angka 0 semua."),
    ],
)
def test_nuptk(raw, hasil, pesan):
    if pesan is None:
        assert periksa_nuptk(raw) == hasil
    else:
        with pytest.raises(IdentitasError) as info:
            periksa_nuptk(raw)
        assert info.value.message == pesan


@pytest.mark.parametrize(
    ("raw", "hasil", "pesan"),
    [
        ("20100123", "20100123", None),
        (" 69876543 ", "69876543", None),
        ("2010012", None, "NPSN harus 8 angka."),
        ("201001234", None, "NPSN harus 8 angka."),
        ("2010 0123", None, "NPSN harus 8 angka."),
        ("P2010012", None, "NPSN harus 8 angka."),
        ("", None, "NPSN harus 8 angka."),
    ],
)
def test_npsn(raw, hasil, pesan):
    if pesan is None:
        assert periksa_npsn(raw) == hasil
    else:
        with pytest.raises(IdentitasError) as info:
            periksa_npsn(raw)
        assert info.value.message == pesan


@pytest.mark.parametrize(
    ("raw", "hasil"),
    [
        ("guru@sekolah.sch.id", "guru@sekolah.sch.id"),
        ("  Siti.Aminah@Gmail.COM ", "siti.aminah@gmail.com"),
        ("kepala+skp@dinas.go.id", "kepala+skp@dinas.go.id"),
    ],
)
def test_email_benar(raw, hasil):
    assert periksa_email(raw) == hasil


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "guru",
        "guru@sekolah",  # no dot in the domain
        "@sekolah.sch.id",  # nothing before @
        "guru@@sekolah.sch.id",
        "guru@sekolah@sch.id",
        "guru @sekolah.sch.id",
        "guru@sekolah..sch.id",
        "guru@.sekolah.sch.id",
        "guru@sekolah.sch.id.",
    ],
)
def test_email_salah(raw):
    with pytest.raises(IdentitasError) as info:
        periksa_email(raw)
    assert info.value.message == "Alamat e-mail tidak valid."
