"""A small, bounded HTTP load client for the benchmarks: loopback only, a fixed number of requests and a
time limit, a few threads. Each request opens its own connection (gunicorn's sync workers close it after
every response anyway) and must answer 200, or the run stops with the first bad status."""

from __future__ import annotations

import http.client
import itertools
import threading
import time
from dataclasses import dataclass

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class LoadError(RuntimeError):
    pass


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    latencies_ms: list[float]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        return percentile(self.latencies_ms, p)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0-100) of `values`."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100), at least 1
    return ordered[int(rank) - 1]


def fetch(host: str, port: int, path: str, headers: dict[str, str], timeout: float = 30.0) -> tuple[int, int]:
    """One GET; (status, body length)."""
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, len(response.read())
    finally:
        connection.close()


def run(
    host: str,
    port: int,
    path: str,
    *,
    requests: int,
    seconds: float,
    concurrency: int,
    headers: dict[str, str] | None = None,
    new_reader_each_request: bool = False,
) -> LoadResult:
    """At most `requests` GETs of `path`, stopping after `seconds`, from `concurrency` threads.

    With new_reader_each_request, every request has its own User-Agent, so the view counter sees a new
    reader each time (as a busy site does) rather than one reader reloading.
    """
    if host not in LOOPBACK:
        raise LoadError(f"refusing to send load to {host}: loopback only")
    if requests < 1 or seconds <= 0 or concurrency < 1:
        raise LoadError("requests, seconds and concurrency must be positive")
    base = {"Accept-Language": "fa", "User-Agent": "newsroom-bench", **(headers or {})}
    numbers = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    deadline = started + seconds

    def worker() -> None:
        while not errors and time.perf_counter() < deadline:
            number = next(numbers)  # itertools.count is atomic under the GIL
            if number >= requests:
                return
            sent = dict(base)
            if new_reader_each_request:
                sent["User-Agent"] = f"newsroom-bench reader {number}"
            begin = time.perf_counter()
            try:
                status, _length = fetch(host, port, path, sent)
            except OSError as exc:
                errors.append(f"{path}: {exc}")
                return
            elapsed = (time.perf_counter() - begin) * 1000
            if status != 200:
                errors.append(f"{path} answered {status}")
                return
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    took = time.perf_counter() - started
    if errors:
        raise LoadError(errors[0])
    if not latencies:
        raise LoadError(f"{path}: no request finished within {seconds} s")
    return LoadResult(len(latencies), took, latencies)
