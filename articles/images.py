"""Photos: checking uploads, and the renditions readers download.

An upload is refused unless Pillow reads it as a JPEG, PNG, WebP or GIF within the size limits
(NEWSROOM_IMAGE_MAX_BYTES, NEWSROOM_IMAGE_MAX_PIXELS); what is kept is re-encoded, so EXIF (GPS, camera)
is gone, under a random name. Renditions are made once, when an image is saved, through Django's storage
API (so shared or object storage works), under names derived from the image's name, the crop and the
width. Pages compute those names from the row (the original's size and focal point are columns), so
rendering a list of photos touches neither the database nor the storage.

Imports no models: the model fields (articles/imagefields.py) and the body images use it alike.
"""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from articles.persian import persian_digits

# Pillow format name → the extension the stored file gets. GIF is kept as PNG (first frame only).
ACCEPTED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".png"}
_SAVE_FORMAT = {".jpg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


@dataclass(frozen=True)
class Purpose:
    """How an image is shown: the crop's shape (None keeps the original's) and the widths offered."""

    ratio: float | None
    widths: tuple[int, ...]
    sizes: str


# `sizes` follows static/css/site.css: the article column is 46rem wide, and the whole page on a phone.
PURPOSES = {
    "article": Purpose(None, (320, 480, 800, 1200, 1600), "(max-width: 48rem) 100vw, 46rem"),
    "thumb": Purpose(3 / 2, (160, 320, 480), "(max-width: 40rem) 33vw, 12rem"),
    "card": Purpose(1200 / 630, (480, 800, 1200), "(max-width: 48rem) 100vw, 46rem"),
}
# The social card: exactly this size whatever the photo's (og:image:width/height are declared).
OG_SIZE = (1200, 630)
RENDITION_FORMATS = (("image/webp", ".webp"), ("image/jpeg", ".jpg"))
RENDITIONS_ROOT = "renditions"


def max_bytes() -> int:
    return settings.NEWSROOM_IMAGE_MAX_BYTES


# Upload checks --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanImage:
    """An accepted upload, re-encoded: its bytes, the extension they need, and the pixel size."""

    content: bytes
    extension: str
    width: int
    height: int


def check_upload(file) -> CleanImage:
    """Accept an uploaded photo or raise ValidationError with a message for the editor.

    Reads the header first (size and format) and decodes only what passed, so a decompression bomb (a
    small file declaring a huge picture) is refused before it takes the memory.
    """
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            _("The image is too large: at most %(limit)s.")
            % {"limit": persian_digits(filesizeformat(max_bytes()))},
            code="image_too_large",
        )
    not_an_image = ValidationError(
        _("This file is not a photo we accept: upload a JPEG, PNG, WebP or GIF image."), code="not_an_image"
    )
    too_many_pixels = ValidationError(
        _("The image has too many pixels: at most %(limit)s megapixels.")
        % {"limit": persian_digits(settings.NEWSROOM_IMAGE_MAX_PIXELS // 1_000_000)},
        code="image_too_many_pixels",
    )
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read()
    if len(data) > max_bytes():
        raise ValidationError(
            _("The image is too large: at most %(limit)s.")
            % {"limit": persian_digits(filesizeformat(max_bytes()))},
            code="image_too_large",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise not_an_image
                if probe.width * probe.height > settings.NEWSROOM_IMAGE_MAX_PIXELS:
                    raise too_many_pixels
                extension = ACCEPTED_FORMATS[probe.format]
                picture = ImageOps.exif_transpose(probe)  # decodes; turns the photo upright
                picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        # SVG, PDF, HTML, truncated or corrupt files: Pillow cannot read them as a raster image.
        raise not_an_image from None
    content = encode(picture, extension, quality=90)
    return CleanImage(content=content, extension=extension, width=picture.width, height=picture.height)


def random_name(extension: str) -> str:
    """File names never come from the uploader: they are random, with the extension of what was kept."""
    return secrets.token_hex(10) + extension


def encode(picture: Image.Image, extension: str, *, quality: int) -> bytes:
    """Encode without metadata: Pillow writes no EXIF unless asked to."""
    has_alpha = picture.mode in ("RGBA", "LA") or (picture.mode == "P" and "transparency" in picture.info)
    if extension == ".jpg":
        if has_alpha:
            rgba = picture.convert("RGBA")
            flat = Image.new("RGB", rgba.size, "white")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            picture = flat
        else:
            picture = picture.convert("RGB")
        options = {"quality": quality, "optimize": True, "progressive": True}
    elif extension == ".webp":
        picture = picture.convert("RGBA" if has_alpha else "RGB")
        options = {"quality": quality, "method": 4}
    else:
        picture = picture.convert("RGBA" if has_alpha else "RGB")
        options = {"optimize": True}
    out = io.BytesIO()
    picture.save(out, _SAVE_FORMAT[extension], **options)
    return out.getvalue()


# Renditions -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """What the rendition names are derived from: the stored original, its size and its focal point."""

    name: str
    width: int
    height: int
    focal_x: float = 0.5
    focal_y: float = 0.5


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    content_type: str


def crop_box(source: Source, ratio: float | None) -> tuple[int, int, int, int]:
    """The largest box of the given shape inside the image, as near centred on the focal point as fits."""
    if ratio is None:
        return (0, 0, source.width, source.height)
    width, height = source.width, source.height
    if width / height > ratio:
        box_w, box_h = round(height * ratio), height
    else:
        box_w, box_h = width, round(width / ratio)
    left = min(max(round(source.focal_x * width - box_w / 2), 0), width - box_w)
    top = min(max(round(source.focal_y * height - box_h / 2), 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def offered_widths(widths: tuple[int, ...], available: int) -> list[int]:
    """The purpose's widths up to what the image has; the image's own width too when it falls between
    two of them, so the largest file is as sharp as the original allows and never upscaled."""
    offered = [w for w in widths if w <= available]
    if available < widths[-1] and available not in offered:
        offered.append(available)
    return offered


def _folder(source: Source) -> str:
    return str(PurePosixPath(RENDITIONS_ROOT) / PurePosixPath(source.name).with_suffix(""))


def _crop_key(source: Source, ratio: float | None) -> str:
    # Rounded to a hundredth: editors click, and a finer point changes nothing a reader sees.
    if ratio is None:
        return "full"
    return f"f{round(source.focal_x * 100):03d}x{round(source.focal_y * 100):03d}"


def renditions(source: Source, purpose: str) -> list[Rendition]:
    """Every file of one purpose, smallest first; names only (nothing is read or written)."""
    spec = PURPOSES[purpose]
    left, top, right, bottom = crop_box(source, spec.ratio)
    box_w, box_h = right - left, bottom - top
    folder, key = _folder(source), _crop_key(source, spec.ratio)
    result = []
    for width in offered_widths(spec.widths, box_w):
        height = max(1, round(box_h * width / box_w))
        for content_type, extension in RENDITION_FORMATS:
            name = f"{folder}/{purpose}-{key}-{width}{extension}"
            result.append(Rendition(name, width, height, content_type))
    return result


def og_rendition(source: Source) -> Rendition:
    key = _crop_key(source, OG_SIZE[0] / OG_SIZE[1])
    return Rendition(f"{_folder(source)}/og-{key}.jpg", *OG_SIZE, "image/jpeg")


def make_renditions(
    source: Source, purposes: tuple[str, ...], *, og: bool = False, storage: Storage | None = None
) -> list[str]:
    """Create the missing files of these purposes (and the social-card crop); return the names created.

    Called when an image is saved, never while serving a page: an existing file is left alone, so a
    second call creates nothing.
    """
    storage = storage or default_storage
    wanted = [(purpose, r) for purpose in purposes for r in renditions(source, purpose)]
    if og:
        wanted.append(("og", og_rendition(source)))
    missing = [(purpose, r) for purpose, r in wanted if not storage.exists(r.name)]
    if not missing:
        return []
    with storage.open(source.name, "rb") as handle, Image.open(handle) as opened:
        original = opened.copy()
    created = []
    for purpose, rendition in missing:
        ratio = OG_SIZE[0] / OG_SIZE[1] if purpose == "og" else PURPOSES[purpose].ratio
        picture = original.crop(crop_box(source, ratio)).resize(
            (rendition.width, rendition.height), Image.Resampling.LANCZOS
        )
        extension = PurePosixPath(rendition.name).suffix
        data = encode(picture, extension, quality=80 if extension == ".webp" else 82)
        saved = storage.save(rendition.name, ContentFile(data))
        if saved != rendition.name:
            # Another process made the same file meanwhile; keep theirs, drop the duplicate.
            storage.delete(saved)
        else:
            created.append(saved)
    return created


def srcset(items: list[Rendition], storage: Storage | None = None) -> str:
    storage = storage or default_storage
    return ", ".join(f"{storage.url(r.name)} {r.width}w" for r in items)


def picture_context(source: Source, purpose: str, *, storage: Storage | None = None) -> dict:
    """What templates/includes/picture.html needs: one srcset per format, the fallback JPEG (the one
    nearest 800 px wide) and the largest rendition's size for width and height, so nothing jumps."""
    storage = storage or default_storage
    files = renditions(source, purpose)
    webp = [r for r in files if r.content_type == "image/webp"]
    jpeg = [r for r in files if r.content_type == "image/jpeg"]
    fallback = min(jpeg, key=lambda r: abs(r.width - 800))
    largest = jpeg[-1]
    return {
        "webp_srcset": srcset(webp, storage),
        "jpeg_srcset": srcset(jpeg, storage),
        "src": storage.url(fallback.name),
        "width": largest.width,
        "height": largest.height,
        "sizes": PURPOSES[purpose].sizes,
    }
