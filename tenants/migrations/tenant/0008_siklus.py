"""The improvement cycle A-E of each semester, its observation and tim kerja, the evidence files
and what they prove, the accountability documents, class attendance, and continuous feedback
(DOMAIN.md §5-6; issue: the improvement cycle).

Reference data of the regime (loaded from tenants/reference/regime_2024/):
- langkah_siklus: the five steps, who closes each (`penutup`), and the window each belongs to.
- pertanyaan_siklus: the questions each side answers in steps A, C and E.
- rubrik_perilaku: per practice indicator, three target behaviours with three encouraged and
  three avoided practices each. The official wording is not public: ours is a default
  (`bawaan_kinerja`), editable, and the pages say so.

Per pegawai:
- siklus: one per pegawai, year and semester, made from the agreed SKP of that year.
- siklus_langkah: each step's status (belum, berjalan, selesai) with its dates and reopenings.
- siklus_jawaban: the answers of steps A, C, E, saved as drafts while they are typed.
- observasi / observasi_catatan: step B, by the penilai or a tim kerja member: schedule, a mark
  and a note per target behaviour, and the recommendation. The baseline, not a rating.
- tim_kerja: who a kepala sekolah or kepala dinas appointed to observe and advise whom.
- berkas: an uploaded evidence file (storage key, type found from its content, size, SHA-256).
  Rows are written only after the object is stored; a failed upload leaves neither.
- realisasi_kegiatan: a competency activity done in step D, with its proof and the penilai's
  verdict (diterima / ditolak with a reason).
- dokumen_pegawai: an accountability document (K3-K6) of a semester.
- kehadiran: the class-attendance summary a kepala sekolah records per guru and semester.
- umpan_balik: dated notes on a pegawai's timeline (catatan, apresiasi, bimbingan, konseling)
  and the pegawai's replies.
"""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "reference" / "regime_2024"
REGIME = "2024"

