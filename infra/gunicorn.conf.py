"""Gunicorn settings for Kinerja: `gunicorn -c infra/gunicorn.conf.py "web:create_app()"`.

Decisions that matter:
- Sync workers. A request is one database transaction on one pooled connection held by the
  worker's thread; one request per process at a time keeps that simple and predictable. Sync
  workers are only safe because nginx buffers whole requests and responses (see
  infra/nginx/kinerja.conf): a worker never waits on a slow phone, only on the app itself.
- Everything an operator may tune comes from the environment (WEB_CONCURRENCY, PORT, ...), so
  the same file serves a VM with nginx next door and a Procfile platform.
"""

import multiprocessing
import os


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


# --- Workers -------------------------------------------------------------------------------
worker_class = "sync"
# The usual 2 x cores + 1: while one worker waits on PostgreSQL or S3 another uses the CPU.
# Each worker holds at most one database connection at a time, which is what PgBouncer's
# pool is sized against (infra/pgbouncer/pgbouncer.ini).
workers = _int_env("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1)

# Recycle each worker now and then so slow leaks never add up; the jitter keeps all workers
# from restarting in the same second. Not every few thousand: a worker loads the app after fork
# (about a second), and infra/bench/landing.py measured p99 rising from 14 ms to 1.5 s when
# workers recycled every 2,000 requests under load.
max_requests = _int_env("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = _int_env("GUNICORN_MAX_REQUESTS_JITTER", 2000)

# --- Socket --------------------------------------------------------------------------------
# Loopback by default: only the nginx on this machine may reach gunicorn. A platform that
# routes to the process itself (or nginx in another container) sets BIND_HOST=0.0.0.0 and
# FORWARDED_ALLOW_IPS to the proxy's address.
bind = [f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{_int_env('PORT', 8000)}"]
backlog = 256

# --- Timeouts ------------------------------------------------------------------------------
# nginx hands over complete requests, so a worker is busy only while the app computes. 60 s
# covers the slowest legitimate request (a large dinas export); anything longer is stuck and
# is killed and logged. nginx's proxy_read_timeout (75 s) sits just above this on purpose.
timeout = _int_env("GUNICORN_TIMEOUT", 60)
# On SIGTERM (deploy, scale-in) let in-flight requests finish their transaction.
graceful_timeout = 30
# Sync workers close each connection after the response; this only matters for other classes.
keepalive = 5

# --- Behind nginx --------------------------------------------------------------------------
# Trust X-Forwarded-Proto only from the local nginx, so url_for(..., _external=True) and
# secure cookies see https without letting a client claim it.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Request limits: nginx already bounds header sizes; these are a second fence.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Load the app in each worker, not in the master: the database pool and the boto3 client
# must be created after fork, never shared between processes.
preload_app = False

# Gunicorn's control socket (for `gunicornc`) is not used here; left on, it writes a socket
# into the service user's home and logs an error where that home is read-only.
control_socket_disable = True

# --- Logging -------------------------------------------------------------------------------
# Both streams to the process output; the platform or journald collects them. The access line
# carries the client address as nginx saw it, the Host (which dinas) and the time taken in µs.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%({x-forwarded-for}i)s "%({host}i)s" "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
