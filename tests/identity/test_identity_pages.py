"""Reader pages read the site's identity: header, footer, <title>, Open Graph, JSON-LD, feeds, the print
view and the drawn social card; the footer's pages have their own addresses in each language."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from articles import cards, extensions
from articles.models import Article
from tests.factories import (
    attach_image,
    image_bytes,
    make_article,
    make_footer_page,
    make_section,
    set_identity,
)
from tests.i18n import fa

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _persian():
    """Addresses are built in Persian: an earlier test's request to /en/ leaves English active."""
    with translation.override("fa"):
        yield


def meta(html: str, key: str) -> str:
    return re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html).group(1)


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_a_fresh_site_shows_the_defaults_from_settings(reader_client):
    article = make_article(title="خبر نخست")
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert title(html) == f"خبر نخست - {fa('Newsroom')}"
    assert meta(html, "og:site_name") == fa("Newsroom")
    assert '<span class="site-name">' + fa("Newsroom") in html
    english = reader_client.get("/en/").content.decode()
    assert title(english) == "Newsroom - Regional news"


def test_pages_read_the_edited_identity(reader_client):
    set_identity(
        name_fa="خبرگزاری شیرازه",
        tagline_fa="اخبار استان فارس",
        name_en="Shiraze News",
        tagline_en="Fars province news",
        logo=image_bytes(900, 300, fmt="PNG"),
    )
    article = make_article(title="خبر نخست")
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert title(html) == "خبر نخست - خبرگزاری شیرازه"
    assert meta(html, "og:site_name") == "خبرگزاری شیرازه"
    assert (
        '<span class="site-name">خبرگزاری شیرازه</span><span class="site-tagline">اخبار استان فارس</span>'
        in html
    )
    # The logo, fitted on upload into 720×240, under a name that is not the uploader's.
    logo = re.search(
        r'<img class="site-logo" src="(/media/identity/[0-9a-f]{20}\.png)" alt=""'
        r' width="(\d+)" height="(\d+)">',
        html,
    )
    assert logo and (logo.group(2), logo.group(3)) == ("720", "240")
    assert fa("All rights reserved for %(name)s.") % {"name": "خبرگزاری شیرازه"} in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert data["publisher"]["name"] == "خبرگزاری شیرازه"
    assert data["publisher"]["logo"]["url"] == "http://testserver" + logo.group(1)
    front = reader_client.get("/").content.decode()
    assert title(front) == "خبرگزاری شیرازه - اخبار استان فارس"
    english = reader_client.get("/en/").content.decode()
    assert title(english) == "Shiraze News - Fars province news" and "خبرگزاری شیرازه" not in english


def test_an_empty_field_falls_back_to_the_default_in_that_language(reader_client):
    set_identity(name_fa="خبرگزاری شیرازه")
    assert title(reader_client.get("/en/").content.decode()) == "Newsroom - Regional news"


def test_the_identity_is_escaped_everywhere(reader_client):
    set_identity(name_fa='<script>alert("x")</script>', tagline_fa="<b>بولد</b>")
    article = make_article()
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<b>بولد</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_feed_and_the_news_sitemap_carry_the_name(reader_client):
    set_identity(name_fa="خبرگزاری شیرازه")
    make_article()
    feed = reader_client.get("/feed/").content.decode()
    assert "<title>" + fa("%(site)s: latest news") % {"site": "خبرگزاری شیرازه"} + "</title>" in feed
    assert "<news:name>خبرگزاری شیرازه</news:name>" in reader_client.get("/sitemap-news.xml").content.decode()


# The footer's pages -------------------------------------------------------------------------------


def test_footer_pages_are_listed_in_their_languages_and_have_their_own_addresses(reader_client):
    about = make_footer_page(title="درباره ما", slug="درباره-ما", position=1)
    about.set_current_language("en")
    about.title, about.slug, about.body = "About us", "about-us", "<p>A provincial newsroom.</p>"
    about.save()
    make_footer_page(title="تماس با ما", slug="تماس", position=2)  # Persian only
    make_footer_page(title="پنهان", slug="پنهان", in_footer=False)

    html = reader_client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert footer.index("درباره ما") < footer.index("تماس با ما") and "پنهان" not in footer
    english = reader_client.get("/en/").content.decode()
    footer = english[english.index('<footer class="site-footer">') :]
    assert '<a href="/en/pages/about-us/">About us</a>' in footer and "تماس" not in footer

    page = reader_client.get("/pages/درباره-ما/")
    assert page.status_code == 200
    text = page.content.decode()
    assert '<html lang="fa" dir="rtl">' in text and "<h1>درباره ما</h1>" in text
    assert title(text) == f"درباره ما - {fa('Newsroom')}"
    assert 'hreflang="en" href="http://testserver/en/pages/about-us/"' in text
    en_page = reader_client.get("/en/pages/about-us/").content.decode()
    assert '<html lang="en" dir="ltr">' in en_page and "<h1>About us</h1>" in en_page
    # A page exists only in the languages it is written in; one left out of the footer keeps its address.
    assert reader_client.get("/en/pages/تماس/").status_code == 404
    assert reader_client.get("/pages/about-us/").status_code == 404
    assert reader_client.get("/pages/پنهان/").status_code == 200


