"""The penilai's decision on a submitted SKP: the final seven behaviour focuses, ekspektasi
khusus, agreement to a point total outside the range, and the note when sending it back."""

from __future__ import annotations

from typing import Any

from wtforms import BooleanField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from web.domain.skp import ASPEK_BERAKHLAK
from web.forms import Formulir
from web.services.persetujuan import REVISI, SEPAKATI
from web.services.skp import Perilaku


class _PerilakuForm(Formulir):
    """indikator_N and fokus_N for the N-th BerAKHLAK aspect (Pasal 20(1) order), made first so
    the error summary lists them in the order of the page."""


for _nomor, _aspek in enumerate(ASPEK_BERAKHLAK, 1):
    setattr(
        _PerilakuForm,
        f"indikator_{_nomor}",
        TextAreaField(
            "Indikator",
            validators=[
                Optional(),
                Length(max=500, message=f"Indikator {_aspek} paling banyak 500 karakter."),
            ],
        ),
    )
    setattr(
        _PerilakuForm,
        f"fokus_{_nomor}",
        TextAreaField(
            "Fokus perilaku",
            validators=[
                Optional(),
                Length(max=500, message=f"Fokus perilaku {_aspek} paling banyak 500 karakter."),
            ],
        ),
    )


class KeputusanForm(_PerilakuForm):
    """Which button was pressed decides what is required: agreeing needs all seven focuses (and
    the point agreement when the total is out of range); sending back needs the note."""

    ekspektasi_khusus = TextAreaField(
        "Ekspektasi khusus (tidak wajib)",
        validators=[
            Optional(),
            Length(max=1000, message="Ekspektasi khusus paling banyak 1000 karakter."),
        ],
        description="Harapan Anda yang khusus untuk pegawai ini tahun ini.",
    )
    setujui_poin = BooleanField("Saya menyetujui jumlah poin di luar rentang")
    catatan = TextAreaField(
        "Catatan untuk pegawai",
        validators=[
            Optional(),
            Length(max=2000, message="Catatan paling banyak 2000 karakter."),
        ],
        description="Wajib bila SKP dikembalikan: tulis bagian mana yang perlu direvisi.",
    )
    keputusan = SelectField(
        "Keputusan",
        choices=[
            SelectChoice(SEPAKATI, "Sepakati SKP"),
            SelectChoice(REVISI, "Kembalikan untuk revisi"),
        ],
        validators=[DataRequired("Pilih: sepakati SKP atau kembalikan untuk revisi.")],
    )

    def __init__(self, *args: Any, rentang: tuple[int, int, int] | None = None, **kwargs: Any):
        """`rentang` is (total, minimal, maksimal) when the total is outside the range: then the
        checkbox is shown, names the numbers, and agreeing requires it."""
        super().__init__(*args, **kwargs)
        self.rentang = rentang
        if rentang is not None:
            total, minimal, maksimal = rentang
            self.setujui_poin.label.text = (
                f"Saya menyetujui jumlah poin {total} di luar rentang {minimal}–{maksimal}"
            )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        if self.keputusan.data == SEPAKATI:
            for nomor, aspek in enumerate(ASPEK_BERAKHLAK, 1):
                fokus = self[f"fokus_{nomor}"]
                if not (fokus.data or "").strip():
                    fokus.errors.append(f"Fokus perilaku {aspek} wajib diisi.")
                    ok = False
            if self.rentang is not None and not self.setujui_poin.data:
                total, minimal, maksimal = self.rentang
                self.setujui_poin.errors.append(
                    f"Jumlah poin {total} di luar rentang {minimal}–{maksimal}: centang "
                    "persetujuan Anda untuk menyepakati SKP ini, atau kembalikan untuk revisi."
                )
                ok = False
        elif self.keputusan.data == REVISI and not (self.catatan.data or "").strip():
            self.catatan.errors.append(
                "Tuliskan catatan untuk pegawai: bagian mana yang perlu direvisi."
            )
            ok = False
        return ok

    @property
    def poin_disetujui(self) -> bool:
        """The checkbox counts only where it was shown: for a total outside the range."""
        return self.rentang is not None and bool(self.setujui_poin.data)

    def perilaku_final(self) -> dict[str, Perilaku]:
        return {
            aspek: Perilaku(
                (self[f"indikator_{nomor}"].data or "").strip(),
                (self[f"fokus_{nomor}"].data or "").strip(),
            )
            for nomor, aspek in enumerate(ASPEK_BERAKHLAK, 1)
        }
