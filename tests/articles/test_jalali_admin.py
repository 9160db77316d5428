"""Editors type publication times and positions' dates in the Solar Hijri calendar, in Tehran time."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.forms import ArticleAdminForm
from articles.jalali_forms import JalaliDateField, JalaliDateTimeField
from articles.models import Article, Position
from tests.articles.test_admin import article_form
from tests.factories import make_article, make_official, make_organization, make_position
from tests.i18n import fa

# 1405/09/09 is 30 November 2026; 12:30 in Tehran (+03:30, no daylight saving since 2022) is 09:00 UTC.
NOON_THIRTY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
MIDNIGHT = datetime(2026, 11, 29, 20, 30, tzinfo=UTC)  # 1405/09/09 00:00 in Tehran


def errors_of(field, text: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        field.clean(text)
    return caught.value.messages


# Parsing what an editor types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "1405/09/09 12:30",
        "1405-09-09 12:30",
        "1405/9/9 12:30",
        "۱۴۰۵/۰۹/۰۹ ۱۲:۳۰",
        "۱۴۰۵-۰۹-۰۹ ۱۲:۳۰",
        "١٤٠٥/٠٩/٠٩ ١٢:٣٠",  # Arabic-Indic digits
        "١٤٠٥-٠٩-٠٩ ١٢:٣٠",
        "  ۱۴۰۵/۰۹/۰۹   ۱۲:۳۰ ",
        "\u200f۱۴۰۵/۰۹/۰۹ ۱۲:۳۰\u200e",  # bidi marks that come along with copy and paste
    ],
)
def test_a_jalali_date_and_time_in_any_digits_is_tehran_time(typed):
    assert JalaliDateTimeField().clean(typed) == NOON_THIRTY


@pytest.mark.parametrize("typed", ["1405/09/09", "1405-09-09", "۱۴۰۵/۰۹/۰۹", "۱۴۰۵-۹-۹", "١٤٠٥/٠٩/٠٩"])
def test_a_date_without_a_time_means_midnight_in_tehran(typed):
    assert JalaliDateTimeField().clean(typed) == MIDNIGHT


def test_seconds_are_accepted():
    assert JalaliDateTimeField().clean("۱۴۰۵/۰۹/۰۹ ۱۲:۳۰:۱۵") == NOON_THIRTY.replace(second=15)


@pytest.mark.parametrize("typed", ["1403/12/30", "۱۴۰۳/۱۲/۳۰", "١٤٠٣-١٢-٣٠", "1403-12-30"])
def test_a_jalali_date_field_stores_the_gregorian_date(typed):
    assert JalaliDateField().clean(typed) == date(2025, 3, 20)


def test_a_date_field_refuses_a_time():
    assert errors_of(JalaliDateField(), "1403/12/30 12:30") == [
        fa("Enter a Solar Hijri date as year/month/day, for example 1403/12/30.")
    ]


def test_empty_is_no_value_unless_required():
    assert JalaliDateTimeField(required=False).clean("  ") is None
    assert JalaliDateField(required=False).clean("") is None
    with pytest.raises(ValidationError):
        JalaliDateTimeField().clean("")


# The calendar and the clock --------------------------------------------------------------------------


def test_esfand_has_thirty_days_only_in_a_leap_year():
    assert JalaliDateField().clean("1403/12/30") == date(2025, 3, 20)  # 1403 is a leap year
    assert JalaliDateTimeField().clean("۱۴۰۳/۱۲/۳۰ ۲۳:۵۹") == datetime(2025, 3, 20, 20, 29, tzinfo=UTC)
    assert errors_of(JalaliDateField(), "1404/12/30") == [
        fa("%(month_name)s %(year)s has %(days)s days; there is no day %(day)s.")
        % {"month_name": "اسفند", "year": "۱۴۰۴", "days": "۲۹", "day": "۳۰"}
    ]
    assert JalaliDateField().clean("1404/12/29") == date(2026, 3, 20)


def test_tehran_is_three_and_a_half_hours_ahead_of_utc_all_year_since_2022():
    summer = JalaliDateTimeField().clean("1405/04/15 12:30")  # 6 July 2026
    assert summer == datetime(2026, 7, 6, 9, 0, tzinfo=UTC)
    winter = JalaliDateTimeField().clean("1405/10/15 12:30")  # 5 January 2027
    assert winter == datetime(2027, 1, 5, 9, 0, tzinfo=UTC)


def test_before_2022_tehran_summer_time_is_honoured():
    assert JalaliDateTimeField().clean("1400/04/15 12:30") == datetime(2021, 7, 6, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "typed",
    [
        "1400/01/02 00:30",  # clocks went from 00:00 to 01:00 on 22 March 2021
        "1400/06/30 23:30",  # and from 24:00 back to 23:00 on 21 September 2021
    ],
)
def test_a_time_a_clock_change_skipped_or_repeated_is_refused(typed):
    message = fa(
        "%(value)s does not exist or happens twice in this time zone (a daylight saving change); "
        "enter another time."
    )
    assert errors_of(JalaliDateTimeField(), typed) == [message % {"value": typed}]


@pytest.mark.parametrize(
    "typed, msgid, params",
    [
        (
            "1405/13/01 12:30",
            "There is no month %(month)s: Solar Hijri months run from 1 to 12.",
            {"month": "۱۳"},
        ),
        (
            "1405/01/32",
            "%(month_name)s %(year)s has %(days)s days; there is no day %(day)s.",
            {"month_name": "فروردین", "year": "۱۴۰۵", "days": "۳۱", "day": "۳۲"},
        ),
        (
            "۱۴۰۵/۰۷/۳۱",
            "%(month_name)s %(year)s has %(days)s days; there is no day %(day)s.",
            {"month_name": "مهر", "year": "۱۴۰۵", "days": "۳۰", "day": "۳۱"},
        ),
        ("1405/09/09 24:00", "Enter a time of day between 00:00 and 23:59.", {}),
        ("1405/09/09 12:60", "Enter a time of day between 00:00 and 23:59.", {}),
        ("0000/01/01", "Enter a year between %(min)s and %(max)s.", {"min": "۱۳۰۰", "max": "۱۵۰۰"}),
        ("1299/12/29", "Enter a year between %(min)s and %(max)s.", {"min": "۱۳۰۰", "max": "۱۵۰۰"}),
    ],
)
def test_impossible_dates_are_explained_in_persian(typed, msgid, params):
    assert errors_of(JalaliDateTimeField(), typed) == [fa(msgid) % params]


@pytest.mark.parametrize(
    "typed", ["فردا", "tomorrow", "1405/09", "05/09/09", "1405/09-09", "1405.09.09", "1405/09/09 12"]
)
def test_text_that_is_not_a_date_gets_the_expected_shape(typed):
    assert errors_of(JalaliDateTimeField(), typed) == [
        fa(
            "Enter a Solar Hijri date as year/month/day, optionally with a time, "
            "for example 1405/09/09 12:30."
        )
    ]


# Showing the current value ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_form_shows_the_stored_time_as_jalali_tehran_time():
    article = make_article(published_at=NOON_THIRTY)
    html = str(ArticleAdminForm(instance=article)["published_at"])
    assert 'value="۱۴۰۵/۰۹/۰۹ ۱۲:۳۰"' in html and 'type="text"' in html


@pytest.mark.django_db
def test_an_untouched_form_sends_back_the_same_time():
    """Seconds are shown when there are some, so saving an untouched form moves no article in time."""
    form = ArticleAdminForm(instance=make_article(published_at=NOON_THIRTY.replace(second=15, microsecond=7)))
    assert 'value="۱۴۰۵/۰۹/۰۹ ۱۲:۳۰:۱۵"' in str(form["published_at"])
    field, initial = form.fields["published_at"], form["published_at"].initial
    assert not field.has_changed(initial, "۱۴۰۵/۰۹/۰۹ ۱۲:۳۰:۱۵")
    assert field.has_changed(initial, "۱۴۰۵/۰۹/۰۹ ۱۲:۳۰")


# Through the admin -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_editor_saves_an_article_with_a_jalali_publication_time(editor_client):
    add_url = reverse("admin:articles_article_add") + "?language=fa"
    page = editor_client.get(add_url).content.decode()
    assert (
        fa("Solar Hijri date and Tehran time, for example 1405/09/09 12:30 (without a time, 00:00).") in page
    )

    response = editor_client.post(add_url, article_form(published_at="۱۴۰۵/۰۹/۰۹ ۱۲:۳۰"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.published_at == NOON_THIRTY

    change_url = reverse("admin:articles_article_change", args=[article.pk])
    assert 'value="۱۴۰۵/۰۹/۰۹ ۱۲:۳۰"' in editor_client.get(change_url).content.decode()
    changelist = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "۹ آذر ۱۴۰۵ - ۱۲:۳۰" in changelist  # the list's Jalali column agrees with the form


@pytest.mark.django_db
def test_a_future_jalali_time_schedules_the_article(chief_client):
    with time_machine.travel(datetime(2026, 11, 29, 12, 0, tzinfo=UTC), tick=False):
        response = chief_client.post(
            reverse("admin:articles_article_add"),
            article_form(status="published", published_at="1405/09/09 12:30"),
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        article = Article.objects.get()
        assert article.status == Article.Status.PUBLISHED and article.published_at == NOON_THIRTY
        assert not Article.objects.published().exists()
    with time_machine.travel(datetime(2026, 11, 30, 9, 0, 1, tzinfo=UTC), tick=False):
        assert list(Article.objects.published()) == [article]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed, msgid, params",
    [
        (
            "1405/13/09 12:30",
            "There is no month %(month)s: Solar Hijri months run from 1 to 12.",
            {"month": "۱۳"},
        ),
        (
            "۱۴۰۵/۰۱/۳۲",
            "%(month_name)s %(year)s has %(days)s days; there is no day %(day)s.",
            {"month_name": "فروردین", "year": "۱۴۰۵", "days": "۳۱", "day": "۳۲"},
        ),
        (
            "1404/12/30",
            "%(month_name)s %(year)s has %(days)s days; there is no day %(day)s.",
            {"month_name": "اسفند", "year": "۱۴۰۴", "days": "۲۹", "day": "۳۰"},
        ),
        (
            "آذر ۱۴۰۵",
            "Enter a Solar Hijri date as year/month/day, optionally with a time, "
            "for example 1405/09/09 12:30.",
            {},
        ),
    ],
)
def test_bad_jalali_input_reshows_the_form_with_a_persian_error(editor_client, typed, msgid, params):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    url = reverse("admin:articles_article_change", args=[article.pk]) + "?language=fa"
    response = editor_client.post(url, article_form(title="تیتر تازه", published_at=typed))
    assert response.status_code == 400
    assert response.context["adminform"].form.errors["published_at"] == [fa(msgid) % params]
    html = response.content.decode()
    assert f'value="{typed}"' in html  # what the editor typed is there to correct
    article.refresh_from_db()
    assert article.published_at is None and article.safe_translation_getter("title") != "تیتر تازه"


def official_form(official, organization, **position) -> dict:
    data = {
        "name": official.name,
        "honorific": "",
        "aliases": "",
        "bio": "",
        "slug": official.slug,
        "is_verified": "on",
        "positions-TOTAL_FORMS": "1",
        "positions-INITIAL_FORMS": "0",
        "positions-MIN_NUM_FORMS": "0",
        "positions-MAX_NUM_FORMS": "1000",
        "positions-0-organization": organization.pk,
        "positions-0-title": "رئیس کل دادگستری استان فارس",
        "positions-0-start_date": "",
        "positions-0-end_date": "",
    }
    data.update({f"positions-0-{name}": value for name, value in position.items()})
    return data


@pytest.mark.django_db
def test_editor_enters_a_position_with_jalali_dates(editor_client):
    official, organization = make_official(name="سید کاظم موسوی"), make_organization()
    url = reverse("admin:articles_official_change", args=[official.pk])
    response = editor_client.post(
        url, official_form(official, organization, start_date="۱۴۰۰/۰۵/۱۰", end_date="1403-12-30")
    )
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    position = Position.objects.get()
    assert (position.start_date, position.end_date) == (date(2021, 8, 1), date(2025, 3, 20))

    html = editor_client.get(url).content.decode()
    assert 'value="۱۴۰۰/۰۵/۱۰"' in html and 'value="۱۴۰۳/۱۲/۳۰"' in html
    assert fa("Solar Hijri date, for example 1403/12/30.") in html


@pytest.mark.django_db
def test_a_position_existing_dates_show_in_jalali(editor_client):
    position = make_position(start_date=date(2025, 3, 20))
    html = editor_client.get(reverse("admin:articles_official_change", args=[position.official.pk]))
    assert 'value="۱۴۰۳/۱۲/۳۰"' in html.content.decode()


@pytest.mark.django_db
def test_an_impossible_position_date_reshows_the_form_and_saves_nothing(editor_client):
    official, organization = make_official(), make_organization()
    url = reverse("admin:articles_official_change", args=[official.pk])
    response = editor_client.post(url, official_form(official, organization, start_date="1404/12/30"))
    assert response.status_code == 400
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors[0]["start_date"] == [
        fa("%(month_name)s %(year)s has %(days)s days; there is no day %(day)s.")
        % {"month_name": "اسفند", "year": "۱۴۰۴", "days": "۲۹", "day": "۳۰"}
    ]
    assert not Position.objects.exists()
