"""End to end in Debian's Chromium: a reader posts, a moderator approves in the admin, the reader sees it;
a like changes the count in place."""

import pytest

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
        fa_plural("%d comment published.", "%d comments published.", 1) % 1
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
