"""The vote buttons show which way this reader voted (aria-pressed), without JavaScript too; and the thread
does not say "no comments yet" while the counts say comments are waiting for a moderator."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.models import Comment
from comments.readers import READER_COOKIE, carries_reader_state
from tests.comments.helpers import make_comment, post
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def _pressed(html: str, comment: Comment) -> dict[str, str]:
    """{"like": "true"/"false", "dislike": ...} for the buttons of `comment`."""
    block = html[html.index(f'id="comment-{comment.pk}"') :]
    actions = block[: block.index("</p>", block.index('class="comment-actions"'))]
    return dict(re.findall(r'value="(like|dislike)" aria-pressed="(true|false)"', actions))


def _vote(client, comment, value, **extra):
    return client.post(reverse("comments:vote", args=[comment.pk]), {"value": value}, **extra)


def test_a_readers_own_vote_shows_pressed_after_voting_without_javascript(article):
    voted, other = make_comment(article, body="نظر یک"), make_comment(article, body="نظر دو")
    reader = Client()
    page = _vote(reader, voted, "like", follow=True).content.decode()
    assert fa("Your vote was counted.") in page
    assert _pressed(page, voted) == {"like": "true", "dislike": "false"}
    assert _pressed(page, other) == {"like": "false", "dislike": "false"}
    # Changing the vote moves the pressed button; the same vote again withdraws it.
    page = _vote(reader, voted, "dislike", follow=True).content.decode()
    assert _pressed(page, voted) == {"like": "false", "dislike": "true"}
    page = _vote(reader, voted, "dislike", follow=True).content.decode()
    assert fa("Your vote was withdrawn.") in page
    assert _pressed(page, voted) == {"like": "false", "dislike": "false"}


def test_another_reader_sees_the_count_but_not_someone_elses_vote(article):
    comment = make_comment(article)
    _vote(Client(), comment, "like")
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "<span data-likes>۱</span>" in html
    assert _pressed(html, comment) == {"like": "false", "dislike": "false"}


def test_a_forged_reader_cookie_shows_no_votes(article):
    comment = make_comment(article)
    reader = Client()
    _vote(reader, comment, "like")
    forged = Client()
    forged.cookies[READER_COOKIE] = reader.cookies[READER_COOKIE].value.split(":")[0] + ":forged"
    html = forged.get(article.get_absolute_url()).content.decode()
    assert _pressed(html, comment) == {"like": "false", "dislike": "false"}


def test_the_json_answer_says_which_way_the_reader_votes_now(reader_client, article):
    comment = make_comment(article)
    answers = [
        _vote(reader_client, comment, value, HTTP_ACCEPT="application/json").json()
        for value in ("like", "dislike", "dislike")
    ]
    assert [answer["vote"] for answer in answers] == ["like", "dislike", ""]
    assert answers[-1]["message"] == fa("Your vote was withdrawn.")


def test_a_reader_who_voted_costs_one_query_more_whatever_the_thread(article):
    """The reader's votes are one query on the comments of the page; a reader without the cookie (whose
    page a cache may share) costs none: the article page's pinned count is theirs."""
    first = make_comment(article)
    reader = Client()
    _vote(reader, first, "like")

    def queries(client) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(captured)

    anonymous = Client()
    queries(anonymous), queries(reader)  # both readers' views are counted by now
    small = (queries(anonymous), queries(reader))
    for n in range(30):
        parent = make_comment(article, body=f"نظر {n}")
        make_comment(article, parent=parent, body="پاسخ")
    assert (queries(anonymous), queries(reader)) == small
    assert small[1] == small[0] + 1


def test_the_page_cache_can_tell_a_page_with_a_readers_votes():
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    assert not carries_reader_state(request)
    request.COOKIES[READER_COOKIE] = "anything"
    assert carries_reader_state(request)


def test_no_comments_yet_only_when_none_are_waiting_either(reader_client, article):
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert fa("No comments yet.") in html
    held = make_comment(article, status=Comment.Status.PENDING)
    html = reader_client.get(article.get_absolute_url()).content.decode()
    awaiting = fa("No comment has been published yet; the comments sent are awaiting a moderator's review.")
    assert fa("No comments yet.") not in html and awaiting in html
    assert '<span data-count="pending">۱</span>' in html
    held.status = Comment.Status.PUBLISHED
    held.save()
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert "comment-empty" not in html and awaiting not in html


def test_a_held_comment_answers_with_the_counts_comments_js_needs(reader_client, article):
    answer = post(reader_client, article, as_json=True).json()
    assert answer["ok"] and answer["html"] == ""
    assert (answer["counts"]["pending"], answer["counts"]["published"]) == (1, 0)
