"""RSS feeds, sitemaps and robots.txt: published articles only, stable addresses, ISO dates."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from articles.models import Article
from tests.browser.seed import add_english, build_seed_site
from tests.factories import make_article, make_official, make_section

pytestmark = pytest.mark.django_db
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def unpublished() -> list[Article]:
    return [
        make_article(title="پیش‌نویس پنهان", status=Article.Status.DRAFT),
        make_article(title="در حال بررسی پنهان", status=Article.Status.REVIEW),
        make_article(title="زمان‌بندی پنهان", published_at=timezone.now() + timedelta(days=1)),
    ]


def rss_titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_site_feed_lists_published_articles_newest_first(reader_client):
    site = build_seed_site(published_at=timezone.now() - timedelta(hours=1))
    newer = make_article(title="خبر تازه", published_at=timezone.now() - timedelta(minutes=1))
    hidden = unpublished()
    titles = rss_titles(reader_client, "/feed/")
    assert titles[:2] == [newer.title, site.article.title]
    assert not set(titles) & {a.title for a in hidden}
    item = ET.fromstring(reader_client.get("/feed/").content).find("channel/item")
    assert item.findtext("link").endswith(newer.get_absolute_url())


def test_section_and_official_feeds_hold_only_their_articles(reader_client):
    site = build_seed_site()
    other_section = make_section()
    make_article(title="خبر بخش دیگر", section=other_section)
    draft = make_article(
        title="پیش‌نویس", section=site.article.section, officials=[site.official], status=Article.Status.DRAFT
    )
    section_feed = reverse("articles:section-feed", kwargs={"slug": site.article.section.slug})
    official_feed = reverse("articles:official-feed", kwargs={"slug": site.official.slug})
    assert rss_titles(reader_client, section_feed) == [site.article.title]
    assert rss_titles(reader_client, official_feed) == [site.article.title]
    assert draft.title not in rss_titles(reader_client, official_feed)


def test_feeds_of_unknown_or_unconfirmed_entities_are_404(reader_client):
    hidden = make_official(is_verified=False)
    assert (
        reader_client.get(reverse("articles:official-feed", kwargs={"slug": hidden.slug})).status_code == 404
    )
    assert reader_client.get(reverse("articles:section-feed", kwargs={"slug": "nope"})).status_code == 404


def sitemap_locations(client) -> list[str]:
    """Every URL in the sitemap, following the index at /sitemap.xml to each of its sitemaps."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = []
    for sitemap in ET.fromstring(index.content).iterfind("s:sitemap/s:loc", NS):
        response = client.get(sitemap.text.removeprefix("http://testserver"))
        assert response.status_code == 200, sitemap.text
        locations += [loc.text for loc in ET.fromstring(response.content).iterfind("s:url/s:loc", NS)]
    return locations


def test_the_article_sitemap_is_split_into_pages_listed_in_the_index(reader_client, monkeypatch):
    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [make_article(title=f"خبر {n}") for n in range(5)]
    index = ET.fromstring(reader_client.get("/sitemap.xml").content)
    pages = [loc.text for loc in index.iterfind("s:sitemap/s:loc", NS) if "sitemap-articles-fa" in loc.text]
    assert len(pages) == 3  # 5 articles, 2 a page
    locations = sitemap_locations(reader_client)
    assert all(f"http://testserver{a.get_absolute_url()}" in locations for a in articles)


def test_sitemap_lists_published_articles_in_each_translated_language(reader_client):
    site = build_seed_site()
    add_english(site.article)
    only_persian = make_article(title="فقط فارسی")
    hidden = unpublished()
    locations = sitemap_locations(reader_client)
    assert f"http://testserver{site.article.get_absolute_url()}" in locations
    assert f"http://testserver/en/news/{site.article.news_code}/fars-judiciary-e-services/" in locations
    assert f"http://testserver{only_persian.get_absolute_url()}" in locations
    assert not any(f"/news/{only_persian.news_code}/" in loc and "/en/" in loc for loc in locations)
    assert not any(f"/news/{a.news_code}/" in loc for a in hidden for loc in locations)
    assert f"http://testserver{site.official.get_absolute_url()}" in locations
    assert f"http://testserver{site.council.get_absolute_url()}" in locations


def test_each_language_has_its_own_article_sitemap_whose_entries_name_their_translations(reader_client):
    site = build_seed_site()
    add_english(site.article)
    only_persian = make_article(title="فقط فارسی")
    persian_url = f"http://testserver{site.article.get_absolute_url()}"
    english_url = f"http://testserver/en/news/{site.article.news_code}/fars-judiciary-e-services/"
    xhtml = "{http://www.w3.org/1999/xhtml}link"

    def entries(path: str) -> dict[str, dict[str, str]]:
        root = ET.fromstring(reader_client.get(path).content)
        return {
            url.findtext("s:loc", namespaces=NS): {
                link.get("hreflang"): link.get("href") for link in url.iter(xhtml)
            }
            for url in root.iterfind("s:url", NS)
        }

    persian, english = entries("/sitemap-articles-fa.xml"), entries("/sitemap-articles-en.xml")
    assert set(persian) == {persian_url, f"http://testserver{only_persian.get_absolute_url()}"}
    assert set(english) == {english_url}
    both = {"fa": persian_url, "en": english_url}
    assert persian[persian_url] == both and english[english_url] == both
    assert persian[f"http://testserver{only_persian.get_absolute_url()}"] == {}


