"""Only a chief editor moves an article into or out of what readers see, by whatever field: the status, the
publication time, or deleting it. One rule, in articles.services; the admin form only shows its refusal."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles import services
from articles.models import Article
from tests.articles.test_admin import article_form
from tests.factories import make_article
from tests.i18n import fa

pytestmark = pytest.mark.django_db

# The clock stands at 1405/09/09 12:30 in Tehran (30 November 2026, 09:00 UTC).
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
PAST = datetime(2026, 11, 22, 6, 30, tzinfo=UTC)  # 1405/09/01 10:00 Tehran
FUTURE = datetime(2026, 12, 22, 6, 30, tzinfo=UTC)  # 1405/10/01 10:00
LATER = datetime(2027, 3, 21, 6, 30, tzinfo=UTC)  # 1406/01/01 10:00
TYPED = {PAST: "1405/09/01 10:00", FUTURE: "1405/10/01 10:00", LATER: "1406/01/01 10:00"}
SOONER = "1405/09/20 10:00"  # still in the future, but before FUTURE

TIME_REFUSED = (
    "Only a chief editor can change the publication time so that the article appears sooner or leaves "
    "readers' view. You may put a scheduled article off to a later time."
)
STATUS_REFUSED = "Only a chief editor can publish or unpublish. Send the article to review instead."


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def live():
    return make_article(title="خبر منتشر شده", published_at=PAST)


def scheduled():
    return make_article(title="خبر زمان‌بندی شده", published_at=FUTURE)


def draft():
    return make_article(title="پیش‌نویس", status=Article.Status.DRAFT, published_at=FUTURE)


def post_change(client, article, **fields):
    url = reverse("admin:articles_article_change", args=[article.pk]) + "?language=fa"
    fields = {"title": article.safe_translation_getter("title"), "status": article.status, **fields}
    data = article_form(**fields)
    return client.post(url, data)


def stored(article) -> tuple[str, datetime]:
    article.refresh_from_db()
    return article.status, article.published_at


# Through the admin's change form ---------------------------------------------------------------------


def test_editor_cannot_bring_a_scheduled_article_live_with_a_past_time(editor_client):
    article = scheduled()
    response = post_change(editor_client, article, published_at=TYPED[PAST], lead="لید تازه")
    assert response.status_code == 400  # refused: the form is shown again
    assert response.context["adminform"].form.errors["published_at"] == [fa(TIME_REFUSED)]
    assert stored(article) == (Article.Status.PUBLISHED, FUTURE)
    assert article.safe_translation_getter("lead") != "لید تازه"  # nothing else saved either
    assert not Article.objects.published().exists()


def test_editor_cannot_take_a_live_article_down_with_a_future_time(editor_client):
    article = live()
    response = post_change(editor_client, article, published_at=TYPED[LATER])
    assert response.status_code == 400
    assert response.context["adminform"].form.errors["published_at"] == [fa(TIME_REFUSED)]
    assert stored(article) == (Article.Status.PUBLISHED, PAST)
    assert list(Article.objects.published()) == [article]


def test_editor_cannot_bring_a_scheduled_article_sooner(editor_client):
    article = scheduled()
    response = post_change(editor_client, article, published_at=SOONER)
    assert response.status_code == 400
    assert "published_at" in response.context["adminform"].form.errors
    assert stored(article) == (Article.Status.PUBLISHED, FUTURE)


def test_editor_may_put_a_scheduled_article_off(editor_client):
    article = scheduled()
    # More than a day later: the form asks first (tests/articles/test_safe_dates.py), whoever edits.
    response = post_change(editor_client, article, published_at=TYPED[LATER], confirm_change="on")
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert stored(article) == (Article.Status.PUBLISHED, LATER)


def test_editor_may_change_a_drafts_time_either_way(editor_client):
    article = draft()
    assert post_change(editor_client, article, published_at=TYPED[PAST]).status_code == 302
    assert stored(article) == (Article.Status.DRAFT, PAST)
    assert not Article.objects.published().exists()


def test_editor_may_edit_a_live_article_leaving_its_time(editor_client):
    article = make_article(published_at=PAST.replace(second=15, microsecond=7))
    shown = "1405/09/01 10:00:15"  # the form shows whole seconds
    response = post_change(editor_client, article, published_at=shown, lead="لید اصلاح شده")
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert stored(article) == (Article.Status.PUBLISHED, PAST.replace(second=15, microsecond=7))
    assert article.safe_translation_getter("lead") == "لید اصلاح شده"


def test_editor_cannot_unschedule_by_the_status(editor_client):
    article = scheduled()
    response = post_change(editor_client, article, status="draft", published_at=TYPED[FUTURE])
    assert response.context["adminform"].form.errors["status"] == [fa(STATUS_REFUSED)]
    assert stored(article) == (Article.Status.PUBLISHED, FUTURE)


@pytest.mark.parametrize(
    "make, typed, expected",
    [
        (scheduled, PAST, PAST),  # brought live
        (live, LATER, LATER),  # taken down until later
        (scheduled, LATER, LATER),
    ],
)
def test_chief_editor_may_move_any_article_in_time(chief_client, make, typed, expected):
    article = make()
    # Moves of more than a day, confirmed (the form asks first: tests/articles/test_safe_dates.py).
    response = post_change(chief_client, article, published_at=TYPED[typed], confirm_change="on")
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert stored(article) == (Article.Status.PUBLISHED, expected)


def test_the_admin_save_path_checks_again_without_the_form(editor, rf):
    """A save that bypasses the form's check (list_editable, a future form) still meets the rule."""
    from django.contrib.admin.sites import site

    article = scheduled()
    article.published_at = PAST
    request = rf.post("/")
    request.user = editor
    with pytest.raises(PermissionDenied):
        site.get_model_admin(Article).save_model(request, article, form=None, change=True)
    assert stored(article) == (Article.Status.PUBLISHED, FUTURE)


