"""How comments are read on the site: what every comment template needs besides the comments, and what
each comment in a thread shows, computed once in Python: a busy thread draws comment.html hundreds of
times per page, and there every variable lookup and filter costs more than the string it makes (see
bench/thread_bench.py). Shared by the views and the template tag; imports neither."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from articles import persian
from comments.models import Comment

# The messages the comment views leave for the article page carry this tag (the page shows no others).
MESSAGE_TAG = "comments"
# The article page's query parameter naming the comment its form replies to (the thread's reply links).
REPLY_PARAMETER = "reply"
# A vote's value as the vote buttons name it (their `value`, and the vote view's JSON answer).
VOTE_NAMES = {1: "like", -1: "dislike"}


def page_context() -> dict:
    """What every comment template needs besides the comments themselves."""
    return {
        "premoderation": settings.NEWSROOM_COMMENT_PREMODERATION,
        "comment_root": comment_root(),
        # Reply links are relative to the article page; the tag adds the page of the thread past the first.
        "reply_href": f"?{REPLY_PARAMETER}=",
        # Translated once per page rather than once per comment.
        "labels": {
            "like": _("Like"),
            "dislike": _("Dislike"),
            "reply": _("Reply"),
            "report": _("Report"),
            "newsroom": _("The newsroom"),
            "newsroom_reply": _("Newsroom's reply"),
            "official_reply": _("Official's reply"),
        },
    }


def comment_root() -> str:
    """The comments' URL prefix ("/comments/", "/en/comments/"), reversed once per page: a long thread
    pastes each comment's id and action after it instead of reversing two URLs per comment. The vote
    and report routes are `<pk>/vote/` and `<pk>/report/` under it (tests/comments pin the two together)."""
    return reverse("comments:vote", args=[0]).removesuffix("0/vote/")


def prepare(comments: Iterable[Comment], *, comment_root: str, votes: dict[int, int] | None = None) -> None:
    """Set the display strings comment.html uses on `comments` and all their `.children`: `vote_url`,
    `report_url`, `posted_iso` (machine-readable), `posted`, `name_shown`, `body_shown` (escaped, line
    breaks as <br>), `likes_shown` and `dislikes_shown` (Jalali and Persian digits on Persian pages,
    Gregorian and Latin digits elsewhere), and `liked` and `disliked` ("true" or "false", the buttons'
    aria-pressed) from `votes`, this reader's votes by comment id (services.reader_votes())."""
    if get_language_bidi():
        when, digits, text = persian.jalali_datetime, persian.persian_digits, persian.persian_digits_in_text
    else:
        when, digits, text = _gregorian_datetime, str, str
    votes = votes or {}
    pending = list(comments)
    while pending:
        comment = pending.pop()
        base = f"{comment_root}{comment.pk}/"
        comment.vote_url = base + "vote/"
        comment.report_url = base + "report/"
        comment.posted_iso = timezone.localtime(comment.created_at).strftime("%Y-%m-%dT%H:%M%z")
        comment.posted = when(comment.created_at)
        comment.name_shown = text(comment.display_name)
        comment.body_shown = linebreaksbr(text(comment.body))
        comment.likes_shown = digits(comment.likes)
        comment.dislikes_shown = digits(comment.dislikes)
        vote = votes.get(comment.pk, 0)
        comment.liked = "true" if vote == 1 else "false"
        comment.disliked = "true" if vote == -1 else "false"
        pending.extend(getattr(comment, "children", ()))


def comment_ids(comments: Iterable[Comment]) -> list[int]:
    """The ids of `comments` and of all their `.children`."""
    ids = []
    pending = list(comments)
    while pending:
        comment = pending.pop()
        ids.append(comment.pk)
        pending.extend(getattr(comment, "children", ()))
    return ids


def _gregorian_datetime(value) -> str:
    return formats.date_format(timezone.localtime(value), "j F Y, H:i")
