"""Django's Redis cache, made safe for readers when Redis is down or frozen.

Everything a reader's page asks of the cache is an optimisation (the view counter's "seen already" key,
the sitemap's cached copy), so when Redis refuses or does not answer within the short socket timeouts
(settings: NEWSROOM_REDIS_TIMEOUT_MS), a read is a miss and a write does nothing, with one warning in the
log. incr() is different: the comment rate limits count with it, and a limit that silently counted
nothing would let a flood through during the outage, so it raises CacheUnavailable for the caller to
refuse politely (comments/services.py answers 503).

After a failure the process leaves Redis alone for RETRY_AFTER seconds: each read or write then fails at
once instead of waiting out its timeout again, so a frozen Redis costs a reader's page one timeout, not one
per call. incr() always asks Redis (posts are rarer than page views), and any answer ends the pause.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 2.0  # seconds without trying Redis after it failed, per process
_UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# When each Redis location may be tried again (time.monotonic()); shared by the threads of a process,
# each of which has its own cache object.
_resting_until: dict[str, float] = {}


class CacheUnavailable(Exception):
    """The cache could not count: Redis is down or did not answer in time."""


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    def _call(self, method, fallback, *args, always_try: bool = False):
        """`method` of Django's RedisCache, or `fallback` when Redis is unreachable (or resting)."""
        if not always_try and time.monotonic() < _resting_until.get(self._location, 0.0):
            return fallback
        try:
            result = method(*args)
        except _UNREACHABLE as exc:
            _resting_until[self._location] = time.monotonic() + RETRY_AFTER
            logger.warning("cache unavailable, carrying on without it for %ss: %s", RETRY_AFTER, exc)
            return fallback
        except Exception:  # Redis answered, with a refusal (incr() of a missing key is a ValueError)
            _resting_until.pop(self._location, None)
            raise
        _resting_until.pop(self._location, None)  # it answered: back to normal for everyone
        return result

    # Reads are misses.
    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    # Writes do nothing; add() reports that it added nothing, so "first time?" checks answer no.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)

    # Counting refuses loudly (decr() goes through incr()). It tries Redis even while the others rest:
    # a post would otherwise be refused for the rest of the pause after Redis came back.
    def incr(self, key, delta=1, version=None):
        unavailable = object()
        result = self._call(super().incr, unavailable, key, delta, version, always_try=True)
        if result is unavailable:
            raise CacheUnavailable("Redis is unreachable")
        return result
