"""Persian text helpers: the one normalization function, digits and Jalali dates.

Imports no models, so the parser, search, alias matching and the comment defences can all use it, and it
can be tested without a database. Display text is never passed through normalize(): it is for keys only.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

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


class JalaliDateError(ValueError):
    """Why a text is not a Jalali date. `code` names the problem and `params` its numbers, so that a form
    can explain it in the editor's language; the message itself is for logs and command-line errors."""

    def __init__(self, message: str, *, code: str, **params: int) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


# `1405/09/09`, `1405-9-9`, with one kind of separator, optionally followed by `12:30` or `12:30:45`.
_JALALI = re.compile(
    r"(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)


def jalali_month_length(year: int, month: int) -> int:
    """Days in a Jalali month (Esfand has 30 only in a leap year), asking jdatetime rather than
    restating its calendar rules."""
    for days in (31, 30):
        try:
            jdatetime.date(year, month, days)
        except ValueError:
            continue
        return days
    return 29


def _parse_jalali(text: str, *, with_time: bool) -> tuple[date, time]:
    cleaned = _INVISIBLE.sub("", latin_digits(text)).strip()  # copy-paste brings bidi marks along
    match = _JALALI.fullmatch(cleaned)
    if not match or (match["hour"] is not None and not with_time):
        shape = "YYYY-MM-DD HH:MM" if with_time else "YYYY-MM-DD"
        raise JalaliDateError(f"not a Jalali date ({shape}): {text!r}", code="invalid")
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not jdatetime.MINYEAR <= year <= jdatetime.MAXYEAR:
        raise JalaliDateError(
            f"not a Jalali date: {text!r} (year {year} is out of range)",
            code="invalid_year",
            min=jdatetime.MINYEAR,
            max=jdatetime.MAXYEAR,
        )
    if not 1 <= month <= 12:
        raise JalaliDateError(
            f"not a Jalali date: {text!r} (there is no month {month})", code="invalid_month", month=month
        )
    days = jalali_month_length(year, month)
    if not 1 <= day <= days:
        raise JalaliDateError(
            f"not a Jalali date: {text!r} (month {month} of {year} has {days} days)",
            code="invalid_day",
            year=year,
            month=month,
            day=day,
            days=days,
        )
    clock = time()
    if match["hour"] is not None:
        hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise JalaliDateError(f"not a time of day: {text!r}", code="invalid_time")
        clock = time(hour, minute, second)
    return jdatetime.date(year, month, day).togregorian(), clock


def parse_jalali_date(text: str) -> date:
    """Parse `1399-03-14` (any digits, `-` or `/`) as a Jalali date and return the Gregorian date.

    Raises JalaliDateError (a ValueError) saying what is wrong.
    """
    day, _clock = _parse_jalali(text, with_time=False)
    return day


def parse_jalali_datetime(text: str) -> datetime:
    """Parse `1405/09/09 12:30` (any digits, `-` or `/`; the time optional, 00:00 without it) and return
    the naive Gregorian wall-clock time. The caller decides the time zone it was meant in.

    Raises JalaliDateError (a ValueError) saying what is wrong.
    """
    return datetime.combine(*_parse_jalali(text, with_time=True))


def jalali_numeric(value: datetime | date) -> str:
    """`۱۴۰۵/۰۹/۰۹ ۱۲:۳۰` (seconds only when there are some), or `۱۴۰۵/۰۹/۰۹` for a date: the shape an
    editor types, so that what a form shows can be sent back unchanged."""
    j = to_jalali(value)
    text = f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    if isinstance(value, datetime):
        text += f" {j.hour:02d}:{j.minute:02d}" + (f":{j.second:02d}" if j.second else "")
    return persian_digits(text)
