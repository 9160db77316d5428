"""How comments are read on the site: what every comment template needs besides the comments, and each
comment of a thread as HTML, written here in Python in one pass: a busy thread shows hundreds of
comments per page, and a template drawn once per comment (with a lookup, a filter and an escape per
variable) cost more than everything else on the article page (docs/benchmarks.md). Shared by the views
and the template tag; imports neither."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines
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


def thread_html(
    comments: Iterable[Comment],
    *,
    comment_root: str,
    labels: dict,
    reply_href: str | None,
    votes: dict[int, int] | None = None,
) -> SafeString:
    """`comments` and all their `.children`, nested, as the article page shows them.

    Each comment is an <article id="comment-<pk>">: who wrote it (the reader's name, the newsroom or
    the replying official, with a badge), when (<time>: Jalali and Persian digits on Persian pages,
    Gregorian elsewhere; ISO 8601 for machines), the text (escaped, line breaks as <br>, Persian digits
    on Persian pages but in Latin-script runs), the like and dislike buttons with their counts, pressed
    (aria-pressed) for this reader's own vote in `votes` (comment id: 1 or -1, services.reader_votes()),
    which submit the section's one vote form (form="comment-votes"), a reply link when `reply_href` is
    given (comments open: `reply_href` + the id) and the report link; then its replies.

    `labels` are page_context()'s; `comment_root` is comment_root(). Everything a reader wrote is
    escaped here; nothing else on the page escapes it again."""
    if get_language_bidi():
        when, digits, text = persian.jalali_datetime, persian.persian_digits, persian.persian_digits_in_text
    else:
        when, digits, text = _gregorian_datetime, str, str
    votes = votes or {}
    like, dislike, reply, report, newsroom, newsroom_reply, official_reply = (
        escape(labels[key])
        for key in ("like", "dislike", "reply", "report", "newsroom", "newsroom_reply", "official_reply")
    )
    root = escape(comment_root)
    reply_at = escape(reply_href) if reply_href is not None else None
    badge = '<span class="comment-badge">{}</span>'
    official_badge, newsroom_badge = badge.format(official_reply), badge.format(newsroom_reply)
    parts: list[str] = []
    add = parts.append

    def draw(comment: Comment) -> None:
        pk = comment.pk
        classes = "comment"
        if comment.is_staff_reply:
            classes += " comment-newsroom"
        if comment.is_official_reply:
            classes += " comment-official"
            who = f"<strong>{escape(comment.official)}</strong> {official_badge}"
        elif comment.is_staff_reply:
            who = f"<strong>{newsroom}</strong> {newsroom_badge}"
        else:
            who = f"<strong>{escape(text(comment.display_name))}</strong>"
        posted = timezone.localtime(comment.created_at)
        body = escape(normalize_newlines(text(comment.body))).replace("\n", "<br>")
        vote = votes.get(pk, 0)
        action = f'form="comment-votes" formaction="{root}{pk}/vote/" name="value"'
        add(
            f'<article class="{classes}" id="comment-{pk}">\n'
            f'<p class="comment-meta">{who} <time datetime="{posted.strftime("%Y-%m-%dT%H:%M%z")}">'
            f"{escape(when(posted))}</time></p>\n"
            f'<p class="comment-body">{body}</p>\n'
            f'<p class="comment-actions"><button {action} value="like" aria-pressed="{_PRESSED[vote == 1]}">'
            f'<span class="visually-hidden">{like}</span> '
            f"<span data-likes>{digits(comment.likes)}</span></button> "
            f'<button {action} value="dislike" aria-pressed="{_PRESSED[vote == -1]}">'
            f'<span class="visually-hidden">{dislike}</span> '
            f"<span data-dislikes>{digits(comment.dislikes)}</span></button>\n"
        )
        if reply_at is not None:
            add(f'<a class="comment-reply" href="{reply_at}{pk}#comment-form">{reply}</a>\n')
        add(f'<a class="comment-report" href="{root}{pk}/report/">{report}</a></p>\n')
        children = getattr(comment, "children", ())
        if children:
            add('<div class="comment-replies">')
            for child in children:
                draw(child)
            add("</div>\n")
        add("</article>")

    for comment in comments:
        draw(comment)
    return mark_safe("".join(parts))


_PRESSED = {True: "true", False: "false"}


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
