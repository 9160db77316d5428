"""What happens to comments: posting, moderation, votes and reports. Every function here is atomic and
keyword-only; views and the admin only call them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Case, Count, Q, QuerySet, TextField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, search_document_of
from articles.services import can_publish
from comments import emails, spam
from comments.models import Comment, Report, Vote, WordRule
from newsroom.cache import CacheUnavailable

STAFF_REPLY_PERMISSION = "comments.add_comment"
# Top-level comments per page of an article's thread (each with all its replies), oldest first. A page of
# 100 busy threads is a few hundred KB; the whole of a 500-comment thread was a megabyte.
THREAD_PAGE_SIZE = 100
# The article page's query parameter for the page of its thread.
PAGE_PARAMETER = "comments"


class CommentRefused(Exception):
    """The comment, vote or report is refused as a whole; nothing was written. `str()` is for the reader."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.status = status


def _too_often(check: Callable[[str], bool], client: str, unavailable: str) -> bool:
    """A rate limit that fails closed: when the cache that counts is down, refuse with a 503 (the
    reader's text is kept by the form) rather than let a flood through uncounted."""
    try:
        return check(client)
    except CacheUnavailable:
        raise CommentRefused(unavailable, status=503) from None


def _post_unavailable() -> str:
    return _(
        "Your comment could not be sent just now because of a technical problem. "
        "Please try again in a few minutes."
    )


def _action_unavailable() -> str:
    return _(
        "This could not be done just now because of a technical problem. Please try again in a few minutes."
    )


# Reading ------------------------------------------------------------------------------------------------


def comments_open(article: Article) -> bool:
    if not (article.comments_enabled and article.is_published):
        return False
    days = settings.NEWSROOM_COMMENT_CLOSE_AFTER_DAYS
    return not days or article.published_at + timedelta(days=days) > timezone.now()


@dataclass(frozen=True)
class Counts:
    published: int
    pending: int
    rejected: int


def counts_for(article: Article) -> Counts:
    """One query. Spam is noise, not a reader's comment, so it is not counted."""
    totals = Comment.objects.filter(article=article).aggregate(
        published=Count("id", filter=Q(status=Comment.Status.PUBLISHED)),
        pending=Count("id", filter=Q(status=Comment.Status.PENDING)),
        rejected=Count("id", filter=Q(status=Comment.Status.REJECTED)),
    )
    return Counts(**totals)


def thread_for(article: Article) -> list[Comment]:
    """The published comments as a tree: top-level comments, each with `.children`. One query, however
    many comments. A reply whose parent is not published (any more) is left out with its parent."""
    comments = list(Comment.objects.published().filter(article=article).select_related("official"))
    by_id = {comment.pk: comment for comment in comments}
    roots: list[Comment] = []
    for comment in comments:
        comment.children = []
    for comment in comments:
        if comment.parent_id is None:
            roots.append(comment)
        elif comment.parent_id in by_id:
            by_id[comment.parent_id].children.append(comment)
    return roots


def thread_page(roots: list[Comment], number: str | int | None) -> Page:
    """One page of the tree from thread_for(), no query: the reader's page number as given (nonsense is
    the first page, past the end the last)."""
    return Paginator(roots, THREAD_PAGE_SIZE).get_page(number)


def thread_page_number(comment: Comment) -> int:
    """The page of its article's thread that shows `comment`: the page of its top-level comment.

    Queries: one per level up to the top-level comment (the parents are not loaded), and one count."""
    root = comment
    while root.parent_id is not None:
        root = root.parent
    earlier = (
        Comment.objects.published()
        .filter(article_id=root.article_id, parent__isnull=True)
        .filter(Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk))
        .count()
    )
    return earlier // THREAD_PAGE_SIZE + 1


def comment_url(comment: Comment) -> str:
    """The article page that shows `comment` (?comments=<n> past the first page of the thread), at the
    comment. Queries as thread_page_number()."""
    number = thread_page_number(comment)
    page = f"?{PAGE_PARAMETER}={number}" if number > 1 else ""
    return f"{comment.article.get_absolute_url()}{page}#comment-{comment.pk}"


def visible_comments() -> QuerySet[Comment]:
    """Published comments on published articles: what readers may reply to, vote on and report."""
    return Comment.objects.published().filter(article__in=Article.objects.published())


