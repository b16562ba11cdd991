"""Accountability documents (K3-K6) and class attendance (DOMAIN.md §6): collected, not rated.

Used by web/blueprints/siklus/akuntabilitas.py. Which documents a pegawai owes comes from the
regime's data (dokumen_akuntabilitas) for their role in the year's SKP: a guru uploads K3 and,
only when the SKP names a tugas tambahan, K4; a guru's K5 is the class-attendance summary their
kepala sekolah records here; a kepala sekolah uploads K3-K6. Replacing a document keeps the old
file's row (the history) and points the document at the new file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, NamedTuple

from web.auth import DinasUser
from web.models import (
    Berkas,
    DokumenAkuntabilitas,
    DokumenPegawai,
    Kehadiran,
    Pegawai,
    Penempatan,
    Skp,
)
from web.models.base import hari_ini, now
from web.services import audit, berkas
from web.services import skp as layanan_skp
from web.services.pegawai import dinilai_oleh
from web.services.siklus import skp_berlaku

PEGAWAI = "pegawai"  # dokumen_akuntabilitas.disediakan_oleh: the pegawai uploads it
JENIS_OBJEK = "dokumen"  # the kind in the storage key


class AkuntabilitasError(ValueError):
    """An action on documents or attendance that cannot be done; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Dokumen:
    """One document the pegawai owes for the semester, with what is there so far."""

    jenis: DokumenAkuntabilitas
    berkas: Berkas | None = None
    diunggah: dt.datetime | None = None  # when the current file was attached
    kehadiran: Kehadiran | None = None  # a guru's K5, recorded by the kepala sekolah

    @property
    def kode(self) -> str:
        return self.jenis.kode

    @property
    def diunggah_pegawai(self) -> bool:
        """Whether the pegawai uploads it (rather than someone recording it for them)."""
        return self.jenis.disediakan_oleh == PEGAWAI

    @property
    def lengkap(self) -> bool:
        return self.berkas is not None or self.kehadiran is not None

    @property
    def persen_hadir(self) -> str:
        """Hours attended as a share of those scheduled, written "93,8"."""
        k = self.kehadiran
        if k is None:
            return ""
        return f"{100 * k.jam_hadir / k.jam_terjadwal:.1f}".replace(".", ",")


@dataclass
class DaftarDokumen:
    pegawai: Pegawai
    tahun: int
    semester: int
    peran: str
    dokumen: list[Dokumen]
    # Documents of the role not owed this time (K4 without a tugas tambahan in the SKP).
    tidak_diminta: list[DokumenAkuntabilitas] = field(default_factory=list)

    def cari(self, kode: str) -> Dokumen | None:
        return next((d for d in self.dokumen if d.kode == kode), None)

    @property
    def belum(self) -> int:
        return sum(not d.lengkap for d in self.dokumen)


def _skp(pegawai_id: int, tahun: int) -> Skp | None:
    """The plan the documents follow: the agreed one, or else the newest draft."""
    return skp_berlaku(pegawai_id, tahun) or layanan_skp.terakhir(pegawai_id, tahun)


def daftar(user: DinasUser, tahun: int, semester: int) -> DaftarDokumen:
    """The signed-in pegawai's documents for the semester."""
    return dokumen_pegawai(user.pegawai, tahun, semester, layanan_skp.peran_skp(user))


def kekurangan(pegawai: Pegawai, tahun: int, semester: Sequence[int]) -> list[str]:
    """The documents still missing for the given semesters, one sentence each; empty when all
    are in. Without them no predikat is shown to anyone (DOMAIN.md §6)."""
    pesan = []
    for s in semester:
        for d in dokumen_pegawai(pegawai, tahun, s).dokumen:
            if not d.lengkap:
                oleh = "" if d.diunggah_pegawai else " (dicatat kepala sekolah)"
                pesan.append(f"{d.kode} {d.jenis.nama} semester {s}{oleh} belum ada.")
    return pesan


