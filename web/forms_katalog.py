"""Forms of the catalog pages."""

from __future__ import annotations

from wtforms import DateField, IntegerField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from web.forms import Formulir


class PoinForm(Formulir):
    poin = IntegerField(
        "Poin",
        validators=[
            InputRequired("Poin wajib diisi."),
            NumberRange(1, 128, "Poin harus antara 1 dan 128."),
        ],
    )
    satuan = StringField(
        "Satuan",
        validators=[Optional(), Length(max=100)],
        description="Mis. per kegiatan, per semester.",
    )


class PerpanjangForm(Formulir):
    sampai = DateField(
        "Diperpanjang sampai tanggal", validators=[InputRequired("Tanggal " + "wajib diisi.")]
    )
