"""Template filters for Persian presentation: `{{ value|fa_digits }}`, `{{ when|jalali }}`,
`{{ when|jalali_date }}`. Machines get `{{ when|date:"c" }}` (ISO 8601), never Jalali."""

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language_bidi

from articles import persian

register = template.Library()


@register.filter
def fa_digits(value):
    return persian.persian_digits(value)


@register.filter
def jalali(value):
    return persian.jalali_datetime(value) if value else ""


@register.filter
def jalali_date(value):
    return persian.jalali_date(value) if value else ""


@register.filter
def gregorian_date(value):
    """The Gregorian date beside the Jalali one: `۳ ژوئن ۲۰۲۰` on Persian pages (Django's Persian month
    names; words, not a digit run, so it reads the same in right-to-left text), `3 June 2020` elsewhere."""
    if not value:
        return ""
    text = formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "j F Y")
    return persian.persian_digits(text) if get_language_bidi() else text


@register.filter
def local_digits(value):
    """Persian digits on right-to-left (Persian) pages, Latin digits elsewhere."""
    return persian.persian_digits(value) if get_language_bidi() else str(value)


@register.filter
def reader_time(value):
    """What a reader sees: Jalali with Persian digits on Persian (RTL) pages, Gregorian elsewhere."""
    if not value:
        return ""
    return (
        persian.jalali_datetime(value)
        if get_language_bidi()
        else formats.date_format(
            timezone.localtime(value) if timezone.is_aware(value) else value, "j F Y, H:i"
        )
    )


@register.filter
def reader_date(value):
    if not value:
        return ""
    return persian.jalali_date(value) if get_language_bidi() else formats.date_format(value, "j F Y")
