"""Tags for the reader site: JSON-LD for articles, search highlighting, share links."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles import calendars, cards, extensions, frontpage, search

register = template.Library()

# The characters json_script escapes, so text cannot close the <script> element.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def article_jsonld(context, article) -> SafeString:
    """schema.org NewsArticle; dates in ISO 8601 (machines never get Jalali)."""
    request = context["request"]
    url = request.build_absolute_uri(article.get_absolute_url())
    image = _card(article).url
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": article.lead,
        "inLanguage": get_language(),
        "datePublished": iso8601_value(article.published_at) or None,
        "dateModified": iso8601_value(article.updated_at),
        "image": [request.build_absolute_uri(image)],
        "publisher": publisher(request),
        "identifier": str(article.news_code),
    }
    if article.source:
        data["author"] = {
            "@type": "Organization",
            "name": str(article.source),
            "url": request.build_absolute_uri(article.source.get_absolute_url()),
        }
    if article.section:
        data["articleSection"] = str(article.section)
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def publisher(request) -> dict:
    """The site as schema.org's publisher: its name and logo (the identity the chief editor set)."""
    brand = extensions.site_brand()
    data = {"@type": "Organization", "name": brand.name}
    if brand.logo:
        logo = {"@type": "ImageObject", "url": request.build_absolute_uri(brand.logo.url)}
        if brand.logo.width:
            logo.update(width=brand.logo.width, height=brand.logo.height)
        data["logo"] = logo
    return data


@register.simple_tag(takes_context=True)
def social_card(context, article) -> cards.Card:
    """The article's 1200×630 card (articles/cards.py), its address absolute:
    `{% social_card article as card %}`."""
    card = _card(article)
    return cards.Card(context["request"].build_absolute_uri(card.url), card.width, card.height)


def _card(article) -> cards.Card:
    """The article's card, worked out once per page (the meta tags and the JSON-LD both name it)."""
    if not hasattr(article, "_social_card"):
        article._social_card = cards.card_for(article)
    return article._social_card


@register.simple_tag
def highlight(text, terms) -> SafeString:
    return search.highlight(text or "", terms or [])


_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote|td|th)>|<br\s*/?>", re.IGNORECASE)


@register.simple_tag
def search_excerpt(html, terms) -> SafeString:
    """A highlighted stretch of an article body around the first match."""
    # A space where a block ends, so paragraphs do not run together once the tags are gone.
    text = strip_tags(_BLOCK_END.sub(" ", html or ""))
    return search.excerpt(text, terms or [])


@dataclass(frozen=True)
class ShareTarget:
    key: str  # names its CSS class: share-<key>
    label: str
    url: str


# Each service's own share address (no script of theirs is loaded): the article's short link and its
# headline. The services Iranian readers use at home come first; Telegram, WhatsApp and X after them.
SHARE_TARGETS = [
    ("eitaa", _("Eitaa"), "https://eitaa.com/share/url?url={url}&text={title}"),
    ("bale", _("Bale"), "https://ble.ir/share/url?url={url}&text={title}"),
    ("rubika", _("Rubika"), "https://rubika.ir/share?url={url}&text={title}"),
    ("telegram", _("Telegram"), "https://t.me/share/url?url={url}&text={title}"),
    ("whatsapp", _("WhatsApp"), "https://wa.me/?text={title}%20{url}"),
    ("x", pgettext_lazy("the social network", "X"), "https://x.com/intent/post?url={url}&text={title}"),
]


def short_url(request, article) -> str:
    return request.build_absolute_uri(reverse("articles:short", args=[article.news_code]))


@register.simple_tag(takes_context=True)
def share_links(context, article) -> list[ShareTarget]:
    """Plain share links, labelled in the page's language."""
    url = quote(short_url(context["request"], article), safe="")
    title = quote(article.title or "", safe="")
    return [
        ShareTarget(key, str(label), pattern.format(url=url, title=title))
        for key, label, pattern in SHARE_TARGETS
    ]


@register.simple_tag(takes_context=True)
def short_link(context, article) -> str:
    """The article's short address, absolute (`/n/<news code>`): what readers copy."""
    return short_url(context["request"], article)


@register.inclusion_tag("includes/section_nav.html")
def section_nav():
    """The sections in the header. Two queries: sections and their translations."""
    from articles.models import Section

    return {"sections": Section.objects.prefetch_related("translations")}


@register.simple_tag
def today_in_calendars() -> calendars.Today:
    """Today (Tehran) in the Jalali, Hijri-Qamari and Gregorian calendars, for the header; no query."""
    return calendars.today_in_calendars(get_language())


@register.inclusion_tag("includes/urgent_bar.html")
def urgent_bar():
    """The urgent articles of the last hours (articles/frontpage.py), at the top of every reader page.
    One query, bounded by the urgent articles of those hours."""
    from articles.models import Article

    return {"items": frontpage.urgent_items(Article.objects.published().translated(get_language()))}


def iso8601_value(value) -> str:
    """ISO 8601 in the site's time zone, to the second (HTML's datetime attribute allows at most three
    fractional digits; machines need no more than seconds)."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


@register.filter
def iso8601(value) -> str:
    return iso8601_value(value)


@register.simple_tag
def other_language_url(languages=None) -> str:
    """Where the language switch in the header goes: this article in the other language when it is
    translated (`languages` from the article page), else the other language's front page."""
    other = "en" if get_language() == "fa" else "fa"
    for code, url in languages or []:
        if code == other:
            return url
    with translation.override(other):
        return reverse("articles:front")
