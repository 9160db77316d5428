"""Build the article page the side-by-side load test measures: the seed press release with the same
published reader comments as the peer site it is compared with.

    python bench/yardstick_site.py --database-url URL --comments-from PEER.sqlite3

Migrates the database the URL names (it must exist; use a scratch one: the article's comments are
replaced), imports the gazetteer and `seeds/` as `make seed` does, and gives the seed article
exactly the published comments of the peer's SQLite database (table `news_comment`: name, body and
time of each published comment, oldest first), as anonymous readers' published comments. Running it
again leaves the same article with the same comments. Prints the article's address; serve the
database with gunicorn (docs/benchmarks.md, "The article page beside Wagtail", has the commands).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the apps importable

SEED_TITLE_START = "مجموعه قضایی فارس از پیشگامان"


def peer_comments(path: Path) -> list[tuple[str, str, datetime]]:
    """(name, body, posted) of the peer's published comments, oldest first (read-only)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "select name, body, created from news_comment where status = 'published' order by created, id"
        ).fetchall()
    return [(name, body, datetime.fromisoformat(created).replace(tzinfo=UTC)) for name, body, created in rows]


def seed_article_with(comments: list[tuple[str, str, datetime]]):
    """Import the gazetteer and seeds/ (unchanged files are skipped) and give the seed article exactly
    `comments`, published; returns the article. Needs a configured Django and a migrated database."""
    from django.core.management import call_command
    from django.db import transaction

    from articles.models import Article
    from comments.models import Comment

    call_command("import_articles", verbosity=0)  # the gazetteer and seeds/, as `make seed` does
    article = Article.objects.published().get(translations__title__startswith=SEED_TITLE_START)
    with transaction.atomic():
        Comment.objects.filter(article=article).delete()
        created = Comment.objects.bulk_create(
            Comment(article=article, name=name, body=body, status=Comment.Status.PUBLISHED)
            for name, body, _posted in comments
        )
        for comment, (_name, _body, posted) in zip(created, comments, strict=True):
            Comment.objects.filter(pk=comment.pk).update(created_at=posted)  # auto_now_add ignores a value
    return article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--comments-from", type=Path, required=True, help="The peer's SQLite database.")
    args = parser.parse_args()
    comments = peer_comments(args.comments_from)

    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    article = seed_article_with(comments)
    sys.stdout.write(f"{len(comments)} published comments on {article.get_absolute_url()}\n")


if __name__ == "__main__":
    main()
