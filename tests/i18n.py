"""Tests assert what a Persian reader sees: `fa(msgid)` is the Persian translation of a message."""

from django.utils.translation import gettext, override


def fa(msgid: str) -> str:
    with override("fa"):
        translated = gettext(msgid)
    assert translated != msgid, f"no Persian translation for {msgid!r}"
    return translated


def fa_plural(singular: str, plural: str, count: int) -> str:
    from django.utils.translation import ngettext

    with override("fa"):
        translated = ngettext(singular, plural, count)
    assert translated not in (singular, plural), f"no Persian translation for {singular!r}"
    return translated
