"""Forms of the account pages: activating an account with its code, printing codes."""

from __future__ import annotations

from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from web.forms import WAJIB, Formulir
from web.services.akun import PANJANG_SANDI_MINIMAL


class KodeField(StringField):
    """A text input that never writes back what was typed: a code must not linger on a page."""

    def _value(self) -> str:
        return ""


class AktivasiForm(Formulir):
    username = StringField(
        "NIP, NUPTK atau e-mail",
        validators=[DataRequired("NIP, NUPTK atau e-mail " + WAJIB), Length(max=200)],
        description="Seperti tertulis pada kartu kode aktivasi Anda.",
    )
    kode = KodeField(
        "Kode aktivasi",
        validators=[DataRequired("Kode aktivasi " + WAJIB), Length(max=40)],
        description="8 huruf dan angka pada kartu, mis. ABCD-EFGH. Huruf besar atau kecil "
        "sama saja.",
    )
    password = PasswordField(
        "Kata sandi baru",
        validators=[
            DataRequired("Kata sandi baru " + WAJIB),
            Length(
                min=PANJANG_SANDI_MINIMAL,
                max=200,
                message=f"Kata sandi paling sedikit {PANJANG_SANDI_MINIMAL} karakter.",
            ),
        ],
        description=f"Paling sedikit {PANJANG_SANDI_MINIMAL} karakter; jangan memakai NIP, "
        "NUPTK atau e-mail Anda.",
    )
    password_ulang = PasswordField(
        "Ulangi kata sandi baru",
        validators=[
            DataRequired("Ulangan kata sandi " + WAJIB),
            EqualTo("password", message="Kedua kata sandi tidak sama."),
        ],
    )

    def forget_secrets(self) -> None:
        """Before showing the form again: the code and passwords are typed afresh."""
        for f in (self.kode, self.password, self.password_ulang):
            f.data = ""
            f.raw_data = []


class KodeAktivasiForm(Formulir):
    sertakan_berkode = BooleanField(
        "Sertakan yang kodenya sudah pernah dibuat",
        description="Kode lama mereka tidak berlaku lagi setelah kode baru dibuat.",
    )
