"""Persian digits where a Persian reader looks, never where a machine or a Latin-script run reads them:
the rule of articles.persian.persian_digits_in_text() and persian_digits_in_html()."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.persian import latin_digits, persian_digits_in_html, persian_digits_in_text


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("شهدای 15 خرداد", "شهدای ۱۵ خرداد"),
        ("جلسه 1403/03/15 ساعت 10:30", "جلسه ۱۴۰۳/۰۳/۱۵ ساعت ۱۰:۳۰"),
        ("سال1403", "سال۱۴۰۳"),
        ("تلفن 09171234567", "تلفن ۰۹۱۷۱۲۳۴۵۶۷"),
        ("۱۵ خرداد", "۱۵ خرداد"),
        # Latin-script runs keep their digits: a token with a Latin letter, and the numbers after it.
        ("بیماری COVID-19 و کووید-19", "بیماری COVID-19 و کووید-۱۹"),
        ("(COVID-19) در 2 استان", "(COVID-19) در ۲ استان"),
        ("نسخه Windows 11 و 12 نسخه", "نسخه Windows 11 و ۱۲ نسخه"),
        ("گوشی iPhone 15 Pro", "گوشی iPhone 15 Pro"),
        ("تصویر 4K و فایل mp3 و H2O", "تصویر 4K و فایل mp3 و H2O"),
        ("نشانی info2@example.ir و www.example.ir/1403/5", "نشانی info2@example.ir و www.example.ir/1403/5"),
        ("https://x.ir/news/12 خبر 12", "https://x.ir/news/12 خبر ۱۲"),
    ],
)
def test_text_shows_persian_digits_except_in_latin_script_runs(written, shown):
    assert persian_digits_in_text(written) == shown


def test_arabic_indic_digits_in_persian_text_become_persian():
    assert persian_digits_in_text("کد ١٢") == "کد ۱۲"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ('<p title="سال 1403">سال 1403</p>', '<p title="سال 1403">سال ۱۴۰۳</p>'),
        ('<a href="/news/12/x-1/">خبر 12</a>', '<a href="/news/12/x-1/">خبر ۱۲</a>'),
        ('<img src="/media/body/2024/05/a-800x600.jpg" alt="عکس 2" width="800">', None),
        ("<p>&#1604; 15&nbsp;خرداد &amp; 16</p>", "<p>&#1604; ۱۵&nbsp;خرداد &amp; ۱۶</p>"),
        ("<p><code>x = 10</code> 10</p>", "<p><code>x = 10</code> ۱۰</p>"),
        ("<p>Windows&nbsp;11 و 12</p>", "<p>Windows&nbsp;11 و ۱۲</p>"),
        ('<p><a href="https://x.ir/1">https://x.ir/1</a></p>', None),
        ("<p>بند 1</p><p>2 بند</p>", "<p>بند ۱</p><p>۲ بند</p>"),
        ("<p>بدون رقم</p>", None),
    ],
)
def test_html_shows_persian_digits_in_its_text_only(written, shown):
    assert persian_digits_in_html(written) == (shown or written)


TAG = re.compile(r"<[^>]*>|&#?\w+;")
PIECES = st.sampled_from(
    [
        "سال ",
        "1403",
        "۱۵",
        "٣",
        " خرداد",
        "COVID-19",
        " Windows 11 ",
        "a2@b.ir",
        "&nbsp;",
        "&#1604;",
        "&amp;",
        "<p>",
        "</p>",
        '<a href="/news/12/x-3/" title="خبر 7">',
        "</a>",
        '<img src="/media/1/2.jpg" alt="3 عکس" width="800" height="600">',
        "<code>x=10</code>",
        "\n",
    ]
)


@given(st.lists(PIECES, max_size=30).map("".join))
def test_only_digits_in_text_change_and_markup_is_kept_as_written(html):
    shown = persian_digits_in_html(html)
    # Nothing but digits changed, and only to Persian ones...
    assert latin_digits(shown) == latin_digits(html)
    assert len(shown) == len(html)
    # ...never inside a tag, a character reference or code.
    assert TAG.findall(shown) == TAG.findall(html)
    assert re.findall(r"<code>.*?</code>", shown) == re.findall(r"<code>.*?</code>", html)
