"""Shared set-up for the comment tests: a clean cache (rate limits live there) and a published article."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.factories import make_article
from tests.identity.helpers import warm_identity_cache


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    warm_identity_cache()  # the site's identity stays cached, as on a running site (tests/conftest.py)
    yield
    cache.clear()


@pytest.fixture
def article(db):
    return make_article(title="دادگستری فارس")