SKEMA = """
CREATE TABLE langkah_siklus (
    regime_kode text NOT NULL REFERENCES regime (kode),
    kode        text NOT NULL CHECK (kode IN ('A', 'B', 'C', 'D', 'E')),
    urutan      integer NOT NULL,
    nama        text NOT NULL,
    penjelasan  text NOT NULL DEFAULT '',
    penutup     text NOT NULL CHECK (penutup IN ('pegawai', 'penilai', 'pengamat')),
    jendela_kode text NOT NULL,
    dasar       text NOT NULL DEFAULT '',
    PRIMARY KEY (regime_kode, kode)
);

CREATE TABLE pertanyaan_siklus (
    regime_kode text NOT NULL REFERENCES regime (kode),
    langkah     text NOT NULL,
    pihak       text NOT NULL CHECK (pihak IN ('pegawai', 'penilai')),
    kode        text NOT NULL,
    urutan      integer NOT NULL,
    teks        text NOT NULL,
    petunjuk    text NOT NULL DEFAULT '',
    wajib       boolean NOT NULL DEFAULT true,
    PRIMARY KEY (regime_kode, langkah, pihak, kode)
);

CREATE TABLE rubrik_perilaku (
    regime_kode    text NOT NULL REFERENCES regime (kode),
    indikator_kode text NOT NULL,
    urutan         integer NOT NULL CHECK (urutan BETWEEN 1 AND 9),
    perilaku       text NOT NULL,
    dianjurkan     text[] NOT NULL,
    dihindari      text[] NOT NULL,
    bawaan_kinerja boolean NOT NULL DEFAULT true,
    diubah         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (regime_kode, indikator_kode, urutan)
);

CREATE TABLE siklus (
    id         serial PRIMARY KEY,
    skp_id     integer NOT NULL REFERENCES skp (id),
    pegawai_id integer NOT NULL REFERENCES pegawai (id),
    tahun      integer NOT NULL,
    semester   integer NOT NULL CHECK (semester IN (1, 2)),
    dibuat     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pegawai_id, tahun, semester)
);

CREATE TABLE siklus_langkah (
    siklus_id      integer NOT NULL REFERENCES siklus (id) ON DELETE CASCADE,
    langkah        text NOT NULL CHECK (langkah IN ('A', 'B', 'C', 'D', 'E')),
    status         text NOT NULL DEFAULT 'belum'
                   CHECK (status IN ('belum', 'berjalan', 'selesai')),
    mulai          timestamptz,
    selesai        timestamptz,
    ditutup_oleh   integer REFERENCES pegawai (id),
    terlambat      boolean NOT NULL DEFAULT false,
    dibuka_ulang   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (siklus_id, langkah)
);
CREATE INDEX siklus_langkah_status_idx ON siklus_langkah (langkah, status);

CREATE TABLE siklus_jawaban (
    siklus_id  integer NOT NULL REFERENCES siklus (id) ON DELETE CASCADE,
    langkah    text NOT NULL,
    pihak      text NOT NULL CHECK (pihak IN ('pegawai', 'penilai')),
    kode       text NOT NULL,
    isi        text NOT NULL DEFAULT '',
    diubah     timestamptz NOT NULL DEFAULT now(),
    diubah_oleh integer REFERENCES pegawai (id),
    PRIMARY KEY (siklus_id, langkah, pihak, kode)
);

CREATE TABLE tim_kerja (
    id          serial PRIMARY KEY,
    pegawai_id  integer NOT NULL REFERENCES pegawai (id),  -- the one appraised
    anggota_id  integer NOT NULL REFERENCES pegawai (id),  -- the member appointed
    ditunjuk_oleh integer NOT NULL REFERENCES pegawai (id),
    mulai       date NOT NULL,
    selesai     date,
    dibuat      timestamptz NOT NULL DEFAULT now(),
    CHECK (anggota_id <> pegawai_id),
    CHECK (selesai IS NULL OR selesai > mulai)
);
CREATE INDEX tim_kerja_pegawai_idx ON tim_kerja (pegawai_id);
CREATE INDEX tim_kerja_anggota_idx ON tim_kerja (anggota_id);

CREATE TABLE observasi (
    id          serial PRIMARY KEY,
    siklus_id   integer NOT NULL UNIQUE REFERENCES siklus (id) ON DELETE CASCADE,
    indikator_kode text NOT NULL,
    pengamat_id integer REFERENCES pegawai (id),
    jadwal      timestamptz,
    tempat      text NOT NULL DEFAULT '',
    rekomendasi text NOT NULL DEFAULT '',
    dilaksanakan date,
    diubah      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE observasi_catatan (
    observasi_id integer NOT NULL REFERENCES observasi (id) ON DELETE CASCADE,
    urutan       integer NOT NULL,
    capaian      text CHECK (capaian IN ('belum', 'belum_efektif', 'efektif')),
    catatan      text NOT NULL DEFAULT '',
    PRIMARY KEY (observasi_id, urutan)
);

CREATE TABLE berkas (
    id          bigserial PRIMARY KEY,
    pegawai_id  integer NOT NULL REFERENCES pegawai (id),  -- whose evidence it is
    kunci       text NOT NULL UNIQUE,
    nama        text NOT NULL,
    jenis       text NOT NULL CHECK (jenis IN ('application/pdf', 'image/jpeg', 'image/png')),
    ukuran      bigint NOT NULL CHECK (ukuran > 0),
    sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    diunggah    timestamptz NOT NULL DEFAULT now(),
    diunggah_oleh integer REFERENCES pegawai (id)
);
CREATE INDEX berkas_sha_idx ON berkas (pegawai_id, sha256);

CREATE TABLE realisasi_kegiatan (
    id          serial PRIMARY KEY,
    siklus_id   integer NOT NULL REFERENCES siklus (id) ON DELETE CASCADE,
    huruf       text NOT NULL,
    judul       text NOT NULL,
    tanggal     date NOT NULL,
    berkas_id   bigint NOT NULL REFERENCES berkas (id),
    status      text NOT NULL DEFAULT 'diajukan'
                CHECK (status IN ('diajukan', 'diterima', 'ditolak')),
    alasan      text NOT NULL DEFAULT '',
    diperiksa_oleh integer REFERENCES pegawai (id),
    diperiksa   timestamptz,
    dibuat      timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'ditolak' OR length(btrim(alasan)) > 0)
);
CREATE INDEX realisasi_siklus_idx ON realisasi_kegiatan (siklus_id);

CREATE TABLE dokumen_pegawai (
    id          serial PRIMARY KEY,
    pegawai_id  integer NOT NULL REFERENCES pegawai (id),
    tahun       integer NOT NULL,
    semester    integer NOT NULL CHECK (semester IN (1, 2)),
    kode        text NOT NULL,
    berkas_id   bigint NOT NULL REFERENCES berkas (id),
    dibuat      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pegawai_id, tahun, semester, kode)
);

CREATE TABLE kehadiran (
    pegawai_id  integer NOT NULL REFERENCES pegawai (id),
    tahun       integer NOT NULL,
    semester    integer NOT NULL CHECK (semester IN (1, 2)),
    jam_terjadwal integer NOT NULL CHECK (jam_terjadwal > 0),
    jam_hadir   integer NOT NULL CHECK (jam_hadir >= 0 AND jam_hadir <= jam_terjadwal),
    catatan     text NOT NULL DEFAULT '',
    dicatat_oleh integer NOT NULL REFERENCES pegawai (id),
    diubah      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pegawai_id, tahun, semester)
);

CREATE TABLE umpan_balik (
    id          serial PRIMARY KEY,
    pegawai_id  integer NOT NULL REFERENCES pegawai (id),  -- whose timeline
    penulis_id  integer NOT NULL REFERENCES pegawai (id),
    jenis       text NOT NULL
                CHECK (jenis IN ('catatan', 'apresiasi', 'bimbingan', 'konseling', 'balasan')),
    isi         text NOT NULL CHECK (length(btrim(isi)) > 0),
    tanggal     date NOT NULL,
    induk_id    integer REFERENCES umpan_balik (id),
    dibuat      timestamptz NOT NULL DEFAULT now(),
    CHECK ((jenis = 'balasan') = (induk_id IS NOT NULL))
);
CREATE INDEX umpan_balik_pegawai_idx ON umpan_balik (pegawai_id, tanggal DESC, id DESC);
"""


