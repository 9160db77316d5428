"""A comment's own address is cheap to make (no query) and redirects to the page of the article's thread
that shows it; a comment readers cannot see has no address for them."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from articles.models import Article
from comments import services
from comments.models import Comment
from tests.comments.helpers import make_comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_threads(article, monkeypatch):
    """Pages of two top-level comments: [0, 1], [2 + a reply to it]."""
    monkeypatch.setattr(services, "THREAD_PAGE_SIZE", 2)
    tops = [make_comment(article, body=f"نظر {n}") for n in range(3)]
    reply = make_comment(article, parent=tops[2], body="پاسخ به نظر ۲")
    return tops, reply


def test_get_absolute_url_makes_no_query(article, django_assert_num_queries):
    comment = Comment.objects.get(pk=make_comment(article).pk)
    with django_assert_num_queries(0):
        url = comment.get_absolute_url()
    assert url == reverse("comments:show", args=[comment.pk])
    # Under a prefix robots.txt keeps crawlers out of, as every other comment address.
    assert url.startswith("/comments/")


def test_robots_keep_crawlers_off_the_comment_addresses(reader_client):
    robots = reader_client.get(reverse("robots")).content.decode().splitlines()
    assert "Disallow: /comments/" in robots and "Disallow: /en/comments/" in robots


def test_the_address_redirects_to_the_thread_page_that_shows_the_comment(
    reader_client, article, three_threads
):
    tops, reply = three_threads
    for comment, page in ((tops[0], ""), (tops[2], "?comments=2"), (reply, "?comments=2")):
        response = reader_client.get(comment.get_absolute_url())
        assert response.status_code == 302  # not permanent: the page moves as the thread grows
        assert response["Location"] == f"{article.get_absolute_url()}{page}#comment-{comment.pk}"
        assert f'id="comment-{comment.pk}"' in reader_client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("status", [Comment.Status.PENDING, Comment.Status.REJECTED, Comment.Status.SPAM])
def test_a_comment_readers_cannot_see_has_no_address_for_them(reader_client, article, status):
    hidden = make_comment(article, status=status, rejection_reason="توهین")
    assert reader_client.get(hidden.get_absolute_url()).status_code == 404


def test_a_comment_on_an_unpublished_article_has_no_address_for_readers(reader_client):
    draft = make_article(status=Article.Status.DRAFT)
    comment = make_comment(draft)
    assert reader_client.get(comment.get_absolute_url()).status_code == 404
    assert reader_client.get(reverse("comments:show", args=[999999])).status_code == 404


def test_view_on_site_takes_a_moderator_to_where_a_pending_comment_would_be(
    moderator_client, outsider_client, article
):
    pending = make_comment(article, status=Comment.Status.PENDING)
    view_on_site = moderator_client.get(
        reverse("admin:comments_pendingcomment_change", args=[pending.pk])
    ).content.decode()
    assert "viewsitelink" in view_on_site
    response = moderator_client.get(pending.get_absolute_url())
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{pending.pk}"
    # Staff who do not see comments in the admin are readers here.
    assert outsider_client.get(pending.get_absolute_url()).status_code == 404


def test_view_on_site_in_the_admin_lands_on_the_comment(moderator_client, article):
    comment = make_comment(article)
    content_type = ContentType.objects.get_for_model(Comment)
    response = moderator_client.get(
        reverse("admin:view_on_site", args=[content_type.pk, comment.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    assert response.status_code == 200
