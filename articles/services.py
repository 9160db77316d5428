"""Editorial workflow: draft → in review → published, with the publishing right checked in one place."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import preview
from articles.models import (
    Article,
    ArticleRevision,
    DeletedImport,
    Official,
    Organization,
    Section,
    Tag,
    TagTranslation,
    clean_tag_name,
    new_preview_nonce,
)
from articles.persian import normalize
from articles.revisions import TRANSLATED_FIELDS, published_at_of, record_revision

PUBLISH_PERMISSION = "articles.publish_article"
CONFIRM_OFFICIAL_PERMISSION = "articles.change_official"
TAG_ARTICLE_PERMISSION = "articles.change_article"
ADD_TAG_PERMISSION = "articles.add_tag"
DELETE_TAG_PERMISSION = "articles.delete_tag"


def can_publish(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


class VisibilityChangeDenied(PermissionDenied):
    """A save that would change what readers see, by a user without the publishing right. `field` names
    the form field to show the message on."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.field = field


def check_visibility_change(*, user, before: Article | None, after: Article) -> None:
    """The one rule for who may move an article into or out of what readers see, by any field.

    Without the publishing right, a save must not change what readers see now, and must not bring an
    article nearer to being seen: status may not move into or out of "published" (that publishes,
    schedules, unschedules or takes down), a publication time may not take a live article out of view or
    bring a scheduled one into it, and a scheduled article may only be put off, never brought forward
    (it would appear before the time a chief editor chose). A draft's time is free: readers see nothing.
    `before` is the stored article (None for a new one); `after` carries the values about to be saved.
    """
    if can_publish(user):
        return
    published = Article.Status.PUBLISHED
    was = before.status if before is not None else None
    if after.status != was and published in {after.status, was}:
        raise VisibilityChangeDenied(
            _("Only a chief editor can publish or unpublish. Send the article to review instead."),
            field="status",
        )
    if before is None or after.status != published:
        return
    brought_forward = (
        before.is_scheduled
        and after.is_scheduled
        and None not in (before.published_at, after.published_at)
        and after.published_at < before.published_at
    )
    if before.is_published != after.is_published or brought_forward:
        raise VisibilityChangeDenied(
            _(
                "Only a chief editor can change the publication time so that the article appears sooner "
                "or leaves readers' view. You may put a scheduled article off to a later time."
            ),
            field="published_at",
        )


@transaction.atomic
def save_article(*, article: Article, user) -> Article:
    """Save an article edited by `user` (the admin's save path), under the visibility rule above.

    The stored row is read under a lock, so the rule compares with what readers see at this moment."""
    before = Article.objects.select_for_update().filter(pk=article.pk).first() if article.pk else None
    check_visibility_change(user=user, before=before, after=article)
    article.save()
    return article


@transaction.atomic
def submit_for_review(*, article: Article, user) -> Article:
    """Editors send drafts to the chief editors. A published article is not pulled back by this."""
    if article.status == Article.Status.PUBLISHED:
        if not can_publish(user):
            raise PermissionDenied(_("Only a chief editor may take a published article back to review."))
    article.status = Article.Status.REVIEW
    article.save(update_fields=["status", "updated_at"])
    record_revision(article, user=user)
    return article


@transaction.atomic
def publish_article(*, article: Article, editor, at: datetime | None = None) -> Article:
    """Publish now, or at `at` (a future time schedules it; published() shows it when due).

    Keeps an existing publication time when none is given, so re-publishing does not move an article
    to the top of the front page.
    """
    if not can_publish(editor):
        raise PermissionDenied(_("Only a chief editor may publish."))
    article.status = Article.Status.PUBLISHED
    if at is not None:
        article.published_at = at
    elif article.published_at is None:
        article.published_at = timezone.now()
    article.full_clean(exclude=["news_code"])
    article.save(update_fields=["status", "published_at", "updated_at"])
    record_revision(article, user=editor)
    return article


@transaction.atomic
def unpublish_article(*, article: Article, editor) -> Article:
    if not can_publish(editor):
        raise PermissionDenied(_("Only a chief editor may unpublish."))
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    record_revision(article, user=editor)
    return article


def create_preview_link(*, article: Article, user) -> preview.PreviewLink:
    """A signed link that shows the article, not yet live, to someone without an account, for
    NEWSROOM_PREVIEW_HOURS. Chief editors only: the link shows unpublished text outside the newsroom."""
    if not can_publish(user):
        raise PermissionDenied(_("Only a chief editor may send a preview link."))
    if article.is_published:
        raise ValidationError(_("This article is already on the site; send its address instead."))
    return preview.make_link(article)


