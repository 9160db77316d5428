"""Content-Security-Policy and Permissions-Policy on every response (Django 5.2 has no CSP of its own).

The policies are in settings (NEWSROOM_CSP, NEWSROOM_CSP_ADMIN, NEWSROOM_PERMISSIONS_POLICY). No page may
run an inline script: every script is a file under static/ (the JSON-LD block is data, not a script, and
the browser does not run it). The admin's policy differs in one thing: CKEditor 4 and django-ckeditor's
widget write inline styles, which only the admin allows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse

CSP_HEADER = "Content-Security-Policy"
PERMISSIONS_HEADER = "Permissions-Policy"


def render_policy(directives: Mapping[str, Sequence[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def _is_admin(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.app_name == "admin"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = render_policy(settings.NEWSROOM_CSP)
        self.admin_policy = render_policy(settings.NEWSROOM_CSP_ADMIN)
        self.permissions = ", ".join(
            f"{feature}={allow}" for feature, allow in settings.NEWSROOM_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(CSP_HEADER, self.admin_policy if _is_admin(request) else self.policy)
        response.headers.setdefault(PERMISSIONS_HEADER, self.permissions)
        return response
