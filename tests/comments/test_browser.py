"""End to end in Debian's Chromium: a reader posts, a moderator approves in the admin, the reader sees it;
a like changes the count in place; reply and report open in place with JavaScript and work as links
and pages without it."""

import pytest

from articles.persian import persian_digits
from comments.models import Comment
from tests.factories import make_article
from tests.i18n import fa, fa_plural

pytestmark = pytest.mark.browser


def test_reader_posts_moderator_approves_reader_sees_it_and_likes_it(
    browser_page, chromium, live_server, moderator, settings
):
    from playwright.sync_api import expect

    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0  # a test types faster than the bot threshold
    article = make_article(title="مجموعه قضایی فارس")
    page = browser_page

    # The reader posts; the page answers in place (the marker survives: no reload).
    page.goto(article.get_absolute_url())
    page.evaluate("window.__noReload = true")
    page.fill("#id_name", "مریم")
    page.fill("#id_body", "خدمات الکترونیک قضایی واقعا کار را آسان کرده است")
    page.click("[data-comment-form] button[type=submit]")
    expect(page.locator("[data-notices]")).to_contain_text(
        fa("Thank you. Your comment was received and will appear after review.")
    )
    expect(page.locator('[data-count="pending"]')).to_have_text("۱")
    assert page.evaluate("window.__noReload") is True
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING

    # The moderator logs in through the admin's form and approves it from the queue.
    moderator_context = chromium.new_context(locale="fa-IR", base_url=live_server.url)
    admin = moderator_context.new_page()
    admin.goto("/admin/login/?next=/admin/comments/pendingcomment/")
    admin.fill("#id_username", "moderator")
    admin.fill("#id_password", "pw-moderator")
    admin.click("input[type=submit]")
    expect(admin.locator("#result_list")).to_contain_text("خدمات الکترونیک قضایی")
    admin.check(f"input[name=_selected_action][value='{comment.pk}']")
    admin.select_option("select[name=action]", "approve_comments")
    admin.click("button[name=index]")
    expect(admin.locator(".messagelist")).to_contain_text(
        persian_digits(fa_plural("%d comment published.", "%d comments published.", 1) % 1)
    )
    moderator_context.close()

    # The reader reloads and sees it, then likes it without a reload.
    page.reload()
    item = page.locator(f"#comment-{comment.pk}")
    expect(item).to_contain_text("خدمات الکترونیک قضایی واقعا کار را آسان کرده است")
    expect(item.locator("[data-likes]")).to_have_text("۰")
    page.evaluate("window.__noReload = true")
    item.locator("button[value=like]").click()
    expect(item.locator("[data-likes]")).to_have_text("۱")
    assert page.evaluate("window.__noReload") is True
    comment.refresh_from_db()
    assert comment.likes == 1
    expect(page.locator('[data-count="published"]')).to_have_text("۱")


def test_reply_and_report_open_in_place_under_the_comment(browser_page, live_server, settings):
    from playwright.sync_api import expect

    from comments.models import Report
    from tests.browser.helpers import axe_violations
    from tests.comments.helpers import make_comment

    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    article = make_article(title="نشست شورای قضایی")
    first = make_comment(article, name="مریم", body="نظر نخست")
    second = make_comment(article, name="علی", body="نظر دوم")
    page = browser_page
    page.goto(article.get_absolute_url())
    page.evaluate("window.__noReload = true")

    # Report: the one report form opens under the reported comment and answers in place.
    item = page.locator(f"#comment-{second.pk}")
    item.locator(".comment-report").click()
    report_form = item.locator("[data-report-form]")
    expect(report_form).to_be_visible()
    assert axe_violations(page) == []  # with the report form open in the thread
    report_form.locator("select").select_option("spam")
    report_form.locator("button[type=submit]").click()
    expect(page.locator("[data-notices]")).to_contain_text(
        fa("Thank you. A moderator will look at this comment.")
    )
    expect(page.locator("[data-report-form]")).to_be_hidden()
    assert Report.objects.get().comment_id == second.pk

    # Reply: the one comment form moves under the comment; cancelling puts it back.
    page.locator(f"#comment-{first.pk} .comment-reply").click()
    moved = page.locator(f"#comment-{first.pk} [data-comment-form]")
    expect(moved).to_be_visible()
    expect(moved.locator("[name=parent]")).to_have_value(str(first.pk))
    moved.locator("[data-cancel-reply]").click()
    expect(page.locator(f"#comment-{first.pk} [data-comment-form]")).to_have_count(0)
    expect(page.locator("[name=parent]")).to_have_value("")
    page.locator(f"#comment-{first.pk} .comment-reply").click()
    page.fill("#id_body", "پاسخ من به مریم")
    page.click("[data-comment-form] button[type=submit]")
    expect(page.locator("[data-notices]")).to_contain_text(
        fa("Thank you. Your comment was received and will appear after review.")
    )
    assert page.evaluate("window.__noReload") is True
    assert Comment.objects.get(body="پاسخ من به مریم").parent_id == first.pk


