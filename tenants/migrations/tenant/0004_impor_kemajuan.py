"""Imports run in the background: their progress, heartbeat, stored file and outcome message.

- status gains the steps of the background work: memeriksa → siap / ditolak → menerapkan →
  diterapkan, and gagal / dibatalkan; a preview left by the earlier flow is cancelled (its
  staged rows were never shaped for the new apply).
- diproses counts the rows checked so far; diperbarui is the job's heartbeat, so a job that died
  with its process is recognised and shown as failed.
- kunci_berkas is the upload in object storage; pesan explains a failure to the admin.
"""


def up(migrator, db):
    db.execute_sql(
        """
        DELETE FROM impor_baris
            WHERE impor_id IN (SELECT id FROM impor WHERE status = 'pratinjau');
        ALTER TABLE impor DROP CONSTRAINT impor_status_check;
        UPDATE impor SET status = 'dibatalkan' WHERE status = 'pratinjau';
        ALTER TABLE impor
            ALTER COLUMN status SET DEFAULT 'memeriksa',
            ADD CONSTRAINT impor_status_check CHECK (status IN (
                'memeriksa', 'siap', 'ditolak', 'menerapkan', 'diterapkan', 'gagal',
                'dibatalkan')),
            ADD COLUMN diproses     integer NOT NULL DEFAULT 0,
            ADD COLUMN diperbarui   timestamptz NOT NULL DEFAULT now(),
            ADD COLUMN kunci_berkas text,
            ADD COLUMN pesan        text NOT NULL DEFAULT '';
        CREATE INDEX impor_jenis_idx ON impor (jenis, dibuat DESC);
        """
    )
