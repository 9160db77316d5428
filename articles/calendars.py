"""Today's date as Iranian news sites print it in their header: Solar Hijri (Jalali), Hijri-Qamari and
Gregorian side by side, e.g. «سه‌شنبه ۱۰ آذر ۱۴۰۵ - ۲۰ جمادی‌الثانی ۱۴۴۸ - 1 December 2026».

The day is the site's (settings.TIME_ZONE, Asia/Tehran): just after midnight in Tehran it is already
tomorrow, whatever the server's clock says. The Hijri-Qamari date comes from hijridate (the Umm al-Qura
calendar); Iran's official calendar, fixed by sighting the moon, can be a day apart, which
NEWSROOM_HIJRI_OFFSET_DAYS corrects. Imports no models.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import jdatetime
from django.conf import settings
from django.utils import timezone
from hijridate import Gregorian

from articles.persian import persian_digits

# The names Iranian calendars and news sites use (not the Arabic forms hijridate gives: جمادى الآخرة).
HIJRI_MONTHS_FA = (
    "محرم",
    "صفر",
    "ربیع‌الاول",
    "ربیع‌الثانی",
    "جمادی‌الاول",
    "جمادی‌الثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذی‌القعده",
    "ذی‌الحجه",
)
HIJRI_MONTHS_EN = (
    "Muharram",
    "Safar",
    "Rabi al-Awwal",
    "Rabi al-Thani",
    "Jumada al-Awwal",
    "Jumada al-Thani",
    "Rajab",
    "Shaban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qadah",
    "Dhu al-Hijjah",
)
GREGORIAN_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Today:
    """One day in the three calendars, as text for a page in `language`, in the order that page shows
    them (Jalali first on Persian pages, Gregorian first on English ones). `hijri` is "" for a day
    outside the Umm al-Qura tables (1924-2077)."""

    iso: str
    jalali: str
    hijri: str
    gregorian: str
    language: str

    @property
    def parts(self) -> list[tuple[str, str]]:
        """(calendar, text) in reading order; calendar is "jalali", "hijri" or "gregorian"."""
        order = (
            ("jalali", "hijri", "gregorian") if self.language == "fa" else ("gregorian", "jalali", "hijri")
        )
        return [(name, getattr(self, name)) for name in order if getattr(self, name)]


def hijri_parts(day: date) -> tuple[int, int, int] | None:
    """(year, month, day) in the Hijri-Qamari calendar, corrected by NEWSROOM_HIJRI_OFFSET_DAYS; None
    outside the range the Umm al-Qura tables cover."""
    shifted = day + timedelta(days=settings.NEWSROOM_HIJRI_OFFSET_DAYS)
    try:
        hijri = Gregorian.fromdate(shifted).to_hijri()
    except OverflowError:
        return None
    return hijri.year, hijri.month, hijri.day


def today_in_calendars(language: str, day: date | None = None) -> Today:
    """`day` (by default today in the site's time zone) written for a page in `language` ("fa" or
    anything else for English)."""
    day = day or timezone.localdate()
    jalali = jdatetime.date.fromgregorian(date=day, locale="fa_IR")
    hijri = hijri_parts(day)
    if language == "fa":
        weekday = jalali.j_weekdays_fa[jalali.weekday()]
        jalali_text = persian_digits(
            f"{weekday} {jalali.day} {jalali.j_months_fa[jalali.month - 1]} {jalali.year}"
        )
        hijri_text = persian_digits(f"{hijri[2]} {HIJRI_MONTHS_FA[hijri[1] - 1]} {hijri[0]}") if hijri else ""
        # A Latin-script run: Latin digits, as Iranian sites print it (and as PRODUCT.md's digit rule says).
        gregorian_text = f"{day.day} {GREGORIAN_MONTHS_EN[day.month - 1]} {day.year}"
    else:
        jalali_text = f"{jalali.day} {jalali.j_months_en[jalali.month - 1]} {jalali.year}"
        hijri_text = f"{hijri[2]} {HIJRI_MONTHS_EN[hijri[1] - 1]} {hijri[0]}" if hijri else ""
        gregorian_text = (
            f"{WEEKDAYS_EN[day.weekday()]}, {day.day} {GREGORIAN_MONTHS_EN[day.month - 1]} {day.year}"
        )
    return Today(
        iso=day.isoformat(),
        jalali=jalali_text,
        hijri=hijri_text,
        gregorian=gregorian_text,
        language="fa" if language == "fa" else "en",
    )
