"""A smoke test of the stress-and-fault benchmark (bench/fault_bench.py) at a tiny size, so it does not
rot: its own Redis and gunicorn, a scratch PostgreSQL database, both PostgreSQL drops and the Redis stop.
The recorded run (1,000 posts, 50 clients) is in docs/benchmarks.md."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.fault_bench import hidden_fields
from tests.services import unavailable

ROOT = Path(__file__).resolve().parent.parent


def _postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        unavailable("postgres", "DATABASE_URL is not a PostgreSQL server (the faults are PostgreSQL's)")
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def test_fault_bench_keeps_every_acknowledged_post_through_the_faults():
    server = _postgres_server()
    if shutil.which("redis-server") is None:
        unavailable("redis", "no redis-server on PATH (the benchmark starts its own)")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "NEWSROOM_"))}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    finished = subprocess.run(
        [
            sys.executable,
            "bench/fault_bench.py",
            "--database-url",
            server,
            "--posts",
            "24",
            "--clients",
            "4",
            "--workers",
            "2",
            "--redis-down",
            "0.5",
            "--seconds",
            "120",
            "--json",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    report = json.loads(finished.stdout.strip().splitlines()[-1])
    # Every acknowledged post is stored exactly once, and nothing is stored twice.
    assert (report["missing"], report["duplicates"]) == (0, 0), report
    assert report["stored_once"] == report["acknowledged"] > 0, report
    # A post can be stored and its answer lost (a connection dropped after the commit, while the JSON
    # answer's counts are read: a 500 inside the fault window); the client's retry is then refused as a
    # duplicate (400). Such a refused post must be stored, once: a refusal of anything else fails here. A
    # client out of its time budget mid-retry may also have been stored without hearing so.
    refused = sum(report["refused"].values())
    assert set(report["refused"]) <= {"400"}, report
    assert report["acknowledged"] + refused + report["gave_up"] == 24, report
    assert refused <= report["unacknowledged_stored"] <= refused + report["gave_up"], report
    assert report["stored_rows"] == report["acknowledged"] + report["unacknowledged_stored"], report
    assert report["errors_outside"] == {}
    assert [fault["recovery_s"] is not None for fault in report["faults"]] == [True, True, True]


def test_the_clients_send_back_every_hidden_field_of_the_form():
    page = (
        '<form><input type="hidden" name="csrfmiddlewaretoken" value="abc">'
        '<input type="text" name="website" value="">'
        '<input type="hidden" name="ts" value="a:b&amp;c" id="id_ts">'
        '<input name="parent" type="hidden" value=""></form>'
    )
    assert hidden_fields(page) == {"csrfmiddlewaretoken": "abc", "ts": "a:b&c", "parent": ""}
