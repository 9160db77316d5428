from datetime import UTC, date, datetime

import pytest

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


def test_normalize_keeps_different_words_different():
    assert normalize("دادگستری فارس") != normalize("دادگستری تهران")


def test_persian_digits():
    assert persian_digits(1399) == "۱۳۹۹"
    assert persian_digits("کد 12٣") == "کد ۱۲۳"


def test_jalali_dates_in_tehran_time_with_persian_digits(settings):
    settings.TIME_ZONE = "Asia/Tehran"
    # 2020-06-03 08:00 UTC is 12:30 in Tehran (UTC+4:30 in summer 2020): 14 Khordad 1399.
    when = datetime(2020, 6, 3, 8, 0, tzinfo=UTC)
    assert jalali_datetime(when) == "۱۴ خرداد ۱۳۹۹ - ۱۲:۳۰"
    assert jalali_date(date(2020, 6, 3)) == "۱۴ خرداد ۱۳۹۹"


def test_parse_jalali_date():
    assert parse_jalali_date("1399-03-14") == date(2020, 6, 3)
    assert parse_jalali_date("۱۳۹۹/۳/۱۴") == date(2020, 6, 3)
    with pytest.raises(ValueError, match="not a Jalali date"):
        parse_jalali_date("1399-13-01")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_jalali_date("yesterday")
