"""Article versions: kept on every save, compared as readable word diffs, restored under the publishing
rule; and change messages that name only what changed, in Persian."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import revisions, services
from articles.models import Article, ArticleRevision
from tests.articles.test_admin import article_form
from tests.factories import make_article, make_official, make_organization, make_section

pytestmark = pytest.mark.django_db


def change_url(article, language="fa"):
    return reverse("admin:articles_article_change", args=[article.pk]) + f"?language={language}"


def form_of(article, language="fa", **overrides):
    """The change form as the browser would post it back untouched, with `overrides`."""
    tr = article.get_translation(language)
    data = article_form(
        kicker=tr.kicker,
        title=tr.title,
        slug=tr.slug,
        lead=tr.lead,
        body=tr.body,
        status=article.status,
        section=article.section_id or "",
        officials=list(article.officials.values_list("pk", flat=True)),
        organizations=list(article.organizations.values_list("pk", flat=True)),
        tags=list(article.tags.values_list("pk", flat=True)),
    )
    data.update(overrides)
    return data


def bilingual_draft():
    official, org = make_official(name="سید کاظم موسوی"), make_organization(name="قوه قضائیه")
    article = make_article(
        status=Article.Status.DRAFT,
        title="تیتر نخست",
        lead="لید نخست",
        body="<p>متن نخست خبر</p>",
        section=make_section(name="استانی"),
        officials=[official],
        organizations=[org],
    )
    article.set_current_language("en")
    article.title, article.slug, article.lead, article.body = "First headline", "first", "Lead", "<p>B</p>"
    article.save()
    return article, official, org


def test_a_save_keeps_a_version_with_every_language_and_the_mentions(editor_client, editor):
    article, official, org = bilingual_draft()
    response = editor_client.post(change_url(article), form_of(article, title="تیتر دوم"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    version = article.revisions.get()
    assert version.user == editor and version.source == ArticleRevision.Source.ADMIN
    data = version.data
    assert data["translations"]["fa"]["title"] == "تیتر دوم"
    assert data["translations"]["en"]["title"] == "First headline"  # the tab not edited is kept too
    assert data["officials"] == [official.pk] and data["organizations"] == [org.pk]
    assert data["status"] == "draft" and data["section"] == article.section_id


def test_taking_a_snapshot_costs_a_fixed_number_of_queries(django_assert_num_queries):
    article, _official, _org = bilingual_draft()
    with django_assert_num_queries(5):  # translations, officials, organizations, tags, insert
        revisions.record_revision(article)


def test_an_untouched_save_does_not_report_the_body_as_changed(editor_client):
    article, _official, _org = bilingual_draft()
    # The editor re-serializes the stored HTML: a line break and spacing, the same text.
    reserialized = "<p>متن نخست خبر</p>\n"
    response = editor_client.post(change_url(article), form_of(article, body=reserialized, lead="لید دوم"))
    assert response.status_code == 302
    message = LogEntry.objects.get(action_flag=2).get_change_message()
    assert "لید" in message
    assert "متن" not in message and "Body" not in message and "Lead" not in message

    response = editor_client.post(change_url(article), form_of(article, body="<p>متن تازه</p>"))
    assert "متن" in LogEntry.objects.filter(action_flag=2).latest("pk").get_change_message()


def test_compare_shows_word_insertions_and_deletions_escaped(chief_client):
    article = make_article(
        status=Article.Status.DRAFT,
        title="دیدار استاندار با مردم",
        body="<p>استاندار امروز با مردم دیدار کرد.</p>",
    )
    old = revisions.record_revision(article)
    article.set_current_language("fa")
    article.title = "دیدار فرماندار با مردم"
    article.body = "<p>استاندار امروز با مردم دیدار کرد. &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    article.save()
    html = chief_client.get(
        reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    ).content.decode()
    assert "<del>استاندار</del> <ins>فرماندار</ins>" in html
    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in html
    assert "<script>alert(1)" not in html


def test_word_diff_escapes_markup_and_marks_words():
    diff = revisions.word_diff("a <b> c", "a <i> c d")
    assert diff == "a <del>&lt;b&gt;</del> <ins>&lt;i&gt;</ins> c <ins>d</ins>"


def test_restore_brings_back_text_and_mentions_and_is_a_new_version(chief_client, chief_editor):
    article, official, org = bilingual_draft()
    old = revisions.record_revision(article, user=chief_editor)
    article.set_current_language("fa")
    article.title, article.body = "تیتر عوض شده", "<p>متن عوض شده</p>"
    article.save()
    article.officials.clear()
    article.organizations.clear()

    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    response = chief_client.post(url)
    assert response.status_code == 302
    article = Article.objects.get(pk=article.pk)
    assert article.get_translation("fa").title == "تیتر نخست"
    assert article.get_translation("fa").body == "<p>متن نخست خبر</p>"
    assert article.get_translation("en").title == "First headline"
    assert list(article.officials.all()) == [official] and list(article.organizations.all()) == [org]
    assert "موسوی" in article.search_document
    newest = article.revisions.first()
    assert newest.source == ArticleRevision.Source.RESTORE and newest.restored_from == old
    assert article.revisions.count() == 2


@pytest.mark.parametrize("published_then", [True, False])
def test_an_editor_cannot_restore_a_version_that_publishes_or_unpublishes(editor, published_then):
    live = {"status": Article.Status.PUBLISHED, "published_at": timezone.now() - timedelta(hours=1)}
    draft = {"status": Article.Status.DRAFT}
    article = make_article(title="تیتر نخست", **(live if published_then else draft))
    old = revisions.record_revision(article)
    Article.objects.filter(pk=article.pk).update(**(draft if published_then else live))
    article = Article.objects.get(pk=article.pk)
    article.set_current_language("fa")
    article.title = "تیتر دوم"
    article.save()

    with pytest.raises(PermissionDenied):
        services.restore_revision(revision=old, user=editor)
    article = Article.objects.get(pk=article.pk)
    assert article.get_translation("fa").title == "تیتر دوم"  # nothing written
    assert article.revisions.count() == 1


def test_the_refusal_is_shown_on_the_compare_page(editor_client):
    article = make_article(status=Article.Status.PUBLISHED)
    old = revisions.record_revision(article)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    response = editor_client.post(reverse("admin:articles_article_revision", args=[article.pk, old.pk]))
    assert response.status_code == 403
    assert "سردبیر" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_history_page_lists_versions_in_persian_with_jalali_dates(editor_client, editor):
    article = make_article(status=Article.Status.DRAFT)
    version = revisions.record_revision(article, user=editor)
    ArticleRevision.objects.filter(pk=version.pk).update(
        created_at=timezone.make_aware(timezone.datetime(2026, 12, 1, 8, 30))
    )
    revisions.record_revision(article, source=ArticleRevision.Source.IMPORT)
    html = editor_client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert "۱۰ آذر ۱۴۰۵" in html and "2026" not in html
    assert "۲ نسخه" in html
    assert "به‌روزرسانی با درون‌ریزی" in html and "editor" in html
    assert reverse("admin:articles_article_revision", args=[article.pk, version.pk]) in html


def test_workflow_actions_keep_versions_too(chief_client, chief_editor):
    article = make_article(status=Article.Status.REVIEW)
    chief_client.post(
        reverse("admin:articles_article_changelist"), {"action": "publish", "_selected_action": [article.pk]}
    )
    version = article.revisions.get()
    assert version.user == chief_editor and version.data["status"] == "published"
    assert version.data["published_at"] is not None


def test_history_page_shows_the_change_log_in_persian(editor_client):
    article, _official, _org = bilingual_draft()
    editor_client.post(change_url(article), form_of(article, kicker="روتیتر تازه", lead="لید تازه"))
    html = editor_client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert "روتیتر و لید" in html
    assert "Kicker" not in html and "Lead" not in html
