"""Parsing press releases: plain text in the seed's shape, to a plain data object. No database access.

A press release is, line by line: an optional `---` header of `key: value` pairs, an optional kicker
(روتیتر), the headline, an optional lead, body paragraphs (the first usually opens with the agency
attribution `به گزارش X،` or a dateline `X - CITY -`), an optional agency sign-off (`انتهای پیام/`),
and an optional comments heading (`نظرات بینندگان` and its variants) followed by reader comments.

Recognition works on normalized text (articles.persian.normalize); everything returned is the text as
written, only trimmed at the ends of lines. The header says explicitly what the guesses cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from articles.persian import latin_digits, normalize, parse_jalali_date

# Matches the model's max_length for kicker and headline.
MAX_TITLE_LENGTH = 300
# A press release's paragraph is a few hundred characters; a longer line is a file that is not one
# (a dump, a binary turned text), which would cost seconds and hundreds of MB to store and index.
MAX_PARAGRAPH_LENGTH = 20_000
HEADER_FENCE = "---"
HEADER_KEYS = ("id", "kicker", "published_at", "section", "source", "language")
LANGUAGES = ("fa", "en")
# The model fields these values end up in.
_HEADER_LIMITS = {"id": 200, "kicker": MAX_TITLE_LENGTH, "source": 200, "section": 100}
NEWSROOM_TIME_ZONE = ZoneInfo("Asia/Tehran")

COMMENT_HEADINGS = ("نظرات بینندگان", "نظر شما", "تبادل نظر", "ارسال دیدگاه", "ارسال نظرات")
_COMMENT_HEADINGS = {normalize(heading) for heading in COMMENT_HEADINGS}
_HEADING_MAX = 40
# Attributions and datelines are at the start of a paragraph: only this much of it is examined.
_OPENING = 160
_KICKER_ENDINGS = (":", "؛", "：")
# A headline is a short line; a kicker without punctuation is recognised by being followed by another.
_TITLE_LIKE_MAX = 200
_SENTENCE_END = (".", "!", "…")
# Real headlines end with these ("...?", "...!"); a lead sentence ends with a full stop.
_HEADLINE_END = ("!", "?", "؟")

# `به گزارش X،`, `به گزارش X؛`, `به گزارش X ،`, `به گزارش X به نقل از Y،` (matched on normalized text).
_ATTRIBUTION = re.compile(
    r"^به گزارش\s+(?:خبرنگار\s+)?(?P<agency>[^،؛,:.]{1,60}?)(?:\s+به نقل از\s+(?P<via>[^،؛,:.]{1,60}?))?"
    r"\s*[،؛,]"
)
# A dateline: agency and city, each ending with a dash: `ایرنا - شیراز -`.
_DATELINE = re.compile(r"^(?P<agency>[^\s\-–—][^\-–—،.]{0,40}?)\s*[-–—]\s*(?P<city>[^\-–—،.]{1,40}?)\s*[-–—]")
_SIGNOFF = re.compile(r"^/?\s*(?:انتهای پیام|پایان پیام|پایان خبر)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class SeedFormatError(ValueError):
    """A file the importer cannot use. `line` is 1-based, counting the file's own lines."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.line}: {self.reason}"


@dataclass(frozen=True)
class PressRelease:
    headline: str
    kicker: str = ""
    lead: str = ""
    body: tuple[str, ...] = ()
    source: str = ""  # the agency that reports it (شیرازه)
    source_via: str = ""  # `به نقل از Y`
    dateline_city: str = ""
    signoff: str = ""
    comments: tuple[str, ...] = ()
    header: dict[str, str] = field(default_factory=dict)
    header_lines: dict[str, int] = field(default_factory=dict)
    external_id: str = ""  # the header's `id`, if any
    published_at: datetime | None = None
    section: str = ""
    language: str = "fa"

    def text(self) -> str:
        """Everything a reader reads, for mention finding."""
        return "\n".join([self.kicker, self.headline, self.lead, *self.body])


