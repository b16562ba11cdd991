"""The SKP rules as tables: points, the status matrix, the July adjustment, what is missing."""

from __future__ import annotations

from datetime import date

import pytest

from web.domain.kalender import Jendela, StatusJendela
from web.domain.skp import (
    ASPEK_BERAKHLAK,
    PESAN_BEKU,
    Aksi,
    Pelaku,
    RencanaKegiatan,
    RencanaSkp,
    StatusSkp,
    TotalPoin,
    TransisiDitolak,
    boleh_penyesuaian,
    kekurangan,
    kekurangan_per_bagian,
    kode_jendela,
    perbedaan,
    periksa_rentang,
    peringatan_jendela,
    total_poin,
    transisi,
    versi_baru,
)

D = date
DRAF, DIAJUKAN, REVISI, SEPAKAT = (
    StatusSkp.DRAF, StatusSkp.DIAJUKAN, StatusSkp.PERLU_REVISI, StatusSkp.DISEPAKATI,
)  # fmt: skip
AJUKAN, TARIK, MINTA_REVISI, SEPAKATI = Aksi.AJUKAN, Aksi.TARIK, Aksi.MINTA_REVISI, Aksi.SEPAKATI
PEGAWAI, PENILAI = Pelaku.PEGAWAI, Pelaku.PENILAI

BUKAN_PENILAI = "Hanya penilai yang dapat menyepakati SKP atau meminta revisi."
BUKAN_PEGAWAI = "Hanya pegawai pemilik SKP yang dapat mengajukan atau menariknya."
BELUM_DIAJUKAN = "SKP ini belum diajukan oleh pegawai."
SEDANG_REVISI = "SKP ini sedang direvisi oleh pegawai."
DIKEMBALIKAN = "SKP ini sudah dikembalikan untuk direvisi; perbaiki lalu ajukan lagi."


def k(huruf: str, poin: int | None, jumlah: int = 1) -> RencanaKegiatan:
    return RencanaKegiatan(huruf, poin, jumlah)


# --- points -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rencana", "hasil"),
    [
        ([], TotalPoin(0, [])),
        ([k("j", 8, 4)], TotalPoin(32, [])),
        ([k("q", 128)], TotalPoin(128, [])),
        ([k("j", 8, 2), k("k", 12, 1), k("p", 4, 3)], TotalPoin(40, [])),
        ([k("j", 8, 2), k("b", None), k("p", 4)], TotalPoin(20, ["b"])),
        ([k("b", None), k("d", None, 3), k("b", None, 2)], TotalPoin(0, ["b", "d"])),
        ([k("m", None), k("o", 8, 4), k("r", None)], TotalPoin(32, ["m", "r"])),
    ],
)
def test_total_poin(rencana: list[RencanaKegiatan], hasil: TotalPoin) -> None:
    assert total_poin(rencana) == hasil


@pytest.mark.parametrize(("jumlah", "poin"), [(0, 8), (-1, 8), (1, -4)])
def test_kegiatan_mustahil_ditolak(jumlah: int, poin: int) -> None:
    with pytest.raises(ValueError):
        RencanaKegiatan("j", poin, jumlah)


@pytest.mark.parametrize(
    ("total", "disetujui", "pesan"),
    [
        (0, False, "Jumlah poin pengembangan kompetensi 0, kurang dari minimal 32."),
        (31, False, "Jumlah poin pengembangan kompetensi 31, kurang dari minimal 32."),
        (32, False, None),
        (80, False, None),
        (128, False, None),
        (129, False, "Jumlah poin pengembangan kompetensi 129, melebihi maksimal 128."),
        (0, True, None),
        (31, True, None),
        (32, True, None),
        (128, True, None),
        (129, True, None),
    ],
)
def test_periksa_rentang(total: int, disetujui: bool, pesan: str | None) -> None:
    hasil = periksa_rentang(total, disetujui_penilai=disetujui)
    if pesan is None:
        assert hasil is None
    else:
        assert hasil is not None
        assert hasil.startswith(pesan)
        assert "persetujuan penilai" in hasil
        assert "32–128" in hasil


