"""Previews: staff looking at an article readers cannot see yet, and signed preview links for people
without an account (articles/preview.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import preview, services, viewcount
from articles.models import Article
from tests.factories import make_article
from tests.i18n import fa

pytestmark = pytest.mark.django_db

TEHRAN = timezone.get_fixed_timezone(210)
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TEHRAN)  # 10 Azar 1405


def views_of(article: Article) -> int:
    return Article.objects.values_list("view_count", flat=True).get(pk=article.pk)


def banner_of(html: str) -> str:
    assert html.count('class="preview-banner"') == 1, "one preview banner"
    return html.split('class="preview-banner"')[1].split("</div>")[0]


@pytest.fixture
def no_view_counting(monkeypatch):
    def refuse(request, article):
        raise AssertionError("a preview must not count a view")

    monkeypatch.setattr(viewcount, "record_view", refuse)


def assert_not_for_readers(response) -> None:
    """What every preview response carries, by staff address or by signed link."""
    html = response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert 'class="share-links"' not in html and "t.me/share" not in html
    short = reverse("articles:short", kwargs={"code": response.context["article"].news_code})
    assert short not in html and fa("Short link") not in html
    # No comment thread, form, votes or reports, and no view count.
    assert 'id="comments"' not in html and "comment-votes" not in html
    assert fa("Views") not in html


# Staff at the article's own address ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "state"), [(Article.Status.DRAFT, "State: draft"), (Article.Status.REVIEW, "State: in review")]
)
def test_staff_see_a_persian_preview_banner_with_the_state(editor_client, no_view_counting, status, state):
    article = make_article(title="خبر دیده‌نشده", status=status)
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    banner = banner_of(response.content.decode())
    assert 'role="status"' in banner
    assert fa("Preview — this article is not published") == "پیش‌نمایش — این خبر منتشر نشده است"
    assert fa("Preview — this article is not published") in banner and fa(state) in banner
    assert_not_for_readers(response)
    assert views_of(article) == 0


def test_a_scheduled_article_says_when_in_jalali_with_persian_digits(chief_client, no_view_counting):
    with time_machine.travel(NOW, tick=False):
        article = make_article(published_at=datetime(2026, 12, 5, 10, 0, tzinfo=TEHRAN))
        assert article.is_scheduled
        response = chief_client.get(article.get_absolute_url())
    banner = banner_of(response.content.decode())
    assert fa("Scheduled for %(time)s") % {"time": "۱۴ آذر ۱۴۰۵ - ۱۰:۰۰"} in banner
    assert_not_for_readers(response)


def test_a_live_article_seen_by_staff_is_the_normal_page(editor_client):
    article = make_article()
    response = editor_client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "preview-banner" not in html and "noindex" not in html and "X-Robots-Tag" not in response
    assert 'class="share-links"' in html and reverse("articles:short", args=[article.news_code]) in html
    assert "no-store" not in response.get("Cache-Control", "")
    assert views_of(article) == 1


def test_readers_still_get_a_404_for_a_draft(reader_client):
    assert reader_client.get(make_article(status=Article.Status.DRAFT).get_absolute_url()).status_code == 404


# Signed preview links ------------------------------------------------------------------------------


def link_for(article: Article, chief) -> str:
    return services.create_preview_link(article=article, user=chief).path


def test_a_signed_link_shows_the_preview_without_an_account(chief_editor, no_view_counting):
    article = make_article(title="نقل قول برای بررسی", status=Article.Status.REVIEW)
    with time_machine.travel(NOW, tick=False):
        path = link_for(article, chief_editor)
        response = Client(HTTP_ACCEPT_LANGUAGE="en").get(path)  # the page is Persian whatever the browser
    assert response.status_code == 200
    html = response.content.decode()
    assert "نقل قول برای بررسی" in html and 'lang="fa" dir="rtl"' in html
    banner = banner_of(html)
    assert fa("State: in review") in banner and "۱۲ آذر ۱۴۰۵ - ۰۹:۰۰" in banner  # 48 hours on
    assert_not_for_readers(response)
    assert response["Referrer-Policy"] == "no-referrer"
    # Nothing an outsider could follow back into the site's unpublished pages.
    assert reverse("articles:print", kwargs={"code": article.news_code}) not in html
    assert views_of(article) == 0


def test_a_signed_link_expires(chief_editor, settings):
    settings.NEWSROOM_PREVIEW_HOURS = 2
    article = make_article(status=Article.Status.DRAFT)
    with time_machine.travel(NOW, tick=False):
        path = link_for(article, chief_editor)
    with time_machine.travel(NOW + timedelta(hours=1, minutes=59), tick=False):
        assert Client().get(path).status_code == 200
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        assert Client().get(path).status_code == 404


def test_a_longer_setting_later_does_not_revive_an_expired_link(chief_editor, settings):
    settings.NEWSROOM_PREVIEW_HOURS = 1
    article = make_article(status=Article.Status.DRAFT)
    with time_machine.travel(NOW, tick=False):
        path = link_for(article, chief_editor)
    settings.NEWSROOM_PREVIEW_HOURS = 48
    with time_machine.travel(NOW + timedelta(hours=3), tick=False):
        assert Client().get(path).status_code == 404


def test_a_tampered_link_is_a_404(chief_editor):
    article = make_article(status=Article.Status.DRAFT)
    other = make_article(status=Article.Status.DRAFT)
    token = link_for(article, chief_editor).split("/")[-2]
    last = "A" if token[-1] != "A" else "B"
    forged_payload = {"a": other.pk, "n": other.preview_nonce, "e": int(NOW.timestamp()) + 10**9}
    forgeries = [
        token[:-1] + last,  # the signature changed
        token + "x",
        "not-a-token",
        signing.dumps(forged_payload, salt="another.salt"),  # signed, but for something else
        signing.dumps({"a": other.pk}, salt=preview.SALT),  # the right salt, a payload missing fields
    ]
    for forged in forgeries:
        assert Client().get(reverse("article-preview", kwargs={"token": forged})).status_code == 404, forged


def test_revoking_ends_every_link_and_a_new_one_works(chief_editor):
    article = make_article(status=Article.Status.DRAFT)
    first, second = link_for(article, chief_editor), link_for(article, chief_editor)
    services.revoke_preview_links(article=article, user=chief_editor)
    assert Client().get(first).status_code == 404 and Client().get(second).status_code == 404
    article.refresh_from_db()
    assert Client().get(link_for(article, chief_editor)).status_code == 200


def test_a_deleted_article_link_is_a_404(chief_editor):
    article = make_article(status=Article.Status.DRAFT)
    path = link_for(article, chief_editor)
    article.delete()
    assert Client().get(path).status_code == 404


def test_once_the_article_is_live_the_link_leads_to_the_public_page(chief_editor):
    """The decision: a live article is public anyway, so the link stops being a preview and sends the
    official to the page readers see (302, not cached: the article may be taken down again)."""
    with time_machine.travel(NOW, tick=False):
        article = make_article(status=Article.Status.DRAFT)
        path = link_for(article, chief_editor)
        services.publish_article(article=article, editor=chief_editor, at=NOW + timedelta(hours=3))
        assert Client().get(path).status_code == 200  # scheduled: still a preview
    with time_machine.travel(NOW + timedelta(hours=3), tick=False):
        response = Client().get(path)
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert response["Cache-Control"] == "private, no-store"


def test_robots_txt_disallows_previews(reader_client):
    assert "Disallow: /preview/\n" in reader_client.get(reverse("robots")).content.decode()


# Who may make and revoke links ---------------------------------------------------------------------


def test_an_editor_cannot_create_or_revoke_links(editor):
    article = make_article(status=Article.Status.DRAFT)
    nonce = article.preview_nonce
    with pytest.raises(PermissionDenied):
        services.create_preview_link(article=article, user=editor)
    with pytest.raises(PermissionDenied):
        services.revoke_preview_links(article=article, user=editor)
    assert Article.objects.get(pk=article.pk).preview_nonce == nonce


def test_no_link_for_an_article_already_live(chief_editor):
    with pytest.raises(ValidationError):
        services.create_preview_link(article=make_article(), user=chief_editor)


def admin_link_url(article: Article) -> str:
    return reverse("admin:articles_article_preview_link", args=[article.pk])


def test_an_editor_gets_no_preview_link_in_the_admin(editor_client):
    article = make_article(status=Article.Status.DRAFT)
    change = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert change.status_code == 200 and admin_link_url(article) not in change.content.decode()
    assert editor_client.get(admin_link_url(article)).status_code == 403
    assert editor_client.post(admin_link_url(article), {"action": "create"}).status_code == 403
    assert editor_client.post(admin_link_url(article), {"action": "revoke"}).status_code == 403


def test_a_chief_editor_makes_a_link_in_the_admin_that_works_and_revokes_it(chief_client):
    article = make_article(status=Article.Status.DRAFT)
    change = chief_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert admin_link_url(article) in change.content.decode()
    page = chief_client.get(admin_link_url(article)).content.decode()
    assert fa("Create a preview link") == "ساخت پیوند پیش‌نمایش" and fa("Create a preview link") in page
    assert fa("Revoke this article's preview links") in page

    made = chief_client.post(admin_link_url(article), {"action": "create"})
    assert made.status_code == 200
    url = made.context["link_url"]
    assert url.startswith("http://testserver/preview/") and f'value="{url}"' in made.content.decode()
    assert Client().get(url).status_code == 200

    revoked = chief_client.post(admin_link_url(article), {"action": "revoke"}, follow=True)
    assert fa("Every preview link of this article now stops working.") in revoked.content.decode()
    assert Client().get(url).status_code == 404


def test_asking_the_admin_for_a_link_to_a_live_article_is_refused_with_a_reason(chief_client):
    article = make_article()
    response = chief_client.post(admin_link_url(article), {"action": "create"})
    assert response.status_code == 400 and response.context["link"] is None
    assert fa("This article is already on the site; send its address instead.") in response.content.decode()
