"""SKP planning: the pegawai's draft, submitting it, and the penilai agreeing or sending it back.

Used by the pegawai and penilai blueprints. The rules (what must be filled in, which transition
is allowed, the point range) are in web/domain/skp.py; this module loads, checks who acts, saves
and keeps the history. Whoever is the pegawai's penilai on the day of the action may act as
penilai, a Plt included (web/domain/penilai.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from peewee import fn

from web.auth import DinasUser
from web.db import db
from web.domain import akses
from web.domain import skp as aturan
from web.domain.kalender import StatusJendela
from web.domain.penilai import Penilai
from web.models import IndikatorPraktik, KegiatanKompetensi, Pegawai, Regime
from web.models.base import hari_ini, now
from web.models.skp import Skp, SkpKegiatan, SkpPerilaku, SkpRiwayat
from web.services import jadwal
from web.services.pegawai import penilai_hari_ini

REGIME_BAKU = "2024"
BISA_DIUBAH = (aturan.StatusSkp.DRAF, aturan.StatusSkp.PERLU_REVISI)


class Perilaku(NamedTuple):
    """One BerAKHLAK aspect of the plan: its indicator and the chosen focus behaviour."""

    indikator: str
    fokus: str


class SkpError(ValueError):
    """An SKP action that cannot be done; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def peran_skp(user: DinasUser) -> str:
    """A kepala sekolah (Plt included) plans as kepala sekolah; everyone else as guru."""
    return "kepala_sekolah" if user.sekolah_dipimpin else "guru"


def terakhir(pegawai_id: int, tahun: int) -> Skp | None:
    """The newest version of a pegawai's SKP for the year."""
    return (
        Skp.select()
        .where(Skp.pegawai == pegawai_id, Skp.tahun == tahun)
        .order_by(Skp.versi.desc())
        .first()
    )


def daftar_tahun(pegawai_id: int) -> list[tuple[int, int]]:
    """(year, number of versions) of the pegawai's plans, newest year first."""
    query = (
        Skp.select(Skp.tahun, fn.COUNT(Skp.id).alias("jumlah"))
        .where(Skp.pegawai == pegawai_id)
        .group_by(Skp.tahun)
        .order_by(Skp.tahun.desc())
    )
    return [(s.tahun, s.jumlah) for s in query]


def versi(pegawai_id: int, tahun: int) -> list[Skp]:
    return list(
        Skp.select().where(Skp.pegawai == pegawai_id, Skp.tahun == tahun).order_by(Skp.versi)
    )


def mulai(user: DinasUser, tahun: int, regime_kode: str = REGIME_BAKU) -> Skp:
    """The pegawai's draft for the year: the one in progress, or a new first version."""
    skp = terakhir(user.pegawai.id, tahun)
    if skp is not None:
        return skp
    skp = Skp.create(
        pegawai=user.pegawai.id, tahun=tahun, regime_kode=regime_kode, peran=peran_skp(user)
    )
    _catat(skp, user, "buat", None, aturan.StatusSkp.DRAF)
    return skp


def simpan(
    user: DinasUser,
    skp: Skp,
    *,
    indikator_kode: str | None = None,
    kegiatan: Mapping[str, int] | None = None,
    perilaku: Mapping[str, Perilaku] | None = None,
    tugas_tambahan: str | None = None,
) -> Skp:
    """Save one step of the plan as a draft. Only the pegawai, only while it can change.

    Each argument left None is left as it was; `kegiatan` and `perilaku` replace the whole part.
    """
    _pastikan_pemilik(user, skp)
    if aturan.StatusSkp(skp.status) not in BISA_DIUBAH:
        raise SkpError(
            aturan.PESAN_BEKU
            if skp.status == aturan.StatusSkp.DISEPAKATI
            else "SKP sedang diperiksa penilai. Tarik kembali pengajuan untuk mengubahnya."
        )
    if indikator_kode is not None:
        skp.indikator_kode = indikator_kode or None
    if tugas_tambahan is not None:
        skp.tugas_tambahan = tugas_tambahan.strip()
    if kegiatan is not None:
        SkpKegiatan.delete().where(SkpKegiatan.skp == skp).execute()
        rows = [{"skp": skp.id, "huruf": h, "jumlah": n} for h, n in kegiatan.items() if n > 0]
        if rows:
            SkpKegiatan.insert_many(rows).execute()
    if perilaku is not None:
        _simpan_perilaku(skp, perilaku)
    skp.diubah = now()
    skp.save()
    return skp


