"""Reader comments. Their behaviour (posting, moderation, defences) lives in services and spam modules."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Official


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending review")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        SPAM = "spam", _("spam")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("in reply to"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="replies",
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=80, blank=True)
    email = models.EmailField(_("email"), blank=True, help_text=_("Never shown to readers."))
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.CharField(_("rejection reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    # HMAC of the client address with a server-side key: enough to rate-limit and to tell voters apart,
    # useless for finding who the reader is.
    ip_hash = models.CharField(_("client hash"), max_length=64, blank=True, editable=False)

    # Newsroom and official replies.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff author"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="comments",
    )  # fmt: skip
    is_staff_reply = models.BooleanField(_("newsroom reply"), default=False)
    is_official_reply = models.BooleanField(_("official's reply (جوابیه)"), default=False)
    official = models.ForeignKey(
        Official, verbose_name=_("replying official"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="replies",
    )  # fmt: skip

    # Kept in step with the vote and report rows by comments.services, with F() updates.
    likes = models.PositiveIntegerField(_("likes"), default=0, editable=False)
    dislikes = models.PositiveIntegerField(_("dislikes"), default=0, editable=False)
    report_count = models.PositiveIntegerField(_("reports"), default=0, editable=False)

    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("moderator"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )  # fmt: skip

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            # Serves the article page's thread and its counts by state.
            models.Index(fields=["article", "status", "created_at"], name="comment_thread_idx"),
            # Serves the moderators' queue, oldest pending first.
            models.Index(fields=["status", "created_at"], name="comment_queue_idx"),
        ]

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def display_name(self) -> str:
        return self.name or "ناشناس"
