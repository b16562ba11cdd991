"""One SKP version as every page shows it: the check-your-answers page, the penilai's review,
the read-only view and the printable document all read this one summary, so they never
disagree about a name, a point or a target."""

from __future__ import annotations

from dataclasses import dataclass, field

from web.domain import skp as aturan
from web.domain.kalender import StatusJendela
from web.models import (
    AspekPerilaku,
    IndikatorPraktik,
    KegiatanKompetensi,
    Pegawai,
    Regime,
    Rhk,
    Sekolah,
)
from web.models.regime import Jendela
from web.models.skp import Skp, SkpKegiatan, SkpRiwayat
from web.services import jadwal
from web.services import skp as layanan
from web.services.pegawai import penilai_hari_ini


@dataclass(frozen=True)
class BarisKegiatan:
    huruf: str
    nama: str
    jumlah: int
    poin_satuan: int | None  # None: nilai belum ditetapkan
    satuan: str

    @property
    def subtotal(self) -> int | None:
        return None if self.poin_satuan is None else self.poin_satuan * self.jumlah


@dataclass(frozen=True)
class BarisPerilaku:
    aspek: str
    penjelasan: str
    indikator: str
    fokus: str


@dataclass(frozen=True)
class BarisRhk:
    huruf: str
    rencana: str
    indikator_kinerja: str
    target: str


@dataclass
class RingkasanSkp:
    skp: Skp
    pegawai: Pegawai
    sekolah: Sekolah | None
    penilai: Pegawai | None  # who agreed it, else who is penilai today
    penilai_plt: bool
    indikator: IndikatorPraktik | None
    kegiatan: list[BarisKegiatan]
    total_poin: int
    belum_ditetapkan: list[str]
    poin_minimal: int | None
    poin_maksimal: int | None
    perilaku: list[BarisPerilaku]
    rhk: list[BarisRhk]
    jendela: Jendela
    status_jendela: StatusJendela
    keterangan_jendela: str
    peringatan: str | None
    kekurangan: list[aturan.Kekurangan]  # what blocks submitting, part by part
    terlambat: list[str] = field(default_factory=list)  # actions recorded as late

    @property
    def status_label(self) -> str:
        return aturan.LABEL_STATUS[aturan.StatusSkp(self.skp.status)]

    @property
    def di_luar_rentang(self) -> bool:
        return (
            aturan.periksa_rentang(
                self.total_poin,
                self.poin_minimal or aturan.POIN_MINIMAL,
                self.poin_maksimal or aturan.POIN_MAKSIMAL,
            )
            is not None
        )


def ringkasan(skp: Skp) -> RingkasanSkp:
    pegawai = skp.pegawai
    regime = Regime.get_by_id(skp.regime_kode)

    if skp.penilai_id is not None:
        penilai, plt = Pegawai.get_by_id(skp.penilai_id), skp.penilai_plt
    else:
        siapa = penilai_hari_ini(pegawai)
        penilai = Pegawai.get_by_id(siapa.pegawai_id) if siapa else None
        plt = bool(siapa and siapa.plt)

    indikator = None
    if skp.indikator_kode:
        indikator = IndikatorPraktik.get_or_none(
            IndikatorPraktik.regime_kode == skp.regime_kode,
            IndikatorPraktik.kode == skp.indikator_kode,
        )

    katalog = {
        k.huruf: k
        for k in KegiatanKompetensi.select().where(
            KegiatanKompetensi.regime_kode == skp.regime_kode
        )
    }
    kegiatan = [
        BarisKegiatan(
            k.huruf,
            katalog[k.huruf].nama if k.huruf in katalog else k.huruf,
            k.jumlah,
            katalog[k.huruf].poin if k.huruf in katalog else None,
            (katalog[k.huruf].satuan or "") if k.huruf in katalog else "",
        )
        for k in SkpKegiatan.select().where(SkpKegiatan.skp == skp).order_by(SkpKegiatan.huruf)
    ]
    total = aturan.total_poin(
        aturan.RencanaKegiatan(k.huruf, k.poin_satuan, k.jumlah) for k in kegiatan
    )

    dipilih = layanan.perilaku(skp)
    aspek = AspekPerilaku.select().where(AspekPerilaku.regime_kode == skp.regime_kode)
    penjelasan = {a.nama: a.penjelasan for a in aspek}
    perilaku = [
        BarisPerilaku(
            nama,
            penjelasan.get(nama, ""),
            dipilih[nama].indikator if nama in dipilih else "",
            dipilih[nama].fokus if nama in dipilih else "",
        )
        for nama in aturan.ASPEK_BERAKHLAK
    ]

    isian = {
        "indikator": (
            f"{indikator.nama} ({indikator.kode})" if indikator else "Indikator belum dipilih"
        ),
        "kegiatan": f"{total.total} poin",
        "tugas_tambahan": skp.tugas_tambahan or "Tidak ada tugas tambahan",
    }
    rhk = [
        BarisRhk(r.huruf, r.rencana, r.indikator_kinerja, isian.get(r.isian, r.target))
        for r in Rhk.select()
        .where(Rhk.regime_kode == skp.regime_kode, Rhk.peran == skp.peran)
        .order_by(Rhk.urutan)
    ]

    jendela = layanan.jendela(skp)
    status_jendela = jadwal.status(jendela)
    terlambat = [
        r.aksi
        for r in SkpRiwayat.select(SkpRiwayat.aksi)
        .where(SkpRiwayat.skp == skp, SkpRiwayat.terlambat)
        .order_by(SkpRiwayat.waktu)
    ]
    return RingkasanSkp(
        skp=skp,
        pegawai=pegawai,
        sekolah=pegawai.sekolah if pegawai.sekolah_id else None,
        penilai=penilai,
        penilai_plt=plt,
        indikator=indikator,
        kegiatan=kegiatan,
        total_poin=total.total,
        belum_ditetapkan=total.belum_ditetapkan,
        poin_minimal=regime.poin_minimal,
        poin_maksimal=regime.poin_maksimal,
        perilaku=perilaku,
        rhk=rhk,
        jendela=jendela,
        status_jendela=status_jendela,
        keterangan_jendela=jadwal.keterangan(jendela),
        peringatan=aturan.peringatan_jendela(status_jendela),
        # What blocks submitting; a total outside the range does not (the macro says so).
        kekurangan=(
            layanan.kekurangan(skp, rentang_wajib=False)
            if skp.status != aturan.StatusSkp.DISEPAKATI
            else []
        ),
        terlambat=terlambat,
    )
