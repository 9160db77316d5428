"""Template filters for Persian presentation: `{{ value|fa_digits }}`, `{{ when|jalali }}`,
`{{ when|jalali_date }}`. Machines get `{{ when|date:"c" }}` (ISO 8601), never Jalali."""

from django import template

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
