from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def test_front_page_is_persian_right_to_left_and_lists_published_articles(reader_client):
    make_article(title="خبر منتشر شده")
    make_article(title="پیش‌نویس محرمانه", status=Article.Status.DRAFT)
    make_article(title="خبر زمان‌بندی شده", published_at=timezone.now() + timedelta(days=1))
    html = reader_client.get("/").content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert "خبر منتشر شده" in html
    assert "پیش‌نویس محرمانه" not in html and "خبر زمان‌بندی شده" not in html


def test_article_page_shows_kicker_headline_lead_and_body(reader_client):
    article = make_article(kicker="روتیتر:", title="تیتر", lead="لید", body="<p>بند اول</p>")
    response = reader_client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<p class="kicker">روتیتر:</p>' in html and "<h1>تیتر</h1>" in html
    assert '<p class="lead">لید</p>' in html and "<p>بند اول</p>" in html


def test_wrong_or_missing_slug_redirects_permanently_to_the_canonical_url(reader_client):
    article = make_article(title="دادگستری فارس")
    canonical = article.get_absolute_url()
    assert unquote(canonical) == f"/news/{article.news_code}/دادگستری-فارس/"
    for url in (f"/news/{article.news_code}/wrong/", f"/news/{article.news_code}/"):
        response = reader_client.get(url)
        assert response.status_code == 301 and response["Location"] == canonical
    short = reader_client.get(reverse("articles:short", args=[article.news_code]))
    assert short.status_code == 301 and short["Location"] == canonical


def test_drafts_are_not_found_by_readers_but_staff_can_preview(reader_client, editor_client):
    draft = make_article(title="پیش‌نویس", status=Article.Status.DRAFT)
    assert reader_client.get(draft.get_absolute_url()).status_code == 404
    assert reader_client.get(reverse("articles:short", args=[draft.news_code])).status_code == 404
    preview = editor_client.get(draft.get_absolute_url())
    assert preview.status_code == 200 and preview["Cache-Control"] == "private, no-store"


def test_article_page_has_the_viewers_comments_section_with_published_comments_only(reader_client):
    from comments.models import Comment

    article = make_article()
    Comment.objects.create(article=article, body="نظر منتشر شده", status=Comment.Status.PUBLISHED)
    Comment.objects.create(article=article, body="نظر در انتظار", status=Comment.Status.PENDING)
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert fa("Readers' comments") in html
    assert "نظر منتشر شده" in html and "نظر در انتظار" not in html
