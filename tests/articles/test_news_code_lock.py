"""A dry-run import must not hold the news-code counter's row lock: on PostgreSQL every article save
(the admin's too) would wait for the whole dry run."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections, transaction

from articles import extensions
from articles.models import NewsCodeCounter
from tests.factories import make_article
from tests.services import need_postgres

pytestmark = pytest.mark.django_db(transaction=True)

RELEASE = "تیتر خبر آزمایشی\nلید خبر آزمایشی است.\nبه گزارش ایرنا، جلسه ای برگزار شد.\n"


def counter_lock_is_free() -> bool:
    """Ask from a second connection, as another request would, without waiting: NOWAIT fails at once
    when another transaction holds the row."""
    main = connections[DEFAULT_DB_ALIAS]
    other = type(main)(dict(main.settings_dict), alias="second")
    try:
        with other.cursor() as cursor:
            cursor.execute("BEGIN")
            table = connection.ops.quote_name(NewsCodeCounter._meta.db_table)
            try:
                cursor.execute(f"SELECT last_value FROM {table} WHERE id = 1 FOR UPDATE NOWAIT")
            except OperationalError:
                return False
            finally:
                cursor.execute("ROLLBACK")
        return True
    finally:
        other.close()


def test_a_dry_run_leaves_the_news_code_counter_free(tmp_path: Path):
    need_postgres(connection)
    make_article()  # the counter row exists
    before = NewsCodeCounter.objects.get(pk=1).last_value
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RELEASE.replace("تیتر", "عنوان"), encoding="utf-8")
    seen = []

    def probe(imported):  # runs inside the dry run's transaction, after the chunk's articles are written
        seen.append((len(imported), counter_lock_is_free()))

    extensions.import_hooks.register(probe)
    try:
        out = StringIO()
        call_command(
            "import_articles", str(tmp_path), dry_run=True, gazetteer="", stdout=out, stderr=StringIO()
        )
    finally:
        extensions.import_hooks.unregister(probe)
    assert "2 created" in out.getvalue()
    assert seen == [(2, True)]
    assert NewsCodeCounter.objects.get(pk=1).last_value == before  # no code used up either


def test_the_probe_sees_a_held_lock():
    """The check above could not pass by accident: a transaction that takes codes holds the row."""
    need_postgres(connection)
    make_article()
    with transaction.atomic():
        NewsCodeCounter.reserve(1)
        assert not counter_lock_is_free()
    assert counter_lock_is_free()
