"""Photos: uploads are checked and cleaned, renditions are made once, pages offer them responsively."""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from articles import images
from articles.imagefields import make_renditions_for
from articles.models import Article
from tests.articles.test_admin import article_form
from tests.factories import attach_image, image_bytes, make_article, make_official
from tests.i18n import fa


@pytest.fixture(autouse=True)
def _persian():
    """Addresses are built in Persian: an earlier test's request to /en/ leaves English active."""
    with translation.override("fa"):
        yield


def media_files(settings) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def declared_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares `width`×`height` pixels: a decompression bomb's shape."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"just some text, not a picture", "not_an_image"),
        (SVG, "not_an_image"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "not_an_image"),
        (image_bytes(fmt="JPEG")[:200], "not_an_image"),  # truncated
        (declared_png(100_000, 100_000), "image_too_many_pixels"),  # past Pillow's own bomb guard
        (declared_png(8_000, 6_000), "image_too_many_pixels"),  # past NEWSROOM_IMAGE_MAX_PIXELS only
    ],
    ids=["text", "svg", "pdf", "truncated-jpeg", "bomb", "too-many-pixels"],
)
def test_uploads_that_are_not_safe_photos_are_refused(data, code):
    with pytest.raises(ValidationError) as refused:
        images.check_upload(SimpleUploadedFile("photo.jpg", data))
    assert refused.value.code == code


def test_uploads_above_the_size_limit_are_refused(settings):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 2048
    flat = image_bytes(400, 400, fmt="PNG")
    noise = io.BytesIO()
    Image.effect_noise((200, 200), 100).save(noise, "PNG")  # noise does not compress
    assert len(flat) < 2048 < len(noise.getvalue())
    with pytest.raises(ValidationError) as refused:
        images.check_upload(SimpleUploadedFile("photo.png", noise.getvalue()))
    assert refused.value.code == "image_too_large"
    images.check_upload(SimpleUploadedFile("flat.png", flat))  # the same kind of file under the limit


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "msgid"),
    [
        (SVG, "This file is not a photo we accept: upload a JPEG, PNG, WebP or GIF image."),
        (declared_png(100_000, 100_000), "The image has too many pixels: at most %(limit)s megapixels."),
    ],
    ids=["svg", "bomb"],
)
def test_admin_refuses_a_bad_upload_with_a_persian_message_and_saves_nothing(
    editor_client, settings, data, msgid
):
    upload = SimpleUploadedFile("evil.svg", data, "image/svg+xml")
    response = editor_client.post(reverse("admin:articles_article_add"), {**article_form(), "image": upload})
    assert response.status_code == 400
    errors = response.context["adminform"].form.errors["image"]
    expected = fa(msgid)
    if "%(limit)s" in msgid:
        expected = expected % {"limit": "۴۰"}
    assert errors == [expected]
    assert not Article.objects.exists()
    assert media_files(settings) == set()


@pytest.mark.django_db
def test_an_uploaded_photo_loses_its_exif_and_its_name(
    editor_client, settings, django_capture_on_commit_callbacks
):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif.get_ifd(0x8825)[2] = (29.0, 35.0, 12.0)  # GPSLatitude: where the photographer stood
    photo = image_bytes(1000, 600, exif=exif.tobytes())
    assert Image.open(io.BytesIO(photo)).getexif()
    upload = SimpleUploadedFile("خانه-عکاس-شیراز.jpg", photo, "image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:articles_article_add"), {**article_form(), "image": upload, "image_focal_x": "0.2"}
        )
    assert response.status_code == 302
    article = Article.objects.get()
    assert "شیراز" not in article.image.name and re.fullmatch(
        r"articles/\d{4}/\d\d/[0-9a-f]{20}\.jpg", article.image.name
    )
    assert (article.image_width, article.image_height, article.image_focal_x) == (1000, 600, 0.2)
    with Image.open(Path(settings.MEDIA_ROOT) / article.image.name) as stored:
        assert not stored.getexif() and "exif" not in stored.info
    # The renditions were made with it: every width the page will offer exists.
    source = Article._meta.get_field("image").source(article)
    for purpose in ("article", "thumb", "card"):
        for rendition in images.renditions(source, purpose):
            assert (Path(settings.MEDIA_ROOT) / rendition.name).is_file(), rendition.name


