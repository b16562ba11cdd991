"""Benchmark: the app's memory while a 10 MB evidence upload streams through it.

Run from the repository root: `.venv/bin/python -m infra.bench.unggah [--uploads N]
[--storage local|s3|both] [--json PATH]`.

Everything is started here and stopped again, as in infra/bench/landing.py (whose helpers it
uses): a throwaway PostgreSQL, the real `flask tenants migrate` and `tenants demo`, and gunicorn
with infra/gunicorn.conf.py and ONE sync worker on a loopback port, so the worker is the one
process that handles every request. For `s3`, an S3 test server (moto, from the test extras)
runs inside this process and the app is started with STORAGE=s3 against it over HTTP.

It signs in as the demo guru and, per storage:
- warms the worker up (pages, one small upload), then samples the worker's VmRSS from
  /proc/<pid>/status every 20 ms for 2 s: the figure "at rest" is the median;
- streams N uploads of a 10 MB PDF (exactly the limit) to the guru's K3 document from a client
  that never holds the file in memory, sampling VmRSS every 20 ms from the first byte sent to
  the answer: each upload's peak, and the peak over rest. The kernel's own high-water mark
  (VmHWM, reset through /proc/<pid>/clear_refs after the rest samples) is printed too: it
  catches a spike shorter than 20 ms, and it would otherwise hold the sign-in's peak (argon2
  uses 64 MB);
- sends one upload of 10 MB + 1 byte, which must be refused (422), and samples it the same way.

A run fails (exit 1) when an upload is not answered 303, the list does not show the file
afterwards, or the refused one is not a 422; it aborts (exit 2) when something it needs does
not start. Figures are this machine's; the ratio peak/rest is what travels.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from infra.bench.landing import (
    DEMO_HOST,
    REPO,
    SESSION_COOKIE,
    BenchError,
    _CsrfField,
    bench_env,
    http_request,
    run_flask,
    sign_in,
    stop_gunicorn,
    tail,
    wait_until_answering,
)
from infra.localpg import Cluster, free_port

MiB = 1024 * 1024
LIMIT = 10 * MiB  # web.domain.berkas.UKURAN_MAKSIMAL
SAMPLE_S = 0.02
REST_S = 2.0
SEND_CHUNK = 64 * 1024
DOKUMEN = "/siklus/dokumen"
KODE = "K3"
BOUNDARY = "----kinerja-bench-unggah"


@dataclass
class Upload:
    label: str
    size: int
    status: int
    seconds: float
    peak_mb: float
    samples: int


@dataclass
class StorageRun:
    storage: str
    worker_pid: int
    rest_mb: float
    rest_max_mb: float
    uploads: list[Upload] = field(default_factory=list)
    # The kernel's own high-water mark (VmHWM), reset just before the uploads when the kernel
    # allows it: it catches a spike shorter than the 20 ms between samples.
    hwm_reset: bool = False
    hwm_mb: float = 0.0

    @property
    def peak_mb(self) -> float:
        return max(u.peak_mb for u in self.uploads)


# --- The worker's memory -----------------------------------------------------------------


def status_kb(pid: int, key: str) -> int:
    """A `kB` line of /proc/<pid>/status (VmRSS, VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise BenchError(f"no {key} in /proc/{pid}/status")


def reset_hwm(pid: int) -> bool:
    """Set the process's VmHWM back to its current RSS (Linux 4.0+, own processes); whether it
    worked. Without it VmHWM still holds the sign-in's peak (argon2 takes 64 MB)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def worker_of(master: int) -> int:
    """The only worker of a gunicorn master started with WEB_CONCURRENCY=1."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if len(children) == 1:
            return int(children[0])
        time.sleep(0.1)
    raise BenchError(f"gunicorn {master} has not exactly one worker")


class Sampler:
    """VmRSS of one process every 20 ms on a thread, until stopped."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.kb: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.kb.append(status_kb(self.pid, "VmRSS"))
            self._stop.wait(SAMPLE_S)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.kb.append(status_kb(self.pid, "VmRSS"))


def mb(kb: float) -> float:
    return round(kb / 1024, 1)


# --- Uploading without holding the file ----------------------------------------------------


def pdf_chunks(size: int) -> Iterator[bytes]:
    """A PDF of exactly `size` bytes (by its first bytes, which is what the app checks)."""
    head = b"%PDF-1.4\n"
    yield head
    left = size - len(head)
    block = b"0" * SEND_CHUNK
    while left > 0:
        yield block[: min(left, SEND_CHUNK)]
        left -= SEND_CHUNK


def upload(port: int, cookie: str, token: str, size: int, name: str) -> tuple[int, str]:
    """POST a multipart form with a `size`-byte file, streamed in 64 KiB writes."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="berkas_{KODE}"; '
        f'filename="{name}"\r\nContent-Type: application/pdf\r\n\r\n'
    ).encode()
    tail_ = f"\r\n--{BOUNDARY}--\r\n".encode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.putrequest("POST", f"{DOKUMEN}/{KODE}", skip_host=True)
        for header, value in (
            ("Host", DEMO_HOST),
            ("Cookie", cookie),
            ("Content-Type", f"multipart/form-data; boundary={BOUNDARY}"),
            ("Content-Length", str(len(head) + size + len(tail_))),
        ):
            conn.putheader(header, value)
        conn.endheaders()
        conn.send(head)
        for chunk in pdf_chunks(size):
            conn.send(chunk)
        conn.send(tail_)
        response = conn.getresponse()
        body = response.read().decode("utf-8", errors="replace")
        return response.status, body
    finally:
        conn.close()


