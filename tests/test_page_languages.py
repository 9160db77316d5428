"""An /en/ page is English throughout and a Persian page Persian throughout: the article page with its
comment block, and every page and message of the comments (the post and vote confirmations, the form
shown again with an error, the reply and report pages, the notice page).

Each test fills the site with content in the page's own language, so any letter of the other script on
the page came from a template, a message or a date: the walk reads every text a reader sees (text nodes,
and the attributes that are read out or shown) and fails on Persian letters or digits on English pages,
and on Latin letters or digits on Persian pages. Only what a page marks as the other language (the
language switch, lang="en" / lang="fa") and web addresses shown as such are left out."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from articles.models import Section
from comments.models import Comment
from tests.comments.helpers import form_data, make_comment
from tests.factories import make_article, make_official, make_organization

pytestmark = pytest.mark.django_db

PERSIAN = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+")
LATIN = re.compile(r"[A-Za-z0-9]+")
ADDRESS = re.compile(r"\w+://\S+")
# Attributes a reader sees or hears. Other attributes (addresses, ids, tokens, dates for machines) are not.
SHOWN_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "data-awaiting"}
# Text inside these is not the page's: scripts and styles are for the browser, a textarea holds what the
# reader typed (sent back unchanged).
UNSHOWN = {"script", "style", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    """The texts a reader sees on a page in `language`, each with the tag it is in."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # (tag, whether its text is the page's)
        self.texts: list[tuple[str, str]] = []

    def _shown(self) -> bool:
        return all(shown for _tag, shown in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang")
        shown = tag not in UNSHOWN and (lang is None or tag == "html" or lang == self.language)
        if shown and self._shown():
            for name in SHOWN_ATTRIBUTES & attributes.keys():
                self.texts.append((f"{tag}[{name}]", attributes[name] or ""))
            if tag == "input" and attributes.get("type") in ("submit", "button"):
                self.texts.append((f"{tag}[value]", attributes.get("value") or ""))
        if tag not in VOID:
            self.stack.append((tag, shown))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if data.strip() and self._shown():
            self.texts.append((self.stack[-1][0] if self.stack else "", data.strip()))


def foreign_words(html: str, language: str) -> list[str]:
    """What a reader of a page in `language` ("en" or "fa") would see in the other script."""
    reader = _Reader(language)
    reader.feed(html)
    other = PERSIAN if language == "en" else LATIN
    found = []
    for where, text in reader.texts:
        found += [f"{where}: {word!r} in {text[:80]!r}" for word in other.findall(ADDRESS.sub("", text))]
    return found


def test_the_walk_finds_the_other_script_where_a_reader_sees_it():
    page = (
        '<html lang="en"><head><title>News ۱</title><script>var a = "خبر";</script></head><body>'
        '<a lang="fa" href="/">فارسی</a><img alt="عکس"><p>Text <b>خبر</b></p><br><p>http://x.ir/خبر</p>'
        '<textarea>خبر</textarea><p data-awaiting="در انتظار">Later</p></body></html>'
    )
    assert list(dict.fromkeys(found.split(":")[0] for found in foreign_words(page, "en"))) == [
        "title",
        "img[alt]",
        "b",
        "p[data-awaiting]",
    ]
    assert foreign_words(
        '<html lang="fa"><body><p>خبر ۱۲ <a lang="en">English</a> 12</p></body></html>', "fa"
    )


def _section(persian: str, english: str) -> Section:
    section = Section(slug=f"section-{english.lower()}")
    section.set_current_language("fa")
    section.name = persian
    section.set_current_language("en")
    section.name = english
    section.save()
    return section


def _english_site(settings, monkeypatch):
    """An English article with a two-page thread of every kind of comment, and one held comment."""
    from comments import services

    monkeypatch.setattr(services, "THREAD_PAGE_SIZE", 2)
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    source = make_organization(name="شیرازه", slug="shiraze")
    source.set_current_language("en")
    source.name = "Shiraze agency"
    source.save()
    article = make_article(
        language="en",
        title="Fars judiciary opens 12 e-service offices",
        kicker="Judiciary",
        lead="The head of the Fars judiciary spoke on 3 June.",
        body="<p>Among the pioneers of electronic services in 2020, with 11 courts.</p>",
        section=_section("قضایی", "Judiciary"),
        source=source,
        published_at=datetime(2020, 6, 3, 8, 0, tzinfo=UTC),
        officials=[make_official(name="A. Official")],
    )
    official = make_official(name="B. Official")
    top = make_comment(article, name="", body="First comment, 12 words", likes=12)
    make_comment(article, parent=top, body="Newsroom answer", is_staff_reply=True)
    make_comment(article, parent=top, body="Official answer", is_official_reply=True, official=official)
    make_comment(article, name="Reader", body="Second comment")
    make_comment(article, name="Later", body="Third comment")
    make_comment(article, status=Comment.Status.PENDING, body="Held comment")
    with translation.override("en"):
        article.set_current_language("en")
        url = article.get_absolute_url()
    assert url.startswith("/en/")
    return article, url, top


def _english_pages(client: Client, article, url: str, top: Comment) -> dict[str, str]:
    """Every page and message of the comments on an English article, as the reader meets them."""
    with translation.override("en"):
        post_url = reverse("comments:post", args=[article.news_code])
        vote_url = reverse("comments:vote", args=[top.pk])
        report_url = reverse("comments:report", args=[top.pk])
        reply_url = reverse("comments:reply", args=[top.pk])
        missing_vote_url = reverse("comments:vote", args=[999999])
    pages = {"article": client.get(f"{url}?reply={top.pk}")}
    pages["after posting"] = client.post(post_url, form_data(article, body="A new comment"), follow=True)
    pages["after voting"] = client.post(vote_url, {"value": "like"}, follow=True)
    pages["after reporting"] = client.post(report_url, {"reason": "spam"}, follow=True)
    pages["form with an error"] = client.post(post_url, form_data(article, body="Long " * 300))
    pages["form without a token"] = client.post(post_url, form_data(article, ts="forged"))
    pages["reply page"] = client.get(reply_url)
    pages["report page"] = client.get(report_url)
    pages["report without a reason"] = client.post(report_url, {"reason": "nonsense"}, REMOTE_ADDR="10.0.0.9")
    pages["notice page"] = client.post(missing_vote_url, {"value": "like"})
    return {name: response.content.decode() for name, response in pages.items()}


def test_english_article_and_comment_pages_have_no_persian(reader_client, settings, monkeypatch):
    article, url, top = _english_site(settings, monkeypatch)
    pages = _english_pages(reader_client, article, url, top)
    for name, html in pages.items():
        assert foreign_words(html, "en") == [], name
    article_page = pages["article"]
    # What the walk read is there, in English, with Latin digits; dates Gregorian first.
    for english in (
        "Readers' comments",
        "Published:",
        "Anonymous",
        "Newsroom's reply",
        "In reply to",
        "Page 1",
    ):
        assert english in article_page.replace("&#x27;", "'"), english
    assert "3 June 2020, 12:30" in article_page and "(14 Khordad 1399, Iranian calendar)" in article_page
    assert (
        '<span data-count="pending">1</span>' in article_page and "<span data-likes>12</span>" in article_page
    )
    assert "Your comment was received" in pages["after posting"]
    assert (
        "Your vote was counted." in pages["after voting"] and 'aria-pressed="true"' in pages["after voting"]
    )
    assert "A moderator will look at this comment." in pages["after reporting"]
    assert "A comment can be at most 1200 characters" in pages["form with an error"]
    assert "Report a comment" in pages["report page"]


def test_english_answers_to_comments_js_are_english(reader_client, settings, monkeypatch):
    article, _url, top = _english_site(settings, monkeypatch)
    with translation.override("en"):
        post_url = reverse("comments:post", args=[article.news_code])
        vote_url = reverse("comments:vote", args=[top.pk])
    answers = [
        reader_client.post(post_url, form_data(article, body="A comment"), HTTP_ACCEPT="application/json"),
        reader_client.post(post_url, form_data(article, body=""), HTTP_ACCEPT="application/json"),
        reader_client.post(vote_url, {"value": "like"}, HTTP_ACCEPT="application/json"),
        reader_client.post(vote_url, {"value": "like"}, HTTP_ACCEPT="application/json"),
    ]
    messages = [answer.json().get("message", "") + str(answer.json().get("errors", "")) for answer in answers]
    assert "Your comment was received" in messages[0] and "This field is required." in messages[1]
    assert messages[2:] == ["Your vote was counted.", "Your vote was withdrawn."]
    assert not PERSIAN.search(" ".join(messages))


def test_an_english_article_whose_comments_all_await_review_says_so(reader_client):
    article = make_article(language="en", title="Judiciary news", lead="A lead.", body="<p>A body.</p>")
    make_comment(article, status=Comment.Status.PENDING, body="Held")
    with translation.override("en"):
        article.set_current_language("en")
        html = reader_client.get(article.get_absolute_url()).content.decode()
    assert "awaiting a moderator's review" in html and "No comments yet." not in html
    assert foreign_words(html, "en") == []


def _persian_site(settings, monkeypatch):
    """The same, in Persian, with Latin digits in the stored text (as press releases bring them)."""
    from comments import services

    monkeypatch.setattr(services, "THREAD_PAGE_SIZE", 2)
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    article = make_article(
        title="گشایش 12 دفتر خدمات الکترونیک قضایی",
        kicker="دادگستری فارس:",
        lead="رئیس کل دادگستری فارس در 15 خرداد سخن گفت.",
        body='<p>در سال 1399 با 11 دادگاه، <a href="/news/12/">خبر 12</a></p>',
        section=_section("قضایی", "Judiciary"),
        source=make_organization(name="شیرازه"),
        published_at=datetime(2020, 6, 3, 8, 0, tzinfo=UTC),
        officials=[make_official(name="سید کاظم موسوی")],
    )
    official = make_official(name="مقام پاسخ‌دهنده")
    top = make_comment(article, name="", body="نظر نخست با 12 واژه", likes=12)
    make_comment(article, parent=top, body="پاسخ تحریریه", is_staff_reply=True)
    make_comment(article, parent=top, body="جوابیه", is_official_reply=True, official=official)
    make_comment(article, name="خواننده 2", body="نظر دوم")
    make_comment(article, name="خواننده", body="نظر سوم")
    make_comment(article, status=Comment.Status.PENDING, body="نظر در انتظار")
    return article, article.get_absolute_url(), top


def _main(html: str) -> str:
    """The page's own content: the header and footer around it are the site's (its name, the feed's
    RSS) and are not the comments' to decide; nor are the share links' brand names, which have a
    block of their own."""
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r'<ul class="share-links">.*?</ul>', "", main, flags=re.S)


