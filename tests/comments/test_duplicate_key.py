"""The duplicate check's key: spelling, invisible characters and spacing do not make a new comment."""

from importlib import import_module

import pytest
from django.apps import apps

from comments import spam
from comments.models import Comment
from tests.comments.helpers import make_comment, post
from tests.i18n import fa

pytestmark = pytest.mark.django_db
migration = import_module("comments.migrations.0005_refresh_body_keys")


@pytest.mark.parametrize(
    "again",
    [
        "سازمان های دولتی پاسخگو نیستند",  # a space where the first had a ZWNJ
        "سازمانهای دولتی پاسخگو نیستند",  # nothing there
        "سازمان‌های دولتی پاسخ‌گو نیستند",  # a ZWNJ where the first had nothing
        "ﺳﺎﺯﻣﺎﻥ‌ﻫﺎﯼ دولتی پاسخگو نیستند",  # presentation forms
        "سازمان‌های دول\u00adتی پاسخگو\u2060 نیستند",  # soft hyphen, word joiner
        "سازمان‌ھای دولتی پاسخگو نیستند",  # a lookalike letter
    ],
)
def test_spacing_and_invisible_tricks_do_not_make_a_new_comment(reader_client, article, again):
    assert post(reader_client, article, body="سازمان‌های دولتی پاسخگو نیستند").status_code == 302
    response = post(reader_client, article, body=again)
    assert response.status_code == 400
    assert fa("This comment has already been posted on this article.") in response.content.decode()
    assert Comment.objects.count() == 1


def test_different_words_are_different_comments():
    assert spam.body_key("سازمان‌های دولتی") != spam.body_key("سازمان‌های خصوصی")


def test_keys_stored_the_old_way_are_recomputed(article, monkeypatch):
    old = make_comment(article, body="سازمان‌های دولتی")
    Comment.objects.filter(pk=old.pk).update(body_key="0" * 64)  # a key from the older rule
    current = make_comment(article, body="خبر خوبی بود", body_key=spam.body_key("خبر خوبی بود"))

    monkeypatch.setattr(migration, "CHUNK", 1)
    migration.refresh(apps, None)

    old.refresh_from_db()
    current.refresh_from_db()
    assert old.body_key == spam.body_key("سازمان های دولتی")
    assert current.body_key == spam.body_key("خبر خوبی بود")