def visible_comment(pk: int) -> Comment:
    """One of visible_comments(), for votes and reports; DoesNotExist otherwise."""
    return visible_comments().get(pk=pk)


def comments_seen_by(user) -> QuerySet[Comment]:
    """The comments whose place on the site `user` may be sent to: the visible ones for readers, all of
    them for staff who see comments in the admin (its "view on site" link)."""
    if user.is_staff and user.has_perm("comments.view_comment"):
        return Comment.objects.all()
    return visible_comments()


# Posting ------------------------------------------------------------------------------------------------


def _reply_parent(article: Article, parent_id: int | None) -> Comment | None:
    """Replies deeper than NEWSROOM_COMMENT_MAX_DEPTH levels attach to the deepest allowed level."""
    if parent_id is None:
        return None
    parent = Comment.objects.published().filter(article=article, pk=parent_id).first()
    if parent is None:
        raise CommentRefused(_("The comment you are replying to is not available."))
    deepest = settings.NEWSROOM_COMMENT_MAX_DEPTH - 1
    while parent is not None and parent.depth + 1 > deepest:
        parent = parent.parent
    return parent


@transaction.atomic
def post_comment(
    *,
    article: Article,
    body: str,
    client: str,
    name: str = "",
    email: str = "",
    parent_id: int | None = None,
    user=None,
) -> Comment:
    """Post a reader's comment (or a newsroom reply, when `user` may write one) after the defences.

    `body` and `name` come from CommentForm, already cleaned of hostile characters. `client` is the keyed
    hash of the reader's address (comments.spam.request_ip_hash).
    """
    if not comments_open(article):
        raise CommentRefused(_("Comments on this article are closed."), status=403)
    staff = bool(user and user.is_authenticated and user.is_staff and user.has_perm(STAFF_REPLY_PERMISSION))
    if not staff and _too_often(spam.posting_too_often, client, _post_unavailable()):
        raise CommentRefused(
            _("You have sent several comments in a short time. Please wait a while."), status=429
        )
    parent = _reply_parent(article, parent_id)
    key = spam.body_key(body)
    if (
        settings.NEWSROOM_COMMENT_REFUSE_DUPLICATES
        and Comment.objects.filter(article=article, body_key=key).exists()
    ):
        raise CommentRefused(_("This comment has already been posted on this article."))

    comment = Comment(
        article=article,
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
        name=name,
        email=email.lower(),
        body=body,
        body_key=key,
        ip_hash=client,
    )
    if staff:
        comment.author = user
        comment.is_staff_reply = True
        comment.status = Comment.Status.PUBLISHED
    else:
        rules = WordRule.objects.values_list("kind", "word")
        verdict = spam.judge(
            f"{name}\n{body}",  # the name is shown too
            banned=[word for kind, word in rules if kind == WordRule.Kind.BANNED],
            suspect=[word for kind, word in rules if kind == WordRule.Kind.SUSPECT],
        )
        _apply_verdict(comment, verdict, hold_all=settings.NEWSROOM_COMMENT_PREMODERATION)
    try:
        comment.full_clean()
    except ValidationError as invalid:
        raise CommentRefused(" ".join(invalid.messages)) from None
    comment.save()
    return comment


# Whose words: newsroom and official replies ------------------------------------------------------------


def may_mark_official_replies(user) -> bool:
    """Putting words before readers as an official's reply (جوابیه) is publishing in the official's name:
    the chief editors' publishing right, not the moderators' or editors'."""
    return can_publish(user)


def _labels(comment: Comment | None) -> tuple:
    if comment is None:  # a comment being written: no author yet, no labels
        return (None, False, False, None)
    return (comment.author_id, comment.is_staff_reply, comment.is_official_reply, comment.official_id)


def check_reply_labels(*, user, before: Comment | None, after: Comment) -> None:
    """The one rule for whom a comment is shown as coming from. Raises CommentRefused (403).

    A reader's comment (no staff author) can never be relabelled, by anyone: neither its author nor its
    newsroom or official labels change. On a staff reply, making it an official's, naming another
    official or taking the label off is for a chief editor only. A new comment written in the admin gets
    its author from save_staff_comment, so `after` for one carries the staff author already.
    """
    old, new = _labels(before), _labels(after)
    if before is not None and old[0] != new[0]:
        raise CommentRefused(_("The author of a comment cannot be changed."), status=403)
    if after.author_id is None:
        if old[1:] != new[1:]:
            raise CommentRefused(
                _("A reader's comment cannot be shown as the newsroom's or an official's."), status=403
            )
        return
    if old[2:] != new[2:] and not may_mark_official_replies(user):
        raise CommentRefused(_("Only a chief editor can mark a reply as an official's."), status=403)


