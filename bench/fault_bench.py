"""Stress-and-fault benchmark: comment posts under load while PostgreSQL and Redis fail.

    python bench/fault_bench.py --database-url postgres://postgres@127.0.0.1:5432/postgres \\
        --posts 1000 --clients 50

Loopback only, bounded (at most --posts posts, each tried at most --attempts times, and at most --seconds
of load), and it stops by itself. It creates a scratch PostgreSQL database on the given server (dropped at
the end), starts its OWN redis-server on a free loopback port (never touching any other Redis) and
gunicorn under production settings (DEBUG off, a random secret, plain static files, NEWSROOM_PROXY_HOPS=1,
rate limits raised so they do not refuse the load). It builds a small site, then C clients, each with its
own address (X-Forwarded-For), send N comment posts with distinct texts, as a browser does: fetch the
article page (its CSRF token and signed form token), then post the form, asking for JSON. A post that
gets no acknowledgement (5xx or no answer) is sent again with a fresh form, as a reader would, until
acknowledged or refused (4xx). Meanwhile, as posts complete, it drops every app connection to the
database (pg_terminate_backend) at a quarter and at three quarters of the posts, and stops its Redis for
--redis-down seconds at half (then starts it again on the same port); the app is never restarted.

It prints: acknowledged posts, stored rows, acknowledged posts stored once / missing, duplicates, 5xx
answers inside the outage windows (the request was in flight while a fault lasted) and outside them, and
how long each fault took to recover from (from the fault's end to the next acknowledged post). --json
prints the same as one JSON object (for the smoke test).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages_bench import HOST, _load, bench_environment, fresh_database, gunicorn  # noqa: E402

_INPUT = re.compile(r"<input\b[^>]*>")
_ATTRIBUTE = re.compile(r'\b(type|name|value)="([^"]*)"')


@dataclass
class Fault:
    name: str
    after_posts: int
    started: float = 0.0
    ended: float = 0.0
    recovered: float = 0.0  # the first acknowledgement after `ended`

    def overlaps(self, sent: float, answered: float) -> bool:
        """Whether a request sent and answered at these times was in flight during the fault."""
        return bool(self.started) and sent <= (self.ended or answered) and answered >= self.started


@dataclass
class Report:
    posts: int
    clients: int
    acknowledged: int
    refused: dict[str, int]
    gave_up: int
    stored_rows: int
    stored_once: int
    missing: int
    duplicates: int
    unacknowledged_stored: int
    errors_inside: dict[str, int]
    errors_outside: dict[str, int]
    no_answer: int
    faults: list[dict] = field(default_factory=list)
    seconds: float = 0.0  # of load
    setup_seconds: float = 0.0  # migrating the scratch database and building the site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server (postgres://...)")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients, each its own address")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--redis-down", type=float, default=3.0, help="seconds Redis stays stopped")
    parser.add_argument("--attempts", type=int, default=20, help="tries per post before giving up")
    parser.add_argument("--seconds", type=float, default=600, help="at most this long for the load")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument("--server-log", type=Path, help="keep gunicorn's log (the app's errors) here")
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url must be a postgres:// URL (the faults are PostgreSQL's)")
    if min(args.posts, args.clients, args.workers, args.attempts) < 1 or args.seconds <= 0:
        parser.error("--posts, --clients, --workers, --attempts and --seconds must be positive")
    if shutil.which("redis-server") is None:
        raise SystemExit("fault_bench: no redis-server on PATH (apt-get install redis-server)")

    scratch = Path(tempfile.mkdtemp(prefix="newsroom-fault-bench-"))
    try:
        with OwnRedis(scratch) as redis_server, fresh_database(args.database_url, scratch) as url:
            report = run(args, url, redis_server, scratch)
    finally:
        if args.server_log and (scratch / "gunicorn.log").exists():
            shutil.copyfile(scratch / "gunicorn.log", args.server_log)
        shutil.rmtree(scratch, ignore_errors=True)
    if args.json:
        sys.stdout.write(json.dumps(asdict(report)) + "\n")
    else:
        print_report(report)


class OwnRedis:
    """A redis-server of the benchmark's own on a free loopback port, no persistence; stop() and start()
    keep the port. Only this process is ever stopped."""

    def __init__(self, scratch: Path):
        self.port = _free_port()
        self.scratch = scratch
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self) -> None:
        command = [
            "redis-server",
            "--bind",
            HOST,
            "--port",
            str(self.port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.scratch),
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                with socket.create_connection((HOST, self.port), timeout=0.2) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.02)
        raise SystemExit(f"fault_bench: redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def __enter__(self) -> OwnRedis:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_environment(database_url: str, redis_url: str) -> dict[str, str]:
    """Production settings with the benchmark's database and Redis; rate limits out of the way (the
    clients are few addresses sending many posts), the client address from X-Forwarded-For."""
    return {
        **bench_environment(database_url),
        "REDIS_URL": redis_url,
        "DJANGO_BEHIND_PROXY": "true",
        "NEWSROOM_PROXY_HOPS": "1",
        "NEWSROOM_COMMENT_RATE": "1000000",
        "NEWSROOM_COMMENT_VOTE_RATE": "1000000",
        # The clients post as soon as they have the form; a real reader takes longer than this.
        "NEWSROOM_COMMENT_MIN_SECONDS": "0",
    }


def run(args, database_url: str, redis_server: OwnRedis, scratch: Path) -> Report:
    env = server_environment(database_url, redis_server.url)
    os.environ.update(env)
    import warnings

    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise, no collectstatic
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.urls import reverse

    from bench.pagesite import build_site

    began = time.monotonic()
    call_command("migrate", verbosity=0)
    article = build_site(articles=2, comments=1).article
    setup = time.monotonic() - began
    path = article.get_absolute_url()
    connections.close_all()  # the faults drop every connection to the database, this process's too

    faults = [
        Fault("PostgreSQL connections dropped", args.posts // 4),
        Fault(f"Redis stopped for {args.redis_down:g} s", args.posts // 2),
        Fault("PostgreSQL connections dropped", 3 * args.posts // 4),
    ]
    with gunicorn({**os.environ, **env}, args.workers, scratch) as port:
        load = Load(port, path, reverse("comments:post", args=[article.news_code]), args, faults)
        started = time.monotonic()
        load.run(lambda fault: _inject(fault, args, database_url, redis_server))
        took = time.monotonic() - started
    report = _report(args, article, load, faults, took)
    report.setup_seconds = round(setup, 1)
    return report


def _inject(fault: Fault, args, database_url: str, redis_server: OwnRedis) -> None:
    fault.started = time.monotonic()
    if fault.name.startswith("Redis"):
        redis_server.stop()
        time.sleep(args.redis_down)
        redis_server.start()
    else:
        _drop_connections(database_url)
    fault.ended = time.monotonic()


def _drop_connections(database_url: str) -> int:
    """Terminate every connection to the benchmark's database (the app's), as a restart would."""
    import psycopg

    parts = urlsplit(database_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [parts.path.lstrip("/")],
        ).fetchall()
    return len(rows)


def hidden_fields(page: str) -> dict[str, str]:
    """The hidden inputs of a page (the CSRF token, the signed form token, the reply's parent)."""
    fields = {}
    for tag in _INPUT.findall(page):
        attributes = dict(_ATTRIBUTE.findall(tag))
        if attributes.get("type") == "hidden" and attributes.get("name"):
            fields[attributes["name"]] = html.unescape(attributes.get("value", ""))
    return fields


class Load:
    """The clients: each takes the next post number, fetches the form, posts it, and retries an
    unacknowledged post with a fresh form."""

    def __init__(self, port: int, path: str, post_path: str, args, faults: list[Fault]):
        self.port, self.path, self.post_path, self.args, self.faults = port, path, post_path, args, faults
        self.lock = threading.Lock()
        self.next_post = 0
        self.acknowledged: set[int] = set()
        self.refused: Counter[str] = Counter()
        self.gave_up = 0
        self.server_errors: list[tuple[float, float, str]] = []  # (sent, answered, "GET 500")
        self.no_answer: list[float] = []
        self.deadline = 0.0

    def run(self, inject) -> None:
        self.deadline = time.monotonic() + self.args.seconds
        clients = [
            threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(self.args.clients)
        ]
        for client in clients:
            client.start()
        for fault in self.faults:
            while self._done() < fault.after_posts and any(c.is_alive() for c in clients):
                time.sleep(0.01)
            if any(c.is_alive() for c in clients):
                inject(fault)
        for client in clients:
            client.join(timeout=max(0.0, self.deadline - time.monotonic()) + 60)

    def _done(self) -> int:
        with self.lock:
            return len(self.acknowledged) + sum(self.refused.values()) + self.gave_up

    def _take(self) -> int | None:
        with self.lock:
            if self.next_post >= self.args.posts:
                return None
            self.next_post += 1
            return self.next_post

    def _client(self, number: int) -> None:
        address = f"10.{number // 250}.{number % 250}.{1 + number % 7}"
        while time.monotonic() < self.deadline:
            post = self._take()
            if post is None:
                return
            self._send(post, address)

    def _send(self, post: int, address: str) -> None:
        import http.client

        text = f"نظر آزمایشی شماره {post} درباره این خبر"
        headers = {
            "X-Forwarded-For": address,
            "User-Agent": f"fault-bench {address}",
            "Accept-Language": "fa",
        }
        for _attempt in range(self.args.attempts):
            if time.monotonic() >= self.deadline:
                break
            try:
                status, page, cookie = self._request("GET", self.path, headers)
                if status != 200:
                    self._pause()
                    continue
                form = {**hidden_fields(page), "body": text, "name": "", "email": ""}
                sent = {
                    **headers,
                    "Cookie": cookie,
                    "Accept": "application/json",
                    "Content-Type": "application/x-www-form-urlencoded",
                }
                status, _body, _cookie = self._request("POST", self.post_path, sent, urlencode(form))
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.no_answer.append(time.monotonic())
                self._pause()
                continue
            if status == 201:
                with self.lock:
                    self.acknowledged.add(post)
                    now = time.monotonic()
                    for fault in self.faults:
                        if fault.ended and not fault.recovered and now >= fault.ended:
                            fault.recovered = now
                return
            if 400 <= status < 500:
                with self.lock:
                    self.refused[str(status)] += 1
                return
            self._pause()
        with self.lock:
            self.gave_up += 1

    def _request(
        self, method: str, path: str, headers: dict, body: str | None = None
    ) -> tuple[int, str, str]:
        """(status, body, the csrftoken cookie as a Cookie header); a 5xx is recorded with its time."""
        import http.client

        sent = time.monotonic()
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        if response.status >= 500:
            with self.lock:
                self.server_errors.append((sent, time.monotonic(), f"{method} {response.status}"))
        cookies = [
            value.split(";", 1)[0] for key, value in response.getheaders() if key.lower() == "set-cookie"
        ]
        return response.status, text, "; ".join(c for c in cookies if c.startswith("csrftoken="))

    @staticmethod
    def _pause() -> None:
        time.sleep(0.1)


def _report(args, article, load: Load, faults: list[Fault], took: float) -> Report:
    from django.db import connections

    from comments.models import Comment

    connections.close_all()
    number = re.compile(r"شماره (\d+) ")
    stored = Counter(
        int(match.group(1))
        for body in Comment.objects.filter(article=article, body__startswith="نظر آزمایشی").values_list(
            "body", flat=True
        )
        if (match := number.search(body))
    )
    inside, outside = Counter(), Counter()
    per_fault = [Counter() for _fault in faults]
    for sent, answered, answer in load.server_errors:
        covering = [n for n, fault in enumerate(faults) if fault.overlaps(sent, answered)]
        (inside if covering else outside)[answer] += 1
        for n in covering:
            per_fault[n][answer] += 1
    connections.close_all()
    return Report(
        posts=args.posts,
        clients=args.clients,
        acknowledged=len(load.acknowledged),
        refused=dict(load.refused),
        gave_up=load.gave_up,
        stored_rows=sum(stored.values()),
        stored_once=sum(1 for post in load.acknowledged if stored[post] == 1),
        missing=sum(1 for post in load.acknowledged if stored[post] == 0),
        duplicates=sum(count - 1 for count in stored.values() if count > 1),
        unacknowledged_stored=sum(1 for post in stored if post not in load.acknowledged),
        errors_inside=dict(inside),
        errors_outside=dict(outside),
        no_answer=len(load.no_answer),
        faults=[
            {
                "fault": fault.name,
                "after_posts": fault.after_posts,
                "lasted_s": round(fault.ended - fault.started, 2),
                "recovery_s": round(fault.recovered - fault.ended, 2) if fault.recovered else None,
                "errors": dict(errors),
            }
            for fault, errors in zip(faults, per_fault, strict=True)
        ],
        seconds=round(took, 1),
    )


def print_report(report: Report) -> None:
    out = sys.stdout.write
    out(
        f"{report.posts} posts from {report.clients} clients in {report.seconds} s "
        f"(set-up {report.setup_seconds} s); load average {_load()}\n"
    )
    out(f"acknowledged: {report.acknowledged}; refused: {report.refused or 0}; gave up: {report.gave_up}\n")
    out(
        f"stored rows: {report.stored_rows}; acknowledged and stored once: {report.stored_once}; "
        f"acknowledged but missing: {report.missing}; duplicates: {report.duplicates}; "
        f"stored without acknowledgement: {report.unacknowledged_stored}\n"
    )
    out(
        f"5xx inside outage windows: {report.errors_inside or 0}; outside: {report.errors_outside or 0}; "
        f"requests with no answer: {report.no_answer}\n"
    )
    for fault in report.faults:
        recovery = (
            "not recovered" if fault["recovery_s"] is None else f"recovered {fault['recovery_s']} s after"
        )
        lasted = f"lasted {fault['lasted_s']} s"
        errors = fault["errors"] or "no 5xx"
        out(f"- {fault['fault']} after {fault['after_posts']} posts ({lasted}): {recovery}; {errors}\n")


if __name__ == "__main__":
    main()
