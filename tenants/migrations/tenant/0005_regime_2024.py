"""The 2024 regime (Perdirjen GTK 7607/B.B1/HK.03/2023) as data, with its catalog and windows.

A regime is a record, never a branch on the year (DOMAIN.md §9). Every catalog row carries
`regime_kode`, so a later regime (2025, 2026) is added by its own migration next to these rows
without touching them, and the 2024 catalog keeps its meaning for 2024's plans.

- regime: cadence, point range, evidence policy, competency mode, managed roles, source.
- indikator_praktik: the eight practice indicators per role (Pasal 13), `kode` G1-G8 / K1-K8.
- indikator_prioritas: the indicators a dinas marks as its priority for one year. A table of its
  own, not a column: the catalog is reference data shared by every dinas and refreshed by
  migrations, while a priority is this dinas's decision for a given year, with who made it.
- aspek_perilaku / perilaku_bawaan: the seven BerAKHLAK aspects (Pasal 20) and, per role, a
  default indicator and focus behaviour. `dari_regulasi` marks wording taken from the ministry's
  guide; `bawaan_kinerja` marks our own editable default. Exactly one of the two is true.
- kegiatan_kompetensi: competency activities a-r (Pasal 14). Points are NULL with status
  'belum_ditetapkan' where no value was found; a number is never invented.
- dokumen_akuntabilitas: documents collected (not rated) per role.
- jendela_baku: the regime's default windows as month/day offsets; jendela: concrete windows per
  year in this dinas, which a dinas admin may extend (`diperpanjang_sampai`).

The data lives in tenants/reference/regime_2024/*.csv so that it can be reviewed without reading
code. Inserts skip rows already present, so loading twice changes nothing.
"""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "reference" / "regime_2024"
REGIME = "2024"
# Concrete windows generated for these years from the regime's template.
TAHUN_JENDELA = (2024, 2025, 2026)

