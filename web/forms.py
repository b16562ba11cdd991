"""Forms shared across blueprints. Forms are named after what they capture."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    Field,
    IntegerField,
    PasswordField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from web.domain.identitas import (
    IdentitasError,
    normalkan_nip,
    periksa_email,
    periksa_nip,
    periksa_npsn,
    periksa_nuptk,
)
from web.models.base import hari_ini
from web.models.platform import TENANT_KINDS
from web.models.sekolah import JENJANG_SEKOLAH

WAJIB = "wajib diisi."

# WTForms ships no Indonesian; these are the generic messages its fields can produce.
_INDONESIA = {
    "Not a valid date value.": "Tanggal tidak valid; pilih tanggal atau tulis tttt-bb-hh.",
    "Not a valid choice.": "Pilihan tidak valid.",
    "Not a valid integer value.": "Harus berupa bilangan bulat.",
    "'%(value)s' is not a valid choice for this field.": "'%(value)s' bukan pilihan yang sah.",
    "This field is required.": "Wajib diisi.",
    "Invalid input.": "Isian tidak valid.",
    "Field cannot be longer than %(max)d character.": "Paling banyak %(max)d karakter.",
    "Field cannot be longer than %(max)d characters.": "Paling banyak %(max)d karakter.",
    "Field must be between %(min)d and %(max)d characters long.": (
        "Harus %(min)d sampai %(max)d karakter."
    ),
}


class _Terjemahan:
    def gettext(self, text: str) -> str:
        return _INDONESIA.get(text, text)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


class Formulir(FlaskForm):
    """Base of every form: CSRF from Flask-WTF, messages in Bahasa Indonesia."""

    class Meta:
        def get_translations(self, form: FlaskForm) -> _Terjemahan:
            return _Terjemahan()


def input_attrs(field: Field, **attrs: str | None) -> dict[str, str]:
    """HTML attributes for a field's input: the given ones that are set, plus the ARIA links to
    its hint and its error so screen readers announce them."""
    described = [f"{field.id}-petunjuk"] if field.description else []
    if field.errors:
        described.append(f"{field.id}-galat")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return {name: value for name, value in attrs.items() if value is not None}


class MasukForm(Formulir):
    username = StringField(
        "NIP, NUPTK atau e-mail",
        validators=[DataRequired("NIP, NUPTK atau e-mail " + WAJIB), Length(max=200)],
        description="NIP 18 angka atau NUPTK 16 angka tanpa spasi, atau alamat e-mail Anda.",
    )
    password = PasswordField(
        "Kata sandi", validators=[DataRequired("Kata sandi " + WAJIB), Length(max=200)]
    )


class DinasBaruForm(Formulir):
    slug = StringField(
        "Slug (subdomain)",
        validators=[
            DataRequired("Slug " + WAJIB),
            Regexp(
                r"^[a-z][a-z0-9-]{0,38}[a-z0-9]$",
                message="Slug hanya huruf kecil, angka dan tanda hubung (-), diawali huruf.",
            ),
        ],
        description="Menjadi alamat dinas, mis. kab-bogor → kab-bogor.<domain>.",
    )
    name = StringField(
        "Nama dinas", validators=[DataRequired("Nama dinas " + WAJIB), Length(max=200)]
    )
    kind = SelectField(
        "Jenis",
        choices=[SelectChoice(value, label) for value, label in TENANT_KINDS.items()],
        validators=[DataRequired("Jenis dinas " + WAJIB)],
    )
    admin_email = EmailField(
        "E-mail admin dinas pertama",
        validators=[
            DataRequired("E-mail admin " + WAJIB),
            Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message="Alamat e-mail admin tidak valid."),
        ],
    )


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes: works on every phone, no JavaScript."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def normalkan_dan_periksa_nip(raw: str) -> str:
    nip = normalkan_nip(raw)
    periksa_nip(nip, hari_ini=hari_ini())
    return nip


def _domain_check(check: Callable[[str], str]) -> Callable[[FlaskForm, Field], None]:
    """A WTForms validator from a domain check: its message becomes the field's error and its
    normalised value the field's data."""

    def validate(form: FlaskForm, field: Field) -> None:
        if not field.data:
            return
        try:
            field.data = check(field.data)
        except IdentitasError as error:
            raise ValidationError(error.message) from None

    return validate


class SekolahForm(Formulir):
    npsn = StringField(
        "NPSN",
        validators=[DataRequired("NPSN " + WAJIB), _domain_check(periksa_npsn)],
        description="8 angka, sesuai Dapodik.",
    )
    nama = StringField(
        "Nama sekolah", validators=[DataRequired("Nama sekolah " + WAJIB), Length(max=200)]
    )
    jenjang = SelectField(
        "Jenjang",
        choices=[SelectChoice(j, j) for j in JENJANG_SEKOLAH],
        validators=[DataRequired("Jenjang " + WAJIB)],
    )
    status = SelectField(
        "Status",
        choices=[SelectChoice("negeri", "Negeri"), SelectChoice("swasta", "Swasta")],
        validators=[DataRequired("Status " + WAJIB)],
    )
    kecamatan = StringField("Kecamatan", validators=[Optional(), Length(max=100)])
    alamat = TextAreaField("Alamat", validators=[Optional(), Length(max=500)])


