"""An editor pastes a press release in Chromium (fa-IR), checks the parsed fields and saves a draft.
Screenshots of the paste and check steps at 1366 px and 390 px go to artifacts/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article
from tests.articles.test_admin_paste import HEADLINE, KICKER, RELEASE
from tests.browser.helpers import ARTIFACTS
from tests.factories import make_official, make_organization, make_section

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("screen", sorted(WIDTHS))
def test_an_editor_pastes_checks_and_saves_a_press_release(chromium, live_server, editor, screen):
    make_section(name="فارس", slug="fars")
    make_official(name="سید کاظم موسوی")
    make_organization(name="دادگستری فارس")
    ARTIFACTS.mkdir(exist_ok=True)
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=WIDTHS[screen])
    page = context.new_page()
    url = reverse("admin:articles_article_paste")
    page.goto(f"/admin/login/?next={url}")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor")
    page.click("input[type=submit]")

    page.fill("#id_text", RELEASE)
    page.screenshot(path=ARTIFACTS / f"admin-paste-{screen}.png", full_page=True)
    # Nothing overflows sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.click("text=بررسی بخش‌های خوانده‌شده")
    assert page.locator(".paste-headline").inner_text() == HEADLINE
    assert KICKER in page.locator(".paste-fields").inner_text()
    assert Article.objects.count() == 0
    page.screenshot(path=ARTIFACTS / f"admin-paste-check-{screen}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    page.click("text=ذخیره به‌صورت پیش‌نویس")
    page.wait_for_url("**/change/")
    assert "پیش‌نویس ذخیره شد" in page.locator(".messagelist").inner_text()
    context.close()
    assert Article.objects.get().status == Article.Status.DRAFT
