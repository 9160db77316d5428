"""Who a reader is, for votes: a random id in a signed cookie, set by the first vote.

The cookie is the only per-reader state on a reader's page: a page drawn for a request that carries it
shows that reader's own votes (the pressed like and dislike buttons). A page cache must therefore neither
store nor serve such a request's page (`carries_reader_state()`); a page drawn without the cookie holds
nothing of any one reader's votes and may be shared.
"""

from __future__ import annotations

import secrets

from django.http import HttpRequest, HttpResponse

READER_COOKIE = "newsroom_reader"
READER_SALT = "comments.reader"
READER_MAX_AGE = 365 * 24 * 3600
_MAX_ID_LENGTH = 64  # Vote.voter's length


def carries_reader_state(request: HttpRequest) -> bool:
    """Whether a page for `request` may show this reader's own votes (signed or not: checking costs more
    than passing the request by the cache)."""
    return READER_COOKIE in request.COOKIES


def reader_id(request: HttpRequest) -> str | None:
    """The id in the reader's signed cookie, or None without a valid one."""
    value = request.get_signed_cookie(READER_COOKIE, default=None, salt=READER_SALT, max_age=READER_MAX_AGE)
    return value if value and len(value) <= _MAX_ID_LENGTH else None


def new_reader_id() -> str:
    return secrets.token_hex(16)


def remember_reader(request: HttpRequest, response: HttpResponse, voter: str) -> None:
    response.set_signed_cookie(
        READER_COOKIE,
        voter,
        salt=READER_SALT,
        max_age=READER_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
