"""The versions of an article and the compare page, in Chromium (fa-IR): a readable list and diff at desktop
and phone widths, with screenshots in artifacts/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles import revisions
from articles.models import Article
from tests.browser.helpers import ARTIFACTS
from tests.factories import make_article

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1366, 390])
def test_compare_page_is_readable(chromium, live_server, chief_editor, width):
    article = make_article(
        status=Article.Status.DRAFT,
        kicker="استاندار فارس در نشست شورای اداری:",
        title="طرح آبرسانی به روستاهای شمال استان تا پایان سال تمام می‌شود",
        lead="استاندار فارس گفت طرح آبرسانی به چهل روستا در دست اجراست.",
        body="<p>استاندار فارس امروز در نشست شورای اداری گفت طرح آبرسانی به چهل روستای شمال استان "
        "تا پایان سال به پایان می‌رسد.</p><p>او افزود اعتبار این طرح از محل منابع ملی تأمین شده است.</p>",
    )
    old = revisions.record_revision(article, user=chief_editor)
    article.set_current_language("fa")
    article.title = "طرح آبرسانی به روستاهای شمال فارس تا خرداد تمام می‌شود"
    article.body = (
        "<p>استاندار فارس امروز در نشست شورای اداری گفت طرح آبرسانی به پنجاه روستای شمال استان "
        "تا خرداد به پایان می‌رسد.</p><p>او افزود اعتبار این طرح از محل منابع ملی و استانی تأمین شده است."
        " &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    article.save()

    context = chromium.new_context(
        locale="fa-IR", base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "pw-chief")
    page.click("input[type=submit]")
    page.goto(reverse("admin:articles_article_revision", args=[article.pk, old.pk]))
    # The headline's «شمال استان» became «شمال فارس»: the first deletion is that one word.
    assert page.locator("table.revision-diff del").first.inner_text() == "استان"
    assert page.locator("table.revision-diff ins", has_text="<script>").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"revision-compare-{width}.png"), full_page=True)

    # The list of versions: at 390 px each version is a card (the table was 15 px wider than a phone,
    # the headline one word per line).
    page.goto(reverse("admin:articles_article_history", args=[article.pk]))
    assert page.locator("table.revisions-table tbody tr").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width < 768:
        headline = page.locator("table.revisions-table tbody td", has_text="شمال استان")
        assert headline.bounding_box()["width"] > width / 2  # the headline reads across the card
    page.screenshot(path=str(ARTIFACTS / f"revision-list-{width}.png"), full_page=True)
    context.close()
