"""RSS feeds: the whole site, one per section, one per official, one per tag. Published articles only, in the
language of the URL (/feed/ is Persian, /en/feed/ English)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from articles import extensions
from articles.models import Article, Official, Section, Tag

FEED_SIZE = 30


def _published():
    return (
        Article.objects.published()
        .translated(get_language())
        .select_related("section", "source")
        .prefetch_related("translations", "section__translations", "source__translations")
    )


class LatestArticlesFeed(Feed):
    def title(self) -> str:
        return gettext("%(site)s: latest news") % {"site": extensions.site_brand().name}

    def description(self) -> str:
        return gettext("The latest published news.")

    def link(self):
        return reverse("articles:front")

    def items(self):
        return _published()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        # Feed readers render an item's description as HTML, and the lead is plain text: escaped here
        # and once more as XML, so "<script>" in a lead reaches the reader as those characters.
        return escape(item.lead)

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_guid(self, item: Article) -> str:
        return str(item.news_code)

    item_guid_is_permalink = False

    def item_categories(self, item: Article):
        return [str(item.section)] if item.section else []

    def item_author_name(self, item: Article):
        return str(item.source) if item.source else None


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Section:
        return get_object_or_404(Section, slug=slug)

    def title(self, obj: Section) -> str:
        return str(obj)

    def description(self, obj: Section) -> str:
        return str(obj)

    def link(self, obj: Section) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Section):
        return _published().filter(section=obj)[:FEED_SIZE]


class OfficialFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Official:
        return get_object_or_404(Official.objects.public(), slug=slug)

    def title(self, obj: Official) -> str:
        return str(obj)

    def description(self, obj: Official) -> str:
        return obj.bio or str(obj)

    def link(self, obj: Official) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Official):
        return _published().filter(officials=obj)[:FEED_SIZE]


class TagFeed(LatestArticlesFeed):
    """A tag's articles; in a language the tag has a name in (as its page)."""

    def get_object(self, request, slug: str) -> Tag:
        return get_object_or_404(Tag.objects.for_language(get_language()), slug=slug)

    def title(self, obj: Tag) -> str:
        return str(obj)

    def description(self, obj: Tag) -> str:
        return gettext("News tagged %(tag)s") % {"tag": obj}

    def link(self, obj: Tag) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Tag):
        return _published().filter(tags=obj)[:FEED_SIZE]
