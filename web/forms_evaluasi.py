"""Forms of the penilai's evaluation page: the ratings (any may stay empty in a draft; the
service lists what finalising still needs) and the reason of a correction."""

from __future__ import annotations

from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import DataRequired, Length

from web.domain.evaluasi import LABEL_RATING, Rating
from web.domain.skp import ASPEK_BERAKHLAK
from web.forms import Formulir
from web.services.evaluasi import ASPEK_PRAKTIK, RATING_UTAMA, Isian

PILIHAN = [SelectChoice(r.value, LABEL_RATING[r]) for r in Rating]


def _rating(nilai: str | None) -> str | None:
    """An empty choice is None; anything that is not a rating is refused."""
    if not nilai:
        return None
    try:
        return Rating(nilai).value
    except ValueError:
        raise ValueError("Pilihan tidak valid.") from None


class RatingField(RadioField):
    """Three ratings or none (a draft); any other value is refused with an Indonesian message."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            try:
                self.data = _rating(valuelist[0])
            except ValueError as error:
                self.data = None
                raise ValueError(str(error)) from None


def _radio(label: str) -> RatingField:
    return RatingField(label, choices=PILIHAN, coerce=_rating, validate_choice=False)


def nama_fokus(i: int) -> str:
    return f"fokus_{i}"


class EvaluasiForm(Formulir):
    upaya_refleksi = _radio(ASPEK_PRAKTIK["upaya_refleksi"])
    upaya_mempelajari = _radio(ASPEK_PRAKTIK["upaya_mempelajari"])
    perubahan_praktik = _radio(ASPEK_PRAKTIK["perubahan_praktik"])
    hasil_kerja = _radio(RATING_UTAMA["hasil_kerja"])
    perilaku = _radio(RATING_UTAMA["perilaku"])
    catatan = TextAreaField("Catatan", validators=[Length(max=4000)])
    rekomendasi = TextAreaField(
        "Rekomendasi untuk periode berikutnya", validators=[Length(max=4000)]
    )

    def fokus(self) -> list[tuple[str, RadioField]]:
        return [(a, self[nama_fokus(i)]) for i, a in enumerate(ASPEK_BERAKHLAK)]

    def isian(self) -> Isian:
        return Isian(
            rating={k: self[k].data for k in (*ASPEK_PRAKTIK, *RATING_UTAMA)},
            perilaku_fokus={a: f.data for a, f in self.fokus()},
            catatan=self.catatan.data or "",
            rekomendasi=self.rekomendasi.data or "",
        )


for _i, _aspek in enumerate(ASPEK_BERAKHLAK):
    setattr(EvaluasiForm, nama_fokus(_i), _radio(_aspek))


def data_awal(ev, perilaku: dict[str, str | None]) -> dict[str, object]:
    """The form's values from a saved revision."""
    if ev is None:
        return {}
    data: dict[str, object] = {k: getattr(ev, k) for k in (*ASPEK_PRAKTIK, *RATING_UTAMA)}
    data |= {nama_fokus(i): perilaku.get(a) for i, a in enumerate(ASPEK_BERAKHLAK)}
    data |= {"catatan": ev.catatan, "rekomendasi": ev.rekomendasi}
    return data


class KoreksiForm(Formulir):
    alasan = TextAreaField(
        "Alasan koreksi",
        validators=[DataRequired("Alasan koreksi wajib diisi."), Length(max=2000)],
    )
