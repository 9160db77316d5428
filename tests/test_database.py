from django.db import connection

from tests.services import need_postgres


def test_suite_runs_on_postgresql_when_ci_asks_for_it(db):
    """Skips on a laptop using SQLite; fails in CI's PostgreSQL run if the suite silently fell back."""
    need_postgres(connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert "PostgreSQL" in cursor.fetchone()[0]
