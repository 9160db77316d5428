"""manage.py make_renditions: makes what is missing, for images saved before renditions existed."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from articles import images
from articles.models import Article
from tests.factories import image_bytes, make_article

pytestmark = pytest.mark.django_db


def test_makes_the_missing_renditions_of_an_old_image_once(settings):
    article = make_article()
    # As an older version stored it: a file, and no size on the row.
    name = default_storage.save("articles/2020/01/old.jpg", ContentFile(image_bytes(900, 600)))
    Article.objects.filter(pk=article.pk).update(image=name)

    out = StringIO()
    call_command("make_renditions", "--dry-run", stdout=out)
    assert "1 images, 0 renditions made" in out.getvalue()
    assert not (Path(settings.MEDIA_ROOT) / "renditions").exists()

    out = StringIO()
    call_command("make_renditions", stdout=out)
    article.refresh_from_db()
    assert (article.image_width, article.image_height) == (900, 600)
    source = Article._meta.get_field("image").source(article)
    expected = [r.name for p in ("article", "thumb", "card") for r in images.renditions(source, p)]
    expected.append(images.og_rendition(source).name)
    assert f"1 images, {len(expected)} renditions made, 0 failed" in out.getvalue()
    assert all((Path(settings.MEDIA_ROOT) / name).is_file() for name in expected)

    out = StringIO()
    call_command("make_renditions", stdout=out)
    assert "1 images, 0 renditions made" in out.getvalue()