def page(port: int, cookie: str) -> tuple[str, str]:
    """The documents page of today's semester and its CSRF token."""
    reply = http_request(port, "GET", DOKUMEN, headers={"Cookie": cookie})
    parser = _CsrfField()
    parser.feed(reply.body)
    if reply.status != 200 or not parser.token:
        raise BenchError(f"GET {DOKUMEN}: status {reply.status}, no upload form")
    if SESSION_COOKIE in reply.cookies:
        raise BenchError(f"GET {DOKUMEN} changed the session: the token would not match")
    return reply.body, parser.token


def measured(
    pid: int, label: str, port: int, cookie: str, token: str, size: int, name: str
) -> Upload:
    """One upload with the worker's VmRSS sampled from the first byte sent to the answer."""
    started = time.perf_counter()
    with Sampler(pid) as sampler:
        status, _ = upload(port, cookie, token, size, name)
    return Upload(
        label, size, status, time.perf_counter() - started, mb(max(sampler.kb)), len(sampler.kb)
    )


# --- One storage ---------------------------------------------------------------------------


def measure_storage(
    storage: str, env: dict[str, str], workdir: Path, uploads: int
) -> tuple[StorageRun, list[str]]:
    log = workdir / f"gunicorn-{storage}.log"
    port = free_port()
    server: subprocess.Popen[bytes] | None = None
    problems: list[str] = []
    try:
        with log.open("wb") as sink:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "infra/gunicorn.conf.py",
                 "web:create_app()"],
                cwd=REPO,
                env={
                    **env,
                    "PORT": str(port),
                    "BIND_HOST": "127.0.0.1",
                    "WEB_CONCURRENCY": "1",
                    "GUNICORN_MAX_REQUESTS": "0",
                    "GUNICORN_MAX_REQUESTS_JITTER": "0",
                    "GUNICORN_TIMEOUT": "120",
                },
                stdout=sink,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until_answering(port, server, log)
        pid = worker_of(server.pid)
        cookie = f"{SESSION_COOKIE}={sign_in(port)}"

        # Warm-up: the pages and a small upload, so imports and pools are in place.
        for _ in range(3):
            _, token = page(port, cookie)
        status, _ = upload(port, cookie, token, 200_000, "pemanasan.pdf")
        if status != 303:
            raise BenchError(f"warm-up upload answered {status}:\n{tail(log)}")
        _, token = page(port, cookie)

        rest: list[int] = []
        until = time.monotonic() + REST_S
        while time.monotonic() < until:
            rest.append(status_kb(pid, "VmRSS"))
            time.sleep(SAMPLE_S)
        result = StorageRun(storage, pid, mb(statistics.median(rest)), mb(max(rest)))
        result.hwm_reset = reset_hwm(pid)

        for n in range(1, uploads + 1):
            name = f"pindaian-10mb-{n}.pdf"
            u = measured(pid, f"10 MB upload {n}", port, cookie, token, LIMIT, name)
            result.uploads.append(u)
            body, token = page(port, cookie)
            if u.status != 303:
                problems.append(f"{storage}: {u.label} answered {u.status}, not 303")
            elif name not in body:
                problems.append(f"{storage}: {name} is not listed after its upload")

        u = measured(
            pid, "10 MB + 1 B, refused", port, cookie, token, LIMIT + 1, "terlalu-besar.pdf"
        )
        result.uploads.append(u)
        if u.status != 422:
            problems.append(f"{storage}: the upload over 10 MB answered {u.status}, not 422")
        result.hwm_mb = mb(status_kb(pid, "VmHWM"))
        statuses = re.findall(r'"POST /siklus/dokumen/K3\S* HTTP/1.1" (\d{3})', log.read_text())
        print(f"  {storage}: gunicorn logged upload statuses {statuses}", flush=True)
        return result, problems
    except BenchError as error:
        raise BenchError(f"{error}\n--- gunicorn log ({storage}) ---\n{tail(log)}") from None
    finally:
        stop_gunicorn(server)


