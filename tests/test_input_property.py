"""Arbitrary text and bytes at every input the reader site reads: the search box, the query
parameters (`?q`, `?page`, `?comments`, `?reply`), the slugs and codes in addresses, the comment form
and the press-release parser. Never a server error, never a partial write.

The examples are the same on every run (the "newsroom" hypothesis profile in tests/conftest.py)."""

from __future__ import annotations

from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.models import Article
from articles.seedformat import PressRelease, SeedFormatError, parse_bytes
from comments.models import Comment
from tests.comments.helpers import form_data, make_comment
from tests.factories import make_article, make_official, make_organization, make_section, make_tag

pytestmark = pytest.mark.django_db

# Persian, bidi controls, zero-width characters, NUL and other controls, URL and HTML syntax.
hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            ["\x00", "\x1b", "\u202e", "\u200c", "\u0640", "ي", "۱", "%", "/", "?", "&", "=", "#", "<", "-"]
        ),
    ),
    max_size=60,
)
# Whatever a client puts in a URL: text, digits (some huge), raw bytes in any encoding.
url_value = st.one_of(
    # Known troublemakers, given their own share so a short run meets them: NUL (PostgreSQL refuses it
    # in text), an overlong UTF-8 NUL, a lone surrogate's bytes, a dot segment.
    st.sampled_from(["%00", "a%00b", "%C0%80", "%ED%A0%80", "..", "%2F"]),
    hostile_text.map(lambda text: quote(text, safe="")),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.binary(max_size=40).map(lambda data: quote_from_bytes(data, safe="")),
)

PATHS = [
    "/section/{}/",
    "/section/{}/feed/",
    "/officials/{}/",
    "/officials/{}/feed/",
    "/organizations/{}/",
    "/en/section/{}/",
    "/en/officials/{}/",
    "/tag/{}/",
    "/tag/{}/feed/",
    "/en/tag/{}/",
    "/news/{}/",
    "/news/{}/print/",
    "/news/{code}/{}/",
    "/en/news/{code}/{}/",
    "/n/{}",
    "/comments/{}/reply/",
    "/comments/{}/report/",
    "/sitemap-{}.xml",
]
PARAMETERS = ["q", "page", "comments", "reply"]
# Django takes a 32-character cookie secret as the form's token too (unmasked): a valid pair.
CSRF_SECRET = "k" * 32


@pytest.fixture
def site(db):
    """A small site where every page of the templates above exists for the right value."""
    section = make_section(slug="ostani")
    official = make_official(slug="ali")
    organization = make_organization(slug="ostandari")
    tag = make_tag("الکترونیک")
    article = make_article(section=section, officials=[official], organizations=[organization], tags=[tag])
    make_comment(article)
    pages = [
        "/",
        "/en/",
        section.get_absolute_url(),
        official.get_absolute_url(),
        organization.get_absolute_url(),
        reverse("articles:search"),
        article.get_absolute_url(),
        "/feed/",
        tag.get_absolute_url(),
    ]
    return article, pages


def assert_answered(response) -> None:
    assert response.status_code < 500, response.status_code


@settings(max_examples=40)
@given(template=st.sampled_from(PATHS), value=url_value)
def test_any_slug_or_code_in_an_address_is_answered(site, template, value):
    article, _pages = site
    client = Client(raise_request_exception=False)
    before = Comment.objects.count(), Article.objects.count()
    assert_answered(client.get(template.format(value, code=article.news_code)))
    assert (Comment.objects.count(), Article.objects.count()) == before


@settings(max_examples=30)
@given(page=st.integers(min_value=0, max_value=8), name=st.sampled_from(PARAMETERS), value=url_value)
def test_any_query_parameter_on_any_reader_page_is_answered(site, page, name, value):
    _article, pages = site
    client = Client(raise_request_exception=False)
    before = Comment.objects.count()
    assert_answered(client.get(f"{pages[page]}?{quote(name)}={value}"))
    assert Comment.objects.count() == before


@settings(max_examples=25)
@given(query=hostile_text)
def test_any_text_in_the_search_box_gets_results_or_the_form_back(site, query):
    client = Client(raise_request_exception=False)
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 400 and "\x00" not in query:
        assert 'name="q"' in response.content.decode()  # the form again, with its error


@settings(max_examples=40)
@given(
    body=st.binary(max_size=300),
    charset=st.sampled_from(["utf-8", "latin-1", "utf-16", "cp1256", "x-unknown", ""]),
    whole=st.booleans(),
)
def test_any_bytes_in_the_comment_form_are_answered_and_written_whole_or_not_at_all(
    site, body, charset, whole
):
    article, _pages = site
    cache.clear()  # the rate limit is tested elsewhere
    # As a browser: the CSRF check reads the form, which is where an undecodable one first fails.
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    client.cookies["csrftoken"] = CSRF_SECRET
    if whole:  # the whole request body is noise (no CSRF token: 403, or 400 when undecodable)
        data = body
    else:  # a genuine form, with its CSRF token, whose comment is arbitrary bytes
        fields = form_data(article, csrfmiddlewaretoken=CSRF_SECRET)
        fields.pop("body")
        data = urlencode(fields).encode() + b"&body=" + quote_from_bytes(body).encode()
    content_type = "application/x-www-form-urlencoded" + (f"; charset={charset}" if charset else "")
    before = Comment.objects.count()
    # generic(): the bytes go out as they are (post() would re-encode them into the charset).
    url = reverse("comments:post", args=[article.news_code])
    response = client.generic("POST", url, data, content_type=content_type)
    assert response.status_code in (302, 400, 403), response.status_code
    if response.status_code == 302:
        assert Comment.objects.count() == before + 1
        assert Comment.objects.latest("id").body  # a whole comment, not an empty row
    else:
        assert Comment.objects.count() == before


@settings(max_examples=200)
@given(data=st.one_of(st.binary(max_size=600), hostile_text.map(lambda text: text.encode("utf-8"))))
def test_the_press_release_parser_returns_a_release_or_one_clear_error(data):
    try:
        release = parse_bytes(data)
    except SeedFormatError as error:
        assert str(error)
    else:
        assert isinstance(release, PressRelease) and release.headline


@settings(max_examples=15)
@given(data=st.one_of(st.binary(max_size=300), hostile_text.map(lambda text: text.encode("utf-8"))))
def test_an_imported_file_of_any_bytes_is_one_article_or_nothing(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("release") / "release.txt"
    path.write_bytes(data)
    before = Article.objects.count()
    try:
        call_command("import_articles", str(path), gazetteer=str(path.with_suffix(".none")), verbosity=0)
    except CommandError:  # "1 of 1 failed": the command exits with status 1
        assert Article.objects.count() == before
    else:
        assert Article.objects.count() == before + 1
        Article.objects.all().delete()  # the next example imports from scratch
