"""View counting: once per reader per article per window, by an F() update, published articles only."""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from articles import viewcount
from articles.models import Article
from tests.factories import make_article
from tests.services import need_redis

pytestmark = pytest.mark.django_db


def views_of(article: Article) -> int:
    return Article.objects.values_list("view_count", flat=True).get(pk=article.pk)


def reader(address: str, agent: str = "Firefox") -> Client:
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=agent)


def test_the_same_reader_reloading_counts_once():
    article = make_article()
    client = reader("10.0.0.1")
    client.get(article.get_absolute_url())
    for _ in range(5):
        client.get(article.get_absolute_url())
    assert views_of(article) == 1


def test_different_readers_and_different_articles_each_count():
    first, second = make_article(), make_article()
    reader("10.0.0.1").get(first.get_absolute_url())
    reader("10.0.0.2").get(first.get_absolute_url())
    reader("10.0.0.1", agent="Chrome").get(first.get_absolute_url())
    reader("10.0.0.1").get(second.get_absolute_url())
    assert views_of(first) == 3 and views_of(second) == 1


def test_a_reader_counts_again_after_the_window():
    article = make_article()
    client = reader("10.0.0.1")
    client.get(article.get_absolute_url())
    # The window is the key's TTL in the cache; its expiry is the cache's job, so expire it by hand.
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_USER_AGENT="Firefox")
    assert cache.get(viewcount.reader_key(request, article)) is not None
    cache.delete(viewcount.reader_key(request, article))
    client.get(article.get_absolute_url())
    assert views_of(article) == 2


def test_a_counted_view_is_two_update_statements_and_a_reload_writes_nothing():
    article = make_article()
    reader("10.0.0.8").get(article.get_absolute_url())  # today's row exists: no INSERT below
    client = reader("10.0.0.9")
    with CaptureQueriesContext(connection) as first:
        client.get(article.get_absolute_url())
    writes = [q["sql"] for q in first.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    # The all-time total and today's count (articles.models.DailyViewCount), each with F().
    assert len(writes) == 2, writes
    assert '"view_count" + 1' in writes[0].replace("`", '"') and '"views" + 1' in writes[1].replace("`", '"')
    with CaptureQueriesContext(connection) as reload:
        client.get(article.get_absolute_url())
    assert not [q for q in reload.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]


def test_the_page_shows_the_count_including_this_view():
    article = make_article()
    Article.objects.filter(pk=article.pk).update(view_count=41)
    html = reader("10.0.0.3").get(article.get_absolute_url()).content.decode()
    assert "<dd>۴۲</dd>" in html


def test_drafts_previewed_by_staff_and_redirects_do_not_count(editor_client):
    draft = make_article(status=Article.Status.DRAFT)
    editor_client.get(draft.get_absolute_url())
    published = make_article()
    reader("10.0.0.4").get(f"/news/{published.news_code}/wrong-slug/")
    assert views_of(draft) == 0 and views_of(published) == 0


def test_forged_forwarded_for_entries_do_not_count_again():
    article = make_article()
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        Client(REMOTE_ADDR="10.0.0.250", HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.7").get(
            article.get_absolute_url()
        )
    assert views_of(article) == 1


def test_with_redis_a_reader_counts_once_across_app_servers(settings):
    url = need_redis()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"viewcount-test-{uuid.uuid4().hex}",
        },
    }
    article = make_article()
    reader("10.0.0.77").get(article.get_absolute_url())
    # A second app server has its own connection to the same Redis and sees the key.
    other_server = RedisCache(url, {"KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"]})
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.77", HTTP_USER_AGENT="Firefox")
    assert other_server.get(viewcount.reader_key(request, article)) == 1
    reader("10.0.0.77").get(article.get_absolute_url())
    assert views_of(article) == 1
    other_server.delete(viewcount.reader_key(request, article))
