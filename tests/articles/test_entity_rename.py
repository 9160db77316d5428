"""Search text stays true when an entity changes: renaming an official or an organization, or adding an
alias, in the admin makes the articles that mention it findable by the new name, on the site and in
the admin (articles.services.refresh_articles_mentioning)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles import services
from articles.models import Article
from tests.factories import make_article, make_official, make_organization

pytestmark = pytest.mark.django_db
SEARCH = reverse("articles:search")


def found_on_site(client, query: str, article: Article) -> bool:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return article.get_absolute_url() in response.content.decode()


def found_in_admin(client, query: str) -> list:
    response = client.get(reverse("admin:articles_article_changelist"), {"q": query})
    return list(response.context["cl"].result_list)


def official_data(official, **changes) -> dict:
    data = {
        "name": official.name,
        "honorific": official.honorific,
        "aliases": official.aliases,
        "bio": "",
        "slug": official.slug,
        "is_verified": "on",
        "positions-TOTAL_FORMS": "0",
        "positions-INITIAL_FORMS": "0",
        "positions-MIN_NUM_FORMS": "0",
        "positions-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def organization_data(org, **changes) -> dict:
    data = {
        "name": str(org),
        "description": "",
        "short_name": org.short_name,
        "aliases": org.aliases,
        "kind": org.kind,
        "parent": "",
        "slug": org.slug,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "changes, new_name",
    [({"name": "کاظم موسوی‌نژاد"}, "موسوي نژاد"), ({"aliases": "قاضی القضات فارس"}, "قاضي القضات")],
)
def test_renaming_an_official_or_adding_an_alias_finds_older_articles(
    chief_client, reader_client, changes, new_name
):
    official = make_official(name="کاظم موسوی", slug="mousavi")
    article = make_article(title="نشست قضایی", officials=[official])
    assert not found_on_site(reader_client, new_name, article)
    url = reverse("admin:articles_official_change", args=[official.pk])
    response = chief_client.post(url, official_data(official, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert found_on_site(reader_client, new_name, article)
    assert found_in_admin(chief_client, new_name) == [article]


@pytest.mark.parametrize(
    "changes, new_name",
    [
        ({"name": "دادگستری کل استان فارس"}, "دادگستري كل"),
        ({"aliases": "دادگستری شیراز"}, "دادگستري شيراز"),
        ({"short_name": "دادفارس"}, "دادفارس"),
    ],
)
def test_renaming_an_organization_or_adding_an_alias_finds_older_articles(
    chief_client, reader_client, changes, new_name
):
    org = make_organization(name="دادگستری فارس", slug="dadgostari-fars")
    article = make_article(title="نشست قضایی", organizations=[org])
    assert not found_on_site(reader_client, new_name, article)
    url = reverse("admin:articles_organization_change", args=[org.pk]) + "?language=fa"
    response = chief_client.post(url, organization_data(org, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert found_on_site(reader_client, new_name, article)
    assert found_in_admin(chief_client, new_name) == [article]


def test_a_change_that_touches_no_name_refreshes_nothing(django_assert_num_queries):
    official = make_official(name="کاظم موسوی")
    make_article(officials=[official])
    with django_assert_num_queries(0):
        assert services.refresh_articles_mentioning(official, changed={"bio", "photo"}) == 0
    assert services.refresh_articles_mentioning(official, changed={"aliases"}) == 1
