"""The SKP plan: its competency points, what must be filled before it is submitted, its statuses.

Used by the services "ajukan SKP", "tarik SKP", "minta revisi SKP", "sepakati SKP" and
"sesuaikan SKP" and by the pegawai's task list. Perdirjen 7607:

- Pasal 10-11: the pegawai drafts the plan in a performance dialogue with the penilai, from
  1 to 31 January; it may be adjusted from 1 to 31 July.
- Pasal 13: at least one practice indicator to improve.
- Pasal 14(2)-(3): competency activities carry points; a semester's plan adds up to 32-128.
  DOMAIN.md §4: outside that range only with the penilai's recorded agreement.
- Pasal 20(1): the seven BerAKHLAK work-behaviour aspects.
- Pasal 21: the penilai sets (agrees) the SKP, by 31 January.

Flow (DOMAIN.md §4): draf -> diajukan -> perlu_revisi (with the penilai's note) -> disepakati.
An agreed SKP is frozen; the July adjustment is a new version and the old one is kept. Windows
only warn: a late submission or agreement goes through and is recorded as late (§3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from web.domain.kalender import Jendela, StatusJendela, status_jendela

# Perdirjen 7607 Pasal 14(3). Defaults only: the regime record holds the values for its year.
POIN_MINIMAL = 32
POIN_MAKSIMAL = 128

# Perdirjen 7607 Pasal 20(1), in the order of the regulation.
ASPEK_BERAKHLAK = (
    "Berorientasi Pelayanan",
    "Akuntabel",
    "Kompeten",
    "Harmonis",
    "Loyal",
    "Adaptif",
    "Kolaboratif",
)

PESAN_BEKU = (
    "SKP yang sudah disepakati tidak dapat diubah; penyesuaian dibuat sebagai versi baru "
    "pada bulan Juli."
)


# --- points -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RencanaKegiatan:
    """A planned competency activity: catalog letter (Pasal 14 a-r), points each, how many times.

    `poin_satuan` is None while the catalog has no value for the letter ("nilai belum
    ditetapkan", DOMAIN.md §4); such an activity counts 0 and is listed, never guessed.
    """

    huruf: str
    poin_satuan: int | None
    jumlah: int

    def __post_init__(self) -> None:
        if self.jumlah < 1:
            raise ValueError(f"Kegiatan huruf {self.huruf}: jumlah kegiatan minimal 1.")
        if self.poin_satuan is not None and self.poin_satuan < 0:
            raise ValueError(f"Kegiatan huruf {self.huruf}: poin tidak boleh negatif.")


@dataclass(frozen=True)
class TotalPoin:
    """The points known so far, and the letters (once each, in plan order) still without value."""

    total: int
    belum_ditetapkan: list[str] = field(default_factory=list)


def total_poin(rencana: Iterable[RencanaKegiatan]) -> TotalPoin:
    """Add up the planned points; activities without a catalog value add 0 and are listed."""
    total = 0
    belum: list[str] = []
    for kegiatan in rencana:
        if kegiatan.poin_satuan is None:
            if kegiatan.huruf not in belum:
                belum.append(kegiatan.huruf)
        else:
            total += kegiatan.poin_satuan * kegiatan.jumlah
    return TotalPoin(total=total, belum_ditetapkan=belum)


def periksa_rentang(
    total: int,
    minimal: int = POIN_MINIMAL,
    maksimal: int = POIN_MAKSIMAL,
    disetujui_penilai: bool = False,
) -> str | None:
    """A message when `total` is outside minimal-maksimal (both allowed), else None.

    Pasal 14(3); DOMAIN.md §4: a total outside the range is fine once the penilai has recorded
    agreement to it, so then there is nothing to say.
    """
    if minimal > maksimal:
        raise ValueError(
            f"Rentang poin tidak valid: minimal {minimal} melebihi maksimal {maksimal}."
        )
    if disetujui_penilai or minimal <= total <= maksimal:
        return None
    if total < minimal:
        return (
            f"Jumlah poin pengembangan kompetensi {total}, kurang dari minimal {minimal}. "
            "Tambahkan kegiatan, atau minta persetujuan penilai untuk jumlah di luar rentang "
            f"{minimal}–{maksimal}."
        )
    return (
        f"Jumlah poin pengembangan kompetensi {total}, melebihi maksimal {maksimal}. "
        "Kurangi kegiatan, atau minta persetujuan penilai untuk jumlah di luar rentang "
        f"{minimal}–{maksimal}."
    )


# --- statuses -----------------------------------------------------------------------------


class StatusSkp(StrEnum):
    """Where an SKP version stands (DOMAIN.md §4)."""

    DRAF = "draf"
    DIAJUKAN = "diajukan"  # the penilai sees it as "Perlu disetujui"
    PERLU_REVISI = "perlu_revisi"
    DISEPAKATI = "disepakati"


LABEL_STATUS = {
    StatusSkp.DRAF: "Draf",
    StatusSkp.DIAJUKAN: "Menunggu persetujuan",
    StatusSkp.PERLU_REVISI: "Perlu revisi",
    StatusSkp.DISEPAKATI: "Disepakati",
}


class Aksi(StrEnum):
    """What someone does to an SKP."""

    AJUKAN = "ajukan"
    TARIK = "tarik"
    MINTA_REVISI = "minta_revisi"
    SEPAKATI = "sepakati"


class Pelaku(StrEnum):
    """Who acts: the pegawai who owns the SKP, or their penilai."""

    PEGAWAI = "pegawai"
    PENILAI = "penilai"


class TransisiDitolak(ValueError):
    """A status change that is not allowed; `message` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_AKSI_PEGAWAI = frozenset({Aksi.AJUKAN, Aksi.TARIK})
_AKSI_PENILAI = frozenset({Aksi.SEPAKATI, Aksi.MINTA_REVISI})

# (status, aksi) -> next status, for the pelaku the action belongs to.
_BOLEH: dict[tuple[StatusSkp, Aksi], StatusSkp] = {
    (StatusSkp.DRAF, Aksi.AJUKAN): StatusSkp.DIAJUKAN,
    (StatusSkp.PERLU_REVISI, Aksi.AJUKAN): StatusSkp.DIAJUKAN,
    # Withdrawing a wrongly chosen plan while not yet agreed (DOMAIN.md §4).
    (StatusSkp.DIAJUKAN, Aksi.TARIK): StatusSkp.DRAF,
    # Pasal 21(1): the penilai sets the SKP.
    (StatusSkp.DIAJUKAN, Aksi.SEPAKATI): StatusSkp.DISEPAKATI,
    (StatusSkp.DIAJUKAN, Aksi.MINTA_REVISI): StatusSkp.PERLU_REVISI,
}

_SALAH_STATUS: dict[tuple[StatusSkp, Aksi], str] = {
    (StatusSkp.DIAJUKAN, Aksi.AJUKAN): "SKP ini sudah diajukan dan sedang menunggu penilai.",
    (StatusSkp.DRAF, Aksi.TARIK): "SKP ini belum diajukan, jadi tidak ada yang perlu ditarik.",
    (StatusSkp.PERLU_REVISI, Aksi.TARIK): (
        "SKP ini sudah dikembalikan untuk direvisi; perbaiki lalu ajukan lagi."
    ),
    (StatusSkp.DRAF, Aksi.SEPAKATI): "SKP ini belum diajukan oleh pegawai.",
    (StatusSkp.DRAF, Aksi.MINTA_REVISI): "SKP ini belum diajukan oleh pegawai.",
    (StatusSkp.PERLU_REVISI, Aksi.SEPAKATI): "SKP ini sedang direvisi oleh pegawai.",
    (StatusSkp.PERLU_REVISI, Aksi.MINTA_REVISI): "SKP ini sedang direvisi oleh pegawai.",
}


def transisi(
    status: StatusSkp,
    aksi: Aksi,
    pelaku: Pelaku,
    *,
    catatan: str | None = None,
    jendela_terbuka: bool | None = None,
) -> StatusSkp:
    """The status after `pelaku` does `aksi`, or `TransisiDitolak` saying why not.

    The pegawai submits (from draf or perlu_revisi) and withdraws (while diajukan); the penilai
    agrees or sends back with a note (while diajukan). An agreed SKP is frozen for everyone.
    `jendela_terbuka` is accepted for the callers' convenience but never refuses anything: a late
    action goes through, and the caller shows `peringatan_jendela` and records it as late (§3).
    `catatan` is required, not blank, for MINTA_REVISI and ignored otherwise.
    """
    del jendela_terbuka  # deliberately unused: windows warn, they do not block
    if status == StatusSkp.DISEPAKATI:
        raise TransisiDitolak(PESAN_BEKU)
    if pelaku == Pelaku.PEGAWAI and aksi in _AKSI_PENILAI:
        raise TransisiDitolak("Hanya penilai yang dapat menyepakati SKP atau meminta revisi.")
    if pelaku == Pelaku.PENILAI and aksi in _AKSI_PEGAWAI:
        raise TransisiDitolak("Hanya pegawai pemilik SKP yang dapat mengajukan atau menariknya.")
    hasil = _BOLEH.get((status, aksi))
    if hasil is None:
        raise TransisiDitolak(_SALAH_STATUS[(status, aksi)])
    if aksi == Aksi.MINTA_REVISI and not (catatan or "").strip():
        raise TransisiDitolak("Tuliskan catatan untuk pegawai: bagian mana yang perlu direvisi.")
    return hasil


def peringatan_jendela(status: StatusJendela) -> str | None:
    """A warning to show beside the SKP's actions for the window's state, or None when open.

    Nothing is refused because of a window (DOMAIN.md §3); before it opens the pegawai may still
    prepare, and after it closes the work is recorded as late.
    """
    if status == StatusJendela.TERLAMBAT:
        return (
            "Batas waktu sudah lewat. SKP masih dapat diajukan dan disepakati, tetapi tercatat "
            "terlambat."
        )
    if status == StatusJendela.BELUM_DIBUKA:
        return "Masa pengisian belum dibuka. Rencana dapat disiapkan, tetapi tercatat lebih awal."
    return None


# --- July adjustment ----------------------------------------------------------------------


def boleh_penyesuaian(
    status_versi_terakhir: StatusSkp, jendela_penyesuaian: Jendela, hari_ini: date
) -> bool:
    """Whether the pegawai may start an adjusted version of the SKP today (Pasal 11(2)).

    Only from an agreed latest version: a draft or submitted version is still being worked on,
    so that one is edited instead. The adjustment window must have opened; after its deadline
    the adjustment is still allowed and recorded as late, as every late action is (DOMAIN.md
    §3); the dinas can extend the window to make it on time.
    """
    if status_versi_terakhir != StatusSkp.DISEPAKATI:
        return False
    return status_jendela(jendela_penyesuaian, hari_ini) != StatusJendela.BELUM_DIBUKA


def versi_baru(nomor_terakhir: int) -> int:
    """The number of the next version; the first SKP of a year is version 1."""
    if nomor_terakhir < 1:
        raise ValueError("Nomor versi SKP dimulai dari 1.")
    return nomor_terakhir + 1


# --- completeness before AJUKAN -----------------------------------------------------------


@dataclass(frozen=True)
class RencanaSkp:
    """What the pegawai has filled in so far.

    `fokus_perilaku` maps a BerAKHLAK aspect to its chosen focus behaviour; `tugas_tambahan` may
    be empty (not everyone has one); `poin_disetujui_penilai` records the penilai's agreement to
    a point total outside the range.
    """

    indikator_kode: str | None
    kegiatan: tuple[RencanaKegiatan, ...]
    fokus_perilaku: dict[str, str]
    tugas_tambahan: str = ""
    poin_disetujui_penilai: bool = False


class Kekurangan(NamedTuple):
    """One missing part of the plan: `bagian` is the part ("indikator", "kegiatan",
    "perilaku"), so a page can link the message to the step that fixes it."""

    bagian: str
    pesan: str


def kekurangan_per_bagian(
    rencana: RencanaSkp,
    *,
    minimal: int = POIN_MINIMAL,
    maksimal: int = POIN_MAKSIMAL,
    rentang_wajib: bool = True,
) -> list[Kekurangan]:
    """What is still missing before the SKP can be agreed; empty when it is complete.

    One message per missing part, in the order of the form. Activities without a catalog value
    count 0: when that leaves the total short, the message names their letters, so the pegawai
    knows the shortfall may be the catalog's and not theirs. With `rentang_wajib` False (the
    pegawai submitting) a total outside the range is not missing anything: Pasal 14(4) lets
    the penilai agree it, so it goes to the penilai, who must then agree it explicitly.
    """
    hasil: list[Kekurangan] = []
    if not (rencana.indikator_kode or "").strip():
        hasil.append(
            Kekurangan("indikator", "Pilih indikator praktik pembelajaran yang akan ditingkatkan.")
        )
    if not rencana.kegiatan:
        hasil.append(
            Kekurangan("kegiatan", "Tambahkan minimal satu kegiatan pengembangan kompetensi.")
        )
    else:
        poin = total_poin(rencana.kegiatan)
        disetujui = rencana.poin_disetujui_penilai or not rentang_wajib
        rentang = periksa_rentang(poin.total, minimal, maksimal, disetujui)
        if rentang is not None:
            if poin.belum_ditetapkan:
                huruf = ", ".join(poin.belum_ditetapkan)
                rentang += f" Kegiatan huruf {huruf} belum memiliki nilai poin dan dihitung 0."
            hasil.append(Kekurangan("kegiatan", rentang))
    kosong = [a for a in ASPEK_BERAKHLAK if not rencana.fokus_perilaku.get(a, "").strip()]
    if kosong:
        hasil.append(
            Kekurangan(
                "perilaku",
                f"Isi fokus perilaku untuk {len(kosong)} dari {len(ASPEK_BERAKHLAK)} aspek "
                f"BerAKHLAK: {', '.join(kosong)}.",
            )
        )
    return hasil


def kekurangan(rencana: RencanaSkp, **batas: Any) -> list[str]:
    """The messages of `kekurangan_per_bagian` alone, for refusals and summaries."""
    return [k.pesan for k in kekurangan_per_bagian(rencana, **batas)]


# --- what changed -------------------------------------------------------------------------

KODE_JENDELA_PENYUSUNAN = "skp_penyusunan"
KODE_JENDELA_PENYESUAIAN = "skp_penyesuaian"


def kode_jendela(nomor_versi: int) -> str:
    """The window an SKP version's submission and agreement belong to: the first version to the
    January planning window (Pasal 11(1), 21(2)), later ones to the July adjustment (11(2))."""
    return KODE_JENDELA_PENYUSUNAN if nomor_versi == 1 else KODE_JENDELA_PENYESUAIAN


def _teks(nilai: object) -> str:
    teks = str(nilai or "").strip()
    return f"“{teks}”" if teks else "(kosong)"


def perbedaan(
    lama: Mapping[str, Any], baru: Mapping[str, Any], nama_indikator: Mapping[str, str] = {}
) -> list[str]:
    """What changed between two snapshots of a plan, one sentence per change, in form order.

    A snapshot is the dict `web.services.skp.isi` makes: indikator_kode, kegiatan (letter ->
    count), tugas_tambahan, perilaku (aspect -> {indikator, fokus}), ekspektasi_khusus,
    poin_disetujui_penilai. Missing keys read as empty, so an older snapshot compares too.
    """
    pesan: list[str] = []

    def indikator(kode: object) -> str:
        if not kode:
            return "(belum dipilih)"
        return f"{kode} {nama_indikator[kode]}" if kode in nama_indikator else str(kode)

    if (lama.get("indikator_kode") or None) != (baru.get("indikator_kode") or None):
        pesan.append(
            f"Indikator praktik: {indikator(lama.get('indikator_kode'))} → "
            f"{indikator(baru.get('indikator_kode'))}."
        )
    kegiatan_lama = lama.get("kegiatan") or {}
    kegiatan_baru = baru.get("kegiatan") or {}
    for huruf in sorted(set(kegiatan_lama) | set(kegiatan_baru)):
        a, b = kegiatan_lama.get(huruf, 0), kegiatan_baru.get(huruf, 0)
        if a == b:
            continue
        if not a:
            pesan.append(f"Kegiatan huruf {huruf} ditambahkan ({b} kali).")
        elif not b:
            pesan.append(f"Kegiatan huruf {huruf} dihapus (sebelumnya {a} kali).")
        else:
            pesan.append(f"Kegiatan huruf {huruf}: {a} → {b} kali.")
    if (lama.get("tugas_tambahan") or "").strip() != (baru.get("tugas_tambahan") or "").strip():
        pesan.append(
            f"Tugas tambahan: {_teks(lama.get('tugas_tambahan'))} → "
            f"{_teks(baru.get('tugas_tambahan'))}."
        )
    perilaku_lama = lama.get("perilaku") or {}
    perilaku_baru = baru.get("perilaku") or {}
    for aspek in ASPEK_BERAKHLAK:
        a, b = perilaku_lama.get(aspek) or {}, perilaku_baru.get(aspek) or {}
        for bagian, label in (("indikator", "indikator"), ("fokus", "fokus perilaku")):
            if (a.get(bagian) or "").strip() != (b.get(bagian) or "").strip():
                pesan.append(f"{aspek}, {label}: {_teks(a.get(bagian))} → {_teks(b.get(bagian))}.")
    if (lama.get("ekspektasi_khusus") or "").strip() != (
        baru.get("ekspektasi_khusus") or ""
    ).strip():
        pesan.append(
            f"Ekspektasi khusus: {_teks(lama.get('ekspektasi_khusus'))} → "
            f"{_teks(baru.get('ekspektasi_khusus'))}."
        )
    if bool(lama.get("poin_disetujui_penilai")) != bool(baru.get("poin_disetujui_penilai")):
        pesan.append(
            "Penilai menyetujui jumlah poin di luar rentang."
            if baru.get("poin_disetujui_penilai")
            else "Persetujuan poin di luar rentang dicabut."
        )
    return pesan