def test_renditions_offer_widths_up_to_the_original_and_never_upscale():
    big = images.Source("a/big.jpg", 3000, 2000)
    assert [r.width for r in images.renditions(big, "article") if r.content_type == "image/jpeg"] == [
        320,
        480,
        800,
        1200,
        1600,
    ]
    small = images.Source("a/small.jpg", 1000, 600)
    assert [r.width for r in images.renditions(small, "article") if r.content_type == "image/jpeg"] == [
        320,
        480,
        800,
        1000,
    ]
    jpeg = [r for r in images.renditions(small, "thumb") if r.content_type == "image/jpeg"]
    assert [(r.width, r.height) for r in jpeg] == [(160, 107), (320, 213), (480, 320)]


@pytest.mark.django_db
def test_thumbnails_and_cards_crop_around_the_focal_point(settings, django_capture_on_commit_callbacks):
    # Left third red, right third blue: a 3:2 thumbnail of this 1800×600 picture shows one or the other.
    picture = Image.new("RGB", (1800, 600), (0, 160, 0))
    picture.paste((220, 0, 0), (0, 0, 600, 600))
    picture.paste((0, 0, 220), (1200, 0, 1800, 600))
    out = io.BytesIO()
    picture.save(out, "PNG")
    seen = {}
    for focal_x in (0.0, 1.0):
        with django_capture_on_commit_callbacks(execute=True):
            article = attach_image(make_article(), data=out.getvalue(), name="p.png", x=focal_x)
        source = Article._meta.get_field("image").source(article)
        thumb = images.renditions(source, "thumb")[0]
        with Image.open(Path(settings.MEDIA_ROOT) / thumb.name) as made:
            seen[focal_x] = made.convert("RGB").getpixel((made.width // 2, made.height // 2))
        with Image.open(Path(settings.MEDIA_ROOT) / images.og_rendition(source).name) as card:
            assert card.size == (1200, 630)
    assert seen[0.0][0] > 150 and seen[0.0][2] < 60  # red: the left part
    assert seen[1.0][2] > 150 and seen[1.0][0] < 60  # blue: the right part


@pytest.mark.django_db
def test_renditions_are_made_once_and_pages_make_none(
    reader_client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = attach_image(make_article(), data=image_bytes(1600, 1000))
    made = media_files(settings)
    assert make_renditions_for(article) == []  # a second call finds everything there
    for _ in range(2):
        assert reader_client.get(article.get_absolute_url()).status_code == 200
    assert media_files(settings) == made


@pytest.mark.django_db
def test_article_page_offers_the_photo_responsively(reader_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = attach_image(make_article(), data=image_bytes(2400, 1600))
    html = reader_client.get(article.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="article-image">(.*?)</figure>', html, re.S).group(1)
    assert '<source type="image/webp" srcset="' in figure
    img = re.search(r"<img [^>]*>", figure).group(0)
    widths = [int(w) for w in re.findall(r" (\d+)w", re.search(r'srcset="([^"]*)"', img).group(1))]
    assert widths == [320, 480, 800, 1200, 1600]
    assert 'width="1600" height="1067"' in img and 'sizes="(max-width: 48rem) 100vw, 46rem"' in img
    assert 'loading="lazy"' not in img  # the article's own photo is at the top: not lazy


@pytest.mark.django_db
def test_officials_photos_get_renditions_too(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        official = attach_image(make_official(), field="photo", data=image_bytes(600, 800))
    source = type(official)._meta.get_field("photo").source(official)
    assert all((Path(settings.MEDIA_ROOT) / r.name).is_file() for r in images.renditions(source, "thumb"))


@pytest.mark.django_db
def test_the_picture_tag_renders_lazy_thumbnails_without_queries(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    from django.template import Context, Template

    with django_capture_on_commit_callbacks(execute=True):
        attach_image(make_article(), data=image_bytes(900, 600))
    article = Article.objects.get()
    template = Template('{% load images %}{% picture article.image "thumb" alt="x" %}')
    with django_assert_num_queries(0):
        html = template.render(Context({"article": article}))
    assert 'loading="lazy"' in html and "thumb-f050x050-160.webp 160w" in html


@pytest.mark.django_db
def test_a_focal_point_outside_the_picture_is_refused(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = attach_image(make_article(status=Article.Status.DRAFT, published_at=None))
    url = reverse("admin:articles_article_change", args=[article.pk]) + "?language=fa"
    page = editor_client.get(url).content.decode()
    assert 'class="focal-point" data-focal-x="id_image_focal_x" data-focal-y="id_image_focal_y"' in page
    assert "js/focal_point.js" in page
    response = editor_client.post(url, {**article_form(), "image_focal_x": "1.5", "image_focal_y": "0.3"})
    assert response.status_code == 400
    assert "image_focal_x" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert (article.image_focal_x, article.image_focal_y) == (0.5, 0.5)
