from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.comments.helpers import add_form, make_comment, post
from tests.factories import make_article, make_official
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def test_form_sits_under_the_heading_and_says_comments_appear_after_review(reader_client, article):
    html = reader_client.get(article.get_absolute_url()).content.decode()
    heading = html.index(fa("Readers' comments"))
    form = html.index('id="comment-form"')
    assert heading < form
    assert fa("Comments appear after review by a moderator.") in html
    for name in ('name="name"', 'name="email"', 'name="body"', 'name="ts"'):
        assert name in html


def test_posting_without_javascript_redirects_back_with_a_message(reader_client, article):
    response = post(reader_client, article, body="نظر من درباره این خبر", name="علی")
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#comments"
    comment = Comment.objects.get()
    assert (comment.status, comment.name, comment.body) == (
        Comment.Status.PENDING,
        "علی",
        "نظر من درباره این خبر",
    )
    html = reader_client.get(response["Location"]).content.decode()
    assert fa("Thank you. Your comment was received and will appear after review.") in html


def test_pending_comment_is_not_shown_to_readers(reader_client, article):
    post(reader_client, article, body="هنوز بررسی نشده")
    assert "هنوز بررسی نشده" not in reader_client.get(article.get_absolute_url()).content.decode()


def test_posting_with_javascript_answers_json_without_a_redirect(reader_client, article):
    response = post(reader_client, article, as_json=True, body="با جاوااسکریپت")
    assert response.status_code == 201
    assert response.json()["ok"] is True and response.json()["message"] == fa(
        "Thank you. Your comment was received and will appear after review."
    )
    assert response.json()["html"] == ""  # pending: nothing to show yet
    assert response.json()["counts"] == {"published": 0, "pending": 1, "rejected": 0}
    assert Comment.objects.get().body == "با جاوااسکریپت"


def test_post_moderation_setting_publishes_at_once(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    response = post(reader_client, article, as_json=True, body="فوری منتشر شود")
    assert Comment.objects.get().status == Comment.Status.PUBLISHED
    assert "فوری منتشر شود" in response.json()["html"]
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert (
        "فوری منتشر شود" in html and fa("Comments appear at once; moderators may remove them later.") in html
    )


def test_an_empty_name_is_shown_as_anonymous(reader_client, article):
    make_comment(article, name="", body="بی‌نام")
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert f"<strong>{fa('Anonymous')}</strong>" in html


def test_replies_are_threaded_under_their_parent(reader_client, article):
    parent = make_comment(article, body="نظر اول")
    post(reader_client, article, body="پاسخ به نظر اول", parent=str(parent.pk))
    reply = Comment.objects.get(parent=parent)
    assert reply.depth == 1
    reply.status = Comment.Status.PUBLISHED
    reply.save()
    html = reader_client.get(article.get_absolute_url()).content.decode()
    block = html[html.index(f'id="comment-{parent.pk}"') :]
    assert block.index('class="comment-replies"') < block.index(f'id="comment-{reply.pk}"')


def test_replies_deeper_than_the_setting_attach_to_the_deepest_allowed_level(
    reader_client, article, settings
):
    settings.NEWSROOM_COMMENT_MAX_DEPTH = 2
    top = make_comment(article, body="سطح صفر")
    middle = make_comment(article, body="سطح یک", parent=top)
    post(reader_client, article, body="پاسخ به سطح یک", parent=str(middle.pk))
    deep = Comment.objects.get(body="پاسخ به سطح یک")
    assert deep.parent == top and deep.depth == 1


def test_replying_to_a_comment_that_is_not_published_is_refused(reader_client, article):
    pending = make_comment(article, status=Comment.Status.PENDING)
    response = post(reader_client, article, body="پاسخ", parent=str(pending.pk))
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_reply_page_without_javascript_shows_the_parent_and_the_form(reader_client, article):
    parent = make_comment(article, body="نظری که پاسخ می‌گیرد")
    html = reader_client.get(reverse("comments:reply", args=[parent.pk])).content.decode()
    assert "نظری که پاسخ می‌گیرد" in html
    assert f'name="parent" value="{parent.pk}"' in html


def test_comments_closed_on_the_article_refuse_posts_and_hide_the_form(reader_client):
    article = make_article(comments_enabled=False)
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert 'id="comment-form"' not in html and "closed" in html
    response = post(reader_client, article, body="بسته است")
    assert response.status_code == 403 and not Comment.objects.exists()


def test_comments_close_after_the_configured_number_of_days(reader_client, settings):
    settings.NEWSROOM_COMMENT_CLOSE_AFTER_DAYS = 7
    old = make_article(published_at=timezone.now() - timedelta(days=8))
    recent = make_article(published_at=timezone.now() - timedelta(days=6))
    assert post(reader_client, old, body="دیر").status_code == 403
    assert post(reader_client, recent, body="به موقع").status_code == 302
    assert list(Comment.objects.values_list("body", flat=True)) == ["به موقع"]


def test_unpublished_article_takes_no_comments(reader_client):
    draft = make_article(status="draft")
    assert post(reader_client, draft, body="پیش‌نویس").status_code == 404


def test_an_editors_reply_is_published_and_marked_as_the_newsrooms(editor_client, reader_client, article):
    parent = make_comment(article, body="سؤال خواننده")
    post(editor_client, article, body="پاسخ ما", parent=str(parent.pk))
    reply = Comment.objects.get(parent=parent)
    assert (
        reply.is_staff_reply
        and reply.status == Comment.Status.PUBLISHED
        and reply.author.username == "editor"
    )
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert fa("Newsroom's reply") in html and "comment-newsroom" in html


def test_an_officials_reply_is_marked_linked_and_stands_out(chief_client, reader_client, article):
    official = make_official(name="سید کاظم موسوی", honorific="حجت الاسلام و المسلمین")
    parent = make_comment(article, body="انتقاد خواننده")
    response = chief_client.post(reverse("admin:comments_comment_add"), add_form(article, parent, official))
    assert response.status_code == 302, response.content.decode()[:2000]
    reply = Comment.objects.get(parent=parent)
    assert reply.is_official_reply and reply.official == official and not reply.is_staff_reply
    html = reader_client.get(article.get_absolute_url()).content.decode()
    block = html[html.index(f'id="comment-{reply.pk}"') - 200 :]
    assert "comment-official" in block[:300] and fa("Official's reply") in block and "سید کاظم موسوی" in block


def test_an_officials_reply_must_name_the_official(article):
    from django.core.exceptions import ValidationError

    comment = Comment(article=article, body="جوابیه", is_official_reply=True, status=Comment.Status.PUBLISHED)
    with pytest.raises(ValidationError):
        comment.full_clean()
