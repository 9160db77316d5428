"""The article admin's extension point: columns registered by other apps, with their annotations."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse

from articles import extensions
from tests.factories import make_article, make_official

pytestmark = pytest.mark.django_db


@pytest.fixture
def officials_column():
    @admin.display(description="officials named", ordering="_officials_named")
    def officials_named(article):
        return f"<{article._officials_named}>"

    extensions.admin_columns.register(
        officials_named, annotations={"_officials_named": Count("officials", distinct=True)}
    )
    yield officials_named
    extensions.admin_columns.unregister("officials_named")


def test_a_registered_column_is_shown_from_its_annotation(chief_client, officials_column):
    make_article(title="بی نام")
    make_article(title="دو نام", officials=[make_official(), make_official()])
    url = reverse("admin:articles_article_changelist")
    html = chief_client.get(url).content.decode()
    assert "Officials named" in html  # the admin capitalizes headers
    assert '<td class="field-officials_named">&lt;2&gt;</td>' in html
    assert '<td class="field-officials_named">&lt;0&gt;</td>' in html
    # Sortable by its annotation: the column is the last one, ordering by it descending.
    column = len(chief_client.get(url).context["cl"].list_display) - 1
    ordered = chief_client.get(url, {"o": f"-{column}"}).context["cl"].result_list
    assert [article._officials_named for article in ordered] == [2, 0]


def test_an_unregistered_column_is_gone(chief_client, officials_column):
    extensions.admin_columns.unregister("officials_named")
    html = chief_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "field-officials_named" not in html


def test_the_comment_columns_come_from_the_registry(chief_client):
    names = [column.name for column in extensions.admin_columns]
    assert names[:3] == ["published_comments", "pending_comments", "rejected_comments"]
    make_article()  # an empty change list has no table
    html = chief_client.get(reverse("admin:articles_article_changelist")).content.decode()
    for header in ("نظرات منتشر شده", "نظرات در انتظار بررسی", "نظرات غیر قابل انتشار"):
        assert header in html  # the same Persian headers as before they moved