@pytest.mark.parametrize(
    ("total", "minimal", "maksimal", "ada_pesan"),
    [(15, 16, 64, True), (16, 16, 64, False), (64, 16, 64, False), (65, 16, 64, True)],
)
def test_rentang_dari_rezim(total: int, minimal: int, maksimal: int, ada_pesan: bool) -> None:
    assert (periksa_rentang(total, minimal, maksimal) is not None) is ada_pesan


def test_rentang_terbalik_adalah_kesalahan_konfigurasi() -> None:
    with pytest.raises(ValueError):
        periksa_rentang(50, minimal=128, maksimal=32)


# --- the status matrix: 4 statuses x 4 actions x 2 pelaku ---------------------------------

MATRIKS = [
    # status, aksi, pelaku, next status or the refusal message
    (DRAF, AJUKAN, PEGAWAI, DIAJUKAN),
    (DRAF, TARIK, PEGAWAI, "SKP ini belum diajukan, jadi tidak ada yang perlu ditarik."),
    (DRAF, MINTA_REVISI, PEGAWAI, BUKAN_PENILAI),
    (DRAF, SEPAKATI, PEGAWAI, BUKAN_PENILAI),
    (DRAF, AJUKAN, PENILAI, BUKAN_PEGAWAI),
    (DRAF, TARIK, PENILAI, BUKAN_PEGAWAI),
    (DRAF, MINTA_REVISI, PENILAI, BELUM_DIAJUKAN),
    (DRAF, SEPAKATI, PENILAI, BELUM_DIAJUKAN),
    (DIAJUKAN, AJUKAN, PEGAWAI, "SKP ini sudah diajukan dan sedang menunggu penilai."),
    (DIAJUKAN, TARIK, PEGAWAI, DRAF),
    (DIAJUKAN, MINTA_REVISI, PEGAWAI, BUKAN_PENILAI),
    (DIAJUKAN, SEPAKATI, PEGAWAI, BUKAN_PENILAI),
    (DIAJUKAN, AJUKAN, PENILAI, BUKAN_PEGAWAI),
    (DIAJUKAN, TARIK, PENILAI, BUKAN_PEGAWAI),
    (DIAJUKAN, MINTA_REVISI, PENILAI, REVISI),
    (DIAJUKAN, SEPAKATI, PENILAI, SEPAKAT),
    (REVISI, AJUKAN, PEGAWAI, DIAJUKAN),
    (REVISI, TARIK, PEGAWAI, DIKEMBALIKAN),
    (REVISI, MINTA_REVISI, PEGAWAI, BUKAN_PENILAI),
    (REVISI, SEPAKATI, PEGAWAI, BUKAN_PENILAI),
    (REVISI, AJUKAN, PENILAI, BUKAN_PEGAWAI),
    (REVISI, TARIK, PENILAI, BUKAN_PEGAWAI),
    (REVISI, MINTA_REVISI, PENILAI, SEDANG_REVISI),
    (REVISI, SEPAKATI, PENILAI, SEDANG_REVISI),
    (SEPAKAT, AJUKAN, PEGAWAI, PESAN_BEKU),
    (SEPAKAT, TARIK, PEGAWAI, PESAN_BEKU),
    (SEPAKAT, MINTA_REVISI, PEGAWAI, PESAN_BEKU),
    (SEPAKAT, SEPAKATI, PEGAWAI, PESAN_BEKU),
    (SEPAKAT, AJUKAN, PENILAI, PESAN_BEKU),
    (SEPAKAT, TARIK, PENILAI, PESAN_BEKU),
    (SEPAKAT, MINTA_REVISI, PENILAI, PESAN_BEKU),
    (SEPAKAT, SEPAKATI, PENILAI, PESAN_BEKU),
]


def test_matriks_lengkap() -> None:
    kombinasi = {(s, a, p) for s, a, p, _ in MATRIKS}
    assert len(MATRIKS) == len(kombinasi) == len(StatusSkp) * len(Aksi) * len(Pelaku) == 32


