"""The penilai's side of SKP planning: whose plans wait for them this year, and the review of
one plan ending in "sepakati" or "kembalikan untuk revisi".

Used by web/blueprints/skp/persetujuan.py. Who a penilai appraises is decided for today
(web.services.pegawai.dinilai_oleh), so a Plt sees the list the moment their post starts and a
former kepala sekolah stops seeing it when theirs ends. The status rules and the history stay
in web/services/skp.py; this module only gathers and delegates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from web.auth import DinasUser
from web.domain import skp as aturan
from web.models import Pegawai, Sekolah
from web.models.pegawai import PERAN
from web.models.skp import Skp
from web.services import skp as layanan_skp
from web.services.pegawai import dinilai_oleh
from web.services.ringkasan_skp import RingkasanSkp, ringkasan
from web.services.skp import Perilaku, SkpError

S = aturan.StatusSkp

# The penilai's words for where a plan stands, in the order the page counts them; None is a
# pegawai who has not started a plan for the year.
URUTAN: tuple[tuple[str | None, str], ...] = (
    (S.DIAJUKAN.value, "Perlu disetujui"),
    (S.PERLU_REVISI.value, "Perlu revisi"),
    (S.DISEPAKATI.value, "Disepakati"),
    (S.DRAF.value, "Draf"),
    (None, "Belum mulai"),
)

SEPAKATI = "sepakati"
REVISI = "revisi"


def label_versi(versi: int) -> str:
    """Version 1 is the January plan; every later one is a July adjustment (Pasal 11(2))."""
    return "Versi 1" if versi == 1 else f"Versi {versi} · Penyesuaian Juli"


@dataclass(frozen=True)
class Baris:
    """One appraised pegawai and the newest version of their plan for the year, if any."""

    pegawai: Pegawai
    sekolah: Sekolah | None
    skp: Skp | None

    @property
    def status(self) -> str | None:
        return self.skp.status if self.skp else None

    @property
    def versi(self) -> str:
        return label_versi(self.skp.versi) if self.skp else ""


@dataclass(frozen=True)
class Kelompok:
    status: str | None
    label: str
    baris: list[Baris]


@dataclass(frozen=True)
class Daftar:
    """What the "Perlu disetujui" page shows: one group per status, in URUTAN order; the plans
    waiting come first and oldest submission first, the others by name."""

    tahun: int
    kelompok: list[Kelompok]

    @property
    def menunggu(self) -> list[Baris]:
        return self.kelompok[0].baris

    @property
    def lainnya(self) -> list[Kelompok]:
        return self.kelompok[1:]

    def konfirmasi(self, skp_id: int | None) -> str | None:
        """The sentence confirming the decision just taken on `skp_id`, when it is one of the
        penilai's plans (an id from the address reveals nothing about anyone else's)."""
        for kelompok in self.kelompok:
            for b in kelompok.baris:
                if b.skp is not None and b.skp.id == skp_id:
                    if b.status == S.DISEPAKATI:
                        return f"SKP {b.pegawai.nama} telah disepakati."
                    if b.status == S.PERLU_REVISI:
                        return (
                            f"SKP {b.pegawai.nama} dikembalikan untuk revisi; "
                            "catatan Anda dapat dibaca pegawai."
                        )
        return None


def _terbaru(pegawai_ids: list[int], tahun: int) -> dict[int, Skp]:
    """The newest version per pegawai for the year, in one query (DISTINCT ON)."""
    if not pegawai_ids:
        return {}
    query = (
        Skp.select()
        .where(Skp.pegawai.in_(pegawai_ids), Skp.tahun == tahun)
        .order_by(Skp.pegawai, Skp.versi.desc())
        .distinct(Skp.pegawai)
    )
    return {s.pegawai_id: s for s in query}


def daftar(penilai_id: int, tahun: int) -> Daftar:
    """Everyone `penilai_id` appraises today, grouped by where their plan for `tahun` stands.

    Whatever the number of pegawai, this is the queries of `dinilai_oleh` plus two: the newest
    plans and the schools.
    """
    orang = dinilai_oleh(penilai_id)
    skp = _terbaru([p.id for p in orang], tahun)
    sekolah_ids = {p.sekolah_id for p in orang if p.sekolah_id is not None}
    sekolah = (
        {s.id: s for s in Sekolah.select().where(Sekolah.id.in_(sekolah_ids))}
        if sekolah_ids
        else {}
    )
    per_status: dict[str | None, list[Baris]] = {status: [] for status, _ in URUTAN}
    for p in orang:
        baris = Baris(p, sekolah.get(p.sekolah_id), skp.get(p.id))
        per_status[baris.status].append(baris)
    menunggu = per_status[S.DIAJUKAN.value]
    menunggu.sort(key=lambda b: (b.skp.diajukan or b.skp.diubah, b.pegawai.nama))
    return Daftar(
        tahun=tahun,
        kelompok=[Kelompok(status, label, per_status[status]) for status, label in URUTAN],
    )


def jumlah_menunggu(penilai_id: int, tahun: int) -> int:
    """How many plans for `tahun` wait for this penilai (for the landing page)."""
    ids = [p.id for p in dinilai_oleh(penilai_id)]
    return sum(1 for s in _terbaru(ids, tahun).values() if s.status == S.DIAJUKAN)


# --- one plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pemeriksaan:
    """One plan as its penilai reviews it."""

    r: RingkasanSkp
    perubahan: list[str]  # since the previous moment the plan was kept

    @property
    def skp(self) -> Skp:
        return self.r.skp

    @property
    def menunggu(self) -> bool:
        """Only a submitted plan can be decided; any other is shown read-only."""
        return self.skp.status == S.DIAJUKAN

    @property
    def peran(self) -> str:
        return PERAN.get(self.skp.peran, self.skp.peran)

    @property
    def versi(self) -> str:
        return label_versi(self.skp.versi)

    @property
    def rentang(self) -> tuple[int, int, int] | None:
        """(total, minimal, maksimal) when the total is outside the range, else None."""
        if not self.r.di_luar_rentang:
            return None
        return (
            self.r.total_poin,
            self.r.poin_minimal or aturan.POIN_MINIMAL,
            self.r.poin_maksimal or aturan.POIN_MAKSIMAL,
        )

    def usulan(self) -> dict[str, str]:
        """The pegawai's seven focuses as form data (indikator_1, fokus_1, ...), to start from."""
        data = {}
        for nomor, p in enumerate(self.r.perilaku, 1):
            data[f"indikator_{nomor}"] = p.indikator
            data[f"fokus_{nomor}"] = p.fokus
        return data


