"""Where one page's time goes, in-process: SQL, the view, the templates (by template), the rest.

    python bench/page_profile.py --database-url URL PATH [--renders 50] [--top 12]

Serves PATH (as a browser sends it: percent-encoded) from an existing database through Django's WSGI
handler, as gunicorn would, with production-like settings (DEBUG off) and no cookies: a new reader each
time. After a few warm-up requests it reports the page's status, size and queries, the median CPU time of
a request in this process (the database server's own time is not in it), the Python function calls per
request (cProfile; steadier than times on a shared machine), and the CPU time of each phase: SQL
(building, running and reading each query), the view before rendering, and each template and template
tag, exclusive of the templates they include. Nothing is written to the database but the view counter's
first UPDATE. Kept out of the test suite on purpose: timings need a quiet machine.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote_to_bytes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: `bench` and the apps importable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="The page's address, percent-encoded (/news/1/<slug>/).")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--top", type=int, default=12, help="How many phases to list.")
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", "page-profile-" + "x" * 50)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("NEWSROOM_PLAIN_STATIC", "true")
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.client import RequestFactory

    handler = WSGIHandler()
    path, _, query = args.path.partition("?")
    environ = RequestFactory(HTTP_HOST="127.0.0.1").get("/").environ
    environ["PATH_INFO"] = unquote_to_bytes(path).decode("iso-8859-1")  # what a WSGI server passes
    environ["QUERY_STRING"] = query
    statuses: list[str] = []

    def request() -> bytes:
        response = handler(
            {**environ, "wsgi.input": io.BytesIO()}, lambda status, headers: statuses.append(status)
        )
        try:
            return b"".join(response)
        finally:
            response.close()

    for _ in range(3):
        body = request()
    queries: list[str] = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        request()

    timings = []
    for _ in range(args.renders):
        started = time.process_time()
        request()
        timings.append(time.process_time() - started)

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(10):
        request()
    profiler.disable()
    calls = pstats.Stats(profiler).total_calls / 10

    with _phases() as phases:
        for _ in range(args.renders):
            request()
    total = sum(phases.values())
    sys.stdout.write(
        f"{statuses[-1]}  {len(body) / 1024:.1f} KB  {len(queries)} queries  "
        f"median {statistics.median(timings) * 1000:.1f} ms CPU per request  {calls:,.0f} function calls\n"
    )
    for name, spent in phases.most_common(args.top):
        sys.stdout.write(f"  {spent / total:6.1%}  {spent / args.renders * 1000:6.2f} ms  {name}\n")


class _phases:
    """CPU time per phase, exclusive: time in a template, a tag, SQL or the view that is not in another
    phase started inside it. Patches Django's classes for the duration of the block."""

    def __enter__(self) -> Counter:
        from django.db.models.sql.compiler import SQLCompiler
        from django.template import base, library
        from django.views.generic.base import View

        self.spent: Counter = Counter()
        stack: list[float] = []

        def timed(name_of, function):
            def wrapper(*args, **kwargs):
                started = time.process_time()
                stack.append(0.0)
                try:
                    return function(*args, **kwargs)
                finally:
                    elapsed = time.process_time() - started
                    inner = stack.pop()
                    self.spent[name_of(*args)] += elapsed - inner
                    if stack:
                        stack[-1] += elapsed

            return wrapper

        self.patched = [
            (base.Template, "_render", lambda template, *a: f"template {template.name}"),
            (library.InclusionNode, "render", lambda node, *a: f"tag {node.func.__name__}"),
            (library.SimpleNode, "render", lambda node, *a: f"tag {node.func.__name__}"),
            (SQLCompiler, "execute_sql", lambda compiler, *a: f"SQL {compiler.query.model.__name__}"),
            (View, "dispatch", lambda view, *a: f"view {type(view).__name__} (before rendering)"),
        ]
        self.originals = []
        for owner, attribute, name_of in self.patched:
            original = owner.__dict__[attribute]
            self.originals.append((owner, attribute, original))
            setattr(owner, attribute, timed(name_of, original))
        from django.core.handlers.base import BaseHandler

        original = BaseHandler.__dict__["get_response"]
        self.originals.append((BaseHandler, "get_response", original))
        BaseHandler.get_response = timed(lambda *a: "middleware, response and the rest", original)
        return self.spent

    def __exit__(self, *exc) -> None:
        for owner, attribute, original in self.originals:
            setattr(owner, attribute, original)


if __name__ == "__main__":
    main()
