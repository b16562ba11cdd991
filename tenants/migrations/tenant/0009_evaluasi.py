"""Evaluations (DOMAIN.md §7): the penilai's ratings of a pegawai for a period, the predikat
they give, and angka kredit for PNS.

- evaluasi: one row per revision of the evaluation of a pegawai, period (periodic semester 1 or
  2, or annual) and year. A draft (`draf`) is edited in place; `final` is immutable (a trigger
  refuses any change); a correction is a new revision (`revisi` + 1) pointing at the one it
  replaces (`menggantikan_id`) with a reason, and both stay. Ratings are di_atas / sesuai /
  di_bawah. `predikat` and `angka_kredit` are written when the evaluation is finalised, from the
  ratings (web/domain/evaluasi.py), together with the pegawai's status, jenjang and pangkat of
  that moment, so a later change of those does not rewrite a past result.
- evaluasi_perilaku: the rating and note of each of the seven BerAKHLAK focuses.
"""


def up(migrator, db):
    db.execute_sql(
        """
        CREATE TABLE evaluasi (
            id                 serial PRIMARY KEY,
            pegawai_id         integer NOT NULL REFERENCES pegawai (id),
            tahun              integer NOT NULL,
            jenis              text NOT NULL CHECK (jenis IN ('periodik', 'tahunan')),
            semester           integer CHECK (semester IN (1, 2)),
            revisi             integer NOT NULL DEFAULT 1 CHECK (revisi >= 1),
            menggantikan_id    integer REFERENCES evaluasi (id),
            alasan_revisi      text NOT NULL DEFAULT '',
            skp_id             integer REFERENCES skp (id),
            penilai_id         integer REFERENCES pegawai (id),
            penilai_plt        boolean NOT NULL DEFAULT false,
            status             text NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'final')),
            upaya_refleksi     text CHECK (upaya_refleksi IN ('di_atas', 'sesuai', 'di_bawah')),
            upaya_mempelajari  text CHECK (upaya_mempelajari IN ('di_atas', 'sesuai', 'di_bawah')),
            perubahan_praktik  text CHECK (perubahan_praktik IN ('di_atas', 'sesuai', 'di_bawah')),
            hasil_kerja        text CHECK (hasil_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
            perilaku           text CHECK (perilaku IN ('di_atas', 'sesuai', 'di_bawah')),
            predikat           text CHECK (predikat IN ('sangat_baik', 'baik', 'butuh_perbaikan',
                                                        'kurang', 'sangat_kurang')),
            status_kepegawaian text,
            jenjang_jabatan    text,
            pangkat_golongan   text,
            bulan              integer CHECK (bulan BETWEEN 1 AND 12),
            angka_kredit       numeric(10, 6),
            catatan            text NOT NULL DEFAULT '',
            rekomendasi        text NOT NULL DEFAULT '',
            dibuat             timestamptz NOT NULL DEFAULT now(),
            diubah             timestamptz NOT NULL DEFAULT now(),
            difinalkan         timestamptz,
            difinalkan_oleh    integer REFERENCES pegawai (id),
            CHECK ((jenis = 'periodik') = (semester IS NOT NULL)),
            CHECK (revisi = 1
                   OR (menggantikan_id IS NOT NULL AND length(btrim(alasan_revisi)) > 0)),
            CHECK (status = 'draf' OR (predikat IS NOT NULL AND difinalkan IS NOT NULL))
        );
        CREATE UNIQUE INDEX evaluasi_revisi_idx
            ON evaluasi (pegawai_id, tahun, jenis, coalesce(semester, 0), revisi);
        CREATE INDEX evaluasi_periode_idx ON evaluasi (tahun, jenis, semester);

        CREATE TABLE evaluasi_perilaku (
            evaluasi_id integer NOT NULL REFERENCES evaluasi (id) ON DELETE CASCADE,
            aspek       text NOT NULL,
            rating      text CHECK (rating IN ('di_atas', 'sesuai', 'di_bawah')),
            catatan     text NOT NULL DEFAULT '',
            PRIMARY KEY (evaluasi_id, aspek)
        );

        -- A final evaluation never changes; a correction is a new revision.
        CREATE FUNCTION evaluasi_final_tetap() RETURNS trigger AS $$
        BEGIN
            IF OLD.status = 'final' THEN
                RAISE EXCEPTION 'evaluasi %% sudah final', OLD.id USING ERRCODE = 'P0001';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER evaluasi_final_tetap BEFORE UPDATE OR DELETE ON evaluasi
            FOR EACH ROW EXECUTE FUNCTION evaluasi_final_tetap();

        CREATE FUNCTION evaluasi_perilaku_final_tetap() RETURNS trigger AS $$
        DECLARE
            induk integer := CASE WHEN TG_OP = 'INSERT' THEN NEW.evaluasi_id
                                  ELSE OLD.evaluasi_id END;
        BEGIN
            IF (SELECT status FROM evaluasi WHERE id = induk) = 'final' THEN
                RAISE EXCEPTION 'evaluasi %% sudah final', induk USING ERRCODE = 'P0001';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER evaluasi_perilaku_final_tetap
            BEFORE INSERT OR UPDATE OR DELETE ON evaluasi_perilaku
            FOR EACH ROW EXECUTE FUNCTION evaluasi_perilaku_final_tetap();
        """
    )
