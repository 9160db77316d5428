"""Malformed input gets the Persian 400 page, never a server error: a NUL in an address, a query
string or a cookie (PostgreSQL cannot compare text with NUL), and forms sent in a charset other than
UTF-8. A NUL typed into a form is the form's business (re-shown with an error), tested with the forms."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.comments.helpers import form_data
from tests.factories import make_article, make_official, make_organization, make_section, make_tag

pytestmark = pytest.mark.django_db

BAD_REQUEST_TITLE = "درخواست نامعتبر"


def assert_bad_request_page(response) -> None:
    assert response.status_code == 400, response.status_code
    page = response.content.decode()
    assert BAD_REQUEST_TITLE in page
    assert 'lang="fa" dir="rtl"' in page


@pytest.fixture
def client() -> Client:
    # Errors come back as the handler's answer, as in production, instead of raised into the test.
    return Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="fa")


@pytest.mark.parametrize(
    "url",
    [
        "/section/%00/",
        "/section/%00/feed/",
        "/officials/%00/",
        "/officials/%00/feed/",
        "/organizations/%00/",
        "/en/section/%00/",
        "/en/officials/%00/",
        "/en/organizations/%00/",
        "/tag/%00/",
        "/tag/%00/feed/",
        "/en/tag/%00/",
        "/en/tag/%00/feed/",
        "/news/1/%00/",
        "/search/?q=%00",
        "/?page=%00",
        "/feed/?x%00=1",
    ],
)
def test_nul_in_a_reader_address_gets_the_bad_request_page_without_a_query(
    client, url, django_assert_num_queries
):
    make_section(slug="ostani")
    with django_assert_num_queries(0):
        response = client.get(url)
    assert_bad_request_page(response)


def test_the_same_addresses_without_nul_still_answer(client):
    section = make_section(slug="ostani")
    official = make_official(slug="ali", is_verified=True)
    organization = make_organization(slug="ostandari")
    tag = make_tag("الکترونیک")
    for obj in (section, official, organization, tag):
        assert client.get(obj.get_absolute_url()).status_code == 200


def test_nul_in_the_session_cookie_gets_the_bad_request_page(client):
    # The session key is looked up in the database before the admin decides anything.
    client.cookies["sessionid"] = "\x00" * 32
    assert_bad_request_page(client.get(reverse("admin:index")))


@pytest.mark.parametrize(
    "query",
    ["status=%00", "section__id__exact=%00", "q=%00", "o=%00", "%00=1"],
)
def test_nul_in_an_admin_filter_gets_the_bad_request_page(chief_client, query):
    chief_client.raise_request_exception = False
    response = chief_client.get(reverse("admin:articles_article_changelist") + "?" + query)
    assert_bad_request_page(response)


def test_admin_filters_without_nul_still_work(chief_client):
    response = chief_client.get(reverse("admin:articles_article_changelist") + "?status=published&q=x")
    assert response.status_code == 200


@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "cp1256", "utf-32"])
def test_a_comment_form_in_another_charset_gets_the_bad_request_page_and_writes_nothing(charset):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="fa")
    article = make_article()
    client.get(article.get_absolute_url())  # the page sets the CSRF cookie
    data = form_data(article, body="خبر خوبی بود", csrfmiddlewaretoken=client.cookies["csrftoken"].value)
    response = client.post(
        reverse("comments:post", args=[article.news_code]),
        urlencode(data),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert_bad_request_page(response)
    assert not Comment.objects.exists()


def test_the_same_form_in_utf8_is_accepted():
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="fa")
    article = make_article()
    client.get(article.get_absolute_url())
    data = form_data(article, body="خبر خوبی بود", csrfmiddlewaretoken=client.cookies["csrftoken"].value)
    response = client.post(
        reverse("comments:post", args=[article.news_code]),
        urlencode(data),
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )
    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_an_admin_form_in_another_charset_gets_the_bad_request_page(chief_client):
    chief_client.raise_request_exception = False
    response = chief_client.post(
        reverse("admin:articles_section_add"),
        urlencode({"slug": "x", "name": "سرویس"}),
        content_type="application/x-www-form-urlencoded; charset=latin-1",
    )
    assert_bad_request_page(response)


def test_the_bad_request_page_is_persian_under_the_english_prefix(client):
    response = client.get("/en/section/%00/")
    assert_bad_request_page(response)


@pytest.mark.parametrize("selected", ["\x00", "abc", "1.5", "²", "-1"])
def test_an_admin_action_on_rows_that_are_not_ids_gets_the_bad_request_page(chief_client, selected):
    article = make_article()
    chief_client.raise_request_exception = False
    response = chief_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [str(article.pk), selected]},
    )
    assert_bad_request_page(response)
    article.refresh_from_db()
    assert article.is_published  # the action did not run on the valid id either


def test_an_admin_action_on_real_ids_still_runs(chief_client):
    article = make_article()
    response = chief_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [str(article.pk)]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.is_published
