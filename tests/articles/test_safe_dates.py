"""Dates that cannot lose an article: a Gregorian date typed into the Jalali field is refused with the
Jalali date it means, and a save that takes a live article off the site or moves it by more than a day
asks for an explicit yes."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.jalali_forms import JalaliDateField, JalaliDateTimeField
from articles.models import Article
from tests.articles.test_admin import article_form
from tests.factories import make_article
from tests.i18n import fa

GREGORIAN_MSG = "%(typed)s looks like a Gregorian date; did you mean %(suggestion)s?"
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # 1405/09/10 11:30 in Tehran
LIVE_SINCE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # 1405/09/09 12:30 in Tehran


def errors_of(field, text: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        field.clean(text)
    return caught.value.messages


@pytest.mark.parametrize(
    "typed, typed_fa, suggestion",
    [
        ("2026-12-05 10:00", "۲۰۲۶-۱۲-۰۵ ۱۰:۰۰", "۱۴۰۵-۰۹-۱۴ ۱۰:۰۰"),
        ("۲۰۲۶/۱۲/۰۵", "۲۰۲۶/۱۲/۰۵", "۱۴۰۵/۰۹/۱۴"),
        ("2025-03-20", "۲۰۲۵-۰۳-۲۰", "۱۴۰۳-۱۲-۳۰"),
    ],
)
def test_a_gregorian_date_is_refused_with_the_jalali_date_it_means(typed, typed_fa, suggestion):
    assert errors_of(JalaliDateTimeField(), typed) == [
        fa(GREGORIAN_MSG) % {"typed": typed_fa, "suggestion": suggestion}
    ]


def test_the_refusal_reads_as_the_newsroom_asked():
    assert errors_of(JalaliDateTimeField(), "2026-12-05") == [
        "۲۰۲۶-۱۲-۰۵ یک تاریخ میلادی به نظر می‌رسد؛ آیا منظورتان ۱۴۰۵-۰۹-۱۴ است؟"
    ]


def test_a_position_date_refuses_gregorian_too():
    assert errors_of(JalaliDateField(), "2021-08-01") == [
        fa(GREGORIAN_MSG) % {"typed": "۲۰۲۱-۰۸-۰۱", "suggestion": "۱۴۰۰-۰۵-۱۰"}
    ]
    assert JalaliDateField().clean("1400-05-10") == date(2021, 8, 1)


@pytest.mark.parametrize("typed", ["1500/12/29", "1300/01/01"])
def test_the_edges_of_the_editor_years_are_accepted(typed):
    assert JalaliDateTimeField().clean(typed) is not None


@pytest.mark.parametrize("typed", ["2648/09/14", "9000/01/01", "1501/01/01"])
def test_a_year_that_is_neither_is_refused_with_the_range(typed):
    assert errors_of(JalaliDateTimeField(), typed) == [
        fa("Enter a year between %(min)s and %(max)s.") % {"min": "۱۳۰۰", "max": "۱۵۰۰"}
    ]


@pytest.mark.django_db
def test_the_help_text_says_gregorian_dates_are_refused(editor_client):
    page = editor_client.get(reverse("admin:articles_article_add") + "?language=fa").content.decode()
    help_text = fa(
        "A Gregorian date is not converted: a year outside 1300 to 1500 is refused, and the message gives "
        "the Solar Hijri date it would be."
    )
    assert help_text in page


# Confirmation ------------------------------------------------------------------------------------------

TAKE_DOWN = (
    "This change takes a live article off the site. Tick the box below to confirm, or correct the "
    "status or the publication time."
)
MOVE = (
    "This change moves the publication time by more than a day. Tick the box below to confirm, "
    "or correct the publication time."
)


def live_article() -> Article:
    return make_article(status=Article.Status.PUBLISHED, published_at=LIVE_SINCE, title="تیتر زنده")


def post_change(client, article, **fields):
    url = reverse("admin:articles_article_change", args=[article.pk]) + "?language=fa"
    data = article_form(title="تیتر زنده", status="published", published_at="1405/09/09 12:30")
    data.update(fields)
    return client.post(url, data)


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "change, warning",
    [
        ({"status": "draft"}, TAKE_DOWN),
        ({"status": "review"}, TAKE_DOWN),
        ({"published_at": "1405/09/20 12:30"}, TAKE_DOWN),  # into the future: scheduled, not live
        ({"published_at": "1405/09/01 12:30"}, MOVE),
    ],
)
def test_a_change_that_hides_or_moves_a_live_article_asks_first(chief_client, change, warning):
    article = live_article()
    response = post_change(chief_client, article, **change)
    assert response.status_code == 400  # refused: the form is shown again
    form = response.context["adminform"].form
    assert form.errors["confirm_change"] == [fa(warning)]
    html = response.content.decode()
    assert 'type="checkbox" name="confirm_change"' in html and fa("Yes, I mean it") in html
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.published_at == LIVE_SINCE

    response = post_change(chief_client, article, confirm_change="on", **change)
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.is_published or article.published_at != LIVE_SINCE


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_an_ordinary_edit_or_a_small_correction_saves_without_asking(chief_client):
    article = live_article()
    page = chief_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert 'type="hidden" name="confirm_change"' in page  # nothing to confirm yet
    assert post_change(chief_client, article, lead="لید اصلاح شده").status_code == 302
    assert post_change(chief_client, article, published_at="1405/09/09 18:00").status_code == 302
    article.refresh_from_db()
    assert article.published_at == LIVE_SINCE + timedelta(hours=5, minutes=30)


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_a_gregorian_slip_on_a_live_article_never_hides_it(chief_client):
    article = live_article()
    response = post_change(chief_client, article, published_at="2026-12-05 10:00")
    assert response.status_code == 400  # refused: the form is shown again
    assert response.context["adminform"].form.errors["published_at"] == [
        fa(GREGORIAN_MSG) % {"typed": "۲۰۲۶-۱۲-۰۵ ۱۰:۰۰", "suggestion": "۱۴۰۵-۰۹-۱۴ ۱۰:۰۰"}
    ]
    assert Article.objects.published().get() == article


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_a_draft_moves_freely(editor_client):
    article = make_article(status=Article.Status.DRAFT, published_at=LIVE_SINCE)
    response = post_change(editor_client, article, status="draft", published_at="1405/10/30 12:30")
    assert response.status_code == 302
