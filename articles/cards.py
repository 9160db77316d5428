"""Social cards: the 1200×630 picture og:image and twitter:image point at.

An article with a photo gets its photo cropped around the focal point (made with its renditions,
articles/images.py). One without gets a card drawn here: kicker and headline in Vazirmatn, the site's
name and logo, the Jalali date. Persian is drawn only through Raqm (FriBiDi and HarfBuzz): without it
Pillow would lay the letters out unjoined and left to right, so then no card is drawn at all and pages
fall back to the default image, with a warning in the log.

A drawn card's name is keyed by a hash of everything drawn on it, so it is made once per version of
the article and language; later requests find it through the cache without touching storage.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from dataclasses import dataclass
from functools import cache

from django.contrib.staticfiles import finders
from django.core.cache import cache as django_cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import get_language
from PIL import Image, ImageDraw, ImageFont, features

from articles import extensions, images
from articles.persian import jalali_date

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = images.OG_SIZE
# Bump when the drawing changes, so every card is drawn again under a new name.
CARD_VERSION = 1
CARDS_FOLDER = "cards"
MARGIN = 64
BACKGROUND = "#0b5394"  # the site's accent (static/css/site.css)
INK = "#ffffff"
SOFT_INK = "#d6e4f2"
FOOTER_BAND = "#083e6f"
HEADLINE_SIZE, KICKER_SIZE, FOOTER_SIZE = 60, 34, 30
HEADLINE_LINES = 4


@dataclass(frozen=True)
class Card:
    url: str
    width: int | None
    height: int | None


class ShapingUnavailable(RuntimeError):
    """Pillow has no Raqm layout here (libraqm/libfribidi missing): Persian cannot be drawn correctly."""


def can_shape() -> bool:
    return features.check("raqm")


@cache
def _font(weight: str, size: int, engine: ImageFont.Layout) -> ImageFont.FreeTypeFont:
    path = finders.find(f"fonts/vazirmatn/Vazirmatn-{weight}.ttf")
    return ImageFont.truetype(path, size, layout_engine=engine)


def site_identity() -> tuple[str, extensions.Picture | None]:
    """The name (in the active language) and logo drawn on cards: the site's identity as the chief
    editor set it (articles.extensions.site_brand; the identity app provides it)."""
    brand = extensions.site_brand()
    return brand.name, brand.logo


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int, shaping: dict) -> list[str]:
    """Greedy line breaking on spaces, measured as shaped; an ellipsis when the text does not fit."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate, **shaping) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += " …"
    return lines


