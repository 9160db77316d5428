"""`identity` in every template: the site's identity in the page's language (identity/current.py).

Lazy: read from the cache the first time a template asks, at most once per request."""

from django.utils.functional import SimpleLazyObject

from identity import current


def identity(request):
    return {"identity": SimpleLazyObject(current.current)}
