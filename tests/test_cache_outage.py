"""Readers keep getting pages when Redis is down or frozen (newsroom/cache.py).

Two real failures, on loopback: a port where nothing listens (connection refused) and a server that
accepts connections and never answers (a frozen Redis). The cache is configured exactly as production
configures it (newsroom.env.cache_config). A 500 anywhere would raise in the test client.
"""

from __future__ import annotations

import logging
import socket
import threading
import uuid
from html import escape

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from comments.models import Comment, Report, Vote
from newsroom import cache as resilient
from newsroom.env import cache_config
from tests.comments.helpers import make_comment, post
from tests.factories import make_article
from tests.i18n import fa

pytestmark = pytest.mark.django_db
TEXT = "این نظر در زمان قطعی ردیس نوشته شد"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class FrozenServer:
    """Accepts every connection and never sends a byte back, like a Redis that hangs."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                self.held.append(self.listener.accept()[0])
            except TimeoutError:
                continue

    def wait_for_connections(self, count: int) -> int:
        for _ in range(200):
            if len(self.held) >= count:
                break
            self.stopping.wait(0.01)
        return len(self.held)

    def close(self) -> None:
        self.stopping.set()
        self.thread.join()
        for connection in self.held:
            connection.close()
        self.listener.close()


@pytest.fixture
def frozen():
    server = FrozenServer()
    yield server
    server.close()


def _use_redis_at(settings, url: str) -> None:
    settings.CACHES = {"default": cache_config(url, 250)}
    resilient._resting_until.clear()


@pytest.fixture(params=["refused", "frozen"])
def broken_redis(request, settings):
    """The site's cache pointed at a Redis that refuses connections, then at one that never answers."""
    if request.param == "refused":
        _use_redis_at(settings, f"redis://127.0.0.1:{_free_port()}/0")
    else:
        _use_redis_at(settings, f"redis://127.0.0.1:{request.getfixturevalue('frozen').port}/0")
    yield request.param
    resilient._resting_until.clear()


def test_production_cache_settings_use_short_timeouts():
    options = cache_config("redis://127.0.0.1:6379/0", 250)["OPTIONS"]
    assert options == {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}


def test_reader_pages_answer_without_the_cache(broken_redis, caplog):
    article = make_article(title="خبر روز قطعی")
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    with caplog.at_level(logging.WARNING, logger="newsroom.cache"):
        page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "خبر روز قطعی" in page.content.decode()
    assert "cache unavailable" in caplog.text
    # The counter fails open: the page was served, the view not counted.
    assert Article.objects.get(pk=article.pk).view_count == 0
    for path in (
        "/",
        "/sitemap.xml",
        "/sitemap-articles-fa.xml",
        "/sitemap-news.xml",
        "/feed/",
        "/search/?q=خبر",
    ):
        assert client.get(path).status_code == 200, path


def test_a_comment_post_is_refused_with_503_and_the_form_keeps_the_text(broken_redis):
    article = make_article()
    response = post(Client(HTTP_ACCEPT_LANGUAGE="fa"), article, body=TEXT)
    assert response.status_code == 503
    html = response.content.decode()
    assert (
        escape(
            fa(
                "Your comment could not be sent just now because of a technical problem. "
                "Please try again in a few minutes."
            )
        )
        in html
    )
    assert 'name="body"' in html and TEXT in html
    assert not Comment.objects.exists()


def test_a_comment_sent_by_script_gets_a_503_json_answer(broken_redis):
    article = make_article()
    response = post(Client(HTTP_ACCEPT_LANGUAGE="fa"), article, as_json=True, body=TEXT)
    assert response.status_code == 503
    assert response.json()["ok"] is False and response.json()["error"]
    assert not Comment.objects.exists()


def test_votes_and_reports_are_refused_with_503(broken_redis):
    article = make_article()
    comment = make_comment(article)
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    unavailable = escape(
        fa(
            "This could not be done just now because of a technical problem. "
            "Please try again in a few minutes."
        )
    )
    vote = client.post(reverse("comments:vote", args=[comment.pk]), {"value": "like"})
    report = client.post(reverse("comments:report", args=[comment.pk]), {"reason": "abuse"})
    assert (vote.status_code, report.status_code) == (503, 503)
    assert unavailable in vote.content.decode() and unavailable in report.content.decode()
    assert not Vote.objects.exists() and not Report.objects.exists()


def test_a_frozen_redis_is_waited_for_once_then_left_alone_for_a_while(settings, frozen):
    _use_redis_at(settings, f"redis://127.0.0.1:{frozen.port}/0")
    article = make_article()
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    for _ in range(3):
        assert client.get(article.get_absolute_url()).status_code == 200
    # One connection timed out; the next views did not try again (each would have cost a timeout).
    assert frozen.wait_for_connections(1) == 1
    resilient._resting_until.clear()  # the rest is over
    assert client.get(article.get_absolute_url()).status_code == 200
    assert frozen.wait_for_connections(2) == 2


def test_without_the_wrapper_a_down_redis_is_a_server_error(settings):
    """What the wrapper is for: Django's own Redis cache lets the connection error through."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_free_port()}/0",
        }
    }
    article = make_article()
    with pytest.raises(RedisConnectionError):
        Client().get(article.get_absolute_url())


def test_with_redis_up_the_wrapper_counts_as_redis_does(settings):
    from tests.services import need_redis

    config = cache_config(need_redis(), 250)
    settings.CACHES = {"default": {**config, "KEY_PREFIX": f"outage-test-{uuid.uuid4().hex}"}}
    settings.NEWSROOM_COMMENT_RATE = 1
    article = make_article()
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    assert client.get(article.get_absolute_url()).status_code == 200
    assert Article.objects.get(pk=article.pk).view_count == 1
    assert post(client, article, body="نخستین نظر", remote_addr="10.9.8.7").status_code == 302
    assert post(client, article, body="دومین نظر", remote_addr="10.9.8.7").status_code == 429


def test_a_post_asks_redis_even_while_pages_leave_it_alone_and_its_answer_ends_the_pause(settings):
    """Once Redis is back, posts must not wait out the pause the pages took after a failure."""
    from tests.services import need_redis

    url = need_redis()
    settings.CACHES = {"default": {**cache_config(url, 250), "KEY_PREFIX": f"outage-test-{uuid.uuid4().hex}"}}
    resilient._resting_until[url] = float("inf")  # as if Redis had just failed
    article = make_article()
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    client.get(article.get_absolute_url())
    assert Article.objects.get(pk=article.pk).view_count == 0  # the page left Redis alone
    assert post(client, article, body=TEXT).status_code == 302
    assert url not in resilient._resting_until
    client.get(article.get_absolute_url())
    assert Article.objects.get(pk=article.pk).view_count == 1


def test_after_redis_restarts_the_first_call_of_each_process_does_not_fail(settings):
    """A restart closes every pooled connection; the next command must reconnect, not refuse a post.
    redis-py checks a pooled connection when it takes it from the pool; this pins that we rely on it."""
    import redis
    from django.core.cache import cache

    from tests.services import need_redis

    url = need_redis()
    settings.CACHES = {"default": {**cache_config(url, 250), "KEY_PREFIX": f"outage-test-{uuid.uuid4().hex}"}}
    cache.set("counter", 1)
    pooled = cache._cache.get_client(write=True).client_id()  # the one idle connection in the pool
    assert redis.Redis.from_url(url).client_kill_filter(_id=pooled) == 1  # as a restart would, for it only
    assert cache.incr("counter") == 2
    cache.delete("counter")
