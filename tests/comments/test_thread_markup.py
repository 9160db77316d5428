"""The thread's HTML, written in Python (comments.display.thread_html) rather than a template per comment,
and the comment form's fields, drawn once per language: what each comment shows, and that everything a
reader wrote is escaped exactly once."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import override_settings
from django.utils import translation

from comments import display
from comments.models import Comment
from tests.comments.helpers import make_comment, post
from tests.factories import make_article, make_official

pytestmark = pytest.mark.django_db


def _thread(comments, **kwargs) -> str:
    shared = display.page_context()
    kwargs.setdefault("reply_href", shared["reply_href"])
    return display.thread_html(
        comments, comment_root=shared["comment_root"], labels=shared["labels"], **kwargs
    )


class _Outline(HTMLParser):
    """The nesting of the comment articles: (id, parent id) for each, and whether the tags balance."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.comments: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br",):
            return
        attrs = dict(attrs)
        if tag == "article":
            parents = [name for name in self.open if name.startswith("comment-")]
            self.comments.append((attrs["id"], parents[-1] if parents else None))
        self.open.append(attrs.get("id") or tag if tag == "article" else tag)

    def handle_endtag(self, tag):
        assert self.open, f"</{tag}> closes nothing"
        top = self.open.pop()
        assert top == tag or (tag == "article" and top.startswith("comment-")), (top, tag)


def _outline(html: str) -> list[tuple[str, str | None]]:
    parser = _Outline()
    parser.feed(html)
    parser.close()
    assert parser.open == []
    return parser.comments


def test_what_a_readers_comment_shows(article):
    with translation.override("fa"):
        comment = make_comment(article, name="مریم 12", body="خط اول\r\nخط دوم ۳", likes=12, dislikes=3)
        comment.children = []
        html = _thread([comment])
    assert f'<article class="comment" id="comment-{comment.pk}">' in html
    assert "<strong>مریم ۱۲</strong>" in html  # Persian digits in a name on a Persian page
    assert '<p class="comment-body">خط اول<br>خط دوم ۳</p>' in html
    assert "<span data-likes>۱۲</span>" in html and "<span data-dislikes>۳</span>" in html
    assert re.search(
        r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d\+0[34]30">[۰-۹]+ [^<]+ - [۰-۹]{2}:[۰-۹]{2}</time>', html
    )
    assert (
        f'formaction="/comments/{comment.pk}/vote/"' in html
        and f'href="/comments/{comment.pk}/report/"' in html
    )
    assert f'href="?reply={comment.pk}#comment-form"' in html
    assert html.count('aria-pressed="false"') == 2


def test_everything_a_reader_wrote_is_escaped_once(article):
    hostile = '<img src=x onerror="alert(1)"> & "quoted"'
    comment = make_comment(article, name=hostile, body=hostile)
    comment.children = []
    html = _thread([comment])
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quoted&quot;"
    assert html.count(escaped) == 2
    assert "<img" not in html and "&amp;lt;" not in html


def test_newsroom_and_official_replies_are_labelled_and_nested(article):
    official = make_official(name="سید کاظم موسوی", honorific="")
    top = make_comment(article, name="علی")
    newsroom = make_comment(article, parent=top, body="پاسخ تحریریه", is_staff_reply=True, name="نادیده")
    answer = make_comment(article, parent=newsroom, body="جوابیه", is_official_reply=True, official=official)
    anonymous = make_comment(article)
    top.children, newsroom.children, answer.children, anonymous.children = [newsroom], [answer], [], []
    with translation.override("fa"):
        html = _thread([top, anonymous])
    assert _outline(html) == [
        (f"comment-{top.pk}", None),
        (f"comment-{newsroom.pk}", f"comment-{top.pk}"),
        (f"comment-{answer.pk}", f"comment-{newsroom.pk}"),
        (f"comment-{anonymous.pk}", None),
    ]
    assert f'<article class="comment comment-newsroom" id="comment-{newsroom.pk}">' in html
    assert '<strong>تحریریه</strong> <span class="comment-badge">پاسخ تحریریه</span>' in html
    assert "نادیده" not in html  # a staff reply speaks as the newsroom, whatever name it carries
    assert f'<article class="comment comment-official" id="comment-{answer.pk}">' in html
    assert "<strong>سید کاظم موسوی</strong>" in html
    assert "<strong>ناشناس</strong>" in html


def test_closed_comments_have_no_reply_links_and_votes_show_pressed(article):
    first, second = make_comment(article), make_comment(article)
    first.children = second.children = []
    html = _thread([first, second], reply_href=None, votes={first.pk: 1, second.pk: -1})
    assert "comment-reply" not in html and html.count("comment-report") == 2
    assert re.search(rf'/comments/{first.pk}/vote/" name="value" value="like" aria-pressed="true"', html)
    assert re.search(rf'/comments/{second.pk}/vote/" name="value" value="dislike" aria-pressed="true"', html)
    assert html.count('aria-pressed="true"') == 2


def test_an_english_thread_has_latin_digits_and_gregorian_dates():
    article = make_article(language="en", title="Judiciary news", lead="A lead.", body="<p>A body.</p>")
    comment = make_comment(article, name="Sara 12", body="Line 3", likes=4)
    comment.children = []
    with translation.override("en"):
        html = _thread([comment])
    assert "<strong>Sara 12</strong>" in html and "<span data-likes>4</span>" in html
    assert re.search(r"<time [^>]+>\d{1,2} \w+ \d{4}, \d\d:\d\d</time>", html)
    assert 'href="/en/comments/' in html


def test_a_comment_published_from_the_form_answers_with_its_markup(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    response = post(reader_client, article, as_json=True, body="نظر <b>تازه</b>")
    assert response.status_code == 201
    comment = Comment.objects.get(article=article)
    html = response.json()["html"]
    assert _outline(html) == [(f"comment-{comment.pk}", None)]
    assert "نظر &lt;b&gt;تازه&lt;/b&gt;" in html and f"?reply={comment.pk}#comment-form" in html


def _fields(html: str) -> str:
    """The form's visible fields and honeypot, as the page shows them."""
    return html[html.index('<p class="comment-field">') : html.index('<input type="hidden" name="parent"')]


def test_the_form_fields_are_the_same_for_every_reader_and_the_tokens_are_not(client, article):
    first = client.get(article.get_absolute_url(), REMOTE_ADDR="10.0.0.1").content.decode()
    second = client.get(article.get_absolute_url(), REMOTE_ADDR="10.0.0.2").content.decode()
    assert _fields(first) == _fields(second)
    assert 'name="body"' in _fields(first) and 'maxlength="1200"' in _fields(first)

    def token(html):
        return re.search(r'name="ts" value="([^"]+)"', html).group(1)

    assert token(first) != token(second)  # each reader's own form token, outside the fields drawn once


def test_the_form_fields_follow_the_language_and_the_settings(client, article):
    persian = _fields(client.get(article.get_absolute_url()).content.decode())
    english_article = make_article(language="en", title="News", lead="Lead.", body="<p>Body.</p>")
    with translation.override("en"):
        english_url = english_article.get_absolute_url()
    english = _fields(client.get(english_url).content.decode())
    assert "نظر شما" in persian and "Your comment" in english and "نظر شما" not in english
    with override_settings(NEWSROOM_COMMENT_MAX_LENGTH=500):
        shorter = _fields(client.get(article.get_absolute_url()).content.decode())
    assert 'maxlength="500"' in shorter and 'maxlength="1200"' not in shorter
