"""Previews of articles readers cannot see yet: what the page says about it, and signed preview links.

A preview link lets someone without an account (an official checking a quote) read a draft, an article
in review or a scheduled one. The token is signed with the secret key under its own salt and carries the
article's primary key, the article's preview nonce and an expiry time. It stops working when it expires,
when the nonce is rotated (articles.services.revoke_preview_links), or, as a preview, when the article is
live: the view then redirects to the public page. Links are made by articles.services.create_preview_link,
which checks the publishing right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from articles.models import Article
from articles.templatetags.persian import reader_time

SALT = "articles.preview-link"


class InvalidPreviewLink(Exception):
    """Tampered with, expired, or made for another article or a revoked nonce."""


@dataclass(frozen=True)
class PreviewLink:
    path: str
    expires_at: datetime


def make_link(article: Article, *, now: datetime | None = None) -> PreviewLink:
    expires_at = (now or timezone.now()) + timedelta(hours=settings.NEWSROOM_PREVIEW_HOURS)
    payload = {"a": article.pk, "n": article.preview_nonce, "e": int(expires_at.timestamp())}
    token = signing.dumps(payload, salt=SALT, compress=True)
    return PreviewLink(path=reverse("article-preview", kwargs={"token": token}), expires_at=expires_at)


@dataclass(frozen=True)
class LinkPayload:
    article_pk: int
    nonce: str
    expires_at: datetime


def read_token(token: str, *, now: datetime | None = None) -> LinkPayload:
    """The signed payload, if the signature holds and the link has not expired."""
    try:
        payload = signing.loads(token, salt=SALT)
        link = LinkPayload(
            article_pk=int(payload["a"]),
            nonce=str(payload["n"]),
            expires_at=datetime.fromtimestamp(int(payload["e"]), tz=UTC),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError, OSError):
        raise InvalidPreviewLink("bad signature or payload") from None
    if link.expires_at <= (now or timezone.now()):
        raise InvalidPreviewLink("expired")
    return link


def banner_state(article: Article) -> str:
    """What the preview banner says about the article's state, in the active language."""
    if article.status == Article.Status.PUBLISHED and article.published_at is not None:
        # Jalali with Persian digits on Persian pages, as readers will see the time.
        return gettext("Scheduled for %(time)s") % {"time": reader_time(article.published_at)}
    if article.status == Article.Status.REVIEW:
        return gettext("State: in review")
    return gettext("State: draft")


def protect(response: HttpResponse) -> HttpResponse:
    """A preview is never cached, indexed, or followed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
