"""Photos in Debian's Chromium: a phone downloads phone-sized files; screenshots of articles with and
without a photo and of the social card, at 1366 px and 390 px."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from tests.browser.helpers import ARTIFACTS, PageWatcher, axe_violations, wait_for_ckeditor
from tests.factories import attach_image, make_article
from tests.i18n import fa

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def photo_bytes(width: int = 2400, height: int = 1600) -> bytes:
    """Something that looks like a photo (sky, ground, a sun), so the screenshots show the crop."""
    picture = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        shade = round(255 * y / height)
        draw.line([(0, y), (width, y)], fill=(80 + shade // 3, 140 + shade // 4, 255 - shade // 2))
    draw.rectangle((0, height * 2 // 3, width, height), fill=(70, 120, 60))
    draw.ellipse((width * 0.65, height * 0.15, width * 0.8, height * 0.38), fill=(250, 210, 60))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def articles():
    body = "".join(f"<p>بند {n} متن خبر درباره خدمات الکترونیک قضایی در استان فارس.</p>" for n in range(8))
    with_photo = attach_image(
        make_article(
            kicker="رئیس کل دادگستری فارس در جمع مدیران مجموعه قضایی استان:",
            title="مجموعه قضایی فارس از پیشگامان خدمات الکترونیک قضایی در سطح کشور است",
            body=body,
            image_caption="ساختمان دادگستری کل استان فارس",
        ),
        data=photo_bytes(),
        x=0.72,
        y=0.27,
    )
    without_photo = make_article(
        kicker="در نشست شورای قضایی استان:",
        title="تأکید رئیس کل دادگستری فارس بر اطلاع رسانی عملکرد دستگاه قضایی",
        body=body,
    )
    return with_photo, without_photo


def downloaded_images(chromium, live_server, url: str, *, viewport: dict, scale: float) -> dict[str, int]:
    """Every image the page downloads (scrolled to the end, so lazy ones load too): URL → decoded width."""
    context = chromium.new_context(
        locale="fa-IR", base_url=live_server.url, viewport=viewport, device_scale_factor=scale
    )
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        widths = {}
        for response in responses:
            if response.request.resource_type == "image" and response.ok:
                with Image.open(io.BytesIO(response.body())) as picture:
                    widths[response.url] = picture.width
        return widths
    finally:
        context.close()


def test_a_phone_downloads_no_photo_wider_than_about_800px(chromium, live_server, articles):
    with_photo, _without = articles
    widths = downloaded_images(chromium, live_server, with_photo.get_absolute_url(), viewport=PHONE, scale=2)
    photos = {url: width for url, width in widths.items() if "/media/" in url}
    assert photos, widths  # the photo was downloaded, as a rendition
    assert all("/renditions/" in url for url in photos), photos
    assert max(photos.values()) <= 800, photos
    assert all(url.endswith(".webp") for url in photos), photos  # Chromium takes the WebP source


def test_a_desktop_gets_a_sharper_rendition_but_never_the_original(chromium, live_server, articles):
    with_photo, _without = articles
    widths = downloaded_images(
        chromium, live_server, with_photo.get_absolute_url(), viewport=DESKTOP, scale=1
    )
    photos = {url: width for url, width in widths.items() if "/media/" in url}
    assert photos and all("/renditions/" in url for url in photos), photos
    assert 736 <= max(photos.values()) <= 1200, photos  # the 46rem column, at one pixel per pixel


def test_screenshots_of_articles_with_and_without_a_photo_and_of_the_social_card(
    chromium, live_server, articles
):
    ARTIFACTS.mkdir(exist_ok=True)
    with_photo, without_photo = articles
    for width_name, viewport in (("1366", DESKTOP), ("390", PHONE)):
        context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=viewport)
        page = context.new_page()
        watcher = PageWatcher(page, live_server.url)
        try:
            cards = {}
            for name, article in (("photo", with_photo), ("no-photo", without_photo)):
                page.goto(article.get_absolute_url(), wait_until="networkidle")
                path = ARTIFACTS / f"article-{name}-{width_name}.png"
                page.screenshot(path=str(path), full_page=True)
                assert path.stat().st_size > 10_000
                if name == "photo":  # nothing jumps: the photo's box has its height before it loads
                    box = page.locator(".article-image img").bounding_box()
                    assert box["width"] > 300 and abs(box["height"] / box["width"] - 1067 / 1600) < 0.02
                cards[name] = page.locator('meta[property="og:image"]').get_attribute("content")
            assert watcher.problems == []
            for name, card in cards.items():  # the card alone (Chromium then asks for a favicon: 404)
                page.goto(card, wait_until="networkidle")
                page.screenshot(path=str(ARTIFACTS / f"social-card-{name}-{width_name}.png"))
        finally:
            context.close()


def test_an_editor_sets_the_focal_point_by_clicking_the_preview(chromium, live_server, articles, editor):
    with_photo, _without = articles
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=DESKTOP)
    page = context.new_page()
    try:
        url = f"/admin/articles/article/{with_photo.pk}/change/"
        page.goto(f"/admin/login/?next={url}")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "pw-editor")
        page.click("input[type=submit]")
        page.locator(".focal-point").evaluate("box => box.closest('details')?.setAttribute('open', '')")
        preview = page.locator(".focal-point img")
        preview.wait_for()
        box = preview.bounding_box()
        preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
        assert abs(float(page.input_value("#id_image_focal_x")) - 0.25) <= 0.01
        assert abs(float(page.input_value("#id_image_focal_y")) - 0.75) <= 0.01
        assert page.locator(".focal-marker").is_visible()
        page.locator(".focal-point").screenshot(path=str(ARTIFACTS / "admin-focal-point.png"))
        page.click("input[name=_save]")
        page.wait_for_url("**/admin/articles/article/**")
    finally:
        context.close()
    with_photo.refresh_from_db()
    assert (round(with_photo.image_focal_x, 2), round(with_photo.image_focal_y, 2)) == (0.25, 0.75)


def test_axe_finds_no_serious_or_critical_violations_on_an_article_with_a_photo(browser_page, articles):
    with_photo, _without = articles
    browser_page.goto(with_photo.get_absolute_url(), wait_until="networkidle")
    assert browser_page.locator(".article-image picture img").count() == 1
    assert axe_violations(browser_page) == []


UPLOAD_FROM_CKEDITOR = """async (svg) => {
  const editor = CKEDITOR.instances.id_body;
  let file;
  if (svg) {
    file = new File([svg], "drawing.svg", {type: "image/png"});
  } else {
    const canvas = document.createElement("canvas");
    canvas.width = 900; canvas.height = 600;
    canvas.getContext("2d").fillRect(0, 0, 450, 300);
    const blob = await new Promise((done) => canvas.toBlob(done, "image/png"));
    file = new File([blob], "pasted.png", {type: "image/png"});
  }
  const loader = editor.uploadRepository.create(file);
  return await new Promise((done) => {
    loader.on("uploaded", () => done({status: "uploaded", url: loader.url}));
    loader.on("error", () => done({status: "error", message: loader.message}));
    loader.loadAndUpload(editor.config.uploadUrl);
  });
}"""


def test_ckeditor_uploads_a_pasted_image_through_our_view(chromium, live_server, editor):
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto("/admin/login/?next=/admin/articles/article/add/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "pw-editor")
        page.click("input[type=submit]")
        wait_for_ckeditor(page)  # not wait_for_function: the admin's CSP refuses eval
        uploaded = page.evaluate(UPLOAD_FROM_CKEDITOR, None)
        assert uploaded["status"] == "uploaded", uploaded
        assert uploaded["url"].startswith("/media/body/") and uploaded["url"].endswith("-900x600.png")
        refused = page.evaluate(UPLOAD_FROM_CKEDITOR, '<svg xmlns="http://www.w3.org/2000/svg"/>')
        assert refused["status"] == "error", refused
        # CKEditor shows our reason, in Persian (static/js/ckeditor_uploads.js), not its generic HTTP error.
        assert refused["message"] == fa(
            "This file is not a photo we accept: upload a JPEG, PNG, WebP or GIF image."
        )
    finally:
        context.close()
