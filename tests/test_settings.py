"""Settings come from the environment; bad values stop the process with one clear line."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.env import (
    DEV_SECRET_KEY,
    cache_config,
    database_config,
    env_bool,
    env_int,
    env_list,
    secret_key,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("TRUE", True), ("off", False), ("no", False), ("", True)]
)
def test_env_bool_accepts_the_usual_spellings(raw, expected):
    assert env_bool("X", True, {"X": raw}) is expected


def test_env_bool_rejects_anything_else_naming_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG.*'maybe'"):
        env_bool("DJANGO_DEBUG", False, {"DJANGO_DEBUG": "maybe"})


def test_env_int_rejects_words_and_values_below_the_minimum():
    assert env_int("N", 5, {}) == 5
    with pytest.raises(ImproperlyConfigured, match="N must be a whole number"):
        env_int("N", 5, {"N": "five"})
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_int("N", 5, {"N": "-1"}, minimum=0)


def test_env_int_rejects_values_above_the_maximum():
    assert (
        env_int("NEWSROOM_HIJRI_OFFSET_DAYS", 0, {"NEWSROOM_HIJRI_OFFSET_DAYS": "-1"}, minimum=-2, maximum=2)
        == -1
    )
    with pytest.raises(ImproperlyConfigured, match="NEWSROOM_HIJRI_OFFSET_DAYS must be at most 2, not 3"):
        env_int("NEWSROOM_HIJRI_OFFSET_DAYS", 0, {"NEWSROOM_HIJRI_OFFSET_DAYS": "3"}, minimum=-2, maximum=2)


def test_env_list_splits_on_commas_and_rejects_empty_items():
    assert env_list("H", ["a"], {"H": "example.org, www.example.org"}) == ["example.org", "www.example.org"]
    assert env_list("H", ["a"], {}) == ["a"]
    with pytest.raises(ImproperlyConfigured, match="empty item"):
        env_list("H", [], {"H": "example.org,,x"})


def test_database_url_accepts_sqlite_and_postgres_only():
    assert database_config("postgres://u:p@db:5432/news")["ENGINE"] == "django.db.backends.postgresql"
    assert database_config("sqlite:////tmp/x.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL must start with"):
        database_config("mysql://u@db/news")


def test_kept_database_connections_are_checked_before_reuse():
    config = database_config("postgres://u:p@db:5432/news")
    assert config["CONN_MAX_AGE"] > 0 and config["CONN_HEALTH_CHECKS"] is True


def test_redis_url_gives_the_outage_safe_cache_and_anything_else_is_refused():
    assert cache_config("", 250)["BACKEND"].endswith("LocMemCache")
    assert cache_config("redis://127.0.0.1:6379/0", 250)["BACKEND"] == "newsroom.cache.ResilientRedisCache"
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL must start with redis://"):
        cache_config("memcached://127.0.0.1:11211", 250)


def test_production_refuses_missing_default_or_short_secrets():
    for env in ({}, {"DJANGO_SECRET_KEY": DEV_SECRET_KEY}, {"DJANGO_SECRET_KEY": "short"}):
        with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
            secret_key(debug=False, environ=env)
    real = secrets.token_urlsafe(64)
    assert secret_key(debug=False, environ={"DJANGO_SECRET_KEY": real}) == real
    assert secret_key(debug=True, environ={}) == DEV_SECRET_KEY


def _manage(*args, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "NEWSROOM_PROXY_HOPS"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_process_will_not_start_without_a_secret():
    result = _manage("check", DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_check_reports_only_the_silenced_warning():
    result = _manage("check")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


# The documented production settings (README, "Production"); the check does not connect to Redis.
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
    "NEWSROOM_PROXY_HOPS": "1",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def _check_deploy(**env):
    return _manage(
        "check", "--deploy", "--fail-level", "WARNING", DJANGO_SECRET_KEY=secrets.token_urlsafe(64), **env
    )


def test_check_deploy_is_clean_under_production_settings():
    result = _check_deploy(**PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "warning"), [("NEWSROOM_PROXY_HOPS", "newsroom.W001"), ("REDIS_URL", "newsroom.W002")]
)
def test_check_deploy_warns_when_a_production_setting_is_missing(missing, warning):
    result = _check_deploy(**{k: v for k, v in PRODUCTION.items() if k != missing})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"({warning})" in output
    assert output.count("(newsroom.W00") == 1  # only the missing setting's warning


def test_no_missing_migrations():
    result = _manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_postgresql_prepares_repeated_statements_unless_turned_off(monkeypatch):
    options = database_config("postgres://u:p@db:5432/news")["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] > 0
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "false")
    assert "prepare_threshold" not in database_config("postgres://u:p@db:5432/news").get("OPTIONS", {})
    monkeypatch.delenv("DATABASE_PREPARED_STATEMENTS")
    assert not database_config("sqlite:////tmp/x.sqlite3").get("OPTIONS", {}).get("server_side_binding")
