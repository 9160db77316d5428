from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_published_shows_only_published_articles_that_are_due():
    visible = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(status=Article.Status.REVIEW)
    make_article(published_at=timezone.now() + timedelta(hours=1))  # scheduled
    make_article(status=Article.Status.PUBLISHED, published_at=None)  # no time: never shown

    assert list(Article.objects.published()) == [visible]


def test_a_scheduled_article_appears_by_the_clock_without_any_job():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        article = make_article(published_at=start + timedelta(hours=2))
        assert not Article.objects.published().filter(pk=article.pk).exists()
        assert article.is_scheduled and not article.is_published

    with time_machine.travel(start + timedelta(hours=2, seconds=1), tick=False):
        assert Article.objects.published().filter(pk=article.pk).exists()
        article.refresh_from_db()
        assert article.is_published and not article.is_scheduled


def test_is_published_agrees_with_the_queryset():
    now = timezone.now()
    cases = [
        make_article(),
        make_article(status=Article.Status.DRAFT, published_at=now - timedelta(days=1)),
        make_article(published_at=now + timedelta(minutes=5)),
    ]
    published_ids = set(Article.objects.published().values_list("pk", flat=True))
    for article in cases:
        assert article.is_published == (article.pk in published_ids)
