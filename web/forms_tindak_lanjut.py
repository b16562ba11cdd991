"""Forms of step D (recording an activity with its proof, the penilai's refusal) and of the
continuous-feedback timeline (an entry, a reply)."""

from __future__ import annotations

from collections.abc import Iterable

from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from web.domain.berkas import DITERIMA
from web.forms import Formulir
from web.models.base import hari_ini
from web.services.tindak_lanjut import galat_tanggal
from web.services.umpan_balik import JENIS

JUDUL_MAKS = 200
ALASAN_MAKS = 1000
ISI_MAKS = 2000


class RealisasiForm(Formulir):
    """An activity of step D as done: which planned activity, what it was, when, and its proof.
    The choices and the semester come from the cycle (realisasi_form)."""

    huruf = SelectField("Kegiatan", validators=[DataRequired("Pilih kegiatan yang dilaksanakan.")])
    judul = StringField(
        "Nama kegiatan",
        validators=[
            DataRequired("Nama kegiatan wajib diisi."),
            Length(max=JUDUL_MAKS, message=f"Nama kegiatan paling banyak {JUDUL_MAKS} karakter."),
        ],
        description="Mis. judul pelatihan atau topik komunitas belajar, seperti tertulis di bukti.",
    )
    tanggal = DateField(
        "Tanggal pelaksanaan", validators=[InputRequired("Tanggal pelaksanaan wajib diisi.")]
    )
    bukti = FileField(
        "Berkas bukti",
        validators=[FileRequired("Pilih berkas bukti (PDF, JPG atau PNG).")],
        description="PDF, JPG atau PNG, paling besar 10 MB. Mis. sertifikat atau foto kegiatan.",
        render_kw={"accept": DITERIMA},
    )

    tahun: int
    semester: int

    def validate_tanggal(self, field: DateField) -> None:
        if field.data is not None and (
            galat := galat_tanggal(field.data, self.tahun, self.semester)
        ):
            raise ValidationError(galat)


def realisasi_form(
    pilihan: Iterable[tuple[str, str]], tahun: int, semester: int, **kwargs: object
) -> RealisasiForm:
    form = RealisasiForm(**kwargs)
    form.huruf.choices = [SelectChoice("", "Pilih kegiatan")] + [
        SelectChoice(h, f"{h}. {nama}") for h, nama in pilihan
    ]
    form.tahun, form.semester = tahun, semester
    return form


class TolakForm(Formulir):
    """The penilai refusing an activity: the reason is required."""

    alasan = TextAreaField(
        "Alasan penolakan",
        validators=[
            DataRequired("Tulis alasan penolakan agar pegawai tahu apa yang perlu diperbaiki."),
            Length(max=ALASAN_MAKS, message=f"Alasan paling banyak {ALASAN_MAKS} karakter."),
        ],
    )


def _tidak_di_masa_depan(form: Formulir, field: DateField) -> None:
    if field.data is not None and field.data > hari_ini():
        raise ValidationError("Tanggal tidak boleh setelah hari ini.")


class UmpanBalikForm(Formulir):
    """An entry the penilai writes on the pegawai's timeline."""

    jenis = SelectField(
        "Jenis",
        choices=[SelectChoice(k, label) for k, label in JENIS.items()],
        validators=[DataRequired("Pilih jenis umpan balik.")],
    )
    tanggal = DateField(
        "Tanggal",
        default=hari_ini,
        validators=[InputRequired("Tanggal wajib diisi."), _tidak_di_masa_depan],
        description="Tanggal percakapan atau pengamatan; paling lambat hari ini.",
    )
    isi = TextAreaField(
        "Isi",
        validators=[
            DataRequired("Isi umpan balik wajib diisi."),
            Length(max=ISI_MAKS, message=f"Isi paling banyak {ISI_MAKS} karakter."),
        ],
    )


class BalasanForm(Formulir):
    """The pegawai's reply to an entry."""

    isi = TextAreaField(
        "Balasan Anda",
        validators=[
            DataRequired("Balasan wajib diisi."),
            Length(max=ISI_MAKS, message=f"Balasan paling banyak {ISI_MAKS} karakter."),
        ],
    )
