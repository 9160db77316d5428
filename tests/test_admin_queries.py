"""Every admin list runs a fixed number of queries, whatever the number of rows: each is pinned at 5 and
at 25 rows with the same count.

Every list starts with 6 queries: the session, the user, the user's and the groups' permissions, the
count of all rows and the count of the filtered rows; then the page of rows and what its columns need."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import DeletedImport
from comments.models import Comment, Report
from tests.comments.helpers import make_comment
from tests.factories import make_article, make_official, make_organization, make_section, make_tag

pytestmark = pytest.mark.django_db


def _articles(n: int) -> None:
    section, org, official = make_section(), make_organization(), make_official()
    for _ in range(n):
        article = make_article(section=section, officials=[official], organizations=[org])
        make_comment(article, status=Comment.Status.PENDING)


def _sections(n: int) -> None:
    for _ in range(n):
        make_section()


def _organizations(n: int) -> None:
    parent = make_organization()
    for _ in range(n - 1):
        make_organization(parent=parent)


def _officials(n: int) -> None:
    for _ in range(n):
        make_official()


def _comments(n: int) -> None:
    for _ in range(n):
        article = make_article()
        parent = make_comment(article, status=Comment.Status.PUBLISHED, name="خواننده")
        reply = make_comment(article, parent=parent, status=Comment.Status.PENDING, report_count=1)
        Report.objects.create(comment=reply, ip_hash=f"h{reply.pk}", reason="spam")


def _tags(n: int) -> None:
    for i in range(n):
        tag = make_tag()
        make_article(tags=[tag])
        if i % 2:  # every other tag has an English name as well
            tag.set_current_language("en")
            tag.name = f"tag {tag.pk}"
            tag.save()


def _deleted_imports(n: int) -> None:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.first()
    start = DeletedImport.objects.count()
    for i in range(start, start + n):
        DeletedImport.objects.create(external_id=f"x{i}", news_code=i, title=f"خبر {i}", deleted_by=user)


COMMON = 6
# (list, rows maker, who looks, queries beyond the common six)
LISTS = [
    # section filter's choices and their names; the page with the section and counts by comment state,
    # headlines, section names
    ("admin:articles_article_changelist", _articles, "chief_client", 5),
    ("admin:articles_section_changelist", _sections, "chief_client", 2),  # page, names
    # page with parents, names, parents' names
    ("admin:articles_organization_changelist", _organizations, "chief_client", 3),
    ("admin:articles_official_changelist", _officials, "chief_client", 1),  # page
    ("admin:articles_deletedimport_changelist", _deleted_imports, "chief_client", 1),  # page with who
    # page with each tag's count of articles (a subquery per row), names in every language
    ("admin:articles_tag_changelist", _tags, "editor_client", 2),
    # page with parents, articles, headlines, and what the moderation queue's cards read (comments/
    # admin_queue.py: one more for the list, two more for the queues)
    ("admin:comments_comment_changelist", _comments, "moderator_client", 4),
    ("admin:comments_pendingcomment_changelist", _comments, "moderator_client", 5),
    ("admin:comments_reportedcomment_changelist", _comments, "moderator_client", 5),
]


def _count(client, url_name: str, rows: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert response.context["cl"].result_count == rows
    return len(queries)


@pytest.mark.parametrize("url_name, make_rows, client_name, own", LISTS)
def test_admin_list_queries_do_not_grow_with_rows(request, url_name, make_rows, client_name, own):
    client = request.getfixturevalue(client_name)
    make_rows(5)
    rows = {"admin:comments_comment_changelist": 10}.get(url_name, 5)
    five = _count(client, url_name, rows)
    make_rows(20)
    twenty_five = _count(client, url_name, rows * 5)
    assert (five, twenty_five) == (COMMON + own, COMMON + own)
