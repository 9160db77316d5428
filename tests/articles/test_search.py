"""Search over normalized text: variants match, published only, newest first, highlighted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from articles import search
from articles.models import Article
from articles.persian import normalize
from articles.services import refresh_search_document
from tests.browser.seed import build_seed_site
from tests.factories import make_article

pytestmark = pytest.mark.django_db
SEARCH = reverse("articles:search")


def indexed(**kwargs) -> Article:
    article = make_article(**kwargs)
    refresh_search_document(article)
    return article


def results(client, query: str) -> str:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("قوه قضائیه", "قوه قضاییه"),
        ("سازمان های وابسته", "سازمان‌های"),
        ("کارکنان یک اداره", "كاركنان يك"),
        ("۱۵ خرداد", "15 خرداد"),
        ("ﺩﺍﺩﮔﺴﺘﺮﯼ ﻓﺎﺭﺱ", "دادگستری فارس"),  # presentation forms, from a PDF
        ("داد\u00adگستری فارس", "دادگستری"),
        ("ڪارڪنان ھمہ", "کارکنان همه"),
    ],
)
def test_spelling_variants_find_the_article(reader_client, written, typed):
    indexed(title=f"خبر درباره {written}")
    indexed(title="خبری دیگر")
    html = results(reader_client, typed)
    assert "درباره" in html and "خبری دیگر" not in html


def test_seed_article_is_found_by_its_officials_name_and_a_variant_spelling(reader_client):
    site = build_seed_site()
    for query in ("قوه قضاییه", "سید كاظم موسوي", "دادگستری فارس خدمات الکترونیک"):
        assert f'href="{site.article.get_absolute_url()}"' in results(reader_client, query), query


def test_every_word_must_match(reader_client):
    indexed(title="بودجه استان فارس")
    indexed(title="بودجه استان کرمان")
    html = results(reader_client, "بودجه فارس")
    assert "استان فارس" in html.replace("<mark>", "").replace("</mark>", "")
    assert "کرمان" not in html


def test_unpublished_articles_never_appear_in_results(reader_client):
    indexed(title="پیش‌نویس بودجه", status=Article.Status.DRAFT)
    indexed(title="بودجه آینده", published_at=timezone.now() + timedelta(hours=2))
    indexed(title="بودجه در بررسی", status=Article.Status.REVIEW)
    html = results(reader_client, "بودجه")
    assert "پیش‌نویس" not in html and "آینده" not in html and "در بررسی" not in html


def test_results_are_newest_first_and_paginated(reader_client):
    now = timezone.now()
    for n in range(22):
        indexed(title=f"گزارش شماره {n}", published_at=now - timedelta(hours=n))
    first = results(reader_client, "گزارش")
    assert first.count('class="article-item"') == 20
    assert first.index("شماره 0<") < first.index("شماره 1<") < first.index("شماره 19<")
    second = reader_client.get(SEARCH, {"q": "گزارش", "page": 2}).content.decode()
    assert "شماره 20" in second and "شماره 21" in second and "شماره 0<" not in second
    assert "q=%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4&amp;page=1" in second


def test_matched_words_are_highlighted_as_written(reader_client):
    indexed(title="رئیس قوه قضائیه گفت", lead="سازمان‌های وابسته <b>حاضر</b> بودند")
    html = results(reader_client, "قضاییه سازمان های")
    assert "<mark>قضائیه</mark>" in html
    assert "<mark>سازمان‌های</mark>" in html
    assert "&lt;b&gt;حاضر&lt;/b&gt;" in html  # reader text stays escaped


def test_highlight_maps_normalized_matches_back_to_the_text_as_written():
    assert search.highlight("دادگستري  فارس", search.terms("دادگستری فارس")) == "<mark>دادگستري  فارس</mark>"
    assert search.highlight("فارس و دادگستري", search.terms("دادگستری فارس")) == (
        "<mark>فارس</mark> و <mark>دادگستري</mark>"
    )
    assert search.highlight("<i>x</i>", ["zzz"]) == "&lt;i&gt;x&lt;/i&gt;"
    assert search.highlight("کتاب‌ها", ["کتاب ها"]) == "<mark>کتاب‌ها</mark>"
    # A decomposed آ (ا and a madda) and a last letter's diacritics are marked with their letters.
    assert search.highlight("ا\u0653ب و حُجَّتُ", search.terms("آب حجت")) == (
        "<mark>ا\u0653ب</mark> و <mark>حُجَّتُ</mark>"
    )


@pytest.mark.parametrize("query", ["", "   ", "ـــ", "x" * 201])
def test_bad_queries_get_the_form_back_with_an_error_and_a_400(reader_client, query):
    response = reader_client.get(SEARCH, {"q": query})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="errorlist"' in html and 'name="q"' in html


def test_a_nul_in_the_query_gets_the_bad_request_page(reader_client):
    # No browser sends a NUL from a text box; the site-wide guard (newsroom/input_guard.py) answers
    # before the view, as for every address and query string.
    response = reader_client.get(SEARCH, {"q": "bad\x00byte"})
    assert response.status_code == 400
    assert "درخواست نامعتبر" in response.content.decode()


def test_empty_search_page_shows_the_form(reader_client):
    response = reader_client.get(SEARCH)
    assert response.status_code == 200 and 'name="q"' in response.content.decode()


def test_like_wildcards_in_the_query_are_literal(reader_client):
    indexed(title="خبر معمولی")
    assert "خبر معمولی" not in results(reader_client, "%")
    assert "خبر معمولی" not in results(reader_client, "_")


def test_a_match_in_the_body_is_shown_as_a_highlighted_excerpt(reader_client):
    words = " ".join(f"واژه{n}" for n in range(80))
    indexed(title="تیتر", lead="لید", body=f"<p>{words} قوه قضائیه {words}</p>")
    html = results(reader_client, "قوه قضاییه")
    excerpt = html.split('class="excerpt">')[1].split("</p>")[0]
    assert "<mark>قوه قضائیه</mark>" in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …") and len(excerpt) < 400


@given(st.text(alphabet="ابپتسکیيكئؤةۀ ‌ـًٌ٫12۱٢aBİßéﻻﺏＡ\t\n\u200f\u0653\u0654\u0301\u00ad", max_size=60))
def test_highlight_folds_text_exactly_as_normalize_does(text):
    folded, offsets = search._normalized_with_offsets(text)
    assert folded.strip() == normalize(text)
    assert len(offsets) == len(folded) and offsets == sorted(offsets)


def test_excerpt_keeps_paragraphs_apart(reader_client):
    indexed(title="تیتر", lead="لید", body="<p>پایان بند اول.</p><p>آغاز بند دوم قوه قضائیه</p>")
    html = results(reader_client, "قضاییه")
    assert "پایان بند اول. آغاز بند دوم" in html
