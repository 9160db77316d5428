"""The moderators' queue as a working surface: per-row buttons that call the services, the chief editors'
rejection reasons, dismissing reports, the newsroom's reply from the queue, the reader's other comments."""

import re

import pytest
from django.urls import reverse

from comments import services
from comments.models import Comment, RejectionReason, Report
from tests.comments.helpers import make_comment
from tests.i18n import fa

pytestmark = pytest.mark.django_db

PENDING = "admin:comments_pendingcomment_changelist"
REPORTED = "admin:comments_reportedcomment_changelist"


def _decide(client, comment, decision, **fields):
    queue = reverse(PENDING)
    return client.post(
        reverse("admin:comments_comment_queue_decide", args=[comment.pk]),
        {"decision": decision, **fields},
        HTTP_REFERER=f"http://testserver{queue}?p=1",
    )


def test_the_queue_shows_whole_text_short_article_link_and_row_buttons(moderator_client, article):
    long_text = "متن بلند نظر " * 30
    comment = make_comment(article, body=long_text, status=Comment.Status.PENDING, ip_hash="deadbeefcafe")
    html = moderator_client.get(reverse(PENDING)).content.decode()
    assert long_text.strip() in html  # the whole text, not an excerpt
    assert f'href="/n/{article.news_code}"' in html
    decide = reverse("admin:comments_comment_queue_decide", args=[comment.pk])
    for decision in ("approve", "reject", "spam"):
        assert f'formaction="{decide}" name="decision" value="{decision}"' in html
    assert reverse("admin:comments_comment_queue_reply", args=[comment.pk]) in html
    assert "deadbeefcafe" not in html  # the client hash is never shown
    assert 'src="/static/js/moderation-queue.js"' in html and "<kbd>j</kbd>" in html


def test_approve_button_publishes_and_returns_to_the_queue(
    moderator_client, moderator, article, mailoutbox, django_capture_on_commit_callbacks
):
    comment = make_comment(article, status=Comment.Status.PENDING, email="r@example.com", body="متن خواننده")
    with django_capture_on_commit_callbacks(execute=True):
        response = _decide(moderator_client, comment, "approve")
    assert response.status_code == 302 and response["Location"].endswith(f"{reverse(PENDING)}?p=1")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED and comment.moderated_by == moderator
    assert len(mailoutbox) == 1 and "متن خواننده" not in mailoutbox[0].body


