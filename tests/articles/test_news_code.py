import pytest

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_news_codes_are_sequential_and_unique():
    codes = [make_article().news_code for _ in range(5)]
    assert codes == list(range(codes[0], codes[0] + 5))
    assert len(set(Article.objects.values_list("news_code", flat=True))) == 5


def test_news_code_is_stable_across_saves():
    article = make_article()
    code = article.news_code
    article.status = Article.Status.DRAFT
    article.save()
    article.refresh_from_db()
    assert article.news_code == code


def test_a_deleted_articles_code_is_never_reused():
    first = make_article()
    last = make_article()
    last_code = last.news_code
    last.delete()
    first.delete()
    assert make_article().news_code == last_code + 1


def test_news_code_is_not_editable_in_forms():
    assert not Article._meta.get_field("news_code").editable
