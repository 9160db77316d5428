"""Persian text helpers: the one normalization function, digits and Jalali dates.

Imports no models, so the parser, search, alias matching and the comment defences can all use it, and it
can be tested without a database. Display text is never passed through normalize(): it is for keys only.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache

import jdatetime
from django.utils import timezone

ZWNJ = "\u200c"
KASHIDA = "\u0640"

# Letters that look like a Persian letter but are another code point (Arabic, Urdu, Pashto, Kurdish
# forms), folded to the Persian letter, plus hamza seats folded for matching (قضائیه and قضاییه are the
# same word to a reader). ة and ۀ become ه: the ezafe is written ۀ, ه‌ی or not at all, and Arabic
# loanwords end in ة or ه, so the stem is the part every spelling shares.
_LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ې": "ی",
        "ۍ": "ی",
        "ێ": "ی",
        "ۑ": "ی",
        "ؠ": "ی",
        "ؽ": "ی",
        "ؾ": "ی",
        "ؿ": "ی",
        "ك": "ک",
        "ڪ": "ک",
        "ػ": "ک",
        "ؼ": "ک",
        "ڬ": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ھ": "ه",
        "ہ": "ه",
        "ۂ": "ه",
        "ۃ": "ه",
        "ە": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ؤ": "و",
    }
)
_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_LATIN_DIGITS = str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS, "0123456789" * 2)
_TO_PERSIAN_DIGITS = str.maketrans("0123456789" + _ARABIC_DIGITS, _PERSIAN_DIGITS * 2)
# Accented Latin letters (é, ñ, ǻ) to their ASCII letter, so a mark cannot hide a banned Latin word. NFKC
# composes a letter with its first mark, so the composed letters are folded after it rather than the
# whole text decomposed again (measured: 70% slower on Persian text, which NFC must then recompose).
_LATIN_ACCENTS = {
    chr(point): unicodedata.normalize("NFD", chr(point))[0]
    for point in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    if len(unicodedata.normalize("NFD", chr(point))) > 1
    and unicodedata.normalize("NFD", chr(point))[0].isascii()
}


def _char_class(codepoints: list[int]) -> str:
    """A regex character class body listing `codepoints` as ranges."""
    parts: list[str] = []
    codepoints = sorted(set(codepoints))
    start = previous = codepoints[0]
    for point in [*codepoints[1:], None]:
        if point is not None and point == previous + 1:
            previous = point
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
        if point is not None:
            start = previous = point
    return "".join(parts)


def _dropped_codepoints() -> list[int]:
    """What a reader does not see as a letter, dropped from keys so it cannot hide inside a word:
    combining marks (harakat, shadda, the marks piled up in "zalgo" text), format characters (soft
    hyphen, word joiner, zero-width space and joiner, byte-order mark, Arabic letter mark, bidi controls)
    and the other default-ignorable code points (variation selectors, Hangul fillers, tags). ZWNJ is
    kept: normalize() turns it into a space. Scanning the first two planes takes ~50 ms once per process.
    """
    dropped = [
        point
        for point in range(0x20000)
        if unicodedata.category(chr(point)) in ("Mn", "Me", "Cf") and point != ord(ZWNJ)
    ]
    dropped += [0x115F, 0x1160, 0x3164, 0xFFA0, *range(0xE0000, 0xE1000)]  # default-ignorable letters, tags
    dropped += [ord(KASHIDA), 0x0674, *range(0x06D6, 0x06EE)]  # kashida, high hamza, Quranic marks
    return dropped


# Two patterns: a class confined to the Basic Multilingual Plane compiles to a bitmap and is fast; one
# reaching past it made normalize() twenty times slower. The second runs only on text that needs it.
_dropped = _dropped_codepoints()
_DROPPED_BMP = re.compile("[" + _char_class([point for point in _dropped if point <= 0xFFFF]) + "]+")
_DROPPED_ASTRAL = re.compile("[" + _char_class([point for point in _dropped if point > 0xFFFF]) + "]+")
del _dropped

# The same folding, visiting only the characters that change: str.translate looks every character up
# in a dict, which is ten times slower on Persian text, and normalize() runs on every imported article.
_FOLD_TABLE = {
    **{chr(k): v if isinstance(v, str) else chr(v) for k, v in {**_LETTERS, **_TO_LATIN_DIGITS}.items()},
    **_LATIN_ACCENTS,
}
_FOLD = re.compile("[" + "".join(_FOLD_TABLE) + "]")
# Runs of two or more, or a single separator that is not a plain space: the rest is already one space.
_SPACE_RUNS = re.compile(r"[\s" + ZWNJ + "]{2,}|[^\\S ]|" + ZWNJ)

# Bidi embedding/override/isolate controls (U+202A-U+202E, U+2066-U+2069), which can reorder what
# a reader sees; stripped from reader-supplied text.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Zero-width and bidi control characters that copy-paste brings along with a date.
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff" + KASHIDA + "]")


def normalize(text: str) -> str:
    """Fold `text` to the key used for search, alias matching, word lists and duplicate detection.

    NFKC first (Arabic presentation forms copied from PDFs become letters, fullwidth Latin and digits
    become ASCII, ligatures are spelt out); Latin letters are case-folded and lose their accents;
    lookalike letters (ي ى ې ۍ, ك ڪ, ھ ہ ة ۀ) become the Persian letter and hamza seats are folded;
    Persian and Arabic-Indic digits become Latin; combining marks (diacritics), kashida, format
    characters and other invisible code points are removed; ZWNJ and runs of whitespace become one space.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _FOLD.sub(lambda match: _FOLD_TABLE[match.group()], text)
    text = _DROPPED_BMP.sub("", text)
    if text and max(text) > "\uffff":
        text = _DROPPED_ASTRAL.sub("", text)
    text = _SPACE_RUNS.sub(" ", text)
    return text.strip()


