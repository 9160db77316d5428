"""What the importer takes (sources, options) and what it reports per item."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from articles.models import Article, Section


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class Source:
    """One item to import: `label` names it in messages (a path, or `-`), `name` is its default id."""

    label: str
    name: str
    data: bytes
    error: str = ""  # why the data could not be read


@dataclass
class Result:
    label: str
    outcome: Outcome
    line: int = 1
    reason: str = ""
    article_id: int | None = None
    news_code: int | None = None
    proposed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    status: str = Article.Status.PUBLISHED
    published_at: datetime | None = None  # for items whose header gives none
    section: Section | None = None  # for items whose header names none
    force: bool = False  # overwrite articles an editor has edited since import
    # The run is rolled back at the end: new articles get placeholder news codes instead of codes from
    # the counter, so a dry run neither uses up codes nor holds the counter's row lock while it runs.
    dry_run: bool = False
    # Only new articles: an item whose id is already imported (or was deleted) is skipped, never updated.
    # Editors pasting into the admin create drafts; they must not overwrite or unpublish an article.
    create_only: bool = False
