"""The builder of the page the side-by-side load test measures (bench/yardstick_site.py), at a tiny
size: the seed article with exactly the peer's published comments, as often as it is run."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from bench.yardstick_site import SEED_TITLE_START, peer_comments, seed_article_with
from comments.models import Comment

pytestmark = pytest.mark.django_db


def _peer(path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("create table news_comment (id integer primary key, name, body, created, status)")
        db.executemany(
            "insert into news_comment (name, body, created, status) values (?, ?, ?, ?)",
            [
                ("مریم احمدی", "دومین نظر", "2020-06-03 06:53:00", "published"),
                ("علی رضایی", "نخستین نظر", "2020-06-03 06:30:00", "published"),
                ("ناشناس", "در انتظار", "2020-06-03 07:16:00", "pending"),
            ],
        )


def test_the_seed_article_gets_exactly_the_peers_published_comments(tmp_path):
    _peer(tmp_path / "peer.sqlite3")
    comments = peer_comments(tmp_path / "peer.sqlite3")
    assert [name for name, _body, _posted in comments] == ["علی رضایی", "مریم احمدی"]  # oldest first

    for _run in range(2):  # a second run leaves the same article with the same comments
        article = seed_article_with(comments)
        assert article.title.startswith(SEED_TITLE_START) and article.is_published
        thread = Comment.objects.filter(article=article)
        assert list(thread.values_list("name", "body", "status", "created_at")) == [
            ("علی رضایی", "نخستین نظر", "published", datetime(2020, 6, 3, 6, 30, tzinfo=UTC)),
            ("مریم احمدی", "دومین نظر", "published", datetime(2020, 6, 3, 6, 53, tzinfo=UTC)),
        ]
