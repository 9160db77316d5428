"""Reader-page benchmark: build a realistic site in a fresh database, serve it with gunicorn, measure.

    python bench/pages_bench.py                          # 5,000 articles in a scratch SQLite file
    python bench/pages_bench.py --database-url postgres://postgres@127.0.0.1:5432/postgres \\
        --redis-url redis://127.0.0.1:6379/14

On PostgreSQL the URL names the server to use: the benchmark creates a database of its own there
(`newsroom_bench_pages_<random>`) and drops it at the end. It builds the site (bench/pagesite.py), prints
each page's query count from Django's test client, then starts gunicorn on 127.0.0.1 (DEBUG off, a random
secret, plain static files, no control socket) and sends each page a bounded number of requests from a
few threads (bench/httpload.py): requests per second and latency percentiles. With --redis-url it runs a
second time with Django's cache in Redis (the view counter and django-parler use the cache); that Redis
database is emptied first. Kept out of the test suite on purpose: it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
DB_PREFIX = "newsroom_bench_pages_"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=5000)
    parser.add_argument("--comments", type=int, default=500, help="published comments on one article")
    parser.add_argument("--database-url", help="a PostgreSQL server (postgres://...); default: SQLite file")
    parser.add_argument("--redis-url", help="also measure with the cache in this Redis database")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--requests", type=int, default=400, help="at most this many requests a page")
    parser.add_argument("--seconds", type=float, default=15, help="and at most this long a page")
    args = parser.parse_args()
    if args.database_url and not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url must be a postgres:// URL (SQLite is the default)")
    if args.redis_url and not args.redis_url.startswith("redis://"):
        parser.error("--redis-url must be a redis:// URL")
    if min(args.articles - 1, args.comments, args.workers, args.concurrency, args.requests) < 1:
        parser.error("--articles must be at least 2, and the other counts at least 1")

    scratch = Path(tempfile.mkdtemp(prefix="newsroom-pages-bench-"))
    try:
        if args.redis_url:
            import redis

            redis.Redis.from_url(args.redis_url, socket_connect_timeout=3).ping()  # before minutes of work
        with fresh_database(args.database_url, scratch) as url:
            env = bench_environment(url)
            os.environ.update(env)
            os.environ.pop("REDIS_URL", None)
            measure(args, env, scratch)
    except Exception as exc:
        if not _expected(exc):
            raise
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SystemExit(f"pages_bench: {detail}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _expected(exc: Exception) -> bool:
    """Failures that deserve one line, not a traceback: an unreachable database or Redis (psycopg's and
    redis' errors), a page that does not answer 200 (LoadError), a site that could not be built."""
    names = {"OperationalError", "ConnectionError", "TimeoutError", "LoadError", "BuildError"}
    return isinstance(exc, OSError) or type(exc).__name__ in names


def bench_environment(database_url: str) -> dict[str, str]:
    """Production settings, except plain static files and no HTTPS redirect (the client speaks HTTP)."""
    return {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "NEWSROOM_PLAIN_STATIC": "true",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": HOST,
    }


@contextmanager
def fresh_database(server_url: str | None, scratch: Path):
    """A new, empty database: a SQLite file in `scratch`, or a PostgreSQL database created (and dropped
    afterwards) on the server of `server_url`."""
    if not server_url:
        yield f"sqlite:///{scratch / 'pages.sqlite3'}"
        return
    import psycopg

    name = DB_PREFIX + secrets.token_hex(4)
    parts = urlsplit(server_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure(args, env: dict[str, str], scratch: Path) -> None:
    sys.path.insert(0, str(ROOT))
    # WhiteNoise looks for collected static files; the benchmark serves plain ones (as the tests do).
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    from bench import httpload
    from bench.pagesite import build_site, query_counts

    out = sys.stdout.write
    out(
        f"machine: {os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, "
        f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}"
        f"{_server_version(connection)}, load average {_load()}\n"
    )
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    site = build_site(articles=args.articles, comments=args.comments)
    took = time.perf_counter() - started
    out(f"built {args.articles} articles, {args.comments} comments in {took:.1f} s\n\n")
    pages = site.pages()

    out("| page | status | queries (first view) | queries (same reader again) | cache calls |\n")
    out("|---|---|---|---|---|\n")
    for name, cost in query_counts(pages, host=HOST).items():
        out(f"| {name} | {cost.status} | {cost.queries} | {cost.queries_again} | {cost.cache_calls} |\n")
    connections.close_all()

    caches = [("per-process memory", None)] + ([("Redis", args.redis_url)] if args.redis_url else [])
    for label, redis_url in caches:
        out(
            f"\ncache: {label}; {args.workers} gunicorn workers, {args.concurrency} client threads, at most "
            f"{args.requests} requests or {args.seconds:g} s a page; load average {_load()}\n"
        )
        out("| page | requests | req/s | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n")
        server_env = {**os.environ, **env}
        if redis_url:
            import redis

            redis.Redis.from_url(redis_url).flushdb()  # the view counter's keys from the last run
            server_env["REDIS_URL"] = redis_url
        with gunicorn(server_env, args.workers, scratch) as port:
            runs = [(page.name, page.path, False) for page in pages]
            runs.insert(2, ("article, a new reader each request", site.article.get_absolute_url(), True))
            for name, path, new_readers in runs:
                httpload.run(HOST, port, path, requests=10, seconds=30, concurrency=1)  # warm up
                result = httpload.run(
                    HOST,
                    port,
                    path,
                    requests=args.requests,
                    seconds=args.seconds,
                    concurrency=args.concurrency,
                    new_reader_each_request=new_readers,
                )
                out(
                    f"| {name} | {result.requests} | {result.per_second:.1f} | {result.percentile(50):.0f} | "
                    f"{result.percentile(95):.0f} | {result.percentile(99):.0f} |\n"
                )
                sys.stdout.flush()
    out(f"\nload average at the end {_load()}\n")


@contextmanager
def gunicorn(env: dict[str, str], workers: int, scratch: Path):
    """gunicorn bound to 127.0.0.1 on a free port; stopped (and waited for) on the way out."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    log = (scratch / "gunicorn.log").open("ab")
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "newsroom.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--no-control-socket",
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(server, port, scratch)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _wait_until_up(server: subprocess.Popen, port: int, scratch: Path) -> None:
    from bench.httpload import fetch

    for _ in range(120):
        if server.poll() is not None:
            break
        try:
            if fetch(HOST, port, "/robots.txt", {}, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    tail = (scratch / "gunicorn.log").read_text(errors="replace").strip().splitlines()[-5:]
    raise SystemExit("gunicorn did not start: " + (" / ".join(tail) or "no output"))


def _server_version(connection) -> str:
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
