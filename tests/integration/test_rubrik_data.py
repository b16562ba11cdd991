"""The default observation rubric shipped with the 2024 regime: three target behaviours per
practice indicator, each with three encouraged and three avoided practices, short and filled
in; and a new dinas gets it, marked as Kinerja's default."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from web.db import tenant_transaction
from web.models import RubrikPerilaku

DATA = Path(__file__).resolve().parents[2] / "tenants" / "reference" / "regime_2024"
KOLOM = [
    "indikator_kode",
    "urutan",
    "perilaku",
    *(f"dianjurkan_{i}" for i in (1, 2, 3)),
    *(f"dihindari_{i}" for i in (1, 2, 3)),
]


def _baca(nama: str) -> list[dict[str, str]]:
    with (DATA / f"{nama}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_three_behaviours_for_each_of_the_sixteen_indicators():
    rubrik = _baca("rubrik")
    kode = [i["kode"] for i in _baca("indikator_praktik")]
    assert len(kode) == 16 and len(rubrik) == 48
    assert Counter(b["indikator_kode"] for b in rubrik) == dict.fromkeys(kode, 3)
    for k in kode:
        urutan = sorted(int(b["urutan"]) for b in rubrik if b["indikator_kode"] == k)
        assert urutan == [1, 2, 3], k


def test_every_cell_is_filled_short_and_not_repeated():
    rubrik = _baca("rubrik")
    with (DATA / "rubrik.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == KOLOM
    for b in rubrik:
        for kolom in KOLOM:
            nilai = b[kolom]
            assert nilai and nilai == nilai.strip(), (b["indikator_kode"], b["urutan"], kolom)
            assert len(nilai) <= 200, (b["indikator_kode"], b["urutan"], kolom)
    teks = [b[k] for b in rubrik for k in KOLOM[2:]]
    ulang = [t for t, n in Counter(teks).items() if n > 1]
    assert not ulang, ulang
    # A guru's behaviours speak of the guru, a kepala sekolah's of the kepala sekolah.
    for b in rubrik:
        subjek = "Guru " if b["indikator_kode"].startswith("G") else "Kepala sekolah "
        assert b["perilaku"].startswith(subjek), b["perilaku"]


def test_a_new_dinas_gets_the_rubric_as_the_default(make_tenant):
    dinas = make_tenant()
    with tenant_transaction(dinas.schema):
        urut = (RubrikPerilaku.indikator_kode, RubrikPerilaku.urutan)
        rows = list(RubrikPerilaku.select().order_by(*urut))
    assert len(rows) == 48
    assert all(r.bawaan_kinerja and r.regime_kode == "2024" for r in rows)
    assert all(len(r.dianjurkan) == 3 and len(r.dihindari) == 3 for r in rows)
    g1 = [r for r in rows if r.indikator_kode == "G1"]
    assert [r.perilaku for r in g1] == [
        b["perilaku"] for b in _baca("rubrik") if b["indikator_kode"] == "G1"
    ]