def _baca(nama: str) -> list[dict[str, str]]:
    with (DATA / f"{nama}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def up(migrator, db):
    db.execute_sql(SKEMA)
    cursor = db.cursor()
    cursor.executemany(
        "INSERT INTO langkah_siklus (regime_kode, kode, urutan, nama, penjelasan, penutup,"
        " jendela_kode, dasar) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
        [
            (REGIME, b["kode"], int(b["urutan"]), b["nama"], b["penjelasan"], b["penutup"],
             b["jendela_kode"], b["dasar"])
            for b in _baca("langkah_siklus")
        ],
    )  # fmt: skip
    cursor.executemany(
        "INSERT INTO pertanyaan_siklus (regime_kode, langkah, pihak, kode, urutan, teks,"
        " petunjuk, wajib) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
        [
            (REGIME, b["langkah"], b["pihak"], b["kode"], int(b["urutan"]), b["teks"],
             b["petunjuk"], b["wajib"] == "ya")
            for b in _baca("pertanyaan_siklus")
        ],
    )  # fmt: skip
    # rubrik.csv: indikator_kode, urutan, perilaku, dianjurkan_1..3, dihindari_1..3
    cursor.executemany(
        "INSERT INTO rubrik_perilaku (regime_kode, indikator_kode, urutan, perilaku,"
        " dianjurkan, dihindari) VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
        [
            (REGIME, b["indikator_kode"], int(b["urutan"]), b["perilaku"],
             [b[f"dianjurkan_{i}"] for i in (1, 2, 3)], [b[f"dihindari_{i}"] for i in (1, 2, 3)])
            for b in _baca("rubrik")
        ],
    )  # fmt: skip
