import pytest
from django.urls import reverse

from articles.persian import persian_digits
from comments import services
from comments.models import Comment, WordRule
from tests.comments.helpers import make_comment
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def _action(client, url_name, action, comments, **extra):
    data = {"action": action, "_selected_action": [c.pk for c in comments], "index": 0, **extra}
    return client.post(reverse(url_name), data, follow=True)


def test_counts_by_state_above_the_thread_in_persian_digits(reader_client, article):
    for _ in range(12):
        make_comment(article, body="x")
    for _ in range(3):
        make_comment(article, status=Comment.Status.PENDING)
    make_comment(article, status=Comment.Status.REJECTED, rejection_reason="توهین")
    make_comment(article, status=Comment.Status.SPAM)
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert f'{fa("Published:")} <span data-count="published">۱۲</span>' in html
    assert f'{fa("Awaiting review:")} <span data-count="pending">۳</span>' in html
    assert f'{fa("Not publishable:")} <span data-count="rejected">۱</span>' in html
    assert html.index(fa("Published:")) < html.index("data-thread")


def test_the_pending_queue_shows_pending_comments_with_article_and_parent(moderator_client, article):
    parent = make_comment(article, body="نظر مادر")
    make_comment(article, body="پاسخ در انتظار", parent=parent, status=Comment.Status.PENDING)
    make_comment(article, body="قبلا منتشر شده")
    html = moderator_client.get(reverse("admin:comments_pendingcomment_changelist")).content.decode()
    assert "پاسخ در انتظار" in html and "نظر مادر" in html and "دادگستری فارس" in html
    assert "قبلا منتشر شده" not in html


def test_a_moderator_approves_in_bulk_and_the_counts_follow(
    moderator_client, reader_client, article, moderator
):
    pending = [make_comment(article, body=f"در صف {n}", status=Comment.Status.PENDING) for n in range(3)]
    response = _action(
        moderator_client, "admin:comments_pendingcomment_changelist", "approve_comments", pending
    )
    assert response.status_code == 200
    for comment in pending:
        comment.refresh_from_db()
        assert comment.status == Comment.Status.PUBLISHED and comment.moderated_by == moderator
        assert comment.moderated_at is not None
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert f'data-count="published">{persian_digits(3)}<' in html and "در صف ۱" in html


