"""Most read (پربازدیدترین) today and this week, from view counts kept per day (Tehran's days), published
articles only; the all-time Article.view_count stays; the work does not grow with the archive."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone, translation

from articles import frontpage, viewcount
from articles.models import Article, DailyViewCount
from tests.browser.seed import add_english
from tests.factories import make_article
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def views(article: Article, day: date, count: int) -> None:
    DailyViewCount.objects.update_or_create(article=article, day=day, defaults={"views": count})


def reader(address: str) -> Client:
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT="Firefox", HTTP_ACCEPT_LANGUAGE="fa")


def titles(articles) -> list[str]:
    return [article.title for article in articles]


def most_read(language: str = "fa") -> frontpage.MostRead:
    with translation.override(language):
        return frontpage.most_read(Article.objects.published().translated(language))


# Counting ----------------------------------------------------------------------------------------------


def test_a_counted_view_adds_one_to_todays_row_and_to_the_all_time_total():
    article = make_article()
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.2"):  # the third is a reload: not counted
        reader(address).get(article.get_absolute_url())
    row = DailyViewCount.objects.get(article=article)
    assert (row.day, row.views) == (timezone.localdate(), 2)
    assert Article.objects.values_list("view_count", flat=True).get(pk=article.pk) == 2


def test_the_day_is_tehrans_not_the_servers():
    article = make_article(published_at=datetime(2026, 11, 30, 12, tzinfo=UTC))
    # 21:00 UTC on 30 November is half past midnight on 1 December in Tehran (UTC+3:30).
    with time_machine.travel(datetime(2026, 11, 30, 21, 0, tzinfo=UTC), tick=False):
        reader("10.0.0.1").get(article.get_absolute_url())
    with time_machine.travel(datetime(2026, 11, 30, 20, 0, tzinfo=UTC), tick=False):
        reader("10.0.0.2").get(article.get_absolute_url())
    assert dict(DailyViewCount.objects.values_list("day", "views")) == {
        date(2026, 12, 1): 1,
        date(2026, 11, 30): 1,
    }


def test_a_row_made_by_another_server_meanwhile_loses_no_view(monkeypatch):
    """Two servers count the day's first view of an article at once: both UPDATEs find no row, both
    INSERT; the second INSERT is ignored and its UPDATE then counts on the first one's row."""
    article = make_article()
    original = DailyViewCount.objects.bulk_create

    def other_server_first(objs, **kwargs):
        DailyViewCount.objects.create(article=article, day=timezone.localdate(), views=1)
        return original(objs, **kwargs)

    monkeypatch.setattr(DailyViewCount.objects, "bulk_create", other_server_first)
    viewcount.count_for_today(article)
    assert DailyViewCount.objects.get(article=article).views == 2


def test_counting_writes_with_f_expressions_and_never_reads():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = make_article()
    viewcount.count_for_today(article)  # the day's first view: UPDATE, INSERT, UPDATE
    with CaptureQueriesContext(connection) as later:
        viewcount.count_for_today(article)
    assert len(later.captured_queries) == 1
    assert '"views" + 1' in later.captured_queries[0]["sql"].replace("`", '"')
    assert DailyViewCount.objects.get(article=article).views == 2


# Choosing ----------------------------------------------------------------------------------------------


def test_today_and_the_week_rank_by_the_days_counts_not_by_the_all_time_total():
    today = timezone.localdate()
    classic = make_article(title="پربازدید پارسال")
    Article.objects.filter(pk=classic.pk).update(view_count=1_000_000)
    views(classic, today - timedelta(days=300), 900_000)
    hot = make_article(title="داغ امروز")
    views(hot, today, 50)
    steady = make_article(title="پرخواننده هفته")
    views(steady, today, 10)
    views(steady, today - timedelta(days=3), 100)
    edge = make_article(title="شش روز پیش")
    views(edge, today - timedelta(days=6), 30)
    gone = make_article(title="هفت روز پیش")
    views(gone, today - timedelta(days=7), 500)
    result = most_read()
    assert titles(result.today) == ["داغ امروز", "پرخواننده هفته"]
    assert titles(result.week) == ["پرخواننده هفته", "داغ امروز", "شش روز پیش"]


def test_only_articles_readers_can_see_in_the_pages_language():
    today = timezone.localdate()
    for title, kwargs in (
        ("پیش‌نویس پربازدید", {"status": Article.Status.DRAFT}),
        ("در انتظار بررسی", {"status": Article.Status.REVIEW}),
        ("زمان‌بندی‌شده", {"published_at": timezone.now() + timedelta(hours=2)}),
    ):
        views(make_article(title=title, **kwargs), today, 999)
    persian_only = make_article(title="فقط فارسی")
    views(persian_only, today, 5)
    both = add_english(make_article(title="دو زبانه"), title="In both languages")
    views(both, today, 3)
    assert titles(most_read().today) == ["فقط فارسی", "دو زبانه"]
    english = most_read("en").today
    assert [article.safe_translation_getter("title", language_code="en") for article in english] == [
        "In both languages"
    ]


def test_at_most_five_of_each():
    today = timezone.localdate()
    for n in range(8):
        views(make_article(title=f"خبر {n}"), today, n + 1)
    result = most_read()
    assert titles(result.today) == [f"خبر {n}" for n in (7, 6, 5, 4, 3)]
    assert len(result.week) == frontpage.MOST_READ_COUNT


def test_four_queries_whatever_the_archive_and_none_more_when_nothing_was_read(django_assert_num_queries):
    # Today's ids, the week's ids, then those articles and their translations, fetched once for both.
    today = timezone.localdate()
    for n in range(3):
        views(make_article(), today, n + 1)
    with django_assert_num_queries(4):
        most_read()
    for n in range(40):  # a bigger archive, read over many more days
        article = make_article()
        for days in range(0, 20, 3):
            views(article, today - timedelta(days=days), n + days)
    with django_assert_num_queries(4):
        result = most_read()
    assert len(result.today) == len(result.week) == frontpage.MOST_READ_COUNT
    DailyViewCount.objects.all().delete()
    with django_assert_num_queries(2):
        assert not most_read()


def test_the_block_is_on_the_front_and_beside_the_article(reader_client):
    today = timezone.localdate()
    read = make_article(title="خبر پرخواننده")
    views(read, today, 12)
    other = make_article(title="خبر دیگر")
    for url in ("/", other.get_absolute_url()):
        html = reader_client.get(url).content.decode()
        block = html.split('class="most-read"')[1].split("</section>")[0]
        assert fa("Most read") in block and fa("Today") in block and fa("This week") in block
        assert f'<a href="{read.get_absolute_url()}">خبر پرخواننده</a>' in block
    # Not on the print view.
    assert 'class="most-read"' not in reader_client.get(f"/news/{other.news_code}/print/").content.decode()


def test_no_block_before_anything_is_read(reader_client):
    make_article(title="خبر تازه")
    assert 'class="most-read"' not in reader_client.get("/").content.decode()