def _simpan_perilaku(skp: Skp, perilaku: Mapping[str, Perilaku]) -> None:
    SkpPerilaku.delete().where(SkpPerilaku.skp == skp).execute()
    rows = [
        {"skp": skp.id, "aspek": a, "indikator": p.indikator.strip(), "fokus": p.fokus.strip()}
        for a, p in perilaku.items()
        if p.fokus.strip() or p.indikator.strip()
    ]
    if rows:
        SkpPerilaku.insert_many(rows).execute()


def perilaku(skp: Skp) -> dict[str, Perilaku]:
    """The plan's behaviour focuses by aspect name."""
    return {
        p.aspek: Perilaku(p.indikator, p.fokus)
        for p in SkpPerilaku.select().where(SkpPerilaku.skp == skp)
    }


def isi(skp: Skp) -> dict[str, Any]:
    """The plan as a plain dict, kept in the history at each submission, send-back and agreement
    so two moments can be compared (web.domain.skp.perbedaan)."""
    return {
        "indikator_kode": skp.indikator_kode,
        "kegiatan": {k.huruf: k.jumlah for k in SkpKegiatan.select().where(SkpKegiatan.skp == skp)},
        "tugas_tambahan": skp.tugas_tambahan,
        "perilaku": {a: p._asdict() for a, p in perilaku(skp).items()},
        "ekspektasi_khusus": skp.ekspektasi_khusus,
        "poin_disetujui_penilai": skp.poin_disetujui_penilai,
    }


def nama_indikator(regime_kode: str) -> dict[str, str]:
    query = IndikatorPraktik.select(IndikatorPraktik.kode, IndikatorPraktik.nama).where(
        IndikatorPraktik.regime_kode == regime_kode
    )
    return {i.kode: i.nama for i in query}


def perubahan_terakhir(skp: Skp) -> list[str]:
    """What changed between the two latest moments the plan was kept (submission, send-back,
    withdrawal, agreement): after an agreement, what the penilai set; on a resubmission, what
    the pegawai revised. Empty when there are fewer than two."""
    snapshots = [
        r.isi
        for r in SkpRiwayat.select(SkpRiwayat.isi)
        .where(SkpRiwayat.skp == skp, SkpRiwayat.isi.is_null(False))
        .order_by(SkpRiwayat.waktu.desc(), SkpRiwayat.id.desc())
        .limit(2)
    ]
    if len(snapshots) < 2:
        return []
    baru, lama = snapshots
    return aturan.perbedaan(lama, baru, nama_indikator(skp.regime_kode))


def jendela(skp: Skp):
    """The window this version's submission and agreement belong to."""
    return jadwal.jendela(skp.regime_kode, skp.tahun, aturan.kode_jendela(skp.versi))


def peringatan(skp: Skp) -> str | None:
    """The window warning to show beside the version's actions, None while the window is open."""
    return aturan.peringatan_jendela(jadwal.status(jendela(skp)))


def boleh_lihat(user: DinasUser, skp: Skp) -> bool:
    """The pegawai, their penilai today or the one who acted on this version, whoever reads
    the pegawai's record (admin dinas, kepala dinas, the kepala sekolah of their school)."""
    if user.pegawai.id in (skp.pegawai_id, skp.penilai_id):
        return True
    penilai = penilai_hari_ini(skp.pegawai)
    if penilai is not None and penilai.pegawai_id == user.pegawai.id:
        return True
    return akses.boleh_lihat_pegawai(
        user.roles,
        user.sekolah_dipimpin,
        user.pegawai.id,
        skp.pegawai_id,
        skp.pegawai.sekolah_id,
    )


def poin_katalog(regime_kode: str) -> dict[str, int | None]:
    """Points per activity letter in the regime's catalog; None where not yet set."""
    query = KegiatanKompetensi.select().where(KegiatanKompetensi.regime_kode == regime_kode)
    return {k.huruf: k.poin for k in query}


