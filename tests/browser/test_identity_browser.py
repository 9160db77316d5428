"""The site's identity, the share block, the print view and a footer page in Debian's Chromium, at a
1366 px desktop and a 390 px phone: screenshots into artifacts/, no sideways scrolling, no errors, the
copy button working with JavaScript and the short link there to select without it."""

from __future__ import annotations

import io

import pytest
from django.contrib.staticfiles import finders
from PIL import Image, ImageDraw, ImageFont

from tests.browser.helpers import ARTIFACTS, PageWatcher, axe_violations
from tests.browser.seed import build_seed_site
from tests.factories import attach_image, image_bytes, make_footer_page, set_identity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}


def logo_bytes() -> bytes:
    """A newsroom's mark: the letter ش on a rounded square, as a transparent PNG."""
    picture = Image.new("RGBA", (360, 360), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((0, 0, 359, 359), radius=70, fill="#8a1c1c")
    font = ImageFont.truetype(finders.find("fonts/vazirmatn/Vazirmatn-Bold.ttf"), 230)
    draw.text((180, 170), "ش", font=font, fill="#ffffff", anchor="mm")
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def site(django_capture_on_commit_callbacks):
    site = build_seed_site()
    with django_capture_on_commit_callbacks(execute=True):
        attach_image(site.article, data=image_bytes(1600, 1000, color=(70, 110, 150)))
    set_identity(
        name_fa="خبرگزاری شیرازه",
        tagline_fa="اخبار استان فارس",
        name_en="Shiraze News Agency",
        tagline_en="Fars province news",
        logo=logo_bytes(),
    )
    site.about = make_footer_page(
        title="درباره ما",
        slug="درباره-ما",
        position=1,
        body=(
            "<p>خبرگزاری شیرازه از سال ۱۳۸۵ اخبار استان فارس را پوشش می‌دهد.</p>"
            "<h2>نشانی</h2><p>شیراز، خیابان زند، ساختمان شماره ۱۲</p>"
            "<h2>تماس</h2><p>تلفن: ۰۷۱-۳۲۳۴۵۶۷۸ · رایانامه: info@example.ir</p>"
        ),
    )
    make_footer_page(title="تماس با ما", slug="تماس-با-ما", position=2, body="<p>تلفن: ۰۷۱-۳۲۳۴۵۶۷۸</p>")
    make_footer_page(
        title="قوانین و مقررات",
        slug="قوانین",
        position=3,
        body="<p>استفاده از مطالب با ذکر منبع آزاد است.</p>",
    )
    return site


def _context(chromium, live_server, viewport, **kwargs):
    return chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=viewport, **kwargs)


def _shot(page, name: str, *, locator: str | None = None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    path.unlink(missing_ok=True)
    if locator:
        page.locator(locator).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 3_000


@pytest.mark.parametrize("width", list(WIDTHS))
def test_screenshots_of_the_share_block_print_view_and_a_footer_page(chromium, live_server, site, width):
    context = _context(chromium, live_server, WIDTHS[width])
    page = context.new_page()
    watcher = PageWatcher(page, live_server.url)
    try:
        for name, url in (
            ("article", site.article.get_absolute_url()),
            ("print", f"/news/{site.article.news_code}/print/"),
            ("footer-page", site.about.get_absolute_url()),
        ):
            page.goto(url, wait_until="networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"
            if name == "article":
                _shot(page, f"identity-share-{width}", locator=".article-tools")
                _shot(page, f"identity-footer-{width}", locator=".site-footer")
                _shot(page, f"identity-header-{width}", locator=".site-header")
            else:
                _shot(page, f"identity-{name}-{width}")
        assert watcher.problems == []
    finally:
        context.close()


def test_the_copy_button_copies_the_short_link(chromium, live_server, site):
    context = _context(chromium, live_server, WIDTHS["390"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    try:
        page.goto(site.article.get_absolute_url(), wait_until="networkidle")
        button = page.locator(".copy-button")
        assert button.is_visible()
        button.click()
        page.locator("[data-copy-status]").filter(has_text="کپی شد").wait_for(state="attached")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == f"{live_server.url}/n/{site.article.news_code}"
        assert button.inner_text() == "لینک کپی شد"
    finally:
        context.close()


def test_without_javascript_the_short_link_is_there_to_select(chromium, live_server, site):
    context = _context(chromium, live_server, WIDTHS["390"], java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site.article.get_absolute_url())
        field = page.locator("#short-link")
        assert field.is_visible() and field.input_value() == f"{live_server.url}/n/{site.article.news_code}"
        assert not page.locator(".copy-button").is_visible()
        # Selectable by hand: a triple click selects the whole address in the read-only field.
        field.click(click_count=3)
        assert page.locator("#short-link:focus").count() == 1
        assert page.locator(".share-link").count() == 6
    finally:
        context.close()


def test_english_pages_show_the_english_identity(chromium, live_server, site):
    from django.utils import translation

    from tests.browser.seed import add_english

    add_english(site.article)
    with translation.override("en"):
        site.article.set_current_language("en")
        url = site.article.get_absolute_url()
    context = _context(chromium, live_server, WIDTHS["1366"])
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        assert page.locator(".site-name").inner_text() == "Shiraze News Agency"
        assert page.title().endswith(" - Shiraze News Agency")
        assert page.locator(".share-link").all_inner_texts() == [
            "Eitaa",
            "Bale",
            "Rubika",
            "Telegram",
            "WhatsApp",
            "X",
        ]
        _shot(page, "identity-share-en-1366", locator=".article-tools")
    finally:
        context.close()


@pytest.mark.parametrize("page_name", ["print", "footer-page"])
def test_axe_finds_nothing_serious_on_the_new_pages(browser_page, site, page_name):
    url = {"print": f"/news/{site.article.news_code}/print/", "footer-page": site.about.get_absolute_url()}[
        page_name
    ]
    browser_page.goto(url, wait_until="networkidle")
    assert axe_violations(browser_page) == []
