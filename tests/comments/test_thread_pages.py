"""A long thread comes in pages of top-level comments, each with all its replies, oldest first; links,
redirects and reply links keep the reader on the page that shows the comment."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments import services
from comments.models import Comment
from tests.comments.helpers import make_comment, post
from tests.i18n import fa

pytestmark = pytest.mark.django_db

# Written with Persian digits, as a Persian page shows every digit in a comment.
BODIES = [f"نظر {digit}" for digit in "۰۱۲۳۴"]


@pytest.fixture
def five_threads(article, monkeypatch):
    """Pages of two top-level comments: [0, 1], [2 + its reply and the reply's reply, 3], [4]."""
    monkeypatch.setattr(services, "THREAD_PAGE_SIZE", 2)
    tops = [make_comment(article, body=body) for body in BODIES]
    reply = make_comment(article, parent=tops[2], body="پاسخ به نظر ۲")
    deeper = make_comment(article, parent=reply, body="پاسخ به پاسخ")
    return tops, reply, deeper


def _bodies(client, article, query: str = "") -> tuple[list[str], str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(article.get_absolute_url() + query)
    assert response.status_code == 200
    html = response.content.decode()
    shown = [
        body
        for body in [*BODIES, "پاسخ به نظر ۲", "پاسخ به پاسخ"]
        if f'<p class="comment-body">{body}</p>' in html
    ]
    return shown, html, len(captured)


def test_pages_hold_top_level_comments_with_all_their_replies(reader_client, article, five_threads):
    first, html, _queries = _bodies(reader_client, article)
    assert first == ["نظر ۰", "نظر ۱"]
    assert fa("Later comments") in html and 'rel="next" href="?comments=2#comments"' in html
    assert fa("Earlier comments") not in html
    second, html, second_queries = _bodies(reader_client, article, "?comments=2")
    assert second == ["نظر ۲", "نظر ۳", "پاسخ به نظر ۲", "پاسخ به پاسخ"]
    assert (
        'rel="prev" href="?comments=1#comments"' in html and 'rel="next" href="?comments=3#comments"' in html
    )
    last, _html, last_queries = _bodies(reader_client, article, "?comments=3")
    assert last == ["نظر ۴"]
    _first, _html, first_queries = _bodies(reader_client, article)  # the reader's view is counted by now
    assert first_queries == second_queries == last_queries  # a later page costs no extra query
    # The published count is the whole thread's, whatever the page.
    assert '<span data-count="published">۷</span>' in html


@pytest.mark.parametrize(("query", "expected"), [("abc", "نظر ۰"), ("0", "نظر ۴"), ("99", "نظر ۴")])
def test_a_page_number_that_is_no_page_shows_the_first_or_the_last(
    reader_client, article, five_threads, query, expected
):
    shown, _html, _queries = _bodies(reader_client, article, f"?comments={query}")
    assert expected in shown


def test_a_single_page_thread_has_no_page_links(reader_client, article):
    make_comment(article)
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert "comment-pages" not in html


def test_reply_links_past_the_first_page_keep_the_page(reader_client, article, five_threads):
    tops, _reply, _deeper = five_threads
    _shown, html, _queries = _bodies(reader_client, article, "?comments=2")
    assert f'href="?comments=2&amp;reply={tops[2].pk}#comment-form"' in html
    _shown, html, _queries = _bodies(reader_client, article, f"?comments=2&reply={tops[2].pk}")
    assert f'name="parent" value="{tops[2].pk}"' in html and "نظر ۲" in html


def test_a_vote_without_javascript_returns_to_the_page_that_shows_the_comment(
    reader_client, article, five_threads
):
    tops, _reply, deeper = five_threads
    for comment, page in ((tops[0], ""), (deeper, "?comments=2"), (tops[4], "?comments=3")):
        response = reader_client.post(reverse("comments:vote", args=[comment.pk]), {"value": "like"})
        assert response["Location"] == f"{article.get_absolute_url()}{page}#comment-{comment.pk}"


def test_a_published_comment_without_javascript_lands_on_the_last_page(
    reader_client, article, five_threads, settings
):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    response = post(reader_client, article, body="تازه‌ترین نظر")
    comment = Comment.objects.get(body="تازه‌ترین نظر")
    assert response["Location"] == f"{article.get_absolute_url()}?comments=3#comment-{comment.pk}"
    assert "تازه‌ترین نظر" in reader_client.get(response["Location"]).content.decode()


def test_the_form_in_reply_links_to_the_comment_it_answers(reader_client, article, five_threads):
    tops, _reply, _deeper = five_threads
    _shown, html, _queries = _bodies(reader_client, article, f"?comments=2&reply={tops[2].pk}")
    note = fa("In reply to %(name)s") % {"name": fa("Anonymous")}
    assert f'data-replying-to>{note}: <a href="#comment-{tops[2].pk}">' in html
    # The reply form on its own page links to the article's page that shows the comment.
    html = reader_client.get(reverse("comments:reply", args=[tops[2].pk])).content.decode()
    assert f'href="{article.get_absolute_url()}?comments=2#comment-{tops[2].pk}"' in html
