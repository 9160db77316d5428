"""The reader queries, called as the views call them but without a page: they belong to the models."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Section
from tests.factories import make_article, make_official, make_section

pytestmark = pytest.mark.django_db


def test_sections_with_their_newest_articles_skip_empty_sections_and_drafts():
    first, _empty, second = make_section(position=1), make_section(position=2), make_section(position=3)
    now = timezone.now()
    _old, new = (make_article(section=first, published_at=now - timedelta(days=d)) for d in (9, 1))
    newest = make_article(section=first, published_at=now)
    make_article(section=second, status=Article.Status.DRAFT)
    only = make_article(section=second, published_at=now - timedelta(days=400))
    blocks = Section.objects.with_newest(Article.objects.published(), 2)
    # The oldest of the first section is past the two wanted; the empty section has no block.
    assert blocks == [(first, [newest, new]), (second, [only])]


def test_related_to_shares_a_mention_and_leaves_the_article_out():
    official, other = make_official(), make_official()
    article = make_article(officials=[official])
    sharing = make_article(officials=[official, other])
    make_article(officials=[other])
    make_article(status=Article.Status.DRAFT, officials=[official])
    assert list(Article.objects.published().related_to(article)) == [sharing]
    assert list(Article.objects.published().related_to(make_article())) == []


def test_listings_leave_the_search_documents_unread(django_assert_num_queries):
    """A list shows headlines, not the normalized copy of every text that search reads in SQL."""
    make_article(section=make_section(), title="تیتر")
    (article,) = Article.objects.published().for_listing()
    assert {"search_document"} <= article.get_deferred_fields()
    assert {"search_document"} <= article.section.get_deferred_fields()
    with django_assert_num_queries(0):
        assert article.title == "تیتر" and str(article.section)
