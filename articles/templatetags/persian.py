"""Template filters for Persian presentation: `{{ value|fa_digits }}`, `{{ when|jalali }}`,
`{{ when|jalali_date }}`. Machines get `{{ when|date:"c" }}` (ISO 8601), never Jalali."""

from django import template
from django.utils import formats, timezone
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language_bidi, gettext

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
def other_calendar_date(value):
    """The date again in the page's second calendar, shown after the first (reader_time): the Gregorian
    date on Persian pages (`۳ ژوئن ۲۰۲۰`), the Jalali one on English pages (`14 Khordad 1399, Iranian
    calendar`): an English reader dates events in the Gregorian calendar, but the Iranian sources they
    check (the Persian page, official letters, rulings) are dated in the Jalali one."""
    if not value:
        return ""
    if get_language_bidi():
        return gregorian_date(value)
    return gettext("%(date)s, Iranian calendar") % {"date": persian.jalali_date_english(value)}


@register.filter
def local_digits(value):
    """Persian digits on right-to-left (Persian) pages, Latin digits elsewhere."""
    return persian.persian_digits(value) if get_language_bidi() else str(value)


@register.filter(is_safe=True)
def local_text_digits(value):
    """Running text (a headline, a lead) with Persian digits on Persian pages, except in Latin-script runs
    such as COVID-19 or Windows 11 (articles.persian.persian_digits_in_text); as written elsewhere."""
    if not value or not get_language_bidi():
        return value
    return persian.persian_digits_in_text(str(value))


@register.filter(is_safe=True)
def local_html_digits(value):
    """local_text_digits for an HTML fragment (the article body): the text between tags only, never
    attributes, addresses, character references or code."""
    if not value or not get_language_bidi():
        return value
    converted = persian.persian_digits_in_html(str(value))
    return mark_safe(converted) if isinstance(value, SafeData) else converted


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
def reader_clock(value):
    """The time of day only (`۱۲:۳۰`), in the site's time zone: for items of today, such as the urgent bar."""
    if not value:
        return ""
    text = formats.time_format(timezone.localtime(value) if timezone.is_aware(value) else value, "H:i")
    return persian.persian_digits(text) if get_language_bidi() else text


@register.filter
def reader_date(value):
    if not value:
        return ""
    return persian.jalali_date(value) if get_language_bidi() else formats.date_format(value, "j F Y")