def kekurangan(skp: Skp, *, rentang_wajib: bool = True) -> list[aturan.Kekurangan]:
    """What is still missing before the plan can be agreed (or, with `rentang_wajib` False,
    submitted), part by part, with the regime's own point range and catalog."""
    regime = Regime.get_by_id(skp.regime_kode)
    batas = {}
    if regime.poin_minimal is not None:
        batas["minimal"] = regime.poin_minimal
    if regime.poin_maksimal is not None:
        batas["maksimal"] = regime.poin_maksimal
    return aturan.kekurangan_per_bagian(
        rencana(skp, poin_katalog(skp.regime_kode)), rentang_wajib=rentang_wajib, **batas
    )


def _tolak_bila_kurang(kurang: list[aturan.Kekurangan]) -> None:
    if kurang:
        raise SkpError(" ".join(k.pesan for k in kurang))


def rencana(skp: Skp, poin: Mapping[str, int | None]) -> aturan.RencanaSkp:
    """The plan as the domain rules see it; `poin` maps activity letters to their points."""
    return aturan.RencanaSkp(
        indikator_kode=skp.indikator_kode,
        kegiatan=tuple(
            aturan.RencanaKegiatan(k.huruf, poin.get(k.huruf), k.jumlah)
            for k in SkpKegiatan.select().where(SkpKegiatan.skp == skp).order_by(SkpKegiatan.huruf)
        ),
        fokus_perilaku={a: p.fokus for a, p in perilaku(skp).items()},
        tugas_tambahan=skp.tugas_tambahan,
        poin_disetujui_penilai=skp.poin_disetujui_penilai,
    )


def ajukan(user: DinasUser, skp: Skp) -> Skp:
    """Submit the plan to the penilai. A point total outside the range may be submitted: the
    penilai then has to agree it explicitly (Pasal 14(4))."""
    _pastikan_pemilik(user, skp)
    _tolak_bila_kurang(kekurangan(skp, rentang_wajib=False))
    return _ubah_status(skp, user, aturan.Aksi.AJUKAN, aturan.Pelaku.PEGAWAI)


def tarik(user: DinasUser, skp: Skp) -> Skp:
    _pastikan_pemilik(user, skp)
    return _ubah_status(skp, user, aturan.Aksi.TARIK, aturan.Pelaku.PEGAWAI)


def minta_revisi(user: DinasUser, skp: Skp, catatan: str) -> Skp:
    pastikan_penilai(user, skp)
    with db.atomic():
        skp.catatan_penilai = catatan.strip()
        return _ubah_status(skp, user, aturan.Aksi.MINTA_REVISI, aturan.Pelaku.PENILAI, catatan)


def sepakati(
    user: DinasUser,
    skp: Skp,
    *,
    ekspektasi_khusus: str = "",
    setujui_poin_di_luar_rentang: bool = False,
    perilaku_final: Mapping[str, Perilaku] | None = None,
) -> Skp:
    """Agree the plan. A point total outside the range needs the penilai's explicit agreement,
    which is recorded on the SKP (Perdirjen 7607 Pasal 14(4)). The penilai sets the final seven
    behaviour focuses (`perilaku_final`, replacing the pegawai's proposal) and may add
    ekspektasi khusus (Pasal 11(3)b); the pegawai sees what the penilai changed."""
    pastikan_penilai(user, skp)
    with db.atomic():  # a refusal below leaves nothing of the penilai's edits behind
        if skp.status != aturan.StatusSkp.DIAJUKAN:
            # Let the transition rule explain why, before anything is written.
            _ubah_status(skp, user, aturan.Aksi.SEPAKATI, aturan.Pelaku.PENILAI)
        if setujui_poin_di_luar_rentang:
            skp.poin_disetujui_penilai = True
        if perilaku_final is not None:
            _simpan_perilaku(skp, perilaku_final)
        _tolak_bila_kurang(kekurangan(skp))
        skp.ekspektasi_khusus = ekspektasi_khusus.strip()
        skp.disepakati = now()
        return _ubah_status(skp, user, aturan.Aksi.SEPAKATI, aturan.Pelaku.PENILAI)


def penyesuaian(skp: Skp) -> tuple[bool, str]:
    """Whether the July adjustment can be made from this version today (Pasal 11(2): from an
    agreed version, once the window has opened; late ones go through, recorded as late), and
    where that window stands."""
    j = jadwal.jendela(skp.regime_kode, skp.tahun, aturan.KODE_JENDELA_PENYESUAIAN)
    boleh = aturan.boleh_penyesuaian(aturan.StatusSkp(skp.status), j.sebagai_jendela(), hari_ini())
    return boleh, jadwal.keterangan(j)


