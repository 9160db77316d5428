"""A trigram index for search on PostgreSQL.

articles/search.py matches every word with `search_document LIKE '%word%'`, which scans every article.
On PostgreSQL a GIN index with pg_trgm's operator class serves those LIKE patterns, so search stays fast
as the archive grows. SQLite has no such index and keeps scanning (fine for a laptop's archive).
"""

from django.db import migrations

INDEX = "article_search_trgm_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("articles", "Article")._meta.db_table)
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin (search_document gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_article_section_recent_idx")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
