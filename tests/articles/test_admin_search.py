"""Every admin search folds what is typed with the one normalization (articles.persian.normalize), as
the reader site's search does: Arabic ي and ك, other letter forms, digits and ZWNJ find the Persian text."""

import pytest
from django.urls import reverse

from articles.models import Official
from comments.models import Comment
from tests.comments.helpers import make_comment
from tests.factories import make_article, make_official, make_organization, make_section

pytestmark = pytest.mark.django_db


def found(client, url_name: str, term: str) -> list:
    response = client.get(reverse(url_name), {"q": term})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_article_search_folds_arabic_letters_and_finds_mentions_too(chief_client):
    official = make_official(name="سید کاظم موسوی")
    article = make_article(title="مجموعه قضایی از پیشگامان خدمات الکترونیک", officials=[official])
    make_article(title="خبر دیگر")
    for term in ["الكترونيك", "خدمات الكترونيك", "موسوي", "مُوسَوی"]:
        assert found(chief_client, "admin:articles_article_changelist", term) == [article], term


def test_article_search_by_news_code_in_persian_digits(chief_client):
    article = make_article(title="تیتر یک")
    make_article(title="تیتر دو")
    from articles.persian import persian_digits

    assert found(chief_client, "admin:articles_article_changelist", persian_digits(article.news_code)) == [
        article
    ]


def test_official_search_folds_names_and_aliases(editor_client):
    official = make_official(name="سید کاظم موسوی", aliases="موسوی\u200cنژاد")
    make_official(name="علی رضایی")
    for term in ["موسوي", "كاظم", "موسوی\u200cنژاد", "موسوي نژاد"]:
        assert found(editor_client, "admin:articles_official_changelist", term) == [official], term


def test_official_search_follows_a_rename():
    official = make_official(name="علی رضایی")
    official.name = "علی رضایی‌فر"
    official.save(update_fields=["name"])
    assert Official.objects.get(search_document__contains="رضایی فر") == official


def test_organization_search_folds_every_language_and_aliases(editor_client):
    org = make_organization(name="دادگستری کل استان فارس", aliases="دادگستری شیراز")
    org.set_current_language("en")
    org.name = "Fars Judiciary"
    org.save()
    make_organization(name="استانداری فارس")
    for term in ["دادگستري", "judiciary", "شيراز"]:
        assert found(editor_client, "admin:articles_organization_changelist", term) == [org], term


def test_section_search_folds(editor_client):
    section = make_section(name="اقتصادی")
    make_section(name="ورزشی")
    assert found(editor_client, "admin:articles_section_changelist", "اقتصادي") == [section]


def test_comment_search_and_its_queues_fold(moderator_client):
    article = make_article()
    comment = make_comment(
        article, body="دادگستری باید پاسخ بدهد", name="كاربر", status=Comment.Status.PENDING
    )
    make_comment(article, body="نظر دیگر", status=Comment.Status.PENDING)
    for url_name in ["admin:comments_comment_changelist", "admin:comments_pendingcomment_changelist"]:
        assert [c.pk for c in found(moderator_client, url_name, "دادگستري")] == [comment.pk]
        assert [c.pk for c in found(moderator_client, url_name, "کاربر")] == [comment.pk]


def test_comment_search_text_follows_an_edit():
    comment = make_comment(make_article(), body="متن اول")
    comment.body = "متن ويرايش شده"
    comment.save(update_fields=["body"])
    assert Comment.objects.get(search_document__contains="ویرایش") == comment


@pytest.mark.parametrize(
    "model_name, field_name, make, term",
    [
        ("article", "officials", lambda: make_official(name="سید کاظم موسوی"), "موسوي"),
        ("article", "organizations", lambda: make_organization(name="دادگستری فارس"), "دادگستري"),
        ("article", "section", lambda: make_section(name="اقتصادی"), "اقتصادي"),
    ],
)
def test_autocomplete_folds(editor_client, model_name, field_name, make, term):
    target = make()
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "articles", "model_name": model_name, "field_name": field_name},
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(target.pk)]
