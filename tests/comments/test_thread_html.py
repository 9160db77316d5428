"""The Nu HTML checker finds no errors in the thread's markup: comments, replies, the newsroom's and an
official's replies, the form in reply to a comment, and the report page (also re-shown after an error)."""

import pytest
from django.urls import reverse

from comments import services
from comments.models import Comment
from tests.browser.helpers import html_errors
from tests.comments.helpers import make_comment
from tests.factories import make_official

pytestmark = pytest.mark.django_db


def test_thread_reply_and_report_pages_are_valid_html(reader_client, article, tmp_path, monkeypatch):
    monkeypatch.setattr(services, "THREAD_PAGE_SIZE", 1)
    official = make_official(name="سید کاظم موسوی")
    top = make_comment(article, name="مریم", body="نظر اول\nبا دو خط")
    reply = make_comment(article, parent=top, body="پاسخ <b>نه</b>", likes=3)
    make_comment(article, parent=reply, body="پاسخ تحریریه", is_staff_reply=True)
    make_comment(article, parent=top, body="متن جوابیه", is_official_reply=True, official=official)
    make_comment(article, body="در صف", status=Comment.Status.PENDING)
    later = make_comment(article, body="نظر دوم")
    report_url = reverse("comments:report", args=[reply.pk])
    responses = {
        "thread": reader_client.get(article.get_absolute_url()),
        "page-2": reader_client.get(f"{article.get_absolute_url()}?comments=2&reply={later.pk}"),
        "in-reply": reader_client.get(f"{article.get_absolute_url()}?reply={reply.pk}"),
        "report": reader_client.get(report_url),
        "report-error": reader_client.post(report_url, {"reason": "because"}),
    }
    assert {name: r.status_code for name, r in responses.items()} == {
        "thread": 200,
        "page-2": 200,
        "in-reply": 200,
        "report": 200,
        "report-error": 400,
    }
    pages = {name: response.content.decode() for name, response in responses.items()}
    assert pages["thread"].count('class="comment') >= 4 and "&lt;b&gt;" in pages["thread"]
    assert 'rel="next"' in pages["thread"] and 'rel="prev"' in pages["page-2"]
    errors = html_errors(pages, tmp_path)
    assert {name: found for name, found in errors.items() if found} == {}


def test_voted_awaiting_and_english_threads_are_valid_html(reader_client, article, tmp_path):
    from django.utils import translation

    from tests.factories import make_article

    voted = make_comment(article, name="مریم", body="نظر ۱۲")
    reader_client.post(reverse("comments:vote", args=[voted.pk]), {"value": "like"})
    waiting = make_article(title="خبر بی‌نظر")
    make_comment(waiting, status=Comment.Status.PENDING)
    english = make_article(language="en", title="Judiciary news", lead="A lead.", body="<p>A body 12.</p>")
    make_comment(english, body="A comment")
    with translation.override("en"):
        english.set_current_language("en")
        english_url = english.get_absolute_url()
    pages = {
        "voted": reader_client.get(article.get_absolute_url()).content.decode(),
        "awaiting": reader_client.get(waiting.get_absolute_url()).content.decode(),
        "english": reader_client.get(english_url).content.decode(),
    }
    assert 'aria-pressed="true"' in pages["voted"] and "data-awaiting" in pages["awaiting"]
    errors = html_errors(pages, tmp_path)
    assert {name: found for name, found in errors.items() if found} == {}
