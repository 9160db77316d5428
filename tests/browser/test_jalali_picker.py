"""The Jalali date picker beside the publication time, in Debian's Chromium: it opens from a labelled
button, works from the keyboard, writes the day as an editor would type it, keeps the typed time, agrees
with the server's calendar, and typing still works. Screenshots at 1366 px and 390 px in artifacts/."""

from __future__ import annotations

from datetime import date

import jdatetime
import pytest

from tests.browser.helpers import ARTIFACTS
from tests.factories import make_article

pytestmark = pytest.mark.browser


def _login(page, user: str) -> None:
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", user)
    page.fill("#id_password", f"pw-{user}")
    page.click("input[type=submit]")


def test_the_picker_fills_the_field_and_typing_still_works(chromium, live_server, chief_editor):
    article = make_article(status="draft", published_at=None)
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url)
    page = context.new_page()
    _login(page, "chief")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    field = page.locator("#id_published_at")
    field.fill("۱۴۰۵/۰۹/۰۹ ۱۲:۳۰")
    toggle = page.get_by_role("button", name="انتخاب تاریخ از تقویم شمسی")
    toggle.click()
    dialog = page.get_by_role("dialog")
    assert dialog.locator(".jalali-picker-title").inner_text() == "آذر ۱۴۰۵"
    assert page.evaluate("document.activeElement.dataset.day") == "9"  # focus on the field's day
    page.keyboard.press("ArrowLeft")  # right to left: the next day is to the left
    page.keyboard.press("ArrowDown")  # a week later
    page.keyboard.press("Enter")
    assert field.input_value() == "۱۴۰۵/۰۹/۱۷ ۱۲:۳۰"
    assert toggle.get_attribute("aria-expanded") == "false"

    toggle.click()
    page.get_by_role("button", name="ماه بعد").click()
    assert dialog.locator(".jalali-picker-title").inner_text() == "دی ۱۴۰۵"
    page.keyboard.press("Escape")
    assert page.get_by_role("dialog").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('jalali-picker-toggle')")

    # The script's calendar is the server's, leap years included.
    for day in [
        date(2025, 3, 20),
        date(2026, 3, 20),
        date(2026, 11, 30),
        date(2030, 3, 20),
        date(1990, 1, 1),
    ]:
        j = jdatetime.date.fromgregorian(date=day)
        got = page.evaluate(f"jalaliPicker.toJalali({day.year}, {day.month}, {day.day})")
        assert (got["jy"], got["jm"], got["jd"]) == (j.year, j.month, j.day), day

    ARTIFACTS.mkdir(exist_ok=True)
    for width, height in [(1366, 900), (390, 844)]:
        page.set_viewport_size({"width": width, "height": height})
        if page.get_by_role("dialog").count() == 0:
            toggle.click()
        page.get_by_role("dialog").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"admin-date-picker-{width}.png"))
        width_ok = page.evaluate("document.querySelector('.jalali-picker').getBoundingClientRect().left >= 0")
        assert width_ok, f"the calendar runs off the screen at {width} px"

    # Typing without the picker still saves, and the Jalali time is what is stored.
    page.keyboard.press("Escape")
    field.fill("1405/09/20 08:00")
    page.click("input[name=_save]")
    page.wait_for_url("**/article/")
    context.close()
    article.refresh_from_db()
    assert (
        jdatetime.datetime.fromgregorian(datetime=article.published_at).strftime("%Y/%m/%d") == "1405/09/20"
    )