@transaction.atomic
def save_staff_comment(*, comment: Comment, user) -> Comment:
    """Save a comment written or edited in the admin, under check_reply_labels.

    A new one is `user`'s published reply: the newsroom's, or an official's reply typed in by a chief
    editor. On a staff reply the newsroom label follows the official one, so it is never set by hand."""
    before = Comment.objects.select_for_update().filter(pk=comment.pk).first() if comment.pk else None
    if before is None:
        if comment.parent_id is not None:  # a reply belongs to its parent's article, whatever was chosen
            comment.article_id = comment.parent.article_id
        comment.author = user
        comment.status = Comment.Status.PUBLISHED
        comment.depth = comment.parent.depth + 1 if comment.parent else 0
    if comment.author_id is not None:
        comment.is_staff_reply = not comment.is_official_reply
    check_reply_labels(user=user, before=before, after=comment)
    comment.save()
    return comment


# Imported comments -------------------------------------------------------------------------------------


def _apply_verdict(comment: Comment, verdict: spam.Verdict, *, hold_all: bool) -> None:
    """Set the status the defences decided; `hold_all` holds what they let through (premoderation).
    The hold reason is a code; rejection_reason is for a moderator's own words."""
    if verdict.status == Comment.Status.REJECTED:
        comment.status = Comment.Status.REJECTED
    elif verdict.status == Comment.Status.PENDING or hold_all:
        comment.status = Comment.Status.PENDING
    else:
        comment.status = Comment.Status.PUBLISHED
    comment.hold_reason = verdict.reason


def _importable(body: str) -> bool:
    """What the comment form would accept (comments.forms.CommentForm.clean_body), for a text that has
    no reader to tell why not: it is skipped."""
    return (
        bool(body)
        and len(body) <= settings.NEWSROOM_COMMENT_MAX_LENGTH
        and spam.line_count(body) <= settings.NEWSROOM_COMMENT_MAX_LINES
        and not spam.is_zalgo(body)
    )


@transaction.atomic
def import_comments(*, article_comments: Sequence[tuple[Article, Sequence[str]]]) -> list[Comment]:
    """Comments that came with imported press releases, as anonymous readers' comments on the articles.

    The rules of any comment: text cleaned as the form cleans it, text with control characters or that
    the form would refuse (too long, too many lines, zalgo) skipped,
    the same text twice on one article (or already stored there) skipped, the word rules and link limit
    judged (banned: rejected; suspect or too many links: held). The rest is published, as it was on the
    source site, whatever the premoderation setting. Three queries for any number of comments.
    """
    article_ids = [article.pk for article, _texts in article_comments]
    rules = list(WordRule.objects.values_list("kind", "word"))
    banned = [word for kind, word in rules if kind == WordRule.Kind.BANNED]
    suspect = [word for kind, word in rules if kind == WordRule.Kind.SUSPECT]
    # Comments stored before keys were kept have none: their key is worked out from the text.
    unkeyed_body = Case(When(body_key="", then="body"), default=Value(""), output_field=TextField())
    stored = Comment.objects.filter(article_id__in=article_ids).values_list(
        "article_id", "body_key", unkeyed_body
    )
    seen = {(article_id, key or spam.body_key(body)) for article_id, key, body in stored}
    rows = []
    for article, texts in article_comments:
        for raw in texts:
            if spam.has_control_characters(raw):
                continue
            body = spam.clean_text(raw)
            if not _importable(body):
                continue
            key = spam.body_key(body)
            if (article.pk, key) in seen:
                continue
            seen.add((article.pk, key))
            comment = Comment(
                article=article, body=body, body_key=key, search_document=search_document_of(body)
            )  # bulk_create below skips Comment.save(), which keeps the admin's search column
            # Published on the source site: held only when the defences say so, whatever premoderation.
            _apply_verdict(comment, spam.judge(body, banned=banned, suspect=suspect), hold_all=False)
            try:
                # The article is in hand: checking that it exists would be a query per comment, as
                # would full_clean()'s constraint checks.
                comment.clean_fields(exclude=["article"])
            except ValidationError:
                continue
            rows.append(comment)
    return Comment.objects.bulk_create(rows) if rows else []