def test_an_article_sitemap_page_is_sliced_in_sql_and_costs_the_same_at_any_archive_size(
    reader_client, monkeypatch
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 3)
    counts = []
    for total in (4, 12):
        while Article.objects.count() < total:
            make_article(title=f"خبر {Article.objects.count()}")
        cache.clear()  # sitemap pages are cached for a few minutes
        with CaptureQueriesContext(connection) as captured:
            response = reader_client.get("/sitemap-articles-fa.xml?p=2")
        assert response.status_code == 200
        assert len(ET.fromstring(response.content).findall("s:url", NS)) == min(3, total - 3)
        counts.append(len(captured))
        # The page's rows come from one LIMIT/OFFSET query, not from a Python list of the whole archive.
        assert any(re.search(r"LIMIT \d OFFSET 3$", query["sql"]) for query in captured.captured_queries)
    assert counts[0] == counts[1]


def test_news_sitemap_has_the_last_two_days_only(reader_client):
    fresh = make_article(title="خبر امروز", published_at=timezone.now() - timedelta(hours=3))
    old = make_article(title="خبر قدیمی", published_at=timezone.now() - timedelta(days=3))
    hidden = unpublished()
    response = reader_client.get("/sitemap-news.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    titles = [t.text for t in root.iterfind("s:url/news:news/news:title", NS)]
    assert titles == [fresh.title]
    assert old.title not in titles and not set(titles) & {a.title for a in hidden}
    date = root.findtext("s:url/news:news/news:publication_date", namespaces=NS)
    assert date == timezone.localtime(fresh.published_at).replace(microsecond=0).isoformat()


def test_robots_txt_points_to_both_sitemaps_and_keeps_out_of_the_admin(reader_client):
    response = reader_client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text and "Disallow: /search/" in text and "Disallow: /en/search/" in text
    # The comment action pages (report, reply, vote) live under the comments URLs in both languages.
    from comments.models import Comment

    comment = Comment.objects.create(article=make_article(), body="x", status=Comment.Status.PUBLISHED)
    report_page = reverse("comments:report", args=[comment.pk])
    assert report_page.startswith("/comments/") and "Disallow: /comments/" in text
    assert "Disallow: /en/comments/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/sitemap-news.xml" in text


@pytest.mark.parametrize(
    "lead",
    ['<script>alert("x")</script> خبر', '<img src=x onerror="alert(1)"> خبر', "دو & سه <b>پررنگ</b>"],
)
def test_a_lead_with_markup_reaches_feed_readers_as_text(reader_client, lead):
    # A feed reader takes the description's text as HTML: that HTML must show the lead's characters,
    # not run them.
    make_article(title="خبر با نشانه‌گذاری", lead=lead)
    item = ET.fromstring(reader_client.get("/feed/").content).find("channel/item")
    description = item.findtext("description")
    assert description == escape(lead)
    assert "<" not in description


MEDIA = "{http://search.yahoo.com/mrss/}"


def _items(client, url: str) -> dict[str, ET.Element]:
    response = client.get(url)
    assert response.status_code == 200
    return {item.findtext("title"): item for item in ET.fromstring(response.content).iter("item")}


def test_every_feed_carries_each_item_s_photo_as_an_enclosure_and_media_content(
    reader_client, settings, django_capture_on_commit_callbacks
):
    from pathlib import Path

    from tests.factories import attach_image, image_bytes, make_tag

    site = build_seed_site()
    with django_capture_on_commit_callbacks(execute=True):
        attach_image(site.article, data=image_bytes(1600, 1000))
    tag = make_tag("دادگستری فارس")
    site.article.tags.add(tag)
    make_article(title="خبر بی‌عکس", section=site.article.section, officials=[site.official], tags=[tag])
    feeds = [
        "/feed/",
        reverse("articles:section-feed", kwargs={"slug": site.article.section.slug}),
        reverse("articles:official-feed", kwargs={"slug": site.official.slug}),
        reverse("articles:tag-feed", kwargs={"slug": tag.slug}),
    ]
    for url in feeds:
        items = _items(reader_client, url)
        photo = items[site.article.title]
        enclosure = photo.find("enclosure")
        assert enclosure is not None, url
        address = enclosure.get("url")
        assert address.startswith("http://testserver/media/renditions/articles/") and address.endswith(
            "-800.jpg"
        )
        stored = Path(settings.MEDIA_ROOT) / address.split("/media/", 1)[1]
        assert enclosure.get("length") == str(stored.stat().st_size) and enclosure.get("type") == "image/jpeg"
        media = photo.find(f"{MEDIA}content")
        assert media.attrib == {
            "url": address,
            "type": "image/jpeg",
            "medium": "image",
            "fileSize": str(stored.stat().st_size),
            "width": "800",
            "height": "500",
        }
        without = items["خبر بی‌عکس"]
        assert without.find("enclosure") is None and without.find(f"{MEDIA}content") is None


def test_a_photo_missing_from_storage_is_left_out_rather_than_given_a_false_length(reader_client):
    from tests.factories import attach_image, image_bytes

    article = attach_image(make_article(title="عکس بی‌نسخه"), data=image_bytes())  # renditions never made
    item = _items(reader_client, "/feed/")[article.title]
    assert item.find("enclosure") is None and item.find(f"{MEDIA}content") is None


def test_feed_photo_lengths_are_asked_of_the_storage_once(
    reader_client, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.files.storage import default_storage

    from tests.factories import attach_image, image_bytes

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            attach_image(make_article(title=f"خبر {n}"), data=image_bytes())
    asked = []
    real_size = default_storage.size
    monkeypatch.setattr(default_storage, "size", lambda name: asked.append(name) or real_size(name))
    reader_client.get("/feed/")
    reader_client.get("/feed/")
    assert len(asked) == 3 == len(set(asked))
