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
