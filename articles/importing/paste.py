"""A press release pasted into the admin: a preview computed by a dry run, then a draft.

Both steps run the one Importer (same parser, same linker as `import_articles`) on the same bytes, with
status draft and `create_only`: an editor gets a new draft or a refusal, and can neither publish nor
overwrite an article through it. The preview's transaction is rolled back, so it writes nothing.

A pasted text without an `id:` header is identified by the hash of its text (the importer's default),
so pasting the same release twice finds the first draft instead of making a second one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from articles.importing.importer import Importer
from articles.importing.results import Options, Outcome, Result, Source
from articles.models import Article, ArticleRevision
from articles.revisions import record_revision
from articles.seedformat import PressRelease, parse_bytes

PASTE_PERMISSION = "articles.add_article"
_LABEL = "-"


class PasteRefused(Exception):
    """The importer refused the text: `line` of the text and the importer's one-line `reason`."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"{line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class AlreadyImported:
    """The release was imported before: the article it became (None if an editor deleted it)."""

    article_id: int | None
    news_code: int | None


@dataclass(frozen=True)
class Preview:
    release: PressRelease
    section: str
    source: str
    officials: list[str]  # known officials the draft will be linked to
    organizations: list[str]
    proposed: list[str]  # unconfirmed officials the import will propose
    already: AlreadyImported | None = None


def can_paste(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PASTE_PERMISSION))


def check_can_paste(user) -> None:
    if not can_paste(user):
        raise PermissionDenied(_("Only editors and chief editors can import press releases."))


def release_bytes(text: str) -> bytes:
    """The bytes a pasted text is imported as: one line-ending convention, so the same text pasted from
    a browser (CRLF) or uploaded (LF) hashes to the same id."""
    return text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")


def _run(data: bytes, *, dry_run: bool) -> Result:
    importer = Importer(options=Options(status=Article.Status.DRAFT, dry_run=dry_run, create_only=True))
    [result] = importer.import_chunk([Source(label=_LABEL, name="", data=data)])
    if result.outcome == Outcome.FAILED:
        raise PasteRefused(result.line, result.reason)
    return result


def _already(result: Result) -> AlreadyImported | None:
    if result.outcome == Outcome.CREATED:
        return None
    return AlreadyImported(result.article_id, result.news_code)


def preview_release(*, data: bytes, user) -> Preview:
    """What saving `data` would make, read back from a dry run inside a transaction that is rolled back.

    Raises PasteRefused with the importer's line and reason. Queries: the importer's lookups, the
    import itself, and three to read the draft's links back.
    """
    check_can_paste(user)
    with transaction.atomic():
        result = _run(data, dry_run=True)
        release = parse_bytes(data)  # what the importer parsed, again, for showing its fields
        already = _already(result)
        if already is None:
            article = Article.objects.select_related("section", "source").get(pk=result.article_id)
            proposed = set(result.proposed)
            preview = Preview(
                release=release,
                section=str(article.section) if article.section else "",
                source=str(article.source) if article.source else "",
                officials=[str(o) for o in article.officials.all() if str(o) not in proposed],
                organizations=[str(o) for o in article.organizations.all()],
                proposed=list(result.proposed),
            )
        else:
            preview = Preview(release, "", release.source, [], [], [], already=already)
        transaction.set_rollback(True)
    return preview


def create_draft(*, data: bytes, user) -> Article | AlreadyImported:
    """Import `data` as a new draft by `user` (parsed again: what was previewed is not trusted).

    Returns the draft, or AlreadyImported if the release was imported before; raises PasteRefused.
    """
    check_can_paste(user)
    with transaction.atomic():
        result = _run(data, dry_run=False)
        already = _already(result)
        if already is not None:
            return already
        # An update leaves updated_at alone, so the draft still counts as "not edited since import".
        Article.objects.filter(pk=result.article_id).update(author=user)
        draft = Article.objects.get(pk=result.article_id)
        # The release as read is the first version: what the desk changes later is compared with it.
        record_revision(draft, user=user, source=ArticleRevision.Source.PASTE)
        return draft
