"""Personas shared by the whole suite: a reader, an editor, a chief editor, a moderator, an outsider."""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from hypothesis import HealthCheck, settings

# Property tests run the same examples on every run and every machine: CI is deterministic and a
# failure seen once is seen again. No example database (no .hypothesis/ directory), no deadline (the
# machine is shared; speed is not what these tests check). A test may still lower max_examples.
settings.register_profile(
    "newsroom",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.load_profile("newsroom")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: django-parler caches translations by primary key and test
    databases reuse keys, so a translation cached by one test would show up in the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test ends in the site's language: a request to an /en/ page leaves English active in the
    thread (LocaleMiddleware activates it and nothing deactivates it), and the next test's reverse()
    would then build /en/ addresses."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    """Uploads, renditions and drawn social cards go to a fresh folder per test, never the repository's
    media/ (pages draw a missing social card when first shown)."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


def ensure_roles() -> None:
    """Make the role groups exist, by running the data migrations that create them.

    A test on the live server runs in real transactions, and Django empties every table after it,
    including the groups and permissions the data migrations made; the next test's personas need them.
    """
    if Group.objects.filter(name__in=ROLE_GROUPS).count() == len(ROLE_GROUPS):
        return
    from django.apps import apps

    for module, function in ROLE_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


ROLE_GROUPS = ("editors", "chief editors", "moderators")
ROLE_MIGRATIONS = [
    ("articles.migrations.0002_editorial_groups", "create_groups"),
    ("comments.migrations.0002_moderators_group", "create_group"),
    ("comments.migrations.0004_comment_permissions", "grant"),
    ("articles.migrations.0005_deleted_imports", "grant"),
    ("comments.migrations.0009_queue_roles", "grant"),
    ("articles.migrations.0011_article_tags", "grant"),
]


def _user(django_user_model, username: str, *, staff: bool = True, groups: tuple[str, ...] = ()):
    ensure_roles()
    user = django_user_model.objects.create_user(username=username, password="pw-" + username, is_staff=staff)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return _user(django_user_model, "editor", groups=("editors",))


@pytest.fixture
def chief_editor(db, django_user_model):
    return _user(django_user_model, "chief", groups=("chief editors",))


@pytest.fixture
def moderator(db, django_user_model):
    return _user(django_user_model, "moderator", groups=("moderators",))


@pytest.fixture
def outsider(db, django_user_model):
    """Logged in, but neither staff nor in any group."""
    return _user(django_user_model, "outsider", staff=False)


def _client_for(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    client.force_login(user)
    return client


@pytest.fixture
def reader_client() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="fa")


@pytest.fixture
def editor_client(editor) -> Client:
    return _client_for(editor)


@pytest.fixture
def chief_client(chief_editor) -> Client:
    return _client_for(chief_editor)


@pytest.fixture
def moderator_client(moderator) -> Client:
    return _client_for(moderator)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return _client_for(outsider)


# Browser tests ---------------------------------------------------------------------------------------
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium driven by Playwright. Never `playwright install`: it downloads a browser.

    While Playwright's sync API is open it keeps an event loop running in the test thread, and Django
    refuses ORM calls under a running loop unless DJANGO_ALLOW_ASYNC_UNSAFE says it is deliberate. So the
    variable is set only while Playwright is open, and Playwright is open only for the modules that drive
    the browser (hence the module scope): every other test keeps Django's guard.
    """
    from tests.services import need_chromium

    executable = need_chromium()
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh page in a Persian (fa-IR) browser, its base URL the live server."""
    context = chromium.new_context(
        locale="fa-IR", base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()