# Moderation ---------------------------------------------------------------------------------------------


MODERATION_PERMISSION = "comments.change_comment"


def may_moderate(user) -> bool:
    """Publishing, rejecting and marking readers' comments, and dismissing their reports: moderators (and
    chief editors given the right), not editors, who may only write the newsroom's replies."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm(MODERATION_PERMISSION)
    )


def _require_moderator(user) -> None:
    if not may_moderate(user):
        raise CommentRefused(_("Only a moderator can decide on readers' comments."), status=403)


def rejection_reason(*, listed: str = "", note: str = "") -> str:
    """One reason from the chief editors' list and the moderator's own words, either or both."""
    parts = [spam.clean_text(part or "") for part in (listed, note)]
    return "؛ ".join(part for part in parts if part)[: Comment._meta.get_field("rejection_reason").max_length]


def _decide(comment: Comment, moderator, status: str, reason: str = "") -> Comment:
    _require_moderator(moderator)
    now = timezone.now()
    comment.status = status
    comment.rejection_reason = reason
    comment.moderated_at = now
    comment.moderated_by = moderator
    # The moderator has looked at it: the reports so far are answered.
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=now)
    comment.report_count = 0
    comment.full_clean()
    comment.save()
    if status != Comment.Status.SPAM:  # never mail an address a spammer typed in
        emails.tell_commenter(comment)
    return comment


@transaction.atomic
def approve_comment(*, comment: Comment, moderator) -> Comment:
    return _decide(comment, moderator, Comment.Status.PUBLISHED)


@transaction.atomic
def reject_comment(*, comment: Comment, moderator, reason: str) -> Comment:
    reason = spam.clean_text(reason or "")
    if not reason:
        raise CommentRefused(_("Give a reason for rejecting the comment."))
    return _decide(comment, moderator, Comment.Status.REJECTED, reason)


@transaction.atomic
def mark_spam(*, comment: Comment, moderator) -> Comment:
    return _decide(comment, moderator, Comment.Status.SPAM)


@transaction.atomic
def dismiss_reports(*, comment: Comment, moderator) -> Comment:
    """The reports are unfounded: they are resolved, the comment stays (or is again) published, and the
    moderator who looked is recorded. No email: nothing changed for the commenter."""
    _require_moderator(moderator)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    now = timezone.now()
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=now)
    comment.report_count = 0
    if comment.status == Comment.Status.PENDING and comment.hold_reason == Comment.HoldReason.REPORTED:
        comment.status = Comment.Status.PUBLISHED  # the reports took it down; they are answered
        comment.hold_reason = ""
    comment.moderated_at = now
    comment.moderated_by = moderator
    comment.save(update_fields=["report_count", "status", "hold_reason", "moderated_at", "moderated_by"])
    return comment


@transaction.atomic
def reply_as_newsroom(*, parent: Comment, user, body: str) -> Comment:
    """The newsroom's reply (پاسخ تحریریه) to a comment, written from the queue: published at once, under
    `parent` (or its ancestor at the deepest allowed level). A reply under a comment readers cannot see
    would be hidden with it, so replying to a pending comment publishes it (a moderator's decision);
    a rejected or spam comment gets no reply."""
    if not (user and user.is_authenticated and user.is_staff and user.has_perm(STAFF_REPLY_PERMISSION)):
        raise CommentRefused(_("You may not write the newsroom's replies."), status=403)
    if spam.has_control_characters(body or ""):
        raise CommentRefused(_("The text contains characters that are not allowed."))
    body = spam.clean_text(body or "")
    if not body:
        raise CommentRefused(_("Write the reply."))
    if len(body) > settings.NEWSROOM_COMMENT_MAX_LENGTH:
        raise CommentRefused(_("The reply is too long."))
    parent = Comment.objects.select_for_update().get(pk=parent.pk)
    if parent.status == Comment.Status.PENDING:
        _decide(parent, user, Comment.Status.PUBLISHED)
    elif parent.status != Comment.Status.PUBLISHED:
        raise CommentRefused(_("A rejected or spam comment cannot be replied to."))
    while parent.depth + 1 > settings.NEWSROOM_COMMENT_MAX_DEPTH - 1 and parent.parent_id is not None:
        parent = parent.parent
    comment = Comment(
        article_id=parent.article_id,
        parent=parent,
        depth=parent.depth + 1,
        body=body,
        body_key=spam.body_key(body),
        author=user,
        is_staff_reply=True,
        status=Comment.Status.PUBLISHED,
    )
    comment.save()
    return comment


# Votes and reports --------------------------------------------------------------------------------------


def _lock_visible_comment(comment_id: int) -> Comment:
    """The published comment, its row locked until the transaction ends, so concurrent votes and reports
    on one comment queue up; refused with a 404 when readers cannot see it."""
    try:
        comment = visible_comment(comment_id)
    except Comment.DoesNotExist:
        raise CommentRefused(_("This comment is not available."), status=404) from None
    return Comment.objects.select_for_update().get(pk=comment.pk)


@transaction.atomic
def vote(*, comment_id: int, voter: str, client: str, value: int) -> Comment:
    """Like (1) or dislike (-1). The same vote again withdraws it; the other one changes it. The comment
    returned carries its new counts and `reader_vote`, this reader's vote now (1, -1, or 0 if withdrawn).

    The comment row is locked first, so concurrent votes on one comment queue up and the counts, recounted
    from the vote rows, always match them. One reader is one signed-cookie id; one client address may
    bring at most NEWSROOM_COMMENT_VOTERS_PER_CLIENT readers to a comment (clearing cookies is not a
    way to vote again and again).
    """
    if value not in Vote.Value.values:
        raise CommentRefused(_("Unknown vote."))
    if _too_often(spam.voting_too_often, client, _action_unavailable()):
        raise CommentRefused(_("Too many votes in a short time. Please wait a while."), status=429)
    comment = _lock_visible_comment(comment_id)
    existing = Vote.objects.filter(comment=comment, voter=voter).first()
    if existing is None:
        if (
            Vote.objects.filter(comment=comment, ip_hash=client).count()
            >= settings.NEWSROOM_COMMENT_VOTERS_PER_CLIENT
        ):
            raise CommentRefused(
                _("Votes from your connection on this comment have been counted."), status=429
            )
        Vote.objects.create(comment=comment, voter=voter, ip_hash=client, value=value)
    elif existing.value == value:
        existing.delete()
        value = 0
    else:
        existing.value = value
        existing.save(update_fields=["value", "updated_at"])
    totals = comment.votes.aggregate(
        likes=Count("id", filter=Q(value=Vote.Value.LIKE)),
        dislikes=Count("id", filter=Q(value=Vote.Value.DISLIKE)),
    )
    Comment.objects.filter(pk=comment.pk).update(**totals)
    comment.likes, comment.dislikes = totals["likes"], totals["dislikes"]
    comment.reader_vote = value
    return comment


def reader_votes(*, voter: str, comment_ids: list[int]) -> dict[int, int]:
    """This reader's votes on these comments ({comment id: 1 or -1}): one query, through the index of
    the one-vote-per-reader constraint."""
    if not comment_ids:
        return {}
    return dict(
        Vote.objects.filter(comment_id__in=comment_ids, voter=voter).values_list("comment_id", "value")
    )


@transaction.atomic
def report(*, comment_id: int, client: str, reason: str) -> Comment:
    """Report a comment. One report per client address per comment; when the open reports reach
    NEWSROOM_COMMENT_REPORT_THRESHOLD, a published comment goes back to the moderators' queue."""
    if reason not in Report.Reason.values:
        raise CommentRefused(_("Choose a reason for the report."))
    if _too_often(spam.voting_too_often, client, _action_unavailable()):
        raise CommentRefused(_("Too many requests in a short time. Please wait a while."), status=429)
    comment = _lock_visible_comment(comment_id)
    Report.objects.get_or_create(comment=comment, ip_hash=client, defaults={"reason": reason})
    comment.report_count = comment.reports.filter(resolved_at__isnull=True).count()
    fields = ["report_count"]
    if comment.report_count >= settings.NEWSROOM_COMMENT_REPORT_THRESHOLD:
        comment.status = Comment.Status.PENDING
        comment.hold_reason = Comment.HoldReason.REPORTED
        fields += ["status", "hold_reason"]
    comment.save(update_fields=fields)
    return comment
