"""Comments that are mostly stacked combining marks ("zalgo") or hundreds of lines are refused in the
form, with the text kept; fully vocalized Persian and Arabic, and ordinary multi-line comments, pass."""

import pytest

from comments import spam
from comments.models import Comment, WordRule
from tests.comments.helpers import post
from tests.i18n import fa

pytestmark = pytest.mark.django_db

ZALGO_MESSAGE = "Remove the marks piled on the letters and write the text plainly."

ZALGO = [
    "h\u0315\u0341\u035c\u0358e\u0489\u0334\u0335llo",  # four marks on one letter
    "".join(letter + "\u0300\u0301" for letter in "comment spam"),  # two on every letter
    "سلام" + "\u064b\u064c\u064d\u064e",  # four harakat stacked on one letter
    "ب" + "\u0670\u0651" * 5,
]
LEGITIMATE = [
    "بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ",
    "إِنَّا لِلَّهِ وَإِنَّا إِلَيْهِ رَاجِعُونَ",
    "وَ لا تَحْسَبَنَّ الَّذِینَ قُتِلُوا فِی سَبِیلِ اللّهِ اَمْواتاً بَلْ اَحْیاءٌ عِنْدَ رَبِّهِمْ یُرْزَقُونَ",
    "دانِشجویانِ دانِشگاهِ تِهران دَر اِعتِراض بِه اَفزایشِ شَهریه تَجَمُّع کَردَند",
    "مُحَمَّدٌ",
    "Café, naïve, São Paulo",
    "این خبر درست نیست.",
]


@pytest.mark.parametrize("text", ZALGO)
def test_stacked_marks_are_zalgo(text):
    assert spam.is_zalgo(text)


@pytest.mark.parametrize("text", LEGITIMATE)
def test_vocalized_persian_and_arabic_are_not_zalgo(text):
    assert not spam.is_zalgo(text)


@pytest.mark.parametrize("text", ZALGO[:2])
def test_a_zalgo_comment_is_refused_with_the_form_and_text_kept(reader_client, article, text):
    response = post(reader_client, article, body=text)
    html = response.content.decode()
    assert response.status_code == 400
    assert fa(ZALGO_MESSAGE) in html and 'id="comment-form"' in html
    assert text in html  # the reader's text is still in the form
    assert not Comment.objects.exists()


@pytest.mark.parametrize("text", LEGITIMATE[:4])
def test_a_vocalized_comment_is_accepted(reader_client, article, text):
    assert post(reader_client, article, body=text).status_code == 302
    assert Comment.objects.get().body == text


def test_a_comment_of_too_many_lines_is_refused(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_MAX_LINES = 30
    body = "\n".join(f"سطر {n}" for n in range(31))
    response = post(reader_client, article, body=body)
    html = response.content.decode()
    assert response.status_code == 400
    message = fa("A comment can have at most %(limit)s lines; this one has %(count)s.")
    assert message % {"limit": "۳۰", "count": "۳۱"} in html
    assert "سطر 30" in html  # the text is kept
    assert not Comment.objects.exists()


def test_blank_lines_count_too(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_MAX_LINES = 5
    assert post(reader_client, article, body="اول" + "\n" * 10 + "آخر").status_code == 400
    assert not Comment.objects.exists()


def test_a_comment_within_the_line_limit_is_accepted(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_MAX_LINES = 30
    body = "\r\n".join(f"سطر {n}" for n in range(30))  # Windows line ends count once
    assert post(reader_client, article, body=body).status_code == 302
    assert Comment.objects.count() == 1


def test_the_line_limit_is_a_setting_with_a_default_of_30():
    from django.conf import settings as django_settings

    assert django_settings.NEWSROOM_COMMENT_MAX_LINES == 30


@pytest.mark.parametrize(
    "text",
    [
        "این یک کلا\u00adهبردار است",  # soft hyphen
        "این یک کلاه\u2060بردار است",  # word joiner
        "این یک کلاه\u200dبردار است",  # zero-width joiner
        "این یک \ufeffکلاهبردار\u061c است",  # byte-order mark, Arabic letter mark
        "این یک ﻛﻼﻫﺒﺮﺩﺍﺭ است",  # presentation forms, as copied from a PDF
        "این یک ڪلاھبردار است",  # Urdu kaf and heh doachashmee
        "این یک کلاهبردار\ufe0f است",  # a variation selector
        "این یک کِلاهبَردار است",  # diacritics
        "this is ＳＣＡＭ",  # fullwidth Latin
        "this is s\u00adc\u0301am",  # soft hyphen and an accent
    ],
)
def test_banned_words_are_found_through_invisible_characters_and_letter_forms(reader_client, article, text):
    WordRule.objects.create(word="کلاهبردار", kind=WordRule.Kind.BANNED)
    WordRule.objects.create(word="scam", kind=WordRule.Kind.BANNED)
    post(reader_client, article, body=text)
    assert Comment.objects.get().status == Comment.Status.REJECTED


def test_suspect_words_are_found_through_presentation_forms(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    WordRule.objects.create(word="رشوه", kind=WordRule.Kind.SUSPECT)
    post(reader_client, article, body="حرف از ﺭﺷﻮﻩ زد")
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_a_word_rule_written_with_lookalike_letters_still_matches(reader_client, article):
    WordRule.objects.create(word="ڪلاھبردار", kind=WordRule.Kind.BANNED)
    post(reader_client, article, body="این یک کلاهبردار است")
    assert Comment.objects.get().status == Comment.Status.REJECTED
