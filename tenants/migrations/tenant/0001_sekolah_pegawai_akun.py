"""A dinas's schools, people, sign-in accounts and failed sign-in counters.

Tables are created unqualified: the runner binds the dinas schema to the transaction first.
"""


def up(migrator, db):
    db.execute_sql(
        """
        CREATE TABLE sekolah (
            id        serial PRIMARY KEY,
            npsn      char(8) NOT NULL UNIQUE CHECK (npsn ~ '^[0-9]{8}$'),
            nama      text NOT NULL,
            jenjang   text NOT NULL
                      CHECK (jenjang IN ('PAUD', 'TK', 'SD', 'SMP', 'SMA', 'SMK', 'SLB')),
            status    text NOT NULL CHECK (status IN ('negeri', 'swasta')),
            kecamatan text NOT NULL DEFAULT '',
            alamat    text NOT NULL DEFAULT '',
            aktif     boolean NOT NULL DEFAULT true,
            dibuat    timestamptz NOT NULL DEFAULT now(),
            diubah    timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE pangkat_golongan (
            kode               text PRIMARY KEY,
            pangkat            text NOT NULL,
            status_kepegawaian text NOT NULL,
            jenjang_jabatan    text,
            urutan             integer NOT NULL
        );
        CREATE TABLE pegawai (
            id                 serial PRIMARY KEY,
            nama               text NOT NULL,
            nip                char(18) UNIQUE CHECK (nip ~ '^[0-9]{18}$'),
            nuptk              char(16) UNIQUE CHECK (nuptk ~ '^[0-9]{16}$'),
            email              text UNIQUE CHECK (email = lower(email)),
            telepon            text NOT NULL DEFAULT '',
            status_kepegawaian text CHECK (status_kepegawaian IN ('PNS', 'PPPK', 'non-ASN')),
            jenjang_jabatan    text CHECK (jenjang_jabatan IN
                               ('Ahli Pertama', 'Ahli Muda', 'Ahli Madya', 'Ahli Utama')),
            pangkat_golongan   text REFERENCES pangkat_golongan (kode),
            sekolah_id         integer REFERENCES sekolah (id),
            peran              text[] NOT NULL DEFAULT '{}' CHECK (peran <@ ARRAY[
                                   'guru', 'kepala_sekolah', 'pengawas',
                                   'admin_dinas', 'kepala_dinas']::text[]),
            aktif              boolean NOT NULL DEFAULT true,
            dibuat             timestamptz NOT NULL DEFAULT now(),
            diubah             timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX pegawai_sekolah_idx ON pegawai (sekolah_id);
        CREATE TABLE akun (
            id             serial PRIMARY KEY,
            pegawai_id     integer NOT NULL UNIQUE REFERENCES pegawai (id),
            password_hash  text,
            aktif          boolean NOT NULL DEFAULT true,
            versi_sesi     integer NOT NULL DEFAULT 1,
            login_terakhir timestamptz,
            dibuat         timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE login_attempt (
            key             text PRIMARY KEY,
            failures        integer NOT NULL DEFAULT 0,
            locked_until    timestamptz,
            last_failure_at timestamptz
        );
        """
    )