def sesuaikan(user: DinasUser, skp: Skp) -> Skp:
    """The July adjustment: a new draft version copied from the agreed one, which stays as is."""
    _pastikan_pemilik(user, skp)
    newest = terakhir(skp.pegawai_id, skp.tahun)
    if newest is None or newest.id != skp.id or skp.status != aturan.StatusSkp.DISEPAKATI:
        raise SkpError("Penyesuaian hanya dapat dibuat dari versi SKP terakhir yang disepakati.")
    boleh, keterangan = penyesuaian(skp)
    if not boleh:
        raise SkpError(f"Penyesuaian SKP belum dapat dibuat: {keterangan}.")
    baru = Skp.create(
        pegawai=skp.pegawai_id,
        tahun=skp.tahun,
        versi=aturan.versi_baru(skp.versi),
        regime_kode=skp.regime_kode,
        peran=skp.peran,
        indikator_kode=skp.indikator_kode,
        tugas_tambahan=skp.tugas_tambahan,
    )
    kegiatan = [{"skp": baru.id, "huruf": k.huruf, "jumlah": k.jumlah} for k in skp.kegiatan]
    if kegiatan:
        SkpKegiatan.insert_many(kegiatan).execute()
    _simpan_perilaku(baru, perilaku(skp))
    _catat(
        baru,
        user,
        "penyesuaian",
        None,
        aturan.StatusSkp.DRAF,
        f"dari versi {skp.versi}",
        isi=isi(skp),
        terlambat=jadwal.status(jendela(baru)) == StatusJendela.TERLAMBAT,
    )
    return baru


def _ubah_status(
    skp: Skp, user: DinasUser, aksi: aturan.Aksi, pelaku: aturan.Pelaku, catatan: str = ""
) -> Skp:
    dari = aturan.StatusSkp(skp.status)
    try:
        ke = aturan.transisi(dari, aksi, pelaku, catatan=catatan or None)
    except aturan.TransisiDitolak as error:
        raise SkpError(error.message) from None
    skp.status = ke.value
    if ke == aturan.StatusSkp.DIAJUKAN:
        skp.diajukan = now()
    if pelaku == aturan.Pelaku.PENILAI:
        skp.penilai = user.pegawai.id
        skp.penilai_plt = pastikan_penilai(user, skp).plt
    skp.diubah = now()
    skp.save()
    # Submitting and agreeing belong to the version's window; late ones go through, recorded.
    terlambat = aksi in (aturan.Aksi.AJUKAN, aturan.Aksi.SEPAKATI) and (
        jadwal.status(jendela(skp)) == StatusJendela.TERLAMBAT
    )
    _catat(skp, user, aksi.value, dari, ke, catatan, isi=isi(skp), terlambat=terlambat)
    return skp


def _catat(
    skp: Skp,
    user: DinasUser,
    aksi: str,
    dari: aturan.StatusSkp | None,
    ke: aturan.StatusSkp,
    catatan: str = "",
    *,
    isi: dict[str, Any] | None = None,
    terlambat: bool = False,
) -> None:
    SkpRiwayat.create(
        skp=skp,
        pelaku=user.pegawai.id,
        aksi=aksi,
        dari=dari.value if dari else None,
        ke=ke.value,
        catatan=catatan or "",
        isi=isi,
        terlambat=terlambat,
    )


def _pastikan_pemilik(user: DinasUser, skp: Skp) -> None:
    if skp.pegawai_id != user.pegawai.id:
        raise SkpError("Hanya pegawai pemilik SKP yang dapat mengubah atau mengajukannya.")


def pastikan_penilai(user: DinasUser, skp: Skp) -> Penilai:
    """The pegawai's penilai today (a Plt included), who must be `user`; SkpError otherwise."""
    siapa = penilai_hari_ini(Pegawai.get_by_id(skp.pegawai_id))
    if siapa is None or siapa.pegawai_id != user.pegawai.id:
        raise SkpError("Anda bukan penilai pegawai ini pada hari ini.")
    return siapa