def persian_digits(value: object) -> str:
    """Render Latin and Arabic-Indic digits as Persian digits (display only)."""
    return str(value).translate(_TO_PERSIAN_DIGITS)


_LATIN_WORD = re.compile(r"[A-Za-z@/]")


def persian_digits_in_words(text: str) -> str:
    """Persian digits in a sentence shown on a Persian page, except in words with Latin letters, e-mail
    addresses or paths in them (`COVID-19`, `a2@b.ir`, `/1405/`), which keep theirs."""
    return "".join(
        word if _LATIN_WORD.search(word) else persian_digits(word) for word in re.split(r"(\s+)", text)
    )


# Digits shown on Persian pages, in running text ------------------------------------------------------------
# A Latin-script run keeps its digits, as it would in print: a token (no spaces) from its first Latin letter
# on, with any digits just before it (COVID-19, 4K, mp3, a2@b.ir, www.example.ir/1403), and the numbers that
# follow it across spaces (Windows 11, iPhone 15, version 2.0). Every other digit is a Persian reader's number
# (۱۵ خرداد, ۱۴۰۳/۰۳/۱۵, ساعت ۱۰:۳۰). Persian text and punctuation are taken in long runs that change
# nothing (`_PLAIN`), so the expression stops only where something may change: this is about thirty times
# faster than trying every alternative at every character.
_LATIN_LETTER = "A-Za-z\u00c0-\u024f"
_ANY_DIGIT = re.compile("[0-9\u0660-\u0669]")
_RUN = (
    rf"[0-9]*[{_LATIN_LETTER}][^\s<&]*"
    rf"(?:(?:[ \u00a0]|&nbsp;)+[0-9][^\s<&\u0600-\u06ff]*)*"
)
_DIGITS = "(?P<digits>[0-9\u0660-\u0669]+)"
_TEXT_DIGITS = re.compile(rf"[^0-9\u0660-\u0669{_LATIN_LETTER}]+|{_RUN}|{_DIGITS}")
# In HTML, only text between tags: tags (their attributes and addresses), character references (&#1604;)
# and code are passed over whole, together with the Persian text around them. Sanitized HTML
# (articles/sanitize.py) quotes every attribute and escapes ">" inside them.
_HTML_DIGITS = re.compile(
    r"(?:<(code|pre|kbd|samp|script|style)\b.*?</\1\s*>"
    rf"|[^<&0-9\u0660-\u0669{_LATIN_LETTER}]+"
    r"|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
    r"|&#?\w+;)+"
    rf"|{_RUN}|{_DIGITS}",
    re.DOTALL,
)


def _digits_to_persian(match: re.Match) -> str:
    digits = match.group("digits")
    return digits.translate(_TO_PERSIAN_DIGITS) if digits else match.group()


