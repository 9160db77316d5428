"""What the front page's section blocks and the article page's related articles choose, and that the
work behind them does not grow with the archive."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone, translation

from articles.models import Article
from articles.views import PER_SECTION_ON_FRONT, RELATED_COUNT
from tests.browser.seed import add_english
from tests.factories import make_article, make_official, make_organization, make_section

pytestmark = pytest.mark.django_db


def ago(**kwargs) -> timezone.datetime:
    return timezone.now() - timedelta(**kwargs)


def blocks_of(client, url: str = "/") -> list[tuple[str, list[str]]]:
    response = client.get(url)
    assert response.status_code == 200
    return [
        (section.slug, [a.title for a in articles])
        for section, articles in response.context["section_blocks"]
    ]


def related_of(client, article: Article) -> list[str]:
    with translation.override("fa"):  # an earlier English request leaves English active in this thread
        url = article.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return [related.title for related in response.context["related"]]


def test_each_section_block_is_its_newest_published_articles_newest_first_in_section_order(reader_client):
    busy, quiet, drafts_only = (
        make_section(slug="busy", position=1),
        make_section(slug="quiet", position=2),
        make_section(slug="drafts", position=0),
    )
    for hours in range(1, 8):
        make_article(title=f"busy {hours}", section=busy, published_at=ago(hours=hours))
    make_article(title="quiet 1", section=quiet, published_at=ago(days=3))
    make_article(title="quiet 2", section=quiet, published_at=ago(days=2))
    # Newer than everything, but not visible to readers: never in a block.
    make_article(title="busy draft", section=busy, status=Article.Status.DRAFT, published_at=ago(minutes=1))
    make_article(title="busy scheduled", section=busy, published_at=timezone.now() + timedelta(hours=1))
    make_article(title="draft only", section=drafts_only, status=Article.Status.DRAFT)

    assert blocks_of(reader_client) == [
        ("busy", [f"busy {hours}" for hours in range(1, PER_SECTION_ON_FRONT + 1)]),
        ("quiet", ["quiet 2", "quiet 1"]),
    ]


def test_a_section_whose_newest_article_is_old_still_has_its_block(reader_client):
    news, archive = make_section(slug="news"), make_section(slug="archive")
    for minutes in range(1, 40):
        make_article(section=news, published_at=ago(minutes=minutes))
    make_article(title="two years old", section=archive, published_at=ago(days=730))
    make_article(title="three years old", section=archive, published_at=ago(days=1095))

    assert dict(blocks_of(reader_client))["archive"] == ["two years old", "three years old"]


def test_articles_published_at_the_same_moment_fill_a_block_by_news_code(reader_client):
    section = make_section(slug="same-time")
    moment = ago(hours=1)
    made = [make_article(title=f"same {n}", section=section, published_at=moment) for n in range(6)]
    newest_codes = sorted(made, key=lambda article: article.news_code, reverse=True)[:PER_SECTION_ON_FRONT]

    assert blocks_of(reader_client) == [("same-time", [article.title for article in newest_codes])]


def test_english_section_blocks_skip_articles_without_an_english_translation(reader_client):
    section = make_section(slug="mixed")
    for days in (5, 6):
        add_english(make_article(section=section, published_at=ago(days=days)), title=f"en {days}")
    make_article(title="فقط فارسی", section=section, published_at=ago(hours=1))

    assert blocks_of(reader_client, "/en/") == [("mixed", ["en 5", "en 6"])]


def test_related_articles_are_the_five_newest_published_that_share_a_mention(reader_client):
    official, council, other = make_official(), make_organization(), make_organization()
    article = make_article(
        title="this one", officials=[official], organizations=[council], published_at=ago(hours=1)
    )
    by_official = [
        make_article(title=f"official {n}", officials=[official], published_at=ago(days=n)) for n in (1, 3)
    ]
    by_council = [
        make_article(title=f"council {n}", organizations=[council], published_at=ago(days=n)) for n in (2, 4)
    ]
    both = make_article(title="both", officials=[official], organizations=[council], published_at=ago(days=5))
    make_article(title="older sharing", officials=[official], published_at=ago(days=6))  # the sixth: left out
    make_article(title="unrelated", organizations=[other], published_at=ago(minutes=5))
    make_article(
        title="draft", officials=[official], status=Article.Status.DRAFT, published_at=ago(minutes=5)
    )
    make_article(title="scheduled", officials=[official], published_at=timezone.now() + timedelta(hours=1))

    expected = [by_official[0], by_council[0], by_official[1], by_council[1], both]
    assert related_of(reader_client, article) == [related.title for related in expected]
    assert len(expected) == RELATED_COUNT


def test_related_articles_when_the_article_mentions_only_organizations_or_only_officials(reader_client):
    official, council = make_official(), make_organization()
    only_orgs = make_article(title="orgs only", organizations=[council])
    only_official = make_article(title="official only", officials=[official])
    make_article(title="shares the council", organizations=[council], published_at=ago(days=1))
    make_article(title="shares the official", officials=[official], published_at=ago(days=1))

    assert related_of(reader_client, only_orgs) == ["shares the council"]
    assert related_of(reader_client, only_official) == ["shares the official"]


def test_an_unconfirmed_official_does_not_make_articles_related(reader_client):
    proposed = make_official(is_verified=False)
    article = make_article(officials=[proposed])
    make_article(title="mentions the proposal too", officials=[proposed], published_at=ago(days=1))

    assert related_of(reader_client, article) == []


# The work, measured as SQLite virtual-machine steps: the database does what the plan says, so a query
# that ranks or joins the whole archive shows here as steps that grow with it. PostgreSQL's plans depend
# on table statistics (tiny test tables are always scanned), so the measure is SQLite's.
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="counts SQLite VM steps")


def database_steps(client, url: str) -> int:
    client.get(url)  # warm: the view count, caches
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    connection.ensure_connection()
    connection.connection.set_progress_handler(count, 100)
    try:
        assert client.get(url).status_code == 200
    finally:
        connection.connection.set_progress_handler(None, 0)
    return steps


def add_archive(count: int, *, section, official, organization) -> None:
    """Older articles, all in the one section, all mentioning the same official and organization."""
    for n in range(count):
        make_article(
            section=section, officials=[official], organizations=[organization], published_at=ago(days=30 + n)
        )


@sqlite_only
def test_front_page_work_does_not_grow_with_the_archive(reader_client):
    official, organization = make_official(), make_organization()
    sections = [make_section() for _ in range(3)]
    for section in sections:
        for hours in range(1, 6):
            make_article(section=section, published_at=ago(hours=hours))
    before = database_steps(reader_client, "/")
    add_archive(300, section=sections[0], official=official, organization=organization)
    after = database_steps(reader_client, "/")
    assert after < before * 1.5, (before, after)


@sqlite_only
def test_related_articles_work_does_not_grow_with_the_archive(reader_client):
    official, organization, section = make_official(), make_organization(), make_section()
    article = make_article(officials=[official], organizations=[organization], section=section)
    for hours in range(1, 7):
        make_article(officials=[official], organizations=[organization], published_at=ago(hours=hours))
    with translation.override("fa"):
        url = article.get_absolute_url()
    before = database_steps(reader_client, url)
    add_archive(300, section=section, official=official, organization=organization)
    after = database_steps(reader_client, url)
    assert after < before * 1.5, (before, after)