def decode(data: bytes) -> str:
    """Bytes of a file to text: UTF-8 with or without a byte-order mark; refuses empty and binary input."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise SeedFormatError(1, "empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SeedFormatError(data.count(b"\n", 0, nul) + 1, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SeedFormatError(line, f"not UTF-8 (byte 0x{data[exc.start]:02x})") from None
    bad = _CONTROL.search(text)
    if bad:
        raise SeedFormatError(text.count("\n", 0, bad.start()) + 1, "binary file (control characters)")
    return text


def parse_bytes(data: bytes, *, max_bytes: int | None = None) -> PressRelease:
    """Parse a file's bytes; with `max_bytes`, a larger file is refused before it is decoded."""
    if max_bytes is not None and len(data) > max_bytes:
        raise SeedFormatError(1, too_large(max_bytes))
    return parse(decode(data))


def too_large(max_bytes: int) -> str:
    """The reason given for a file over the size limit."""
    return f"file is larger than {max_bytes:,} bytes"


def parse(text: str) -> PressRelease:
    """Parse one press release. Raises SeedFormatError naming the line for anything it cannot use."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    numbered = [(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1)]
    for number, line in numbered:
        if len(line) > MAX_PARAGRAPH_LENGTH:
            raise SeedFormatError(
                number, f"paragraph is longer than {MAX_PARAGRAPH_LENGTH:,} characters ({len(line):,})"
            )
    header, header_lines, numbered = _split_header(numbered)
    lines = [(number, line) for number, line in numbered if line]
    if not lines:
        raise SeedFormatError(numbered[-1][0] if numbered else 1, "no headline")

    content, comments = _split_comments(lines)
    content, signoff = _split_signoff(content)
    if not content:
        raise SeedFormatError(lines[0][0], "no headline (the file starts with its comments heading)")

    texts = [line for _number, line in content]
    if "kicker" in header:
        kicker = header["kicker"]
        if texts and kicker and normalize(texts[0]) == normalize(kicker):
            texts = texts[1:]  # the kicker written both in the header and as the first line
            content = content[1:]
    elif len(texts) >= 2 and _is_kicker(texts[0], texts[1]):
        kicker, texts, content = texts[0], texts[1:], content[1:]
    else:
        kicker = ""
    if not texts:
        raise SeedFormatError(content[0][0] if content else lines[0][0], "no headline")

    headline, rest = texts[0], texts[1:]
    for name, value, line in (("kicker", kicker, lines[0][0]), ("headline", headline, content[0][0])):
        if len(value) > MAX_TITLE_LENGTH:
            raise SeedFormatError(line, f"{name} is longer than {MAX_TITLE_LENGTH} characters")

    lead = ""
    if rest and not any(_source_of(rest[0])):
        lead, rest = rest[0], rest[1:]
    source, via, city = _source_of(rest[0]) if rest else ("", "", "")
    if "source" in header:
        source, via = header["source"], ""

    published_at = None
    if header.get("published_at"):
        try:
            published_at = parse_datetime(header["published_at"])
        except ValueError as exc:
            raise SeedFormatError(header_lines["published_at"], f"bad published_at: {exc}") from None

    return PressRelease(
        headline=headline,
        kicker=kicker,
        lead=lead,
        body=tuple(rest),
        source=source,
        source_via=via,
        dateline_city=city,
        signoff=signoff,
        comments=tuple(line for _number, line in comments),
        header=header,
        header_lines=header_lines,
        external_id=header.get("id", ""),
        published_at=published_at,
        section=header.get("section", ""),
        language=header.get("language") or "fa",
    )


def parse_datetime(value: str) -> datetime:
    """ISO 8601 (`2020-06-03T12:30+04:30`) or a Jalali date (`1399-03-14`, optionally ` 12:30`).

    Times without an offset are Tehran time, as the newsroom writes them.
    """
    value = latin_digits(value.strip())
    jalali = re.fullmatch(r"(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?", value)
    if jalali and int(value[:4]) < 1700:
        day = parse_jalali_date(jalali.group(1))
        clock = time(int(jalali.group(2) or 0), int(jalali.group(3) or 0))
        return datetime.combine(day, clock, tzinfo=NEWSROOM_TIME_ZONE)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is neither ISO 8601 nor a Jalali date like 1399-03-14") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=NEWSROOM_TIME_ZONE)
    return moment


def _split_header(numbered: list[tuple[int, str]]):
    """The optional header: a `---` line first (after blank lines), `key: value` lines, a `---` line."""
    start = next((i for i, (_n, line) in enumerate(numbered) if line), None)
    if start is None or numbered[start][1] != HEADER_FENCE:
        return {}, {}, numbered
    header: dict[str, str] = {}
    header_lines: dict[str, int] = {}
    for i in range(start + 1, len(numbered)):
        number, line = numbered[i]
        if line == HEADER_FENCE:
            return header, header_lines, numbered[i + 1 :]
        if not line:
            continue
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not key:
            raise SeedFormatError(
                number, f"header line is not `key: value` (is the closing --- missing?): {line!r}"
            )
        if key not in HEADER_KEYS:
            raise SeedFormatError(
                number, f"unknown header key {key!r} (expected one of: {', '.join(HEADER_KEYS)})"
            )
        if key in header:
            raise SeedFormatError(number, f"header key {key!r} given twice")
        value = value.strip()
        if key == "language" and value not in LANGUAGES:
            raise SeedFormatError(
                number, f"unknown language {value!r} (expected one of: {', '.join(LANGUAGES)})"
            )
        if key == "id" and not value:
            raise SeedFormatError(number, "empty id")
        if key in _HEADER_LIMITS and len(value) > _HEADER_LIMITS[key]:
            raise SeedFormatError(number, f"{key} is longer than {_HEADER_LIMITS[key]} characters")
        header[key], header_lines[key] = value, number
    raise SeedFormatError(numbered[start][0], "header opened with --- is never closed")


def _split_comments(lines):
    for i, (_number, line) in enumerate(lines):
        # Headings are short; normalizing only short lines keeps long bodies cheap.
        if len(line) <= _HEADING_MAX and normalize(line).rstrip(":：") in _COMMENT_HEADINGS:
            return lines[:i], lines[i + 1 :]
    return lines, []


def _split_signoff(lines):
    """`انتهای پیام/` and the initials after it, on the same line or the next."""
    for i in range(len(lines) - 1, max(len(lines) - 3, 0) - 1, -1):
        if i >= 1 and _SIGNOFF.match(normalize(lines[i][1][:_HEADING_MAX])):
            return lines[:i], " ".join(line for _number, line in lines[i:])
    return lines, ""


def _is_kicker(first: str, second: str) -> bool:
    if first.endswith(_KICKER_ENDINGS):
        return True
    # No punctuation: a kicker is a short line followed by another short line (the headline), which may
    # be an exclamation or a question.
    return _title_like(first) and _title_like(second, headline=True) and not any(_source_of(second))


def _title_like(line: str, *, headline: bool = False) -> bool:
    if len(line) > _TITLE_LIKE_MAX:
        return False
    return (headline and line.endswith(_HEADLINE_END)) or not line.endswith(_SENTENCE_END)


@lru_cache(maxsize=64)  # asked twice per file about the same paragraph
def _source_of(paragraph: str) -> tuple[str, str, str]:
    """(agency, via, dateline city) if the paragraph opens with an attribution or a dateline."""
    paragraph = paragraph[:_OPENING]
    key = normalize(paragraph)
    match = _ATTRIBUTION.match(key)
    if match:
        # Give back the agency as written: the normalized match maps onto the original words.
        return _as_written(paragraph, match.group("agency")), _as_written(paragraph, match.group("via")), ""
    match = _DATELINE.match(key)
    if match:
        return _as_written(paragraph, match.group("agency")), "", _as_written(paragraph, match.group("city"))
    return "", "", ""


def _as_written(paragraph: str, normalized: str | None) -> str:
    """Find the words of `normalized` in `paragraph` as they are written there (ي, ك, ZWNJ and all)."""
    if not normalized:
        return ""
    if normalized in paragraph:  # written as normalize() would write it, the usual case
        return normalized
    words = paragraph.replace("\u200c", " ").split()[:24]
    wanted = normalized.split()
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + len(wanted) + 3) + 1):
            candidate = " ".join(words[start:end])
            if normalize(candidate).strip("،؛,-–— ") == normalized:
                return candidate.strip("،؛,-–— ")
    return normalized
