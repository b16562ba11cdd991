"""The SKP (Sasaran Kinerja Pegawai): a pegawai's yearly plan, its versions and its history.

A July adjustment is a new version of the same year; the agreed earlier version stays as it was.
Catalog entries (indicator, competency activities, behaviour aspects) are referenced by their
codes within the SKP's regime, so the 2024 catalog keeps its meaning for 2024's plans.
"""


def up(migrator, db):
    db.execute_sql(
        """
        CREATE TABLE skp (
            id                     serial PRIMARY KEY,
            pegawai_id             integer NOT NULL REFERENCES pegawai (id),
            tahun                  integer NOT NULL CHECK (tahun BETWEEN 2020 AND 2100),
            versi                  integer NOT NULL DEFAULT 1 CHECK (versi >= 1),
            regime_kode            text NOT NULL,
            peran                  text NOT NULL CHECK (peran IN ('guru', 'kepala_sekolah')),
            status                 text NOT NULL DEFAULT 'draf'
                                   CHECK (status IN ('draf', 'diajukan', 'perlu_revisi',
                                                     'disepakati')),
            indikator_kode         text,
            tugas_tambahan         text NOT NULL DEFAULT '',
            poin_disetujui_penilai boolean NOT NULL DEFAULT false,
            ekspektasi_khusus      text NOT NULL DEFAULT '',
            catatan_penilai        text NOT NULL DEFAULT '',
            penilai_id             integer REFERENCES pegawai (id),
            diajukan               timestamptz,
            disepakati             timestamptz,
            dibuat                 timestamptz NOT NULL DEFAULT now(),
            diubah                 timestamptz NOT NULL DEFAULT now(),
            UNIQUE (pegawai_id, tahun, versi)
        );
        CREATE INDEX skp_status_idx ON skp (tahun, status);

        CREATE TABLE skp_kegiatan (
            skp_id integer NOT NULL REFERENCES skp (id) ON DELETE CASCADE,
            huruf  text NOT NULL,
            jumlah integer NOT NULL CHECK (jumlah > 0),
            PRIMARY KEY (skp_id, huruf)
        );

        CREATE TABLE skp_perilaku (
            skp_id integer NOT NULL REFERENCES skp (id) ON DELETE CASCADE,
            aspek  text NOT NULL,
            fokus  text NOT NULL,
            PRIMARY KEY (skp_id, aspek)
        );

        CREATE TABLE skp_riwayat (
            id        bigserial PRIMARY KEY,
            skp_id    integer NOT NULL REFERENCES skp (id) ON DELETE CASCADE,
            waktu     timestamptz NOT NULL DEFAULT now(),
            pelaku_id integer REFERENCES pegawai (id),
            aksi      text NOT NULL,
            dari      text,
            ke        text NOT NULL,
            catatan   text NOT NULL DEFAULT ''
        );
        CREATE INDEX skp_riwayat_skp_idx ON skp_riwayat (skp_id, waktu);
        """
    )
