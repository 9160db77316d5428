"""Tags in Debian's Chromium (fa-IR): the tag page at desktop and phone widths, with screenshots in
artifacts/; and the article form's tag field, where an editor finds a tag by a spelling variant and
adds a new one by typing it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Tag
from tests.browser.helpers import ARTIFACTS, PageWatcher
from tests.browser.seed import build_seed_site
from tests.factories import make_article, make_section, make_tag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def tagged_site():
    site = build_seed_site()
    tag = make_tag("خدمات الکترونیک قضایی")
    other = make_tag("دادگستری فارس")
    site.article.tags.add(tag, other)
    section = make_section(name="اجتماعی", slug="اجتماعی")
    for hours, kicker, title in (
        (
            3,
            "معاون قضایی دادگستری فارس:",
            "ثبت شکایت در دفاتر خدمات الکترونیک قضایی بدون مراجعه حضوری ممکن شد",
        ),
        (9, "", "ابلاغ الکترونیک اوراق قضایی در فارس به ۹۸ درصد رسید"),
        (30, "در نشست شورای اداری استان:", "سامانه پیگیری پرونده‌ها برای همه شهرستان‌های استان فعال شد"),
    ):
        make_article(
            kicker=kicker,
            title=title,
            lead="به گزارش شیرازه، این خدمت از امروز در همه دفاتر خدمات الکترونیک قضایی استان ارائه می‌شود.",
            section=section,
            tags=[tag],
            published_at=timezone.now() - timedelta(hours=hours),
        )
    return site, tag


@pytest.mark.parametrize("name", WIDTHS)
def test_tag_page_reads_right_to_left_without_sideways_scrolling(chromium, live_server, tagged_site, name):
    site, tag = tagged_site
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=WIDTHS[name])
    page = context.new_page()
    watcher = PageWatcher(page, live_server.url)
    try:
        page.goto(tag.get_absolute_url(), wait_until="networkidle")
        assert page.locator("h1").inner_text() == "خدمات الکترونیک قضایی"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        assert page.locator(".article-list .article-item").count() == 4
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the tag page scrolls sideways by {overflow}px"
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"tag-{name}.png"
        path.unlink(missing_ok=True)
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000

        # The article page's tag list leads back to the tag page.
        page.goto(site.article.get_absolute_url(), wait_until="networkidle")
        page.locator("nav.tags").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"article-tags-{name}.png"))
        page.click("nav.tags a[rel=tag] >> text=خدمات الکترونیک قضایی")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "خدمات الکترونیک قضایی"
        assert watcher.problems == []
    finally:
        context.close()


def test_editor_finds_a_tag_by_another_spelling_and_adds_a_new_one_in_the_article_form(
    chromium, live_server, editor
):
    existing = make_tag("الکترونیک")
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=WIDTHS["desktop"])
    page = context.new_page()
    watcher = PageWatcher(page, live_server.url)
    try:
        page.goto("/admin/login/?next=" + reverse("admin:articles_article_add"))
        page.fill("#id_username", "editor")
        page.fill("#id_password", "pw-editor")
        page.click("input[type=submit]")
        page.fill("#id_title", "خبر آزمایشی برچسب‌ها")
        page.locator(".field-tags .select2-search__field").click()
        # Arabic ي and ك: the suggestion is the tag written with Persian letters, and it comes first,
        # so Enter takes it; the typed spelling is offered last, as a new tag.
        page.keyboard.type("الكترونيك")
        options = page.locator(".select2-results__option")
        options.filter(has_text="الکترونیک").first.wait_for()
        assert options.all_inner_texts() == ["الکترونیک", "برچسب تازه: الكترونيك"]
        page.keyboard.press("Enter")
        page.keyboard.type("خدمات قضایی")
        options.filter(has_text="برچسب تازه: خدمات قضایی").wait_for()
        page.keyboard.press("Enter")
        page.keyboard.type("ورزش،")  # a Persian comma ends a name too
        chips = page.locator(".field-tags .select2-selection__choice")
        chips.nth(2).wait_for()
        assert [text.lstrip("×") for text in chips.all_inner_texts()] == ["الکترونیک", "خدمات قضایی", "ورزش"]
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("fieldset", has=page.locator(".field-tags")).screenshot(
            path=str(ARTIFACTS / "admin-tag-field.png")
        )
        page.click("input[name=_save]")
        page.wait_for_load_state()
        article = Article.objects.get()
        assert {str(tag) for tag in article.tags.all()} == {"الکترونیک", "خدمات قضایی", "ورزش"}
        assert Tag.objects.count() == 3 and existing in article.tags.all()
        # CKEditor warns about plugins it runs without, and the admin has no favicon: script errors and
        # requests to other hosts are what would matter here.
        assert [p for p in watcher.problems if p.startswith(("page error", "request to another"))] == []
    finally:
        context.close()
