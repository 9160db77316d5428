"""The editors' admin, driven through the test client as an editor would use it."""

import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from articles.services import refresh_search_document
from tests.factories import make_article, make_official, make_organization, make_section
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def article_form(**overrides):
    data = {
        "kicker": "رئیس کل دادگستری فارس:",
        "title": "مجموعه قضایی فارس از پیشگامان خدمات الکترونیک است",
        "slug": "",
        "lead": "لید خبر",
        "body": "<p>متن خبر</p><script>alert(1)</script>",
        "status": "draft",
        "published_at": "",
        "section": "",
        "source": "",
        "comments_enabled": "on",
        "image_caption": "",
        "image_credit": "",
        "author": "",
    }
    data.update(overrides)
    return data


def test_editor_adds_an_article_in_both_language_tabs(editor_client):
    section = make_section(name="استانی")
    official = make_official(name="سید کاظم موسوی")
    org = make_organization(name="قوه قضائیه")
    add_url = reverse("admin:articles_article_add") + "?language=fa"
    response = editor_client.post(
        add_url, article_form(section=section.pk, officials=[official.pk], organizations=[org.pk])
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.news_code is not None
    assert article.officials.get() == official and article.organizations.get() == org

    change_url = reverse("admin:articles_article_change", args=[article.pk]) + "?language=en"
    page = editor_client.get(change_url)
    assert page.status_code == 200
    assert "language_tabs" in page.context
    response = editor_client.post(
        change_url,
        article_form(
            kicker="Fars chief justice:",
            title="Fars judiciary leads in e-services",
            slug="fars-judiciary-e-services",
            lead="Summary",
            body="<p>Body</p>",
            section=section.pk,
            officials=[official.pk],
            organizations=[org.pk],
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert set(article.get_available_languages()) == {"fa", "en"}
    fa = article.get_translation("fa")
    assert fa.title == "مجموعه قضایی فارس از پیشگامان خدمات الکترونیک است"
    assert fa.slug == "مجموعه-قضایی-فارس-از-پیشگامان-خدمات-الکترونیک-است"  # made from the headline
    assert "<script" not in fa.body
    assert article.get_translation("en").title == "Fars judiciary leads in e-services"
    assert "سید کاظم موسوی" in article.search_document  # mentions are searchable after saving


def test_admin_is_persian_and_right_to_left_even_for_an_english_browser(editor):
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    client.force_login(editor)
    html = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'lang="fa"' in html and 'dir="rtl"' in html
    assert "روتیتر" in html and "تیتر" in html and "کد خبر" in html  # our own labels are Persian too
    assert 'name="title" class="vLargeTextField"' in html  # a long Persian headline gets the full width
    assert "&quot;contentsLangDirection&quot;: &quot;rtl&quot;" in html  # CKEditor writes right to left


def test_english_tab_edits_the_body_left_to_right(editor_client):
    html = editor_client.get(reverse("admin:articles_article_add") + "?language=en").content.decode()
    assert "&quot;contentsLangDirection&quot;: &quot;ltr&quot;" in html


def test_the_editors_content_filter_allows_exactly_the_sanitizer_allowlist(editor_client):
    form = editor_client.get(reverse("admin:articles_article_add")).context["adminform"].form
    rules = form.fields["body"].widget.config["allowedContent"]  # CKEditor 4 rules: "tag[attr,attr]; ..."
    allowed = {tag: set(attributes.split(",")) for tag, attributes in re.findall(r"(\w+)\[([^\]]*)\]", rules)}
    assert allowed == {
        tag: ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set()) for tag in ALLOWED_TAGS
    }


def test_editor_cannot_publish_by_editing_the_status(editor_client):
    response = editor_client.post(reverse("admin:articles_article_add"), article_form(status="published"))
    assert response.status_code == 400  # form shown again with the error
    assert "status" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_editor_can_send_to_review_but_has_no_publish_action(editor_client):
    article = make_article(status=Article.Status.DRAFT)
    changelist = reverse("admin:articles_article_changelist")
    actions = [
        value
        for value, _label in editor_client.get(changelist).context["action_form"].fields["action"].choices
    ]
    assert "send_to_review" in actions and "publish" not in actions and "unpublish" not in actions

    editor_client.post(changelist, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT

    editor_client.post(changelist, {"action": "send_to_review", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_chief_editor_publishes_with_the_action(chief_client):
    article = make_article(status=Article.Status.REVIEW)
    assert article.published_at is None
    response = chief_client.post(
        reverse("admin:articles_article_changelist"), {"action": "publish", "_selected_action": [article.pk]}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.published_at is not None
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_chief_editor_can_publish_through_the_form_and_unpublish(chief_client):
    response = chief_client.post(reverse("admin:articles_article_add"), article_form(status="published"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.is_published
    chief_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    assert not Article.objects.published().exists()


def test_outsiders_and_readers_are_refused(outsider_client, reader_client):
    url = reverse("admin:articles_article_add")
    assert outsider_client.get(url).status_code == 302  # to the login page
    assert reader_client.get(url).status_code == 302
    assert outsider_client.post(url, article_form()).status_code == 302
    assert not Article.objects.exists()


def test_moderators_see_comments_and_nothing_editorial(moderator_client):
    assert moderator_client.get(reverse("admin:articles_article_changelist")).status_code == 403
    assert moderator_client.get(reverse("admin:comments_comment_changelist")).status_code == 200


def test_changelist_shows_code_jalali_date_and_comment_counts(chief_client):
    from comments.models import Comment

    article = make_article(title="خبر فهرست")
    Comment.objects.create(article=article, body="a", status=Comment.Status.PUBLISHED)
    Comment.objects.create(article=article, body="b", status=Comment.Status.PUBLISHED)
    Comment.objects.create(article=article, body="c", status=Comment.Status.PENDING)
    html = chief_client.get(reverse("admin:articles_article_changelist")).content.decode()
    from articles.persian import jalali_datetime, persian_digits

    assert persian_digits(article.news_code) in html
    assert jalali_datetime(article.published_at) in html
    assert '<td class="field-published_comments">۲</td>' in html
    assert '<td class="field-pending_comments">۱</td>' in html


def test_changelist_tells_a_scheduled_article_from_a_live_one(chief_client):
    live = make_article(title="خبر منتشرشده")
    scheduled = make_article(title="خبر زمان‌بندی‌شده", published_at=timezone.now() + timedelta(hours=2))
    draft = make_article(title="خبر پیش‌نویس", status=Article.Status.DRAFT, published_at=None)
    html = chief_client.get(reverse("admin:articles_article_changelist")).content.decode()
    rows = {article.pk: _row(html, article) for article in (live, scheduled, draft)}
    assert fa("scheduled") in rows[scheduled.pk] and fa("published") not in rows[scheduled.pk]
    assert fa("published") in rows[live.pk] and fa("scheduled") not in rows[live.pk]
    assert fa("draft") in rows[draft.pk]


def _row(html: str, article) -> str:
    """The change list's row of `article` (from its checkbox to the end of the row)."""
    start = html.index(f'value="{article.pk}"')
    return html[start : html.index("</tr>", start)]


def test_search_finds_articles_by_either_language(chief_client):
    article = make_article(title="دادگستری فارس")
    article.set_current_language("en")
    article.title, article.slug = "Fars judiciary", "fars"
    article.save()
    refresh_search_document(article)  # as the admin's save does
    make_article(title="خبر دیگر")
    url = reverse("admin:articles_article_changelist")
    assert list(chief_client.get(url, {"q": "judiciary"}).context["cl"].result_list) == [article]
    assert list(chief_client.get(url, {"q": "دادگستری"}).context["cl"].result_list) == [article]


def test_autocomplete_finds_officials_for_editors(editor_client):
    make_official(name="سید کاظم موسوی")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "موسوی", "app_label": "articles", "model_name": "article", "field_name": "officials"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["سید کاظم موسوی"]


def test_the_date_filter_uses_the_jalali_calendar(chief_client):
    import time_machine
    from django.utils import timezone

    tehran = timezone.get_fixed_timezone(210)
    now = datetime(2026, 11, 30, 12, 0, tzinfo=tehran)  # 9 Azar 1405
    with time_machine.travel(now, tick=False):
        this_month = make_article(title="اول آذر", published_at=datetime(2026, 11, 22, 0, 30, tzinfo=tehran))
        last_month = make_article(title="سی آبان", published_at=datetime(2026, 11, 21, 23, 30, tzinfo=tehran))
        this_year = make_article(title="اول فروردین", published_at=datetime(2026, 3, 21, 9, 0, tzinfo=tehran))
        last_year = make_article(title="اسفند", published_at=datetime(2026, 3, 20, 9, 0, tzinfo=tehran))
        today = make_article(title="امروز", published_at=datetime(2026, 11, 30, 8, 0, tzinfo=tehran))
        scheduled = make_article(title="فردا", published_at=datetime(2026, 12, 1, 8, 0, tzinfo=tehran))
        url = reverse("admin:articles_article_changelist")

        def shown(value):
            return set(chief_client.get(url, {"published": value}).context["cl"].result_list)

        assert shown("today") == {today}
        # 30 Aban is in November but not in Azar: the month is the Jalali one.
        assert shown("month") == {this_month, today}
        assert shown("year") == {this_month, last_month, this_year, today}
        assert last_year not in shown("year")
        assert shown("scheduled") == {scheduled}
