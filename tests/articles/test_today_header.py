"""Today's date in the header, as Iranian sites print it: Jalali with Persian digits, then the Hijri-Qamari
and the Gregorian dates; English pages put the Gregorian first. Tehran's clock decides the day."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.utils import translation

from articles.calendars import today_in_calendars

TUESDAY = date(2026, 12, 1)


def test_a_persian_page_shows_jalali_then_hijri_then_gregorian():
    today = today_in_calendars("fa", TUESDAY)
    assert today.parts == [
        ("jalali", "سه‌شنبه ۱۰ آذر ۱۴۰۵"),
        ("hijri", "۲۱ جمادی‌الثانی ۱۴۴۸"),
        ("gregorian", "1 December 2026"),
    ]
    assert today.iso == "2026-12-01"


def test_an_english_page_shows_the_gregorian_date_first_in_english():
    assert [text for _name, text in today_in_calendars("en", TUESDAY).parts] == [
        "Tuesday, 1 December 2026",
        "10 Azar 1405",
        "21 Jumada al-Thani 1448",
    ]


@pytest.mark.parametrize(
    ("day", "hijri"),
    [
        (date(2025, 3, 1), "۱ رمضان ۱۴۴۶"),  # the first of Ramadan 1446 in the Umm al-Qura calendar
        (date(2026, 3, 20), "۱ شوال ۱۴۴۷"),  # Eid al-Fitr 1447, and Nowruz 1405 the day after
    ],
)
def test_hijri_dates_follow_the_umm_al_qura_calendar(day, hijri):
    assert today_in_calendars("fa", day).hijri == hijri


def test_the_hijri_date_can_be_moved_to_irans_official_calendar(settings):
    settings.NEWSROOM_HIJRI_OFFSET_DAYS = -1
    assert today_in_calendars("fa", TUESDAY).hijri == "۲۰ جمادی‌الثانی ۱۴۴۸"
    assert today_in_calendars("fa", TUESDAY).jalali == "سه‌شنبه ۱۰ آذر ۱۴۰۵"  # only the Hijri moves


def test_a_day_outside_the_hijri_tables_shows_the_other_two():
    today = today_in_calendars("fa", date(2090, 1, 1))
    assert [name for name, _text in today.parts] == ["jalali", "gregorian"]


@pytest.mark.django_db
def test_the_header_shows_tehrans_today_just_after_midnight_there(reader_client):
    # 20:45 UTC on 30 November is 00:15 on 1 December in Tehran (UTC+3:30).
    with time_machine.travel(datetime(2026, 11, 30, 20, 45, tzinfo=UTC), tick=False):
        html = reader_client.get("/").content.decode()
    header = html.split('<p class="today">')[1].split("</p>")[0]
    assert '<time datetime="2026-12-01">' in header
    assert "سه‌شنبه ۱۰ آذر ۱۴۰۵" in header and "۲۱ جمادی‌الثانی ۱۴۴۸" in header
    # The Latin-script date is marked as English, left to right, inside the Persian line.
    assert '<span class="today-gregorian" lang="en" dir="ltr">1 December 2026</span>' in header
    with time_machine.travel(datetime(2026, 11, 30, 20, 15, tzinfo=UTC), tick=False):
        html = reader_client.get("/").content.decode()
    assert "دوشنبه ۹ آذر ۱۴۰۵" in html


@pytest.mark.django_db
@translation.override("fa")  # an English request leaves English active in the thread; put it back after
def test_the_english_header_is_english(reader_client):
    with time_machine.travel(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), tick=False):
        html = reader_client.get("/en/").content.decode()
    header = html.split('<p class="today">')[1].split("</p>")[0]
    assert header.index("Tuesday, 1 December 2026") < header.index("10 Azar 1405")
    assert "lang=" not in header and not any("\u0600" <= ch <= "\u06ff" for ch in header)
