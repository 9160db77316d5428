"""The reader site in Debian's Chromium: right to left, Vazirmatn, no errors, no sideways scrolling,
screenshots at phone and desktop widths, and axe-core finding no serious or critical violations."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from articles.models import DailyViewCount
from tests.browser.helpers import ARTIFACTS, DESKTOP, PHONE, PageWatcher, axe_violations
from tests.browser.seed import build_seed_site
from tests.factories import make_article, make_footer_page, make_tag
from tests.i18n import fa

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FONT_LOADED = """async () => {
  await document.fonts.ready;
  return [...document.fonts]
    .filter((face) => face.family.replaceAll('"', '') === 'Vazirmatn' && face.status === 'loaded')
    .map((face) => face.weight);
}"""


@pytest.fixture
def seed_site():
    site = build_seed_site()
    # A related article, so the related-news column is on the page that is checked and photographed.
    related = make_article(
        kicker="در نشست شورای قضایی استان:",
        title="تأکید رئیس کل دادگستری فارس بر اطلاع رسانی عملکرد دستگاه قضایی",
        officials=[site.official],
        section=site.article.section,
        published_at=site.article.published_at - timedelta(days=1),
    )
    # Tags, so the article page's tag list is on the page that is checked, and a tag page to check.
    site.article.tags.add(make_tag("خدمات الکترونیک قضایی"), make_tag("دادگستری فارس"))
    # An urgent article and articles read today and this week: the urgent bar and the most-read block
    # are on the pages checked and photographed.
    make_article(
        title="فوری: جلسه شورای تأمین استان فارس برگزار شد",
        urgent=True,
        section=site.article.section,
        published_at=timezone.now(),
    )
    today = timezone.localdate()
    DailyViewCount.objects.create(article=site.article, day=today, views=12)
    DailyViewCount.objects.create(article=related, day=today - timedelta(days=2), views=30)
    return site


def test_seed_article_renders_right_to_left_in_vazirmatn_without_errors(browser_page, live_server, seed_site):
    watcher = PageWatcher(browser_page, live_server.url)
    browser_page.goto(seed_site.article.get_absolute_url(), wait_until="networkidle")
    assert browser_page.locator("h1").inner_text() == seed_site.article.title
    assert browser_page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "rtl"
    assert browser_page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    loaded = browser_page.evaluate(FONT_LOADED)
    assert "400" in loaded and "700" in loaded, loaded  # body text and the bold headline
    family = browser_page.evaluate("getComputedStyle(document.querySelector('.body p')).fontFamily")
    assert family.startswith(("Vazirmatn", '"Vazirmatn"'))
    assert browser_page.locator("#comments h2").inner_text() == fa("Readers' comments")
    assert watcher.problems == []


@pytest.mark.parametrize("viewport", [PHONE, {"width": 360, "height": 740}], ids=["375px", "360px"])
def test_no_horizontal_scrolling_on_a_phone(chromium, live_server, seed_site, viewport):
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=viewport)
    page = context.new_page()
    try:
        for url in (
            "/",
            seed_site.article.get_absolute_url(),
            seed_site.official.get_absolute_url(),
            seed_site.council.get_absolute_url(),
            seed_site.article.section.get_absolute_url(),
            "/search/?" + urlencode({"q": "قوه قضاییه"}),
            "/en/",
        ):
            page.goto(url, wait_until="networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {viewport['width']}px"
    finally:
        context.close()


def test_screenshots_of_the_article_page_at_desktop_and_phone_widths(chromium, live_server, seed_site):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=viewport)
        page = context.new_page()
        try:
            page.goto(seed_site.article.get_absolute_url(), wait_until="networkidle")
            path = ARTIFACTS / f"article-{name}.png"
            path.unlink(missing_ok=True)
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
        finally:
            context.close()


def test_pages_work_without_javascript(chromium, live_server, seed_site):
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/")
        page.fill("#header-q", "قوه قضاییه")
        page.click(".search-box button")
        page.wait_for_load_state()
        assert "/search/" in page.url
        page.click(f"a[href='{seed_site.article.get_absolute_url()}']")
        assert page.locator("h1").inner_text() == seed_site.article.title
    finally:
        context.close()


@pytest.mark.parametrize(
    "page_name",
    ["front", "article", "official", "organization", "section", "search", "tag", "print", "footer-page"],
)
def test_axe_finds_no_serious_or_critical_violations(browser_page, seed_site, page_name):
    about = make_footer_page(
        title="درباره ما", slug="درباره-ما", body="<h2>خبرگزاری</h2><p>متن درباره ما</p>"
    )
    url = {
        "front": "/",
        "article": seed_site.article.get_absolute_url(),
        "official": seed_site.official.get_absolute_url(),
        "organization": seed_site.council.get_absolute_url(),
        "section": seed_site.article.section.get_absolute_url(),
        "search": "/search/?" + urlencode({"q": "قوه قضاییه"}),
        "tag": seed_site.article.tags.first().get_absolute_url(),
        "print": f"/news/{seed_site.article.news_code}/print/",
        "footer-page": about.get_absolute_url(),
    }[page_name]
    browser_page.goto(url, wait_until="networkidle")
    assert axe_violations(browser_page) == []
