"""Mentions by alias over normalized text, honorific proposals, the gazetteer, and links on admin create."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from articles import gazetteer
from articles.mentions import MentionIndex, find_mentions
from articles.models import Article, Official, Organization, Position
from articles.persian import normalize
from tests.articles.test_admin import article_form
from tests.factories import make_official, make_organization

GAZETTEER = Path(settings.BASE_DIR) / "seeds" / "gazetteer.toml"


def index(**organizations: int) -> MentionIndex:
    return MentionIndex(
        officials={"سید کاظم موسوی": 1, "کاظم موسوی": 1},
        organizations={"قوه قضاییه": 10, "دادگستری فارس": 11, "دادگستری کل استان فارس": 11, **organizations},
    )


@pytest.mark.parametrize(
    "text",
    [
        "سخنگوی قوه قضائیه گفت",
        "سخنگوی قوه قضاییه گفت",
        "سخنگوی قوه  قضائيه گفت",  # Arabic ي and a double space
        "سخنگوی قوه\u200cقضائیه گفت",  # ZWNJ where a space belongs
        "سخنگوی قوه قضـــائیه گفت",  # kashida
    ],
)
def test_aliases_match_over_normalized_text(text):
    assert find_mentions(text, index()).organization_ids == {10}


def test_an_alias_inside_a_longer_word_does_not_match():
    assert find_mentions("دادگستری فارسی‌زبان", index()).organization_ids == set()


def test_nested_names_are_all_found():
    found = find_mentions("رئیس کل دادگستری کل استان فارس و قوه قضائیه", index())
    assert found.organization_ids == {10, 11}


def test_a_known_official_after_an_honorific_is_linked_not_proposed():
    found = find_mentions("حجت الاسلام و المسلمین سید کاظم موسوی در جلسه گفت", index())
    assert found.official_ids == {1}
    assert found.proposals == []


@pytest.mark.parametrize(
    ("text", "honorific", "name"),
    [
        ("آیت‌الله سید احمد علم‌الهدی در خطبه گفت", "آیت الله", "سید احمد علم الهدی"),
        ("دکتر علی رضایی، رئیس دانشگاه", "دکتر", "علی رضایی"),
        ("سردار محمد کریمی فرمانده انتظامی", "سردار", "محمد کریمی"),
        ("مهندس زهرا احمدی با اشاره به", "مهندس", "زهرا احمدی"),
    ],
)
def test_an_unknown_person_after_an_honorific_is_proposed(text, honorific, name):
    [proposal] = find_mentions(text, index()).proposals
    assert (proposal.honorific, proposal.name) == (honorific, name)


def test_a_surname_alone_is_not_enough_to_propose_a_person():
    assert find_mentions("دکتر رضایی گفت", index()).proposals == []


@pytest.mark.django_db
def test_the_gazetteer_loads_once_and_keeps_editors_changes():
    first = gazetteer.load(GAZETTEER)
    assert (first.organizations_created, first.officials_created, first.positions_created) == (5, 1, 3)
    judiciary = Organization.objects.get(slug="قوه-قضائیه")
    judiciary.aliases = "دستگاه قضا\nقوه قضاییه\nقوه قضائیه ایران"
    judiciary.save()
    second = gazetteer.load(GAZETTEER)
    assert (second.organizations_created, second.officials_created, second.positions_created) == (0, 0, 0)
    assert "قوه قضائیه ایران" in Organization.objects.get(slug="قوه-قضائیه").aliases
    assert Position.objects.count() == 3
    assert Official.objects.get().positions.filter(organization=judiciary).exists()


@pytest.mark.django_db
def test_a_broken_gazetteer_is_one_clear_error(tmp_path):
    broken = tmp_path / "g.toml"
    broken.write_text('[[organizations]]\nname = "x"\nkind = "church"\n', encoding="utf-8")
    with pytest.raises(gazetteer.GazetteerError, match="unknown kind 'church'"):
        gazetteer.load(broken)
    assert Organization.objects.count() == 0


@pytest.mark.django_db
def test_a_new_article_in_the_admin_gets_links_and_keeps_removals(editor_client):
    official = make_official(name="سید کاظم موسوی")
    judiciary = make_organization(name="قوه قضائیه")
    court = make_organization(name="دادگستری کل استان فارس", aliases="دادگستری فارس")
    council = make_organization(name="شورای قضایی استان فارس")
    add_url = reverse("admin:articles_article_add") + "?language=fa"
    body = "<p>حجت الاسلام و المسلمین سید کاظم موسوی در جمع مسئولان قوه قضاییه گفت.</p>"
    # The kicker names the court by an alias (دادگستری فارس); the editor picked only the council.
    response = editor_client.post(add_url, article_form(body=body, organizations=[council.pk]))
    assert response.status_code == 302
    article = Article.objects.get()
    assert list(article.officials.all()) == [official]
    assert set(article.organizations.all()) == {judiciary, court, council}
    assert normalize("دادگستری کل استان فارس") in article.search_document  # a linked name, searchable

    # The editor removes the judiciary link and saves: it is not added back.
    change_url = reverse("admin:articles_article_change", args=[article.pk]) + "?language=fa"
    response = editor_client.post(
        change_url, article_form(body=body, officials=[official.pk], organizations=[court.pk, council.pk])
    )
    assert response.status_code == 302
    assert set(article.organizations.all()) == {court, council}
