"""The Nu HTML checker (npm vnu-jar, on the machine's Java) finds no errors in the reader pages."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone, translation

from articles.models import DailyViewCount
from articles.services import create_preview_link
from tests.browser.helpers import ROOT, html_errors, need_npm_tool
from tests.browser.seed import add_english, build_seed_site
from tests.factories import (
    attach_image,
    image_bytes,
    make_article,
    make_footer_page,
    make_tag,
    set_identity,
)

pytestmark = pytest.mark.django_db


def test_reader_pages_are_valid_html(reader_client, tmp_path, django_capture_on_commit_callbacks):
    site = build_seed_site()
    with django_capture_on_commit_callbacks(execute=True):
        # Urgent and read today, in the seed's section: its photo is in the lists (front, section,
        # search), its headline in the urgent bar and the most-read block.
        with_photo = attach_image(
            make_article(
                title="خبر با عکس قضایی",
                body='<p>متن</p><p><img src="/media/body/2026/01/ab-1200x800.jpg" alt="عکس"></p>',
                section=site.article.section,
                urgent=True,
                published_at=timezone.now(),
            ),
            data=image_bytes(1600, 1000),
        )
    make_article(title="خبر مرتبط", officials=[site.official], section=site.article.section)
    tag = make_tag("خدمات الکترونیک قضایی")
    tag.set_current_language("en")
    tag.name = "Electronic judicial services"
    tag.save()
    site.article.tags.add(tag, make_tag("دادگستری فارس"))
    for article, count in ((site.article, 4), (with_photo, 9)):
        DailyViewCount.objects.create(article=article, day=timezone.localdate(), views=count)
    add_english(site.article)
    about = make_footer_page(title="درباره ما", slug="درباره-ما", body="<h2>ما</h2><p>خبرگزاری استانی</p>")
    about.set_current_language("en")
    about.title, about.slug, about.body = "About us", "about-us", "<p>A provincial newsroom.</p>"
    about.save()
    set_identity(
        name_fa="خبرگزاری شیرازه", tagline_fa="اخبار استان فارس", logo=image_bytes(300, 100, fmt="PNG")
    )
    with translation.override("en"):
        site.article.set_current_language("en")
        english_url = site.article.get_absolute_url()
    site.article.set_current_language("fa")
    urls = {
        "front": "/",
        "article": site.article.get_absolute_url(),
        "article-en": english_url,
        "article-photo": with_photo.get_absolute_url(),
        "print": f"/news/{site.article.news_code}/print/",
        "print-photo": f"/news/{with_photo.news_code}/print/",
        "footer-page": "/pages/درباره-ما/",
        "footer-page-en": "/en/pages/about-us/",
        "official": site.official.get_absolute_url(),
        "organization": site.council.get_absolute_url(),
        "section": site.article.section.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "tag-en": "/en" + tag.get_absolute_url(),
        "search": "/search/?" + urlencode({"q": "قضایی"}),
        "search-error": "/search/?q=",
        "not-found": "/news/999999/x/",
    }
    pages = {}
    for name, url in urls.items():
        response = reader_client.get(url)
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        pages[name] = response.content.decode()
    assert "<mark>" in pages["search"]  # the checker sees the highlighted results, not an empty page
    # And every block: thumbnails, the urgent bar, most read.
    assert all('class="thumb"' in pages[name] for name in ("front", "section", "search")), pages.keys()
    assert all('class="urgent-bar"' in pages[name] for name in ("front", "article", "section", "not-found"))
    assert 'class="most-read"' in pages["front"] and 'class="most-read"' in pages["article-photo"]
    assert '<p class="today">' in pages["article-en"]
    errors = html_errors(pages, tmp_path)
    assert {name: found for name, found in errors.items() if found} == {}


def test_preview_pages_are_valid_html(editor_client, chief_editor, tmp_path):
    site = build_seed_site(published_at=timezone.now() + timedelta(days=1))
    pages = {
        "staff-preview": editor_client.get(site.article.get_absolute_url()).content.decode(),
        "staff-print-preview": editor_client.get(f"/news/{site.article.news_code}/print/").content.decode(),
        "link-preview": Client()
        .get(create_preview_link(article=site.article, user=chief_editor).path)
        .content.decode(),
    }
    assert all('class="preview-banner"' in html for html in pages.values())
    errors = html_errors(pages, tmp_path)
    assert {name: found for name, found in errors.items() if found} == {}


def test_the_checker_reports_errors(tmp_path):
    """Guards the guard: a broken page must come back with errors, or the test above proves nothing."""
    errors = html_errors({"broken": "<!DOCTYPE html><html lang=fa><title>x</title><p><div></span>"}, tmp_path)
    assert errors["broken"]


def test_missing_npm_tools_fail_when_ci_requires_them(monkeypatch):
    monkeypatch.setenv("NEWSROOM_REQUIRE", "npm")
    with pytest.raises(pytest.fail.Exception, match="npm is required"):
        need_npm_tool(ROOT / "node_modules" / "no-such-tool.js")
    monkeypatch.setenv("NEWSROOM_REQUIRE", "")
    with pytest.raises(pytest.skip.Exception):
        need_npm_tool(ROOT / "node_modules" / "no-such-tool.js")