def dokumen_pegawai(
    pegawai: Pegawai, tahun: int, semester: int, peran_bawaan: str = "guru"
) -> DaftarDokumen:
    """A pegawai's documents for the semester; the role comes from the year's SKP, or
    `peran_bawaan` before there is one."""
    skp = _skp(pegawai.id, tahun)
    peran = skp.peran if skp else peran_bawaan
    regime = skp.regime_kode if skp else layanan_skp.REGIME_BAKU
    tugas_tambahan = bool(skp and skp.tugas_tambahan.strip())
    semua = list(
        DokumenAkuntabilitas.select()
        .where(DokumenAkuntabilitas.regime_kode == regime, DokumenAkuntabilitas.peran == peran)
        .order_by(DokumenAkuntabilitas.urutan)
    )
    diminta = [j for j in semua if tugas_tambahan or not j.hanya_jika_tugas_tambahan]
    ada = {
        d.kode: d
        for d in DokumenPegawai.select(DokumenPegawai, Berkas)
        .join(Berkas)
        .where(
            DokumenPegawai.pegawai == pegawai.id,
            DokumenPegawai.tahun == tahun,
            DokumenPegawai.semester == semester,
        )
    }
    kehadiran = Kehadiran.get_or_none(
        Kehadiran.pegawai == pegawai.id, Kehadiran.tahun == tahun, Kehadiran.semester == semester
    )
    dokumen = []
    for jenis in diminta:
        if jenis.disediakan_oleh == PEGAWAI:
            row = ada.get(jenis.kode)
            dokumen.append(Dokumen(jenis, row.berkas if row else None, row.dibuat if row else None))
        else:  # K5 of a guru: the kepala sekolah's attendance summary
            dokumen.append(Dokumen(jenis, kehadiran=kehadiran))
    return DaftarDokumen(
        pegawai,
        tahun,
        semester,
        peran,
        dokumen,
        [j for j in semua if j.kode not in {d.kode for d in diminta}],
    )


def unggah(
    user: DinasUser, tahun: int, semester: int, kode: str, stream: BinaryIO, nama: str
) -> DokumenPegawai:
    """Attach an uploaded file as the pegawai's document `kode` of the semester, replacing the
    file attached before (whose row stays). AkuntabilitasError when the pegawai does not upload
    that document; berkas.BerkasError when the file is refused."""
    dokumen = daftar(user, tahun, semester).cari(kode)
    if dokumen is None or not dokumen.diunggah_pegawai:
        raise AkuntabilitasError(f"Dokumen {kode} tidak diunggah oleh Anda pada semester ini.")
    baru = berkas.simpan(user, user.pegawai, stream, nama, jenis_objek=JENIS_OBJEK)
    kunci = (
        DokumenPegawai.pegawai == user.pegawai.id,
        DokumenPegawai.tahun == tahun,
        DokumenPegawai.semester == semester,
        DokumenPegawai.kode == kode,
    )
    lama = DokumenPegawai.get_or_none(*kunci)
    sebelum = audit.potret(lama) if lama else None
    # One statement, so two uploads racing for the same document both end well.
    DokumenPegawai.insert(
        pegawai=user.pegawai.id, tahun=tahun, semester=semester, kode=kode, berkas=baru.id
    ).on_conflict(
        conflict_target=[
            DokumenPegawai.pegawai,
            DokumenPegawai.tahun,
            DokumenPegawai.semester,
            DokumenPegawai.kode,
        ],
        update={DokumenPegawai.berkas: baru.id, DokumenPegawai.dibuat: now()},
    ).execute()
    row = DokumenPegawai.get(*kunci)
    audit.catat(user, "ganti dokumen" if lama else "unggah dokumen", row, sebelum)
    return row


# --- class attendance (a guru's K5), recorded by the kepala sekolah -------------------------


class IsianKehadiran(NamedTuple):
    jam_terjadwal: int
    jam_hadir: int
    catatan: str = ""