@pytest.mark.parametrize(("status", "aksi", "pelaku", "hasil"), MATRIKS)
@pytest.mark.parametrize("jendela_terbuka", [None, True, False])
def test_transisi(
    status: StatusSkp,
    aksi: Aksi,
    pelaku: Pelaku,
    hasil: StatusSkp | str,
    jendela_terbuka: bool | None,
) -> None:
    # A closed window never changes the answer: the system warns, it does not block.
    catatan = "Indikator belum sesuai rapor pendidikan."
    if isinstance(hasil, StatusSkp):
        diperoleh = transisi(status, aksi, pelaku, catatan=catatan, jendela_terbuka=jendela_terbuka)
        assert diperoleh == hasil
    else:
        with pytest.raises(TransisiDitolak) as info:
            transisi(status, aksi, pelaku, catatan=catatan, jendela_terbuka=jendela_terbuka)
        assert info.value.message == hasil
        assert str(info.value) == hasil


def test_pesan_beku() -> None:
    assert PESAN_BEKU == (
        "SKP yang sudah disepakati tidak dapat diubah; penyesuaian dibuat sebagai versi baru "
        "pada bulan Juli."
    )


@pytest.mark.parametrize("catatan", [None, "", "   ", "\n\t"])
def test_minta_revisi_tanpa_catatan_ditolak(catatan: str | None) -> None:
    with pytest.raises(TransisiDitolak, match="Tuliskan catatan"):
        transisi(DIAJUKAN, MINTA_REVISI, PENILAI, catatan=catatan)


def test_catatan_tidak_wajib_untuk_aksi_lain() -> None:
    assert transisi(DRAF, AJUKAN, PEGAWAI) == DIAJUKAN
    assert transisi(DIAJUKAN, SEPAKATI, PENILAI) == SEPAKAT
    assert transisi(DIAJUKAN, TARIK, PEGAWAI) == DRAF


def test_transisi_ditolak_adalah_valueerror() -> None:
    assert issubclass(TransisiDitolak, ValueError)


@pytest.mark.parametrize(
    ("status", "ada", "kata"),
    [
        (StatusJendela.TERBUKA, False, None),
        (StatusJendela.TERLAMBAT, True, "tercatat terlambat"),
        (StatusJendela.BELUM_DIBUKA, True, "belum dibuka"),
    ],
)
def test_peringatan_jendela(status: StatusJendela, ada: bool, kata: str | None) -> None:
    pesan = peringatan_jendela(status)
    assert (pesan is not None) is ada
    if kata is not None:
        assert pesan is not None and kata in pesan


# --- July adjustment ----------------------------------------------------------------------

JULI = Jendela("penyesuaian_skp", D(2024, 7, 1), D(2024, 7, 31))
JULI_DIPERPANJANG = Jendela("penyesuaian_skp", D(2024, 7, 1), D(2024, 7, 31), D(2024, 8, 15))


@pytest.mark.parametrize(
    ("status", "jendela", "hari_ini", "boleh"),
    [
        (SEPAKAT, JULI, D(2024, 6, 30), False),  # window not open yet
        (SEPAKAT, JULI, D(2024, 7, 1), True),
        (SEPAKAT, JULI, D(2024, 7, 31), True),
        (SEPAKAT, JULI, D(2024, 8, 1), True),  # late: allowed, recorded as late
        (SEPAKAT, JULI_DIPERPANJANG, D(2024, 8, 10), True),
        (DRAF, JULI, D(2024, 7, 10), False),  # an adjustment is already being drafted
        (DIAJUKAN, JULI, D(2024, 7, 10), False),
        (REVISI, JULI, D(2024, 7, 10), False),
        (DRAF, JULI, D(2024, 8, 10), False),
    ],
)
def test_boleh_penyesuaian(
    status: StatusSkp, jendela: Jendela, hari_ini: date, boleh: bool
) -> None:
    assert boleh_penyesuaian(status, jendela, hari_ini) is boleh


@pytest.mark.parametrize(("terakhir", "baru"), [(1, 2), (2, 3), (9, 10)])
def test_versi_baru(terakhir: int, baru: int) -> None:
    assert versi_baru(terakhir) == baru


@pytest.mark.parametrize("terakhir", [0, -1])
def test_versi_baru_dari_nomor_mustahil(terakhir: int) -> None:
    with pytest.raises(ValueError):
        versi_baru(terakhir)


# --- what is missing before AJUKAN --------------------------------------------------------

