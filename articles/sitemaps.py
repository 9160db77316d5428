"""sitemap.xml (articles in each language they are translated into, sections, officials, organizations)
and the Google News sitemap of the last two days. Published articles only."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from articles.models import Article, Official, Organization, Section

NEWS_WINDOW = timedelta(days=2)
SITEMAP_CACHE_SECONDS = 5 * 60
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "daily"
    # Entries per page (each article counts once per language). Smaller pages keep each response cheap;
    # the index at /sitemap.xml lists the pages (docs/benchmarks.md: one 5,000-entry page took 2-4 s).
    limit = 1000

    def items(self):
        return Article.objects.published().prefetch_related("translations").order_by("-published_at")

    def get_languages_for_item(self, item: Article) -> list[str]:
        available = item.get_available_languages()
        return [code for code in LANGUAGE_CODES if code in available]

    def location(self, item: Article) -> str:
        # Sitemap renders each language under translation.override(); the slug follows it.
        item.set_current_language(translation.get_language())
        return item.get_absolute_url()

    def lastmod(self, item: Article):
        return item.updated_at


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()


class OfficialSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Official.objects.public().order_by("pk")


class OrganizationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Organization.objects.order_by("pk")


class FrontPageSitemap(Sitemap):
    changefreq = "always"
    priority = 1.0

    def items(self):
        return ["articles:front"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "front": FrontPageSitemap,
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "officials": OfficialSitemap,
    "organizations": OrganizationSitemap,
}


def news_sitemap(request):
    """Articles published in the last two days, in the Google News sitemap format."""
    since = timezone.now() - NEWS_WINDOW
    with translation.override(settings.LANGUAGE_CODE):
        articles = list(
            Article.objects.published()
            .filter(published_at__gte=since)
            .translated(settings.LANGUAGE_CODE)
            .prefetch_related("translations")[:1000]
        )
        entries = [
            {"loc": request.build_absolute_uri(article.get_absolute_url()), "article": article}
            for article in articles
        ]
    return render(
        request,
        "sitemaps/news.xml",
        {"entries": entries, "language": settings.LANGUAGE_CODE, "publication_name": gettext("Newsroom")},
        content_type="application/xml; charset=utf-8",
    )