def test_a_footer_page_costs_two_queries(reader_client, django_assert_num_queries):
    make_section()
    make_footer_page(title="درباره ما", slug="درباره-ما")
    reader_client.get("/pages/درباره-ما/")  # the identity, forgotten when the page was saved, cached again
    # The page and its translations, the header's sections and their translations, and the urgent bar
    # every reader page carries (articles/frontpage.py: one query).
    with django_assert_num_queries(5):
        assert reader_client.get("/pages/درباره-ما/").status_code == 200


def test_a_footer_page_body_is_sanitized_whatever_saves_it(reader_client):
    make_footer_page(slug="x", body='<p>متن</p><script>alert(1)</script><img src="x" onerror="alert(2)">')
    html = reader_client.get("/pages/x/").content.decode()
    assert "alert(" not in html and "<p>متن</p>" in html


# The print view -----------------------------------------------------------------------------------


def test_the_print_view_carries_the_site_the_photo_and_the_short_link(
    reader_client, django_capture_on_commit_callbacks
):
    set_identity(name_fa="خبرگزاری شیرازه", logo=image_bytes(300, 100, fmt="PNG"))
    with django_capture_on_commit_callbacks(execute=True):
        article = attach_image(make_article(title="خبر با عکس"), data=image_bytes(1600, 1000))
    html = reader_client.get(f"/news/{article.news_code}/print/").content.decode()
    header = html[html.index('<header class="print-header">') : html.index("</header>")]
    assert "خبرگزاری شیرازه" in header and 'class="site-logo" src="/media/identity/' in header
    assert "<picture>" in html and "/media/renditions/articles/" in html
    assert f'<span dir="ltr">http://testserver/n/{article.news_code}</span>' in html
    assert title(html) == "خبر با عکس - خبرگزاری شیرازه"
    assert 'class="preview-banner"' not in html


def test_a_draft_print_view_is_not_found_for_readers_and_a_preview_for_staff(reader_client, editor_client):
    for status, when in (
        (Article.Status.DRAFT, None),
        (Article.Status.REVIEW, None),
        (Article.Status.PUBLISHED, timezone.now() + timedelta(days=1)),
    ):
        article = make_article(title="پیش‌نویس چاپی", status=status, published_at=when)
        url = f"/news/{article.news_code}/print/"
        response = reader_client.get(url)
        assert response.status_code == 404 and "پیش‌نویس چاپی" not in response.content.decode()
        staff = editor_client.get(url)
        html = staff.content.decode()
        assert staff.status_code == 200 and 'class="preview-banner"' in html
        assert staff["Cache-Control"] == "private, no-store" and "noindex" in staff["X-Robots-Tag"]
        assert f"/n/{article.news_code}" not in html  # a short link that readers would find dead


# The social card ------------------------------------------------------------------------------------


def test_the_drawn_card_uses_the_site_name_and_logo():
    with translation.override("fa"):
        assert cards.site_identity()[0] == fa("Newsroom")
        set_identity(name_fa="خبرگزاری شیرازه", logo=image_bytes(200, 100, fmt="PNG"))
        name, logo = cards.site_identity()
        assert name == "خبرگزاری شیرازه" and logo.url.startswith("/media/identity/")
        with logo.open() as handle:
            assert handle.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_new_name_or_logo_draws_new_cards():
    article = make_article()
    with translation.override("fa"):
        content = cards._drawn_card_content(article)
        before = cards.drawn_card_name(article, content)
        set_identity(name_fa="خبرگزاری شیرازه")
        renamed = cards.drawn_card_name(article, content)
        set_identity(logo=image_bytes(200, 100, fmt="PNG"))
        relogoed = cards.drawn_card_name(article, content)
    assert len({before, renamed, relogoed}) == 3


def test_the_default_social_image_is_the_identity_s(
    reader_client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(cards, "can_shape", lambda: False)  # no drawn card: pages share the default
    article = make_article()
    assert meta(reader_client.get(article.get_absolute_url()).content.decode(), "og:image").endswith(
        "/static/img/og-default.png"
    )
    from identity.models import SiteIdentity

    with django_capture_on_commit_callbacks(execute=True):
        attach_image(SiteIdentity.load(), field="social_image", data=image_bytes(1600, 1000))
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert re.fullmatch(
        r"http://testserver/media/renditions/identity/[0-9a-f]{20}/og-f050x050\.jpg", meta(html, "og:image")
    )
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")


def test_articles_alone_fall_back_to_the_settings():
    """Without the identity app's provider, articles still has a name and pictures (default_brand)."""
    brand = extensions.default_brand()
    assert brand.social_image.url.endswith("/static/img/og-default.png") and brand.logo.url.endswith(
        "logo-mark.png"
    )


def test_a_footer_page_shows_persian_digits_as_articles_do(reader_client):
    make_footer_page(slug="تماس", body='<p>تلفن: 071-32345678</p><p><a href="tel:07132345678">تماس</a></p>')
    html = reader_client.get("/pages/تماس/").content.decode()
    assert "۰۷۱-۳۲۳۴۵۶۷۸" in html and 'href="tel:07132345678"' in html
