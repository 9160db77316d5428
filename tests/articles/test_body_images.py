"""Images inside the body: CKEditor uploads them to our own staff-only view; pages give them renditions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from articles.sanitize import clean_body_html
from tests.articles.test_images import SVG, declared_png
from tests.factories import image_bytes, make_article
from tests.i18n import fa

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _persian():
    """Addresses are built in Persian: an earlier test's request to /en/ leaves English active."""
    with translation.override("fa"):
        yield


TOKEN = "a" * 40  # CKEditor's double-submit token: the same value in the cookie and in the form


def upload(client, data: bytes, *, name: str = "photo.jpg", token: str = TOKEN, cookie: str = TOKEN):
    client.cookies["ckCsrfToken"] = cookie
    return client.post(
        reverse("body-image-upload") + "?responseType=json",
        {"upload": SimpleUploadedFile(name, data, "image/jpeg"), "ckCsrfToken": token},
    )


def test_ckeditor_is_configured_to_upload_to_our_view():
    config = django_settings.CKEDITOR_CONFIGS["default"]
    assert config["uploadUrl"] == config["filebrowserImageUploadUrl"]
    assert config["uploadUrl"] == reverse("body-image-upload") + "?responseType=json"
    assert "uploadimage" in config["extraPlugins"].split(",")


def test_an_editor_uploads_a_body_image_and_gets_its_renditions(editor_client, settings):
    response = upload(editor_client, image_bytes(2000, 1000), name="../../etc/passwd.jpg")
    assert response.status_code == 200
    data = response.json()
    assert data["uploaded"] == 1
    assert re.fullmatch(r"/media/body/\d{4}/\d\d/[0-9a-f]{20}-2000x1000\.jpg", data["url"]), data["url"]
    stored = Path(settings.MEDIA_ROOT) / data["url"].removeprefix("/media/")
    assert Image.open(stored).size == (2000, 1000)
    renditions = sorted(p.name for p in (Path(settings.MEDIA_ROOT) / "renditions").rglob("*.webp"))
    assert renditions == sorted(f"article-full-{w}.webp" for w in (320, 480, 800, 1200, 1600))

    # Shown in an article, the body image becomes a <picture> with the renditions, and loads lazily.
    body = f'<p>متن</p><p><img src="{data["url"]}" alt="عکس &quot;خبر&quot;"></p>'
    article = make_article(body=body)
    html = editor_client.get(article.get_absolute_url()).content.decode()
    picture = re.search(r'<div class="body">.*?(<picture>.*?</picture>)', html, re.S).group(1)
    assert '<source type="image/webp" srcset="/media/renditions/body/' in picture
    assert 'width="1600" height="800"' in picture and 'loading="lazy"' in picture
    assert 'alt="عکس &quot;خبر&quot;"' in picture


@pytest.mark.parametrize(
    ("data", "msgid"),
    [
        (SVG, "This file is not a photo we accept: upload a JPEG, PNG, WebP or GIF image."),
        (declared_png(100_000, 100_000), "The image has too many pixels: at most %(limit)s megapixels."),
    ],
    ids=["svg", "bomb"],
)
def test_bad_body_uploads_are_refused_with_a_persian_message(editor_client, settings, data, msgid):
    response = upload(editor_client, data)
    assert response.status_code == 400
    message = fa(msgid).replace("%(limit)s", "۴۰")
    assert response.json() == {"uploaded": 0, "error": {"message": message}}
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.*"))


def test_body_uploads_need_an_editor_and_ckeditors_token(
    editor_client, reader_client, outsider_client, moderator_client
):
    assert upload(reader_client, image_bytes()).status_code == 403
    assert upload(outsider_client, image_bytes()).status_code == 403
    assert upload(moderator_client, image_bytes()).status_code == 403  # staff, but may not edit articles
    assert upload(editor_client, image_bytes(), cookie="").status_code == 403
    assert upload(editor_client, image_bytes(), token="b" * 40).status_code == 403


def test_the_sanitizer_keeps_responsive_attributes_but_not_script_addresses():
    kept = clean_body_html(
        '<img src="/a.jpg" srcset="/a-320.jpg 320w, /a-800.jpg 800w" sizes="100vw" loading="lazy">'
    )
    assert 'srcset="/a-320.jpg 320w, /a-800.jpg 800w"' in kept and 'loading="lazy"' in kept
    dropped = clean_body_html('<img src="/a.jpg" srcset="javascript:alert(1) 1x" loading="later">')
    assert "srcset" not in dropped and "loading" not in dropped