def persian_digits_in_text(text: str) -> str:
    """Plain text (a headline, a comment) as a Persian page shows it: Persian digits, except in Latin-script
    runs (COVID-19, Windows 11, a2@b.ir, addresses), which keep theirs. Display only, never stored."""
    return _TEXT_DIGITS.sub(_digits_to_persian, text) if _ANY_DIGIT.search(text) else text


def persian_digits_in_html(html: str) -> str:
    """persian_digits_in_text() for the text of an HTML fragment (an article body): tags, attributes,
    character references and code keep their digits. One pass of one regular expression, no parsing."""
    return _HTML_DIGITS.sub(_digits_to_persian, html) if _ANY_DIGIT.search(html) else html


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
    """`۱۴ خرداد ۱۳۹۹ - ۱۲:۳۰`, in the current time zone (Asia/Tehran by default). A comment thread shows
    one per comment, most of them on a few days: each day is converted once (`_jalali_day`)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    day = _jalali_day(value.date())
    return persian_digits(f"{day} - {value.hour:02d}:{value.minute:02d}")


@lru_cache(maxsize=4096)
def _jalali_day(value: date) -> str:
    """`14 خرداد 1399` (Latin digits) for a Gregorian day."""
    j = jdatetime.date.fromgregorian(date=value, locale="fa_IR")
    return f"{j.day} {j.j_months_fa[j.month - 1]} {j.year}"


def jalali_date_english(value: datetime | date) -> str:
    """`14 Khordad 1399`: the Jalali date for English pages, month names transliterated, Latin digits."""
    j = to_jalali(value)
    return f"{j.day} {jdatetime.date.j_months_en[j.month - 1]} {j.year}"


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


def _parse_jalali(text: str, *, with_time: bool, years: range | None = None) -> tuple[date, time]:
    cleaned = _INVISIBLE.sub("", latin_digits(text)).strip()  # copy-paste brings bidi marks along
    match = _JALALI.fullmatch(cleaned)
    if not match or (match["hour"] is not None and not with_time):
        shape = "YYYY-MM-DD HH:MM" if with_time else "YYYY-MM-DD"
        raise JalaliDateError(f"not a Jalali date ({shape}): {text!r}", code="invalid")
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if years is not None and year not in years:
        _refuse_year_outside(text, year, month, day, years)
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


def _refuse_year_outside(text: str, year: int, month: int, day: int, years: range) -> None:
    """A year the caller does not expect: when the numbers make a Gregorian date, say so (code
    `gregorian`, with that date's Jalali year, month and day), since `2026-12-05` typed into a Jalali
    field would otherwise be read as a date six centuries ahead."""
    try:
        meant = jdatetime.date.fromgregorian(date=date(year, month, day))
    except ValueError:
        meant = None
    if meant is not None and meant.year in years:
        raise JalaliDateError(
            f"not a Jalali date: {text!r} looks Gregorian",
            code="gregorian",
            year=meant.year,
            month=meant.month,
            day=meant.day,
        )
    raise JalaliDateError(
        f"not a Jalali date: {text!r} (year {year} is out of range)",
        code="invalid_year",
        min=years.start,
        max=years.stop - 1,
    )


def parse_jalali_date(text: str, *, years: range | None = None) -> date:
    """Parse `1399-03-14` (any digits, `-` or `/`) as a Jalali date and return the Gregorian date.

    `years` limits the Jalali years accepted (a year outside is refused, as Gregorian when it is one).
    Raises JalaliDateError (a ValueError) saying what is wrong.
    """
    day, _clock = _parse_jalali(text, with_time=False, years=years)
    return day


def parse_jalali_datetime(text: str, *, years: range | None = None) -> datetime:
    """Parse `1405/09/09 12:30` (any digits, `-` or `/`; the time optional, 00:00 without it) and return
    the naive Gregorian wall-clock time. The caller decides the time zone it was meant in.

    `years` as for parse_jalali_date. Raises JalaliDateError (a ValueError) saying what is wrong.
    """
    return datetime.combine(*_parse_jalali(text, with_time=True, years=years))


def jalali_numeric(value: datetime | date) -> str:
    """`۱۴۰۵/۰۹/۰۹ ۱۲:۳۰` (seconds only when there are some), or `۱۴۰۵/۰۹/۰۹` for a date: the shape an
    editor types, so that what a form shows can be sent back unchanged."""
    j = to_jalali(value)
    text = f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    if isinstance(value, datetime):
        text += f" {j.hour:02d}:{j.minute:02d}" + (f":{j.second:02d}" if j.second else "")
    return persian_digits(text)
