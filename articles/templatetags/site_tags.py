"""Tags for the reader site: JSON-LD for articles, search highlighting, share links."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from articles import cards, search

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
        "publisher": {
            "@type": "Organization",
            "name": gettext("Newsroom"),
            "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("img/logo.png"))},
        },
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


SHARE_TARGETS = [
    ("Telegram", "https://t.me/share/url?url={url}&text={title}"),
    ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ("Eitaa", "https://eitaa.com/share/url?url={url}&text={title}"),
    ("X", "https://x.com/intent/post?url={url}&text={title}"),
]


@register.simple_tag(takes_context=True)
def share_links(context, article) -> list[tuple[str, str]]:
    """Plain share links (no third-party script is loaded): (name, URL) pairs."""
    request = context["request"]
    url = quote(request.build_absolute_uri(reverse("articles:short", args=[article.news_code])), safe="")
    title = quote(article.title or "", safe="")
    return [(name, pattern.format(url=url, title=title)) for name, pattern in SHARE_TARGETS]


@register.inclusion_tag("includes/section_nav.html")
def section_nav():
    """The sections in the header. Two queries: sections and their translations."""
    from articles.models import Section

    return {"sections": Section.objects.prefetch_related("translations")}


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
