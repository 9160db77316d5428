"""Finding the real services a test needs (PostgreSQL, Redis, Chromium, Java, Pillow's Raqm layout).

On a laptop without one, the tests that need it skip. CI sets NEWSROOM_REQUIRE to a comma-separated
list of services (for example `postgres,redis,chromium,java`); a test that would skip for a listed
service fails instead, so a CI run can never pass by skipping what it was meant to check.
"""

from __future__ import annotations

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")


def required() -> set[str]:
    return {item.strip() for item in os.environ.get("NEWSROOM_REQUIRE", "").split(",") if item.strip()}


def unavailable(service: str, reason: str) -> None:
    """Skip, or fail when CI said this service must be there."""
    if service in required():
        pytest.fail(f"{service} is required here (NEWSROOM_REQUIRE) but {reason}", pytrace=False)
    pytest.skip(f"{service}: {reason}")


def redis_url() -> str | None:
    url = os.environ.get("NEWSROOM_TEST_REDIS_URL") or "redis://127.0.0.1:6379/15"
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=1):
            return url
    except OSError:
        return None


def need_redis() -> str:
    url = redis_url()
    if url is None:
        unavailable("redis", "no Redis server answers (set NEWSROOM_TEST_REDIS_URL or start redis-server)")
    return url


def need_chromium() -> str:
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        unavailable("chromium", f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        unavailable("chromium", "the playwright package is not installed")
    return CHROMIUM


def need_java() -> str:
    java = shutil.which("java")
    if java is None:
        unavailable("java", "no java on PATH (the HTML checker runs on it)")
    return java


def need_postgres(connection) -> None:
    if connection.vendor != "postgresql":
        unavailable(
            "postgres", f"the test database is {connection.vendor}, not PostgreSQL (set DATABASE_URL)"
        )


def need_raqm() -> None:
    """Pillow's Raqm text layout: its wheels bundle libraqm and load FriBiDi from the system."""
    from PIL import features

    if not features.check("raqm"):
        unavailable("raqm", "Pillow has no Raqm layout (apt-get install libfribidi0)")
