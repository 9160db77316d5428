"""The blocks that news-site pages share besides the article itself: most read today and this week
(پربازدیدترین), and the urgent bar (فوری) at the top of every page.

Both start from the page's reader queryset (Article.objects.published(), in the page's language) and
cost a fixed few queries whatever the size of the archive: most read reads the daily view counts of the
last seven days (articles.models.DailyViewCount), the urgent bar the urgent articles of the last hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleQuerySet

MOST_READ_COUNT = 5
WEEK_DAYS = 7  # "this week": today and the six days before it
URGENT_LIMIT = 8


@dataclass
class MostRead:
    today: list[Article] = field(default_factory=list)
    week: list[Article] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.today or self.week)


def most_read(articles: ArticleQuerySet, count: int = MOST_READ_COUNT) -> MostRead:
    """The `count` articles of `articles` read most today and in the last seven days (Tehran's days).

    Four queries: the ids for today, the ids for the week (each bounded by the view counts of those
    days), then those articles and their translations, fetched once for both lists.
    """
    today = timezone.localdate()
    today_ids = articles.most_read(since=today, count=count)
    week_ids = articles.most_read(since=today - timedelta(days=WEEK_DAYS - 1), count=count)
    if not today_ids and not week_ids:
        return MostRead()
    # Chosen from `articles` just now: fetched by id without filtering on published() again (see
    # SectionQuerySet.with_newest for why).
    by_id = {
        article.pk: article
        for article in Article.objects.filter(pk__in={*today_ids, *week_ids}).prefetch_related("translations")
    }
    return MostRead(
        today=[by_id[pk] for pk in today_ids if pk in by_id],
        week=[by_id[pk] for pk in week_ids if pk in by_id],
    )


@dataclass(frozen=True)
class UrgentItem:
    title: str
    url: str
    published_at: datetime


def urgent_items(articles: ArticleQuerySet, *, now: datetime | None = None) -> list[UrgentItem]:
    """The urgent articles of `articles` published in the last NEWSROOM_URGENT_HOURS hours, newest
    first, at most URGENT_LIMIT. One query: the headline and slug come from the translation row that
    the language filter of `articles` (parler's translated()) has already joined."""
    since = (now or timezone.now()) - timedelta(hours=settings.NEWSROOM_URGENT_HOURS)
    rows = articles.urgent_since(since).values_list(
        "news_code", "translations__title", "translations__slug", "published_at"
    )[:URGENT_LIMIT]
    return [
        UrgentItem(title, reverse("articles:detail", kwargs={"code": code, "slug": slug or "-"}), published)
        for code, title, slug, published in rows
    ]
