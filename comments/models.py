"""Reader comments. Their behaviour (posting, moderation, defences) lives in services and spam modules."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Official, search_document_of


class CommentQuerySet(models.QuerySet):
    def published(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PUBLISHED)

    def pending(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)

    def reported(self) -> CommentQuerySet:
        """Comments with reports no moderator has looked at yet, whatever their state."""
        return self.filter(report_count__gt=0)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending review")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        SPAM = "spam", _("spam")

    class HoldReason(models.TextChoices):
        """Why the defences held or rejected a comment: stored as a code, shown in the reader's language."""

        BANNED_WORD = "banned_word", _("contains a banned word")
        SUSPECT_WORD = "suspect_word", _("contains a suspect word")
        TOO_MANY_LINKS = "too_many_links", _("too many links")
        REPORTED = "reported", _("reported by readers")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    # 0 for a comment on the article, 1 for a reply to it, and so on; kept by comments.services.
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    name = models.CharField(_("name"), max_length=80, blank=True)
    email = models.EmailField(_("email"), blank=True, help_text=_("Never shown to readers."))
    body = models.TextField(_("text"))
    # SHA-256 of the normalized text: the same words again on the same article are refused.
    body_key = models.CharField(_("text key"), max_length=64, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.CharField(_("rejection reason"), max_length=300, blank=True)
    # Why the defences held or rejected it (too many links, a suspect word…), for the moderator.
    # A HoldReason code (rows from before the codes were mapped to them by migration 0006).
    hold_reason = models.CharField(
        _("held because"), max_length=200, choices=HoldReason.choices, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    # HMAC of the client address with a server-side key: enough to rate-limit and to tell voters apart,
    # useless for finding who the reader is.
    ip_hash = models.CharField(_("client hash"), max_length=64, blank=True, editable=False)

    # Newsroom and official replies.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    is_staff_reply = models.BooleanField(_("newsroom reply"), default=False)
    is_official_reply = models.BooleanField(_("official's reply (جوابیه)"), default=False)
    official = models.ForeignKey(
        Official,
        verbose_name=_("replying official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
    )

    # Recounted from the vote and open report rows by comments.services, under a row lock.
    likes = models.PositiveIntegerField(_("likes"), default=0, editable=False)
    dislikes = models.PositiveIntegerField(_("dislikes"), default=0, editable=False)
    report_count = models.PositiveIntegerField(_("reports"), default=0, editable=False)

    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Name and text, normalized (articles.persian.normalize): what the admin's search matches. Kept by save().
    search_document = models.TextField(blank=True, default="", editable=False)
    # When the commenter was told the outcome: counts towards the per-address email limit.
    outcome_emailed_at = models.DateTimeField(_("outcome emailed"), null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            # Serves the article page's thread and its counts by state.
            models.Index(fields=["article", "status", "created_at"], name="comment_thread_idx"),
            # Serves the moderators' queue, oldest pending first.
            models.Index(fields=["status", "created_at"], name="comment_queue_idx"),
            # Serves the duplicate check: the same text on the same article.
            models.Index(fields=["article", "body_key"], name="comment_duplicate_idx"),
            # Serves the per-address limit on outcome emails.
            models.Index(fields=["email", "outcome_emailed_at"], name="comment_email_limit_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="comment_official_reply_names_the_official",
                condition=Q(is_official_reply=False) | Q(official__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.body[:60]

    def save(self, *args, **kwargs):
        self.search_document = search_document_of(self.name, self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "body"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_document"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """No query: a redirect (views.show) works out the page of the article's thread that shows it."""
        return reverse("comments:show", args=[self.pk])

    def clean(self) -> None:
        if self.is_official_reply and self.official_id is None:
            raise ValidationError({"official": _("An official's reply must name the official.")})
        if self.status == self.Status.REJECTED and not (
            self.rejection_reason.strip() or self.rejected_by_defences
        ):
            raise ValidationError({"rejection_reason": _("Give a reason for rejecting the comment.")})

    @property
    def rejected_by_defences(self) -> bool:
        """Rejected for a banned word with no moderator involved: the code in hold_reason is the reason."""
        return self.moderated_at is None and self.hold_reason == self.HoldReason.BANNED_WORD

    @property
    def display_name(self) -> str:
        return self.name or gettext("Anonymous")


class PendingComment(Comment):
    """The moderators' queue: its own page in the admin."""

    class Meta:
        proxy = True
        verbose_name = _("pending comment")
        verbose_name_plural = _("queue: pending comments")


class ReportedComment(Comment):
    """Comments readers reported, for a moderator to keep or take down."""

    class Meta:
        proxy = True
        verbose_name = _("reported comment")
        verbose_name_plural = _("queue: reported comments")


class Vote(models.Model):
    class Value(models.IntegerChoices):
        LIKE = 1, _("like")
        DISLIKE = -1, _("dislike")

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="votes"
    )
    # The random id in the reader's signed cookie.
    voter = models.CharField(_("reader"), max_length=64)
    ip_hash = models.CharField(_("client hash"), max_length=64)
    value = models.SmallIntegerField(_("vote"), choices=Value.choices)
    created_at = models.DateTimeField(_("voted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["comment", "voter"], name="vote_once_per_reader"),
        ]
        indexes = [
            # Serves the per-client cap on voters for one comment.
            models.Index(fields=["comment", "ip_hash"], name="vote_client_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_value_display()} #{self.comment_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        ABUSE = "abuse", _("insulting or abusive")
        SPAM = "spam", _("spam or advertising")
        FALSE = "false", _("false or misleading")
        PRIVACY = "privacy", _("reveals someone's private information")
        OTHER = "other", _("other")

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    # One report per client per comment: a single reader cannot take a comment down alone.
    ip_hash = models.CharField(_("client hash"), max_length=64)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    # Set when a moderator decides on the comment; resolved reports no longer count.
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "ip_hash"], name="report_once_per_client"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} #{self.comment_id}"


class WordRule(models.Model):
    """A banned word rejects a comment; a suspect word holds it for a moderator. Matched on normalized
    text (articles.persian.normalize), so ZWNJ, kashida and Arabic letter forms do not slip past."""

    class Kind(models.TextChoices):
        BANNED = "banned", _("banned: reject")
        SUSPECT = "suspect", _("suspect: hold for review")

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "word"]
        verbose_name = _("word rule")
        verbose_name_plural = _("banned and suspect words")

    def __str__(self) -> str:
        return self.word


class RejectionReason(models.Model):
    """A reason a moderator picks when rejecting from the queue; the list is kept by chief editors. The text
    is the newsroom's own words, so it may be told to the commenter (comments.emails)."""

    text = models.CharField(_("reason"), max_length=200, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "text"]
        verbose_name = _("rejection reason")
        verbose_name_plural = _("rejection reasons")

    def __str__(self) -> str:
        return self.text