def test_reject_button_with_a_listed_reason_and_own_words_emails_the_reason_only(
    moderator_client, article, mailoutbox, django_capture_on_commit_callbacks
):
    listed = RejectionReason.objects.create(text="خارج از موضوع خبر است", position=99)
    comment = make_comment(
        article, status=Comment.Status.PENDING, email="r@example.com", name="نام خواننده", body="متن محرمانه"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _decide(
            moderator_client, comment, "reject", listed_reason=listed.pk, reason="لطفا درباره خبر بنویسید"
        )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    assert comment.rejection_reason == "خارج از موضوع خبر است؛ لطفا درباره خبر بنویسید"
    body = mailoutbox[0].body
    assert "خارج از موضوع خبر است" in body and "لطفا درباره خبر بنویسید" in body
    assert "متن محرمانه" not in body and "نام خواننده" not in body


def test_reject_button_without_a_reason_changes_nothing(moderator_client, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    response = _decide(moderator_client, comment, "reject", reason="  ")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    follow = moderator_client.get(response["Location"]).content.decode()
    assert fa("Give a reason for rejecting the comment.") in follow


def test_spam_button_marks_spam_and_sends_nothing(
    moderator_client, article, mailoutbox, django_capture_on_commit_callbacks
):
    comment = make_comment(article, status=Comment.Status.PENDING, email="s@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        _decide(moderator_client, comment, "spam")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM and mailoutbox == []


def test_row_views_need_a_post_and_refuse_editors(editor_client, moderator_client, editor, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    url = reverse("admin:comments_comment_queue_decide", args=[comment.pk])
    assert moderator_client.get(url).status_code == 405
    for decision in ("approve", "reject", "spam", "dismiss"):
        assert _decide(editor_client, comment, decision, reason="x").status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    with pytest.raises(services.CommentRefused) as refused:
        services.approve_comment(comment=comment, moderator=editor)
    assert refused.value.status == 403


def test_an_unknown_decision_changes_nothing(moderator_client, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    assert _decide(moderator_client, comment, "delete").status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_a_foreign_referer_is_not_followed(moderator_client, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    response = moderator_client.post(
        reverse("admin:comments_comment_queue_decide", args=[comment.pk]),
        {"decision": "approve"},
        HTTP_REFERER="https://evil.example/",
    )
    assert response["Location"] == reverse(PENDING)


def test_reasons_list_is_kept_by_chief_editors_only(chief_client, moderator_client, editor_client, article):
    add = reverse("admin:comments_rejectionreason_add")
    assert chief_client.post(add, {"text": "تکراری", "position": 1}).status_code == 302
    assert RejectionReason.objects.filter(text="تکراری").exists()
    for client in (moderator_client, editor_client):
        assert client.post(add, {"text": "دیگر", "position": 2}).status_code == 403
    assert not RejectionReason.objects.filter(text="دیگر").exists()
    # Moderators see the list (to pick from it), in the queue's action bar.
    make_comment(article, status=Comment.Status.PENDING)
    html = moderator_client.get(reverse(PENDING)).content.decode()
    assert "تکراری" in html and 'name="listed_reason"' in html


def test_reported_comments_show_reasons_counted_and_reports_can_be_dismissed(
    moderator_client, moderator, article, mailoutbox, django_capture_on_commit_callbacks
):
    comment = make_comment(article, body="نظر گزارش شده", email="r@example.com")
    for n, reason in enumerate(["abuse", "abuse", "spam"]):
        Report.objects.create(comment=comment, ip_hash=f"c{n}", reason=reason)
    Comment.objects.filter(pk=comment.pk).update(
        report_count=3, status=Comment.Status.PENDING, hold_reason=Comment.HoldReason.REPORTED
    )
    html = moderator_client.get(reverse(REPORTED)).content.decode()
    assert f"{fa('insulting or abusive')} ×۲، {fa('spam or advertising')} ×۱" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = _decide(moderator_client, comment, "dismiss")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED and comment.report_count == 0
    assert comment.moderated_by == moderator and comment.moderated_at is not None
    assert not comment.reports.filter(resolved_at__isnull=True).exists()
    assert mailoutbox == []
    assert "نظر گزارش شده" not in moderator_client.get(reverse(REPORTED)).content.decode()


def test_dismissing_keeps_a_rejected_comment_rejected(article, moderator):
    comment = make_comment(article, status=Comment.Status.REJECTED, rejection_reason="توهین", report_count=1)
    services.dismiss_reports(comment=comment, moderator=moderator)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED and comment.report_count == 0


def test_the_readers_other_comments_link_filters_by_client_without_showing_it(moderator_client, article):
    first = make_comment(article, body="نظر اول همان خواننده", status=Comment.Status.PENDING, ip_hash="same")
    make_comment(article, body="نظر دوم همان خواننده", ip_hash="same")
    make_comment(article, body="نظر خواننده دیگر", ip_hash="other")
    make_comment(article, body="نظر بی نشانی")  # imported: no client at all
    queue = moderator_client.get(reverse(PENDING)).content.decode()
    link = f"{reverse('admin:comments_comment_changelist')}?reader_of={first.pk}"
    assert link in queue
    html = moderator_client.get(link).content.decode()
    assert "نظر اول همان خواننده" in html and "نظر دوم همان خواننده" in html
    assert "نظر خواننده دیگر" not in html and "نظر بی نشانی" not in html
    assert "same" not in html
    nonsense = moderator_client.get(f"{reverse('admin:comments_comment_changelist')}?reader_of=x")
    assert nonsense.status_code == 200 and "نظر اول" not in nonsense.content.decode()


def test_moderator_replies_as_the_newsroom_from_the_queue(moderator_client, moderator, article):
    parent = make_comment(article, body="چرا این خبر ناقص است؟", status=Comment.Status.PENDING)
    url = reverse("admin:comments_comment_queue_reply", args=[parent.pk])
    form = moderator_client.get(url)
    assert form.status_code == 200
    page = form.content.decode()
    assert "چرا این خبر ناقص است؟" in page and "دادگستری فارس" in page
    assert 'name="parent"' not in page and 'name="article"' not in page and 'name="status"' not in page
    # Reached with the queue's p key: the reply box has the focus, the moderator types at once.
    assert re.search(r'<textarea name="body"[^>]* autofocus[ >]', page)
    response = moderator_client.post(url, {"body": "خبر به روز شد.", "next": reverse(PENDING)})
    assert response.status_code == 302 and response["Location"] == reverse(PENDING)
    reply = Comment.objects.get(body="خبر به روز شد.")
    assert reply.parent_id == parent.pk and reply.article_id == article.pk
    assert reply.status == Comment.Status.PUBLISHED and reply.is_staff_reply and reply.author == moderator
    parent.refresh_from_db()
    assert parent.status == Comment.Status.PUBLISHED  # a reply under a hidden comment would be hidden


def test_an_empty_reply_is_shown_again_with_an_error(moderator_client, article):
    parent = make_comment(article)
    url = reverse("admin:comments_comment_queue_reply", args=[parent.pk])
    response = moderator_client.post(url, {"body": "   "})
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_an_editor_may_reply_to_a_published_comment_but_not_publish_one(editor_client, editor, article):
    published = make_comment(article)
    pending = make_comment(article, body="در انتظار", status=Comment.Status.PENDING)
    ok = editor_client.post(
        reverse("admin:comments_comment_queue_reply", args=[published.pk]), {"body": "پاسخ"}
    )
    assert ok.status_code == 302
    refused = editor_client.post(
        reverse("admin:comments_comment_queue_reply", args=[pending.pk]), {"body": "پاسخ دیگر"}
    )
    assert refused.status_code == 403
    pending.refresh_from_db()
    assert pending.status == Comment.Status.PENDING and not Comment.objects.filter(body="پاسخ دیگر").exists()


def test_readers_and_outsiders_cannot_reply_as_the_newsroom(outsider, article):
    parent = make_comment(article)
    with pytest.raises(services.CommentRefused):
        services.reply_as_newsroom(parent=parent, user=outsider, body="جعلی")
    assert Comment.objects.count() == 1


def test_the_add_form_has_no_state_and_a_reply_takes_its_parents_article(editor_client, editor, article):
    from tests.factories import make_article

    other = make_article(title="خبر دیگر")
    parent = make_comment(article)
    add = reverse("admin:comments_comment_add")
    page = editor_client.get(f"{add}?parent={parent.pk}&article={article.pk}").content.decode()
    assert 'name="status"' not in page and f'value="{parent.pk}"' in page
    response = editor_client.post(add, {"article": other.pk, "parent": parent.pk, "body": "پاسخ تحریریه"})
    assert response.status_code == 302
    reply = Comment.objects.get(body="پاسخ تحریریه")
    assert (
        reply.article_id == article.pk and reply.status == Comment.Status.PUBLISHED and reply.is_staff_reply
    )


@pytest.mark.parametrize("rows", [5, 25])
def test_the_queue_runs_a_fixed_number_of_queries(moderator_client, article, rows, django_assert_num_queries):
    parent = make_comment(article, body="مادر")
    for n in range(rows):
        comment = make_comment(
            article, body=f"نظر {n}", parent=parent, status=Comment.Status.PENDING, ip_hash="x"
        )
        Report.objects.create(comment=comment, ip_hash=f"r{n}", reason="abuse")
    moderator_client.get(reverse(PENDING))  # warm the session and content types
    with django_assert_num_queries(QUEUE_QUERIES):
        response = moderator_client.get(reverse(PENDING))
    assert response.content.decode().count('value="approve"') == rows


QUEUE_QUERIES = 11
