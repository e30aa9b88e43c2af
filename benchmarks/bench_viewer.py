"""Concurrent load on the viewer's JSON API, on loopback only, bounded in count and time.

    python benchmarks/bench_viewer.py [--requests 200] [--clients 8]

Starts ``paraphrase serve`` (waitress) as a separate process on a free 127.0.0.1 port,
sends the seed pair 000/001 to ``POST /api/compare`` from ``--clients`` threads, and
prints latency percentiles, throughput and status codes. Each request's two texts end
with a line of their own ("Request 17."), so that each is a new pair for the engine,
which keeps the documents it prepared last. The baseline is ``paraphrase.compare`` on
the seed texts in this process, both prepared anew each time, with every pair's word
diff read (as the API's answer holds them): the ratio is what HTTP, JSON and the server
add.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT = 120.0  # seconds; the run stops sending after this whatever the count


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def post(port: int, body: bytes) -> tuple[int, float]:
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/api/compare", body, {"Content-Type": "application/json"})
    status = connection.getresponse()
    status.read()
    connection.close()
    return status.status, time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    a, b = (next((ROOT / "seeds").glob(f"{n}_*.txt")).read_text(encoding="utf-8") for n in ("000", "001"))
    bodies = [json.dumps({"a": f"{a}\n\nRequest {n}.", "b": f"{b}\n\nRequest {n}."}).encode()
              for n in range(args.requests + 1)]

    sys.path.insert(0, str(ROOT))
    import paraphrase
    from paraphrase.document import forget_prepared
    from read_diffs import read_diffs  # beside this script

    def anew() -> object:
        forget_prepared()
        return read_diffs(paraphrase.compare(a, b))

    anew()
    baseline = statistics.median(_timed(anew) for _ in range(20))

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "paraphrase.cli", "serve", "--port", str(port), "--threads", "8"],
                              cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port)
        post(port, bodies[-1])  # warm up the server's lazy imports
        started = time.perf_counter()
        deadline = time.monotonic() + TIME_LIMIT
        with ThreadPoolExecutor(args.clients) as pool:
            results = list(pool.map(lambda n: post(port, bodies[n]) if time.monotonic() < deadline else (0, 0.0),
                                    range(args.requests)))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)

    latencies = [t for status, t in results if status]
    statuses = Counter(status for status, _ in results)
    p50 = percentile(latencies, 0.50)
    print(f"requests {len(latencies)} over {args.clients} clients in {elapsed:.2f} s "
          f"({len(latencies) / elapsed:.1f} per second); status codes {dict(statuses)}")
    print(f"latency p50 {p50 * 1000:.1f} ms, p95 {percentile(latencies, 0.95) * 1000:.1f} ms, "
          f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms")
    print(f"baseline: compare() in process, every diff read, {baseline * 1000:.1f} ms; p50 / baseline = {p50 / baseline:.1f}x "
          f"(with {args.clients} requests in flight on {len(__import__('os').sched_getaffinity(0))} cores)")
    if any(status >= 500 for status in statuses):
        raise SystemExit("server errors under load")


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
