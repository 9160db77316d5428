"""Every string the comments app shows goes through gettext: Persian on Persian pages and in the admin,
English under /en/. Why the defences held a comment is stored as a code, translated when shown."""

import importlib
import re
from html import unescape

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from comments import services
from comments.models import Comment, WordRule
from tests.comments.helpers import make_comment, post
from tests.factories import make_article, make_official
from tests.i18n import fa

pytestmark = pytest.mark.django_db

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
codes = importlib.import_module("comments.migrations.0006_hold_reason_codes")


def test_a_hold_reason_is_stored_as_a_code_whatever_the_readers_language(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    WordRule.objects.create(word="bribe", kind=WordRule.Kind.SUSPECT)
    with translation.override("en"):
        post(reader_client, article, body="He spoke of a bribe")
    held = Comment.objects.get()
    assert held.status == Comment.Status.PENDING and held.hold_reason == "suspect_word"
    with translation.override("en"):
        assert held.get_hold_reason_display() == "contains a suspect word"


def test_the_persian_admin_shows_hold_reasons_in_persian(moderator_client, article):
    make_comment(article, status=Comment.Status.PENDING, hold_reason=Comment.HoldReason.TOO_MANY_LINKS)
    rejected = make_comment(
        article, status=Comment.Status.REJECTED, hold_reason=Comment.HoldReason.BANNED_WORD
    )
    queue = moderator_client.get(reverse("admin:comments_pendingcomment_changelist")).content.decode()
    assert fa("too many links") in queue and "too_many_links" not in queue
    change = moderator_client.get(
        reverse("admin:comments_comment_change", args=[rejected.pk])
    ).content.decode()
    assert fa("contains a banned word") in change and "banned_word" not in change


def test_a_comment_the_defences_rejected_needs_no_moderators_reason(article, moderator):
    rejected = make_comment(
        article, status=Comment.Status.REJECTED, hold_reason=Comment.HoldReason.BANNED_WORD
    )
    rejected.full_clean()
    # A moderator's rejection still needs the moderator's own words.
    approved = services.approve_comment(comment=rejected, moderator=moderator)
    with pytest.raises(services.CommentRefused):
        services.reject_comment(comment=approved, moderator=moderator, reason="")


def test_the_migration_maps_stored_texts_in_either_language_to_codes(article):
    english = make_comment(article, status=Comment.Status.PENDING, hold_reason="too many links")
    persian = make_comment(
        article, status=Comment.Status.PENDING, hold_reason="گزارش\u200cشده توسط خوانندگان"
    )
    banned = make_comment(
        article,
        status=Comment.Status.REJECTED,
        hold_reason="دارای واژه ممنوع",
        rejection_reason="دارای واژه ممنوع",
    )
    other = make_comment(article, status=Comment.Status.PENDING, hold_reason="something else")
    codes.to_codes(apps, None)
    for comment in (english, persian, banned, other):
        comment.refresh_from_db()
    assert english.hold_reason == "too_many_links" and persian.hold_reason == "reported"
    assert (banned.hold_reason, banned.rejection_reason) == ("banned_word", "")
    assert other.hold_reason == "something else"
    codes.to_texts(apps, None)
    banned.refresh_from_db()
    assert (banned.hold_reason, banned.rejection_reason) == ("دارای واژه ممنوع", "دارای واژه ممنوع")


@pytest.fixture
def english_thread(monkeypatch):
    """An English article whose thread has every kind of comment, and two pages."""
    monkeypatch.setattr(services, "THREAD_PAGE_SIZE", 2)
    article = make_article(language="en", title="Judiciary news", lead="A lead.", body="<p>A body.</p>")
    official = make_official(name="A. Official")
    top = make_comment(article, name="", body="First comment", likes=12)
    make_comment(article, parent=top, body="Newsroom answer", is_staff_reply=True)
    make_comment(article, parent=top, body="Official answer", is_official_reply=True, official=official)
    make_comment(article, name="Reader", body="Second comment")
    make_comment(article, name="Later", body="Third comment")
    make_comment(article, status=Comment.Status.PENDING, body="Held comment")
    with translation.override("en"):
        article.set_current_language("en")
        return article, article.get_absolute_url(), top


def test_the_comment_block_of_an_english_page_is_all_english(reader_client, english_thread):
    article, url, top = english_thread
    assert url.startswith("/en/")
    page = unescape(reader_client.get(f"{url}?reply={top.pk}").content.decode())
    block = page[page.index('id="comments"') : page.index("</section>", page.index('id="comments"'))]
    for english in (
        "Readers' comments",
        "Published:",
        "Anonymous",
        "The newsroom",
        "Newsroom's reply",
        "Official's reply",
        "In reply to",
        "Page 1 of 2",
        "Send",
    ):
        assert english in block, english
    assert '<span data-count="published">5</span>' in block and "<span data-likes>12</span>" in block
    persian = ARABIC_SCRIPT.findall(block)
    assert not persian, "".join(persian)


def test_the_notice_page_has_an_english_title_under_en(reader_client, article):
    with translation.override("en"):
        response = reader_client.post(reverse("comments:vote", args=[999999]), {"value": "like"})
    assert response.status_code == 404
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
    assert "Readers' comments" in title and not ARABIC_SCRIPT.search(title)
