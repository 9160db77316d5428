"""The identity costs reader pages no query: a cached snapshot per language, forgotten on every save,
and read from the database (never an error) when the cache is down."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from identity import current
from identity.models import FooterLink
from tests.factories import make_article, make_footer_page, set_identity
from tests.test_cache_outage import _free_port, _use_redis_at

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_fresh_database_builds_what_the_test_suite_keeps_cached():
    """tests/identity/helpers.py caches the defaults for every test: they must be the truth."""
    for code, _name in settings.LANGUAGES:
        assert current.build(code) == current.defaults(code)


def test_an_edited_identity_costs_pages_nothing_once_cached(reader_client):
    make_article()
    fresh = queries_for(reader_client, "/")
    identity = set_identity(name_fa="خبرگزاری شیرازه", tagline_fa="اخبار فارس")
    link = FooterLink(identity=identity, url="https://example.org/")
    link.set_current_language("fa")
    link.label = "پیوند"
    link.save()
    make_footer_page()
    # Saving forgot the snapshot: the next page builds it (six queries) and caches it.
    assert queries_for(reader_client, "/") == fresh + 6
    assert queries_for(reader_client, "/") == fresh
    assert "خبرگزاری شیرازه" in reader_client.get("/").content.decode()


def test_each_language_has_its_own_snapshot(reader_client):
    set_identity(name_fa="خبرگزاری شیرازه", name_en="Shiraze News")
    assert "Shiraze News" in reader_client.get("/en/").content.decode()
    assert "خبرگزاری شیرازه" in reader_client.get("/").content.decode()
    assert cache.get(current.cache_key("fa")).name == "خبرگزاری شیرازه"
    assert cache.get(current.cache_key("en")).name == "Shiraze News"


@pytest.mark.parametrize(
    "change",
    ["identity", "identity translation", "footer page", "footer page deleted", "footer link deleted"],
)
def test_every_change_is_seen_on_the_next_page(reader_client, change):
    identity = set_identity(name_fa="نام نخست")
    page = make_footer_page(title="درباره ما")
    link = FooterLink(identity=identity, url="https://example.org/")
    link.set_current_language("fa")
    link.label = "پیوند همکار"
    link.save()
    html = reader_client.get("/").content.decode()
    assert "نام نخست" in html and "درباره ما" in html and "پیوند همکار" in html
    if change == "identity":
        set_identity(name_fa="نام دوم")
        expected, gone = "نام دوم", "نام نخست"
    elif change == "identity translation":
        identity.translations.get(language_code="fa").delete()
        expected, gone = str(current.defaults("fa").name), "نام نخست"
    elif change == "footer page":
        page.set_current_language("fa")
        page.title = "درباره خبرگزاری"
        page.save()
        expected, gone = "درباره خبرگزاری", "درباره ما<"
    elif change == "footer page deleted":
        page.delete()
        expected, gone = "نام نخست", "درباره ما"
    else:
        link.delete()
        expected, gone = "نام نخست", "پیوند همکار"
    html = reader_client.get("/").content.decode()
    assert expected in html and gone not in html


def test_pages_show_the_identity_when_the_cache_is_down(settings, reader_client, caplog):
    set_identity(name_fa="خبرگزاری شیرازه")
    _use_redis_at(settings, f"redis://127.0.0.1:{_free_port()}/0")  # nothing listens there
    with caplog.at_level(logging.WARNING, logger="newsroom.cache"):
        html = reader_client.get("/").content.decode()
    assert "cache unavailable" in caplog.text  # the page did ask Redis, and carried on without it
    assert "خبرگزاری شیرازه" in html


def test_the_snapshot_survives_a_real_redis(settings, reader_client):
    """Pickled into Redis and back (several app servers share it there)."""
    from tests.services import need_redis

    settings.CACHES = {"default": {"BACKEND": "newsroom.cache.ResilientRedisCache", "LOCATION": need_redis()}}
    set_identity(name_fa="خبرگزاری شیرازه", logo=_logo())
    current.invalidate()
    try:
        first = current.current("fa")
        again = current.current("fa")
        assert again == first and again.name == "خبرگزاری شیرازه" and again.logo.storage_name
    finally:
        current.invalidate()


def _logo() -> bytes:
    from tests.factories import image_bytes

    return image_bytes(300, 100, fmt="PNG")
