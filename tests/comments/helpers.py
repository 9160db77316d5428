"""Posting the way a browser does: the form's fields, with a signed timestamp from a while ago."""

from __future__ import annotations

import time

from django.conf import settings
from django.urls import reverse

from comments import spam
from comments.models import Comment


def form_data(article, *, age: float = 30, remote_addr: str = "127.0.0.1", **fields) -> dict:
    """The token is issued to `remote_addr`, as the article page would have issued it to that reader."""
    data = {
        "name": "",
        "email": "",
        "body": "خبر خوبی بود",
        "parent": "",
        "ts": spam.form_token(article.pk, spam.ip_hash(remote_addr), time.time() - age),
        settings.NEWSROOM_COMMENT_HONEYPOT_FIELD: "",
    }
    data.update(fields)
    return data


def post(client, article, *, as_json: bool = False, remote_addr: str = "127.0.0.1", **fields):
    headers = {"HTTP_ACCEPT": "application/json"} if as_json else {}
    headers["REMOTE_ADDR"] = remote_addr
    return client.post(
        reverse("comments:post", args=[article.news_code]),
        form_data(article, remote_addr=remote_addr, **fields),
        **headers,
    )


def make_comment(article, **kwargs) -> Comment:
    kwargs.setdefault("body", "نظر منتشر شده")
    kwargs.setdefault("status", Comment.Status.PUBLISHED)
    parent = kwargs.get("parent")
    kwargs.setdefault("depth", parent.depth + 1 if parent else 0)
    return Comment.objects.create(article=article, **kwargs)


def add_form(article, parent, official, **fields) -> dict:
    """The admin's add-comment form as an official's reply to `parent`; `fields` override."""
    data = {
        "article": article.pk,
        "parent": parent.pk,
        "name": "",
        "email": "",
        "body": "متن جوابیه",
        "status": "published",
        "rejection_reason": "",
        "is_official_reply": "on",
        "official": official.pk,
        "reports-TOTAL_FORMS": "0",
        "reports-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data
