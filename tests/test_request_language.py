"""A request's language is that request's: an /en/ page leaves the test that asked for it in Persian."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_an_english_request_leaves_the_persian_language_active(reader_client):
    article = make_article(language="en", title="Judiciary news", lead="A lead.", body="<p>A body.</p>")
    with translation.override("en"):
        article.set_current_language("en")
        url = article.get_absolute_url()
    response = reader_client.get(url)
    assert response.status_code == 200 and response["Content-Language"] == "en"
    assert translation.get_language() == "fa"
    assert reverse("articles:front") == "/"


def test_a_persian_request_inside_an_english_block_leaves_english_active(reader_client):
    with translation.override("en"):
        assert reader_client.get("/").status_code == 200
        assert translation.get_language() == "en"
