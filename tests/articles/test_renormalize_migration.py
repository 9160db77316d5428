"""Search documents stored under the older folding are folded again, so old articles stay findable."""

from importlib import import_module

import pytest
from django.apps import apps

from articles import search
from articles.models import Article
from articles.services import refresh_search_document
from tests.factories import make_article

pytestmark = pytest.mark.django_db
migration = import_module("articles.migrations.0006_renormalize_search_documents")


def test_documents_folded_the_old_way_are_folded_again_and_found(monkeypatch):
    article = make_article(title="کلاهبرداری در ﻓﺎﺭﺱ")
    other = make_article(title="خبر دیگر")
    refresh_search_document(other)
    fresh = Article.objects.get(pk=other.pk).search_document
    # What the older normalize() stored: presentation forms, a soft hyphen and ڪ left as they were.
    Article.objects.filter(pk=article.pk).update(search_document="ڪلاه\u00adبرداری در ﻓﺎﺭﺱ")
    published = Article.objects.published()
    assert not search.search_articles(published, search.terms("کلاهبرداری فارس")).exists()

    monkeypatch.setattr(migration, "CHUNK", 1)  # more than one chunk
    migration.renormalize(apps, None)

    assert list(search.search_articles(published, search.terms("کلاهبرداری فارس"))) == [article]
    assert Article.objects.get(pk=other.pk).search_document == fresh  # already current: unchanged
