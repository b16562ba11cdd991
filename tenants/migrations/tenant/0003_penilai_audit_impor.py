"""Who leads what and where each pegawai works over time, the audit trail, imports, activation.

- penempatan: a pegawai's school from `mulai` (inclusive) to `selesai` (exclusive); a mutasi
  closes one row and opens the next. pegawai.sekolah_id mirrors the open row.
- penugasan: kepala sekolah (definitive or Plt) and kepala dinas posts with their dates.
- pengawas_sekolah: which schools a pengawas supervises, over time.
- audit: every change made by the dinas's own people, with the record before and after.
- impor / impor_baris: an uploaded file's checked rows, kept until the admin confirms.
- akun: a one-time activation code (hashed) for first sign-in.
"""


def up(migrator, db):
    db.execute_sql(
        """
        CREATE TABLE penempatan (
            id         serial PRIMARY KEY,
            pegawai_id integer NOT NULL REFERENCES pegawai (id),
            sekolah_id integer NOT NULL REFERENCES sekolah (id),
            mulai      date NOT NULL,
            selesai    date CHECK (selesai IS NULL OR selesai > mulai)
        );
        CREATE INDEX penempatan_pegawai_idx ON penempatan (pegawai_id, mulai);
        CREATE INDEX penempatan_sekolah_idx ON penempatan (sekolah_id);

        CREATE TABLE penugasan (
            id         serial PRIMARY KEY,
            pegawai_id integer NOT NULL REFERENCES pegawai (id),
            jabatan    text NOT NULL CHECK (jabatan IN ('kepala_sekolah', 'kepala_dinas')),
            sekolah_id integer REFERENCES sekolah (id),
            mulai      date NOT NULL,
            selesai    date CHECK (selesai IS NULL OR selesai > mulai),
            plt        boolean NOT NULL DEFAULT false,
            nomor_sk   text NOT NULL DEFAULT '',
            CHECK ((jabatan = 'kepala_sekolah') = (sekolah_id IS NOT NULL))
        );
        CREATE INDEX penugasan_pegawai_idx ON penugasan (pegawai_id);
        CREATE INDEX penugasan_sekolah_idx ON penugasan (sekolah_id);

        CREATE TABLE pengawas_sekolah (
            id         serial PRIMARY KEY,
            pegawai_id integer NOT NULL REFERENCES pegawai (id),
            sekolah_id integer NOT NULL REFERENCES sekolah (id),
            mulai      date NOT NULL,
            selesai    date CHECK (selesai IS NULL OR selesai > mulai)
        );
        CREATE INDEX pengawas_sekolah_sekolah_idx ON pengawas_sekolah (sekolah_id);

        CREATE TABLE audit (
            id        bigserial PRIMARY KEY,
            waktu     timestamptz NOT NULL DEFAULT now(),
            pelaku_id integer REFERENCES pegawai (id),
            pelaku    text NOT NULL,
            objek     text NOT NULL,
            objek_id  integer NOT NULL,
            aksi      text NOT NULL,
            sebelum   jsonb,
            sesudah   jsonb
        );
        CREATE INDEX audit_objek_idx ON audit (objek, objek_id, waktu DESC);

        CREATE TABLE impor (
            id          serial PRIMARY KEY,
            jenis       text NOT NULL CHECK (jenis IN ('sekolah', 'pegawai')),
            nama_berkas text NOT NULL,
            status      text NOT NULL DEFAULT 'pratinjau'
                        CHECK (status IN ('pratinjau', 'diterapkan', 'dibatalkan')),
            total       integer NOT NULL DEFAULT 0,
            kesalahan   jsonb NOT NULL DEFAULT '[]',
            ringkasan   jsonb NOT NULL DEFAULT '{}',
            dibuat_oleh integer REFERENCES pegawai (id),
            dibuat      timestamptz NOT NULL DEFAULT now(),
            diterapkan  timestamptz
        );
        CREATE TABLE impor_baris (
            impor_id integer NOT NULL REFERENCES impor (id) ON DELETE CASCADE,
            nomor    integer NOT NULL,
            data     jsonb NOT NULL,
            PRIMARY KEY (impor_id, nomor)
        );

        ALTER TABLE akun
            ADD COLUMN kode_aktivasi_hash text,
            ADD COLUMN kode_dibuat timestamptz;

        -- Where people already are, and which posts they already hold, becomes history.
        INSERT INTO penempatan (pegawai_id, sekolah_id, mulai)
            SELECT id, sekolah_id, dibuat::date FROM pegawai WHERE sekolah_id IS NOT NULL;
        INSERT INTO penugasan (pegawai_id, jabatan, sekolah_id, mulai)
            SELECT id, 'kepala_sekolah', sekolah_id, dibuat::date FROM pegawai
            WHERE 'kepala_sekolah' = ANY (peran) AND sekolah_id IS NOT NULL;
        INSERT INTO penugasan (pegawai_id, jabatan, mulai)
            SELECT id, 'kepala_dinas', dibuat::date FROM pegawai
            WHERE 'kepala_dinas' = ANY (peran);
        -- Posts are held through penugasan from now on; peran keeps the other roles.
        UPDATE pegawai SET peran = array_remove(array_remove(peran, 'kepala_sekolah'),
                                                'kepala_dinas');
        """
    )
