"""A signed preview link in Debian's Chromium, opened by someone without an account: the banner is seen,
the page reads right to left without sideways scrolling, and screenshots go to artifacts/; and the
admin page where a chief editor makes the link."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles import services
from tests.browser.helpers import ARTIFACTS, PageWatcher, axe_violations
from tests.browser.seed import build_seed_site
from tests.i18n import fa

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def test_a_scheduled_article_through_a_signed_link(chromium, live_server, chief_editor):
    site = build_seed_site(published_at=timezone.now() + timedelta(days=2))
    link = services.create_preview_link(article=site.article, user=chief_editor)
    ARTIFACTS.mkdir(exist_ok=True)
    for name, viewport in WIDTHS.items():
        context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=viewport)
        page = context.new_page()
        watcher = PageWatcher(page, live_server.url)
        try:
            page.goto(link.path, wait_until="networkidle")
            banner = page.get_by_role("status").filter(has_text=fa("Preview — this article is not published"))
            assert banner.is_visible()
            direction = page.evaluate("getComputedStyle(document.querySelector('.preview-banner')).direction")
            assert direction == "rtl"
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"the preview scrolls sideways by {overflow}px at {viewport['width']}px"
            assert page.locator(".share-links, .short-link, #comments").count() == 0
            assert watcher.problems == []
            if name == "desktop":
                assert axe_violations(page) == []
            path = ARTIFACTS / f"preview-link-{name}.png"
            path.unlink(missing_ok=True)
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
        finally:
            context.close()


def test_the_admin_page_that_makes_a_preview_link(chromium, live_server, chief_editor):
    site = build_seed_site(published_at=timezone.now() + timedelta(days=2))
    context = chromium.new_context(
        locale="fa-IR",
        base_url=live_server.url,
        viewport=WIDTHS["desktop"],
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    try:
        page.goto(f"/admin/login/?next=/admin/articles/article/{site.article.pk}/change/")
        page.fill("#id_username", "chief")
        page.fill("#id_password", "pw-chief")
        page.click("input[type=submit]")
        page.get_by_role("link", name=fa("Preview link")).click()
        page.get_by_role("button", name=fa("Create a preview link")).click()
        url = page.input_value("#preview-link-url")
        assert url.startswith(f"{live_server.url}/preview/")
        copy = page.get_by_role("button", name=fa("Copy"))
        copy.click()
        # The label changes when the clipboard's promise settles, a moment after the click.
        expect(copy).to_have_text(fa("Copied"))
        assert page.evaluate("navigator.clipboard.readText()") == url
        path = ARTIFACTS / "preview-link-admin-desktop.png"
        path.unlink(missing_ok=True)
        page.screenshot(path=str(path), full_page=True)
    finally:
        context.close()
