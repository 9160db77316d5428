"""Jalali (Solar Hijri) date entry for the editors' admin: plain text inputs, no JavaScript.

An editor types `1405/09/09 12:30`, `۱۴۰۵-۰۹-۰۹ ۱۲:۳۰` or `١٤٠٥/٠٩/٠٩` and the form stores an ordinary
value: an aware datetime (wall-clock time in the current time zone, Asia/Tehran by the settings) or a
date. The calendar itself is `articles.persian`, which asks jdatetime.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

import jdatetime
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import from_current_timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles.persian import (
    JalaliDateError,
    jalali_numeric,
    latin_digits,
    parse_jalali_date,
    parse_jalali_datetime,
    persian_digits,
)

# The Jalali years an editor means: outside them a typed year is a slip (most often a Gregorian date, which
# jdatetime would happily read as a year six centuries ahead and hide a published article until then).
EDITOR_YEARS = range(1300, 1501)

# What the parser's error codes mean to an editor; numbers are filled in with Persian digits.
JALALI_ERRORS = {
    "invalid_year": _("Enter a year between %(min)s and %(max)s."),
    "gregorian": _("%(typed)s looks like a Gregorian date; did you mean %(suggestion)s?"),
    "invalid_month": _("There is no month %(month)s: Solar Hijri months run from 1 to 12."),
    "invalid_day": _("%(month_name)s %(year)s has %(days)s days; there is no day %(day)s."),
    "invalid_time": _("Enter a time of day between 00:00 and 23:59."),
    "ambiguous_timezone": _(
        "%(value)s does not exist or happens twice in this time zone (a daylight saving change); "
        "enter another time."
    ),
}


# Kept in step with EDITOR_YEARS by hand: the translation writes the years in Persian digits.
GREGORIAN_HELP = _(
    "A Gregorian date is not converted: a year outside 1300 to 1500 is refused, and the message gives "
    "the Solar Hijri date it would be."
)


# Jalali weeks start on Saturday: شنبه to جمعه, by their first letters as calendars print them.
WEEKDAYS = ["ش", "ی", "د", "س", "چ", "پ", "ج"]


class JalaliDateInput(forms.TextInput):
    """A text input showing a date as `۱۴۰۵/۰۹/۰۹`; what the editor typed is shown back as typed."""

    # Seconds are the finest the text shows: the form's initial value must compare equal to what it sends
    # back, or every save of an untouched form would count as a change.
    supports_microseconds = False
    size = 12

    class Media:
        # A calendar beside the field (static/js/jalali-picker.js); typing works without it.
        js = ["js/jalali-picker.js"]
        css = {"all": ["css/jalali-picker.css"]}

    def __init__(self, attrs: dict | None = None) -> None:
        # Right to left like the rest of the form, so the value reads as the help text's example and the
        # list's date column do: the date, then the time to its left.
        super().__init__({"size": self.size, "autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # What the picker shows, as data (no inline script): labels in the page's language, month and
        # weekday names (Saturday first) in Persian, as the calendar is.
        context["widget"]["attrs"].update(
            {
                "data-jalali-picker": "",
                "data-picker-button": _("Calendar"),
                "data-picker-open": _("Choose the date from a Solar Hijri calendar"),
                "data-picker-prev": _("Previous month"),
                "data-picker-next": _("Next month"),
                "data-picker-close": _("Close the calendar"),
                "data-picker-months": ",".join(jdatetime.date.j_months_fa),
                "data-picker-weekdays": ",".join(WEEKDAYS),
            }
        )
        return context

    def format_value(self, value):
        if isinstance(value, date):  # datetimes too: they arrive in the current time zone
            return jalali_numeric(value)
        return super().format_value(value)


class JalaliDateTimeInput(JalaliDateInput):
    size = 18


# The date at the start of what was typed, and its separator, to write the suggested Jalali date in
# the same shape.
_TYPED_DATE = re.compile(r"\d{4}(?P<sep>[-/])\d{1,2}(?P=sep)\d{1,2}")


def _suggestion(typed: str, year: int, month: int, day: int) -> str:
    """What was typed with its date replaced by the Jalali date `year/month/day`, time kept."""
    text = latin_digits(typed).strip()
    match = _TYPED_DATE.search(text)
    if match is None:  # cannot happen after the parser's match; be plain rather than fail
        return persian_digits(f"{year:04d}/{month:02d}/{day:02d}")
    sep = match["sep"]
    jalali = f"{year:04d}{sep}{month:02d}{sep}{day:02d}"
    return persian_digits(text[: match.start()] + jalali + text[match.end() :])


def _parse(field: forms.Field, parse, value):
    try:
        return parse(str(value), years=EDITOR_YEARS)
    except JalaliDateError as exc:
        params = {name: persian_digits(number) for name, number in exc.params.items()}
        if exc.code == "invalid_day":
            params["month_name"] = jdatetime.date.j_months_fa[exc.params["month"] - 1]
        if exc.code == "gregorian":
            params = {
                "typed": persian_digits(latin_digits(str(value)).strip()),
                "suggestion": _suggestion(str(value), **exc.params),
            }
        raise ValidationError(field.error_messages[exc.code], code=exc.code, params=params) from None


class JalaliDateField(forms.DateField):
    widget = JalaliDateInput
    default_error_messages = {
        **JALALI_ERRORS,
        "invalid": _("Enter a Solar Hijri date as year/month/day, for example 1403/12/30."),
    }
    example = _("Solar Hijri date, for example 1403/12/30.")

    def to_python(self, value) -> date | None:
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        return _parse(self, parse_jalali_date, value)


class JalaliDateTimeField(forms.DateTimeField):
    widget = JalaliDateTimeInput
    default_error_messages = {
        **JALALI_ERRORS,
        "invalid": _(
            "Enter a Solar Hijri date as year/month/day, optionally with a time, "
            "for example 1405/09/09 12:30."
        ),
    }
    example = _("Solar Hijri date and Tehran time, for example 1405/09/09 12:30 (without a time, 00:00).")

    def to_python(self, value) -> datetime | None:
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return from_current_timezone(value)
        if isinstance(value, date):
            return from_current_timezone(datetime.combine(value, time()))
        wall_clock = _parse(self, parse_jalali_datetime, value)
        try:
            return from_current_timezone(wall_clock)
        except ValidationError:
            # Django's message would name the Gregorian time; the editor typed a Jalali one.
            raise ValidationError(
                self.error_messages["ambiguous_timezone"], code="ambiguous_timezone", params={"value": value}
            ) from None


def jalali_formfield(model_field: models.DateField) -> JalaliDateField | JalaliDateTimeField:
    """The Jalali form field for a model's date or datetime field, keeping its label, whether it is
    required and its help text, with an example of what to type after it."""
    form_class = JalaliDateTimeField if isinstance(model_field, models.DateTimeField) else JalaliDateField
    help_text = format_lazy("{} {}", form_class.example, GREGORIAN_HELP)
    if model_field.help_text:
        help_text = format_lazy("{} {}", model_field.help_text, help_text)
    return model_field.formfield(form_class=form_class, help_text=help_text)
