"""Forms shared across blueprints. Forms are named after what they capture."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, Field, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp

from web.models.platform import TENANT_KINDS

WAJIB = "wajib diisi."


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


class MasukForm(FlaskForm):
    username = StringField(
        "NIP atau e-mail",
        validators=[DataRequired("NIP atau e-mail " + WAJIB), Length(max=200)],
        description="NIP 18 angka tanpa spasi, atau alamat e-mail Anda.",
    )
    password = PasswordField(
        "Kata sandi", validators=[DataRequired("Kata sandi " + WAJIB), Length(max=200)]
    )


class DinasBaruForm(FlaskForm):
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
