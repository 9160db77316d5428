"""The Content-Security-Policy in Debian's Chromium: the reader pages and the admin's article editor
(CKEditor 4) work under it without a single violation, and an injected inline script does not run."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.helpers import ARTIFACTS, PageWatcher, wait_for_ckeditor
from tests.browser.seed import build_seed_site
from tests.factories import make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Recorded from the first script the page runs (init scripts are not subject to the page's policy).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
}, true);
"""


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(
        locale="fa-IR", base_url=live_server.url, viewport={"width": 1366, "height": 900}
    )
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    yield page
    context.close()


def _violations(page) -> list[str]:
    return page.evaluate("() => window.__cspViolations")


def test_the_article_page_raises_no_violation_and_blocks_an_injected_inline_script(page, live_server):
    site = build_seed_site()
    watcher = PageWatcher(page, live_server.url)
    response = page.goto(site.article.get_absolute_url(), wait_until="networkidle")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    # The JSON-LD block is data: it is on the page and raises no violation.
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    assert _violations(page) == [] and watcher.problems == []

    # What an XSS would do: add an inline script to the page. The policy refuses to run it.
    # (No wait_for_function: Playwright evaluates its predicate with eval, which the policy forbids.)
    directive = page.evaluate(
        """() => new Promise((resolve) => {
             document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective));
             const script = document.createElement("script");
             script.textContent = "window.__injected = true;";
             document.body.appendChild(script);
           })"""
    )
    assert directive.startswith("script-src")
    assert page.evaluate("() => window.__injected === undefined")


def test_the_admin_article_editor_works_under_the_policy(page, live_server, chief_editor):
    section = make_section(name="استانی", slug="ostani")
    watcher = PageWatcher(page, live_server.url)
    page.goto("/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "pw-chief")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/articles/article/add/")
    # CKEditor has built its toolbar and its editing area, and accepts typing.
    expect(page.locator(".cke_top")).to_be_visible()
    wait_for_ckeditor(page)
    page.fill("#id_title", "آزمون سیاست امنیت محتوا")
    # The section is an autocomplete (select2 asking the admin for JSON): the admin's own scripts too.
    page.click(".field-section .select2-selection")
    page.keyboard.type(section.name)
    page.click(f".select2-results__option >> text={section.name}")
    editing_area = page.locator(".cke_wysiwyg_div")
    editing_area.click()
    page.keyboard.type("متنی که در ویرایشگر نوشته شد")
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".cke").screenshot(path=str(ARTIFACTS / "admin-article-editor-csp.png"))
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_be_visible()

    article = Article.objects.language("fa").get(translations__title="آزمون سیاست امنیت محتوا")
    assert "متنی که در ویرایشگر نوشته شد" in article.body
    assert _violations(page) == [], _violations(page)
    assert [p for p in watcher.problems if "csp" in p.lower() or "content security" in p.lower()] == []
