"""The editors' desk end to end, in Debian's Chromium (fa-IR), as the people who work it, each in a browser
of their own and logged in with their own role:

1. an editor pastes the seed press release, checks what was read, saves the draft, fixes the headline in
   the change form and sends the article to review;
2. a chief editor sends a signed preview link to an official (who has no account and sees the banner),
   edits the headline, compares the versions, restores the editor's, and schedules the article for a
   Jalali time a few seconds ahead, typed in Persian digits;
3. a reader gets a 404 before that time and the article after it;
4. readers comment through the form; a moderator clears the queue with the keyboard only (approve, reject
   with a listed reason, spam) and replies as the newsroom; the reader sees the reply.

Every screen is photographed at 1366 px and 390 px into artifacts/desk-NN-<screen>-<width>.png and must
not scroll sideways at either width; no page logs a console error or fails a request (PageWatcher).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import jdatetime
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, ArticleRevision
from articles.persian import jalali_datetime, persian_digits
from comments.models import Comment, RejectionReason
from tests.browser.helpers import ARTIFACTS, PageWatcher
from tests.browser.seed import SEED_FILE, build_newsroom, seed_lines
from tests.factories import make_section
from tests.i18n import fa

pytestmark = pytest.mark.browser

SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
KICKER, PASTED_HEADLINE, LEAD, *BODY = seed_lines()
# The editor's fix: «خط شکنان» needs its half-space, and the headline reads better shorter.
FIXED_HEADLINE = "مجموعه قضایی فارس از خط‌شکنان خدمات الکترونیک قضایی در کشور است"
CHIEF_HEADLINE = "رئیس کل دادگستری فارس: خدمات قضایی الکترونیک گسترش می‌یابد"
# How far ahead the chief editor schedules: enough for the save and one reader's request on a busy machine.
SCHEDULE_LEAD = timedelta(seconds=15)


@dataclass
class Person:
    """Someone at the desk: their own browser context, one page, and what that page has gone through."""

    name: str
    page: object
    watcher: PageWatcher
    # Problems a step expects (regular expressions), such as a reader's 404 before the time.
    expected: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        problems = [
            problem
            for problem in self.watcher.problems
            if not any(re.fullmatch(pattern, problem) for pattern in self.expected)
        ]
        assert problems == [], f"{self.name}'s browser: {problems}"


@dataclass
class Desk:
    chromium: object
    base_url: str
    shots: int = 0
    contexts: list = field(default_factory=list)

    def person(self, name: str, *, login: str | None = None) -> Person:
        context = self.chromium.new_context(
            locale="fa-IR", base_url=self.base_url, viewport=SCREENS["desktop"]
        )
        self.contexts.append(context)
        page = context.new_page()
        person = Person(name, page, PageWatcher(page, self.base_url))
        if login:
            page.goto("/admin/login/?next=/admin/")
            page.fill("#id_username", login)
            page.fill("#id_password", f"pw-{login}")
            page.click("input[type=submit]")
            expect(page.locator("#user-tools")).to_be_visible()
        return person

    def close(self) -> None:
        for context in self.contexts:
            context.close()

    def shoot(self, person: Person, screen: str) -> None:
        """The page as it is, at both widths, into artifacts/; neither may scroll sideways."""
        self.shots += 1
        page = person.page
        for name, viewport in SCREENS.items():
            page.set_viewport_size(viewport)
            path = ARTIFACTS / f"desk-{self.shots:02d}-{screen}-{name}.png"
            page.screenshot(path=str(path), full_page=True)  # first, to look at what fails below
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{screen} scrolls sideways by {overflow}px at {viewport['width']}px"
        page.set_viewport_size(SCREENS["desktop"])


def message(page) -> object:
    return page.locator(".messagelist")


def jalali_typed(moment: datetime) -> str:
    """What an editor types for `moment`: Tehran wall-clock time, Jalali, Persian digits, seconds if any
    (the shape the form shows the time back in)."""
    local = jdatetime.datetime.fromgregorian(datetime=timezone.localtime(moment))
    return persian_digits(local.strftime("%Y/%m/%d %H:%M" + (":%S" if local.second else "")))


# 1. The editor ------------------------------------------------------------------------------------------


def editor_pastes_the_release(desk: Desk, editor: Person) -> Article:
    page = editor.page
    page.goto("/admin/articles/article/")
    page.get_by_role("link", name=fa("Import a press release")).click()
    page.fill("#id_text", SEED_FILE.read_text(encoding="utf-8-sig"))
    desk.shoot(editor, "paste")
    page.get_by_role("button", name=fa("Check the parsed fields")).click()

    fields = page.locator(".paste-fields")
    expect(page.locator(".paste-headline")).to_have_text(PASTED_HEADLINE)
    expect(fields).to_contain_text(KICKER)
    expect(fields).to_contain_text("شیرازه")  # the agency, from «به گزارش شیرازه،»
    expect(fields).to_contain_text("سید کاظم موسوی")  # linked from the gazetteer
    assert Article.objects.count() == 0  # checking writes nothing
    desk.shoot(editor, "paste-check")

    page.get_by_role("button", name=fa("Save as draft")).click()
    page.wait_for_url("**/change/")
    article = Article.objects.get()
    expect(message(page)).to_contain_text(persian_digits(article.news_code))
    assert article.status == Article.Status.DRAFT
    assert article.title == PASTED_HEADLINE and article.kicker == KICKER and article.lead == LEAD
    assert article.source.name == "شیرازه"
    assert "سید کاظم موسوی" in [str(official.name) for official in article.officials.all()]
    editor.assert_clean()
    return article


def editor_fixes_the_headline(desk: Desk, editor: Person, article: Article) -> None:
    page = editor.page
    expect(page.locator("#id_title")).to_have_value(PASTED_HEADLINE)
    # An editor's role: no preview link to send out (chief editors only).
    expect(page.get_by_role("link", name=fa("Preview link"))).to_have_count(0)
    page.fill("#id_title", FIXED_HEADLINE)
    # The section, through the autocomplete. Each keystroke cancels the search still under way.
    editor.expected.append(r"failed: .*/admin/autocomplete/\?.* \(net::ERR_ABORTED\)")
    page.locator(".field-section .select2-selection").click()
    page.keyboard.type("قضایی")
    expect(page.locator(".select2-results__option--highlighted")).to_have_text("قضایی")
    page.keyboard.press("Enter")
    desk.shoot(editor, "editor-change-form")
    page.click("input[name=_continue]")
    expect(message(page)).to_contain_text(FIXED_HEADLINE)  # not the paste's message, still on screen
    article.refresh_from_db()
    assert article.title == FIXED_HEADLINE and article.section.name == "قضایی"
    assert article.status == Article.Status.DRAFT
    editor.assert_clean()


def editor_sends_it_to_review(desk: Desk, editor: Person, article: Article) -> None:
    page = editor.page
    page.goto("/admin/articles/article/")
    row = page.locator("#result_list tbody tr", has_text=FIXED_HEADLINE)
    row.locator("input[name=_selected_action]").check()
    # An editor's role: sending to review is offered, publishing is not.
    expect(page.locator("select[name=action] option[value=publish]")).to_have_count(0)
    page.select_option("select[name=action]", "send_to_review")
    page.click("button[name=index]")
    expect(message(page)).to_contain_text(fa("%s articles sent to review.") % "۱")
    expect(row).to_contain_text(fa("in review"))
    desk.shoot(editor, "editor-list")
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    editor.assert_clean()


# 2. The chief editor ------------------------------------------------------------------------------------


def chief_sends_a_preview_link(desk: Desk, chief: Person, official: Person, article: Article) -> str:
    page = chief.page
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name=fa("Preview link")).click()
    page.get_by_role("button", name=fa("Create a preview link")).click()
    link = page.input_value("#preview-link-url")
    assert link.startswith(f"{desk.base_url}/preview/")
    desk.shoot(chief, "chief-preview-link")
    chief.assert_clean()

    # The official has no account: the link alone shows the article, marked as not published.
    official.page.goto(link)
    banner = official.page.get_by_role("status")
    expect(banner).to_contain_text(fa("Preview — this article is not published"))
    expect(banner).to_contain_text(fa("State: in review"))
    expect(official.page.locator("h1")).to_have_text(FIXED_HEADLINE)
    expect(official.page.locator(".share-links, .short-link, #comments")).to_have_count(0)
    desk.shoot(official, "official-preview")
    official.assert_clean()
    return link


def chief_edits_compares_and_restores(desk: Desk, chief: Person, article: Article) -> None:
    page = chief.page
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_title", CHIEF_HEADLINE)
    page.click("input[name=_continue]")
    expect(message(page)).to_contain_text(CHIEF_HEADLINE)
    article.refresh_from_db()
    assert article.title == CHIEF_HEADLINE

    # Newest first: the chief's edit, the editor's send to review and save, the release as pasted.
    page.locator("a.historylink").click()
    rows = page.locator("table.revisions-table tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.first).to_contain_text("محمد کریمی")
    expect(rows.first).to_contain_text(CHIEF_HEADLINE)
    expect(rows.last).to_contain_text(fa("pasted press release"))
    expect(rows.last).to_contain_text(PASTED_HEADLINE)
    assert not re.search("[0-9]", rows.first.inner_text())  # Jalali time, Persian digits
    editors_row = rows.filter(has_text="سارا رضایی").filter(has_text=fa("in review"))
    expect(editors_row).to_contain_text(FIXED_HEADLINE)
    desk.shoot(chief, "chief-versions")

    # The editor's version against now: the editor's words deleted, the chief's inserted.
    editors_row.get_by_role("link", name=fa("Compare with now")).click()
    headline = page.locator("table.revision-diff tr", has_text=fa("headline"))
    expect(headline.locator("del").first).to_contain_text("مجموعه")
    expect(headline.locator("ins").first).to_contain_text("رئیس")
    desk.shoot(chief, "chief-compare")

    page.get_by_role("button", name=fa("Restore this version")).click()
    expect(message(page)).to_contain_text(fa("The version was restored; the restore is a new version."))
    expect(rows).to_have_count(5)
    expect(rows.first).to_contain_text(fa("restored"))
    expect(rows.first).to_contain_text(FIXED_HEADLINE)
    article.refresh_from_db()
    assert article.title == FIXED_HEADLINE and article.status == Article.Status.REVIEW
    restored = article.revisions.order_by("-pk")[0]
    assert restored.source == ArticleRevision.Source.RESTORE and restored.user.username == "chief"
    assert restored.restored_from == article.revisions.get(user__username="editor", data__status="review")
    chief.assert_clean()


def chief_schedules_it(chief: Person, article: Article) -> datetime:
    """Status published with a Jalali time a few seconds ahead, typed in Persian digits: scheduled.
    Returns that time. No screenshot here: the clock is running (see the_clock_runs)."""
    page = chief.page
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.select_option("#id_status", "published")
    at = (timezone.now() + SCHEDULE_LEAD).replace(microsecond=0)
    field = page.locator("#id_published_at")
    field.fill("")
    field.press_sequentially(jalali_typed(at))  # key by key, as typed on a Persian keyboard
    page.click("input[name=_save]")
    expect(message(page)).to_contain_text(FIXED_HEADLINE)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.published_at == at
    assert not Article.objects.published().filter(pk=article.pk).exists()  # scheduled, not yet live
    return at


# 3. The reader and the clock ----------------------------------------------------------------------------


def reader_gets_404_before_the_time(desk: Desk, reader: Person, article: Article, at: datetime) -> None:
    url = article.get_absolute_url()
    response = reader.page.goto(url)
    assert timezone.now() < at, "saving and asking took longer than SCHEDULE_LEAD: the 404 proves nothing"
    assert response.status == 404
    reader.expected += [
        re.escape(f"HTTP 404: {desk.base_url}{url}"),
        "console error: Failed to load resource: .*" + re.escape(f"404 (Not Found) ({desk.base_url}{url})"),
    ]
    desk.shoot(reader, "reader-before-time")
    reader.assert_clean()


def the_clock_runs(desk: Desk, chief: Person, official: Person, article: Article, at: datetime) -> None:
    """Before the time: the list says scheduled, at the Jalali time; the form shows the time as an editor
    types it; the preview link says when the article goes out."""
    row = chief.page.locator("#result_list tbody tr", has_text=FIXED_HEADLINE)
    expect(row.locator(".field-status_column")).to_have_text(fa("scheduled"))
    expect(row.locator(".field-published_column")).to_have_text(jalali_datetime(at))
    desk.shoot(chief, "chief-list-scheduled")
    row.get_by_role("link").first.click()
    expect(chief.page.locator("#id_published_at")).to_have_value(jalali_typed(at))
    expect(chief.page.locator("#id_status")).to_have_value("published")
    desk.shoot(chief, "chief-scheduled-form")
    chief.assert_clean()

    official.page.reload()
    expect(official.page.get_by_role("status")).to_contain_text(
        fa("Scheduled for %(time)s") % {"time": jalali_datetime(at)}
    )
    official.assert_clean()


def reader_gets_the_article_at_the_time(desk: Desk, reader: Person, article: Article, at: datetime) -> None:
    # The one wait in the walk: the clock has to pass the chosen second.
    remaining = (at - timezone.now()).total_seconds()
    if remaining > 0:
        time.sleep(remaining + 0.2)
    response = reader.page.goto(article.get_absolute_url())
    assert response.status == 200
    expect(reader.page.locator("h1")).to_have_text(FIXED_HEADLINE)
    expect(reader.page.locator(".preview-banner")).to_have_count(0)
    expect(reader.page.locator("#comments")).to_be_visible()
    desk.shoot(reader, "reader-article")
    reader.assert_clean()


def the_preview_link_leads_to_the_public_page(
    desk: Desk, official: Person, link: str, article: Article
) -> None:
    official.page.goto(link)
    expect(official.page).to_have_url(desk.base_url + article.get_absolute_url())
    expect(official.page.locator(".preview-banner")).to_have_count(0)
    official.assert_clean()


# 4. Readers and the moderator ---------------------------------------------------------------------------

COMMENTS = {
    "question": ("مریم", "maryam@example.com", "آیا این خدمات در شهرستان‌های کوچک مثل لامرد هم ارائه می‌شود؟"),
    "praise": (
        "رضا",
        "reza@example.com",
        "خدمات الکترونیک قضایی واقعا کار را آسان کرده است؛ دیگر لازم نیست برای هر کاری به دادگاه برویم.",
    ),
    "insult": ("ناشناس", "angry@example.com", "همه‌تان دروغگو هستید و فقط حرف می‌زنید."),
    "advert": ("فروشگاه", "", "فروش ویژه گوشی با تخفیف، همین حالا به کانال ما بپیوندید"),
}
REPLY = "بله، دفاتر خدمات الکترونیک قضایی در همه شهرستان‌های استان از جمله لامرد فعال است."


def readers_comment(desk: Desk, readers: dict[str, Person], article: Article) -> dict[str, Comment]:
    for key, (name, email, body) in COMMENTS.items():
        page = readers[key].page
        page.goto(article.get_absolute_url())
        page.fill("#id_name", name)
        if email:
            page.fill("#id_email", email)
        page.fill("#id_body", body)
        page.click("[data-comment-form] button[type=submit]")
        expect(page.locator("[data-notices]")).to_contain_text(
            fa("Thank you. Your comment was received and will appear after review.")
        )
        if key == "question":
            desk.shoot(readers[key], "reader-comment-sent")
        readers[key].assert_clean()
    comments = {key: Comment.objects.get(body=body) for key, (_n, _e, body) in COMMENTS.items()}
    assert {comment.status for comment in comments.values()} == {Comment.Status.PENDING}
    return comments


def go_to_row(page, text: str) -> None:
    """j or k until the queue's current row is the comment with `text`: the keyboard's way down the list."""
    current = page.locator("#result_list tr.queue-current")
    expect(current).to_have_count(1)  # the queue's script has started: keys reach it
    rows = page.locator("#result_list tbody tr")
    texts = rows.all_inner_texts()
    target = next(index for index, row in enumerate(texts) if text in row)
    start = texts.index(current.inner_text())
    for _step in range(abs(target - start)):
        page.keyboard.press("j" if target > start else "k")
    expect(current).to_contain_text(text)


def moderator_clears_the_queue(desk: Desk, moderator: Person, comments: dict[str, Comment]) -> None:
    page = moderator.page
    page.goto("/admin/comments/pendingcomment/")
    expect(page.locator("#result_list tbody tr")).to_have_count(len(comments))
    desk.shoot(moderator, "moderator-queue")

    go_to_row(page, COMMENTS["praise"][2])
    page.keyboard.press("a")
    expect(message(page)).to_contain_text(fa("The comment was published."))

    # r without a reason goes to the chief editors' list; arrows choose, Enter goes back to the comment.
    go_to_row(page, COMMENTS["insult"][2])
    page.keyboard.press("r")
    reasons = page.locator("#changelist-form [name=listed_reason]")
    expect(reasons).to_be_focused()
    page.keyboard.press("ArrowDown")
    first_reason = RejectionReason.objects.first()
    expect(reasons).to_have_value(str(first_reason.pk))
    page.keyboard.press("Enter")
    expect(page.locator("#result_list tr.queue-current")).to_contain_text(COMMENTS["insult"][2])
    expect(page.locator("#result_list tr.queue-current")).to_be_focused()
    page.keyboard.press("r")
    expect(message(page)).to_contain_text(fa("The comment was rejected."))

    go_to_row(page, COMMENTS["advert"][2])
    page.keyboard.press("s")
    expect(message(page)).to_contain_text(fa("The comment was marked as spam."))

    # p opens the newsroom's reply with the comment shown; the reply box has the focus, Tab Enter sends.
    go_to_row(page, COMMENTS["question"][2])
    page.keyboard.press("p")
    expect(page.locator(".queue-reply")).to_contain_text(COMMENTS["question"][2])
    expect(page.locator("textarea[name=body]")).to_be_focused()
    page.keyboard.type(REPLY)
    desk.shoot(moderator, "moderator-reply")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(message(page)).to_contain_text(fa("The newsroom's reply was published."))
    expect(page.locator("#result_list")).to_have_count(0)  # the queue is clear
    desk.shoot(moderator, "moderator-queue-clear")
    moderator.assert_clean()

    for comment in comments.values():
        comment.refresh_from_db()
    assert comments["praise"].status == Comment.Status.PUBLISHED
    assert comments["question"].status == Comment.Status.PUBLISHED  # replying published it
    assert comments["advert"].status == Comment.Status.SPAM
    assert comments["insult"].status == Comment.Status.REJECTED
    assert comments["insult"].rejection_reason == first_reason.text
    reply = Comment.objects.get(parent=comments["question"])
    assert reply.is_staff_reply and reply.status == Comment.Status.PUBLISHED and reply.body == REPLY
    assert reply.author.username == "moderator"
    # The rejected reader is told the chief editors' reason, never their own words.
    [refusal] = [email for email in mail.outbox if email.to == [COMMENTS["insult"][1]]]
    assert first_reason.text in refusal.body and COMMENTS["insult"][2] not in refusal.body


def reader_sees_the_reply(desk: Desk, reader: Person, comments: dict[str, Comment]) -> None:
    page = reader.page
    page.reload()
    question = page.locator(f"#comment-{comments['question'].pk}")
    reply = question.locator(".comment-newsroom")
    expect(reply).to_contain_text(REPLY)
    expect(reply).to_contain_text(fa("Newsroom's reply"))
    expect(page.locator(f"#comment-{comments['praise'].pk}")).to_be_visible()
    for hidden in ("insult", "advert"):
        expect(page.locator(f"#comment-{comments[hidden].pk}")).to_have_count(0)
    desk.shoot(reader, "reader-newsroom-reply")
    reader.assert_clean()


# The walk -----------------------------------------------------------------------------------------------


def _names(**full_names: tuple[str, str]) -> None:
    for username, (first, last) in full_names.items():
        get_user_model().objects.filter(username=username).update(first_name=first, last_name=last)


def test_the_editors_desk_from_press_release_to_newsroom_reply(
    chromium, live_server, editor, chief_editor, moderator, settings
):
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0  # the readers here type faster than the bot threshold
    _names(editor=("سارا", "رضایی"), chief=("محمد", "کریمی"), moderator=("زهرا", "حسینی"))
    build_newsroom()
    make_section(name="قضایی", slug="ghazaei")
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("desk-*.png"):
        old.unlink()
    desk = Desk(chromium, live_server.url)
    try:
        walk(desk)
    finally:
        desk.close()


def walk(desk: Desk) -> None:
    editor = desk.person("the editor", login="editor")
    article = editor_pastes_the_release(desk, editor)
    editor_fixes_the_headline(desk, editor, article)
    editor_sends_it_to_review(desk, editor, article)

    chief = desk.person("the chief editor", login="chief")
    official = desk.person("the official (no account)")
    link = chief_sends_a_preview_link(desk, chief, official, article)
    chief_edits_compares_and_restores(desk, chief, article)
    at = chief_schedules_it(chief, article)

    reader = desk.person("a reader")
    reader_gets_404_before_the_time(desk, reader, article, at)
    the_clock_runs(desk, chief, official, article, at)
    reader_gets_the_article_at_the_time(desk, reader, article, at)
    the_preview_link_leads_to_the_public_page(desk, official, link, article)

    readers = {
        "question": reader,
        **{key: desk.person(f"reader {key}") for key in COMMENTS if key != "question"},
    }
    comments = readers_comment(desk, readers, article)
    moderator = desk.person("the moderator", login="moderator")
    moderator_clears_the_queue(desk, moderator, comments)
    reader_sees_the_reply(desk, reader, comments)
