"""The front page in Debian's Chromium: a phone (390 px, DPR 2) downloads no image wider than about 800 px
there or on the article page, the lead photo loads first and the rest lazily, the urgent bar moves only
where motion is welcome, and screenshots of the front with and without photos at 1366 px and 390 px."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.browser.helpers import ARTIFACTS, PageWatcher, axe_violations
from tests.browser.seed import build_front

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
PHONE_LIMIT = 800  # px: what a 390 px screen at DPR 2 needs for a full-width photo (780 px), rounded up


@pytest.fixture
def front_with_photos(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_front(photos=True)


@pytest.fixture
def front_without_photos():
    return build_front(photos=False)


def phone_page(chromium, live_server):
    context = chromium.new_context(
        locale="fa-IR", base_url=live_server.url, viewport=PHONE, device_scale_factor=2
    )
    return context, context.new_page()


EVERY_IMAGE_LOADED = """async () => {
  // Each lazy image in turn brought into view, and waited for: then every photo has been fetched.
  for (const img of document.images) {
    img.scrollIntoView({block: "center"});
    if (!img.complete) await new Promise((done) => img.addEventListener("load", done, {once: true}));
  }
  window.scrollTo(0, 0);
}"""


def images_downloaded(page, url: str) -> tuple[dict[str, int], list[str]]:
    """Open `url`, bring every lazy image into view, and return each image response's decoded width by
    URL, and the currentSrc of every <img> on the page."""
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    page.evaluate(EVERY_IMAGE_LOADED)
    page.wait_for_load_state("networkidle")
    widths = {}
    for response in responses:
        if response.request.resource_type == "image" and response.ok:
            with Image.open(io.BytesIO(response.body())) as picture:
                widths[response.url] = picture.width
    current = page.evaluate("[...document.images].map((img) => img.currentSrc)")
    return widths, current


def test_a_phone_downloads_no_image_wider_than_about_800px_on_the_front_and_the_article_page(
    chromium, live_server, front_with_photos
):
    lead = front_with_photos[0]
    context, page = phone_page(chromium, live_server)
    try:
        for url in ("/", lead.get_absolute_url()):
            widths, current = images_downloaded(page, url)
            photos = {address: width for address, width in widths.items() if "/media/" in address}
            assert len(photos) >= (8 if url == "/" else 1), (url, widths)
            assert all("/renditions/" in address for address in photos), photos  # never an original
            assert max(photos.values()) <= PHONE_LIMIT, (url, photos)
            # What each <img> shows is one of those files (WebP: Chromium takes the first source).
            shown = [src for src in current if "/media/" in src]
            assert shown and all(src in photos and src.endswith(".webp") for src in shown), (shown, photos)
    finally:
        context.close()


# The files of a <picture> at least 320 px wide: what a phone takes for a photo across the screen (the
# 160 px ones are also the latest-news list's thumbnails).
SRCSET_FILES = """(picture) => [...picture.querySelectorAll("source, img")].flatMap(
  (el) => el.srcset.split(",").map((entry) => entry.trim().split(" ")))
  .filter(([url, width]) => parseInt(width) >= 320).map(([url]) => new URL(url, document.baseURI).href)"""


def test_the_lead_photo_is_fetched_first_and_photos_below_the_fold_wait(
    chromium, live_server, front_with_photos
):
    context, page = phone_page(chromium, live_server)
    requested = []
    page.on("request", lambda request: requested.append(request.url) if "/media/" in request.url else None)
    try:
        page.goto("/", wait_until="networkidle")
        lead = page.locator(".lead-photo img")
        assert lead.get_attribute("fetchpriority") == "high" and lead.get_attribute("loading") is None
        others = page.locator("main img:not(.lead-photo img)")
        assert others.count() >= 8
        assert all(loading == "lazy" for loading in others.evaluate_all("(all) => all.map((i) => i.loading)"))
        # The last section's wide photo is several screens down on a phone: it is not fetched until the
        # reader scrolls there.
        wide = page.locator(".section-block").last.locator(".article-item").first.locator("picture")
        assert wide.evaluate("(p) => p.getBoundingClientRect().top") > 4 * PHONE["height"]
        files = wide.evaluate(SRCSET_FILES)
        assert files and not set(files) & set(requested), files
        assert wide.locator("img").evaluate("(img) => img.currentSrc") == ""
        wide.scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        assert wide.locator("img").evaluate("(img) => img.currentSrc") in requested
        assert lead.evaluate("(img) => img.currentSrc") in requested
    finally:
        context.close()


def test_screenshots_of_the_front_with_and_without_photos(
    chromium, live_server, django_capture_on_commit_callbacks
):
    ARTIFACTS.mkdir(exist_ok=True)
    for kind in ("photos", "no-photos"):
        if kind == "photos":
            with django_capture_on_commit_callbacks(execute=True):
                build_front(photos=True)
        else:
            from articles.models import Article, Section

            Article.objects.all().delete()
            Section.objects.all().delete()
            build_front(photos=False)
        for width_name, viewport in (("1366", DESKTOP), ("390", PHONE)):
            # Reduced motion: the urgent bar stands still, so the picture shows its headline.
            context = chromium.new_context(
                locale="fa-IR", base_url=live_server.url, viewport=viewport, reduced_motion="reduce"
            )
            page = context.new_page()
            watcher = PageWatcher(page, live_server.url)
            try:
                page.goto("/", wait_until="networkidle")
                page.evaluate(EVERY_IMAGE_LOADED)
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"the front scrolls sideways by {overflow}px at {width_name}px"
                path = ARTIFACTS / f"front-{kind}-{width_name}.png"
                page.screenshot(path=str(path), full_page=True)
                assert path.stat().st_size > 10_000
                # The lead story's page: related news and most read beside (or below) the article.
                page.locator(".lead-story h2 a").click()
                page.wait_for_load_state("networkidle")
                page.evaluate(EVERY_IMAGE_LOADED)
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"the article scrolls sideways by {overflow}px at {width_name}px"
                page.screenshot(
                    path=str(ARTIFACTS / f"front-article-{kind}-{width_name}.png"), full_page=True
                )
                assert watcher.problems == []
            finally:
                context.close()


@pytest.mark.parametrize("page_name", ["front", "section", "search", "article"])
def test_axe_finds_no_serious_or_critical_violations_with_photos_and_every_block(
    browser_page, front_with_photos, page_name
):
    lead = front_with_photos[0]
    url = {
        "front": "/",
        "section": lead.section.get_absolute_url(),
        "search": "/search/?q=" + "فارس",
        "article": lead.get_absolute_url(),
    }[page_name]
    browser_page.goto(url, wait_until="networkidle")
    blocks = {
        "front": (".lead-photo img", ".top-stories .thumb img", ".latest .thumb img", ".most-read li"),
        "section": (".article-item .thumb img",),
        "search": (".search-results .thumb img",),
        "article": (".article-image img", ".most-read li"),
    }[page_name]
    for block in (*blocks, ".urgent-bar a", ".today time"):
        assert browser_page.locator(block).count() >= 1, block
    assert axe_violations(browser_page) == []


ANIMATION = (
    "() => { const s = getComputedStyle(document.querySelector('.urgent-bar-items'));"
    " return [s.animationName, s.animationPlayState]; }"
)


def test_the_urgent_bar_moves_only_where_motion_is_welcome_and_stops_when_asked(
    chromium, live_server, front_without_photos
):
    for motion, expected in (("reduce", "none"), ("no-preference", "urgent-move-rtl")):
        context = chromium.new_context(
            locale="fa-IR", base_url=live_server.url, viewport=DESKTOP, reduced_motion=motion
        )
        page = context.new_page()
        try:
            page.goto("/", wait_until="networkidle")
            assert page.locator(".urgent-bar a").first.is_visible()
            name, state = page.evaluate(ANIMATION)
            assert name == expected
            if motion == "no-preference":
                assert state == "running"
                page.mouse.move(0, DESKTOP["height"] - 1)  # away from the bar
                page.locator(".urgent-bar-pause-label").click()
                assert page.evaluate(ANIMATION)[1] == "paused"
                page.locator(".urgent-bar-pause-label").click()
                page.mouse.move(0, DESKTOP["height"] - 1)
                assert page.evaluate(ANIMATION)[1] == "running"
            else:
                assert not page.locator(".urgent-bar-pause-label").is_visible()  # nothing to stop
        finally:
            context.close()
