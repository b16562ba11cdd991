"""Forms of the data reports: the pegawai's report and the admin dinas's answer."""

from __future__ import annotations

from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from web.forms import Formulir


class LaporanDataForm(Formulir):
    isi = TextAreaField(
        "Apa yang salah dan seharusnya bagaimana?",
        validators=[
            DataRequired("Tuliskan data yang salah dan isi yang benar."),
            Length(max=2000, message="Paling banyak 2000 karakter."),
        ],
        description="Mis. “Pangkat saya III/c sejak April 2026, bukan III/b.”",
    )


class TanggapanForm(Formulir):
    tanggapan = TextAreaField(
        "Tanggapan",
        validators=[
            DataRequired("Tanggapan wajib diisi."),
            Length(max=2000, message="Tanggapan paling banyak 2000 karakter."),
        ],
        description="Tuliskan apa yang sudah diperbaiki, atau mengapa data tidak diubah.",
        render_kw={"rows": 5},
    )
