"""What the SKP pages need beyond the plan itself.

- rhk: the regulation's planned work results (rencana hasil kerja, Pasal 12(2) for guru a-e,
  12(3) for kepala sekolah a-i) with an individual indicator and target each, printed on the SKP
  document. Pasal 11(5) wants quantitative targets but the regulation gives none: the indicator
  and target wording is our editable default (`bawaan_kinerja`). `isian` names the part of the
  plan that fills in the target (the chosen indicator, the competency points, the tugas
  tambahan), empty when the target is the fixed text.
- skp.penilai_plt: the penilai who last acted did so as Plt, as the document must say.
- skp_perilaku.indikator: each behaviour focus is an indicator plus a focus behaviour (DOMAIN.md
  §4), the pegawai proposes both and the penilai sets the final seven.
- skp_riwayat.isi: the plan as it stood at a submission, a send-back or an agreement, so the
  pegawai and the penilai can see what changed between two of them; skp_riwayat.terlambat: the
  action happened after its window closed (windows warn, they do not block: DOMAIN.md §3).
- laporan_data: a pegawai telling the admin dinas that their data is wrong, and the answer.
"""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "reference" / "regime_2024" / "rhk.csv"
REGIME = "2024"

SKEMA = """
CREATE TABLE rhk (
    regime_kode       text NOT NULL REFERENCES regime (kode),
    peran             text NOT NULL CHECK (peran IN ('guru', 'kepala_sekolah')),
    huruf             text NOT NULL,
    urutan            integer NOT NULL,
    rencana           text NOT NULL,
    indikator_kinerja text NOT NULL,
    target            text NOT NULL,
    isian             text NOT NULL DEFAULT ''
                      CHECK (isian IN ('', 'indikator', 'kegiatan', 'tugas_tambahan')),
    dasar             text NOT NULL DEFAULT '',
    bawaan_kinerja    boolean NOT NULL,
    PRIMARY KEY (regime_kode, peran, huruf)
);

ALTER TABLE skp ADD COLUMN penilai_plt boolean NOT NULL DEFAULT false;
ALTER TABLE skp_perilaku ADD COLUMN indikator text NOT NULL DEFAULT '';
ALTER TABLE skp_riwayat ADD COLUMN isi jsonb;
ALTER TABLE skp_riwayat ADD COLUMN terlambat boolean NOT NULL DEFAULT false;

CREATE TABLE laporan_data (
    id             serial PRIMARY KEY,
    pegawai_id     integer NOT NULL REFERENCES pegawai (id),
    isi            text NOT NULL CHECK (length(btrim(isi)) > 0),
    dibuat         timestamptz NOT NULL DEFAULT now(),
    selesai        timestamptz,
    ditangani_oleh integer REFERENCES pegawai (id),
    tanggapan      text NOT NULL DEFAULT ''
);
CREATE INDEX laporan_data_terbuka_idx ON laporan_data (dibuat) WHERE selesai IS NULL;
CREATE INDEX laporan_data_pegawai_idx ON laporan_data (pegawai_id, dibuat);
"""


def up(migrator, db):
    db.execute_sql(SKEMA)
    with DATA.open(encoding="utf-8", newline="") as handle:
        baris = list(csv.DictReader(handle))
    db.cursor().executemany(
        "INSERT INTO rhk (regime_kode, peran, huruf, urutan, rencana, indikator_kinerja, target,"
        " isian, dasar, bawaan_kinerja) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT DO NOTHING",
        [
            (
                REGIME,
                b["peran"],
                b["huruf"],
                int(b["urutan"]),
                b["rencana"],
                b["indikator_kinerja"],
                b["target"],
                b["isian"],
                b["dasar"],
                b["bawaan_kinerja"] == "ya",
            )
            for b in baris
        ],
    )
