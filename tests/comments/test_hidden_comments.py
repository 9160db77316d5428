"""A comment readers cannot see (pending, rejected, spam, or on an unpublished article) is, to a vote or
a report, exactly an id that does not exist: same status, same headers, same page. Anything else would
let a stranger find out which ids are held comments and which article they are on."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from comments import services
from comments.models import Comment, Report, Vote
from tests.comments.helpers import make_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# Set per request whatever the comment (cookies, date), or following from the address's own length
# (the page links to itself; the body is compared with the id blanked out).
VOLATILE_HEADERS = {"Set-Cookie", "Date", "Content-Length"}


def hidden_comments(article) -> list[Comment]:
    draft = make_article(title="پیش‌نویس", status=Article.Status.DRAFT)
    return [
        make_comment(article, body="در انتظار", status=Comment.Status.PENDING),
        make_comment(article, body="رد شده", status=Comment.Status.REJECTED),
        make_comment(article, body="هرزنامه", status=Comment.Status.SPAM),
        make_comment(draft, body="روی پیش‌نویس"),
    ]


def _send(action: str, pk: int, *, as_json: bool):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="fa")
    data = {"value": "like"} if action == "vote" else {"reason": "abuse"}
    headers = {"HTTP_ACCEPT": "application/json"} if as_json else {}
    return client.post(reverse(f"comments:{action}", args=[pk]), data, **headers)


def _comparable(response, pk: int) -> tuple:
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
    body = body.replace(f"/{pk}/", "/ID/")  # the page's own address (language links)
    headers = {k: v for k, v in response.headers.items() if k not in VOLATILE_HEADERS}
    return response.status_code, headers, body


@pytest.mark.parametrize("action", ["vote", "report"])
@pytest.mark.parametrize("as_json", [False, True])
def test_a_hidden_comment_answers_exactly_as_an_unknown_id(article, action, as_json):
    unknown = Comment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    unknown += 1000
    hidden = hidden_comments(article)
    expected = _comparable(_send(action, unknown, as_json=as_json), unknown)
    assert expected[0] == 404
    for comment in hidden:
        assert _comparable(_send(action, comment.pk, as_json=as_json), comment.pk) == expected, comment.body
    assert not Vote.objects.exists() and not Report.objects.exists()


def test_a_visible_comment_still_answers_with_a_way_back_to_its_article(article):
    comment = make_comment(article)
    response = _send("vote", comment.pk, as_json=False)
    assert response.status_code == 302
    assert response["Location"] == services.comment_url(comment)
