"""sitemap.xml (one sitemap of articles per language, sections, officials, organizations, one of tags
per language)
and the Google News sitemap of the last two days. Published articles only."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation

from articles import extensions
from articles.models import Article, Official, Organization, Section, Tag

NEWS_WINDOW = timedelta(days=2)
SITEMAP_CACHE_SECONDS = 5 * 60
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class ArticleSitemap(Sitemap):
    """The articles translated into one language, newest first, one page of `limit` at a time.

    One sitemap per language (SITEMAPS below) rather than Django's `i18n = True`, which builds a Python
    list of every (article, language) pair on each cache miss: here the paginator counts and slices in
    SQL, so a page costs the same at 5,000 articles as at 100,000. Each entry still names its other
    languages (hreflang alternates), from the page's prefetched translations.
    """

    language = settings.LANGUAGE_CODE
    changefreq = "daily"
    # Entries per page. Smaller pages keep each response cheap; the index at /sitemap.xml lists the
    # pages (docs/benchmarks.md: one 5,000-entry page took 2-4 s).
    limit = 1000

    def items(self):
        return (
            Article.objects.published()
            .translated(self.language)
            .prefetch_related("translations")
            .order_by("-published_at", "-pk")
        )

    def location(self, item: Article) -> str:
        return self._location_in(item, self.language)

    def lastmod(self, item: Article):
        return item.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            article = url["item"]
            available = article.get_available_languages()
            languages = [code for code in LANGUAGE_CODES if code in available]
            if len(languages) > 1:
                url["alternates"] = [
                    {"location": origin + self._location_in(article, code), "lang_code": code}
                    for code in languages
                ]
        return urls

    @staticmethod
    def _location_in(article: Article, language: str) -> str:
        with translation.override(language):
            article.set_current_language(language)
            return article.get_absolute_url()


def article_sitemap(language: str) -> type[ArticleSitemap]:
    return type(f"ArticleSitemap_{language}", (ArticleSitemap,), {"language": language})


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


class TagSitemap(Sitemap):
    """The tag pages of one language: tags named in it that have a published article in it (what its
    page lists); an empty tag page is no page for a search engine."""

    language = settings.LANGUAGE_CODE
    changefreq = "daily"

    def items(self):
        published = Article.objects.published().translated(self.language).filter(tags=OuterRef("pk"))
        return Tag.objects.translated(self.language).filter(Exists(published)).order_by("pk")

    def location(self, item: Tag) -> str:
        with translation.override(self.language):
            return item.get_absolute_url()


def tag_sitemap(language: str) -> type[TagSitemap]:
    return type(f"TagSitemap_{language}", (TagSitemap,), {"language": language})


class FrontPageSitemap(Sitemap):
    changefreq = "always"
    priority = 1.0

    def items(self):
        return ["articles:front"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "front": FrontPageSitemap,
    # "articles-fa", "articles-en": each language's articles (addresses /sitemap-articles-fa.xml?p=N).
    **{f"articles-{code}": article_sitemap(code) for code in LANGUAGE_CODES},
    "sections": SectionSitemap,
    "officials": OfficialSitemap,
    "organizations": OrganizationSitemap,
    # "tags-fa", "tags-en": each language's tag pages.
    **{f"tags-{code}": tag_sitemap(code) for code in LANGUAGE_CODES},
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
        publication_name = extensions.site_brand().name
    return render(
        request,
        "sitemaps/news.xml",
        {"entries": entries, "language": settings.LANGUAGE_CODE, "publication_name": publication_name},
        content_type="application/xml; charset=utf-8",
    )