STATUS_KEPEGAWAIAN = ("PNS", "PPPK", "non-ASN")
JENJANG_JABATAN = ("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama")


def _pilihan(values: tuple[str, ...], kosong: str) -> list[SelectChoice]:
    return [SelectChoice("", kosong), *(SelectChoice(v, v) for v in values)]


class PegawaiForm(Formulir):
    nama = StringField(
        "Nama lengkap dengan gelar", validators=[DataRequired("Nama " + WAJIB), Length(max=200)]
    )
    nip = StringField(
        "NIP",
        validators=[Optional(), _domain_check(normalkan_dan_periksa_nip)],
        description="18 angka; kosongkan bila bukan ASN.",
    )
    nuptk = StringField(
        "NUPTK", validators=[Optional(), _domain_check(periksa_nuptk)], description="16 angka."
    )
    email = StringField("E-mail", validators=[Optional(), _domain_check(periksa_email)])
    telepon = StringField("Nomor HP", validators=[Optional(), Length(max=30)])
    status_kepegawaian = SelectField(
        "Status kepegawaian",
        choices=_pilihan(STATUS_KEPEGAWAIAN, "Pilih status"),
        validators=[DataRequired("Status kepegawaian " + WAJIB)],
    )
    jenjang_jabatan = SelectField(
        "Jenjang jabatan",
        choices=_pilihan(JENJANG_JABATAN, "Tidak ada / belum"),
        validators=[Optional()],
    )
    pangkat_golongan = SelectField("Pangkat/golongan", validators=[Optional()], choices=[])
    npsn_sekolah = StringField(
        "NPSN sekolah tempat tugas",
        validators=[Optional(), _domain_check(periksa_npsn)],
        description="Kosongkan untuk pegawai dinas. Pindah sekolah dicatat lewat Mutasi.",
    )
    peran = MultiCheckboxField(
        "Peran",
        choices=[
            SelectChoice("guru", "Guru"),
            SelectChoice("pengawas", "Pengawas"),
            SelectChoice("admin_dinas", "Admin dinas"),
        ],
        description="Kepala sekolah dan kepala dinas ditetapkan lewat Jabatan.",
    )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        if not (self.nip.data or self.nuptk.data or self.email.data):
            self.form_errors.append(
                "Isi minimal salah satu: NIP, NUPTK atau e-mail (dipakai untuk masuk)."
            )
            ok = False
        if self.status_kepegawaian.data == "PNS" and not self.nip.data:
            self.nip.errors.append("NIP wajib diisi untuk PNS.")
            ok = False
        return ok


class MutasiForm(Formulir):
    npsn_tujuan = StringField(
        "NPSN sekolah tujuan",
        validators=[DataRequired("NPSN sekolah tujuan " + WAJIB), _domain_check(periksa_npsn)],
    )
    tanggal = DateField(
        "Berlaku mulai tanggal",
        validators=[InputRequired("Tanggal mutasi " + WAJIB)],
    )


class JabatanForm(Formulir):
    jabatan = SelectField(
        "Jabatan",
        choices=[
            SelectChoice("kepala_sekolah", "Kepala sekolah"),
            SelectChoice("kepala_dinas", "Kepala dinas"),
        ],
        validators=[DataRequired("Jabatan " + WAJIB)],
    )
    npsn_sekolah = StringField(
        "NPSN sekolah yang dipimpin",
        validators=[Optional(), _domain_check(periksa_npsn)],
        description="Hanya untuk kepala sekolah.",
    )
    plt = BooleanField("Pelaksana tugas (Plt)")
    mulai = DateField("Mulai", validators=[InputRequired("Tanggal mulai " + WAJIB)])
    selesai = DateField("Selesai (kosongkan bila belum ditentukan)", validators=[Optional()])
    nomor_sk = StringField("Nomor SK", validators=[Optional(), Length(max=100)])


class AkhiriJabatanForm(Formulir):
    selesai = DateField(
        "Berakhir pada tanggal", validators=[InputRequired("Tanggal berakhir " + WAJIB)]
    )


class BinaanForm(Formulir):
    npsn_binaan = StringField(
        "NPSN sekolah binaan",
        validators=[DataRequired("NPSN sekolah binaan " + WAJIB), _domain_check(periksa_npsn)],
    )
    mulai = DateField("Mulai", validators=[InputRequired("Tanggal mulai " + WAJIB)])


class BilanganField(IntegerField):
    """A whole number in a row of a table-like form: blank reads as `kosong` (0, or None for "not
    recorded yet"); anything but a whole number gets the row's own message `pesan`, so the error
    summary says which row is wrong."""

    def __init__(self, *args: Any, pesan: str = "", kosong: int | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.pesan, self.kosong = pesan, kosong

    def process_formdata(self, valuelist: list[Any]) -> None:
        teks = str(valuelist[0]).strip() if valuelist else ""
        if not teks:
            self.data = self.kosong
            return
        try:
            self.data = int(teks)
        except ValueError:
            self.data = None
            raise ValueError(self.pesan) from None
