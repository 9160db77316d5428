import re
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.persian import jalali_date, jalali_datetime, normalize, parse_jalali_date, persian_digits


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("قوه قضائیه", "قوه قضاییه"),
        ("سازمان‌های", "سازمان های"),
        ("كاظم موسوي", "کاظم موسوی"),
        ("قــوه  قضائیه ", "قوه قضائیه"),
        ("۱۵ خرداد", "15 خرداد"),
        ("١٥ خرداد", "15 خرداد"),
        ("حُجَّت", "حجت"),
        ("\u202eمتن\u202c", "متن"),
        ("Fars JUDICIARY", "fars judiciary"),
    ],
)
def test_normalize_folds_variants_to_one_key(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("written", "key"),
    [
        # Invisible characters inside a word: soft hyphen, word joiner, zero-width space and joiner,
        # byte-order mark, Arabic letter mark, left-to-right mark, variation selector, a tag character.
        ("کلا\u00adهبردار", "کلاهبردار"),
        ("کلا\u2060هبردار", "کلاهبردار"),
        ("کلا\u200bهبر\u200dدار", "کلاهبردار"),
        ("\ufeffکلاهبردار\u061c\u200e", "کلاهبردار"),
        ("کلاه\ufe0fبردار\U000e0041", "کلاهبردار"),
        ("spa\u00adm", "spam"),
        # Arabic presentation forms, as text copied from a PDF arrives.
        ("ﻛﻼﻫﺒﺮﺩﺍﺭ", "کلاهبردار"),
        ("ﺳﻼﻡ", "سلام"),
        # Lookalike letters from Urdu, Pashto, Kurdish and Arabic.
        ("ڪلاهبردار", "کلاهبردار"),
        ("ھمه", "همه"),
        ("ہمہ", "همه"),
        ("ېک ۍک", "یک یک"),
        ("علىي", "علیی"),
        ("خانۀ ملت", "خانه ملت"),
        ("خانه\u0654 ملت", "خانه ملت"),  # the same ezafe, decomposed
        ("دائرة المعارف", "دایره المعارف"),
        # Fullwidth Latin and digits; Persian and Arabic-Indic digits.
        ("ＳＰＡＭ １２", "spam 12"),
        ("http：//a．com", "http://a.com"),
        ("۰۹۱۲ ٠٩١٢", "0912 0912"),
        # Kashida, diacritics and marks stacked on letters.
        ("قــوه", "قوه"),
        ("بِسْمِ اللَّهِ", "بسم الله"),
        ("s\u0336p\u0489a\u0301\u0302\u0303m CAFÉ", "spam cafe"),
        # Spaces of every width, and ZWNJ, become one space.
        ("سازمان\u200cهای\u00a0استان\u2009\u202fفارس", "سازمان های استان فارس"),
    ],
)
def test_normalize_removes_what_a_reader_does_not_see(written, key):
    assert normalize(written) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("آب", "اب"),  # آ is a letter of its own
        ("ۀ", "ی"),
        ("3.5", "35"),
        ("ZWNJ", "zw nj"),
    ],
)
def test_normalize_keeps_distinctions_a_reader_makes(a, b):
    assert normalize(a) != normalize(b)


def test_normalize_composes_a_decomposed_madda_before_dropping_marks():
    assert normalize("ا\u0653ب") == normalize("آب") == "آب"


def test_normalize_keeps_different_words_different():
    assert normalize("دادگستری فارس") != normalize("دادگستری تهران")


# Text made of the characters normalize() treats specially, mixed with ones it keeps.
PERSIAN_TEXT = st.text(
    alphabet=st.sampled_from(
        list("قوه ضائیيكکةۀأإؤ ۱۲٣4ـ\u200c\u200b\u00a0\u2009\u202f\t\n\r  ABcd,.،؛ڪھہېۍﻛﺘﺎﻻＡ１．éẞ")
        + ["\u064e", "\u0670", "\ufeff", "\u202e", "\u00ad", "\u2060", "\u200d", "\ufe0f", "\u061c"]
        + ["\u0653", "\u0301", "\U000e0041", "\U0001d173", "\u3164", "\u06dd"]
    ),
    max_size=60,
)
# Everything a reader sees as a word break: spaces of every width, line breaks and ZWNJ.
SEPARATORS = st.text(
    alphabet=st.sampled_from(list(" \t\n\r\u00a0\u2009\u202f\u200c")), min_size=1, max_size=4
)
# Letters and digits that normalize() folds away.
FOLDED_AWAY = "يىئكةۀأإٱؤڪھہېۍ" + "۰۱۲۳۴۵۶۷۸۹" + "٠١٢٣٤٥٦٧٨٩" + "ﻛﺘﺎﻻＡ１．éẞ"


@given(PERSIAN_TEXT)
def test_normalize_gives_single_spaced_keys_without_variant_letters(text):
    key = normalize(text)
    assert normalize(key) == key  # a key is already normal
    assert re.fullmatch(r"(\S+( \S+)*)?", key)  # one plain space between words, none at the ends
    invisible = "\u200c\u200b\ufeff\u0640\u064e\u0670\u202e\u00ad\u2060\u200d\ufe0f\u061c\u0301"
    assert not set(key) & set(FOLDED_AWAY + invisible + "\U000e0041\U0001d173\u3164\u06dd")


@given(PERSIAN_TEXT, SEPARATORS, PERSIAN_TEXT)
def test_any_word_break_is_one_space_in_the_key(before, separator, after):
    assert normalize(before + separator + after) == normalize(before + " " + after)


@given(PERSIAN_TEXT)
def test_arabic_letter_forms_and_digits_match_their_persian_and_latin_forms(text):
    arabic = text.replace("ی", "ي").replace("ک", "ك").translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    persian = text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert normalize(arabic) == normalize(text) == normalize(persian)


def test_persian_digits():
    assert persian_digits(1399) == "۱۳۹۹"
    assert persian_digits("کد 12٣") == "کد ۱۲۳"


def test_jalali_dates_in_tehran_time_with_persian_digits(settings):
    settings.TIME_ZONE = "Asia/Tehran"
    # 2020-06-03 08:00 UTC is 12:30 in Tehran (UTC+4:30 in summer 2020): 14 Khordad 1399.
    when = datetime(2020, 6, 3, 8, 0, tzinfo=UTC)
    assert jalali_datetime(when) == "۱۴ خرداد ۱۳۹۹ - ۱۲:۳۰"
    assert jalali_date(date(2020, 6, 3)) == "۱۴ خرداد ۱۳۹۹"
    # A few minutes later in UTC it is the next day in Tehran: the day is the Tehran day.
    assert jalali_datetime(datetime(2020, 6, 3, 19, 45, tzinfo=UTC)) == "۱۵ خرداد ۱۳۹۹ - ۰۰:۱۵"


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1), timezones=st.just(UTC)))
def test_jalali_datetime_converts_each_day_once_and_agrees_with_the_full_conversion(when):
    """jalali_datetime() converts a day once and adds the time; the full conversion says the same."""
    from articles.persian import to_jalali

    j = to_jalali(when)
    assert jalali_datetime(when) == persian_digits(
        f"{j.day} {j.j_months_fa[j.month - 1]} {j.year} - {j.hour:02d}:{j.minute:02d}"
    )


def test_parse_jalali_date():
    assert parse_jalali_date("1399-03-14") == date(2020, 6, 3)
    assert parse_jalali_date("۱۳۹۹/۳/۱۴") == date(2020, 6, 3)
    with pytest.raises(ValueError, match="not a Jalali date"):
        parse_jalali_date("1399-13-01")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_jalali_date("yesterday")