def revoke_preview_links(*, article: Article, user) -> Article:
    """Every preview link given out for the article stops working (a new nonce is signed from now on)."""
    if not can_publish(user):
        raise PermissionDenied(_("Only a chief editor may revoke preview links."))
    article.preview_nonce = new_preview_nonce()
    # Not updated_at: revoking links does not change the article readers see.
    Article.objects.filter(pk=article.pk).update(preview_nonce=article.preview_nonce)
    return article


@transaction.atomic
def delete_articles(*, articles, user) -> int:
    """Delete articles; imported ones leave a DeletedImport behind so a re-import does not bring them
    back. Returns how many articles were deleted.

    Deleting a published or scheduled article takes it out of what readers see (now or when due): only a
    chief editor may, as with unpublishing. Refuses the whole batch, deleting nothing."""
    if not can_publish(user) and articles.filter(status=Article.Status.PUBLISHED).exists():
        raise PermissionDenied(_("Only a chief editor may delete a published or scheduled article."))
    DeletedImport.objects.bulk_create(
        [
            DeletedImport(
                external_id=article.external_id,
                news_code=article.news_code,
                title=str(article)[:300],
                deleted_by=user if user and user.is_authenticated else None,
            )
            for article in articles.filter(external_id__isnull=False).prefetch_related("translations")
        ],
        ignore_conflicts=True,
    )
    _total, by_model = articles.delete()
    return by_model.get(Article._meta.label, 0)


@transaction.atomic
def restore_revision(*, revision: ArticleRevision, user) -> Article:
    """Bring an article back to a kept version; the restore is itself a new version.

    Goes through the same publishing rule as a save: an editor cannot restore a version that would
    publish, unpublish, schedule or bring forward the article (VisibilityChangeDenied, nothing written).
    Sections, agencies, officials and organizations deleted since the version are left out."""
    data = revision.data
    before = Article.objects.select_for_update().get(pk=revision.article_id)
    article = Article.objects.get(pk=revision.article_id)
    article.status = data["status"]
    article.published_at = published_at_of(data)
    check_visibility_change(user=user, before=before, after=article)
    if "urgent" in data:  # versions kept before the flag existed leave it as it is
        article.urgent = data["urgent"]
    article.section_id = _existing(Section, data.get("section"))
    article.source_id = _existing(Organization, data.get("source"))
    article.image.name = data.get("image", "")
    article.image_caption = data.get("image_caption", "")
    article.image_credit = data.get("image_credit", "")
    languages = data.get("translations", {})
    for language, fields in languages.items():
        article.set_current_language(language)
        for name in TRANSLATED_FIELDS:
            setattr(article, name, fields.get(name, ""))
    article.save()
    if languages:  # a language added since the version goes, as the version had it
        for language in set(article.get_available_languages()) - set(languages):
            article.delete_translation(language)
    article.officials.set(Official.objects.filter(pk__in=data.get("officials", [])))
    article.organizations.set(Organization.objects.filter(pk__in=data.get("organizations", [])))
    if "tags" in data:  # versions kept before articles had tags say nothing about them: tags stay
        article.tags.set(Tag.objects.filter(pk__in=data["tags"]))
    refresh_search_document(article)
    record_revision(article, user=user, source=ArticleRevision.Source.RESTORE, restored_from=revision)
    return article


def _existing(model, pk: int | None) -> int | None:
    return model.objects.filter(pk=pk).values_list("pk", flat=True).first() if pk else None


def refresh_search_document(article: Article) -> None:
    """Recompute the normalized search text after the article or its mentions changed."""
    Article.objects.filter(pk=article.pk).update(search_document=article.search_text())


def refresh_search_documents(articles: QuerySet[Article], *, chunk_size: int = 500) -> int:
    """refresh_search_document() for many articles: per chunk, a query for the rows and one per prefetched
    relation to read them, and one update.
    Leaves updated_at alone: this is not an editor's change. Returns how many were refreshed."""
    count = 0
    rows = articles.order_by().prefetch_related(
        "translations", "officials", "organizations__translations", "tags__translations"
    )
    chunk: list[Article] = []
    for article in rows.iterator(chunk_size=chunk_size):
        article.search_document = article.search_text()
        chunk.append(article)
        if len(chunk) == chunk_size:
            count += Article.objects.bulk_update(chunk, ["search_document"])
            chunk = []
    if chunk:
        count += Article.objects.bulk_update(chunk, ["search_document"])
    return count


# What an official's or an organization's mentions put into articles' search text (Article.search_text):
# a change to any of these fields leaves older articles unfindable by the new name until refreshed.
SEARCHED_ENTITY_FIELDS = {
    Official: {"is_verified", "name", "aliases"},
    Organization: {"name", "short_name", "aliases"},
}


