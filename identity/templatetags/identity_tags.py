"""`{% absolute_url identity.social_image.url %}`: an address as machines need it (Open Graph), whether
storage gives a path on this site or a full URL (object storage)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    return context["request"].build_absolute_uri(url) if url else ""
