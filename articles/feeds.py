"""RSS feeds: the whole site, one per section, one per official, one per tag. Published articles only,
in the language of the URL (/feed/ is Persian, /en/feed/ English).

An item with a photo carries it twice, for feed readers of both habits: an RSS <enclosure> (address,
length in bytes, type) and a Media RSS <media:content> (with its width and height). The file is the
photo's JPEG rendition about 800 px wide (articles/images.py), the one pages fall back to; its length is
asked of the storage once per file and kept in the cache (a rendition's name never changes content).
"""

from __future__ import annotations

import contextvars
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from articles import extensions, images
from articles.models import Article, Official, Section, Tag

logger = logging.getLogger(__name__)

FEED_SIZE = 30
FEED_PHOTO_WIDTH = 800
MEDIA_RSS = "http://search.yahoo.com/mrss/"
_CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
# The request being answered: Feed builds items without it, and enclosures need absolute addresses.
_request: contextvars.ContextVar = contextvars.ContextVar("feed_request")


@dataclass(frozen=True)
class FeedPhoto:
    url: str  # absolute
    length: int
    content_type: str
    width: int | None
    height: int | None


def _stored_size(name: str) -> int | None:
    key = f"feeds:size:{name}"
    size = cache.get(key)
    if size is None:
        try:
            size = default_storage.size(name)
        except OSError:  # missing from storage (renditions not made yet): no photo rather than a lie
            logger.warning("feed photo %s is missing from storage", name)
            return None
        cache.set(key, size, None)
    return size


def feed_photo(article: Article) -> FeedPhoto | None:
    """The article's photo as a feed carries it, or None. One cache read (the file's length)."""
    if not article.image:
        return None
    source = Article._meta.get_field("image").source(article)
    if source is not None:
        jpeg = [r for r in images.renditions(source, "article") if r.content_type == "image/jpeg"]
        chosen = min(jpeg, key=lambda r: abs(r.width - FEED_PHOTO_WIDTH))
        name, content_type, width, height = chosen.name, chosen.content_type, chosen.width, chosen.height
    else:  # a photo saved before renditions existed: its original, size unknown
        name, width, height = article.image.name, None, None
        content_type = _CONTENT_TYPES.get(PurePosixPath(name).suffix.lower(), "image/jpeg")
    length = _stored_size(name)
    if length is None:
        return None
    request = _request.get()
    url = add_domain(get_current_site(request).domain, default_storage.url(name), request.is_secure())
    return FeedPhoto(url, length, content_type, width, height)


class PhotoFeedGenerator(Rss201rev2Feed):
    """RSS 2.0 with the Media RSS namespace: an item's photo as <media:content> beside its enclosure."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        photo: FeedPhoto | None = item.get("photo")
        if photo is None:
            return
        attributes = {
            "url": photo.url,
            "type": photo.content_type,
            "medium": "image",
            "fileSize": str(photo.length),
        }
        if photo.width:
            attributes.update(width=str(photo.width), height=str(photo.height))
        handler.addQuickElement("media:content", "", attributes)


def _published():
    return (
        Article.objects.published()
        .translated(get_language())
        .select_related("section", "source")
        .prefetch_related("translations", "section__translations", "source__translations")
    )


class LatestArticlesFeed(Feed):
    feed_type = PhotoFeedGenerator

    def title(self) -> str:
        return gettext("%(site)s: latest news") % {"site": extensions.site_brand().name}

    def description(self) -> str:
        return gettext("The latest published news.")

    def get_feed(self, obj, request):
        token = _request.set(request)
        try:
            return super().get_feed(obj, request)
        finally:
            _request.reset(token)

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

    def _photo(self, item: Article) -> FeedPhoto | None:
        if not hasattr(item, "_feed_photo"):
            item._feed_photo = feed_photo(item)
        return item._feed_photo

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        photo = self._photo(item)
        return [Enclosure(photo.url, str(photo.length), photo.content_type)] if photo else []

    def item_extra_kwargs(self, item: Article) -> dict:
        return {"photo": self._photo(item)}


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
