"""The dinas's view of its regime catalog: priority indicators per year, points the regulation
left open, and the year's windows with their extensions. Every change is audited.

Points the regulation sets are not editable here; a value the dinas sets is stored as
'belum_dikonfirmasi' with who set it, so nobody mistakes it for the regulation's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from web.auth import DinasUser
from web.domain import kalender
from web.models import IndikatorPraktik, IndikatorPrioritas, Jendela, KegiatanKompetensi
from web.models.base import hari_ini, now
from web.services import audit

REGIME = "2024"


class KatalogError(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BarisJendela:
    jendela: Jendela
    status: kalender.StatusJendela
    keterangan: str


@dataclass(frozen=True)
class Katalog:
    tahun: int
    indikator: list[tuple[IndikatorPraktik, bool]]
    kegiatan: list[KegiatanKompetensi]
    jendela: list[BarisJendela]


def riwayat(limit: int = 20) -> list[audit.Audit]:
    """The latest catalog changes of this dinas, for the catalog page."""
    return list(
        audit.Audit.select()
        .where(
            audit.Audit.objek.in_(
                ("indikator_prioritas", "kegiatan_kompetensi", "jendela", "rubrik_perilaku")
            )
        )
        .order_by(audit.Audit.waktu.desc(), audit.Audit.id.desc())
        .limit(limit)
    )


def katalog(tahun: int, regime_kode: str = REGIME) -> Katalog:
    prioritas = {
        p.indikator_kode
        for p in IndikatorPrioritas.select().where(
            IndikatorPrioritas.regime_kode == regime_kode, IndikatorPrioritas.tahun == tahun
        )
    }
    indikator = (
        IndikatorPraktik.select()
        .where(IndikatorPraktik.regime_kode == regime_kode)
        .order_by(IndikatorPraktik.peran.desc(), IndikatorPraktik.urutan)
    )
    kegiatan = (
        KegiatanKompetensi.select()
        .where(KegiatanKompetensi.regime_kode == regime_kode)
        .order_by(KegiatanKompetensi.urutan)
    )
    today = hari_ini()
    jendela = [
        BarisJendela(
            j,
            kalender.status_jendela(j.sebagai_jendela(), today),
            kalender.keterangan(j.sebagai_jendela(), today),
        )
        for j in Jendela.select()
        .where(Jendela.regime_kode == regime_kode, Jendela.tahun == tahun)
        .order_by(Jendela.mulai, Jendela.id)
    ]
    return Katalog(tahun, [(i, i.kode in prioritas) for i in indikator], list(kegiatan), jendela)


def atur_prioritas(
    user: DinasUser, kode: str, tahun: int, prioritas: bool, regime_kode: str = REGIME
) -> None:
    indikator = IndikatorPraktik.get_or_none(
        IndikatorPraktik.regime_kode == regime_kode, IndikatorPraktik.kode == kode
    )
    if indikator is None:
        raise KatalogError(f"Indikator {kode} tidak ada.")
    where = (
        (IndikatorPrioritas.regime_kode == regime_kode)
        & (IndikatorPrioritas.indikator_kode == kode)
        & (IndikatorPrioritas.tahun == tahun)
    )
    ada = IndikatorPrioritas.select().where(where).exists()
    if prioritas == ada:
        return
    if prioritas:
        IndikatorPrioritas.insert(
            regime_kode=regime_kode, indikator_kode=kode, tahun=tahun, ditandai_oleh=user.pegawai.id
        ).execute()
    else:
        IndikatorPrioritas.delete().where(where).execute()
    audit.catat(
        user,
        "tandai prioritas" if prioritas else "hapus prioritas",
        indikator,
        objek="indikator_prioritas",
        objek_id=tahun,
        sesudah={"kode": kode, "tahun": tahun, "prioritas": prioritas},
    )


def atur_poin(
    user: DinasUser, huruf: str, poin: int, satuan: str, regime_kode: str = REGIME
) -> KegiatanKompetensi:
    kegiatan = KegiatanKompetensi.get_or_none(
        KegiatanKompetensi.regime_kode == regime_kode, KegiatanKompetensi.huruf == huruf
    )
    if kegiatan is None:
        raise KatalogError(f"Kegiatan huruf {huruf} tidak ada.")
    if kegiatan.status_poin == "regulasi":
        raise KatalogError("Nilai poin kegiatan ini ditetapkan regulasi dan tidak dapat diubah.")
    if not 1 <= poin <= 128:
        raise KatalogError("Poin harus antara 1 dan 128.")
    sebelum = audit.potret(kegiatan)
    kegiatan.poin, kegiatan.satuan = poin, satuan.strip() or "per kegiatan"
    kegiatan.status_poin = "belum_dikonfirmasi"
    kegiatan.catatan_sumber = (
        f"Ditetapkan dinas oleh {user.pegawai.nama} pada {kalender.tulis_tanggal(hari_ini())}."
    )
    kegiatan.save()
    audit.catat(
        user,
        "tetapkan poin",
        kegiatan,
        sebelum,
        objek="kegiatan_kompetensi",
        objek_id=kegiatan.urutan,
    )
    return kegiatan


def perpanjang(user: DinasUser, jendela_id: int, sampai: dt.date) -> Jendela:
    jendela = Jendela.get_or_none(Jendela.id == jendela_id)
    if jendela is None:
        raise KatalogError("Jadwal tidak ditemukan.")
    try:
        baru = kalender.perpanjang(jendela.sebagai_jendela(), sampai)
    except ValueError as error:
        raise KatalogError(str(error)) from None
    sebelum = audit.potret(jendela)
    jendela.diperpanjang_sampai = baru.diperpanjang_sampai
    jendela.diubah = now()
    jendela.save()
    audit.catat(user, "perpanjang jadwal", jendela, sebelum)
    return jendela
