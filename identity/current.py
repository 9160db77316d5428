"""The site's identity as pages read it: a snapshot per language, kept in the shared cache.

Every reader page shows the identity (header, footer, <title>), so it must not cost a query per request:
the snapshot is built once (six small queries) and cached until the identity, a footer link or a footer
page is saved or deleted (identity/signal_handlers.py deletes it), or for CACHE_SECONDS at most. When
the cache is down, Redis reads are misses (newsroom/cache.py) and pages read the database instead: slower,
never broken. CACHE_SECONDS bounds how long a snapshot can outlive a save whose cache delete failed
because Redis was down at that moment.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import cache as memoize

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import get_language
from PIL import Image

from articles import extensions, images

logger = logging.getLogger(__name__)

CACHE_SECONDS = 10 * 60
# Bump when the snapshot's shape changes, so app servers running old code never read a new one.
_KEY = "identity:v1:{language}"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Picture:
    url: str
    width: int | None
    height: int | None
    # Where its bytes are, for drawing it (social cards): a storage name or a static file's path.
    storage_name: str = ""
    static_path: str = ""

    def open(self):
        if self.storage_name:
            return default_storage.open(self.storage_name, "rb")
        found = finders.find(self.static_path)
        if not found:
            raise FileNotFoundError(self.static_path)
        return open(found, "rb")  # noqa: SIM115 - the caller closes it


@dataclass(frozen=True)
class Identity:
    """What pages show of the site, in one language. Plain data: it is pickled into the cache."""

    language: str
    name: str
    tagline: str
    logo: Picture | None
    social_image: Picture
    pages: tuple[Link, ...] = field(default=())
    links: tuple[Link, ...] = field(default=())

    def brand(self) -> extensions.SiteBrand:
        """As articles asks for it (articles/extensions.py): social cards, JSON-LD, feeds."""

        def picture(p: Picture | None) -> extensions.Picture | None:
            return p and extensions.Picture(p.url, p.width, p.height, p.open)

        return extensions.SiteBrand(
            name=self.name, logo=picture(self.logo), social_image=picture(self.social_image)
        )


def cache_key(language: str) -> str:
    return _KEY.format(language=language)


def current(language: str | None = None) -> Identity:
    """The identity in `language` (the active one by default): from the cache, else built and cached."""
    language = language or get_language() or settings.LANGUAGE_CODE
    key = cache_key(language)
    found = cache.get(key)
    if isinstance(found, Identity):
        return found
    identity = build(language)
    cache.set(key, identity, CACHE_SECONDS)
    return identity


def invalidate() -> None:
    """Forget every language's snapshot; the next page builds it again from the database."""
    cache.delete_many([cache_key(code) for code, _name in settings.LANGUAGES])


def brand() -> extensions.SiteBrand:
    return current().brand()


# Building a snapshot ------------------------------------------------------------------------------------


@memoize
def _static_size(path: str) -> tuple[int | None, int | None]:
    """A static picture's size, read once per process (the files ship with the code)."""
    found = finders.find(path) if path else None
    if not found:
        return None, None
    try:
        with Image.open(found) as picture:
            return picture.size
    except OSError:
        return None, None


def _static_picture(path: str) -> Picture | None:
    if not path:
        return None
    width, height = _static_size(path)
    return Picture(static(path), width, height, static_path=path)


def defaults(language: str) -> Identity:
    """From settings, for a site whose identity nobody has edited yet."""
    with translation.override(language):
        return Identity(
            language=language,
            name=str(settings.NEWSROOM_SITE_NAME),
            tagline=str(settings.NEWSROOM_SITE_TAGLINE),
            logo=_static_picture(settings.NEWSROOM_SITE_LOGO),
            social_image=_static_picture(settings.NEWSROOM_SITE_SOCIAL_IMAGE),
        )


def build(language: str) -> Identity:
    """Read the identity from the database: the row and its translations, the footer links and their
    translations, the footer pages in this language and their translations (six queries; one fewer
    pair while the identity was never saved)."""
    from identity.models import FooterLink, FooterPage, SiteIdentity

    fallback = defaults(language)
    row = SiteIdentity.objects.prefetch_related("translations").filter(pk=SiteIdentity.SINGLETON_ID).first()
    pages = FooterPage.objects.filter(in_footer=True).translated(language).prefetch_related("translations")
    with translation.override(language):
        page_links = tuple(
            Link(page.title, page.get_absolute_url()) for page in _in_language(pages, language)
        )
    if row is None:
        return replace(fallback, pages=page_links)
    logo = fallback.logo
    if row.logo and row.logo_width:
        logo = Picture(
            default_storage.url(row.logo.name), row.logo_width, row.logo_height, storage_name=row.logo.name
        )
    social_image = fallback.social_image
    source = SiteIdentity._meta.get_field("social_image").source(row)
    if source is not None:
        og = images.og_rendition(source)
        social_image = Picture(default_storage.url(og.name), og.width, og.height, storage_name=og.name)
    links = FooterLink.objects.filter(identity=row).prefetch_related("translations")
    return Identity(
        language=language,
        name=_translation(row, language, "name") or fallback.name,
        tagline=_translation(row, language, "tagline") or fallback.tagline,
        logo=logo,
        social_image=social_image,
        pages=page_links,
        links=tuple(
            Link(label, link.url) for link in links if (label := _translation(link, language, "label"))
        ),
    )


def _translation(obj, language: str, field_name: str) -> str:
    """A translated field in exactly this language from the prefetched translations (no fallback: a
    link without an English label is not shown on English pages)."""
    for item in obj.translations.all():
        if item.language_code == language:
            return getattr(item, field_name)
    return ""


def _in_language(pages, language: str):
    for page in pages:
        page.set_current_language(language)
        yield page
