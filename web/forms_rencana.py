"""Forms of the pegawai's SKP journey (web/blueprints/skp/rencana.py), one per step.

The catalog decides which fields some steps have (the activities a-r, the seven aspects), so
those forms are made per request from the rows the step shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from wtforms import Field, RadioField, SelectChoice, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from web.forms import BilanganField, Formulir
from web.models import AspekPerilaku, IndikatorPraktik, KegiatanKompetensi

KALI_MAKSIMAL = 20
PANJANG_TEKS = 500


class IndikatorForm(Formulir):
    indikator_kode = RadioField(
        "Indikator praktik yang akan ditingkatkan",
        validators=[DataRequired("Pilih satu indikator praktik yang akan ditingkatkan.")],
        choices=[],
    )


def indikator_form(pilihan: Iterable[IndikatorPraktik], **kwargs: Any) -> IndikatorForm:
    form = IndikatorForm(**kwargs)
    form.indikator_kode.choices = [SelectChoice(i.kode, i.nama) for i in pilihan]
    return form


class KegiatanForm(Formulir):
    """One `kali_<huruf>` field per catalog activity (added by `kegiatan_form`)."""

    huruf: Sequence[str] = ()

    def jumlah(self) -> dict[str, int]:
        """Times per activity letter, the blank and zero ones left out."""
        return {h: self[f"kali_{h}"].data for h in self.huruf if self[f"kali_{h}"].data}


def kegiatan_form(katalog: Sequence[KegiatanKompetensi], **kwargs: Any) -> KegiatanForm:
    huruf = tuple(k.huruf for k in katalog)
    fields: dict[str, Any] = {"huruf": huruf}
    for h in huruf:
        pesan = f"Kegiatan huruf {h}: isi berapa kali dengan angka 0 sampai {KALI_MAKSIMAL}."
        fields[f"kali_{h}"] = BilanganField(
            f"Berapa kali kegiatan huruf {h}",
            validators=[Optional(), NumberRange(0, KALI_MAKSIMAL, pesan)],
            pesan=pesan,
            kosong=0,
        )
    return type(KegiatanForm)("KegiatanFormKatalog", (KegiatanForm,), fields)(**kwargs)


class TugasForm(Formulir):
    ada = RadioField(
        "Apakah Anda memiliki tugas tambahan?",
        choices=[SelectChoice("tidak", "Tidak ada"), SelectChoice("ada", "Ada")],
        validators=[DataRequired("Pilih “Tidak ada” atau “Ada”.")],
    )
    tugas_tambahan = TextAreaField(
        "Tugas tambahan dan nomor SK-nya",
        validators=[Length(max=PANJANG_TEKS, message=f"Paling banyak {PANJANG_TEKS} karakter.")],
        description="Isi bila memilih “Ada”, mis. Wali kelas 4A (SK No. 421/07/2026).",
    )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        if self.ada.data == "ada" and not (self.tugas_tambahan.data or "").strip():
            self.tugas_tambahan.errors.append("Tuliskan tugas tambahan Anda dan nomor SK-nya.")
            ok = False
        return ok

    def isi(self) -> str:
        """What the plan keeps: the duty, or "" when there is none."""
        return (self.tugas_tambahan.data or "").strip() if self.ada.data == "ada" else ""


class PerilakuForm(Formulir):
    """`indikator_<kode>` and `fokus_<kode>` per BerAKHLAK aspect (added by `perilaku_form`)."""

    aspek: Sequence[AspekPerilaku] = ()

    def isian(self, aspek: AspekPerilaku) -> tuple[Field, Field]:
        return self[f"indikator_{aspek.kode}"], self[f"fokus_{aspek.kode}"]

    def perilaku(self) -> dict[str, tuple[str, str]]:
        """(indikator, fokus) by aspect name, as the plan keeps them."""
        hasil = {}
        for a in self.aspek:
            indikator, fokus = self.isian(a)
            hasil[a.nama] = ((indikator.data or "").strip(), (fokus.data or "").strip())
        return hasil


def perilaku_form(aspek: Sequence[AspekPerilaku], **kwargs: Any) -> PerilakuForm:
    fields: dict[str, Any] = {"aspek": tuple(aspek)}
    for a in aspek:
        for bagian, label in (("indikator", "Indikator perilaku"), ("fokus", "Fokus perilaku")):
            fields[f"{bagian}_{a.kode}"] = TextAreaField(
                label,
                validators=[
                    DataRequired(f"{label} {a.nama} wajib diisi."),
                    Length(
                        max=PANJANG_TEKS,
                        message=f"{label} {a.nama}: paling banyak {PANJANG_TEKS} karakter.",
                    ),
                ],
            )
    return type(PerilakuForm)("PerilakuFormKatalog", (PerilakuForm,), fields)(**kwargs)
