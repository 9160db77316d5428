"""Search finds no article through the names of an official readers cannot see (one the importer
proposed and no editor has confirmed yet), and finds it by those names once an editor confirms them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from articles import services
from articles.models import Article, Official
from articles.persian import normalize
from tests.factories import make_article, make_official

pytestmark = pytest.mark.django_db
SEARCH = reverse("articles:search")
ALIAS = "کاویانی‌پور"  # appears in no article's text: only the official's record can lead to it


def found(client, query: str, article: Article) -> bool:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return article.get_absolute_url() in response.content.decode()


@pytest.fixture
def hidden_official() -> Official:
    return make_official(name="رضا کاویانی", aliases=ALIAS, slug="kaviani", is_verified=False)


@pytest.fixture
def article(hidden_official) -> Article:
    article = make_article(title="نشست شورای شهر", officials=[hidden_official])
    services.refresh_search_document(article)
    return article


def test_an_unconfirmed_officials_alias_finds_nothing(reader_client, article):
    assert normalize(ALIAS) not in Article.objects.get(pk=article.pk).search_document
    assert not found(reader_client, ALIAS, article)


def test_a_confirmed_officials_alias_finds_the_article(reader_client):
    official = make_official(name="رضا کاویانی", aliases=ALIAS, slug="kaviani")
    article = make_article(title="نشست شورای شهر", officials=[official])
    services.refresh_search_document(article)
    assert found(reader_client, ALIAS, article)


def test_confirming_in_the_admin_makes_the_article_findable_by_the_officials_names(
    reader_client, editor_client, hidden_official, article
):
    response = editor_client.post(
        reverse("admin:articles_official_changelist"),
        {"action": "confirm_officials", "_selected_action": [hidden_official.pk]},
    )
    assert response.status_code == 302
    hidden_official.refresh_from_db()
    assert hidden_official.is_verified
    assert found(reader_client, ALIAS, article)


def test_confirming_leaves_the_articles_edit_time_alone(editor, hidden_official, article):
    # The importer tells "edited since import" by updated_at: a refreshed index is not an edit.
    before = Article.objects.get(pk=article.pk).updated_at
    services.confirm_officials(officials=Official.objects.all(), user=editor)
    assert Article.objects.get(pk=article.pk).updated_at == before


def test_only_someone_who_may_change_officials_can_confirm_them(
    reader_client, outsider, hidden_official, article
):
    with pytest.raises(PermissionDenied):
        services.confirm_officials(officials=Official.objects.all(), user=outsider)
    hidden_official.refresh_from_db()
    assert not hidden_official.is_verified
    assert not found(reader_client, ALIAS, article)


def test_hiding_an_official_again_in_the_change_form_takes_their_names_out_of_search(
    reader_client, chief_client
):
    official = make_official(name="رضا کاویانی", aliases=ALIAS, slug="kaviani")
    article = make_article(title="نشست شورای شهر", officials=[official])
    services.refresh_search_document(article)
    assert found(reader_client, ALIAS, article)
    url = reverse("admin:articles_official_change", args=[official.pk])
    response = chief_client.post(
        url,
        {
            "name": official.name,
            "honorific": "",
            "aliases": ALIAS,
            "bio": "",
            "slug": official.slug,
            "is_verified": "",
            "positions-TOTAL_FORMS": "0",
            "positions-INITIAL_FORMS": "0",
            "positions-MIN_NUM_FORMS": "0",
            "positions-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not found(reader_client, ALIAS, article)


def test_the_importer_leaves_unconfirmed_officials_names_out_of_search(
    reader_client, editor, hidden_official, tmp_path
):
    release = tmp_path / "release.txt"
    release.write_text(
        "---\nid: kaviani-1\n---\n"
        "نشست شورای شهر برگزار شد\n"
        "لید خبر نشست\n"
        "به گزارش شیرازه، رضا کاویانی در نشست امروز سخن گفت.\n",
        encoding="utf-8",
    )
    call_command("import_articles", str(release), verbosity=0)
    article = Article.objects.get(external_id="kaviani-1")
    assert list(article.officials.all()) == [hidden_official]
    assert normalize(ALIAS) not in article.search_document
    assert not found(reader_client, ALIAS, article)

    services.confirm_officials(officials=Official.objects.filter(pk=hidden_official.pk), user=editor)
    assert found(reader_client, ALIAS, article)
