"""Refuse requests whose text no page could use, before any view or database query sees it.

PostgreSQL cannot hold a NUL character in a text value and raises an error when one is compared with a
column, so a NUL in a slug (``/section/%00/``), an admin filter (``?status=%00``) or a cookie
(the session key) would otherwise reach the database and end as a server error. One check here covers
the reader site, the feeds and the admin alike, instead of a patch per view.

Form fields are not checked here: a NUL typed into a form is refused by the form itself (Django's
``CharField`` refuses it, the comment form refuses every control character), with the form shown again
and the reader's text kept. Form bodies this site cannot decode at all (sent in another charset) are
refused by Django with ``BadRequest``; the handler for that answer is ``articles.views.bad_request``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

NUL = "\x00"


def _has_nul(values: Iterable[str]) -> bool:
    return any(NUL in value for value in values)


def malformed(request: HttpRequest) -> bool:
    """Whether the address, the query string or a cookie carries a NUL character."""
    query = request.GET
    return (
        NUL in request.path_info
        or _has_nul(query.keys())
        or _has_nul(value for values in query.lists() for value in values[1])
        or _has_nul(request.COOKIES.keys())
        or _has_nul(request.COOKIES.values())
    )


class RefuseMalformedInputMiddleware:
    """Answers 400 (the Persian bad-request page) for a request with a NUL in its path, query string or
    cookies. Placed before the session and the views, which would query with those values."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if malformed(request):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)
