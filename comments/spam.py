"""Defences against bots, floods and tricks with invisible characters.

Each defence reads its setting at call time (see README, "Configuration"), so tests and deployments can
change one without touching the others. Builds on comments.models (for the codes it answers with); the
models import nothing from here.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.http import HttpRequest
from django.utils.translation import gettext as _

from articles.persian import BIDI_CONTROLS, ZWNJ, normalize
from comments.models import Comment
from newsroom.clients import client_limit_key

FORM_SALT = "comments.form-timestamp"


# Client identity ----------------------------------------------------------------------------------------


def _ip_key() -> bytes:
    dedicated = settings.NEWSROOM_COMMENT_IP_KEY
    if dedicated:
        return dedicated.encode()
    # Derived, so the raw SECRET_KEY is never used as an HMAC key for another purpose.
    return hashlib.sha256(b"newsroom.comments.ip-hash:" + settings.SECRET_KEY.encode()).digest()


def ip_hash(ip: str) -> str:
    """HMAC-SHA256 of the address: stable enough to rate-limit and to tell voters apart; the address
    itself is never stored."""
    return hmac.new(_ip_key(), ip.encode(), hashlib.sha256).hexdigest()


def request_ip_hash(request: HttpRequest) -> str:
    """The hashed client for limits and voter counts: IPv6 clients by their /64 (newsroom/clients.py)."""
    return ip_hash(client_limit_key(request))


# Signed form timestamp ----------------------------------------------------------------------------------


def _form_client(client: str) -> str:
    """The part of the client's hash a form token carries: enough to tell clients apart, no more."""
    return client[:16]


def form_token(article_id: int, client: str, now: float | None = None) -> str:
    """A signed (article, client, time) triple put in the form when it is rendered for one client.

    Binding the client (the keyed hash of its address, by /64 for IPv6) means one token fetched once
    cannot be replayed from a thousand other addresses; the same reader may post with it more than once
    (a reply after a comment, from the same page), which the per-client rate limit bounds.
    """
    payload = {"a": article_id, "c": _form_client(client), "t": int(time.time() if now is None else now)}
    return signing.dumps(payload, salt=FORM_SALT)


