"""A smoke test of the reader-page benchmark's site builder (bench/pagesite.py) at a tiny size, so the
benchmark does not rot. The benchmark itself (bench/pages_bench.py) is kept out of the suite."""

from __future__ import annotations

import pytest

from articles.models import Article, Section
from bench.pagesite import SEARCH_QUERY, BuildError, build_site, query_counts
from comments.models import Comment

pytestmark = pytest.mark.django_db


def test_builder_makes_a_site_whose_pages_all_answer():
    site = build_site(articles=24, comments=20, chunk_size=10)

    assert Article.objects.published().count() == 24
    # Spread over every section, newest first, one publication time each.
    assert Section.objects.filter(articles__isnull=False).distinct().count() == 6
    assert Article.objects.order_by().values("published_at").distinct().count() == 24
    assert site.article.officials.filter(pk=site.official.pk).exists()
    assert site.commented.officials.filter(pk=site.official.pk).exists()

    thread = Comment.objects.filter(article=site.commented)
    assert thread.count() == thread.filter(status=Comment.Status.PUBLISHED).count() == 20
    assert thread.filter(parent__isnull=True).count() == 12
    assert thread.filter(depth=1, parent__depth=0).count() == 6
    assert thread.filter(depth=2, parent__depth=1).count() == 2

    pages = site.pages()
    assert [page.name for page in pages] == [
        "front page",
        "article",
        "article, 20 comments",
        "official",
        "search",
        "RSS feed",
        "sitemap.xml",
    ]
    counts = query_counts(pages)
    assert {name: cost.status for name, cost in counts.items()} == {page.name: 200 for page in pages}
    # The view counts are written on a reader's first request only: the all-time total's UPDATE, and
    # today's count, which on the article's first view of the day is an UPDATE finding no row, an INSERT
    # and the UPDATE again (articles/viewcount.py).
    assert counts["article"].queries == counts["article"].queries_again + 4
    assert counts["front page"].queries == counts["front page"].queries_again
    # The counter sees the cache calls the pages make (a repeat view: at least the view-count add()).
    assert counts["article"].cache_calls >= 1


def test_search_query_finds_articles_through_its_variant_spellings(reader_client):
    build_site(articles=6, comments=2)
    response = reader_client.get("/search/", {"q": SEARCH_QUERY}, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    assert response.context["paginator"].count > 0


def test_thread_size_does_not_change_an_article_page_query_count():
    site = build_site(articles=4, comments=30)
    counts = query_counts(site.pages())
    commented, ordinary = counts["article, 30 comments"], counts["article"]
    assert (commented.queries, commented.queries_again) == (ordinary.queries, ordinary.queries_again)


def test_builder_refuses_a_database_that_already_has_articles():
    build_site(articles=2, comments=1)
    with pytest.raises(BuildError, match="already has articles"):
        build_site(articles=2, comments=1)


def test_load_client_measures_a_live_page_and_stops_at_its_request_limit(live_server):
    from urllib.parse import urlsplit

    from bench import httpload

    address = urlsplit(live_server.url)
    result = httpload.run(
        address.hostname, address.port, "/robots.txt", requests=7, seconds=30, concurrency=2
    )
    assert result.requests == len(result.latencies_ms) == 7
    assert result.per_second > 0
    assert result.percentile(50) <= result.percentile(99) == max(result.latencies_ms)


def test_load_client_stops_at_the_first_answer_that_is_not_200(live_server):
    from urllib.parse import urlsplit

    from bench import httpload

    address = urlsplit(live_server.url)
    with pytest.raises(httpload.LoadError, match="answered 404"):
        httpload.run(address.hostname, address.port, "/no-such-page/", requests=3, seconds=30, concurrency=1)


def test_load_client_sends_nothing_beyond_this_machine():
    from bench import httpload

    with pytest.raises(httpload.LoadError, match="loopback only"):
        httpload.run("192.0.2.1", 80, "/", requests=1, seconds=1, concurrency=1)


def test_percentile_is_the_nearest_rank():
    from bench.httpload import percentile

    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (50.0, 95.0, 99.0)
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([5.0], 99) == 5.0
