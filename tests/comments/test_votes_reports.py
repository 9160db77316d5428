import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from comments import services
from comments.models import Comment, Report, Vote
from comments.readers import READER_COOKIE
from tests.comments.helpers import make_comment
from tests.factories import make_article
from tests.i18n import fa
from tests.services import need_postgres


def _vote(client, comment, value, *, ip="127.0.0.1"):
    return client.post(
        reverse("comments:vote", args=[comment.pk]),
        {"value": value},
        HTTP_ACCEPT="application/json",
        REMOTE_ADDR=ip,
    )


def _report(client, comment, reason="abuse", *, ip="127.0.0.1", as_json=True):
    headers = {"HTTP_ACCEPT": "application/json"} if as_json else {}
    return client.post(
        reverse("comments:report", args=[comment.pk]), {"reason": reason}, REMOTE_ADDR=ip, **headers
    )


@pytest.mark.django_db
def test_an_anonymous_like_counts_once_and_can_be_changed_or_withdrawn(reader_client, article):
    comment = make_comment(article)
    answer = _vote(reader_client, comment, "like").json()
    assert (answer["likes"], answer["dislikes"]) == (1, 0)
    answer = _vote(reader_client, comment, "like").json()  # the same reader again: withdrawn, not doubled
    assert (answer["likes"], answer["dislikes"]) == (0, 0)
    _vote(reader_client, comment, "like")
    assert READER_COOKIE in reader_client.cookies
    answer = _vote(reader_client, comment, "dislike").json()
    assert (answer["likes"], answer["dislikes"]) == (0, 1)
    answer = _vote(reader_client, comment, "dislike").json()  # the same vote again withdraws it
    assert (answer["likes"], answer["dislikes"]) == (0, 0)
    assert Vote.objects.count() == 0


@pytest.mark.django_db
def test_votes_from_different_readers_add_up_and_show_in_persian_digits(article):
    comment = make_comment(article)
    for n in range(3):
        _vote(Client(), comment, "like", ip=f"10.0.0.{n}")
    comment.refresh_from_db()
    assert comment.likes == 3
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "<span data-likes>۳</span>" in html


@pytest.mark.django_db
def test_clearing_cookies_does_not_give_unlimited_votes_from_one_client(article, settings):
    settings.NEWSROOM_COMMENT_VOTERS_PER_CLIENT = 2
    comment = make_comment(article)
    answers = [_vote(Client(), comment, "like", ip="10.9.9.9") for _ in range(3)]  # a fresh cookie each time
    assert [a.status_code for a in answers] == [200, 200, 429]
    comment.refresh_from_db()
    assert comment.likes == 2
    assert _vote(Client(), comment, "like", ip="10.9.9.10").status_code == 200


@pytest.mark.django_db
def test_a_forged_reader_cookie_is_not_trusted(article):
    comment = make_comment(article)
    client = Client()
    _vote(client, comment, "like")
    forged = Client()
    forged.cookies[READER_COOKIE] = client.cookies[READER_COOKIE].value.split(":")[0] + ":forged"
    _vote(forged, comment, "like", ip="10.1.1.1")  # not the same reader: a second like, not a withdrawal
    comment.refresh_from_db()
    assert comment.likes == 2


@pytest.mark.django_db
def test_votes_are_rate_limited_per_client(article, settings):
    settings.NEWSROOM_COMMENT_VOTE_RATE = 3
    comments = [make_comment(article, body=f"n{n}") for n in range(4)]
    client = Client()
    assert [_vote(client, c, "like").status_code for c in comments] == [200, 200, 200, 429]


@pytest.mark.django_db
def test_votes_on_hidden_comments_or_nonsense_values_are_refused(reader_client, article):
    pending = make_comment(article, status=Comment.Status.PENDING)
    assert _vote(reader_client, pending, "like").status_code == 404
    published = make_comment(article, body="دیده می‌شود")
    assert _vote(reader_client, published, "love").status_code == 400
    assert not Vote.objects.exists()


@pytest.mark.django_db
def test_voting_without_javascript_redirects_back_to_the_comment(reader_client, article):
    comment = make_comment(article)
    response = reader_client.post(reverse("comments:vote", args=[comment.pk]), {"value": "like"})
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")


@pytest.mark.django_db
def test_a_report_with_a_reason_is_recorded_once_per_client(reader_client, article):
    comment = make_comment(article)
    assert _report(reader_client, comment, "abuse").status_code == 200
    assert _report(reader_client, comment, "spam").status_code == 200
    assert Report.objects.get().reason == "abuse"
    comment.refresh_from_db()
    assert comment.report_count == 1 and comment.status == Comment.Status.PUBLISHED


@pytest.mark.django_db
def test_a_report_without_a_valid_reason_is_refused(reader_client, article):
    comment = make_comment(article)
    response = _report(reader_client, comment, "because", as_json=False)
    assert response.status_code == 400 and fa("Choose a reason for the report.") in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_enough_reports_send_a_published_comment_back_to_the_queue(article, settings, moderator_client):
    settings.NEWSROOM_COMMENT_REPORT_THRESHOLD = 2
    comment = make_comment(article, body="نظر جنجالی")
    _report(Client(), comment, ip="10.0.0.1")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED
    _report(Client(), comment, ip="10.0.0.2")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING and comment.report_count == 2
    assert comment.hold_reason == Comment.HoldReason.REPORTED
    assert "نظر جنجالی" not in Client().get(article.get_absolute_url()).content.decode()
    html = moderator_client.get(reverse("admin:comments_reportedcomment_changelist")).content.decode()
    assert "نظر جنجالی" in html and fa("reported by readers") in html


@pytest.mark.django_db
def test_approving_a_reported_comment_answers_its_reports(article, moderator):
    comment = make_comment(article, body="گزارش شده")
    services.report(comment_id=comment.pk, client="a" * 64, reason="abuse")
    services.approve_comment(comment=Comment.objects.get(pk=comment.pk), moderator=moderator)
    comment.refresh_from_db()
    assert comment.report_count == 0 and not Comment.objects.reported().exists()
    assert Report.objects.get().resolved_at is not None


@pytest.mark.django_db(transaction=True)
def test_concurrent_votes_keep_the_counts_consistent():
    need_postgres(connection)
    article = make_article()
    comment = make_comment(article)
    barrier = threading.Barrier(12)
    errors = []

    def cast(n: int):
        from django.db import connections

        try:
            barrier.wait()
            services.vote(
                comment_id=comment.pk, voter=f"reader-{n}", client=f"client-{n}", value=1 if n % 3 else -1
            )
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cast, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    comment.refresh_from_db()
    assert (comment.likes, comment.dislikes) == (8, 4)
    assert comment.likes == Vote.objects.filter(comment=comment, value=1).count()
