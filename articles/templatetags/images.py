"""Responsive images for templates: `{% picture article.image "thumb" alt=... %}`, and body images.

Neither touches the database or the storage: rendition names come from the row (articles/images.py).
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from articles import body_images, images
from articles.imagefields import RenditionImageField

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(file, purpose: str, alt: str = "", eager: bool = False, sizes: str = "", css_class: str = ""):
    """A <picture> with WebP and JPEG renditions of `file` (a RenditionImageField's value) for `purpose`
    ("article", "thumb" or "card"; articles/images.py PURPOSES). `eager` for the photo at the top of a
    page (the article's own, the front page's lead): every other picture loads lazily. `sizes` overrides
    the purpose's own when a template lays the picture out differently."""
    context = {"alt": alt, "eager": eager, "css_class": css_class}
    if not file:
        return context
    field = getattr(file, "field", None)
    source = field.source(file.instance) if isinstance(field, RenditionImageField) else None
    if source is None:  # an image saved before renditions existed: the original, as it was
        return {**context, "src": file.url}
    context.update(images.picture_context(source, purpose))
    if sizes:
        context["sizes"] = sizes
    return context


@register.filter
def responsive_body(html: str) -> SafeString:
    """The article body with its uploaded images given renditions (articles/body_images.py). The body is
    already sanitized on save; only <img> elements pointing at our own uploads change."""
    return mark_safe(body_images.responsive_images(html or ""))
