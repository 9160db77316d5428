"""The moderators' queue in Debian's Chromium (fa-IR): a moderator clears a queue with the keyboard and
replies as the newsroom; the page fits 1366 px without sideways scrolling and stacks at 390 px."""

import re

import pytest

from comments.models import Comment, RejectionReason, Report
from tests.browser.helpers import ARTIFACTS, axe_violations
from tests.comments.helpers import make_comment
from tests.factories import make_article
from tests.i18n import fa

pytestmark = pytest.mark.browser

TEXTS = [
    "خدمات الکترونیک قضایی واقعا کار را آسان کرده است و دیگر لازم نیست برای هر کاری به دادگاه برویم. "
    "امیدوارم همین روند در شهرستان‌ها هم ادامه پیدا کند.",
    "این خبر ناقص است؛ زمان جلسه بعدی را ننوشته‌اید.",
    "تبلیغ فروش ویژه کلیک کنید",
]


def _login(context, path):
    page = context.new_page()
    page.goto(f"/admin/login/?next={path}")
    page.fill("#id_username", "moderator")
    page.fill("#id_password", "pw-moderator")
    page.click("input[type=submit]")
    return page


def _queue_violations(page) -> list[dict]:
    """axe's serious findings on the page, less Django's own breadcrumbs (coloured links in the admin's
    header bar, the whole admin's matter, not the queue's)."""
    return [
        violation
        for violation in axe_violations(page)
        if not all(".breadcrumbs" in target[0] for target in violation["targets"])
    ]


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_moderator_clears_the_queue_with_the_keyboard_and_replies_as_the_newsroom(
    chromium, live_server, moderator
):
    from playwright.sync_api import expect

    article = make_article(title="نشست شورای قضایی استان فارس با حضور رئیس کل دادگستری و مدیران")
    good, question, advert = (
        make_comment(article, body=text, status=Comment.Status.PENDING, ip_hash=f"c{n}", name="مریم")
        for n, text in enumerate(TEXTS)
    )
    reported = make_comment(article, body="نظری که گزارش شده است", ip_hash="c9", report_count=3)
    for n, reason in enumerate(["abuse", "abuse", "spam"]):
        Report.objects.create(comment=reported, ip_hash=f"r{n}", reason=reason)
    reason = RejectionReason.objects.create(text="تبلیغ آشکار کالا", position=0)
    queue = "/admin/comments/pendingcomment/"
    ARTIFACTS.mkdir(exist_ok=True)

    context = chromium.new_context(
        locale="fa-IR", base_url=live_server.url, viewport={"width": 1366, "height": 900}
    )
    page = _login(context, queue)
    expect(page.locator("#queue-keys")).to_be_visible()
    assert _no_sideways_scroll(page)
    assert _queue_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "queue-1366.png"), full_page=True)

    # The first comment is current from the start; a publishes it, and the row in its place is current
    # when the page comes back.
    rows = page.locator("#result_list tbody tr")
    expect(rows.first).to_have_class(re.compile("queue-current"))
    page.keyboard.press("a")
    expect(page.locator(".messagelist")).to_contain_text(fa("The comment was published."))
    # r without a reason goes to the reason list instead of sending a rejection without one.
    expect(rows.first).to_contain_text(TEXTS[1])
    page.keyboard.press("j")
    expect(rows.nth(1)).to_have_class(re.compile("queue-current"))
    page.evaluate("window.__noReload = true")
    page.keyboard.press("r")
    expect(page.locator("[name=listed_reason]")).to_be_focused()
    # The reason from the keyboard: arrows choose, Enter comes back to the same row (and does not submit
    # the list's form); Escape does too, from the reason's text box.
    page.keyboard.press("ArrowDown")
    expect(page.locator("[name=listed_reason]")).to_have_value(str(reason.pk))
    page.keyboard.press("Enter")
    expect(rows.nth(1)).to_be_focused()
    page.locator("[name=reason]").focus()
    page.keyboard.press("Escape")
    expect(rows.nth(1)).to_be_focused()
    assert page.evaluate("window.__noReload") is True  # Enter did not submit the list's form
    page.keyboard.press("s")  # the advert is spam after all
    expect(page.locator(".messagelist")).to_contain_text(fa("The comment was marked as spam."))
    # p on the question opens the newsroom reply, with the comment and article shown, not typed.
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_class(re.compile("queue-current"))
    page.keyboard.press("p")
    expect(page.locator(".queue-reply")).to_contain_text(TEXTS[1])
    expect(page.locator(".queue-reply")).to_contain_text("نشست شورای قضایی")
    page.fill("textarea[name=body]", "زمان جلسه بعدی به خبر افزوده شد.")
    page.screenshot(path=str(ARTIFACTS / "queue-reply-1366.png"), full_page=True)
    page.click(".queue-reply input[type=submit]")
    expect(page.locator(".messagelist")).to_contain_text(fa("The newsroom's reply was published."))
    expect(page.locator("#result_list")).to_have_count(0)  # the queue is clear

    for comment in (good, question, advert):
        comment.refresh_from_db()
    assert [good.status, question.status, advert.status] == ["published", "published", "spam"]
    reply = Comment.objects.get(parent=question)
    assert reply.is_staff_reply and reply.status == Comment.Status.PUBLISHED and reply.author == moderator

    # The reported queue shows the reasons counted; dismissing keeps the comment published.
    page.goto("/admin/comments/reportedcomment/")
    expect(page.locator("#result_list")).to_contain_text(f"{fa('insulting or abusive')} ×۲")
    assert _no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "queue-reported-1366.png"), full_page=True)
    page.click("button[value=dismiss]")
    expect(page.locator(".messagelist")).to_contain_text(
        fa("The reports were dismissed; the comment stays published.")
    )
    reported.refresh_from_db()
    assert reported.status == Comment.Status.PUBLISHED and reported.report_count == 0
    context.close()


def test_the_queue_on_a_phone(chromium, live_server, moderator):
    article = make_article(title="دیدار مردمی رئیس کل دادگستری استان")
    for n, text in enumerate(TEXTS):
        make_comment(article, body=text, status=Comment.Status.PENDING, ip_hash=f"p{n}")
    context = chromium.new_context(
        locale="fa-IR", base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = _login(context, "/admin/comments/pendingcomment/")
    page.wait_for_selector("#result_list")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "queue-390.png"), full_page=True)
    width = page.evaluate("document.querySelector('.queue-text').getBoundingClientRect().width")
    assert width > 250  # the text has the width of the phone, not one word per line
    # The action bar: each reason field whole on the screen, on one line with its label (the list was
    # cut off at the edge, the text box stretched tall and its label broke a word a line).
    for name in ("listed_reason", "reason"):
        box = page.locator(f"#changelist-form [name={name}]").bounding_box()
        label = page.locator(f"#changelist-form label:has([name={name}])").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, name
        assert box["height"] < 48 and label["height"] < 48, name
    context.close()
