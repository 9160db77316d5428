"""The reader site: front, section, article, official, organization, print, 404/500, English pages."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from tests.browser.seed import add_english, build_seed_site
from tests.factories import make_article, make_official, make_organization, make_position, make_section
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def html_of(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_seed_article_page_has_meta_line_in_jalali_with_persian_digits_and_gregorian(reader_client):
    site = build_seed_site(published_at=datetime(2020, 6, 3, 8, 0, tzinfo=UTC))
    html = html_of(reader_client, site.article.get_absolute_url())
    # 08:00 UTC is 12:30 in Tehran; 3 June 2020 is 14 Khordad 1399.
    assert "۱۴ خرداد ۱۳۹۹ - ۱۲:۳۰" in html
    assert "(۳ ژوئن ۲۰۲۰)" in html
    assert f"<dd>{''.join('۰۱۲۳۴۵۶۷۸۹'[int(d)] for d in str(site.article.news_code))}</dd>" in html
    assert 'datetime="2020-06-03T12:30:00+04:30"' in html
    assert ">شیرازه</a>" in html and ">قضایی</a>" in html
    assert site.article.kicker in html and f"<h1>{site.article.title}</h1>" in html


def test_article_page_links_the_mentioned_officials_and_organizations_as_chips(reader_client):
    site = build_seed_site()
    hidden = make_official(name="مقام تاییدنشده", is_verified=False)
    site.article.officials.add(hidden)
    html = html_of(reader_client, site.article.get_absolute_url())
    assert f'href="{site.official.get_absolute_url()}">سید کاظم موسوی</a>' in html
    for org in (site.judiciary, site.province, site.council):
        assert f'href="{org.get_absolute_url()}">{org}</a>' in html
    assert "مقام تاییدنشده" not in html


def test_related_articles_share_an_official_or_organization_and_are_published(reader_client):
    site = build_seed_site()
    by_official = make_article(title="خبر مرتبط با مقام", officials=[site.official])
    by_org = make_article(title="خبر مرتبط با سازمان", organizations=[site.council])
    make_article(title="خبر بی‌ربط")
    make_article(title="پیش‌نویس مرتبط", officials=[site.official], status=Article.Status.DRAFT)
    html = html_of(reader_client, site.article.get_absolute_url())
    related = html.split('id="related-heading"')[1].split("</section>")[0]
    assert by_official.title in related and by_org.title in related
    assert "خبر بی‌ربط" not in related and "پیش‌نویس مرتبط" not in related
    assert site.article.title not in related


def test_article_page_has_print_share_and_short_links_without_third_party_scripts(reader_client):
    site = build_seed_site()
    html = html_of(reader_client, site.article.get_absolute_url())
    code = site.article.news_code
    assert f'href="/news/{code}/print/"' in html
    for host in (
        "https://t.me/share/url",
        "https://wa.me/",
        "https://eitaa.com/share/url",
        "https://x.com/intent",
    ):
        assert host in html
    # Only our own scripts: the JSON-LD block and the comments' progressive enhancement from /static/.
    scripts = re.findall(r"<script([^>]*)>", html)
    assert ' type="application/ld+json"' in scripts
    sources = re.findall(r'src="([^"]*)"', " ".join(scripts))
    assert sources and all(src.startswith("/static/") for src in sources), scripts
    assert f"http://testserver/n/{code}" in html


def test_share_links_name_the_services_in_the_pages_language(reader_client):
    site = build_seed_site()
    add_english(site.article)
    persian = html_of(reader_client, site.article.get_absolute_url())
    names = re.findall(r'<ul class="share-links">(.*?)</ul>', persian, re.S)[0]
    assert re.findall(r">([^<]+)</a>", names) == ["تلگرام", "واتس‌اپ", "ایتا", "ایکس"]
    with translation.override("en"):
        site.article.set_current_language("en")
        english = html_of(reader_client, site.article.get_absolute_url())
    names = re.findall(r'<ul class="share-links">(.*?)</ul>', english, re.S)[0]
    assert re.findall(r">([^<]+)</a>", names) == ["Telegram", "WhatsApp", "Eitaa", "X"]


def test_article_page_for_machines_has_canonical_open_graph_and_news_article_json_ld(reader_client):
    site = build_seed_site()
    article = site.article
    html = html_of(reader_client, article.get_absolute_url())
    canonical = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta name="description" content="{article.lead[:299]}' in html
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == article.title
    assert datetime.fromisoformat(data["datePublished"]) == article.published_at.replace(microsecond=0)
    assert datetime.fromisoformat(data["dateModified"]) == article.updated_at.replace(microsecond=0)
    assert data["datePublished"].endswith("+03:30") or data["datePublished"].endswith("+04:30")
    assert data["author"]["name"] == "شیرازه" and data["inLanguage"] == "fa"
    assert data["publisher"]["@type"] == "Organization" and data["image"][0].startswith("http://testserver/")


def test_json_ld_cannot_be_closed_by_a_headline(reader_client):
    article = make_article(title="</script><script>alert(1)</script>")
    html = html_of(reader_client, article.get_absolute_url())
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["headline"] == "</script><script>alert(1)</script>"
    assert "<script>alert" not in html


def test_persian_slug_is_kept_and_short_link_redirects_to_it(reader_client):
    site = build_seed_site()
    article = site.article
    assert unquote(article.get_absolute_url()).startswith(f"/news/{article.news_code}/مجموعه-قضایی-فارس")
    response = reader_client.get(f"/n/{article.news_code}")
    assert response.status_code == 301 and response["Location"] == article.get_absolute_url()


def test_english_page_only_when_translated_left_to_right_with_hreflang_both_ways(reader_client):
    site = build_seed_site()
    article = site.article
    untranslated = make_article(title="فقط فارسی")
    with translation.override("en"):
        untranslated_url = reverse("articles:detail-no-slug", kwargs={"code": untranslated.news_code})
    assert reader_client.get(untranslated_url).status_code == 404
    add_english(article)
    with translation.override("en"):
        article.set_current_language("en")
        english_url = article.get_absolute_url()
    with translation.override("fa"):
        article.set_current_language("fa")
        persian_url = article.get_absolute_url()
    assert english_url == f"/en/news/{article.news_code}/fars-judiciary-e-services/"
    english = html_of(reader_client, english_url)
    assert (
        '<html lang="en" dir="ltr">' in english and "<h1>Fars judiciary leads in e-services</h1>" in english
    )
    # English readers get Gregorian dates in Latin digits.
    assert re.search(r'<time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d</time>', english)
    persian = html_of(reader_client, persian_url)
    for html in (english, persian):
        assert f'hreflang="en" href="http://testserver{english_url}"' in html
        assert f'hreflang="fa" href="http://testserver{persian_url}"' in html
    # The English front page offers only the translated article.
    front = html_of(reader_client, "/en/")
    assert "Fars judiciary leads in e-services" in front and "فقط فارسی" not in front


def test_front_page_has_lead_story_latest_and_a_block_per_section(reader_client):
    politics, sport = make_section(name="سیاسی"), make_section(name="ورزشی")
    newest = make_article(title="تازه‌ترین خبر", published_at=timezone.now() - timedelta(seconds=1))
    make_article(title="خبر سیاسی", section=politics)
    make_article(title="خبر ورزشی", section=sport)
    make_article(title="خبر آینده", section=sport, published_at=timezone.now() + timedelta(hours=1))
    html = html_of(reader_client, "/")
    lead_block = html.split('class="lead-story"')[1].split("</article>")[0]
    assert newest.title in lead_block
    sport_block = html.split(f'id="section-{sport.pk}"')[1].split("</section>")[0]
    assert "خبر ورزشی" in sport_block and "خبر سیاسی" not in sport_block and "خبر آینده" not in html


def test_section_page_lists_only_its_published_articles_paginated(reader_client):
    section = make_section(name="اقتصادی")
    for n in range(21):
        make_article(title=f"خبر اقتصادی {n}", section=section)
    make_article(title="خبر دیگر")
    first = html_of(reader_client, section.get_absolute_url())
    assert first.count('class="article-item"') == 20 and "خبر دیگر" not in first
    second = html_of(reader_client, section.get_absolute_url() + "?page=2")
    assert second.count('class="article-item"') == 1
    assert reader_client.get(section.get_absolute_url() + "?page=9").status_code == 404


def test_official_page_shows_positions_and_mentioning_articles(reader_client):
    site = build_seed_site()
    make_article(title="پیش‌نویس درباره مقام", officials=[site.official], status=Article.Status.DRAFT)
    html = html_of(reader_client, site.official.get_absolute_url())
    assert "<h1>سید کاظم موسوی</h1>" in html and "حجت الاسلام و المسلمین" in html
    for title in ("رئیس کل دادگستری استان فارس", "رئیس شورای قضایی استان فارس"):
        assert title in html
    assert site.article.title in html and "پیش‌نویس درباره مقام" not in html


def test_unconfirmed_official_has_no_public_page(reader_client):
    hidden = make_official(is_verified=False)
    assert reader_client.get(hidden.get_absolute_url()).status_code == 404


def test_organization_page_shows_its_place_in_the_hierarchy_and_people(reader_client):
    site = build_seed_site()
    html = html_of(reader_client, site.council.get_absolute_url())
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert crumbs.index("قوه قضائیه") < crumbs.index("دادگستری کل استان فارس") < crumbs.index("شورای قضایی")
    assert 'aria-current="page">شورای قضایی استان فارس' in crumbs
    assert "رئیس شورای قضایی استان فارس" in html and site.article.title in html
    province = html_of(reader_client, site.province.get_absolute_url())
    children = province.split('id="children-heading"')[1].split("</section>")[0]
    assert "شورای قضایی استان فارس" in children


def test_ended_positions_are_not_listed_as_current_people(reader_client):
    org = make_organization(name="فرمانداری")
    make_position(organization=org, title="فرماندار سابق", end_date=timezone.now().date())
    html = html_of(reader_client, org.get_absolute_url())
    assert "فرماندار سابق" not in html


def test_print_view_is_plain_and_not_indexed(reader_client):
    site = build_seed_site()
    html = html_of(reader_client, reverse("articles:print", kwargs={"code": site.article.news_code}))
    assert '<meta name="robots" content="noindex">' in html and site.article.title in html
    assert "site-header" not in html and fa("Readers' comments") not in html
    draft = make_article(status=Article.Status.DRAFT)
    assert reader_client.get(reverse("articles:print", kwargs={"code": draft.news_code})).status_code == 404


def test_missing_pages_get_the_persian_404_page(reader_client):
    html = html_of(reader_client, "/news/999999/x/", status=404)
    assert '<html lang="fa" dir="rtl">' in html and "<h1>" in html
    assert reader_client.get("/section/nope/").status_code == 404


@override_settings(DEBUG=False)
def test_server_errors_get_the_persian_500_page_without_touching_the_database(
    reader_client, django_assert_num_queries, monkeypatch
):
    from articles import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.FrontPageView, "get_queryset", broken)
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/")
    assert response.status_code == 500
    assert '<html lang="fa" dir="rtl">' in response.content.decode()


def test_current_positions_are_listed_before_past_ones(reader_client):
    official = make_official(name="مقام")
    make_position(
        official=official,
        title="سمت پیشین",
        start_date=datetime(2010, 1, 1).date(),
        end_date=datetime(2015, 1, 1).date(),
    )
    make_position(official=official, title="سمت کنونی", start_date=datetime(2020, 1, 1).date())
    html = html_of(reader_client, official.get_absolute_url())
    assert html.index("سمت کنونی") < html.index("سمت پیشین")


def test_language_switch_goes_to_the_translation_or_the_other_front_page(reader_client):
    site = build_seed_site()
    persian_only = make_article(title="فقط فارسی")
    add_english(site.article)
    html = html_of(reader_client, site.article.get_absolute_url())
    switch = re.search(r'<a class="language-switch" href="([^"]+)"', html).group(1)
    assert switch == f"/en/news/{site.article.news_code}/fars-judiciary-e-services/"
    html = html_of(reader_client, persian_only.get_absolute_url())
    assert re.search(r'<a class="language-switch" href="([^"]+)"', html).group(1) == "/en/"
    english = html_of(reader_client, switch)
    back = re.search(r'<a class="language-switch" href="([^"]+)"', english).group(1)
    with translation.override("fa"):
        site.article.set_current_language("fa")
        assert unquote(back) == unquote(site.article.get_absolute_url())
