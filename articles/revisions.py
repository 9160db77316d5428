"""Article versions: one function takes a snapshot on every save, and the compare page reads them.

Who may restore a version is the publishing rule's business (articles.services.restore_revision); this
module only writes and reads snapshots, so it imports no service and any save path can call it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html import unescape

from django.utils.dateparse import parse_datetime
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, ArticleRevision

TRANSLATED_FIELDS = ("kicker", "title", "slug", "lead", "body")
# What the compare page shows as text, in this order.
COMPARED_FIELDS = ("kicker", "title", "lead", "body")


def snapshot(article: Article) -> dict:
    """Everything a version keeps, read from the database: four queries whatever the languages."""
    translations = article.translations.model.objects.filter(master_id=article.pk).order_by("language_code")
    officials = Article.officials.through.objects.filter(article_id=article.pk)
    organizations = Article.organizations.through.objects.filter(article_id=article.pk)
    tags = Article.tags.through.objects.filter(article_id=article.pk)
    return {
        "translations": {
            row["language_code"]: {name: row[name] for name in TRANSLATED_FIELDS}
            for row in translations.values("language_code", *TRANSLATED_FIELDS)
        },
        "status": article.status,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "urgent": article.urgent,
        "section": article.section_id,
        "source": article.source_id,
        "image": article.image.name or "",
        "image_caption": article.image_caption,
        "image_credit": article.image_credit,
        "officials": sorted(officials.values_list("official_id", flat=True)),
        "organizations": sorted(organizations.values_list("organization_id", flat=True)),
        "tags": sorted(tags.values_list("tag_id", flat=True)),
    }


def record_revision(
    article: Article, *, user=None, source: str = ArticleRevision.Source.ADMIN, restored_from=None
) -> ArticleRevision:
    """Keep the article as it is now in the database as a new version (five queries). Called after the
    article and its mentions are written: by the admin's save, the importer's update and a restore."""
    return ArticleRevision.objects.create(
        article=article,
        user=user if user is not None and user.is_authenticated else None,
        source=source,
        restored_from=restored_from,
        data=snapshot(article),
    )


def published_at_of(data: dict):
    value = data.get("published_at")
    return parse_datetime(value) if value else None


# Comparing ------------------------------------------------------------------------------------------------

_BLOCK_END = re.compile(r"</(p|h[2-6]|li|blockquote|tr|figcaption)>|<br\s*/?>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """What a reader reads of a body: no tags, entities decoded, block ends kept as spaces."""
    text = unescape(strip_tags(_BLOCK_END.sub(" ", html or "")))
    return " ".join(text.split())


def same_body(old: str, new: str) -> bool:
    """Whether two body HTMLs are the same once sanitized and their whitespace collapsed: the editor
    re-serializes untouched HTML (line breaks between paragraphs, attribute order kept by nh3)."""
    from articles.sanitize import clean_body_html

    def canonical(html: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", clean_body_html(html or ""))).strip()

    return canonical(old) == canonical(new)


def word_diff(old: str, new: str) -> SafeString:
    """Word-level difference of two plain texts: deletions in <del>, insertions in <ins>, all text
    escaped, so markup in a body shows as text and never runs."""
    a, b = old.split(), new.split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every piece of text above is escaped


@dataclass(frozen=True)
class FieldDiff:
    language: str
    field: str
    diff: SafeString
    changed: bool


def compare(old: dict, new: dict) -> list[FieldDiff]:
    """The text fields of two snapshots, language by language, as readable word diffs."""
    old_tr, new_tr = old.get("translations", {}), new.get("translations", {})
    rows = []
    for language in sorted(set(old_tr) | set(new_tr)):
        for field in COMPARED_FIELDS:
            before = old_tr.get(language, {}).get(field, "") or ""
            after = new_tr.get(language, {}).get(field, "") or ""
            if field == "body":
                before, after = plain_text(before), plain_text(after)
            rows.append(FieldDiff(language, field, word_diff(before, after), before != after))
    return rows