def test_reply_and_report_work_without_javascript(chromium, live_server, settings):
    from playwright.sync_api import expect

    from comments.models import Report
    from tests.comments.helpers import make_comment

    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    article = make_article(title="دیدار مردمی")
    comment = make_comment(article, name="مریم", body="نظر نخست")
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(article.get_absolute_url())
        page.locator(f"#comment-{comment.pk} .comment-reply").click()
        assert f"reply={comment.pk}" in page.url
        expect(page.locator("[data-replying-to]")).to_contain_text("مریم")
        page.fill("#id_body", "پاسخ بی‌جاوااسکریپت")
        page.click("[data-comment-form] button[type=submit]")
        expect(page.locator("[data-notices]")).to_contain_text(
            fa("Thank you. Your comment was received and will appear after review.")
        )
        assert Comment.objects.get(body="پاسخ بی‌جاوااسکریپت").parent_id == comment.pk

        page.locator(f"#comment-{comment.pk} .comment-report").click()
        expect(page.locator("h1")).to_have_text(fa("Report a comment"))
        page.select_option("select[name=reason]", "abuse")
        page.click(".comment-report-form button[type=submit]")
        expect(page.locator("[data-notices]")).to_contain_text(
            fa("Thank you. A moderator will look at this comment.")
        )
        assert Report.objects.get().reason == "abuse"

        page.locator(f"#comment-{comment.pk} button[value=like]").click()
        expect(page.locator(f"#comment-{comment.pk} [data-likes]")).to_have_text("۱")
    finally:
        context.close()


SCREENS = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}


def _shoot(page, name: str) -> None:
    """The comment block into artifacts/ (looked at, not compared)."""
    from tests.browser.helpers import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#comments").screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _votes_by_others(comment, likes: int = 0, dislikes: int = 0) -> None:
    """Votes cast by other readers, with the counts they make."""
    from comments.models import Vote

    for n, value in enumerate([1] * likes + [-1] * dislikes):
        Vote.objects.create(comment=comment, voter=f"other-{n}", ip_hash=f"client-{n}", value=value)
    Comment.objects.filter(pk=comment.pk).update(likes=likes, dislikes=dislikes)


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_the_readers_votes_show_pressed_with_drawn_thumbs(chromium, live_server, settings, screen):
    from playwright.sync_api import expect

    from tests.browser.helpers import axe_violations
    from tests.comments.helpers import make_comment

    article = make_article(title="نشست شورای قضایی استان فارس")
    first = make_comment(article, name="مریم", body="خدمات الکترونیک قضایی کار را آسان کرده است.")
    second = make_comment(article, name="علی", body="کاش ساعت کار دفترها هم بیشتر شود.")
    _votes_by_others(first, likes=4, dislikes=1)
    _votes_by_others(second, likes=2, dislikes=3)
    make_comment(article, parent=first, body="از همراهی شما سپاسگزاریم.", is_staff_reply=True)
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(article.get_absolute_url())
        like = page.locator(f"#comment-{first.pk} > .comment-actions button[value=like]")
        dislike = page.locator(f"#comment-{second.pk} > .comment-actions button[value=dislike]")
        expect(like).to_have_attribute("aria-pressed", "false")
        like.click()
        expect(like).to_have_attribute("aria-pressed", "true")
        dislike.click()
        expect(dislike).to_have_attribute("aria-pressed", "true")
        # Drawn by the page, whatever fonts the phone has: an SVG mask of some size, no text.
        thumb = page.evaluate(
            """(button) => {
                const s = getComputedStyle(button, "::before");
                const mask = s.maskImage || s.webkitMaskImage;
                return {mask: mask, width: parseFloat(s.width), content: s.content};
            }""",
            like.element_handle(),
        )
        assert "svg" in thumb["mask"] and thumb["width"] > 10 and thumb["content"] in ('""', "none")
        # The server draws the same state: a reload (or a reader without JavaScript) sees it too.
        page.reload()
        expect(like).to_have_attribute("aria-pressed", "true")
        expect(like).to_have_accessible_name(f"{fa('Like')} {persian_digits(5)}")
        expect(dislike).to_have_attribute("aria-pressed", "true")
        expect(page.locator(f"#comment-{second.pk} > .comment-actions button[value=like]")).to_have_attribute(
            "aria-pressed", "false"
        )
        assert axe_violations(page) == []
        _no_sideways_scroll(page)
        _shoot(page, f"comments-votes-{screen}")
    finally:
        context.close()


