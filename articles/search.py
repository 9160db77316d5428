"""The one search query, and the highlighting of what it matched.

Search runs over Article.search_document (normalized by articles.persian.normalize, kept by
articles.services.refresh_search_document) with the query normalized the same way, so spelling variants
match: ي/ی, ك/ک, ئ/ی (قضائیه/قضاییه), ZWNJ or space (سازمان‌های/سازمان های), digits.
Every word of the query must appear. PostgreSQL full-text search can replace search_articles() later
without touching the views.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from django import forms
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.persian import normalize

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        error_messages={"required": _("Type something to search for.")},
    )

    def clean_q(self) -> str:
        query = self.cleaned_data["q"]
        if "\x00" in query:
            raise forms.ValidationError(_("The search text contains characters that are not allowed."))
        if not terms(query):
            raise forms.ValidationError(_("Type something to search for."))
        return query


def terms(query: str) -> list[str]:
    """The normalized words of a query, without repeats, at most MAX_TERMS of them."""
    words: list[str] = []
    for word in normalize(query).split(" "):
        if word and word not in words:
            words.append(word)
    return words[:MAX_TERMS]


def search_articles(articles: QuerySet, words: list[str]) -> QuerySet:
    """Narrow `articles` (already published and ordered newest first) to those containing every word."""
    for word in words:
        articles = articles.filter(search_document__contains=word)
    return articles


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character (with the combining marks after it) through the one normalize(), between two
    letters so that a space survives."""
    return normalize(f"a{char}a")[1:-1]


def _units(text: str):
    """(offset, character with the combining marks that follow it): normalize() composes a letter with
    its marks (ا and a madda are آ), so they are folded together."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, text[start:index]
            start = index


def _normalized_with_offsets(text: str) -> tuple[str, list[int]]:
    """normalize(text) built character by character, with the offset in `text` of each character of
    the result, so a match in normalized text can be marked in the text as written.

    Each character goes through the one normalize() (_fold_char); runs of spaces collapse as
    normalize() collapses them.
    """
    out: list[str] = []
    offsets: list[int] = []
    for index, unit in _units(text):
        for piece in _fold_char(unit):
            if piece == " " and (not out or out[-1] == " "):
                continue
            out.append(piece)
            offsets.append(index)
    return "".join(out), offsets


def highlight(text: str, words: list[str]) -> SafeString:
    """Escape `text` and wrap each stretch that matches one of the normalized `words` in <mark>."""
    if not text:
        return mark_safe("")
    if not words:
        return escape(text)
    folded, offsets = _normalized_with_offsets(text)
    marked = [False] * len(text)
    for word in words:
        start = folded.find(word)
        while start != -1:
            end = start + len(word) - 1
            stop = offsets[end] + 1
            while stop < len(text) and unicodedata.combining(text[stop]):
                stop += 1  # the last letter's marks belong to it
            for position in range(offsets[start], stop):
                marked[position] = True
            start = folded.find(word, start + 1)
    _bridge_spaces(text, marked)
    parts: list[str] = []
    index = 0
    while index < len(text):
        stop = index
        while stop < len(text) and marked[stop] == marked[index]:
            stop += 1
        chunk = escape(text[index:stop])
        parts.append(f"<mark>{chunk}</mark>" if marked[index] else chunk)
        index = stop
    return mark_safe("".join(parts))


def _bridge_spaces(text: str, marked: list[bool]) -> None:
    """Join two marked words separated only by spacing (space, ZWNJ), so `سازمان‌های` is one mark."""
    index = 0
    while index < len(text):
        if marked[index] or index == 0 or not marked[index - 1]:
            index += 1
            continue
        stop = index
        while stop < len(text) and not marked[stop]:
            stop += 1
        if stop < len(text) and normalize(f"a{text[index:stop]}a") == "a a":
            for position in range(index, stop):
                marked[position] = True
        index = stop


def excerpt(text: str, words: list[str], width: int = 220) -> SafeString:
    """The stretch of `text` (plain text) around the first matched word, highlighted; empty when no word
    matches. Cut at spaces, with an ellipsis where text was left out."""
    folded, offsets = _normalized_with_offsets(text)
    found = [position for position in (folded.find(word) for word in words) if position != -1]
    if not found:
        return mark_safe("")
    center = offsets[min(found)]
    start = max(0, center - width // 3)
    end = min(len(text), start + width)
    if start > 0:
        start = text.find(" ", start, center) + 1 or start
    if end < len(text):
        end = text.rfind(" ", center, end) if text.rfind(" ", center, end) > center else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + highlight(text[start:end].strip(), words) + suffix)
