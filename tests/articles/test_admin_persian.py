"""The admin is Persian throughout: Django's own strings, column headings, field names in the history,
Persian digits in messages and read-only numbers, in Vazirmatn."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from articles.persian import persian_digits
from comments.models import Comment
from tests.articles.test_admin import article_form
from tests.comments.helpers import make_comment
from tests.factories import make_article, make_section
from tests.i18n import fa, fa_plural

pytestmark = pytest.mark.django_db


def test_a_form_with_an_error_says_so_in_persian(editor_client):
    response = editor_client.post(reverse("admin:articles_article_add"), article_form(title=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert fa_plural("Please correct the error below.", "Please correct the errors below.", 1) in html
    assert "Please correct" not in html


def test_the_comment_list_names_its_columns_in_persian(moderator_client):
    make_comment(make_article(), name="خواننده")
    html = moderator_client.get(reverse("admin:comments_comment_changelist")).content.decode()
    assert "Display name" not in html and "display name" not in html.lower()
    assert "خواننده" in html


def test_action_messages_have_persian_digits(moderator_client):
    article = make_article()
    pending = [make_comment(article, status=Comment.Status.PENDING) for _ in range(2)]
    data = {"action": "approve_comments", "_selected_action": [c.pk for c in pending], "index": 0}
    response = moderator_client.post(reverse("admin:comments_pendingcomment_changelist"), data, follow=True)
    html = response.content.decode()
    expected = fa_plural("%d comment published.", "%d comments published.", 2) % 2
    assert persian_digits(expected) in html and expected not in html


def test_django_own_messages_have_persian_digits(chief_client):
    articles = [make_article(title=f"خبر {n}") for n in range(2)]
    data = {"action": "delete_selected", "_selected_action": [a.pk for a in articles], "post": "yes"}
    response = chief_client.post(reverse("admin:articles_article_changelist"), data, follow=True)
    [message] = [str(m) for m in response.context["messages"]]
    html = response.content.decode()
    assert message.startswith("2 ") and message not in html
    assert persian_digits(message) in html


def test_read_only_numbers_are_persian(moderator_client):
    parent = make_comment(make_article())
    reply = make_comment(parent.article, parent=parent, likes=12)
    html = moderator_client.get(reverse("admin:comments_comment_change", args=[reply.pk])).content.decode()
    assert '<div class="readonly">۱</div>' in html  # depth
    assert '<div class="readonly">۱۲</div>' in html  # likes


def test_list_columns_of_numbers_and_times_are_persian(chief_client):
    make_section(name="استانی", position=7)
    html = chief_client.get(reverse("admin:articles_section_changelist")).content.decode()
    assert '<td class="field-position_column">۷</td>' in html


def test_the_history_names_changed_fields_in_persian(chief_client):
    article = make_article(title="تیتر اول", status="draft", published_at=None)
    url = reverse("admin:articles_article_change", args=[article.pk]) + "?language=fa"
    data = article_form(title="تیتر دوم", kicker="", lead="لید خبر", body="<p>متن خبر</p>")
    assert chief_client.post(url, data).status_code == 302
    entry = LogEntry.objects.get(object_id=str(article.pk))
    assert "headline" in entry.change_message  # stored untranslated, translated when shown
    history = chief_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    html = history.content.decode()
    assert fa("headline") in html and "Headline" not in html


def test_the_admin_is_set_in_vazirmatn(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "css/admin.css" in html
    css = (Path(settings.BASE_DIR) / "static/css/admin.css").read_text()
    assert "Vazirmatn" in css and "--font-family-primary" in css
    assert (Path(settings.BASE_DIR) / "static/fonts/vazirmatn/Vazirmatn-Regular.woff2").exists()


@pytest.mark.parametrize(
    "name", ["admin:index", "admin:articles_article_paste", "admin:articles_article_add"]
)
def test_admin_pages_name_the_sites_icon(editor_client, name):
    """Without it the browser asks for /favicon.ico, a 404 logged on every admin page."""
    html = editor_client.get(reverse(name)).content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg"' in html


def test_latin_words_in_a_message_keep_their_digits():
    from articles.persian import persian_digits_in_words

    assert persian_digits_in_words("2 خبر: COVID-19 و a2@b.ir و /x/3/") == "۲ خبر: COVID-19 و a2@b.ir و /x/3/"
