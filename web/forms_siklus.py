"""Forms of the improvement cycle's pages (web/blueprints/siklus/).

The questions of a step are regime data, so the step's form is made per request with one
textarea per question of the user's side.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wtforms import BooleanField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import Length, Optional

from web.forms import Formulir
from web.models import PertanyaanSiklus
from web.services.langkah import BELUM_MULAI, PANJANG_JAWABAN, SELESAI_SEMUA, Jawaban


class PanjangJawaban(Length):
    """At most PANJANG_JAWABAN characters, checked on the server only: a `maxlength` attribute
    would make the browser cut a long paste short without a word, and the text would be lost."""

    def __init__(self, message: str):
        super().__init__(max=PANJANG_JAWABAN, message=message)
        self.field_flags = {}


class JawabanForm(Formulir):
    """One `isi_<kode>` textarea per question of the user's side (added by `jawaban_form`)."""

    kode: Sequence[str] = ()

    def isian(self) -> dict[str, str]:
        """The answers the request carried, by question code; a textarea the request left out
        is not an empty answer and is left alone."""
        return {
            k: self[f"isi_{k}"].data or ""
            for k in self.kode
            if self.is_submitted() and self[f"isi_{k}"].raw_data
        }


def jawaban_form(pertanyaan: Sequence[Jawaban | PertanyaanSiklus], **kwargs: Any) -> JawabanForm:
    kode = tuple(p.kode for p in pertanyaan)
    fields: dict[str, Any] = {"kode": kode}
    for nomor, p in enumerate(pertanyaan, 1):
        fields[f"isi_{p.kode}"] = TextAreaField(
            f"{nomor}. {p.teks}",
            validators=[
                Optional(),
                PanjangJawaban(
                    f"Jawaban nomor {nomor} paling banyak %(max)d karakter; sekarang "
                    "%(length)d. Persingkat lalu simpan lagi."
                ),
            ],
            description=p.petunjuk,
        )
    return type(JawabanForm)("JawabanFormLangkah", (JawabanForm,), fields)(**kwargs)


LANGKAH_SARING = [
    SelectChoice("", "Semua langkah"),
    SelectChoice(BELUM_MULAI, "Belum mulai siklus"),
    *(SelectChoice(k, f"Langkah {k}") for k in "ABCDE"),
    SelectChoice(SELESAI_SEMUA, "Selesai semua"),
]


class SaringPenilaiForm(Formulir):
    """The overview's filters, read from the query string (a GET form: no CSRF)."""

    class Meta:
        csrf = False

    langkah = SelectField("Langkah", choices=LANGKAH_SARING, validators=[Optional()])
    giliran = BooleanField("Hanya giliran saya")
