"""Benchmark: `pass-tui feeds serve` under many feed readers, on 127.0.0.1 only.

    python bench/feeds.py                       # this checkout
    python bench/feeds.py --rev 12e5069         # the server of another commit, same data

Starts the real server (``python -m pass_tui feeds serve --port 0``) on a fresh data dir
holding the demo catalogue, then:

* burst: ``--burst`` clients (200) connect at the same moment, one GET each; counts the
  answers that came back 200 within ``--timeout`` seconds;
* throughput: ``--clients`` threads (20) share ``--requests`` GETs (2,000) over a mix of
  feeds, one connection per request as a feed reader does; requests/s and p50/p95 latency.

Every loop is bounded in count and time and only talks to 127.0.0.1. ``--rev`` exports the
given commit with ``git archive`` and runs its server with this interpreter.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PATHS = [
    "/flux/offres",
    "/flux/offres_stages.atom",
    "/flux/recherche?region=53",
    "/flux/recherche?keywords=jardinier",
]


def get(port: int, path: str, timeout: float) -> tuple[int, float]:
    """One GET on a connection of its own: (status or 0 on failure, seconds)."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        connection.close()
    return status, time.perf_counter() - start


def burst(port: int, clients: int, timeout: float) -> dict[str, float]:
    barrier = threading.Barrier(clients)

    def one(i: int) -> tuple[int, float]:
        barrier.wait(timeout=60)
        return get(port, PATHS[i % len(PATHS)], timeout)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(one, range(clients)))
    return {
        "clients": clients,
        "ok": sum(status == 200 for status, _ in results),
        "seconds": round(time.perf_counter() - start, 3),
    }


def throughput(port: int, clients: int, requests: int, timeout: float) -> dict[str, float]:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(
            pool.map(lambda i: get(port, PATHS[i % len(PATHS)], timeout), range(requests))
        )
    elapsed = time.perf_counter() - start
    times = sorted(t for status, t in results if status == 200)
    return {
        "requests": requests,
        "ok": len(times),
        "requests_per_s": round(len(times) / elapsed, 1),
        "p50_ms": round(statistics.median(times) * 1000, 1) if times else 0.0,
        "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 1) if times else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", help="measure the server of this git commit instead")
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        source = REPO
        if args.rev:
            source = Path(tmp) / "source"
            source.mkdir()
            archive = subprocess.run(
                ["git", "-C", str(REPO), "archive", args.rev], check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
        data = Path(tmp) / "data"
        data.mkdir()
        command = [sys.executable, "-m", "pass_tui", "--lang", "fr", "feeds", "serve"]
        server = subprocess.Popen(
            [*command, "--port", "0", "--data-dir", str(data)],
            cwd=source,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stderr is not None
            banner = server.stderr.readline()
            match = re.search(r"127\.0\.0\.1:(\d+)/", banner)
            if not match:
                sys.exit(f"the server did not start: {banner}")
            port = int(match.group(1))
            # keep reading stderr so that the server never blocks on a full pipe
            errors: list[str] = []
            reader = threading.Thread(target=lambda: errors.extend(server.stderr), daemon=True)  # type: ignore[arg-type]
            reader.start()
            get(port, "/flux/offres", 60)  # warm up: catalogue index loaded
            figures = {
                "server": args.rev or "checkout",
                "burst": burst(port, args.burst, args.timeout),
                "throughput": throughput(port, args.clients, args.requests, args.timeout),
            }
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        reader.join(timeout=10)
        figures["stderr_lines"] = len(errors)
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
