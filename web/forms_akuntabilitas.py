"""Forms of the accountability documents and class attendance
(web/blueprints/siklus/akuntabilitas.py).

Both are made per request: the documents page has one upload form per document, and the
attendance page one row of fields per guru. Field names carry the document's code or the
guru's id, so every input on a page has its own id and the error summary links to the right
one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_wtf.file import FileField, FileRequired
from wtforms import Field, StringField
from wtforms.validators import Length

from web.domain.berkas import DITERIMA
from web.forms import BilanganField, Formulir
from web.models import DokumenAkuntabilitas, Kehadiran, Pegawai
from web.services.akuntabilitas import IsianKehadiran, periksa_isian

PETUNJUK_BERKAS = "PDF, JPG atau PNG, paling besar 10 MB."
JAM_MAKSIMAL = 1000  # far above any semester's teaching hours; catches a typed extra digit
PANJANG_CATATAN = 500


class DokumenForm(Formulir):
    """One file field, `berkas_<kode>` (added by `dokumen_form`)."""

    kode: str = ""

    @property
    def berkas(self) -> Field:
        return self[f"berkas_{self.kode}"]


def dokumen_form(jenis: DokumenAkuntabilitas, **kwargs: Any) -> DokumenForm:
    fields: dict[str, Any] = {
        "kode": jenis.kode,
        f"berkas_{jenis.kode}": FileField(
            f"Berkas {jenis.nama}",
            validators=[FileRequired(f"Pilih berkas {jenis.nama} ({jenis.kode}) untuk diunggah.")],
            description=PETUNJUK_BERKAS,
            render_kw={"accept": DITERIMA},
        ),
    }
    return type(DokumenForm)(f"DokumenForm{jenis.kode}", (DokumenForm,), fields)(**kwargs)


class KehadiranForm(Formulir):
    """`terjadwal_<id>`, `hadir_<id>` and `catatan_<id>` per guru (added by `kehadiran_form`)."""

    guru: tuple[Pegawai, ...] = ()
    tercatat: frozenset[int] = frozenset()  # guru whose attendance is already recorded

    def isian(self, guru: Pegawai) -> tuple[Field, Field, Field]:
        return (
            self[f"terjadwal_{guru.id}"],
            self[f"hadir_{guru.id}"],
            self[f"catatan_{guru.id}"],
        )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        for g in self.guru:
            terjadwal, hadir, _ = self.isian(g)
            if terjadwal.errors or hadir.errors:
                continue
            if terjadwal.data is None and hadir.data is None:
                if g.id in self.tercatat:
                    terjadwal.errors.append(
                        f"{g.nama}: kehadiran yang sudah dicatat tidak dapat dikosongkan; "
                        "isi jam terjadwal dan jam hadir."
                    )
                    ok = False
                continue
            for f, nama in ((terjadwal, "jam terjadwal"), (hadir, "jam hadir")):
                if f.data is None:
                    f.errors.append(f"{g.nama}: isi juga {nama}.")
                    ok = False
            if terjadwal.data is None or hadir.data is None:
                continue
            if terjadwal.data > JAM_MAKSIMAL:
                terjadwal.errors.append(f"{g.nama}: jam terjadwal paling banyak {JAM_MAKSIMAL}.")
                ok = False
                continue
            salah = periksa_isian(IsianKehadiran(terjadwal.data, hadir.data))
            if salah:
                (terjadwal if terjadwal.data < 1 else hadir).errors.append(f"{g.nama}: {salah}")
                ok = False
        return ok

    def terisi(self) -> dict[int, IsianKehadiran]:
        """The figures per guru id, the rows left blank out."""
        hasil = {}
        for g in self.guru:
            terjadwal, hadir, catatan = self.isian(g)
            if terjadwal.data is not None and hadir.data is not None:
                hasil[g.id] = IsianKehadiran(
                    terjadwal.data, hadir.data, (catatan.data or "").strip()
                )
        return hasil


def kehadiran_form(
    baris: Iterable[tuple[Pegawai, Kehadiran | None]], **kwargs: Any
) -> KehadiranForm:
    """The attendance form, filled with what is recorded (a POST's own input wins)."""
    baris = list(baris)
    fields: dict[str, Any] = {
        "guru": tuple(g for g, _ in baris),
        "tercatat": frozenset(g.id for g, k in baris if k is not None),
    }
    data: dict[str, Any] = {}
    for g, k in baris:
        pesan = f"{g.nama}: isi jam dengan bilangan bulat, mis. 36."
        fields[f"terjadwal_{g.id}"] = BilanganField("Jam terjadwal", pesan=pesan)
        fields[f"hadir_{g.id}"] = BilanganField("Jam hadir", pesan=pesan)
        fields[f"catatan_{g.id}"] = StringField(
            "Catatan (boleh kosong)",
            validators=[
                Length(
                    max=PANJANG_CATATAN,
                    message=f"{g.nama}: catatan paling banyak {PANJANG_CATATAN} karakter.",
                )
            ],
        )
        if k is not None:
            data |= {
                f"terjadwal_{g.id}": k.jam_terjadwal,
                f"hadir_{g.id}": k.jam_hadir,
                f"catatan_{g.id}": k.catatan,
            }
    form_class = type(KehadiranForm)("KehadiranFormSekolah", (KehadiranForm,), fields)
    return form_class(data=data, **kwargs)
