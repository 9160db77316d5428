"""Several app servers share one limit when they share Redis: each hit here comes from its own process."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

from tests.services import need_redis

ROOT = Path(__file__).resolve().parents[2]

HIT = """
import django
django.setup()
from django.core.cache import caches
from comments.spam import hit_rate_limit
print(type(caches["default"]).__name__, hit_rate_limit({key!r}, 3, 600))
"""


def test_the_posting_limit_is_shared_across_processes_through_redis():
    url = need_redis()
    key = f"test-{uuid.uuid4().hex}"
    env = {**os.environ, "REDIS_URL": url, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    env.pop("DATABASE_URL", None)  # no database needed: the limit lives in the cache only
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", HIT.format(key=key)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(6)
    ]
    answers = [process.communicate(timeout=60)[0].split() for process in processes]
    assert all(process.returncode == 0 for process in processes)
    assert {backend for backend, _ in answers} == {"ResilientRedisCache"}
    assert sorted(limited for _, limited in answers) == ["False"] * 3 + ["True"] * 3
