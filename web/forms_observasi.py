"""Forms of the observation (step B), the tim kerja and the rubric pages.

The rubric decides how many target behaviours there are, so the observation and rubric forms
are made per request from the rows the page shows, as the SKP's catalog forms are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from wtforms import (
    DateField,
    Field,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, Optional, StopValidation

from web.forms import Formulir, MultiCheckboxField
from web.models import Pegawai
from web.models.base import WIB
from web.services.observasi import (
    LABEL_CAPAIAN,
    PANJANG_CATATAN,
    PANJANG_RUBRIK,
    BarisRubrik,
    IsianObservasi,
    ObservasiError,
)

JUMLAH_PRAKTIK = 3  # encouraged and avoided practices per target behaviour (DOMAIN.md §5)


def _rapikan(nilai: Any) -> Any:
    return nilai.strip() if isinstance(nilai, str) else nilai


# --- the observation -------------------------------------------------------------------------


class ObservasiForm(Formulir):
    """`capaian_<u>` and `catatan_<u>` per target behaviour (added by `observasi_form`)."""

    urutan: Sequence[int] = ()

    jadwal_tanggal = DateField("Tanggal observasi", validators=[Optional()])
    jadwal_jam = TimeField(
        "Jam mulai",
        validators=[Optional()],
        format=["%H:%M", "%H.%M"],
        invalid_value_message="Jam tidak valid; tulis jam dan menit, mis. 08:30.",
    )
    tempat = StringField(
        "Tempat atau kelas",
        validators=[Optional(), Length(max=200)],
        filters=[_rapikan],
        description="Mis. Kelas 4A, ruang guru.",
    )
    rekomendasi = TextAreaField(
        "Rekomendasi",
        validators=[Length(max=PANJANG_CATATAN)],
        description="Saran untuk diskusi tindak lanjut (langkah C).",
    )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        tanggal, jam = self.jadwal_tanggal, self.jadwal_jam
        if tanggal.data and jam.data is None and not jam.errors:
            jam.errors.append("Isi juga jam observasi.")
            ok = False
        if jam.data and tanggal.data is None and not tanggal.errors:
            tanggal.errors.append("Isi juga tanggal observasi.")
            ok = False
        return ok

    def bagian(self, urutan: int) -> tuple[Field, Field]:
        return self[f"capaian_{urutan}"], self[f"catatan_{urutan}"]

    def isian(self) -> IsianObservasi:
        jadwal = None
        if self.jadwal_tanggal.data and self.jadwal_jam.data:
            jadwal = dt.datetime.combine(self.jadwal_tanggal.data, self.jadwal_jam.data, WIB)
        return IsianObservasi(
            jadwal=jadwal,
            tempat=self.tempat.data or "",
            capaian={u: self[f"capaian_{u}"].data or None for u in self.urutan},
            catatan={u: self[f"catatan_{u}"].data or "" for u in self.urutan},
            rekomendasi=self.rekomendasi.data or "",
        )

    def tolak(self, error: ObservasiError) -> None:
        """Show a refusal on the inputs it names, or at the top when it names none."""
        for nama, pesan in error.bidang.items():
            if nama in self:
                self[nama].errors = [*self[nama].errors, pesan]
            else:
                self.form_errors.append(pesan)
        if not error.bidang:
            self.form_errors.append(error.message)


def observasi_form(urutan: Iterable[int], **kwargs: Any) -> ObservasiForm:
    urutan = tuple(urutan)
    fields: dict[str, Any] = {"urutan": urutan}
    for u in urutan:
        fields[f"capaian_{u}"] = RadioField(
            f"Capaian perilaku {u}",
            choices=[SelectChoice(k, v) for k, v in LABEL_CAPAIAN.items()],
            validators=[Optional()],
        )
        fields[f"catatan_{u}"] = TextAreaField(
            f"Catatan bukti perilaku {u}",
            validators=[
                Length(
                    max=PANJANG_CATATAN,
                    message=f"Catatan perilaku {u}: paling banyak {PANJANG_CATATAN} karakter.",
                )
            ],
            description="Apa yang Anda lihat dan dengar, bukan kesan atau nilai.",
        )
    return type(ObservasiForm)("ObservasiFormRubrik", (ObservasiForm,), fields)(**kwargs)


# --- the rubric ------------------------------------------------------------------------------


class RubrikForm(Formulir):
    """`perilaku_<u>`, `dianjurkan_<u>_<k>` and `dihindari_<u>_<k>` per target behaviour."""

    urutan: Sequence[int] = ()

    def baris(self) -> list[BarisRubrik]:
        return [
            BarisRubrik(
                u,
                self[f"perilaku_{u}"].data,
                tuple(self[f"dianjurkan_{u}_{k}"].data for k in range(1, JUMLAH_PRAKTIK + 1)),
                tuple(self[f"dihindari_{u}_{k}"].data for k in range(1, JUMLAH_PRAKTIK + 1)),
            )
            for u in self.urutan
        ]

    def bagian(self, u: int) -> tuple[Field, list[Field], list[Field]]:
        return (
            self[f"perilaku_{u}"],
            [self[f"dianjurkan_{u}_{k}"] for k in range(1, JUMLAH_PRAKTIK + 1)],
            [self[f"dihindari_{u}_{k}"] for k in range(1, JUMLAH_PRAKTIK + 1)],
        )


def _teks_rubrik(label: str, nama: str) -> TextAreaField:
    return TextAreaField(
        label,
        validators=[
            DataRequired(f"{nama} wajib diisi."),
            Length(max=PANJANG_RUBRIK, message=f"{nama}: paling banyak {PANJANG_RUBRIK} karakter."),
        ],
        filters=[_rapikan],
        render_kw={"rows": 2, "maxlength": PANJANG_RUBRIK},
    )


def rubrik_form(urutan: Iterable[int], **kwargs: Any) -> RubrikForm:
    urutan = tuple(urutan)
    fields: dict[str, Any] = {"urutan": urutan}
    for u in urutan:
        fields[f"perilaku_{u}"] = _teks_rubrik("Perilaku yang diharapkan", f"Perilaku {u}")
        for k in range(1, JUMLAH_PRAKTIK + 1):
            fields[f"dianjurkan_{u}_{k}"] = _teks_rubrik(
                f"Dianjurkan {k}", f"Praktik dianjurkan {k} pada perilaku {u}"
            )
            fields[f"dihindari_{u}_{k}"] = _teks_rubrik(
                f"Dihindari {k}", f"Praktik dihindari {k} pada perilaku {u}"
            )
    return type(RubrikForm)("RubrikFormIndikator", (RubrikForm,), fields)(**kwargs)


# --- tim kerja -------------------------------------------------------------------------------


def _id(nilai: Any) -> int | None:
    """A posted id, or None for anything that is not one (the service then says what's wrong)."""
    teks = str(nilai).strip() if nilai is not None else ""
    return int(teks) if teks.isdigit() else None


def _dipilih(form: Formulir, field: Field) -> None:
    # Not DataRequired: its `required` flag would put `required` on every checkbox.
    if not [i for i in field.data or [] if i is not None]:
        raise StopValidation("Pilih minimal satu pegawai yang akan diamati.")


class TimForm(Formulir):
    anggota_id = SelectField(
        "Anggota tim kerja",
        coerce=_id,
        validate_choice=False,  # the service says why someone may not be appointed
        validators=[DataRequired("Pilih anggota tim kerja.")],
    )
    pegawai_ids = MultiCheckboxField(
        "Pegawai yang diamati",
        coerce=_id,
        validate_choice=False,
        validators=[_dipilih],
        description="Hanya pegawai yang Anda nilai hari ini.",
    )

    def ids(self) -> list[int]:
        return [i for i in self.pegawai_ids.data or [] if i is not None]


def tim_form(calon: Sequence[Pegawai], dinilai: Sequence[Pegawai], **kwargs: Any) -> TimForm:
    form = TimForm(**kwargs)
    form.anggota_id.choices = [
        SelectChoice("", "Pilih anggota"),
        *(SelectChoice(p.id, _nama(p)) for p in calon),
    ]
    form.pegawai_ids.choices = [SelectChoice(p.id, _nama(p)) for p in dinilai]
    return form


def _nama(p: Pegawai) -> str:
    """The name with the school, from a Pegawai selected with its Sekolah joined."""
    sekolah = p.sekolah.nama if p.sekolah_id is not None else ""
    return f"{p.nama} ({sekolah})" if sekolah else p.nama