def guru_dipimpin(user: DinasUser) -> list[Pegawai]:
    """The guru whose kepala sekolah the user is today: placed at a school the user leads and
    appraised by them (a Plt included), by name."""
    sekolah = user.sekolah_dipimpin
    if not sekolah:
        return []
    di_sekolah = {
        p.pegawai_id
        for p in Penempatan.berlaku(hari_ini()).where(Penempatan.sekolah.in_(list(sekolah)))
    }
    return [p for p in dinilai_oleh(user.pegawai.id) if p.id in di_sekolah]


def kehadiran(user: DinasUser, tahun: int, semester: int) -> list[tuple[Pegawai, Kehadiran | None]]:
    """Each guru the user leads with their attendance record of the semester, if any."""
    guru = guru_dipimpin(user)
    catatan = {
        k.pegawai_id: k
        for k in Kehadiran.select().where(
            Kehadiran.pegawai.in_([g.id for g in guru]),
            Kehadiran.tahun == tahun,
            Kehadiran.semester == semester,
        )
    }
    return [(g, catatan.get(g.id)) for g in guru]


def periksa_isian(isian: IsianKehadiran) -> str | None:
    """What is wrong with one guru's figures, or None (Pasal 16: hours attended out of the
    hours scheduled, so never more)."""
    if isian.jam_terjadwal < 1:
        return "Jam terjadwal minimal 1."
    if not 0 <= isian.jam_hadir <= isian.jam_terjadwal:
        return f"Jam hadir harus 0 sampai {isian.jam_terjadwal} (jam terjadwal)."
    return None


def simpan_kehadiran(
    user: DinasUser, tahun: int, semester: int, isian: Mapping[int, IsianKehadiran]
) -> list[Kehadiran]:
    """Record the attendance of the given guru (by pegawai id) for the semester, all or none:
    AkuntabilitasError when one of them is not a guru the user leads or their figures are
    wrong, and nothing is saved."""
    dipimpin = {g.id: g for g in guru_dipimpin(user)}
    for pegawai_id, baris in isian.items():
        if pegawai_id not in dipimpin:
            raise AkuntabilitasError("Kehadiran hanya dicatat untuk guru di sekolah Anda.")
        salah = periksa_isian(baris)
        if salah:
            raise AkuntabilitasError(f"{dipimpin[pegawai_id].nama}: {salah}")
    hasil = []
    for pegawai_id, baris in isian.items():
        lama = Kehadiran.get_or_none(
            Kehadiran.pegawai == pegawai_id,
            Kehadiran.tahun == tahun,
            Kehadiran.semester == semester,
        )
        nilai = (baris.jam_terjadwal, baris.jam_hadir, baris.catatan.strip())
        if lama and (lama.jam_terjadwal, lama.jam_hadir, lama.catatan) == nilai:
            hasil.append(lama)
            continue
        sebelum = audit.potret(lama) if lama else None
        Kehadiran.insert(
            pegawai=pegawai_id,
            tahun=tahun,
            semester=semester,
            jam_terjadwal=nilai[0],
            jam_hadir=nilai[1],
            catatan=nilai[2],
            dicatat_oleh=user.pegawai.id,
        ).on_conflict(
            conflict_target=[Kehadiran.pegawai, Kehadiran.tahun, Kehadiran.semester],
            update={
                Kehadiran.jam_terjadwal: nilai[0],
                Kehadiran.jam_hadir: nilai[1],
                Kehadiran.catatan: nilai[2],
                Kehadiran.dicatat_oleh: user.pegawai.id,
                Kehadiran.diubah: now(),
            },
        ).execute()
        row = Kehadiran.get(
            Kehadiran.pegawai == pegawai_id,
            Kehadiran.tahun == tahun,
            Kehadiran.semester == semester,
        )
        audit.catat(
            user,
            "ubah kehadiran" if lama else "catat kehadiran",
            row,
            sebelum,
            objek="kehadiran",
            objek_id=pegawai_id,
        )
        hasil.append(row)
    return hasil


def jumlah_tercatat(baris: Sequence[tuple[Pegawai, Kehadiran | None]]) -> int:
    return sum(k is not None for _, k in baris)
