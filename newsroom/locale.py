"""Django's LocaleMiddleware, with the request's language confined to the request.

Django's own activates the language of each request in the thread that serves it and leaves it active
afterwards. A server's next request activates its own, so nothing shows; but under the test client the
serving thread is the test's, and one request to an /en/ page left English active for the rest of the
test and for every test after it (gettext, reverse() and the objects built from them all turned English).
Here the language active before the request is active again once the response is made.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class RequestLocaleMiddleware(LocaleMiddleware):
    # Run synchronously (Django adapts it under ASGI): the language is restored when the response is
    # made, which an asynchronous __call__ would return before doing.
    async_capable = False

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The rest of the stack, the view and the template's rendering run inside this call.
        with translation.override(translation.get_language()):
            return super().__call__(request)