def draw_card(
    *,
    kicker: str,
    headline: str,
    date_text: str,
    rtl: bool = True,
    engine: ImageFont.Layout = ImageFont.Layout.RAQM,
) -> Image.Image:
    """Draw a card. `engine` is only for tests comparing against an unshaped drawing."""
    if engine == ImageFont.Layout.RAQM and not can_shape():
        raise ShapingUnavailable("Pillow lacks Raqm (install libraqm0/libfribidi0): cannot draw Persian")
    site_name, logo_picture = site_identity()
    direction = "rtl" if rtl else "ltr"
    # Raqm takes a direction; the basic layout takes none (and draws everything left to right).
    shaping = {"direction": direction, "language": "fa" if rtl else "en"}
    if engine != ImageFont.Layout.RAQM:
        shaping = {}
    card = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(card)
    # Right to left: text hangs from the right margin ("r" anchors); left to right from the left one.
    x, anchor = (WIDTH - MARGIN, "r") if rtl else (MARGIN, "l")
    y = MARGIN
    text_width = WIDTH - 2 * MARGIN
    if kicker:
        font = _font("Regular", KICKER_SIZE, engine)
        line = _wrap(kicker, font, text_width, 1, shaping)[0]
        draw.text((x, y), line, font=font, fill=SOFT_INK, anchor=anchor + "a", **shaping)
        y += round(KICKER_SIZE * 1.9)
    font = _font("Bold", HEADLINE_SIZE, engine)
    for line in _wrap(headline, font, text_width, HEADLINE_LINES, shaping):
        draw.text((x, y), line, font=font, fill=INK, anchor=anchor + "a", **shaping)
        y += round(HEADLINE_SIZE * 1.6)
    # The footer band: the logo and the site's name on the reading side, the date on the other.
    band_top = HEIGHT - 110
    draw.rectangle((0, band_top, WIDTH, HEIGHT), fill=FOOTER_BAND)
    middle = band_top + 55
    footer_font = _font("Bold", FOOTER_SIZE, engine)
    name_x = x
    logo = _logo_image(logo_picture)
    if logo is not None:
        logo.thumbnail((240, 50))
        logo_x = WIDTH - MARGIN - logo.width if rtl else MARGIN
        card.paste(logo, (logo_x, middle - logo.height // 2), logo)
        name_x = logo_x - 24 if rtl else logo_x + logo.width + 24
    draw.text((name_x, middle), site_name, font=footer_font, fill=INK, anchor=anchor + "m", **shaping)
    if date_text:
        other = ("l" if rtl else "r") + "m"
        date_x = MARGIN if rtl else WIDTH - MARGIN
        date_font = _font("Regular", FOOTER_SIZE, engine)
        draw.text((date_x, middle), date_text, font=date_font, fill=SOFT_INK, anchor=other, **shaping)
    return card


def _logo_image(picture: extensions.Picture | None) -> Image.Image | None:
    """The logo as RGBA, or None when there is none or it cannot be read (the card is drawn without)."""
    if picture is None or picture.open is None:
        return None
    try:
        with picture.open() as handle, Image.open(handle) as logo:
            return logo.convert("RGBA")
    except (OSError, ValueError):
        logger.warning("could not read the site's logo for the social card", exc_info=True)
        return None


def _drawn_card_content(article) -> dict:
    language = get_language() or "fa"
    rtl = language == "fa"
    date_text = ""
    if article.published_at:
        date_text = jalali_date(article.published_at) if rtl else article.published_at.date().isoformat()
    return {
        "kicker": article.safe_translation_getter("kicker", default="") or "",
        "headline": article.safe_translation_getter("title", any_language=True) or "",
        "date_text": date_text,
        "rtl": rtl,
    }


def drawn_card_name(article, content: dict) -> str:
    site_name, logo = site_identity()
    # A new name or logo draws new cards (an uploaded logo's address changes with every upload).
    logo_url = logo.url if logo else ""
    key = json.dumps([CARD_VERSION, site_name, logo_url, content], ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return f"{CARDS_FOLDER}/{article.news_code}-{digest}.png"


def ensure_drawn_card(article) -> str:
    """The drawn card's storage name, drawing and saving it if it is not there yet (once per version)."""
    content = _drawn_card_content(article)
    name = drawn_card_name(article, content)
    cache_key = f"card:{name}"
    if django_cache.get(cache_key):
        return name
    if not default_storage.exists(name):
        out = io.BytesIO()
        draw_card(**content).save(out, "PNG", optimize=True)
        saved = default_storage.save(name, ContentFile(out.getvalue()))
        if saved != name:  # drawn meanwhile by another request: keep the first
            default_storage.delete(saved)
    django_cache.set(cache_key, True, None)
    return name


def default_card() -> Card:
    """The site's default social image (its identity's, else the settings')."""
    image = extensions.site_brand().social_image
    return Card(image.url, image.width, image.height)


def card_for(article) -> Card:
    """The article's social card: its photo's 1200×630 crop, else a drawn card, else the default."""
    source = type(article)._meta.get_field("image").source(article)
    if source is not None:
        return Card(default_storage.url(images.og_rendition(source).name), WIDTH, HEIGHT)
    if article.image:  # a photo saved before renditions existed: its original, size unknown
        return Card(article.image.url, None, None)
    try:
        return Card(default_storage.url(ensure_drawn_card(article)), WIDTH, HEIGHT)
    except ShapingUnavailable:
        logger.warning("social cards fall back to the default image: Pillow has no Raqm layout")
    except OSError:
        logger.warning("could not draw the social card of article %s", article.pk, exc_info=True)
    return default_card()
