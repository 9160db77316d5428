"""Social cards: every article has a 1200×630 og:image, drawn right to left when it has no photo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation
from PIL import Image, ImageChops, ImageFont

from articles import cards
from tests.factories import attach_image, image_bytes, make_article
from tests.services import need_raqm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _persian():
    """Addresses are built in Persian: an earlier test's request to /en/ leaves English active."""
    with translation.override("fa"):
        yield


@pytest.fixture
def raqm():
    need_raqm()


def meta(html: str, key: str) -> str:
    return re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html).group(1)


def stored(settings, url: str) -> Path:
    return Path(settings.MEDIA_ROOT) / url.split("/media/", 1)[1]


def test_an_article_without_a_photo_gets_a_drawn_card_of_the_declared_size(reader_client, settings, raqm):
    article = make_article(kicker="رئیس کل دادگستری فارس:", title="مجموعه قضایی فارس پیشگام است")
    html = reader_client.get(article.get_absolute_url()).content.decode()
    url = meta(html, "og:image")
    assert re.fullmatch(rf"http://testserver/media/cards/{article.news_code}-[0-9a-f]{{16}}\.png", url)
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "twitter:card") == "summary_large_image" and meta(html, "twitter:image") == url
    with Image.open(stored(settings, url)) as card:
        assert card.size == (1200, 630)


def test_a_card_is_drawn_once_per_version_of_the_article(reader_client, settings, raqm):
    article = make_article(title="تیتر نخست")
    first = meta(reader_client.get(article.get_absolute_url()).content.decode(), "og:image")
    made = stored(settings, first).stat().st_mtime_ns
    cache.clear()  # even without the cache's note, the file found in storage is not drawn again
    assert meta(reader_client.get(article.get_absolute_url()).content.decode(), "og:image") == first
    assert stored(settings, first).stat().st_mtime_ns == made
    assert len(list(stored(settings, first).parent.iterdir())) == 1

    article.set_current_language("fa")
    article.title = "تیتر اصلاح شده"
    article.save()
    second = meta(reader_client.get(article.get_absolute_url()).content.decode(), "og:image")
    assert second != first and stored(settings, second).is_file()


def test_an_article_with_a_photo_shares_the_photo_cropped_to_the_card(
    reader_client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = attach_image(make_article(), data=image_bytes(800, 800), y=0.1)
    html = reader_client.get(article.get_absolute_url()).content.decode()
    url = meta(html, "og:image")
    assert "/media/renditions/articles/" in url and url.endswith("/og-f050x010.jpg")
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    with Image.open(stored(settings, url)) as card:
        assert card.size == (1200, 630)


CONTENT = {"kicker": "", "headline": "ششششششش ا", "date_text": "۱۴ خرداد ۱۳۹۹"}


def ink_runs(card: Image.Image, top: int, bottom: int) -> list[tuple[int, int]]:
    """Left-to-right runs of columns with text ink in the band top..bottom (gaps of 8px or more split)."""
    band = ImageChops.difference(
        card.crop((0, top, card.width, bottom)),
        Image.new("RGB", (card.width, bottom - top), cards.BACKGROUND),
    )
    columns = [
        x
        for x in range(card.width)
        if any(band.getpixel((x, y)) != (0, 0, 0) for y in range(0, bottom - top, 2))
    ]
    runs: list[list[int]] = []
    for x in columns:
        if runs and x - runs[-1][1] < 8:
            runs[-1][1] = x
        else:
            runs.append([x, x])
    return [(start, end) for start, end in runs]


def test_the_headline_is_shaped_and_set_right_to_left(raqm):
    shaped = cards.draw_card(**CONTENT)
    unshaped = cards.draw_card(**CONTENT, engine=ImageFont.Layout.BASIC)
    assert ImageChops.difference(shaped, unshaped).getbbox() is not None  # Raqm changed the drawing

    top, bottom = cards.MARGIN, cards.MARGIN + round(cards.HEADLINE_SIZE * 1.6)
    runs = ink_runs(shaped, top, bottom)
    # Set from the right margin; the first word (the long ش run) is the rightmost, the second (ا) left of it.
    assert abs(runs[-1][1] - (cards.WIDTH - cards.MARGIN)) <= 6
    assert len(runs) == 2 and runs[-1][1] - runs[-1][0] > 5 * (runs[0][1] - runs[0][0])
    basic_runs = ink_runs(unshaped, top, bottom)
    assert basic_runs[0][1] - basic_runs[0][0] > basic_runs[-1][1] - basic_runs[-1][0]  # unshaped: reversed


def test_the_stored_card_is_the_shaped_drawing(reader_client, settings, raqm):
    article = make_article(title=CONTENT["headline"])
    url = meta(reader_client.get(article.get_absolute_url()).content.decode(), "og:image")
    from django.utils import translation

    with translation.override("fa"):
        expected = cards.draw_card(**cards._drawn_card_content(article))
    with Image.open(stored(settings, url)) as card:
        assert ImageChops.difference(card.convert("RGB"), expected).getbbox() is None


def test_without_raqm_no_card_is_drawn_and_the_default_image_is_shared(
    reader_client, settings, monkeypatch, caplog
):
    monkeypatch.setattr(cards, "can_shape", lambda: False)
    article = make_article()
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert meta(html, "og:image").endswith("/static/img/og-default.png")
    assert not (Path(settings.MEDIA_ROOT) / "cards").exists()
    assert "Raqm" in caplog.text


def test_the_article_page_works_out_its_card_once(reader_client, monkeypatch, raqm):
    """The meta tags and the JSON-LD both name the card: one lookup (a cache round trip) serves both."""
    article = make_article(title="تیتر نخست")
    calls = []
    real = cards.card_for
    monkeypatch.setattr(cards, "card_for", lambda a: calls.append(a.pk) or real(a))
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert calls == [article.pk]
    assert meta(html, "og:image") in html.split('type="application/ld+json">', 1)[1]
