"""Small, strict readers for settings taken from the environment.

Every reader raises ImproperlyConfigured with the variable's name and the bad value, so a typo in a
deployment stops the process at start-up with one clear line instead of running half-configured.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return environ.get(name, default)


def env_bool(name: str, default: bool, environ: Mapping[str, str] | None = None) -> bool:
    raw = env_str(name, "", environ).strip().lower()
    if raw == "":
        return default
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of true/false/1/0/yes/no/on/off, not {raw!r}")


def env_int(
    name: str,
    default: int,
    environ: Mapping[str, str] | None = None,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    raw = env_str(name, "", environ).strip()
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    if maximum is not None and value > maximum:
        raise ImproperlyConfigured(f"{name} must be at most {maximum}, not {value}")
    return value


def env_list(name: str, default: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    raw = env_str(name, "", environ)
    if raw.strip() == "":
        return list(default)
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name} has an empty item in {raw!r}; separate values with single commas")
    return items


def database_config(url: str) -> dict:
    """Parse DATABASE_URL, accepting only the engines this project is tested on."""
    import dj_database_url

    if not url.startswith(("sqlite:", "postgres:", "postgresql:", "pgsql:")):
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with sqlite:// or postgres://, not {url.split(':', 1)[0]!r}"
        )
    try:
        # Connections are kept between requests; the health check makes a worker notice one that
        # PostgreSQL dropped (a restart, a failover, an idle timeout) and reconnect instead of answering 500.
        config = dj_database_url.parse(
            url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0), conn_health_checks=True
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL could not be parsed: {exc}") from None
    if config["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_PREPARED_STATEMENTS", True):
        # A reader page runs the same dozen statements on every request, and PostgreSQL spent more time
        # planning each one than running it (docs/benchmarks.md). With the values sent apart from the
        # SQL (server-side binding), psycopg prepares a statement on a kept connection once it has run
        # PREPARE_THRESHOLD times, and PostgreSQL reuses its plan from then on. Off for a connection
        # pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
        config.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=PREPARE_THRESHOLD)
    return config


# Runs of one statement on one connection after which psycopg prepares it (its own default).
PREPARE_THRESHOLD = 5


def cache_config(redis_url: str, timeout_ms: int) -> dict:
    """The default cache: Redis through newsroom/cache.py when a URL is given (a down or frozen Redis
    costs a reader at most `timeout_ms`, then the site carries on without it), else per-process memory."""
    if not redis_url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL must start with redis://, not {redis_url.split(':', 1)[0]!r}")
    seconds = timeout_ms / 1000
    return {
        "BACKEND": "newsroom.cache.ResilientRedisCache",
        "LOCATION": redis_url,
        "OPTIONS": {"socket_connect_timeout": seconds, "socket_timeout": seconds},
    }


# Used only when DEBUG is on; production refuses to start with it (see secret_key()).
DEV_SECRET_KEY = "django-insecure-local-development-only-never-use-in-production"


def secret_key(debug: bool, environ: Mapping[str, str] | None = None) -> str:
    key = env_str("DJANGO_SECRET_KEY", "", environ)
    if debug:
        return key or DEV_SECRET_KEY
    if not key or key == DEV_SECRET_KEY or key.startswith("django-insecure") or len(key) < 50:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters "
            "when DJANGO_DEBUG is off"
        )
    return key
