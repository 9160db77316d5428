"""An article's text built from a release: its body, its translated fields, its search text.

Imports no models, so it can be tested without a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.utils.text import slugify

from articles.persian import normalize
from articles.seedformat import PressRelease


def body_html(paragraphs: Iterable[str]) -> str:
    """Each paragraph becomes an escaped `<p>`; the text itself is stored as written."""
    return "\n".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


def translation_fields(release: PressRelease, body: str) -> dict[str, str]:
    slug = slugify(release.headline, allow_unicode=True)[:300].strip("-") or "khabar"
    return {
        "kicker": release.kicker,
        "title": release.headline,
        "slug": slug,
        "lead": release.lead,
        "body": body,
    }


def document_text(release: PressRelease) -> str:
    """The article's own part of its search document, normalized once and reused for mentions.

    Equal to what Article.search_text() finds in the stored body: strip_tags() keeps entities, so the
    text of body_html() without its tags is each paragraph escaped.
    """
    parts = [release.kicker, release.headline, release.lead]
    parts += [escape(paragraph, quote=False) for paragraph in release.body]
    return normalize(" ".join(part for part in parts if part))
