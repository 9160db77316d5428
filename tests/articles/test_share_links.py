"""Share links on the article page: each service's own share address with the short link and the
headline, labels in the page's language, and a short link to copy that needs no JavaScript."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from tests.browser.seed import add_english, build_seed_site
from tests.factories import make_article
from tests.i18n import fa

pytestmark = pytest.mark.django_db

SERVICES = ["eitaa", "bale", "rubika", "telegram", "whatsapp", "x"]


@pytest.fixture(autouse=True)
def _persian():
    with translation.override("fa"):
        yield


def share_links(html: str) -> dict[str, tuple[str, str]]:
    """service → (address, label), in page order."""
    found = re.findall(r'<a class="share-link share-(\w+)" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    return {key: (unescape(href), label) for key, href, label in found}


def test_every_service_gets_its_own_share_address_with_the_short_link_and_headline(reader_client):
    article = make_article(title="مجموعه قضایی فارس پیشگام است")
    html = reader_client.get(article.get_absolute_url()).content.decode()
    links = share_links(html)
    assert list(links) == SERVICES
    short = f"http://testserver/n/{article.news_code}"
    expected = {
        "eitaa": ("eitaa.com", "/share/url"),
        "bale": ("ble.ir", "/share/url"),
        "rubika": ("rubika.ir", "/share"),
        "telegram": ("t.me", "/share/url"),
        "x": ("x.com", "/intent/post"),
    }
    for key, (host, path) in expected.items():
        parts = urlsplit(links[key][0])
        assert (parts.scheme, parts.netloc, parts.path) == ("https", host, path), key
        assert parse_qs(parts.query) == {"url": [short], "text": [article.title]}, key
    whatsapp = urlsplit(links["whatsapp"][0])
    assert (whatsapp.netloc, parse_qs(whatsapp.query)) == ("wa.me", {"text": [f"{article.title} {short}"]})


def test_labels_are_persian_on_persian_pages_and_english_on_english_ones(reader_client):
    site = build_seed_site()
    add_english(site.article)
    html = reader_client.get(site.article.get_absolute_url()).content.decode()
    labels = [label for _url, label in share_links(html).values()]
    assert labels == ["ایتا", "بله", "روبیکا", "تلگرام", "واتس‌اپ", "ایکس"]
    assert fa("Share on") in html and fa("Copy link") in html
    with translation.override("en"):
        site.article.set_current_language("en")
        english_url = site.article.get_absolute_url()
    english = reader_client.get(english_url).content.decode()
    assert [label for _url, label in share_links(english).values()] == [
        "Eitaa",
        "Bale",
        "Rubika",
        "Telegram",
        "WhatsApp",
        "X",
    ]
    assert "Share on" in english and not re.search(
        "[\u0600-\u06ff]", english[english.index('<div class="share">') :].split("</div>")[0]
    )


def test_the_short_link_is_a_field_to_select_and_the_copy_button_waits_for_javascript(reader_client):
    article = make_article()
    html = reader_client.get(article.get_absolute_url()).content.decode()
    field = re.search(r'<input id="short-link"[^>]*>', html).group(0)
    assert f'value="http://testserver/n/{article.news_code}"' in field and "readonly" in field
    assert 'dir="ltr"' in field and '<label for="short-link">' in html
    assert re.search(
        r'<button type="button" class="copy-button" data-copy-target="short-link"[^>]*hidden>', html
    )
    # Scripts come from our own files only (the CSP refuses inline ones).
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert all('src="/static/' in attrs or 'type="application/ld+json"' in attrs for attrs, _body in scripts)
    assert any("js/share.js" in attrs for attrs, _body in scripts)


def test_a_preview_offers_nothing_to_share(editor_client):
    from articles.models import Article

    draft = make_article(status=Article.Status.DRAFT)
    html = editor_client.get(draft.get_absolute_url()).content.decode()
    assert 'class="share"' not in html and "short-link" not in html
