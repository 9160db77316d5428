"""Refuse requests whose text no page could use, before any view or database query sees it.

PostgreSQL cannot hold a NUL character in a text value and raises an error when one is compared with a
column, so a NUL in a slug (``/section/%00/``), an admin filter (``?status=%00``) or a cookie
(the session key) would otherwise reach the database and end as a server error. One check here covers
the reader site, the feeds and the admin alike, instead of a patch per view.

Form fields are not checked here: a NUL typed into a form is refused by the form itself (Django's
``CharField`` refuses it, the comment form refuses every control character), with the form shown again
and the reader's text kept. Form bodies this site cannot decode at all (sent in another charset) are
refused by Django with ``BadRequest``; the handler for that answer is ``articles.views.bad_request``.

One form field is checked: the admin's action checkboxes. Django's admin puts their values straight
into ``pk__in`` and fails with a server error on anything but a primary key; every model here has an
integer key, so a value that is not a number is refused, for every admin page at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
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
        or _has_nul(value for _key, values in query.lists() for value in values)
        or _has_nul(request.COOKIES.keys())
        or _has_nul(request.COOKIES.values())
    )


def bad_admin_selection(request: HttpRequest) -> bool:
    """Whether an admin action was sent rows that cannot be primary keys (integers here). Reads the
    form only for a POST to an admin page."""
    match = request.resolver_match
    if request.method != "POST" or match is None or "admin" not in match.namespaces:
        return False
    selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
    return not all(value.isascii() and value.isdigit() for value in selected)


class RefuseMalformedInputMiddleware:
    """Answers 400 (the Persian bad-request page) for a request with a NUL in its path, query string or
    cookies, or an admin action on rows that are not primary keys. Placed before the session and the
    views, which would query with those values."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if malformed(request):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        # Once the address is resolved: only the admin's forms carry action checkboxes.
        if bad_admin_selection(request):
            raise BadRequest("admin action on rows that are not primary keys")
