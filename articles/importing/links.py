"""The bulk insert of many-to-many links, in raw SQL."""

from __future__ import annotations

from django.db import connection

# Rows per many-to-many insert: 2 parameters each, well under SQLite's and PostgreSQL's limits.
_LINK_BATCH = 400


def insert_links(relation, rows: list[tuple[int, int]]) -> None:
    """Insert (article id, other id) rows into a many-to-many table, several hundred rows a statement.

    What bulk_create would do, without building a model instance per link (which costs more than the
    insert itself); one multi-row statement rather than executemany, which PostgreSQL runs row by row.
    """
    through = relation.through
    quote = connection.ops.quote_name
    columns = [
        quote(through._meta.get_field(relation.field.m2m_field_name()).column),
        quote(through._meta.get_field(relation.field.m2m_reverse_field_name()).column),
    ]
    head = f"INSERT INTO {quote(through._meta.db_table)} ({', '.join(columns)}) VALUES "
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _LINK_BATCH):
            batch = rows[start : start + _LINK_BATCH]
            params = [value for row in batch for value in row]
            cursor.execute(head + ", ".join(["(%s, %s)"] * len(batch)), params)
