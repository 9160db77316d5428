import pytest

from articles.sanitize import clean_body_html
from tests.factories import make_article

HOSTILE = [
    ("<p>سلام<script>alert(1)</script></p>", "<script"),
    ('<p onclick="steal()">متن</p>', "onclick"),
    ('<img src="x.png" onerror="steal()">', "onerror"),
    ('<a href="javascript:alert(1)">پیوند</a>', "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">پیوند</a>', "javascript:"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ('<iframe src="https://evil.example/"></iframe>', "<iframe"),
    ("<style>body{display:none}</style><p>x</p>", "<style"),
    ('<p style="position:fixed">x</p>', "style="),
    ('<form action="/admin/"><input name="q"></form>', "<form"),
    ("<svg><script>alert(1)</script></svg>", "<svg"),
]


@pytest.mark.parametrize(("html", "forbidden"), HOSTILE)
def test_hostile_markup_is_removed(html, forbidden):
    assert forbidden not in clean_body_html(html).lower()


def test_persian_text_and_allowed_markup_are_kept():
    html = (
        "<h2>عنوان فرعی</h2>"
        "<p>رئیس کل دادگستری استان فارس گفت: <strong>سرمایه اجتماعی</strong> و <em>اعتماد عمومی</em>.</p>"
        '<ul><li>یک</li><li>دو</li></ul><ol start="3"><li>سه</li></ol>'
        "<blockquote><p>نقل قول</p></blockquote>"
        '<p><a href="https://shiraze.ir/news/1">پیوند</a> <img src="/media/a.jpg" alt="عکس"></p>'
        '<table><thead><tr><th scope="col">ستون</th></tr></thead>'
        '<tbody><tr><td colspan="2">خانه</td></tr></tbody></table>'
        '<p dir="ltr">English inside</p>'
    )
    cleaned = clean_body_html(html)
    for kept in [
        "<h2>عنوان فرعی</h2>",
        "<strong>سرمایه اجتماعی</strong>",
        "<em>اعتماد عمومی</em>",
        "<li>یک</li>",
        '<ol start="3">',
        "<blockquote>",
        'href="https://shiraze.ir/news/1"',
        'src="/media/a.jpg"',
        'alt="عکس"',
        '<th scope="col">ستون</th>',
        '<td colspan="2">خانه</td>',
        '<p dir="ltr">English inside</p>',
    ]:
        assert kept in cleaned


def test_links_get_rel_noopener():
    assert 'rel="noopener noreferrer"' in clean_body_html('<a href="https://example.org/">x</a>')


@pytest.mark.django_db
def test_body_is_sanitized_on_every_save_not_only_in_the_admin():
    article = make_article(
        body='<p>متن <b>خبر</b></p><script>alert("x")</script><p onmouseover="x()">دوم</p>'
    )
    article.refresh_from_db()
    assert article.body == "<p>متن <b>خبر</b></p><p>دوم</p>"
