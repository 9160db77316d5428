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