def check_form_token(token: str, article_id: int, client: str, now: float | None = None) -> str | None:
    """None when the form was rendered for this article and this client, long enough ago but not too
    long; else why not."""
    try:
        data = signing.loads(token or "", salt=FORM_SALT)
        issued, article, bound_to = int(data["t"]), int(data["a"]), str(data["c"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return _("The form could not be verified. Please reload the page and try again.")
    age = (time.time() if now is None else now) - issued
    if article != article_id or not hmac.compare_digest(bound_to, _form_client(client)):
        return _("The form could not be verified. Please reload the page and try again.")
    if age < settings.NEWSROOM_COMMENT_MIN_SECONDS:
        return _("That was too fast. Please take a moment and send it again.")
    if age > settings.NEWSROOM_COMMENT_MAX_FORM_AGE:
        return _("The form has expired. Please reload the page and try again.")
    return None


# Rate limits through the cache --------------------------------------------------------------------------


def hit_rate_limit(key: str, limit: int, window: int, *, cache_alias: str = "default") -> bool:
    """Count one hit for `key` in the current fixed window; True when it goes over `limit`.

    add() then incr() is atomic in Redis and in the local memory cache, so every app server sharing the
    cache shares one count. Raises newsroom.cache.CacheUnavailable when Redis cannot count.
    """
    cache = caches[cache_alias]
    bucket = f"comments:rate:{key}:{int(time.time()) // window}"
    cache.add(bucket, 0, timeout=window + 1)
    try:
        count = cache.incr(bucket)
    except ValueError:  # expired between add() and incr()
        cache.add(bucket, 1, timeout=window + 1)
        count = 1
    return count > limit


def posting_too_often(client: str) -> bool:
    return hit_rate_limit(
        f"post:{client}", settings.NEWSROOM_COMMENT_RATE, settings.NEWSROOM_COMMENT_RATE_SECONDS
    )


def voting_too_often(client: str) -> bool:
    return hit_rate_limit(
        f"vote:{client}", settings.NEWSROOM_COMMENT_VOTE_RATE, settings.NEWSROOM_COMMENT_RATE_SECONDS
    )


# Hostile text -------------------------------------------------------------------------------------------

# Line breaks and tabs are text; every other control character (C0, DEL, C1) is refused.
_ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS for ch in text)


# "Zalgo" text piles combining marks on letters until they spill over the lines around them. Persian
# and Arabic diacritics are combining marks too, but a fully vocalized sentence carries at most a vowel
# and a shadda per letter (measured: 0.35 to 0.95 marks per letter, never more than 2 on one letter).
MAX_STACKED_MARKS = 3
MAX_MARKS_PER_LETTER = 1.5
_MIN_MARKS_FOR_RATIO = 8  # so one short vocalized word (مُحَمَّدٌ: 5 marks on 4 letters) is never judged


def is_zalgo(text: str) -> bool:
    """True when combining marks are stacked more than MAX_STACKED_MARKS deep on a character, or there
    are more than MAX_MARKS_PER_LETTER of them per letter overall."""
    marks = letters = run = 0
    for char in text:
        category = unicodedata.category(char)
        if category in ("Mn", "Me"):
            marks += 1
            run += 1
            if run > MAX_STACKED_MARKS:
                return True
        else:
            run = 0
            letters += category.startswith("L")
    return marks >= _MIN_MARKS_FOR_RATIO and marks > MAX_MARKS_PER_LETTER * letters


def line_count(text: str) -> int:
    return text.count("\n") + 1


def strip_bidi(text: str) -> str:
    """Bidi embeddings, overrides and isolates can make text read differently from what it says."""
    return BIDI_CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """What is stored: bidi controls stripped, Windows line ends made plain, outer whitespace trimmed.
    Never normalized: the reader's words are kept as written."""
    return strip_bidi(text).replace("\r\n", "\n").replace("\r", "\n").strip()


# Links are found in normalized text: NFKC has already made fullwidth `ｈｔｔｐ：／／ａ．ｃｏｍ` plain
# ASCII, digits are Latin, letters lower case, invisible characters gone. What counts as one link:
# - anything with a scheme (`https://…`, `hxxp://…`) or `www.…`, up to the next space;
# - a host name `label.tld` with a top-level domain of two or more letters, the dot written plainly or
#   disguised in brackets (`a[.]com`, `a(.)com`, `a(dot)com`, `a{نقطه}com`);
# - a host name whose dot is spelt out or spaced (`a dot com`, `a نقطه com`, `a . com`): prose can put
#   such words side by side, so the ending must then be one of the domains spam uses;
# - a bare IPv4 address, and an Iranian mobile number (09…, +98 9…, 0098 9…) however it is spaced,
#   dashed or dotted, since posting a number is posting a contact just as a link is.
# Decimal numbers and dates (`3.5`, `1403.05.12`) have no letters after the dot and are not hosts.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOTS = "[.\u3002\u06d4]"  # full stop, ideographic full stop, Urdu full stop
_DOT_WORD = r"(?:dot|نقطه)"
_DOT_PLAIN = _DOTS
_DOT_BRACKETED = rf"\s?[\[({{<]\s?(?:{_DOTS}|{_DOT_WORD})\s?[\])}}>]\s?"
_DOT_SPELT = rf"\s{_DOT_WORD}\s|\s?نقطه\s?|\s{_DOTS}\s?"
_SPAM_TLDS = (
    "com|net|org|ir|info|biz|xyz|top|shop|site|club|online|store|link|click|live|fun|app|dev|io|me|ly|gl"
    "|gd|ru|su|tk|ml|ga|cf|gq|pw|ws|cc|tv|co"
)
_HOST = (
    rf"(?<![a-z0-9-]){_LABEL}(?:(?:{_DOT_BRACKETED}|{_DOT_PLAIN}|{_DOT_SPELT}){_LABEL}){{0,6}}"
    rf"(?:(?:{_DOT_BRACKETED}|{_DOT_PLAIN})[a-z]{{2,}}|(?:{_DOT_SPELT})(?:{_SPAM_TLDS}))"
    rf"(?![a-z0-9-]|{_DOTS}[a-z0-9])"
)
_SCHEME = r"(?:h[tx]{2}ps?|ftp)\s?:\s?//\S+|www\.\S+"
_IPV4 = r"(?<![0-9.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9.])"
# At most two separators (space, dash, dot, slash-free) between digits: a date range such as
# `09.12.1403 - 10.12.1403` has three, and dates use slashes, which are not accepted here.
_GAP = r"[\s.\-_()*]{0,2}"
_MOBILE = rf"(?<![0-9])(?:(?:\+|00){_GAP}98|0){_GAP}9(?:{_GAP}[0-9]){{9}}(?![0-9])"
_LINK = re.compile("|".join((_SCHEME, _HOST, _IPV4, _MOBILE)))


def count_links(text: str) -> int:
    """Links, host names and mobile numbers in `text`, however disguised (see above)."""
    return len(_LINK.findall(normalize(text)))


def body_key(text: str) -> str:
    """Identifies "the same text" for the duplicate check: letter forms, invisible characters and
    spacing do not count. A ZWNJ, a space or nothing between the parts of a word (سازمان‌های, سازمان های,
    سازمانهای) are all the same, so the key is taken with the spaces left out."""
    return hashlib.sha256(normalize(text).replace(" ", "").encode()).hexdigest()


# Banned and suspect words -------------------------------------------------------------------------------


def _variants(text: str) -> set[str]:
    """normalize() turns ZWNJ into a space; a ZWNJ slipped inside a word should not split it, so the
    text is also matched with ZWNJs dropped."""
    return {normalize(text), normalize(text.replace(ZWNJ, ""))}


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    keys = {key for word in words for key in _variants(word) if key}
    if not keys:
        return None
    alternatives = "|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True))
    # Whole words only, so a short banned word does not catch every longer word containing it.
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def find_word(text: str, words: Iterable[str]) -> bool:
    pattern = _pattern(words)
    return pattern is not None and any(pattern.search(variant) for variant in _variants(text))


@dataclass(frozen=True)
class Verdict:
    """What the defences decided for a comment that passed the form: publish, hold or reject, and why
    (a Comment.HoldReason code, stored as it is and translated when shown)."""

    status: str | None = None  # None: follow the moderation setting
    reason: str = ""


def judge(text: str, *, banned: Iterable[str], suspect: Iterable[str]) -> Verdict:
    if find_word(text, banned):
        return Verdict(Comment.Status.REJECTED, Comment.HoldReason.BANNED_WORD)
    if find_word(text, suspect):
        return Verdict(Comment.Status.PENDING, Comment.HoldReason.SUSPECT_WORD)
    if count_links(text) > settings.NEWSROOM_COMMENT_MAX_LINKS:
        return Verdict(Comment.Status.PENDING, Comment.HoldReason.TOO_MANY_LINKS)
    return Verdict()
