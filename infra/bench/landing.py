"""Benchmark: the signed-in landing page against the bare tenant-bound query, in one run.

Run from the repository root: `.venv/bin/python -m infra.bench.landing [--json PATH]`.

Everything it needs is started here and stopped again: a throwaway PostgreSQL (infra.localpg),
the schema migrations and the demo dinas (through the real `flask tenants …` commands), and
gunicorn with infra/gunicorn.conf.py on a loopback port. The load comes from `wrk` when it is
installed, otherwise from a small threaded Python client (less precise: it shares the GIL).

The baseline is `/sehat` (resolve the dinas, bind its schema, one indexed query, tiny JSON), so
the landing page's figure is read as a ratio against a number measured on the same machine a
few seconds earlier. Both endpoints are checked before any load: a benchmark of redirects or
error pages is worthless. Any socket error, any non-2xx/3xx answer seen by the client, and any
non-200 status in gunicorn's access log for a measured window fails the run (exit status 1).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import psycopg

from infra.localpg import Cluster, free_port

REPO = Path(__file__).resolve().parents[2]
BASE_DOMAIN = "kinerja.bench"
DEMO_HOST = f"demo.{BASE_DOMAIN}"
GURU_LOGIN = "198503122010012001"  # a guru of the demo dinas (tenants/demo.py)
DEMO_PASSWORD = "demo-kinerja"
SESSION_COOKIE = "kinerja_sesi"
WELCOME = "Selamat datang"
NEW_SLUG = "bench-baru"

WARMUP_S = 2
FALLBACK_MAX_S = 10  # the Python load generator never runs longer than this
COMMAND_TIMEOUT_S = 180
OTHER_CPU_WARN = 0.10  # above this share of the CPUs used by others, the figures are suspect
READY_TIMEOUT_S = 30


class BenchError(RuntimeError):
    """The run cannot produce meaningful figures; the message says why."""


# --- Commands ----------------------------------------------------------------------------------


@dataclass
class CommandTiming:
    wall_s: float
    reported_s: float | None  # what the command printed about itself, when it does


def run_flask(args: list[str], env: dict[str, str]) -> tuple[str, float]:
    """Run `flask --app web ARGS` with the benchmark's environment; return output and wall time."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "web", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"`flask {' '.join(args)}` took over {COMMAND_TIMEOUT_S} s") from error
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(
            f"`flask {' '.join(args)}` failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    return done.stdout, wall


def reported_seconds(output: str, pattern: str) -> float | None:
    found = re.search(pattern, output)
    return float(found.group(1)) if found else None


# --- HTTP helpers --------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    body: str
    cookies: dict[str, str]


def http_request(
    port: int,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: str | None = None,
    timeout: float = 10,
) -> Reply:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Host": DEMO_HOST, **(headers or {})})
        response = conn.getresponse()
        payload = response.read().decode("utf-8", errors="replace")
        jar: SimpleCookie = SimpleCookie()
        for raw in response.headers.get_all("Set-Cookie") or []:
            jar.load(raw)
        return Reply(response.status, payload, {k: m.value for k, m in jar.items()})
    finally:
        conn.close()


class _CsrfField(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.token: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "input" and named.get("name") == "csrf_token":
            self.token = named.get("value")


def wait_until_answering(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited ({server.returncode}):\n{tail(log)}")
        try:
            http_request(port, "GET", "/sehat", timeout=2)
            return
        except (OSError, http.client.HTTPException):
            time.sleep(0.1)
    raise BenchError(f"gunicorn did not answer within {READY_TIMEOUT_S} s:\n{tail(log)}")


def sign_in(port: int) -> str:
    """Sign in as the demo guru the way a browser does; return the session cookie's value."""
    page = http_request(port, "GET", "/masuk")
    parser = _CsrfField()
    parser.feed(page.body)
    if page.status != 200 or not parser.token or SESSION_COOKIE not in page.cookies:
        raise BenchError(f"GET /masuk: status {page.status}, no usable form or session cookie")
    form = urlencode(
        {"csrf_token": parser.token, "username": GURU_LOGIN, "password": DEMO_PASSWORD}
    )
    answer = http_request(
        port,
        "POST",
        "/masuk",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{SESSION_COOKIE}={page.cookies[SESSION_COOKIE]}",
        },
        body=form,
    )
    if answer.status != 303 or SESSION_COOKIE not in answer.cookies:
        raise BenchError(f"POST /masuk: expected 303 with a session cookie, got {answer.status}")
    return answer.cookies[SESSION_COOKIE]


def check_targets(port: int, cookie_header: str) -> None:
    bare = http_request(port, "GET", "/sehat")
    if bare.status != 200 or '"ok"' not in bare.body:
        raise BenchError(f"/sehat answers {bare.status}, not 200 ok: {bare.body[:200]!r}")
    landing = http_request(port, "GET", "/", headers={"Cookie": cookie_header})
    if landing.status != 200 or WELCOME not in landing.body:
        raise BenchError(
            f"/ answers {landing.status} without {WELCOME!r}: the session is not accepted, "
            "so the benchmark would measure redirects"
        )


# --- Load ----------------------------------------------------------------------------------


@dataclass
class LoadResult:
    tool: str
    requests: int
    seconds: float
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    socket_errors: dict[str, int] = field(default_factory=dict)
    non_2xx_3xx: int = 0
    server_statuses: dict[str, int] = field(default_factory=dict)
    worker_boots: int = 0
    db_connects: int = 0  # new PostgreSQL sessions during the window: 0 when the pool holds
    # Share of all CPUs that processes outside this benchmark used during the window (Linux).
    other_cpu_share: float | None = None

    @property
    def client_errors(self) -> int:
        return sum(self.socket_errors.values()) + self.non_2xx_3xx

    @property
    def server_non_200(self) -> int:
        return sum(n for status, n in self.server_statuses.items() if status != "200")


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNITS_MS[unit]


def parse_wrk(output: str) -> LoadResult:
    totals = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h)", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not totals or not rate:
        raise BenchError(f"could not read wrk's output:\n{output}")
    percentiles = {
        int(p): _ms(v, u)
        for p, v, u in re.findall(
            r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M
        )
    }
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_errors = (
        dict(zip(("connect", "read", "write", "timeout"), map(int, errors.groups()), strict=True))
        if errors
        else {}
    )
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return LoadResult(
        tool="wrk",
        requests=int(totals.group(1)),
        seconds=_ms(totals.group(2), totals.group(3)) / 1000,
        rps=float(rate.group(1)),
        p50_ms=percentiles.get(50),
        p99_ms=percentiles.get(99),
        socket_errors={k: v for k, v in socket_errors.items() if v},
        non_2xx_3xx=int(bad.group(1)) if bad else 0,
    )


def wrk_load(
    port: int, path: str, headers: dict[str, str], seconds: int, threads: int, connections: int
) -> LoadResult:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "5s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"wrk did not finish within {seconds + 30} s") from error
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return parse_wrk(done.stdout)


def python_load(
    port: int, path: str, headers: dict[str, str], seconds: int, connections: int
) -> LoadResult:
    """A bounded closed-loop client: CONNECTIONS threads, each one request after another."""
    seconds = min(seconds, FALLBACK_MAX_S)
    deadline = time.monotonic() + seconds
    latencies: list[list[float]] = [[] for _ in range(connections)]
    statuses: list[Counter[int]] = [Counter() for _ in range(connections)]
    failures = [0] * connections
    sent_headers = {"Host": DEMO_HOST, **headers}

    def client(slot: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    conn.request("GET", path, headers=sent_headers)
                    response = conn.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException):
                    failures[slot] += 1
                    conn.close()
                    continue
                latencies[slot].append(time.perf_counter() - started)
                statuses[slot][response.status] += 1
        finally:
            conn.close()

    workers = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(connections)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=max(0.0, deadline - time.monotonic()) + 15)
    elapsed = time.perf_counter() - started
    if any(worker.is_alive() for worker in workers):
        raise BenchError("the Python load generator did not stop in time")
    every = sorted(x for slot in latencies for x in slot)
    counts: Counter[int] = sum(statuses, Counter())

    def percentile(q: float) -> float | None:
        return every[min(len(every) - 1, int(q * len(every)))] * 1000 if every else None

    return LoadResult(
        tool="python",
        requests=len(every),
        seconds=elapsed,
        rps=len(every) / elapsed if elapsed else 0.0,
        p50_ms=percentile(0.50),
        p99_ms=percentile(0.99),
        socket_errors={"failed": sum(failures)} if sum(failures) else {},
        non_2xx_3xx=sum(n for status, n in counts.items() if not 200 <= status < 400),
    )


