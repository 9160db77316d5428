"""A realistic site for the reader-page benchmark, built through the importer, and the pages to measure.

`build_site()` loads the gazetteer, creates a few sections, imports N generated press releases
(bench/pressreleases.py) spread over sections and over the past weeks, and gives one article a long
published thread (top-level comments with replies two levels deep). `query_counts()` renders each page
with Django's test client and counts its queries, so a benchmark reader can see that no page hides an
N+1. Needs a configured Django (a migrated database); kept out of the apps on purpose.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

from django.db import transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import gazetteer
from articles.importing import Importer, Outcome, Source
from articles.models import Article, Official, Section
from bench.pressreleases import generate

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "seeds" / "gazetteer.toml"

# (slug, Persian name, English name)
SECTIONS = [
    ("judiciary", "قضایی", "Judiciary"),
    ("province", "استانی", "Province"),
    ("society", "اجتماعی", "Society"),
    ("economy", "اقتصادی", "Economy"),
    ("culture", "فرهنگی", "Culture"),
    ("sport", "ورزشی", "Sport"),
]
# The gazetteer's official; the generated releases mention him in most articles.
OFFICIAL_SLUG = "سید-کاظم-موسوی"
# Two spelling variants in one query: Arabic ي for ی, and ی where the text also writes ئ (قضائیه).
SEARCH_QUERY = "قوه قضاييه"
MINUTES_BETWEEN_ARTICLES = 15
COMMENT_WORDS = ["این", "خبر", "بسیار", "خوب", "بود", "دادگستری", "مردم", "استان", "پرونده", "سپاس", "قضایی"]


class BuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class Page:
    name: str
    path: str


@dataclass(frozen=True)
class BenchSite:
    articles: int
    comments: int
    article: Article  # an ordinary article (a few comments at most)
    commented: Article  # the article with the long thread
    official: Official

    def pages(self) -> list[Page]:
        return [
            Page("front page", reverse("articles:front")),
            Page("article", self.article.get_absolute_url()),
            Page(f"article, {self.comments} comments", self.commented.get_absolute_url()),
            Page("official", self.official.get_absolute_url()),
            Page("search", reverse("articles:search") + "?" + urlencode({"q": SEARCH_QUERY})),
            Page("RSS feed", reverse("articles:feed")),
            Page("sitemap.xml", reverse("sitemap")),
        ]


def press_releases(count: int, *, seed: int = 1, now: datetime | None = None) -> list[Source]:
    """The generated releases with a header giving each a section and a publication time, newest first."""
    now = now or timezone.now()
    sources = []
    for number, (name, text) in enumerate(generate(count, seed=seed)):
        slug = SECTIONS[number % len(SECTIONS)][0]
        when = (now - timedelta(minutes=MINUTES_BETWEEN_ARTICLES * (number + 1))).isoformat(
            timespec="seconds"
        )
        header = f"---\npublished_at: {when}\nsection: {slug}\n---\n"
        sources.append(Source(label=name, name=f"pages-{name}", data=(header + text).encode("utf-8")))
    return sources


def build_site(
    *, articles: int = 5000, comments: int = 500, seed: int = 1, chunk_size: int = 500
) -> BenchSite:
    """Fill an empty, migrated database (a scratch one: the importer commits chunk by chunk). Raises
    BuildError when the site cannot be built as asked."""
    if Article.objects.exists():
        raise BuildError("the database already has articles; the benchmark builds its site in an empty one")
    if articles < 2:
        raise BuildError("at least 2 articles are needed (an ordinary one and the commented one)")
    gazetteer.load(GAZETTEER)
    _make_sections()
    results = list(Importer().run(press_releases(articles, seed=seed), chunk_size=chunk_size))
    failed = [f"{r.label}: {r.reason}" for r in results if r.outcome != Outcome.CREATED]
    if failed:
        raise BuildError(f"{len(failed)} press releases were not imported, first: {failed[0]}")
    official = Official.objects.public().get(slug=OFFICIAL_SLUG)
    mentioning = Article.objects.published().filter(officials=official).order_by("-published_at")
    # The newest two that mention the official: the commented one heads the front page's latest list.
    newest = list(mentioning[:2])
    if len(newest) < 2:
        raise BuildError(f"fewer than 2 of the {articles} articles mention {official}; try more articles")
    commented, article = newest
    _add_thread(commented, comments, random.Random(seed))
    return BenchSite(articles, comments, article, commented, official)


def _make_sections() -> None:
    for position, (slug, fa_name, en_name) in enumerate(SECTIONS):
        section = Section(slug=slug, position=position)
        section.set_current_language("fa")
        section.name = fa_name
        section.set_current_language("en")
        section.name = en_name
        section.save()


@transaction.atomic
def _add_thread(article: Article, count: int, rng: random.Random) -> None:
    """`count` published comments: 60% on the article, 30% replies to those, 10% replies to replies."""
    from comments.models import Comment  # the bench builds on both apps; articles never imports comments

    def body() -> str:
        return " ".join(rng.choice(COMMENT_WORDS) for _ in range(rng.randint(5, 40)))

    def rows(n: int, parents: list, depth: int) -> list:
        return [
            Comment(
                article=article,
                body=body(),
                name=rng.choice(["", "علی", "مریم", "رضا"]),
                status=Comment.Status.PUBLISHED,
                depth=depth,
                parent=rng.choice(parents) if parents else None,
            )
            for _ in range(n)
        ]

    Comment.objects.filter(article=article).delete()  # the importer's few, so the thread is exactly `count`
    top = Comment.objects.bulk_create(rows(count - count * 4 // 10, [], 0))
    replies = Comment.objects.bulk_create(rows(count * 3 // 10, top, 1))
    Comment.objects.bulk_create(rows(count * 4 // 10 - count * 3 // 10, replies or top, 2 if replies else 1))


CACHE_METHODS = ("get", "set", "add", "delete", "get_many", "set_many", "delete_many", "incr", "touch")


@dataclass(frozen=True)
class PageCost:
    status: int
    queries: int  # a reader's first request
    queries_again: int  # the same reader's next request (no view-count writes on article pages)
    cache_calls: int  # on the reader's next request: each is a network round trip when the cache is Redis


def query_counts(pages: list[Page], *, host: str = "127.0.0.1") -> dict[str, PageCost]:
    """What each page costs in queries and cache calls, from Django's test client."""
    from django.core.cache import cache
    from django.db import connection

    client = Client(HTTP_ACCEPT_LANGUAGE="fa", HTTP_HOST=host, HTTP_USER_AGENT="bench-query-count")
    costs = {}
    for page in pages:
        with CaptureQueriesContext(connection) as first:
            client.get(page.path)
        with CaptureQueriesContext(connection) as again, _counting_calls(cache) as calls:
            response = client.get(page.path)
        costs[page.name] = PageCost(
            response.status_code, len(first.captured_queries), len(again.captured_queries), calls[0]
        )
    return costs


@contextmanager
def _counting_calls(cache):
    """Count calls to the cache's methods (shadowed on the instance, restored on the way out)."""
    calls = [0]

    def counted(method):
        def call(*args, **kwargs):
            calls[0] += 1
            return method(*args, **kwargs)

        return call

    for name in CACHE_METHODS:
        setattr(cache, name, counted(getattr(cache, name)))
    try:
        yield calls
    finally:
        for name in CACHE_METHODS:
            delattr(cache, name)
