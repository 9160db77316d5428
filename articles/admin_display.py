"""The admin speaks Persian with Persian digits: messages after actions and saves (templates/admin/
base_site.html asks `message_text`), read-only numbers (templates/admin/includes/fieldset.html asks
`readonly_contents`), and list columns of numbers and times."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language_bidi, gettext_noop, ngettext_lazy, override

from articles.persian import jalali_datetime, persian_digits, persian_digits_in_words

# Django's own admin strings that its Persian catalogue leaves untranslated (so "Please correct the error
# below." showed in English). Our catalogue, first in LOCALE_PATHS, translates them; naming them here keeps
# them there, since makemessages drops entries it finds nowhere in the project's source.
DJANGO_CATALOGUE_GAPS = (
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", 1),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("In case you’ve forgotten, you are:"),
)


def message_text(message):
    """A message the admin shows after an action or a save, Django's own included ("Successfully deleted
    2 articles."), with Persian digits on a Persian page. Markup is kept: a tag always has Latin letters,
    and words with Latin letters keep their digits (persian_digits_in_words)."""
    text = message.message
    if not get_language_bidi():
        return text
    converted = persian_digits_in_words(str(text))
    return mark_safe(converted) if isinstance(text, SafeData) else converted  # noqa: S308 - was safe


def readonly_contents(field) -> SafeString:
    """What a read-only field shows on the change form: numbers in Persian digits on a Persian page (a
    number's text has no markup, so converting it cannot break any)."""
    contents = field.contents()
    name = field.field["field"]
    if not (isinstance(name, str) and get_language_bidi()):
        return contents
    try:
        model_field = field.model_admin.model._meta.get_field(name)
    except Exception:  # a method or an attribute of the admin: it chooses its own digits
        return contents
    if isinstance(model_field, (models.IntegerField, models.DecimalField, models.FloatField)):
        return mark_safe(persian_digits(contents))  # noqa: S308 - digits swapped in escaped text
    return contents


def number_column(field_name: str, description):
    """A list column showing an integer field in Persian digits, sortable by it."""

    @admin.display(description=description, ordering=field_name)
    def column(self, obj):
        return persian_digits(getattr(obj, field_name))

    return column


def jalali_column(field_name: str, description):
    """A list column showing a date and time in the Jalali calendar, Tehran time, sortable by it."""

    @admin.display(description=description, ordering=field_name)
    def column(self, obj):
        value = getattr(obj, field_name)
        return jalali_datetime(value) if value else "—"

    return column


def _field_msgid(model, name: str) -> str | None:
    """The untranslated verbose name of `model`'s field `name` (a parler translated field included);
    None for a form-only field (the confirmation box), which changes nothing stored."""
    for candidate in (model, getattr(getattr(model, "_parler_meta", None), "root_model", None)):
        if candidate is None:
            continue
        try:
            verbose_name = candidate._meta.get_field(name).verbose_name
        except Exception:  # not a field of this model
            continue
        with override(None):
            return str(verbose_name)
    return None


def field_msgids(model, names) -> list[str]:
    return [msgid for msgid in (_field_msgid(model, name) for name in names) if msgid is not None]


class PersianHistoryMixin:
    """Change messages in the history name fields by their verbose names' msgids ("headline"), which the
    history page translates when shown. Django stores capitalised English labels ("Headline"), which no
    catalogue translates, so the history read "Kicker، Headline، Lead و Body"."""

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        entries = iter(entry["changed"] for entry in message if "changed" in entry)
        if not add and form.changed_data:
            next(entries)["fields"] = field_msgids(form._meta.model, form.changed_data)
        for formset in formsets or []:
            for _obj, changed_fields in formset.changed_objects:
                next(entries)["fields"] = field_msgids(formset.model, changed_fields)
        return message