_ACCESS = re.compile(r'"[A-Z]+ \S+ HTTP/[\d.]+" (\d{3}) ')


def server_view(log: Path, offset: int) -> tuple[dict[str, int], int]:
    """Statuses in gunicorn's log written after OFFSET, and how many workers booted meanwhile."""
    with log.open("rb") as handle:
        handle.seek(offset)
        text = handle.read().decode("utf-8", errors="replace")
    statuses = Counter(found.group(1) for found in _ACCESS.finditer(text))
    return dict(sorted(statuses.items())), text.count("Booting worker")


def measure(
    port: int,
    path: str,
    headers: dict[str, str],
    args: argparse.Namespace,
    log: Path,
    db_connects: Callable[[], int],
) -> LoadResult:
    def one(seconds: int) -> LoadResult:
        if args.use_wrk:
            return wrk_load(port, path, headers, seconds, args.threads, args.connections)
        return python_load(port, path, headers, seconds, args.connections)

    one(WARMUP_S)
    time.sleep(0.5)  # let the warm-up's last requests reach the log before the window opens
    offset, connects_before = log.stat().st_size, db_connects()
    busy_before, own_before, started = machine_ticks(), own_ticks(), time.monotonic()
    result = one(args.duration)
    busy_after, own_after, elapsed = machine_ticks(), own_ticks(), time.monotonic() - started
    time.sleep(0.5)
    result.server_statuses, result.worker_boots = server_view(log, offset)
    result.db_connects = db_connects() - connects_before
    if (
        busy_before is not None
        and busy_after is not None
        and own_before is not None
        and own_after is not None
    ):
        capacity = elapsed * (os.cpu_count() or 1) * os.sysconf("SC_CLK_TCK")
        other = (busy_after - busy_before) - (own_after - own_before)
        result.other_cpu_share = round(max(0.0, other / capacity), 3)
    return result