def start_s3() -> tuple[Any, str]:
    """moto's S3 server on a free loopback port, with a bucket; (server, endpoint)."""
    try:
        import boto3
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        raise BenchError(f"--storage s3 needs the test extras (moto): {error}") from None
    import logging

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench-secret",
    ).create_bucket(Bucket="kinerja-bench")
    return server, endpoint


# --- Report --------------------------------------------------------------------------------


def print_report(runs: list[StorageRun]) -> None:
    print()
    print("gunicorn: 1 sync worker; VmRSS of the worker sampled every 20 ms")
    head = (
        f"{'storage / what':34} {'size MB':>8} {'status':>6} {'s':>6} {'RSS MB':>8} {'x rest':>7}"
    )
    print(head)
    print("-" * len(head))
    for run in runs:
        print(
            f"{run.storage + ': at rest (median of ' + str(int(REST_S)) + ' s)':34} "
            f"{'':>8} {'':>6} {'':>6} {run.rest_mb:8.1f} {1:7.2f}"
        )
        for u in run.uploads:
            print(
                f"{run.storage + ': ' + u.label:34} {u.size / MiB:8.2f} {u.status:6d} "
                f"{u.seconds:6.2f} {u.peak_mb:8.1f} {u.peak_mb / run.rest_mb:7.2f}"
            )
        print(
            f"  {run.storage}: peak {run.peak_mb:.1f} MB over rest {run.rest_mb:.1f} MB = "
            f"{run.peak_mb / run.rest_mb:.2f}x (+{run.peak_mb - run.rest_mb:.1f} MB); "
            + (
                f"kernel high-water mark over the uploads {run.hwm_mb:.1f} MB = "
                f"{run.hwm_mb / run.rest_mb:.2f}x"
                if run.hwm_reset
                else f"VmHWM since the worker started {run.hwm_mb:.1f} MB (could not reset)"
            )
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.bench.unggah", description=__doc__)
    parser.add_argument("--uploads", type=int, default=3, help="10 MB uploads per storage")
    parser.add_argument("--storage", choices=["local", "s3", "both"], default="both")
    parser.add_argument("--json", metavar="PATH", help="also write the figures to PATH")
    args = parser.parse_args(argv)
    if not 1 <= args.uploads <= 20:
        parser.error("--uploads must be between 1 and 20")
    storages = ["local", "s3"] if args.storage == "both" else [args.storage]

    workdir = Path(tempfile.mkdtemp(prefix="kinerja-bench-unggah-"))
    cluster: Cluster | None = None
    s3_server = None
    try:
        print("Starting PostgreSQL…", flush=True)
        cluster = Cluster()
        cluster.start()
        (workdir / "evidence").mkdir()
        env = bench_env(cluster.url, workdir / "evidence", argparse.Namespace(pool_size=2))
        print("Migrating and creating the demo dinas…", flush=True)
        run_flask(["tenants", "migrate"], env)
        run_flask(["tenants", "demo"], env)

        runs: list[StorageRun] = []
        problems: list[str] = []
        for storage in storages:
            storage_env = dict(env)
            if storage == "s3":
                s3_server, endpoint = start_s3()
                storage_env.update(
                    STORAGE="s3",
                    S3_BUCKET="kinerja-bench",
                    S3_ENDPOINT_URL=endpoint,
                    S3_REGION="us-east-1",
                    S3_ACCESS_KEY_ID="bench",
                    S3_SECRET_ACCESS_KEY="bench-secret",
                )
            print(f"Storage {storage}: gunicorn with one worker, {args.uploads} uploads…")
            run, found = measure_storage(storage, storage_env, workdir, args.uploads)
            runs.append(run)
            problems += found

        print_report(runs)
        for problem in problems:
            print(f"FAILED: {problem}")
        figures = {
            "ok": not problems,
            "problems": problems,
            "runs": [
                {
                    **asdict(r),
                    "peak_mb": r.peak_mb,
                    "ratio_peak_rest": round(r.peak_mb / r.rest_mb, 3),
                    "ratio_hwm_rest": round(r.hwm_mb / r.rest_mb, 3) if r.hwm_reset else None,
                }
                for r in runs
            ],
        }
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
        print(json.dumps(figures, separators=(",", ":")))
        return 0 if not problems else 1
    except BenchError as error:
        print(f"Benchmark aborted: {error}", file=sys.stderr)
        return 2
    finally:
        if s3_server is not None:
            s3_server.stop()
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