def refresh_articles_mentioning(entity: Official | Organization, *, changed: set[str] | None = None) -> int:
    """Keep search true after an official or an organization changed: refresh the search documents of
    the articles that mention it, when `changed` (field names; None for "anything") touches what those
    documents copy. Returns how many articles were refreshed."""
    searched = SEARCHED_ENTITY_FIELDS[type(entity)]
    if changed is not None and not searched & set(changed):
        return 0
    relation = "officials" if isinstance(entity, Official) else "organizations"
    return refresh_search_documents(Article.objects.filter(**{relation: entity}))


@transaction.atomic
def confirm_officials(*, officials: QuerySet[Official], user) -> int:
    """Show unconfirmed officials to readers, and make the articles that mention them findable by
    their names. Returns how many officials were confirmed."""
    if not (user and user.is_active and user.has_perm(CONFIRM_OFFICIAL_PERMISSION)):
        raise PermissionDenied(_("Only an editor may confirm officials."))
    pending = list(officials.filter(is_verified=False).values_list("pk", flat=True))
    Official.objects.filter(pk__in=pending).update(is_verified=True)
    refresh_search_documents(Article.objects.filter(officials__in=pending).distinct())
    return len(pending)


# Tags -----------------------------------------------------------------------------------------------------


def tags_named(names: Iterable[str], *, language: str, user) -> list[Tag]:
    """The tags these typed names stand for, in order and once each: an existing tag when its name in
    `language` has the same normalized key («الكترونيك» is «الکترونیک»), else a new tag named as typed
    in that language (refused without the right to add tags). Two queries, plus a few per new tag."""
    spellings: dict[str, str] = {}
    for name in names:
        cleaned = clean_tag_name(name)
        spellings.setdefault(normalize(cleaned), cleaned)  # the first spelling typed names a new tag
    found = {
        row.key: row.master
        for row in TagTranslation.objects.filter(language_code=language, key__in=spellings).select_related(
            "master"
        )
    }
    missing = [key for key in spellings if key not in found]
    if missing and not (user and user.is_active and user.has_perm(ADD_TAG_PERMISSION)):
        raise PermissionDenied(_("Only an editor may make a new tag; choose one of the existing tags."))
    for key in missing:
        found[key] = _new_tag(spellings[key], language=language)
    return [found[key] for key in spellings]


def _new_tag(name: str, *, language: str) -> Tag:
    """Make a tag, or return the one another editor made with the same key a moment ago."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                tag = Tag()
                tag.set_current_language(language)
                tag.name = name
                tag.save()
                return tag
        except IntegrityError:  # the key, or the slug free a moment ago, was taken meanwhile
            existing = TagTranslation.objects.filter(language_code=language, key=normalize(name)).first()
            if existing is not None:
                return existing.master
    raise IntegrityError(f"could not make a tag named {name!r}")


@transaction.atomic
def set_article_tags(*, article: Article, tags: Iterable[Tag | str], user, language: str) -> list[Tag]:
    """Give the article exactly these tags: Tag objects, and names an editor typed (matched or made in
    `language` by tags_named()). Keeps the article's search text true when the tags changed. The
    caller keeps the version (the admin's save records one for the whole form). Returns the tags."""
    if not (user and user.is_active and user.has_perm(TAG_ARTICLE_PERMISSION)):
        raise PermissionDenied(_("Only an editor may tag articles."))
    tags = list(tags)
    chosen = [tag for tag in tags if isinstance(tag, Tag)]
    chosen += tags_named([tag for tag in tags if isinstance(tag, str)], language=language, user=user)
    chosen = list({tag.pk: tag for tag in chosen}.values())
    if {tag.pk for tag in chosen} != set(article.tags.values_list("pk", flat=True)):
        article.tags.set(chosen)
        refresh_search_document(article)
    return chosen


def refresh_articles_tagged(tag: Tag, *, changed: set[str] | None = None) -> int:
    """Keep search true after a tag was renamed (`changed` holds "name"; None for "anything"): the
    articles carrying it are found by its names. Returns how many articles were refreshed."""
    if changed is not None and "name" not in changed:
        return 0
    return refresh_search_documents(Article.objects.filter(tags=tag))


@transaction.atomic
def delete_tags(*, tags: QuerySet[Tag], user) -> int:
    """Delete tags (from every article that has them) and keep those articles' search text true.
    Returns how many tags were deleted."""
    if not (user and user.is_active and user.has_perm(DELETE_TAG_PERMISSION)):
        raise PermissionDenied(_("Only a chief editor may delete tags."))
    tagged = list(Article.objects.filter(tags__in=tags).values_list("pk", flat=True).distinct())
    _total, by_model = tags.delete()
    refresh_search_documents(Article.objects.filter(pk__in=tagged))
    return by_model.get(Tag._meta.label, 0)
