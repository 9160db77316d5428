"""Telling commenters the outcome of moderation.

The message never repeats the comment, the name or anything else the reader typed: an address typed into
the form may belong to a stranger, and the form must not become a way to send them text. For the same
reason each address gets at most NEWSROOM_COMMENT_EMAILS_PER_DAY messages a day.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.models import Comment


def tell_commenter(comment: Comment) -> bool:
    """Queue the outcome email for after the transaction commits. False when there is no address, the
    reader was already told, or the address has had its share today."""
    if not comment.email or comment.outcome_emailed_at is not None:
        return False
    if comment.status not in (Comment.Status.PUBLISHED, Comment.Status.REJECTED):
        return False
    now = timezone.now()
    sent_today = Comment.objects.filter(email=comment.email, outcome_emailed_at__gte=now - timedelta(days=1))
    if sent_today.count() >= settings.NEWSROOM_COMMENT_EMAILS_PER_DAY:
        return False
    Comment.objects.filter(pk=comment.pk).update(outcome_emailed_at=now)
    comment.outcome_emailed_at = now
    context = {
        "published": comment.status == Comment.Status.PUBLISHED,
        # Editorial text and our own address only.
        "article_title": str(comment.article),
        "article_url": settings.NEWSROOM_COMMENT_SITE_URL + comment.article.get_absolute_url(),
        # The moderator's words or the chief editors' listed reason (comments.services.rejection_reason):
        # the newsroom's text, never the reader's.
        "reason": comment.rejection_reason if comment.status == Comment.Status.REJECTED else "",
    }
    subject = _("Your comment was published") if context["published"] else _("Your comment was not published")
    body = render_to_string("comments/emails/outcome.txt", context)
    address = comment.email
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address], fail_silently=True)
    )
    return True
