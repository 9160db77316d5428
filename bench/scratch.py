"""Set up Django for an in-process benchmark: a scratch SQLite file unless a database URL is given,
and production-like settings (DEBUG off, so Django does not format and keep every query)."""

from __future__ import annotations

import os
import secrets
import tempfile
import warnings
from pathlib import Path


def setup_django(database_url: str | None, *, prefix: str = "newsroom-bench-") -> Path:
    """Point Django at `database_url` (or a new SQLite file) and call django.setup(); returns the
    scratch folder."""
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(64))
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("NEWSROOM_PLAIN_STATIC", "true")  # no collectstatic manifest in a scratch run
    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise, with no collectstatic
    import django

    django.setup()
    return scratch