FOKUS_LENGKAP = {aspek: f"Fokus {aspek.lower()}" for aspek in ASPEK_BERAKHLAK}
LENGKAP = RencanaSkp(
    indikator_kode="D1.1",
    kegiatan=(k("j", 8, 2), k("p", 4, 4)),
    fokus_perilaku=FOKUS_LENGKAP,
    tugas_tambahan="",
    poin_disetujui_penilai=False,
)
PESAN_INDIKATOR = "Pilih indikator praktik pembelajaran yang akan ditingkatkan."
PESAN_KEGIATAN = "Tambahkan minimal satu kegiatan pengembangan kompetensi."


def ubah(**kwargs: object) -> RencanaSkp:
    nilai = {
        "indikator_kode": LENGKAP.indikator_kode,
        "kegiatan": LENGKAP.kegiatan,
        "fokus_perilaku": LENGKAP.fokus_perilaku,
        "tugas_tambahan": LENGKAP.tugas_tambahan,
        "poin_disetujui_penilai": LENGKAP.poin_disetujui_penilai,
    }
    nilai.update(kwargs)
    return RencanaSkp(**nilai)  # type: ignore[arg-type]


def test_aspek_berakhlak_urut_pasal_20() -> None:
    assert ASPEK_BERAKHLAK == (
        "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis",
        "Loyal", "Adaptif", "Kolaboratif",
    )  # fmt: skip


def test_rencana_lengkap_tidak_kurang_apa_pun() -> None:
    assert kekurangan(LENGKAP) == []
    assert kekurangan(ubah(tugas_tambahan="Wali kelas VII-B")) == []


@pytest.mark.parametrize(
    ("rencana", "pesan"),
    [
        (ubah(indikator_kode=None), [PESAN_INDIKATOR]),
        (ubah(indikator_kode="  "), [PESAN_INDIKATOR]),
        (ubah(kegiatan=()), [PESAN_KEGIATAN]),
        (
            ubah(kegiatan=(k("j", 8, 3), k("p", 4, 1))),
            [
                "Jumlah poin pengembangan kompetensi 28, kurang dari minimal 32. Tambahkan "
                "kegiatan, atau minta persetujuan penilai untuk jumlah di luar rentang 32–128."
            ],
        ),
        (ubah(kegiatan=(k("j", 8, 3), k("p", 4, 1)), poin_disetujui_penilai=True), []),
        (
            ubah(kegiatan=(k("q", 128), k("j", 8))),
            [
                "Jumlah poin pengembangan kompetensi 136, melebihi maksimal 128. Kurangi "
                "kegiatan, atau minta persetujuan penilai untuk jumlah di luar rentang 32–128."
            ],
        ),
        (ubah(kegiatan=(k("q", 128), k("j", 8)), poin_disetujui_penilai=True), []),
        (
            ubah(kegiatan=(k("j", 8, 2), k("b", None), k("d", None))),
            [
                "Jumlah poin pengembangan kompetensi 16, kurang dari minimal 32. Tambahkan "
                "kegiatan, atau minta persetujuan penilai untuk jumlah di luar rentang 32–128. "
                "Kegiatan huruf b, d belum memiliki nilai poin dan dihitung 0."
            ],
        ),
        # Known points already reach the minimum: the unknown ones cannot make it short.
        (ubah(kegiatan=(k("j", 8, 4), k("b", None))), []),
        (
            ubah(fokus_perilaku={a: f for a, f in FOKUS_LENGKAP.items() if a != "Loyal"}),
            ["Isi fokus perilaku untuk 1 dari 7 aspek BerAKHLAK: Loyal."],
        ),
        (
            ubah(fokus_perilaku={**FOKUS_LENGKAP, "Akuntabel": " ", "Kolaboratif": ""}),
            ["Isi fokus perilaku untuk 2 dari 7 aspek BerAKHLAK: Akuntabel, Kolaboratif."],
        ),
        (
            # A key that is not a BerAKHLAK aspect does not stand in for a missing one.
            ubah(fokus_perilaku={**FOKUS_LENGKAP, "Adaptif": "", "Lain-lain": "Rajin"}),
            ["Isi fokus perilaku untuk 1 dari 7 aspek BerAKHLAK: Adaptif."],
        ),
        (
            RencanaSkp(None, (), {}),
            [
                PESAN_INDIKATOR,
                PESAN_KEGIATAN,
                "Isi fokus perilaku untuk 7 dari 7 aspek BerAKHLAK: Berorientasi Pelayanan, "
                "Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif.",
            ],
        ),
    ],
)
def test_kekurangan(rencana: RencanaSkp, pesan: list[str]) -> None:
    assert kekurangan(rencana) == pesan


