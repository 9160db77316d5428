"""Editorial workflow: draft → in review → published, with the publishing right checked in one place."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.models import Article, DeletedImport

PUBLISH_PERMISSION = "articles.publish_article"


def can_publish(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


@transaction.atomic
def submit_for_review(*, article: Article, user) -> Article:
    """Editors send drafts to the chief editors. A published article is not pulled back by this."""
    if article.status == Article.Status.PUBLISHED:
        if not can_publish(user):
            raise PermissionDenied("Only a chief editor may take a published article back to review.")
    article.status = Article.Status.REVIEW
    article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def publish_article(*, article: Article, editor, at: datetime | None = None) -> Article:
    """Publish now, or at `at` (a future time schedules it; published() shows it when due).

    Keeps an existing publication time when none is given, so re-publishing does not move an article
    to the top of the front page.
    """
    if not can_publish(editor):
        raise PermissionDenied("Only a chief editor may publish.")
    article.status = Article.Status.PUBLISHED
    if at is not None:
        article.published_at = at
    elif article.published_at is None:
        article.published_at = timezone.now()
    article.full_clean(exclude=["news_code"])
    article.save(update_fields=["status", "published_at", "updated_at"])
    return article


@transaction.atomic
def unpublish_article(*, article: Article, editor) -> Article:
    if not can_publish(editor):
        raise PermissionDenied("Only a chief editor may unpublish.")
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def delete_articles(*, articles, user) -> int:
    """Delete articles; imported ones leave a DeletedImport behind so a re-import does not bring them
    back. Returns how many articles were deleted."""
    DeletedImport.objects.bulk_create(
        [
            DeletedImport(
                external_id=article.external_id, news_code=article.news_code, title=str(article)[:300],
                deleted_by=user if user and user.is_authenticated else None,
            )
            for article in articles.filter(external_id__isnull=False).prefetch_related("translations")
        ],
        ignore_conflicts=True,
    )  # fmt: skip
    _total, by_model = articles.delete()
    return by_model.get(Article._meta.label, 0)


def refresh_search_document(article: Article) -> None:
    """Recompute the normalized search text after the article or its mentions changed."""
    Article.objects.filter(pk=article.pk).update(search_document=article.search_text())