def muat(user: DinasUser, skp_id: int) -> Skp:
    """The plan, for its penilai of today only; SkpError otherwise, whether it does not exist
    or belongs to someone else's appraisee (the page answers both the same way)."""
    skp = Skp.get_or_none(Skp.id == skp_id)
    if skp is None:
        raise SkpError("SKP tidak ditemukan.")
    layanan_skp.pastikan_penilai(user, skp)
    return skp


def pemeriksaan(user: DinasUser, skp_id: int) -> Pemeriksaan:
    skp = muat(user, skp_id)
    return Pemeriksaan(r=ringkasan(skp), perubahan=layanan_skp.perubahan_terakhir(skp))


def putuskan(
    user: DinasUser,
    skp: Skp,
    keputusan: str,
    *,
    catatan: str = "",
    ekspektasi_khusus: str = "",
    setujui_poin_di_luar_rentang: bool = False,
    perilaku_final: Mapping[str, Perilaku] | None = None,
) -> Skp:
    """Agree the plan or send it back. The service refuses atomically: the page shown with a
    refusal still reads the pegawai's proposal."""
    if keputusan == SEPAKATI:
        return layanan_skp.sepakati(
            user,
            skp,
            ekspektasi_khusus=ekspektasi_khusus,
            setujui_poin_di_luar_rentang=setujui_poin_di_luar_rentang,
            perilaku_final=perilaku_final,
        )
    return layanan_skp.minta_revisi(user, skp, catatan)
