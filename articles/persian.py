"""Persian text helpers: the one normalization function, digits and Jalali dates.

Imports no models, so the parser, search, alias matching and the comment defences can all use it, and it
can be tested without a database. Display text is never passed through normalize(): it is for keys only.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import jdatetime
from django.utils import timezone

ZWNJ = "\u200c"
KASHIDA = "\u0640"

# Arabic letter forms that Persian writes differently, plus hamza seats folded for matching
# (قضائیه and قضاییه are the same word to a reader).
_LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
    }
)
_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_LATIN_DIGITS = str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS, "0123456789" * 2)
_TO_PERSIAN_DIGITS = str.maketrans("0123456789" + _ARABIC_DIGITS, _PERSIAN_DIGITS * 2)

# Harakat, superscript alef and Quranic marks: dropped for matching.
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
# Zero-width and bidi control characters that change nothing a reader sees.
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff" + KASHIDA + "]")
_SPACES = re.compile(r"[\s" + ZWNJ + "\u00a0\u2009\u202f]+")

# The same folding, visiting only the characters that change: str.translate looks every character up
# in a dict, which is ten times slower on Persian text, and normalize() runs on every imported article.
_FOLD_TABLE = {
    chr(k): v if isinstance(v, str) else chr(v) for k, v in {**_LETTERS, **_TO_LATIN_DIGITS}.items()
}
_FOLD = re.compile("[" + "".join(_FOLD_TABLE) + "]")
# Runs of two or more, or a single separator that is not a plain space: the rest is already one space.
_SPACE_RUNS = re.compile(r"[\s" + ZWNJ + "]{2,}|[^\\S ]|" + ZWNJ)

# Bidi embedding/override/isolate controls (U+202A-U+202E, U+2066-U+2069), which can reorder what
# a reader sees; stripped from reader-supplied text.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def normalize(text: str) -> str:
    """Fold `text` to the key used for search, alias matching, word lists and duplicate detection.

    ي/ك become ی/ک, hamza seats are folded, Persian and Arabic-Indic digits become Latin, kashida,
    diacritics and zero-width characters are removed, ZWNJ and runs of whitespace become one space,
    Latin letters are case-folded.
    """
    text = _FOLD.sub(lambda match: _FOLD_TABLE[match.group()], text)
    text = _DIACRITICS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACE_RUNS.sub(" ", text)
    return text.strip().casefold()


def persian_digits(value: object) -> str:
    """Render Latin and Arabic-Indic digits as Persian digits (display only)."""
    return str(value).translate(_TO_PERSIAN_DIGITS)


def latin_digits(value: str) -> str:
    return value.translate(_TO_LATIN_DIGITS)


def to_jalali(value: datetime | date) -> jdatetime.datetime | jdatetime.date:
    """Convert to the Solar Hijri calendar; aware datetimes are shown in the current time zone."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return jdatetime.datetime.fromgregorian(datetime=value, locale="fa_IR")
    return jdatetime.date.fromgregorian(date=value, locale="fa_IR")


def jalali_date(value: datetime | date) -> str:
    """`۱۴ خرداد ۱۳۹۹`"""
    j = to_jalali(value)
    return persian_digits(f"{j.day} {j.j_months_fa[j.month - 1]} {j.year}")


def jalali_datetime(value: datetime) -> str:
    """`۱۴ خرداد ۱۳۹۹ - ۱۲:۳۰`, in the current time zone (Asia/Tehran by default)."""
    j = to_jalali(value)
    return persian_digits(f"{j.day} {j.j_months_fa[j.month - 1]} {j.year} - {j.hour:02d}:{j.minute:02d}")


def parse_jalali_date(text: str) -> date:
    """Parse `1399-03-14` (any digits, `-` or `/`) as a Jalali date and return the Gregorian date."""
    match = re.fullmatch(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*", latin_digits(text))
    if not match:
        raise ValueError(f"not a Jalali date (YYYY-MM-DD): {text!r}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError as exc:
        raise ValueError(f"not a Jalali date: {text!r} ({exc})") from None