SKEMA = """
CREATE TABLE regime (
    kode            text PRIMARY KEY,
    nama            text NOT NULL,
    cadence         text NOT NULL CHECK (cadence IN ('semester', 'tahunan')),
    poin_minimal    integer CHECK (poin_minimal >= 0),
    poin_maksimal   integer,
    bukti_wajib     boolean NOT NULL,
    mode_kompetensi text NOT NULL CHECK (mode_kompetensi IN ('poin', 'refleksi')),
    peran_dikelola  text[] NOT NULL CHECK (cardinality(peran_dikelola) > 0 AND
                    peran_dikelola <@ ARRAY['guru', 'kepala_sekolah', 'pengawas']::text[]),
    sumber          text NOT NULL,
    berlaku_mulai   date,
    catatan         text NOT NULL DEFAULT '',
    CHECK (poin_maksimal >= poin_minimal),
    CHECK (mode_kompetensi <> 'poin' OR (poin_minimal IS NOT NULL AND poin_maksimal IS NOT NULL))
);

CREATE TABLE indikator_praktik (
    regime_kode     text NOT NULL REFERENCES regime (kode),
    kode            text NOT NULL,
    peran           text NOT NULL CHECK (peran IN ('guru', 'kepala_sekolah', 'pengawas')),
    urutan          integer NOT NULL,
    nama            text NOT NULL,
    label_panduan   text NOT NULL DEFAULT '',
    kelompok        text NOT NULL DEFAULT '',
    indikator_rapor text NOT NULL DEFAULT '',
    dasar           text NOT NULL DEFAULT '',
    penjelasan      text NOT NULL DEFAULT '',
    aktif           boolean NOT NULL DEFAULT true,
    PRIMARY KEY (regime_kode, kode),
    UNIQUE (regime_kode, peran, urutan)
);

CREATE TABLE indikator_prioritas (
    regime_kode    text NOT NULL,
    indikator_kode text NOT NULL,
    tahun          integer NOT NULL CHECK (tahun BETWEEN 2020 AND 2100),
    ditandai_oleh  integer REFERENCES pegawai (id),
    dibuat         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (regime_kode, indikator_kode, tahun),
    FOREIGN KEY (regime_kode, indikator_kode) REFERENCES indikator_praktik (regime_kode, kode)
);

CREATE TABLE aspek_perilaku (
    regime_kode text NOT NULL REFERENCES regime (kode),
    kode        text NOT NULL,
    urutan      integer NOT NULL,
    nama        text NOT NULL,
    dasar       text NOT NULL DEFAULT '',
    penjelasan  text NOT NULL DEFAULT '',
    PRIMARY KEY (regime_kode, kode),
    UNIQUE (regime_kode, urutan)
);

CREATE TABLE perilaku_bawaan (
    id             serial PRIMARY KEY,
    regime_kode    text NOT NULL,
    aspek_kode     text NOT NULL,
    peran          text NOT NULL CHECK (peran IN ('guru', 'kepala_sekolah', 'pengawas')),
    urutan         integer NOT NULL DEFAULT 1,
    indikator      text NOT NULL,
    fokus_perilaku text NOT NULL,
    dari_regulasi  boolean NOT NULL,
    bawaan_kinerja boolean NOT NULL,
    catatan_sumber text NOT NULL DEFAULT '',
    FOREIGN KEY (regime_kode, aspek_kode) REFERENCES aspek_perilaku (regime_kode, kode),
    UNIQUE (regime_kode, aspek_kode, peran, urutan),
    CHECK (dari_regulasi <> bawaan_kinerja)
);

CREATE TABLE kegiatan_kompetensi (
    regime_kode     text NOT NULL REFERENCES regime (kode),
    huruf           text NOT NULL CHECK (huruf ~ '^[a-z]$'),
    urutan          integer NOT NULL,
    nama            text NOT NULL,
    peran_pelaksana text CHECK (peran_pelaksana IN ('kontributor', 'peserta')),
    poin            integer CHECK (poin > 0),
    satuan          text,
    status_poin     text NOT NULL
                    CHECK (status_poin IN ('regulasi', 'belum_dikonfirmasi', 'belum_ditetapkan')),
    dasar           text NOT NULL DEFAULT '',
    catatan_sumber  text NOT NULL DEFAULT '',
    PRIMARY KEY (regime_kode, huruf),
    -- A known value has a unit; an unknown one is visibly 'belum_ditetapkan', never a guess.
    CHECK ((poin IS NULL) = (status_poin = 'belum_ditetapkan')),
    CHECK (poin IS NULL OR satuan IS NOT NULL)
);

CREATE TABLE dokumen_akuntabilitas (
    regime_kode               text NOT NULL REFERENCES regime (kode),
    peran                     text NOT NULL
                              CHECK (peran IN ('guru', 'kepala_sekolah', 'pengawas')),
    kode                      text NOT NULL,
    urutan                    integer NOT NULL,
    nama                      text NOT NULL,
    disediakan_oleh           text NOT NULL CHECK (disediakan_oleh IN
                              ('pegawai', 'kepala_sekolah')),
    hanya_jika_tugas_tambahan boolean NOT NULL DEFAULT false,
    dasar                     text NOT NULL DEFAULT '',
    penjelasan                text NOT NULL DEFAULT '',
    PRIMARY KEY (regime_kode, peran, kode)
);

CREATE TABLE jendela_baku (
    id            serial PRIMARY KEY,
    regime_kode   text NOT NULL REFERENCES regime (kode),
    kode          text NOT NULL,
    semester      smallint CHECK (semester IN (1, 2)),
    urutan        integer NOT NULL,
    nama          text NOT NULL,
    bulan_mulai   smallint NOT NULL CHECK (bulan_mulai BETWEEN 1 AND 12),
    hari_mulai    smallint NOT NULL CHECK (hari_mulai BETWEEN 1 AND 31),
    bulan_selesai smallint NOT NULL CHECK (bulan_selesai BETWEEN 1 AND 12),
    -- NULL: up to the last day of bulan_selesai (February has 28 or 29 days).
    hari_selesai  smallint CHECK (hari_selesai BETWEEN 1 AND 31),
    -- 1 when the window falls in the year after the performance year (annual evaluation).
    geser_tahun   smallint NOT NULL DEFAULT 0 CHECK (geser_tahun IN (0, 1)),
    dasar         text NOT NULL DEFAULT '',
    keterangan    text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX jendela_baku_kode_idx
    ON jendela_baku (regime_kode, kode, coalesce(semester, 0));

CREATE TABLE jendela (
    id                  serial PRIMARY KEY,
    regime_kode         text NOT NULL REFERENCES regime (kode),
    tahun               integer NOT NULL CHECK (tahun BETWEEN 2020 AND 2100),
    kode                text NOT NULL,
    semester            smallint CHECK (semester IN (1, 2)),
    mulai               date NOT NULL,
    selesai             date NOT NULL,
    diperpanjang_sampai date,
    catatan             text NOT NULL DEFAULT '',
    diubah              timestamptz NOT NULL DEFAULT now(),
    CHECK (selesai >= mulai),
    CHECK (diperpanjang_sampai IS NULL OR diperpanjang_sampai >= selesai)
);
CREATE UNIQUE INDEX jendela_kode_idx
    ON jendela (regime_kode, tahun, kode, coalesce(semester, 0));
CREATE INDEX jendela_tahun_idx ON jendela (tahun, mulai);
"""

