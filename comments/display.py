"""What each comment in a thread shows, computed once in Python: a busy thread draws comment.html
hundreds of times per page, and there every variable lookup and filter costs more than the string it
makes (see bench/thread_bench.py)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from articles import persian
from comments.models import Comment


def prepare(comments: Iterable[Comment], *, comment_root: str) -> None:
    """Set the display strings comment.html uses on `comments` and all their `.children`: `vote_url`,
    `report_url`, `posted_iso` (machine-readable), `posted` (Jalali), `likes_fa`, `dislikes_fa`."""
    pending = list(comments)
    while pending:
        comment = pending.pop()
        base = f"{comment_root}{comment.pk}/"
        comment.vote_url = base + "vote/"
        comment.report_url = base + "report/"
        comment.posted_iso = timezone.localtime(comment.created_at).strftime("%Y-%m-%dT%H:%M%z")
        comment.posted = persian.jalali_datetime(comment.created_at)
        comment.likes_fa = persian.persian_digits(comment.likes)
        comment.dislikes_fa = persian.persian_digits(comment.dislikes)
        pending.extend(getattr(comment, "children", ()))
