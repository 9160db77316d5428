"""The article list in Debian's Chromium (fa-IR) at 1366 px, beside the navigation and the filters: every
column in view and the headline readable (its long Persian column headings squeezed the headline to a
word a line and pushed the last columns out of view), a scheduled article said to be scheduled, and
Django's own numbers in Persian digits."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import ARTIFACTS
from tests.browser.seed import build_seed_site
from tests.i18n import fa

pytestmark = pytest.mark.browser


def test_the_article_list_fits_beside_the_navigation_and_the_filters(chromium, live_server, chief_editor):
    site = build_seed_site(published_at=timezone.now() + timedelta(days=2))
    context = chromium.new_context(
        locale="fa-IR", base_url=live_server.url, viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto("/admin/login/?next=/admin/articles/article/")
        page.fill("#id_username", "chief")
        page.fill("#id_password", "pw-chief")
        page.click("input[type=submit]")
        results = page.locator(".results")
        results.wait_for()
        assert page.locator("#nav-sidebar").is_visible() and page.locator("#changelist-filter").is_visible()
        assert results.evaluate("element => element.scrollWidth <= element.clientWidth"), "columns cut off"
        headline = page.locator("#result_list .field-title_column").first
        assert headline.bounding_box()["width"] >= 170  # a few words a line, not one
        assert page.locator("#result_list .field-status_column").first.inner_text() == fa("scheduled")
        # Django's own numbers in Persian digits: the count under the list, the sort priorities, and
        # the selection counter its script rewrites on every tick.
        assert page.locator(".paginator").inner_text().strip().startswith("۱ ")
        assert sorted(page.locator("#result_list thead .sortpriority").all_inner_texts()) == ["۱", "۲"]
        counter = page.locator(".action-counter")
        assert not re.search("[0-9]", counter.inner_text())
        page.locator("#result_list input[name=_selected_action]").check()
        expect(counter).to_contain_text("۱")
        assert not re.search("[0-9]", counter.inner_text()), counter.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "admin-article-list-1366.png"), full_page=True)
    finally:
        context.close()
    assert site.article.is_scheduled
