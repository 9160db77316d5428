"""What counts as a link in a comment: any host name or address however disguised, and mobile numbers;
never decimals, dates or ordinary Persian prose."""

import pytest

from comments.models import Comment
from comments.spam import count_links
from tests.comments.helpers import post


@pytest.mark.parametrize(
    "text",
    [
        "t.me/channel",
        "bit.ly/x1",
        "arzan.shop",
        "besoorat.site",
        "vip.club",
        "www.example.ir",
        "https://x.ir/y",
        "hxxp://x.ir",
        "http：//a．com",  # fullwidth colon, slashes and dot
        "ＷＷＷ．ＥＸＡＭＰＬＥ．ＣＯＭ",
        "a[.]com",
        "a(.)com",
        "a (dot) com",
        "a{نقطه}ir",
        "a . com",
        "a dot com",
        "example نقطه com",
        "exampleنقطهir",
        "a\u00ad.c\u200bom",  # invisible characters inside
        "ﻛﺎﻧﺎﻝ t.me/x",
        "sub.domain.co.uk",
        "ali@gmail.com",
        "1.2.3.4",
        "09121234567",
        "0912 123 4567",
        "0912-123-45-67",
        "(0912) 123 4567",
        "۰۹۱۲.۱۲۳.۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "+98 912 123 4567",
        "+989121234567",
        "0098-912-123-4567",
        "0 9 1 2 1 2 3 4 5 6 7",
        "۰۹۱۲\u200c۱۲۳\u200c۴۵۶۷",
    ],
)
def test_a_link_host_or_mobile_number_counts_once(text):
    assert count_links(text) == 1
    assert count_links(f"برای خرید ارزان به {text} سر بزنید") == 1


@pytest.mark.parametrize(
    "text",
    [
        "نرخ تورم ۳.۵ درصد اعلام شد.",
        "3.5",
        "در تاریخ ۱۴۰۳.۰۵.۱۲ برگزار شد",
        "۱۴۰۳/۰۹/۱۲",
        "از ۰۹.۱۲.۱۴۰۳ - ۱۰.۱۲.۱۴۰۳",
        "ساعت ۱۰.۳۰ صبح",
        "قیمت ۱۲,۵۰۰,۰۰۰ تومان",
        "کد ملی ۱۲۳۴۵۶۷۸۹۰ را وارد کنید",
        "تلفن ثابت ۰۲۱۱۲۳۴۵۶۷۸",
        "نسخه v2.0.1 و 1.2.3",
        "از این نقطه نظر، در نقطه A و نقطه ضعف",
        "خوب بود.ممنون از شما",
        "e.g. this, U.S.A. and Ph.D",
        "It was the end. In the morning . It rained",
        "این خبر درست نیست و مسئولان باید پاسخگو باشند.",
    ],
)
def test_numbers_dates_and_prose_are_not_links(text):
    assert count_links(text) == 0


def test_several_disguised_links_are_counted_apart():
    assert count_links("a[.]com و b dot net و ۰۹۱۲ ۱۲۳ ۴۵۶۷ و https://c.ir/x") == 4


@pytest.mark.django_db
def test_a_comment_with_disguised_links_is_held(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    settings.NEWSROOM_COMMENT_MAX_LINKS = 2
    post(reader_client, article, body="کانال ما t.me/x و سایت arzan(dot)shop و ۰۹۱۲-۱۲۳-۴۵۶۷")
    assert Comment.objects.get().status == Comment.Status.PENDING
