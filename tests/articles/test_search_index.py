"""On PostgreSQL, search's LIKE '%word%' conditions are served by the trigram index."""

import pytest
from django.db import connection

from articles.models import Article
from articles.search import search_articles, terms
from tests.services import need_postgres

pytestmark = pytest.mark.django_db


def test_search_uses_the_trigram_index_on_postgresql():
    need_postgres(connection)
    # The word conditions alone: on a real archive most articles are published, so they are what narrows.
    queryset = search_articles(Article.objects.all(), terms("قوه قضاییه"))
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A handful of test rows would be scanned anyway; ask the planner what it would use on a real archive.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_search_trgm_idx" in plan, plan
