"""What comments adds to articles, through articles' extension points (articles/extensions.py).

Connected once from CommentsConfig.ready(); the rules themselves live in comments.services.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from articles import extensions
from articles.persian import persian_digits
from comments import services
from comments.models import Comment


def _count_column(status: str, name: str, description):
    """A change-list column counting the article's comments in one state, sortable by that count."""
    alias = f"_{name}"

    @admin.display(description=description, ordering=alias)
    def column(article) -> str:
        return persian_digits(getattr(article, alias))

    column.__name__ = column.__qualname__ = name
    # distinct: the admin's search joins the translations, which would multiply the counted rows.
    count = Count("comments", filter=Q(comments__status=status), distinct=True)
    return extensions.admin_columns.register(column, annotations={alias: count})


def import_release_comments(imported: Sequence[extensions.Imported]) -> None:
    """The comments printed under a press release, as comments on its article."""
    services.import_comments(article_comments=[(item.article, item.release.comments) for item in imported])


def register() -> None:
    _count_column(Comment.Status.PUBLISHED, "published_comments", _("published comments"))
    _count_column(Comment.Status.PENDING, "pending_comments", _("pending comments"))
    _count_column(Comment.Status.REJECTED, "rejected_comments", _("rejected comments"))
    extensions.import_hooks.register(import_release_comments)
