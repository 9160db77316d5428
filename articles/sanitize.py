"""The allowlist for article body HTML.

The editor in the admin is a browser widget, not a security boundary: whatever reaches the database
goes through clean_body_html() first (see articles/fields.py).
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "span",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "blockquote",
    "cite",
    "q",
    "hr",
    "abbr",
}

_COMMON = {"dir", "lang", "title"}
ALLOWED_ATTRIBUTES = {
    "*": _COMMON,
    "a": _COMMON | {"href"},
    # srcset and sizes are what responsive pictures need (articles/body_images.py adds them when shown);
    # srcset's addresses are checked like src's (_filter_attribute).
    "img": _COMMON | {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "td": _COMMON | {"colspan", "rowspan"},
    "th": _COMMON | {"colspan", "rowspan", "scope"},
    "ol": _COMMON | {"start"},
    "blockquote": _COMMON | {"cite"},
}
# No javascript:, data: or vbscript: URLs survive; relative URLs are kept.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 checks the schemes of src and href, not of srcset's list of addresses: do it here."""
    if attribute == "srcset":
        for candidate in value.split(","):
            url = candidate.strip().split(" ")[0]
            scheme = _SCHEME.match(url)
            if scheme and scheme.group(1).lower() not in ALLOWED_URL_SCHEMES:
                return None
    if attribute == "loading" and value not in ("lazy", "eager"):
        return None
    return value


def clean_body_html(html: str) -> str:
    """Remove everything outside the allowlist; Persian text and allowed markup are kept as written."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_filter_attribute,
    )
