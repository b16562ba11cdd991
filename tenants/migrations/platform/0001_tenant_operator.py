"""Platform tables: the dinas tenants, operator accounts, their sign-in counters and audit."""


def up(migrator, db):
    db.execute_sql(
        """
        CREATE TABLE public.tenant (
            id          serial PRIMARY KEY,
            slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{0,38}[a-z0-9]$'),
            name        text NOT NULL,
            kind        text NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota')),
            status      text NOT NULL DEFAULT 'aktif'
                        CHECK (status IN ('aktif', 'ditangguhkan')),
            created_at  timestamptz NOT NULL DEFAULT now(),
            updated_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE public.operator (
            id              serial PRIMARY KEY,
            email           text NOT NULL UNIQUE,
            name            text NOT NULL,
            password_hash   text NOT NULL,
            active          boolean NOT NULL DEFAULT true,
            session_version integer NOT NULL DEFAULT 1,
            last_login_at   timestamptz,
            created_at      timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE public.operator_login_attempt (
            key             text PRIMARY KEY,
            failures        integer NOT NULL DEFAULT 0,
            locked_until    timestamptz,
            last_failure_at timestamptz
        );
        CREATE TABLE public.platform_audit (
            id             serial PRIMARY KEY,
            at             timestamptz NOT NULL DEFAULT now(),
            operator_email text,
            action         text NOT NULL,
            tenant_slug    text,
            detail         text NOT NULL DEFAULT ''
        );
        """
    )
