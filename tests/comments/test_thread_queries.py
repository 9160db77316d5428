import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from tests.factories import make_article, make_official
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def _thread(article, count: int, official) -> None:
    """`count` published comments: a third top-level, the rest replies two levels deep, some of them
    newsroom and official replies, plus pending ones that must not show."""
    tops = Comment.objects.bulk_create(
        Comment(article=article, body=f"نظر {n}", status=Comment.Status.PUBLISHED)
        for n in range(count // 3 or 1)
    )
    replies = Comment.objects.bulk_create(
        Comment(
            article=article,
            parent=tops[n % len(tops)],
            depth=1,
            body=f"پاسخ {n}",
            status=Comment.Status.PUBLISHED,
            is_official_reply=n % 7 == 0,
            official=official if n % 7 == 0 else None,
            is_staff_reply=n % 5 == 0,
        )
        for n in range(count // 3)
    )
    rest = count - len(tops) - len(replies)
    Comment.objects.bulk_create(
        Comment(
            article=article,
            parent=replies[n % len(replies)] if replies else tops[0],
            depth=2,
            body=f"پاسخ دوم {n}",
            status=Comment.Status.PUBLISHED,
        )
        for n in range(rest)
    )
    Comment.objects.bulk_create(
        Comment(article=article, body=f"صف بررسی {n}", status=Comment.Status.PENDING)
        for n in range(count // 10)
    )


def _queries_for_page(client, article, query: str = "") -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(article.get_absolute_url() + query)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_article_page_takes_as_many_queries_with_500_comments_as_with_5(reader_client):
    official = make_official(name="سید کاظم موسوی")
    small, large = make_article(), make_article()
    _thread(small, 5, official)
    _thread(large, 500, official)
    assert Comment.objects.published().filter(article=large).count() == 500

    small_count, _html = _queries_for_page(reader_client, small)
    large_count, html = _queries_for_page(reader_client, large)
    assert large_count == small_count
    # The first page of the thread: the first 100 top-level comments with their replies.
    assert ">نظر ۹۹<" in html and ">نظر ۱۰۰<" not in html and "صف بررسی" not in html
    assert "سید کاظم موسوی" in html and fa("Newsroom's reply") in html
    second_count, html = _queries_for_page(reader_client, large, "?comments=2")
    again_count, _html = _queries_for_page(reader_client, large)  # the reader's view already counted
    assert second_count == again_count and ">نظر ۱۰۰<" in html


def test_the_thread_itself_is_two_queries(article, django_assert_num_queries):
    from comments import services

    _thread(article, 30, make_official())
    with django_assert_num_queries(2):
        # 1. counts by state (one aggregate); 2. the published comments with their officials.
        services.counts_for(article)
        roots = services.thread_for(article)
    assert sum(1 + len(r.children) + sum(len(c.children) for c in r.children) for r in roots) == 30
