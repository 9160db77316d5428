"""The allowlist for article body HTML.

The editor in the admin is a browser widget, not a security boundary: whatever reaches the database
goes through clean_body_html() first (see articles/fields.py).
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "span",
    "ul", "ol", "li",
    "a", "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "blockquote", "cite", "q", "hr", "abbr",
}  # fmt: skip

_COMMON = {"dir", "lang", "title"}
ALLOWED_ATTRIBUTES = {
    "*": _COMMON,
    "a": _COMMON | {"href"},
    "img": _COMMON | {"src", "alt", "width", "height"},
    "td": _COMMON | {"colspan", "rowspan"},
    "th": _COMMON | {"colspan", "rowspan", "scope"},
    "ol": _COMMON | {"start"},
    "blockquote": _COMMON | {"cite"},
}
# No javascript:, data: or vbscript: URLs survive; relative URLs are kept.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


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
    )