# --- Who else uses the CPUs (Linux /proc; None elsewhere) --------------------------------


def machine_ticks() -> int | None:
    """CPU time all processes have used since boot, in clock ticks."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return None
    ticks = [int(x) for x in fields[:8]]  # user nice system idle iowait irq softirq steal
    return sum(ticks) - ticks[3] - ticks[4]


def own_ticks() -> int | None:
    """CPU time of this process and everything it started (gunicorn, wrk, PostgreSQL), in ticks.

    Children's own times plus the times of their reaped children, so a process that exits
    during a window (a PostgreSQL backend, wrk itself) still counts as ours.
    """
    parents: dict[int, int] = {}
    times: dict[int, int] = {}
    try:
        entries = [e for e in Path("/proc").iterdir() if e.name.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue  # exited meanwhile
        rest = raw[raw.rfind(")") + 2 :].split()
        parents[int(entry.name)] = int(rest[1])
        times[int(entry.name)] = sum(int(x) for x in rest[11:15])  # utime stime cutime cstime
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def log_connections(cluster: Cluster) -> Callable[[], int]:
    """Have PostgreSQL log each new session; return a counter of them, read from its log."""
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET log_connections = on")
        conn.execute("SELECT pg_reload_conf()")
    server_log = cluster.root / "server.log"

    def count() -> int:
        return server_log.read_text(errors="replace").count("connection authorized")

    return count


# --- Processes -----------------------------------------------------------------------------


def stop_gunicorn(server: subprocess.Popen[bytes] | None) -> None:
    if server is None or server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)  # graceful: the master stops its own workers
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def bench_env(database_url: str, evidence_dir: Path, args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "FLASK_"))}
    env.update(
        DATABASE_URL=database_url,
        BASE_DOMAIN=BASE_DOMAIN,
        SECRET_KEY=secrets.token_urlsafe(48),
        STORAGE="local",
        EVIDENCE_DIR=str(evidence_dir),
        DB_POOL_SIZE=str(args.pool_size),
        SESSION_COOKIE_SECURE="0",
        PYTHONUNBUFFERED="1",
    )
    return env


# --- Report --------------------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def _fmt(value: float | None, spec: str) -> str:
    width = int(spec.split(".")[0] or 0)
    return "-".rjust(width) if value is None else format(value, spec)


def _share(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.0%}"


def print_report(
    bare: LoadResult,
    landing: LoadResult,
    commands: dict[str, CommandTiming],
    args: argparse.Namespace,
) -> None:
    load = (
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s"
        if bare.tool == "wrk"
        else f"Python client, {args.connections} threads, {min(args.duration, FALLBACK_MAX_S)} s"
    )
    recycle = f"every {args.max_requests} requests" if args.max_requests else "off"
    print()
    print(
        f"gunicorn: {args.workers} sync workers, recycling {recycle}; load: {load}; "
        f"{os.cpu_count()} CPUs shared by all"
    )
    head = f"{'':26} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} {'errors':>7}"
    print(head)
    print("-" * len(head))
    for label, r in (("/sehat (bare query)", bare), ("/ (landing, signed in)", landing)):
        print(
            f"{label:26} {r.rps:9.1f} {_fmt(r.p50_ms, '8.2f')} {_fmt(r.p99_ms, '8.2f')} "
            f"{r.requests:9d} {r.client_errors:7d}"
        )
    print(
        f"{'ratio landing/bare':26} {_fmt(_ratio(landing.rps, bare.rps), '9.3f')} "
        f"{_fmt(_ratio(landing.p50_ms, bare.p50_ms), '8.2f')} "
        f"{_fmt(_ratio(landing.p99_ms, bare.p99_ms), '8.2f')}"
    )
    for label, r in (("/sehat", bare), ("/", landing)):
        socket_errors = ", ".join(f"{k} {v}" for k, v in r.socket_errors.items()) or "none"
        print(
            f"  {label:7} client: socket errors {socket_errors}, non-2xx/3xx {r.non_2xx_3xx}; "
            f"server log: statuses {r.server_statuses or '{}'}, worker boots {r.worker_boots}; "
            f"new DB sessions {r.db_connects}; other processes' CPU {_share(r.other_cpu_share)}"
        )
    if max(bare.other_cpu_share or 0, landing.other_cpu_share or 0) > OTHER_CPU_WARN:
        print(
            f"  WARNING: other processes used more than {OTHER_CPU_WARN:.0%} of the CPUs during"
            " a window: they compete with gunicorn, so the figures are low and the ratio is"
            " unreliable. Re-run on a quiet machine."
        )
    print()
    print(f"{'command':32} {'reported s':>10} {'wall s':>8}")
    for label, timing in commands.items():
        print(f"{label:32} {_fmt(timing.reported_s, '10.2f')} {timing.wall_s:8.2f}")
    print("  (wall includes starting Python and importing the app)")


def problems_of(bare: LoadResult, landing: LoadResult) -> list[str]:
    problems = []
    for label, r in (("/sehat", bare), ("/", landing)):
        if r.client_errors:
            problems.append(f"{label}: {r.client_errors} client-side errors or non-2xx/3xx")
        if r.server_non_200:
            problems.append(f"{label}: {r.server_non_200} non-200 answers in gunicorn's log")
        if not r.requests:
            problems.append(f"{label}: no request completed")
    return problems


# --- Main ----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m infra.bench.landing",
        description="Landing page vs the bare tenant-bound query, under gunicorn, in one run.",
    )
    parser.add_argument("--json", metavar="PATH", help="also write the figures to PATH")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn WEB_CONCURRENCY")
    parser.add_argument("--pool-size", type=int, default=2, help="DB_POOL_SIZE per worker")
    parser.add_argument(
        "--max-requests",
        type=int,
        default=0,
        help="gunicorn worker recycling (production: 2000); 0, the default, turns it off "
        "so a worker restart does not land inside a 10 s window",
    )
    parser.add_argument("--no-wrk", action="store_true", help="use the Python client")
    args = parser.parse_args(argv)
    if not 1 <= args.duration <= 120:
        parser.error("--duration must be between 1 and 120 s")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.use_wrk = not args.no_wrk and shutil.which("wrk") is not None
    if not args.use_wrk and not args.no_wrk:
        print(
            "wrk not found: falling back to the Python load generator (GIL-bound, so figures "
            f"are lower and noisier; at most {FALLBACK_MAX_S} s). Install wrk for real numbers "
            "(Debian: apt-get install -y --no-install-recommends wrk).",
            file=sys.stderr,
        )

    workdir = Path(tempfile.mkdtemp(prefix="kinerja-bench-"))
    log = workdir / "gunicorn.log"
    cluster: Cluster | None = None
    server: subprocess.Popen[bytes] | None = None
    try:
        print("Starting PostgreSQL…", flush=True)
        cluster = Cluster()
        cluster.start()
        (workdir / "evidence").mkdir()
        env = bench_env(cluster.url, workdir / "evidence", args)

        commands: dict[str, CommandTiming] = {}
        print("Migrating and creating the demo dinas…", flush=True)
        out, wall = run_flask(["tenants", "migrate"], env)
        commands["tenants migrate (empty db)"] = CommandTiming(
            wall, reported_seconds(out, r"Selesai dalam ([\d.]+) s")
        )
        _, wall = run_flask(["tenants", "demo"], env)
        commands["tenants demo"] = CommandTiming(wall, None)
        out, wall = run_flask(
            [
                "tenants",
                "create",
                NEW_SLUG,
                "--name",
                "Dinas Pendidikan Kabupaten Bangku Uji",
                "--kind",
                "kabupaten",
                "--admin-email",
                "admin@bench.kinerja.test",
                "--admin-password",
                secrets.token_urlsafe(16),
            ],
            env,
        )
        commands[f"tenants create {NEW_SLUG}"] = CommandTiming(
            wall, reported_seconds(out, r"dibuat dalam ([\d.]+) s")
        )
        out, wall = run_flask(["tenants", "migrate"], env)
        commands["tenants migrate (no-op)"] = CommandTiming(
            wall, reported_seconds(out, r"Selesai dalam ([\d.]+) s")
        )

        connects = log_connections(cluster)
        port = free_port()
        server_env = {
            **env,
            "PORT": str(port),
            "BIND_HOST": "127.0.0.1",
            "WEB_CONCURRENCY": str(args.workers),
            "GUNICORN_MAX_REQUESTS": str(args.max_requests),
            "GUNICORN_MAX_REQUESTS_JITTER": "0" if not args.max_requests else "200",
            "GUNICORN_LOG_LEVEL": "info",
        }
        print(f"Starting gunicorn ({args.workers} workers)…", flush=True)
        with log.open("wb") as sink:
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-c",
                    "infra/gunicorn.conf.py",
                    "web:create_app()",
                ],
                cwd=REPO,
                env=server_env,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        wait_until_answering(port, server, log)

        cookie = f"{SESSION_COOKIE}={sign_in(port)}"
        check_targets(port, cookie)

        print(f"Measuring /sehat ({WARMUP_S} s warm-up + {args.duration} s)…", flush=True)
        bare = measure(port, "/sehat", {"Host": DEMO_HOST}, args, log, connects)
        print(f"Measuring / ({WARMUP_S} s warm-up + {args.duration} s)…", flush=True)
        landing = measure(port, "/", {"Host": DEMO_HOST, "Cookie": cookie}, args, log, connects)
        check_targets(port, cookie)  # the session still works after the load

        print_report(bare, landing, commands, args)
        problems = problems_of(bare, landing)
        for problem in problems:
            print(f"FAILED: {problem}")
        figures: dict[str, Any] = {
            "ok": not problems,
            "problems": problems,
            "tool": bare.tool,
            "workers": args.workers,
            "connections": args.connections,
            "duration_s": args.duration,
            "max_requests": args.max_requests,
            "cpus": os.cpu_count(),
            "bare": asdict(bare),
            "landing": asdict(landing),
            "ratio_landing_bare": {
                "rps": _ratio(landing.rps, bare.rps),
                "p50": _ratio(landing.p50_ms, bare.p50_ms),
                "p99": _ratio(landing.p99_ms, bare.p99_ms),
            },
            "commands": {name: asdict(t) for name, t in commands.items()},
        }
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
        print(json.dumps(figures, separators=(",", ":")))
        return 0 if not problems else 1
    except BenchError as error:
        print(f"Benchmark aborted: {error}", file=sys.stderr)
        if server is not None:
            print(f"--- gunicorn log (last lines) ---\n{tail(log)}", file=sys.stderr)
        return 2
    finally:
        stop_gunicorn(server)
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
