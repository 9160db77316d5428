"""Tags (برچسب‌ها) for editors: one tag per normalized name and language, made from what an editor types
in the article form (articles.services.set_article_tags), kept in versions, searchable, and renamed or
deleted with the articles' search text kept true."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles import revisions, services
from articles.models import Article, ArticleRevision, Tag, TagTranslation
from tests.articles.test_admin import article_form
from tests.articles.test_revisions import change_url, form_of
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:articles_article_add") + "?language=fa"


def names(article: Article) -> set[str]:
    return {str(tag) for tag in article.tags.all()}


# The tag itself --------------------------------------------------------------------------------------------


def test_a_tag_keeps_its_name_as_written_and_gets_a_readable_slug_from_the_normalized_name():
    tag = make_tag("خدمات الكترونيكي\u200cقضایی")
    translation = TagTranslation.objects.get(master=tag)
    assert translation.name == "خدمات الكترونيكي\u200cقضایی"  # display text is never rewritten
    assert translation.key == "خدمات الکترونیکی قضایی"
    assert tag.slug == "خدمات-الکترونیکی-قضایی"


def test_a_slug_another_tag_has_gets_a_number():
    first, second = make_tag("انتخابات"), make_tag("انتخابات!")  # two keys, one slug
    assert (first.slug, second.slug) == ("انتخابات", "انتخابات-2")


@pytest.mark.parametrize(
    "variant",
    ["الكترونيك", "الکترونیک ", "الـکـترونیک", "الکترونیك", "ال\u200bکترونیک", "الکترونیک\u200c"],
    ids=["arabic-letters", "trailing-space", "kashida", "mixed", "zero-width-space", "trailing-zwnj"],
)
def test_a_typed_spelling_variant_is_the_existing_tag(editor, variant):
    existing = make_tag("الکترونیک")
    assert services.tags_named([variant], language="fa", user=editor) == [existing]
    assert Tag.objects.count() == 1


def test_half_space_and_space_are_one_tag(editor):
    tag = make_tag("سازمان\u200cهای مردم\u200cنهاد")
    assert services.tags_named(["سازمان های مردم نهاد"], language="fa", user=editor) == [tag]


def test_names_typed_twice_in_one_form_make_one_tag_named_as_first_typed(editor):
    tags = services.tags_named(["فوتبال", "فوتبال", "مدرسه", "مدرسه"], language="fa", user=editor)
    assert [str(tag) for tag in tags] == ["فوتبال", "مدرسه"]
    assert Tag.objects.count() == 2


def test_a_name_is_matched_in_the_language_it_is_typed_in(editor):
    english = make_tag("Judiciary", language="en")
    assert services.tags_named(["JUDICIARY"], language="en", user=editor) == [english]
    persian = services.tags_named(["Judiciary"], language="fa", user=editor)[0]
    assert persian != english and list(persian.get_available_languages()) == ["fa"]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("بد\x00نام", "control characters"),
        ("a\x1b[31m", "control characters"),
        ("ـ\u200c ", "needs letters or digits"),
        ("خ" * 101, "at most 100 characters"),
        ("\ufdfa" * 12, "at most 100 characters"),  # 12 characters, 216 once NFKC spells them out
    ],
    ids=["nul", "escape", "only-invisible", "too-long", "ligatures-too-long"],
)
def test_a_name_that_cannot_be_a_tag_is_refused_with_a_reason(text, reason):
    with translation.override("en"), pytest.raises(ValidationError, match=reason):
        services.clean_tag_name(text)


def test_a_stored_name_loses_bidi_controls_and_extra_spaces_but_keeps_its_letters():
    assert services.clean_tag_name("  \u202eخدمات   الكترونيك\u202c ") == "خدمات الكترونيك"


# The service -----------------------------------------------------------------------------------------------


def test_tagging_makes_new_tags_reuses_existing_ones_and_keeps_search_true(editor):
    old = make_tag("قوه قضاییه")
    article = make_article(title="خبر")
    services.set_article_tags(
        article=article, tags=[old, "قوه قضائیه", "دادگستری"], user=editor, language="fa"
    )
    assert names(article) == {"قوه قضاییه", "دادگستری"}
    article.refresh_from_db()
    assert "دادگستری" in article.search_document.split()


def test_setting_the_same_tags_again_writes_nothing(editor):
    tag = make_tag("فوتبال")
    article = make_article(tags=[tag])
    with CaptureQueriesContext(connection) as queries:
        services.set_article_tags(article=article, tags=[tag], user=editor, language="fa")
    writes = [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []


def test_only_someone_who_may_change_articles_tags_them(outsider):
    article = make_article()
    with pytest.raises(PermissionDenied):
        services.set_article_tags(article=article, tags=["فوتبال"], user=outsider, language="fa")
    assert not Tag.objects.exists() and not article.tags.exists()


def test_making_a_new_tag_needs_the_right_to_add_tags(editor):
    from django.contrib.auth.models import Permission

    editor.groups.clear()
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    editor = type(editor).objects.get(pk=editor.pk)  # permissions are cached per instance
    existing = make_tag("فوتبال")
    article = make_article()
    services.set_article_tags(article=article, tags=["فوتبال"], user=editor, language="fa")
    assert list(article.tags.all()) == [existing]  # choosing an existing tag by name is fine
    with pytest.raises(PermissionDenied, match="برچسب تازه"):
        services.set_article_tags(article=article, tags=["والیبال"], user=editor, language="fa")
    assert Tag.objects.count() == 1


# The article form ------------------------------------------------------------------------------------------


def test_an_editor_tags_a_new_article_with_existing_and_typed_tags(editor_client, editor):
    existing = make_tag("الکترونیک")
    response = editor_client.post(
        ADD_URL, article_form(tags=[str(existing.pk), "+الكترونيك", "+خدمات قضایی", "+۱۴۰۴"])
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert names(article) == {"الکترونیک", "خدمات قضایی", "۱۴۰۴"}  # a name of digits is a name, not an id
    assert Tag.objects.count() == 3
    assert "قضایی" in article.search_document.split()
    version = article.revisions.get()
    assert sorted(version.data["tags"]) == sorted(article.tags.values_list("pk", flat=True))


def test_a_name_typed_on_the_english_tab_is_an_english_tag(editor_client):
    article = make_article(status=Article.Status.DRAFT)
    english = make_tag("Judiciary", language="en")
    data = form_of(article, title="Fars judiciary", slug="fars", tags=["+JUDICIARY", "+Courts"])
    response = editor_client.post(change_url(article, "en"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert english in article.tags.all() and article.tags.count() == 2
    courts = article.tags.exclude(pk=english.pk).get()
    assert list(courts.get_available_languages()) == ["en"] and courts.slug == "courts"


def test_without_javascript_a_bare_name_is_a_name_too(editor_client):
    response = editor_client.post(ADD_URL, article_form(tags=["فوتبال"]))
    assert response.status_code == 302
    assert names(Article.objects.get()) == {"فوتبال"}


def test_a_form_refused_for_another_reason_makes_no_tag_and_keeps_what_was_typed(editor_client):
    response = editor_client.post(ADD_URL, article_form(title="", tags=["+برچسب تازه"]))
    assert response.status_code == 400
    assert not Tag.objects.exists() and not Article.objects.exists()
    html = response.content.decode()
    assert '<option value="+برچسب تازه" selected>برچسب تازه</option>' in html


def test_a_bad_tag_name_shows_the_form_again_with_one_line_and_writes_nothing(editor_client):
    response = editor_client.post(ADD_URL, article_form(tags=["+" + "خ" * 150]))
    assert response.status_code == 400
    errors = response.context["adminform"].form.errors["tags"]
    assert errors == ["نام برچسب دست بالا ۱۰۰ نویسه است: " + "خ" * 30 + "…"]
    assert not Tag.objects.exists() and not Article.objects.exists()


def test_an_id_that_is_no_tag_is_refused(editor_client):
    response = editor_client.post(ADD_URL, article_form(tags=["987654", "9" * 40]))
    assert response.status_code == 400
    assert "tags" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_the_change_form_shows_the_tags_and_starts_the_tag_field(editor_client):
    tag = make_tag("فوتبال")
    article = make_article(tags=[tag], status=Article.Status.DRAFT)
    html = editor_client.get(change_url(article)).content.decode()
    assert f'<option value="{tag.pk}" selected>فوتبال</option>' in html
    assert 'class="admin-tag-field"' in html and "js/tag_field.js" in html
    assert "admin/js/vendor/select2/select2.full" in html


def test_removing_every_tag_in_the_form_removes_them(editor_client):
    article = make_article(tags=[make_tag("فوتبال")], status=Article.Status.DRAFT)
    response = editor_client.post(change_url(article), form_of(article, tags=[]))
    assert response.status_code == 302
    assert not article.tags.exists()


def test_autocomplete_finds_tags_by_normalized_name_in_every_language(editor_client):
    tag = make_tag("الکترونیک")
    tag.set_current_language("en")
    tag.name = "Electronics"
    tag.save()
    make_tag("ورزش")
    url = reverse("admin:autocomplete")
    params = {"app_label": "articles", "model_name": "article", "field_name": "tags"}
    for term in ("الكترونيك", "electronics"):
        results = editor_client.get(url, {**params, "term": term}).json()["results"]
        assert [result["id"] for result in results] == [str(tag.pk)], term


# Versions --------------------------------------------------------------------------------------------------


def test_the_compare_page_names_the_tags_then_and_now_and_restore_brings_them_back(
    chief_client, chief_editor
):
    football, school = make_tag("فوتبال"), make_tag("مدرسه")
    article = make_article(tags=[football], status=Article.Status.DRAFT)
    old = revisions.record_revision(article, user=chief_editor)
    chief_client.post(change_url(article), form_of(article, tags=[str(school.pk)]))
    assert names(article) == {"مدرسه"}
    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    others = chief_client.get(url).context["others"]
    assert ("برچسب‌ها", "فوتبال", "مدرسه") in [tuple(map(str, row)) for row in others]
    assert chief_client.post(url).status_code == 302
    assert names(article) == {"فوتبال"}
    assert article.revisions.first().source == ArticleRevision.Source.RESTORE


def test_restoring_a_version_kept_before_tags_existed_leaves_the_tags(chief_editor):
    article = make_article(tags=[make_tag("فوتبال")], status=Article.Status.DRAFT)
    version = revisions.record_revision(article, user=chief_editor)
    del version.data["tags"]
    version.save()
    services.restore_revision(revision=version, user=chief_editor)
    assert names(article) == {"فوتبال"}


# Renaming and deleting -------------------------------------------------------------------------------------


def tag_data(tag, **changes) -> dict:
    return {"name": str(tag), "slug": tag.slug, **changes}


def test_renaming_a_tag_makes_its_articles_findable_by_the_new_name(editor_client, reader_client):
    tag = make_tag("بازی")
    article = make_article(title="خبر", tags=[tag])
    url = reverse("admin:articles_tag_change", args=[tag.pk]) + "?language=fa"
    response = editor_client.post(url, tag_data(tag, name="جام جهانی"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert "جهانی" in article.search_document.split() and "بازی" not in article.search_document.split()
    tag.refresh_from_db()
    assert tag.slug == "بازی"  # the address stays: readers and other sites link to it


def test_an_editor_adds_a_tag_in_the_tag_admin_and_its_slug_is_made_from_the_name(editor_client):
    response = editor_client.post(
        reverse("admin:articles_tag_add") + "?language=fa", {"name": "سازمان‌های مردم‌نهاد", "slug": ""}
    )
    assert response.status_code == 302
    tag = Tag.objects.get()
    assert tag.slug == "سازمان-های-مردم-نهاد"
    assert "مردم" in tag.search_document.split()  # the admin's search and autocomplete find it


def test_the_tag_admin_refuses_a_bad_name_with_the_form_shown_again(editor_client):
    url = reverse("admin:articles_tag_add") + "?language=fa"
    response = editor_client.post(url, {"name": "بد\x1bنام", "slug": ""})
    assert response.status_code == 400
    assert response.context["adminform"].form.errors["name"] == [
        "نام برچسب نمی‌تواند نویسهٔ کنترلی داشته باشد."
    ]
    assert editor_client.post(url, {"name": "\u202eورزش\u202c", "slug": ""}).status_code == 302
    assert str(Tag.objects.get()) == "ورزش"  # bidi controls dropped here as in the article form


def test_renaming_a_tag_to_another_tags_name_is_refused(editor_client):
    make_tag("الکترونیک")
    tag = make_tag("فوتبال")
    url = reverse("admin:articles_tag_change", args=[tag.pk]) + "?language=fa"
    response = editor_client.post(url, tag_data(tag, name="الكترونيك"))
    assert response.status_code == 400
    assert "برچسبی با همین نام هست." in response.content.decode()
    assert str(Tag.objects.get(pk=tag.pk)) == "فوتبال"


def test_deleting_a_tag_is_a_chief_editors_call_and_keeps_search_true(editor_client, chief_client):
    tag = make_tag("بازی")
    article = make_article(title="خبر", tags=[tag])
    url = reverse("admin:articles_tag_delete", args=[tag.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert chief_client.post(url, {"post": "yes"}).status_code == 302
    assert not Tag.objects.exists()
    article.refresh_from_db()
    assert "بازی" not in article.search_document.split()


def test_deleting_tags_from_the_list_goes_through_the_service(chief_client):
    tags = [make_tag("بازی"), make_tag("ورزش")]
    article = make_article(tags=tags)
    response = chief_client.post(
        reverse("admin:articles_tag_changelist"),
        {"action": "delete_selected", "_selected_action": [str(t.pk) for t in tags], "post": "yes"},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert not Tag.objects.exists() and "ورزش" not in article.search_document.split()


def test_the_service_refuses_an_editor_deleting_tags(editor):
    tag = make_tag("بازی")
    with pytest.raises(PermissionDenied):
        services.delete_tags(tags=Tag.objects.filter(pk=tag.pk), user=editor)
    assert Tag.objects.exists()
