"""Breaking news (فوری): an editor marks an article urgent in the admin; the bar at the top of every reader
page lists the urgent published articles of the last NEWSROOM_URGENT_HOURS hours, in one query; versions
keep the flag."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from articles import revisions, services
from articles.models import Article
from tests.articles.test_revisions import change_url, form_of
from tests.browser.seed import add_english
from tests.factories import make_article, make_section
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


def bar_of(html: str) -> str:
    assert 'class="urgent-bar"' in html, "no urgent bar on the page"
    return html.split('class="urgent-bar"')[1].split("</aside>")[0]


def test_the_bar_lists_urgent_published_articles_of_the_last_hours_newest_first(reader_client):
    older = make_article(title="فوری دو ساعت پیش", urgent=True, published_at=ago(hours=2))
    newer = make_article(title="فوری همین حالا", urgent=True, published_at=ago(minutes=5))
    make_article(title="خبر عادی", published_at=ago(minutes=1))
    make_article(title="فوری دیروز", urgent=True, published_at=ago(hours=7))
    make_article(title="فوری پیش‌نویس", urgent=True, status=Article.Status.DRAFT, published_at=ago(minutes=3))
    make_article(title="فوری زمان‌بندی‌شده", urgent=True, published_at=timezone.now() + timedelta(minutes=30))
    bar = bar_of(reader_client.get("/").content.decode())
    assert bar.index(newer.title) < bar.index(older.title)
    assert f'href="{newer.get_absolute_url()}"' in bar
    for hidden in ("خبر عادی", "فوری دیروز", "فوری پیش‌نویس", "فوری زمان‌بندی‌شده"):
        assert hidden not in bar
    assert fa("Urgent") in bar
    # The time of day, Tehran's, with Persian digits; the machine-readable time in ISO 8601.
    local = timezone.localtime(newer.published_at)
    assert f"{local:%H:%M}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in bar


def test_no_urgent_news_means_no_bar(reader_client):
    make_article(title="خبر عادی")
    assert 'class="urgent-bar"' not in reader_client.get("/").content.decode()


def test_the_hours_are_a_setting(reader_client, settings):
    make_article(title="فوری سه ساعت پیش", urgent=True, published_at=ago(hours=3))
    assert "فوری سه ساعت پیش" in bar_of(reader_client.get("/").content.decode())
    settings.NEWSROOM_URGENT_HOURS = 2
    assert 'class="urgent-bar"' not in reader_client.get("/").content.decode()


def test_the_bar_is_on_every_reader_page(reader_client):
    section = make_section()
    article = make_article(
        title="فوری در همه صفحه‌ها", urgent=True, section=section, published_at=ago(minutes=1)
    )
    for url in (
        "/",
        article.get_absolute_url(),
        section.get_absolute_url(),
        "/search/?q=" + "فوری",
        "/news/999999/x/",
    ):
        response = reader_client.get(url)
        assert article.title in bar_of(response.content.decode()), url


@translation.override("fa")  # an English request leaves English active in the thread; put it back after
def test_english_pages_list_only_urgent_articles_translated_into_english(reader_client):
    both = add_english(
        make_article(title="فوری دو زبانه", urgent=True, published_at=ago(minutes=1)),
        title="Urgent in English",
    )
    make_article(title="فوری فقط فارسی", urgent=True, published_at=ago(minutes=2))
    bar = bar_of(reader_client.get("/en/").content.decode())
    assert "Urgent in English" in bar and "فوری" not in bar.split("</h2>", 1)[1]
    with translation.override("en"):
        both.set_current_language("en")
        assert f'href="{both.get_absolute_url()}"' in bar


@translation.override("fa")
def test_the_bar_is_one_query_whatever_the_archive(django_assert_num_queries):
    template = Template("{% load site_tags %}{% urgent_bar %}")
    context = Context({"request": RequestFactory().get("/")})
    make_article(title="فوری یک", urgent=True, published_at=ago(minutes=1))
    with django_assert_num_queries(1):
        html = template.render(context)
    assert "فوری یک" in html
    for hours in range(1, 30):  # more urgent news, old and new, and a larger archive
        make_article(urgent=True, published_at=ago(hours=hours))
        make_article(published_at=ago(hours=hours))
    with django_assert_num_queries(1):
        html = template.render(context)
    assert html.count("<li>") == 6  # the first and those of hours 1-5: the last six hours'
    for minutes in range(10, 60, 10):
        make_article(urgent=True, published_at=ago(minutes=minutes))
    with django_assert_num_queries(1):
        html = template.render(context)
    assert html.count("<li>") == 8  # at most eight: a bar, not an archive


def test_the_bar_carries_no_inline_style_or_script(reader_client):
    make_article(title="فوری", urgent=True, published_at=ago(minutes=1))
    bar = bar_of(reader_client.get("/").content.decode())
    assert "style=" not in bar and "<script" not in bar and "onclick" not in bar


# The admin ------------------------------------------------------------------------------------------


def test_an_editor_marks_an_article_urgent_in_the_admin_and_a_version_keeps_it(editor_client):
    article = make_article(status=Article.Status.DRAFT, title="خبر در دست ویرایش")
    assert 'name="urgent"' in editor_client.get(change_url(article)).content.decode()
    response = editor_client.post(change_url(article), form_of(article, urgent="on"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.urgent
    assert article.revisions.first().data["urgent"] is True


def test_the_list_shows_and_filters_the_flag(chief_client):
    make_article(title="خبر فوری فهرست", urgent=True)
    make_article(title="خبر عادی فهرست")
    url = reverse("admin:articles_article_changelist")
    html = chief_client.get(url).content.decode()
    assert "column-urgent" in html and "field-urgent" in html
    filtered = chief_client.get(url, {"urgent__exact": "1"}).content.decode()
    assert "خبر فوری فهرست" in filtered and "خبر عادی فهرست" not in filtered


def test_compare_names_the_flag_and_a_restore_brings_it_back(chief_client, chief_editor):
    article = make_article(title="خبر")
    calm = revisions.record_revision(article, user=chief_editor)
    Article.objects.filter(pk=article.pk).update(urgent=True)
    article.refresh_from_db()
    html = chief_client.get(reverse("admin:articles_article_revision", args=[article.pk, calm.pk])).content
    assert fa("urgent") in html.decode()
    services.restore_revision(revision=calm, user=chief_editor)
    article.refresh_from_db()
    assert not article.urgent


def test_restoring_a_version_kept_before_the_flag_existed_leaves_it_alone(chief_editor):
    article = make_article(title="خبر", urgent=True)
    old = revisions.record_revision(article, user=chief_editor)
    old.data.pop("urgent")
    old.save()
    services.restore_revision(revision=old, user=chief_editor)
    article.refresh_from_db()
    assert article.urgent
