"""The importer's one-line reasons, in the editor's language.

The parser and the importer give their reasons in English: `import_articles` prints them as they are,
and its users (and tests) read them that way. The admin shows them to editors, so each reason is
matched here against the shape the parser writes and replaced by a translatable message; numbers in
it are written in Persian digits. A reason with no match is shown as written, never dropped.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from articles.persian import persian_digits

_FIELDS = {
    "kicker": _("kicker"),
    "headline": _("headline"),
    "id": _("id"),
    "source": _("source"),
    "section": _("section"),
}

# (pattern on the English reason, message). Named groups fill the message; `n_*` groups are numbers.
_REASONS: list[tuple[str, Promise]] = [
    (r"empty file", _("the text is empty")),
    (r"binary file \(contains NUL bytes\)", _("this is not text but a binary file (it contains NUL bytes)")),
    (r"binary file \(control characters\)", _("this is not text but a binary file (control characters)")),
    (r"not UTF-8 \(byte (?P<byte>0x[0-9a-f]{2})\)", _("the file is not UTF-8 text (byte %(byte)s)")),
    (r"file is larger than (?P<n_max>[\d,]+) bytes.*", _("the text is larger than %(n_max)s bytes")),
    (
        r"paragraph is longer than (?P<n_max>[\d,]+) characters \((?P<n_length>[\d,]+)\)",
        _("a paragraph is longer than %(n_max)s characters (%(n_length)s)"),
    ),
    (r"no headline", _("no headline found")),
    (
        r"no headline \(the file starts with its comments heading\)",
        _("no headline found (the text starts with its comments heading)"),
    ),
    (
        r"(?P<field>\w+) is longer than (?P<n_max>\d+) characters",
        _("%(field)s is longer than %(n_max)s characters"),
    ),
    (r"bad published_at: .*", _("the publication time in the header is neither ISO 8601 nor a Jalali date")),
    (
        r"header line is not `key: value` .*",
        _("a header line is not “key: value” (is the closing --- missing?)"),
    ),
    (r"unknown header key '(?P<key>.*)' \(.*", _("unknown header key “%(key)s”")),
    (r"header key '(?P<key>.*)' given twice", _("header key “%(key)s” is given twice")),
    (r"unknown language '(?P<value>.*)' \(.*", _("unknown language “%(value)s” (fa or en)")),
    (r"empty id", _("the header’s id is empty")),
    (r"header opened with --- is never closed", _("the header opened with --- is never closed")),
    (r"unknown section '(?P<value>.*)'", _("unknown section “%(value)s”")),
    (r"database refused the article: .*", _("the database refused the article")),
]
_COMPILED = [(re.compile(pattern), message) for pattern, message in _REASONS]


def translated_reason(reason: str) -> str:
    """The reason in the active language; as written if its shape is not known here."""
    for pattern, message in _COMPILED:
        match = pattern.fullmatch(reason)
        if match:
            params = {}
            for name, value in match.groupdict().items():
                if name == "field":
                    value = _FIELDS.get(value, value)
                elif name.startswith("n_"):
                    value = persian_digits(value.replace(",", ""))
                params[name] = value
            return str(message) % params if params else str(message)
    return reason


def error_line(line: int, reason: str) -> str:
    """`سطر ۳: …`: the line of the pasted text and the translated reason, on one line."""
    return str(_("line %(line)s: %(reason)s")) % {
        "line": persian_digits(line),
        "reason": translated_reason(reason),
    }