def test_a_vote_without_javascript_comes_back_pressed(chromium, live_server):
    from playwright.sync_api import expect

    from tests.comments.helpers import make_comment

    article = make_article(title="دیدار مردمی")
    comment = make_comment(article, name="مریم", body="نظر نخست")
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(article.get_absolute_url())
        page.locator(f"#comment-{comment.pk} button[value=dislike]").click()
        expect(page.locator("[data-notices]")).to_contain_text(fa("Your vote was counted."))
        expect(page.locator(f"#comment-{comment.pk} button[value=dislike]")).to_have_attribute(
            "aria-pressed", "true"
        )
        page.locator(f"#comment-{comment.pk} button[value=dislike]").click()
        expect(page.locator("[data-notices]")).to_contain_text(fa("Your vote was withdrawn."))
        expect(page.locator(f"#comment-{comment.pk} button[value=dislike]")).to_have_attribute(
            "aria-pressed", "false"
        )
    finally:
        context.close()


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_a_held_comment_turns_no_comments_yet_into_awaiting_review(chromium, live_server, settings, screen):
    from playwright.sync_api import expect

    from tests.browser.helpers import axe_violations

    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    article = make_article(title="مجموعه قضایی فارس")
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url, viewport=SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(article.get_absolute_url())
        expect(page.locator("[data-empty]")).to_have_text(fa("No comments yet."))
        page.fill("#id_body", "نظری که در صف بررسی می‌ماند")
        page.click("[data-comment-form] button[type=submit]")
        awaiting = fa(
            "No comment has been published yet; the comments sent are awaiting a moderator's review."
        )
        expect(page.locator("[data-empty]")).to_have_text(awaiting)
        expect(page.locator('[data-count="pending"]')).to_have_text("۱")
        page.reload()  # and the server says the same
        expect(page.locator("[data-empty]")).to_have_text(awaiting)
        assert axe_violations(page) == []
        _no_sideways_scroll(page)
        _shoot(page, f"comments-awaiting-review-{screen}")
    finally:
        context.close()


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_the_comment_block_of_an_english_article_is_english(chromium, live_server, settings, screen):
    import re

    from django.utils import translation
    from playwright.sync_api import expect

    from tests.browser.helpers import axe_violations
    from tests.comments.helpers import make_comment

    article = make_article(
        language="en",
        title="Fars judiciary opens 12 e-service offices",
        lead="The head of the Fars judiciary spoke to judicial managers.",
        body="<p>Fars is among the pioneers of electronic judicial services, with 11 courts online.</p>",
    )
    top = make_comment(article, name="Maryam", body="E-services made my case much faster.")
    _votes_by_others(top, likes=6, dislikes=1)
    make_comment(article, parent=top, body="Thank you for writing to us.", is_staff_reply=True)
    make_comment(article, status=Comment.Status.PENDING, body="Held")
    with translation.override("en"):
        article.set_current_language("en")
        url = article.get_absolute_url()
    context = chromium.new_context(locale="en-US", base_url=live_server.url, viewport=SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(url)
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
        page.locator(f"#comment-{top.pk} > .comment-actions button[value=like]").click()
        expect(page.locator(f"#comment-{top.pk} > .comment-actions [data-likes]")).to_have_text("7")
        block = page.locator("#comments").inner_text()
        assert "Readers' comments" in block and "Awaiting review: 1" in block
        assert not re.search(r"[\u0600-\u06ff]", block), block
        assert axe_violations(page) == []
        _no_sideways_scroll(page)
        _shoot(page, f"comments-english-{screen}")
    finally:
        context.close()


def test_a_comment_published_at_once_replaces_no_comments_yet(browser_page, settings):
    from playwright.sync_api import expect

    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    article = make_article(title="مجموعه قضایی فارس")
    page = browser_page
    page.goto(article.get_absolute_url())
    expect(page.locator("[data-empty]")).to_have_count(1)
    page.fill("#id_body", "نظری که بی‌درنگ منتشر می‌شود")
    page.click("[data-comment-form] button[type=submit]")
    expect(page.locator("[data-thread] .comment")).to_contain_text("نظری که بی‌درنگ منتشر می‌شود")
    expect(page.locator("[data-empty]")).to_have_count(0)