def test_persian_article_and_comment_pages_have_no_latin_words_or_digits(
    reader_client, settings, monkeypatch
):
    article, url, top = _persian_site(settings, monkeypatch)
    post_url = reverse("comments:post", args=[article.news_code])
    vote_url = reverse("comments:vote", args=[top.pk])
    report_url = reverse("comments:report", args=[top.pk])
    pages = {
        "article": reader_client.get(f"{url}?reply={top.pk}"),
        "after posting": reader_client.post(post_url, form_data(article, body="نظر تازه"), follow=True),
        "after voting": reader_client.post(vote_url, {"value": "dislike"}, follow=True),
        "after reporting": reader_client.post(report_url, {"reason": "spam"}, follow=True),
        "form with an error": reader_client.post(post_url, form_data(article, body="خ" * 1300)),
        "form without a token": reader_client.post(post_url, form_data(article, ts="forged")),
        "reply page": reader_client.get(reverse("comments:reply", args=[top.pk])),
        "report page": reader_client.get(report_url),
        "notice page": reader_client.post(reverse("comments:vote", args=[999999]), {"value": "like"}),
    }
    for name, response in pages.items():
        html = response.content.decode()
        title = re.search(r"<title>.*?</title>", html, re.S).group()
        assert foreign_words(title + _main(html), "fa") == [], name
    article_page = pages["article"].content.decode()
    assert "گشایش ۱۲ دفتر" in article_page and "در ۱۵ خرداد" in article_page
    assert (
        '<p>در سال ۱۳۹۹ با ۱۱ دادگاه، <a href="/news/12/"' in article_page and ">خبر ۱۲</a>" in article_page
    )
    assert "نظر نخست با ۱۲ واژه" in article_page and "خواننده ۲" in article_page
    assert 'aria-pressed="true"' in pages["after voting"].content.decode()
    assert "۱۲۰۰" in pages["form with an error"].content.decode()
