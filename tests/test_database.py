import asyncio

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import SynchronousOnlyOperation
from django.db import connection

from tests.services import need_postgres


def test_suite_runs_on_postgresql_when_ci_asks_for_it(db):
    """Skips on a laptop using SQLite; fails in CI's PostgreSQL run if the suite silently fell back."""
    need_postgres(connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert "PostgreSQL" in cursor.fetchone()[0]


def test_orm_calls_inside_an_event_loop_are_refused_outside_the_browser_tests(db):
    """Only the browser tests switch Django's async guard off (tests/conftest.py: chromium), so a test
    that queries from async code by mistake fails here instead of passing by accident."""

    async def count_users():
        return User.objects.count()

    with pytest.raises(SynchronousOnlyOperation):
        asyncio.run(count_users())


def _terminate_backend(pid: int) -> None:
    """What a PostgreSQL restart, a failover or an idle timeout does to one app connection."""
    from django.db import connections

    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            assert cursor.fetchone()[0] is True
    finally:
        other.close()


def _page_after_the_connection_was_dropped() -> int:
    """Two requests of one worker, its kept connection terminated by PostgreSQL in between; the status of
    the second. The test client skips the connection upkeep Django's handler does at the start and end of
    every request (close_old_connections), so it is done here as a WSGI server would."""
    from django.db import close_old_connections
    from django.test import Client

    from tests.factories import make_article

    url = make_article().get_absolute_url()
    # A fresh connection, so that it is not closed for its age (CONN_MAX_AGE) after a long test session.
    connection.close()
    client = Client(raise_request_exception=False)
    assert client.get(url).status_code == 200
    close_old_connections()  # the end of the first request: the connection is kept (CONN_MAX_AGE)
    assert connection.connection is not None
    _terminate_backend(connection.connection.info.backend_pid)
    close_old_connections()  # the start of the next request
    return client.get(url).status_code


@pytest.mark.django_db(transaction=True)
def test_a_worker_reconnects_after_postgresql_drops_its_kept_connection():
    need_postgres(connection)
    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    try:
        assert _page_after_the_connection_was_dropped() == 200
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_without_health_checks_the_next_request_after_a_drop_fails():
    """The control: the same sequence with health checks off answers 500, as it did before."""
    need_postgres(connection)
    connection.close()
    connection.settings_dict["CONN_HEALTH_CHECKS"] = False
    try:
        assert _page_after_the_connection_was_dropped() == 500
    finally:
        connection.settings_dict["CONN_HEALTH_CHECKS"] = True
        connection.close()


def test_a_page_read_again_runs_prepared_statements(db, client):
    """The article page's statements are planned once per kept connection, not on every request:
    after a few readers PostgreSQL holds them prepared (newsroom/env.py, DATABASE_PREPARED_STATEMENTS)."""
    need_postgres(connection)
    from newsroom.env import PREPARE_THRESHOLD
    from tests.factories import make_article

    url = make_article().get_absolute_url()
    for _ in range(PREPARE_THRESHOLD + 1):
        assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "articles_article"' in statement for statement in prepared)
