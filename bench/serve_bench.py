"""The documented production server under load (issue 12 §4): gunicorn with production settings on a
demo database, measured from outside over HTTP on 127.0.0.1.

1. Latency, one client, keep-alive: a hashed static file (WhiteNoise) is the baseline; a cached public
   page, the same page uncached (the page cache turned off), printed as ratios to the baseline.
2. Load: N clients (threads) for D seconds over a mix of public pages and searches; errors, throughput,
   p50/p95/p99.

    python -m bench.serve_bench                       # builds /tmp/sanad-serve-bench.sqlite3 with the demo once
    python -m bench.serve_bench --clients 50 --duration 120 --db /tmp/sanad-serve-bench.sqlite3

Only loopback addresses are used; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

PAGES = [
    "/",
    "/procedures/",
    "/service-statement/",
    "/announcements/",
    "/references/",
]
SEARCHES = ["ارزیابی", "بخشنامه ۳۶۷۷۳/۹۱/۲۱۰", "وظایف دفاتر مدیریت عملکرد", "۱۳۹۱/۰۹/۱۳", "خودارزیابی"]


def env_for(db: Path, tmp: Path, cache_seconds: int, port: int) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="sanad.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{db}",
        STATIC_ROOT=str(tmp / "static"),
        SANAD_CACHE_DIR=str(tmp / f"cache-{port}"),
        SECURE_SSL_REDIRECT="0",
        SANAD_TASKS_BACKEND="immediate",
        SANAD_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG="/dev/null",
        SANAD_PAGE_CACHE_SECONDS=str(cache_seconds),
    )
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603 - our own manage.py


def ensure_demo(db: Path, env: dict) -> None:
    if db.exists():
        return
    print(f"building the demo database {db} (migrate + load_demo, a few minutes)…", file=sys.stderr)
    demo_env = dict(env, DJANGO_SETTINGS_MODULE="sanad.settings.dev")
    manage(demo_env, "migrate", "--no-input", "-v", "0")
    manage(demo_env, "load_demo")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env: dict, port: int):
        self.port = port
        gunicorn = [str(Path(PY).with_name("gunicorn")), "-c", "gunicorn.conf.py"]
        self.process = subprocess.Popen(gunicorn, cwd=ROOT, env=env)  # noqa: S603 - the documented server
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    return response.status, response.read()


def median_ms(port: int, path: str, n: int) -> float:
    # A generous timeout: on a loaded machine the first uncached render of a page can take long.
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    get(conn, path)  # warm: the first read fills the cache
    times = []
    for _ in range(n):
        start = time.perf_counter()
        status, _ = get(conn, path)
        times.append(time.perf_counter() - start)
        assert status == 200, (path, status)
    conn.close()
    return statistics.median(times) * 1000


def static_path(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    _, body = get(conn, "/")
    conn.close()
    found = re.search(rb'/static/[^"?]+\.[0-9a-f]{12}\.css', body)
    if not found:
        raise RuntimeError("no hashed stylesheet on the home page")
    return found.group(0).decode()


def procedure_path(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    _, body = get(conn, "/procedures/")
    conn.close()
    found = re.search(rb'href="(/procedures/[^"/]+/)"', body)
    return found.group(1).decode() if found else "/procedures/"


def load(port: int, paths: list[str], clients: int, duration: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = offset
        mine, bad = [], []
        while time.monotonic() < stop_at and len(mine) < 100000:
            path = paths[i % len(paths)]
            i += 1
            start = time.perf_counter()
            try:
                status, _ = get(conn, path)
            except (OSError, http.client.HTTPException) as exc:
                bad.append(f"{path}: {exc!r}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - start)
            if status >= 400:
                bad.append(f"{path}: HTTP {status}")
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 60)
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")
        )

    return {
        "requests": len(latencies),
        "errors": len(errors),
        "sample_errors": errors[:5],
        "per_second": len(latencies) / elapsed,
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    scratch = Path(tempfile.gettempdir())
    parser.add_argument("--db", type=Path, default=scratch / "sanad-serve-bench.sqlite3")
    parser.add_argument("--tmp", type=Path, default=scratch / "sanad-serve-bench")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=120.0)
    parser.add_argument("--repeat", type=int, default=300, help="sequential reads per latency figure")
    args = parser.parse_args()
    args.tmp.mkdir(parents=True, exist_ok=True)

    port = free_port()
    env = env_for(args.db, args.tmp, 600, port)
    ensure_demo(args.db, env)
    manage(env, "collectstatic", "--no-input", "-v", "0")

    print(f"load average at the start: {os.getloadavg()[0]:.1f}", flush=True)
    server = Server(env, port)
    try:
        static = static_path(port)
        procedure = procedure_path(port)
        base = median_ms(port, static, args.repeat)
        print(f"baseline: static file {static} median {base:.2f} ms", flush=True)
        cached = median_ms(port, procedure, args.repeat)
        print(f"cached procedure page {procedure}: {cached:.2f} ms = {cached / base:.2f}x static", flush=True)
        search = median_ms(port, "/search/?q=" + quote("ارزیابی عملکرد"), args.repeat)
        print(f"cached search page: {search:.2f} ms = {search / base:.2f}x static", flush=True)
        paths = PAGES + [procedure] + ["/search/?q=" + quote(q) for q in SEARCHES]
        result = load(port, paths, args.clients, args.duration)
        print(
            f"load: {args.clients} clients, {args.duration:.0f} s: {result['requests']} requests, "
            f"{result['errors']} errors, {result['per_second']:.0f}/s, "
            f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, p99 {result['p99']:.1f} ms",
            flush=True,
        )
    finally:
        server.stop()

    uncached_port = free_port()
    uncached = Server(env_for(args.db, args.tmp, 0, uncached_port), uncached_port)
    try:
        rendered = median_ms(uncached_port, procedure, max(20, args.repeat // 10))
        print(f"uncached procedure page: {rendered:.2f} ms = {rendered / base:.2f}x static", flush=True)
    finally:
        uncached.stop()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    for line in result["sample_errors"]:
        print("  error:", line)


if __name__ == "__main__":
    main()
