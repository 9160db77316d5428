"""The cached identity as a running site has it (identity/current.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from identity import current


def warm_identity_cache() -> None:
    """Cache what a fresh site's identity is (the settings' defaults: no identity row, no footer pages),
    as a site that has served one page has it. Pages then cost what they cost every request after the
    first, which is what the query counts pin; any save of the identity forgets it (signal handlers).
    tests/identity/test_identity_cache.py checks that a fresh database builds exactly this."""
    for code, _name in settings.LANGUAGES:
        cache.set(current.cache_key(code), current.defaults(code), current.CACHE_SECONDS)
