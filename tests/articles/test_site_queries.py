"""Pinned query counts for the pages that list things. The counts must not grow with the data: each test
renders the page, adds more of what it lists, and renders it again with the same count."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import DailyViewCount
from tests.browser.seed import build_seed_site
from tests.factories import make_article, make_official, make_organization, make_section, make_tag
from tests.identity.helpers import warm_identity_cache

pytestmark = pytest.mark.django_db

# Every page has the section navigation in its header and the urgent bar above its content.
NAV = 2  # sections; their translations
URGENT = 1  # the urgent articles of the last hours, with their headlines (articles/frontpage.py)
CHROME = NAV + URGENT
# Most read, on the front and beside the article (articles/frontpage.py): today's ids, the week's ids
# (each over the daily view counts of those days only), then those articles and their translations.
MOST_READ = 4

FRONT_PAGE = 8 + CHROME + MOST_READ
# 1. the latest published articles (the lead story, the two under it and the list)
# 2. their translations            3. their sections' translations
# 4. the sections, each with the ids of its newest few (correlated subqueries, one per slot)
# 5. those sections' translations
# 6. the newest few of each section, by id
# 7. their translations            8. their sections' translations

ARTICLE_PAGE = 13 + CHROME + 2 + MOST_READ
# 1. the article with its section and source (select_related)
# 2. its translations               3. its section's translations
# 4. the confirmed officials it mentions                                5. the organizations it mentions
# 6. the translations of its source and of those organizations (one model: one query; it was two)
# 7. its tags named in the page's language                              8. those tags' names
# 9. the view count: UPDATE ... SET view_count = view_count + 1 (first view by this reader only)
# 10. and today's count: UPDATE ... SET views = views + 1 (the day's first view of the article costs two
#     more: an INSERT that ignores a conflict, and the UPDATE again; tests/articles/test_most_read.py)
# 11. related articles (one EXISTS over both mention tables)
# 12. their translations          13. their sections' translations
# + 2: the comment counts by state and the published thread ({% comments_for %}, owned by the comments
#   app; tests/comments/test_thread_queries.py pins that it does not grow with the thread)

OFFICIAL_PAGE = 7 + CHROME
# 1. the official (confirmed only)  2. COUNT of the articles mentioning them (pagination)
# 3. positions with their organizations (select_related)               4. those organizations' translations
# 5. the page of articles           6. their translations              7. their sections' translations


TAG_PAGE = 6 + CHROME
# 1. the tag, named in the page's language                              2. its names
# 3. COUNT of its published articles (pagination)
# 4. the page of articles           5. their translations              6. their sections' translations


def site_with_every_block():
    """The seed site with something in each block: an urgent article, and articles read today."""
    site = build_seed_site()
    urgent = make_article(urgent=True, section=site.article.section, published_at=timezone.now())
    for article, count in ((site.article, 3), (urgent, 5)):
        DailyViewCount.objects.create(article=article, day=timezone.localdate(), views=count)
    return site


def more_of_everything(site) -> None:
    today = timezone.localdate()
    for n in range(3):
        section = make_section()
        tag = make_tag()
        article = make_article(
            section=section,
            officials=[site.official],
            organizations=[site.council],
            tags=[tag],
            urgent=n == 0,
            published_at=timezone.now() - timedelta(minutes=n),
        )
        site.article.officials.add(make_official())
        site.article.organizations.add(make_organization())
        site.article.tags.add(tag)
        for days in range(0, 9, 2):
            DailyViewCount.objects.create(article=article, day=today - timedelta(days=days), views=n + days)


def test_front_page_query_count(reader_client, django_assert_num_queries):
    site = site_with_every_block()
    with django_assert_num_queries(FRONT_PAGE):
        html = reader_client.get("/").content.decode()
    assert 'class="urgent-bar"' in html and 'class="most-read"' in html
    more_of_everything(site)
    with django_assert_num_queries(FRONT_PAGE):
        assert reader_client.get("/").status_code == 200


def test_article_page_query_count(reader_client, django_assert_num_queries):
    site = site_with_every_block()
    make_article(officials=[site.official], section=make_section())  # one related article
    site.article.tags.add(make_tag())
    url = site.article.get_absolute_url()
    with django_assert_num_queries(ARTICLE_PAGE):
        html = reader_client.get(url).content.decode()
    assert 'class="urgent-bar"' in html and 'class="most-read"' in html and 'class="related"' in html
    more_of_everything(site)
    cache.clear()  # count this reader's view again, so the UPDATEs are in the count both times
    warm_identity_cache()  # the site's identity stays cached, as it is on a running site
    with django_assert_num_queries(ARTICLE_PAGE):
        assert reader_client.get(url).status_code == 200
    # A reload by the same reader skips both UPDATEs.
    with django_assert_num_queries(ARTICLE_PAGE - 2):
        assert reader_client.get(url).status_code == 200


def test_official_page_query_count(reader_client, django_assert_num_queries):
    site = site_with_every_block()
    url = site.official.get_absolute_url()
    with django_assert_num_queries(OFFICIAL_PAGE):
        assert reader_client.get(url).status_code == 200
    more_of_everything(site)
    with django_assert_num_queries(OFFICIAL_PAGE):
        assert reader_client.get(url).status_code == 200


def test_tag_page_query_count(reader_client, django_assert_num_queries):
    site = build_seed_site()
    tag = make_tag("الکترونیک")
    site.article.tags.add(tag)
    url = tag.get_absolute_url()
    with django_assert_num_queries(TAG_PAGE):
        assert reader_client.get(url).status_code == 200
    for _ in range(3):
        make_article(section=make_section(), tags=[tag, make_tag()])
    with django_assert_num_queries(TAG_PAGE):
        response = reader_client.get(url)
    assert len(response.context["articles"]) == 4