def test_kekurangan_memakai_rentang_rezim() -> None:
    rencana = ubah(kegiatan=(k("j", 8, 2),))
    assert kekurangan(rencana, minimal=16, maksimal=64) == []
    assert len(kekurangan(rencana)) == 1


def test_kekurangan_untuk_pengajuan_tidak_menahan_poin_di_luar_rentang() -> None:
    """Pasal 14(4): the pegawai may submit an out-of-range total; the penilai must agree it."""
    rendah = ubah(kegiatan=(k("j", 8, 1),))
    tinggi = ubah(kegiatan=(k("q", 128, 1), k("k", 12, 1)))
    for rencana in (rendah, tinggi):
        assert kekurangan(rencana, rentang_wajib=False) == []
        assert len(kekurangan(rencana)) == 1
    # Other gaps still hold the submission back.
    assert kekurangan(ubah(kegiatan=()), rentang_wajib=False) == [PESAN_KEGIATAN]


def test_kekurangan_per_bagian_names_the_part_to_fix() -> None:
    kosong = RencanaSkp(indikator_kode=None, kegiatan=(), fokus_perilaku={})
    assert [k.bagian for k in kekurangan_per_bagian(kosong)] == [
        "indikator",
        "kegiatan",
        "perilaku",
    ]
    rendah = kekurangan_per_bagian(ubah(kegiatan=(k("j", 8, 1),)))
    assert [k.bagian for k in rendah] == ["kegiatan"] and "32" in rendah[0].pesan


# --- what changed between two snapshots ---------------------------------------------------

BASIS = {
    "indikator_kode": "G1",
    "kegiatan": {"j": 2, "o": 2},
    "tugas_tambahan": "",
    "perilaku": {"Loyal": {"indikator": "Setia", "fokus": "Menjaga nama baik"}},
    "ekspektasi_khusus": "",
    "poin_disetujui_penilai": False,
}


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({}, []),
        (
            {"indikator_kode": "G3"},
            ["Indikator praktik: G1 Keteraturan → G3."],
        ),
        ({"indikator_kode": None}, ["Indikator praktik: G1 Keteraturan → (belum dipilih)."]),
        (
            {"kegiatan": {"j": 3, "q": 1}},
            [
                "Kegiatan huruf j: 2 → 3 kali.",
                "Kegiatan huruf o dihapus (sebelumnya 2 kali).",
                "Kegiatan huruf q ditambahkan (1 kali).",
            ],
        ),
        ({"tugas_tambahan": "Wali kelas"}, ["Tugas tambahan: (kosong) → “Wali kelas”."]),
        ({"tugas_tambahan": "  "}, []),  # blank is the same as empty
        (
            {"perilaku": {"Loyal": {"indikator": "Setia", "fokus": "Bangga"}}},
            ["Loyal, fokus perilaku: “Menjaga nama baik” → “Bangga”."],
        ),
        (
            {"perilaku": {}},
            [
                "Loyal, indikator: “Setia” → (kosong).",
                "Loyal, fokus perilaku: “Menjaga nama baik” → (kosong).",
            ],
        ),
        ({"ekspektasi_khusus": "Tepat waktu"}, ["Ekspektasi khusus: (kosong) → “Tepat waktu”."]),
        (
            {"poin_disetujui_penilai": True},
            ["Penilai menyetujui jumlah poin di luar rentang."],
        ),
    ],
)
def test_perbedaan(ubah, pesan):
    assert perbedaan(BASIS, {**BASIS, **ubah}, {"G1": "Keteraturan"}) == pesan


def test_perbedaan_reads_missing_keys_as_empty():
    assert perbedaan({}, {}) == []
    assert perbedaan({}, {"kegiatan": {"j": 1}}) == ["Kegiatan huruf j ditambahkan (1 kali)."]


@pytest.mark.parametrize(
    ("versi", "kode"), [(1, "skp_penyusunan"), (2, "skp_penyesuaian"), (3, "skp_penyesuaian")]
)
def test_kode_jendela(versi, kode):
    assert kode_jendela(versi) == kode