# Deleting ----------------------------------------------------------------------------------------------


def test_deleting_a_published_or_scheduled_article_is_a_chief_editors_act(editor, chief_editor):
    live(), scheduled(), draft()
    with pytest.raises(PermissionDenied):
        services.delete_articles(articles=Article.objects.all(), user=editor)
    assert Article.objects.count() == 3
    services.delete_articles(articles=Article.objects.filter(status=Article.Status.DRAFT), user=editor)
    assert Article.objects.count() == 2
    assert services.delete_articles(articles=Article.objects.all(), user=chief_editor) == 2


def test_a_user_who_may_delete_but_not_publish_cannot_delete_a_live_article(editor, client):
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="delete_article"))
    client.force_login(editor)
    article = live()
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_nor_can_they_delete_one_language_of_a_live_article(editor, client):
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="delete_article"))
    client.force_login(editor)
    article = live()
    article.set_current_language("en")
    article.title, article.slug, article.lead, article.body = "English", "english", "Lead", "<p>Body</p>"
    article.save()
    url = reverse("admin:articles_article_delete_translation", args=[article.pk, "en"])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert article.translations.filter(language_code="en").exists()


# The rule itself ---------------------------------------------------------------------------------------


def _as(status: str, at: datetime | None) -> Article:
    return Article(status=status, published_at=at)


PUBLISHED, DRAFT, REVIEW = Article.Status.PUBLISHED, Article.Status.DRAFT, Article.Status.REVIEW


@pytest.mark.parametrize(
    "before, after",
    [
        (_as(PUBLISHED, FUTURE), _as(PUBLISHED, PAST)),  # scheduled → live
        (_as(PUBLISHED, PAST), _as(PUBLISHED, LATER)),  # live → scheduled
        (_as(PUBLISHED, LATER), _as(PUBLISHED, FUTURE)),  # scheduled sooner
        (_as(DRAFT, None), _as(PUBLISHED, PAST)),  # publish
        (_as(DRAFT, None), _as(PUBLISHED, FUTURE)),  # schedule
        (_as(PUBLISHED, FUTURE), _as(DRAFT, FUTURE)),  # unschedule
        (_as(PUBLISHED, PAST), _as(REVIEW, PAST)),  # take down
        (None, _as(PUBLISHED, FUTURE)),  # a new article, scheduled
    ],
)
def test_the_rule_refuses_an_editor_every_change_of_what_readers_see(editor, chief_editor, before, after):
    with pytest.raises(PermissionDenied):
        services.check_visibility_change(user=editor, before=before, after=after)
    services.check_visibility_change(user=chief_editor, before=before, after=after)


@pytest.mark.parametrize(
    "before, after",
    [
        (_as(PUBLISHED, FUTURE), _as(PUBLISHED, LATER)),  # put off
        (_as(PUBLISHED, PAST), _as(PUBLISHED, PAST.replace(hour=1))),  # live stays live
        (_as(DRAFT, FUTURE), _as(DRAFT, PAST)),
        (_as(DRAFT, None), _as(REVIEW, None)),
        (None, _as(DRAFT, PAST)),
    ],
)
def test_the_rule_lets_an_editor_change_what_readers_do_not_see(editor, before, after):
    services.check_visibility_change(user=editor, before=before, after=after)


def test_save_article_compares_with_the_stored_row(editor):
    article = scheduled()
    article.published_at = PAST
    with pytest.raises(PermissionDenied):
        services.save_article(article=article, user=editor)
    assert stored(article) == (Article.Status.PUBLISHED, FUTURE)
    article.published_at = LATER
    services.save_article(article=article, user=editor)
    assert stored(article) == (Article.Status.PUBLISHED, LATER)