def test_rejecting_needs_a_reason_and_keeps_it(moderator_client, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    _action(
        moderator_client, "admin:comments_pendingcomment_changelist", "reject_comments", [comment], reason=""
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    _action(
        moderator_client,
        "admin:comments_pendingcomment_changelist",
        "reject_comments",
        [comment],
        reason="توهین به دیگران",
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED and comment.rejection_reason == "توهین به دیگران"


def test_marking_as_spam(moderator_client, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    _action(moderator_client, "admin:comments_pendingcomment_changelist", "mark_as_spam", [comment])
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM


def test_reject_service_refuses_an_empty_reason(article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    with pytest.raises(services.CommentRefused):
        services.reject_comment(comment=comment, moderator=moderator, reason="  ")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_moderators_work_the_queues_and_word_lists_but_nothing_editorial(moderator_client):
    for name in (
        "admin:comments_pendingcomment_changelist",
        "admin:comments_reportedcomment_changelist",
        "admin:comments_wordrule_changelist",
        "admin:comments_wordrule_add",
        "admin:comments_vote_changelist",
    ):
        assert moderator_client.get(reverse(name)).status_code == 200, name
    for name in ("admin:articles_article_changelist", "admin:articles_official_changelist"):
        assert moderator_client.get(reverse(name)).status_code == 403, name
    # Moderators write the newsroom's replies (comments migration 0009); the form has no state to choose.
    add = moderator_client.get(reverse("admin:comments_comment_add"))
    assert add.status_code == 200 and 'name="status"' not in add.content.decode()


def test_word_lists_are_editable_in_the_admin(moderator_client):
    response = moderator_client.post(
        reverse("admin:comments_wordrule_add"), {"word": "فحش", "kind": "banned"}
    )
    assert response.status_code == 302
    assert WordRule.objects.get().kind == WordRule.Kind.BANNED


def test_the_outcome_is_emailed_without_any_reader_supplied_text(
    article, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    comment = make_comment(
        article,
        status=Comment.Status.PENDING,
        email="Reader@Example.com",
        name="نام خواننده",
        body="متن خصوصی نظر <a href=http://evil.example>click</a>",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_comment(comment=comment, moderator=moderator)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["Reader@Example.com"]
    assert message.subject == fa("Your comment was published") and "دادگستری فارس" in message.body
    everything = message.subject + message.body
    assert (
        "متن خصوصی" not in everything and "evil.example" not in everything and "نام خواننده" not in everything
    )


def test_rejection_is_emailed_and_spam_is_not(
    article, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    rejected = make_comment(article, status=Comment.Status.PENDING, email="a@example.com")
    spammy = make_comment(article, status=Comment.Status.PENDING, email="b@example.com", body="تبلیغ")
    no_email = make_comment(article, status=Comment.Status.PENDING, body="بدون ایمیل")
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_comment(comment=rejected, moderator=moderator, reason="خارج از موضوع")
        services.mark_spam(comment=spammy, moderator=moderator)
        services.approve_comment(comment=no_email, moderator=moderator)
    assert [m.to for m in mailoutbox] == [["a@example.com"]]
    assert mailoutbox[0].subject == fa("Your comment was not published")


def test_emails_are_limited_per_address(
    article, moderator, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.NEWSROOM_COMMENT_EMAILS_PER_DAY = 2
    comments = [
        make_comment(article, status=Comment.Status.PENDING, email="victim@example.com", body=f"n{n}")
        for n in range(5)
    ]
    other = make_comment(article, status=Comment.Status.PENDING, email="other@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        for comment in [*comments, other]:
            services.approve_comment(comment=comment, moderator=moderator)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "other@example.com",
        "victim@example.com",
        "victim@example.com",
    ]


def test_emails_are_never_rendered_on_public_pages(reader_client, article):
    make_comment(article, email="hidden-address@example.com", name="نمایش")
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert "نمایش" in html and "hidden-address" not in html


def test_a_decision_on_the_change_form_goes_through_the_same_service(
    moderator_client, moderator, article, mailoutbox, django_capture_on_commit_callbacks
):
    comment = make_comment(article, status=Comment.Status.PENDING, email="r@example.com", body="از فرم")
    data = {
        "article": article.pk,
        "parent": "",
        "name": "",
        "email": "r@example.com",
        "body": "از فرم",
        "status": "rejected",
        "rejection_reason": "",
        "is_official_reply": "",
        "official": "",
        "reports-TOTAL_FORMS": "0",
        "reports-INITIAL_FORMS": "0",
    }
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    assert moderator_client.post(url, data).status_code == 200  # no reason: the form is shown again
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(url, {**data, "rejection_reason": "تکراری"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED and comment.moderated_by == moderator
    assert len(mailoutbox) == 1


def test_moderators_cannot_rewrite_a_readers_words(moderator_client, article):
    comment = make_comment(article, status=Comment.Status.PENDING, name="مریم", body="متن خواننده")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    data = {
        "article": article.pk,
        "parent": "",
        "name": "دیگری",
        "email": "x@example.com",
        "body": "متن عوض شده",
        "status": "pending",
        "rejection_reason": "",
        "is_official_reply": "",
        "official": "",
        "reports-TOTAL_FORMS": "0",
        "reports-INITIAL_FORMS": "0",
    }
    assert moderator_client.post(url, data).status_code == 302
    comment.refresh_from_db()
    assert (comment.name, comment.body, comment.email) == ("مریم", "متن خواننده", "")
