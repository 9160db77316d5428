"""A long thread stays light: no form, token or reversed URL per comment. Replying and reporting without
JavaScript go through links (?reply=<id> on the article page, and a small report page)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from comments.display import comment_root
from comments.models import Comment, Report, Vote
from tests.comments.helpers import make_comment, post
from tests.factories import make_article
from tests.i18n import fa

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _page(client, article, query: str = "") -> str:
    response = client.get(article.get_absolute_url() + query)
    assert response.status_code == 200
    return response.content.decode()


def _section(html: str) -> str:
    return html[html.index('id="comments"') :]


def test_forms_and_tokens_on_the_page_do_not_grow_with_the_thread(reader_client, article):
    make_comment(article, body="تنها نظر")
    one = _section(_page(reader_client, article))
    for n in range(20):
        make_comment(article, body=f"نظر {n}")
    many = _section(_page(reader_client, article))
    # The vote form, the report form and the comment form: one of each whatever the number of comments.
    assert many.count("<form") == one.count("<form") == 3
    assert len(TOKEN.findall(many)) == len(TOKEN.findall(one)) == 3
    assert many.count("<select") == 1


def test_each_comment_weighs_under_850_bytes_beyond_its_words(reader_client):
    empty, full = make_article(), make_article()
    base = len(_page(reader_client, empty).encode())
    for n in range(100):
        make_comment(full, name="خواننده", body=f"نظر {n}")
    size = len(_page(reader_client, full).encode())
    # It was about 1,900 with a vote and a report form per comment; about 760 before the vote buttons
    # said whether they are pressed (aria-pressed on both, about 40 bytes: a screen reader needs it).
    assert (size - base) / 100 < 850


def test_vote_buttons_and_report_links_point_where_reverse_says(reader_client, article):
    comment = make_comment(article)
    html = _page(reader_client, article)
    vote_url = reverse("comments:vote", args=[comment.pk])
    assert html.count(f'form="comment-votes" formaction="{vote_url}"') == 2
    assert f'href="{reverse("comments:report", args=[comment.pk])}"' in html
    with translation.override("en"):
        assert comment_root() + f"{comment.pk}/vote/" == reverse("comments:vote", args=[comment.pk])
        assert comment_root().startswith("/en/")


def test_a_like_without_javascript_goes_through_the_one_vote_form_with_its_token(article):
    comment = make_comment(article)
    client = Client(enforce_csrf_checks=True)
    html = _page(client, article)
    form = re.search(r'<form id="comment-votes"[^>]*>(.*?)</form>', html, re.S).group(1)
    token = TOKEN.search(form).group(1)
    url = reverse("comments:vote", args=[comment.pk])
    assert client.post(url, {"value": "like"}).status_code == 403  # no token: refused
    response = client.post(url, {"value": "like", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")
    assert Vote.objects.get().comment == comment


def test_reply_links_go_to_the_articles_form_and_disappear_when_comments_close(reader_client):
    article = make_article()
    comment = make_comment(article)
    assert f'href="?reply={comment.pk}#comment-form"' in _page(reader_client, article)
    closed = make_article(comments_enabled=False)
    other = make_comment(closed)
    assert f"?reply={other.pk}" not in _page(reader_client, closed)


def test_reply_query_puts_the_form_in_reply_to_that_comment(reader_client, article):
    parent = make_comment(article, name="مریم", body="نظری که پاسخ می‌گیرد")
    html = _page(reader_client, article, f"?reply={parent.pk}")
    assert f'name="parent" value="{parent.pk}"' in html
    assert fa("Your reply") in html
    assert fa("In reply to %(name)s") % {"name": "مریم"} in html
    response = post(reader_client, article, body="پاسخ من", parent=str(parent.pk))
    assert response.status_code == 302
    assert Comment.objects.get(body="پاسخ من").parent == parent


@pytest.mark.parametrize("wanted", ["abc", "99999", "-1", "۱", "pending"])
def test_a_reply_query_to_no_visible_comment_leaves_a_plain_form(reader_client, article, wanted):
    make_comment(article)
    if wanted == "pending":
        wanted = str(make_comment(article, body="در صف", status=Comment.Status.PENDING).pk)
    html = _page(reader_client, article, f"?reply={wanted}")
    assert 'name="parent" id="id_parent"' in html and 'name="parent" value=' not in html
    assert fa("Send a comment") in html and "data-replying-to" not in html


def test_the_report_page_shows_the_comment_and_the_reasons(reader_client, article):
    comment = make_comment(article, body="نظر مشکوک")
    response = reader_client.get(reverse("comments:report", args=[comment.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "نظر مشکوک" in html
    assert f'action="{reverse("comments:report", args=[comment.pk])}"' in html
    assert all(f'value="{value}"' in html for value in Report.Reason.values)
    assert article.get_absolute_url() in html


def test_reporting_from_the_report_page_goes_back_to_the_comment_with_a_message(article):
    comment = make_comment(article)
    client = Client(enforce_csrf_checks=True)
    url = reverse("comments:report", args=[comment.pk])
    token = TOKEN.search(client.get(url).content.decode()).group(1)
    response = client.post(url, {"reason": "spam", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")
    assert Report.objects.get().reason == "spam"
    assert fa("Thank you. A moderator will look at this comment.") in _page(client, article)


def test_a_bad_reason_re_shows_the_report_form_with_a_400(reader_client, article):
    comment = make_comment(article, body="نظر مشکوک")
    response = reader_client.post(reverse("comments:report", args=[comment.pk]), {"reason": "because"})
    html = response.content.decode()
    assert response.status_code == 400
    assert fa("Choose a reason for the report.") in html and "<select" in html and "نظر مشکوک" in html
    assert not Report.objects.exists()


def test_unknown_or_hidden_comments_have_no_report_page(reader_client, article):
    pending = make_comment(article, status=Comment.Status.PENDING)
    on_draft = make_comment(make_article(status="draft"))
    for pk in (pending.pk, on_draft.pk, 99999):
        url = reverse("comments:report", args=[pk])
        assert reader_client.get(url).status_code == 404
        assert reader_client.post(url, {"reason": "abuse"}).status_code == 404
        assert reader_client.post(url, {"reason": "because"}).status_code == 404
    assert not Report.objects.exists()


def test_a_comment_shows_its_time_in_jalali_with_a_machine_readable_datetime(reader_client, article):
    from django.utils import timezone

    from articles import persian

    comment = make_comment(article)
    html = _page(reader_client, article)
    local = timezone.localtime(comment.created_at)
    expected = (
        f'<time datetime="{local:%Y-%m-%dT%H:%M%z}">{persian.jalali_datetime(comment.created_at)}</time>'
    )
    assert expected in html


def test_a_comment_published_through_javascript_comes_back_with_working_buttons(
    reader_client, article, settings
):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    html = post(reader_client, article, as_json=True, body="فوری").json()["html"]
    comment = Comment.objects.get()
    assert f'formaction="{reverse("comments:vote", args=[comment.pk])}"' in html
    assert f'href="{reverse("comments:report", args=[comment.pk])}"' in html
    assert f'href="?reply={comment.pk}#comment-form"' in html
