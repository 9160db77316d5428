"""Images inside the article body: CKEditor's uploads, and their renditions when the body is shown.

CKEditor posts an image here (the image dialog's upload tab, or a pasted or dropped image); it goes
through the same checks as any photo (articles/images.py) and is stored as
`body/<year>/<month>/<random>-<width>x<height>.<ext>` with its renditions made at once. The size in the
name lets a page give the body's <img> its srcset, width and height from the HTML alone, without a query.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles import images

BODY_FOLDER = "body"
_NAME = re.compile(r"^body/[\w/-]+-(?P<width>\d+)x(?P<height>\d+)\.(?:jpg|png|webp)$")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'([a-zA-Z][\w-]*)="([^"]*)"')
# The CSRF token CKEditor 4 sends with its uploads, as a cookie and as a form field (double submit).
CKEDITOR_CSRF = "ckCsrfToken"


def can_upload(user) -> bool:
    return bool(user and user.is_active and user.is_staff and user.has_perm("articles.change_article"))


def store_body_image(*, upload, user) -> str:
    """Check, re-encode and store an image for an article body; make its renditions; return its name."""
    if not can_upload(user):
        raise PermissionDenied("Only editors may upload images.")
    clean = images.check_upload(upload)
    stamp = timezone.localdate().strftime("%Y/%m")
    stem = images.random_name("")
    name = f"{BODY_FOLDER}/{stamp}/{stem}-{clean.width}x{clean.height}{clean.extension}"
    name = default_storage.save(name, ContentFile(clean.content))
    images.make_renditions(images.Source(name, clean.width, clean.height), ("article",))
    return name


@csrf_exempt  # CKEditor cannot send Django's token; its own double-submit token is checked instead
@require_POST
def upload_view(request: HttpRequest) -> JsonResponse:
    """CKEditor's upload address (`uploadUrl` and `filebrowserImageUploadUrl`, with responseType=json).

    Answers in CKEditor's JSON: {"uploaded": 1, "url": ...} or {"uploaded": 0, "error": {"message": ...}}
    with a 4xx status. Staff only; CKEditor's token in the cookie and the form must match, so another
    site cannot make an editor's browser upload.
    """
    if not can_upload(request.user):
        return _refused(_("Only editors may upload images."), status=403)
    cookie = request.COOKIES.get(CKEDITOR_CSRF, "")
    sent = request.POST.get(CKEDITOR_CSRF, "")
    if not cookie or not constant_time_compare(cookie, sent):
        return _refused(_("The upload was refused: reload the page and try again."), status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _refused(_("No file was sent."), status=400)
    try:
        name = store_body_image(upload=upload, user=request.user)
    except ValidationError as error:
        return _refused(" ".join(error.messages), status=400)
    url = default_storage.url(name)
    return JsonResponse({"uploaded": 1, "fileName": name.rsplit("/", 1)[-1], "url": url})


def _refused(message: str, *, status: int) -> JsonResponse:
    return JsonResponse({"uploaded": 0, "error": {"message": message}}, status=status)


def source_for_url(url: str) -> images.Source | None:
    """The rendition source of one of our body uploads, from its address; None for any other image."""
    prefix = default_storage.url(f"{BODY_FOLDER}/")
    if not url.startswith(prefix):
        return None
    name = f"{BODY_FOLDER}/" + unquote(url[len(prefix) :])
    match = _NAME.match(name)
    if not match:
        return None
    return images.Source(name, int(match["width"]), int(match["height"]))


def responsive_images(body: str) -> str:
    """Wrap each uploaded body image in a <picture> with its renditions, width, height and lazy loading.

    The body was sanitized on save, so its attributes are double-quoted and escaped; other images (by
    address, from elsewhere) are left as they are, apart from lazy loading.
    """

    def replace(match: re.Match) -> str:
        tag = match.group(0)
        attributes = dict(_ATTRIBUTE.findall(tag))
        source = source_for_url(html.unescape(attributes.get("src", "")))
        if source is None:
            return tag if "loading=" in tag else tag[:-1].rstrip("/ ") + ' loading="lazy">'
        context = images.picture_context(source, "article")
        return format_html(
            '<picture><source type="image/webp" srcset="{}" sizes="{}"><img src="{}" srcset="{}" sizes="{}" '
            'width="{}" height="{}" alt="{}" loading="lazy" decoding="async"></picture>',
            context["webp_srcset"],
            context["sizes"],
            context["src"],
            context["jpeg_srcset"],
            context["sizes"],
            context["width"],
            context["height"],
            html.unescape(attributes.get("alt", "")),
        )

    return _IMG.sub(replace, body)
