"""Tags for readers: a page and an RSS feed per tag, in each language the tag has a name in, published
articles only; the article page's tag list; tag pages in the sitemap; search by a tag's name."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from tests.articles.test_feeds import rss_titles, sitemap_locations, unpublished
from tests.browser.seed import add_english
from tests.factories import make_article, make_tag
from tests.i18n import fa

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _persian():
    """A request under /en/ leaves English active in the test's thread; addresses are reversed in
    Persian unless a test says otherwise."""
    with translation.override("fa"):
        yield


def english_name(tag, name: str):
    tag.set_current_language("en")
    tag.name = name
    tag.save()
    tag.set_current_language("fa")
    return tag


def titles_on(response) -> list[str]:
    return [article.title for article in response.context["articles"]]


def test_the_tag_address_is_made_from_its_slug():
    tag = make_tag("خدمات الکترونیک")
    assert tag.get_absolute_url() == "/tag/" + quote("خدمات-الکترونیک") + "/"
    assert tag.get_absolute_url() == reverse("articles:tag", kwargs={"slug": tag.slug})


def test_a_tag_page_lists_its_published_articles_newest_first(reader_client):
    tag = make_tag("الکترونیک")
    older = make_article(title="خبر قدیمی‌تر", tags=[tag], published_at=timezone.now() - timedelta(days=2))
    newer = make_article(title="خبر تازه‌تر", tags=[tag], published_at=timezone.now() - timedelta(hours=1))
    make_article(title="خبر بی‌برچسب")
    for hidden in unpublished():
        hidden.tags.add(tag)
    response = reader_client.get(tag.get_absolute_url())
    assert response.status_code == 200
    assert titles_on(response) == [newer.title, older.title]
    html = response.content.decode()
    assert "<h1>الکترونیک</h1>" in html
    assert f"<title>اخبار با برچسب الکترونیک - {fa('Newsroom')}</title>" in html  # the site name last
    assert 'lang="fa" dir="rtl"' in html
    feed = reverse("articles:tag-feed", kwargs={"slug": tag.slug})
    assert f'type="application/rss+xml" title="الکترونیک" href="{feed}"' in html


def test_a_tag_page_is_paginated_like_a_section(reader_client):
    tag = make_tag("ورزش")
    for n in range(21):
        make_article(title=f"خبر {n}", tags=[tag])
    first = reader_client.get(tag.get_absolute_url())
    assert len(first.context["articles"]) == 20 and first.context["page_obj"].has_next()
    second = reader_client.get(tag.get_absolute_url(), {"page": 2})
    assert len(second.context["articles"]) == 1
    assert reader_client.get(tag.get_absolute_url(), {"page": 3}).status_code == 404


def test_an_empty_tag_page_says_so(reader_client):
    tag = make_tag("ورزش")
    response = reader_client.get(tag.get_absolute_url())
    assert response.status_code == 200 and "هنوز خبری نیست." in response.content.decode()


def test_an_address_spelt_another_way_redirects_to_the_tags_own(reader_client):
    tag = make_tag("الکترونیک")
    response = reader_client.get("/tag/" + quote("الكترونيك") + "/")
    assert response.status_code == 301 and response["Location"] == tag.get_absolute_url()


@pytest.mark.parametrize(
    "slug", ["no-such-tag", quote("الکترونیک-نه"), "%E2%80%AE", "..", "x" * 500, "%C0%80", "-", "۱۲۳"]
)
def test_an_unknown_or_garbage_tag_address_is_not_found(reader_client, slug):
    make_tag("الکترونیک")
    assert reader_client.get(f"/tag/{slug}/").status_code == 404
    assert reader_client.get(f"/tag/{slug}/feed/").status_code == 404


def test_english_tag_pages_exist_for_tags_with_an_english_name_and_list_english_articles(reader_client):
    tag = make_tag("قوه قضاییه")
    persian_only = make_article(title="فقط فارسی", tags=[tag])
    add_english(make_article(title="دو زبانه", tags=[tag]), title="Both languages")
    persian_url = tag.get_absolute_url()
    url = "/en" + persian_url
    assert reader_client.get(url).status_code == 404  # no English name: no English page
    english_name(tag, "Judiciary")
    response = reader_client.get(url)
    assert response.status_code == 200
    assert titles_on(response) == ["Both languages"]
    html = response.content.decode()
    assert 'lang="en" dir="ltr"' in html and "<h1>Judiciary</h1>" in html
    assert persian_only.title not in html
    assert titles_on(reader_client.get(persian_url)) == [persian_only.title, "دو زبانه"]


def test_an_english_only_tag_has_no_persian_page(reader_client):
    url = make_tag("Sports", language="en").get_absolute_url()
    assert reader_client.get(url).status_code == 404
    assert reader_client.get("/en" + url).status_code == 200


# The article page ------------------------------------------------------------------------------------------


def test_the_article_page_lists_its_tags_as_tag_links(reader_client):
    first, second = make_tag("الکترونیک"), make_tag("خدمات قضایی")
    article = make_article(tags=[first, second])
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert '<h2 id="tags-heading">برچسب‌ها</h2>' in html
    for tag in (first, second):
        assert f'<a rel="tag" href="{tag.get_absolute_url()}">{tag}</a>' in html
        assert f'<meta property="article:tag" content="{tag}">' in html


def test_an_article_without_tags_shows_no_tag_list(reader_client):
    html = reader_client.get(make_article().get_absolute_url()).content.decode()
    assert "tags-heading" not in html


def test_the_english_article_page_lists_only_tags_with_an_english_name(reader_client):
    named = english_name(make_tag("قوه قضاییه"), "Judiciary")
    persian_only = make_tag("دادگستری")
    article = add_english(make_article(tags=[named, persian_only]))
    tag_url = "/en" + named.get_absolute_url()
    with translation.override("en"):
        article.set_current_language("en")
        url = article.get_absolute_url()
    html = reader_client.get(url).content.decode()
    assert f'<a rel="tag" href="{tag_url}">Judiciary</a>' in html
    assert "دادگستری" not in html and "قوه قضاییه" not in html


def test_a_tag_name_is_escaped_everywhere_it_is_shown(reader_client):
    tag = make_tag("<script>alert(1)</script>")
    article = make_article(tags=[tag])
    for url in (article.get_absolute_url(), tag.get_absolute_url()):
        html = reader_client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Feeds, sitemap, search ------------------------------------------------------------------------------------


def test_a_tag_feed_has_its_published_articles_only(reader_client):
    tag = make_tag("الکترونیک")
    article = make_article(title="خبر برچسب‌دار", tags=[tag])
    make_article(title="خبر دیگر")
    for hidden in unpublished():
        hidden.tags.add(tag)
    url = reverse("articles:tag-feed", kwargs={"slug": tag.slug})
    assert rss_titles(reader_client, url) == [article.title]
    channel = ET.fromstring(reader_client.get(url).content).find("channel")
    assert channel.findtext("title") == "الکترونیک"
    assert channel.findtext("description") == "اخبار با برچسب الکترونیک"


def test_the_english_tag_feed_follows_the_english_page(reader_client):
    tag = make_tag("قوه قضاییه")
    add_english(make_article(tags=[tag]), title="Both languages")
    url = "/en" + reverse("articles:tag-feed", kwargs={"slug": tag.slug})
    assert reader_client.get(url).status_code == 404  # no English name yet
    english_name(tag, "Judiciary")
    assert rss_titles(reader_client, url) == ["Both languages"]


def test_the_sitemap_lists_tag_pages_with_published_articles_in_each_language(reader_client):
    used = english_name(make_tag("الکترونیک"), "Electronics")
    add_english(make_article(tags=[used]))
    persian_page_only = english_name(make_tag("دادگستری"), "Justice")
    make_article(tags=[persian_page_only])  # no English article: its English page would be empty
    drafts_only = make_tag("پیش‌نویس")
    make_article(tags=[drafts_only], status=Article.Status.DRAFT)
    unused = make_tag("بی‌خبر")
    locations = sitemap_locations(reader_client)
    assert f"http://testserver{used.get_absolute_url()}" in locations
    assert f"http://testserver/en{used.get_absolute_url()}" in locations
    assert f"http://testserver{persian_page_only.get_absolute_url()}" in locations
    assert f"http://testserver/en{persian_page_only.get_absolute_url()}" not in locations
    assert not any(tag.get_absolute_url() in loc for tag in (drafts_only, unused) for loc in locations)


def test_search_finds_an_article_by_a_spelling_of_its_tag(reader_client):
    article = make_article(title="خبر", lead="", body="<p>متن</p>", tags=[make_tag("دولت الکترونیک")])
    response = reader_client.get(reverse("articles:search"), {"q": "دولت الكترونيك"})
    assert [found.pk for found in response.context["articles"]] == [article.pk]
