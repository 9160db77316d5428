"""Comment-thread benchmark: render an article page carrying a long comment thread, in-process.

    python bench/thread_bench.py                    # 500 comments, 30 renders, scratch SQLite file
    python bench/thread_bench.py -n 1000 --renders 50 --database-url postgres://postgres@127.0.0.1:5432/newsroom

Builds one published article with N published comments shaped like a busy thread (60% top level, 30%
replies, 10% replies to replies; every tenth reply is the newsroom's), then fetches the article page with
Django's test client R times, as a fresh reader each time, and reports the median and mean render time,
the page size and the number of queries. DJANGO_DEBUG=false as in production. On a shared database the
benchmark's article is deleted afterwards. Kept out of the test suite on purpose: timings need a quiet
machine.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: `bench` and the apps importable

from bench.scratch import setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--comments", type=int, default=500)
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--database-url", help="Default: a new SQLite file in a temporary folder.")
    args = parser.parse_args()

    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from articles.models import Article
    from comments.models import Comment

    call_command("migrate", verbosity=0)
    article = Article(status=Article.Status.PUBLISHED, published_at=timezone.now())
    article.set_current_language("fa")
    article.title = article.slug = f"bench-thread-{secrets.token_hex(4)}"
    article.lead, article.body = "لید خبر", "<p>متن خبر</p>"
    article.save()
    try:
        _build_thread(article, args.comments, Comment)
        url = article.get_absolute_url()
        timings = []
        size = queries = 0
        for _ in range(args.renders + 1):
            client = Client()  # a fresh reader: no cookies, a new CSRF token, as a crawler or a visitor
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, secure=True)  # production redirects plain HTTP
                timings.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
            size, queries = len(response.content), len(captured)
        timings = timings[1:]  # the first render warms template and translation caches
        median, mean = statistics.median(timings) * 1000, statistics.mean(timings) * 1000
        sys.stdout.write(
            f"{connection.vendor:<10} {args.comments:>5} comments  {args.renders} renders  "
            f"median {median:7.1f} ms  mean {mean:7.1f} ms  "
            f"{size / 1024:8.1f} KB  {queries} queries\n"
        )
    finally:
        article.delete()


def _build_thread(article, count: int, Comment) -> None:
    top_count = max(1, count * 6 // 10)
    reply_count = count * 3 // 10
    deep_count = count - top_count - reply_count
    published = Comment.Status.PUBLISHED
    tops = Comment.objects.bulk_create(
        Comment(article=article, name=f"خواننده {n}", body=f"نظر شماره {n} درباره این خبر", status=published)
        for n in range(top_count)
    )
    replies = Comment.objects.bulk_create(
        Comment(
            article=article,
            parent=tops[n % len(tops)],
            depth=1,
            body=f"پاسخ شماره {n}",
            status=published,
            is_staff_reply=n % 10 == 0,
            likes=n % 7,
            dislikes=n % 3,
        )
        for n in range(reply_count)
    )
    Comment.objects.bulk_create(
        Comment(
            article=article,
            parent=replies[n % len(replies)] if replies else tops[0],
            depth=2 if replies else 1,
            body=f"پاسخ به پاسخ {n}",
            status=published,
        )
        for n in range(deep_count)
    )


if __name__ == "__main__":
    main()