# Concrete windows from the template, one row per template row and year.
JENDELA_DARI_BAKU = """
INSERT INTO jendela (regime_kode, tahun, kode, semester, mulai, selesai)
SELECT b.regime_kode, t.tahun, b.kode, b.semester,
       make_date(t.tahun + b.geser_tahun, b.bulan_mulai, b.hari_mulai),
       CASE WHEN b.hari_selesai IS NULL
            THEN (make_date(t.tahun + b.geser_tahun, b.bulan_selesai, 1)
                  + interval '1 month' - interval '1 day')::date
            ELSE make_date(t.tahun + b.geser_tahun, b.bulan_selesai, b.hari_selesai)
       END
FROM jendela_baku b CROSS JOIN unnest(%s::integer[]) AS t (tahun)
WHERE b.regime_kode = %s
ON CONFLICT DO NOTHING
"""


# How a CSV cell becomes a column value. The CSV headers are the column names; an empty cell in
# a column listed here is NULL (text columns elsewhere keep '').
ANGKA = {
    "poin_minimal", "poin_maksimal", "urutan", "poin", "semester", "bulan_mulai", "hari_mulai",
    "bulan_selesai", "hari_selesai", "geser_tahun", "tahun",
}  # fmt: skip
YA_TIDAK = {"bukti_wajib", "dari_regulasi", "bawaan_kinerja", "hanya_jika_tugas_tambahan"}
BOLEH_KOSONG = {"peran_pelaksana", "satuan", "berlaku_mulai", "diperpanjang_sampai"}
DAFTAR = {"peran_dikelola"}  # values separated by ';'

# Loaded in this order (references first).
TABEL = (
    "regime",
    "indikator_praktik",
    "aspek_perilaku",
    "perilaku_bawaan",
    "kegiatan_kompetensi",
    "dokumen_akuntabilitas",
    "jendela_baku",
)


def _baca(nama: str) -> list[dict[str, str]]:
    with (DATA / f"{nama}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _nilai(kolom: str, sel: str):
    sel = sel.strip()
    if kolom in YA_TIDAK:
        if sel not in ("ya", "tidak"):
            raise ValueError(f"{kolom}: isi 'ya' atau 'tidak', bukan {sel!r}")
        return sel == "ya"
    if kolom in ANGKA or kolom in BOLEH_KOSONG:
        if not sel:
            return None
        return int(sel) if kolom in ANGKA else sel
    if kolom in DAFTAR:
        return [bagian.strip() for bagian in sel.split(";") if bagian.strip()]
    return sel


def _muat(cursor, tabel: str) -> None:
    baris = _baca(tabel)
    kolom = list(baris[0])
    if tabel != "regime":
        kolom = ["regime_kode", *kolom]
        baris = [{"regime_kode": REGIME, **b} for b in baris]
    cursor.executemany(
        f"INSERT INTO {tabel} ({', '.join(kolom)}) VALUES ({', '.join(['%s'] * len(kolom))})"
        " ON CONFLICT DO NOTHING",
        [tuple(_nilai(k, b[k]) for k in kolom) for b in baris],
    )


def up(migrator, db):
    db.execute_sql(SKEMA)
    cursor = db.cursor()
    for tabel in TABEL:
        _muat(cursor, tabel)
    cursor.execute(JENDELA_DARI_BAKU, (list(TAHUN_JENDELA), REGIME))

    # National extensions decided after the regulation. In 2024 the deadline for agreeing the
    # SKP (Pasal 21(2): 31 January) was extended nationally to 31 March; it is recorded as an
    # extension, so `selesai` still shows the regulation's own deadline.
    for r in _baca("perpanjangan_nasional"):
        cursor.execute(
            "UPDATE jendela SET diperpanjang_sampai = %s, catatan = %s"
            " WHERE regime_kode = %s AND tahun = %s AND kode = %s"
            " AND coalesce(semester, 0) = coalesce(%s::integer, 0)",
            (
                _nilai("diperpanjang_sampai", r["diperpanjang_sampai"]),
                r["catatan"],
                REGIME,
                int(r["tahun"]),
                r["kode"],
                _nilai("semester", r["semester"]),
            ),
        )
