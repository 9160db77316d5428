"""The article editor in the admin, in Debian's Chromium: CKEditor's own content filter keeps what the
sanitizer keeps, so an editor never sees formatting that saving would silently drop."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from articles.sanitize import clean_body_html
from tests.browser.helpers import PageWatcher, wait_for_ckeditor

pytestmark = pytest.mark.browser

# Pasted from a word processor or a web page: allowed markup mixed with styles, classes, handlers, and
# tags outside the allowlist.
PASTED = (
    '<p dir="ltr" class="MsoNormal" style="color:red" onclick="alert(1)">English <font color="red">inside'
    '</font> <a href="https://example.com/" target="_blank" title="t">link</a></p>'
    '<h2 lang="fa" style="font-size:40px">تیتر</h2><div>خبر</div><script>alert(1)</script>'
    '<table border="1" cellpadding="3"><tbody><tr><td colspan="2" style="width:10px">خانه</td></tr></tbody>'
    "</table>"
)
SET_AND_GET = """(html) => new Promise((done) => {
  const editor = CKEDITOR.instances.id_body;
  editor.setData(html, {callback: () => done(editor.getData())});
})"""


class _Markup(HTMLParser):
    """The tags and attribute names of some HTML, in order."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        # nh3 adds rel="noopener noreferrer" to links on save; the editor has no say in that.
        self.found.append((tag, sorted(name for name, _value in attrs if name != "rel")))


def markup(html: str) -> list[tuple[str, list[str]]]:
    parser = _Markup()
    parser.feed(html)
    return parser.found


def test_the_editor_keeps_only_what_the_sanitizer_keeps(chromium, live_server, editor):
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url)
    page = context.new_page()
    page.goto("/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor")
    page.click("input[type=submit]")
    wait_for_ckeditor(page)

    kept = page.evaluate(SET_AND_GET, PASTED)
    context.close()

    # Nothing the editor keeps is dropped on save (before, it kept styles, classes and handlers)...
    assert markup(clean_body_html(kept)) == markup(kept)
    # ...and what the allowlist allows is kept, text and all (the unknown <div> becomes a paragraph).
    assert markup(kept) == [
        ("p", ["dir"]),
        ("a", ["href", "title"]),
        ("h2", ["lang"]),
        ("p", []),
        ("table", []),
        ("tbody", []),
        ("tr", []),
        ("td", ["colspan"]),
    ]
    assert "English inside" in kept and "تیتر" in kept and "خبر" in kept


def test_the_editor_loads_without_console_warnings(chromium, live_server, editor):
    """CKEditor's full build warned twice on every article form: its PDF export (a cloud service, now
    removed) had no token, and pasted-image handling was switched off behind the config's back."""
    context = chromium.new_context(locale="fa-IR", base_url=live_server.url)
    page = context.new_page()
    watcher = PageWatcher(page, live_server.url)
    try:
        page.goto("/admin/login/?next=/admin/articles/article/add/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "pw-editor")
        page.click("input[type=submit]")
        wait_for_ckeditor(page)
        assert page.evaluate("'exportpdf' in CKEDITOR.instances.id_body.plugins") is False
        assert page.evaluate("'uploadimage' in CKEDITOR.instances.id_body.plugins") is True
    finally:
        context.close()
    assert watcher.problems == []
