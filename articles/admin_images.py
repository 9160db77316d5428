"""The focal point in the admin: a preview of the image that sets the point when clicked.

The preview is a read-only field; static/js/focal_point.js turns a click on it into the two numbers
(and marks the point). Without JavaScript the editor types the numbers: the form works the same.
"""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.translation import gettext as _

from articles import images


class ImageAdminMixin:
    """For admins of models with RenditionImageFields: `<field>_preview` read-only fields and the JS,
    and a refused form (a bad upload among other errors) answered 400 with the form shown again."""

    class Media:
        js = ["js/focal_point.js"]
        css = {"all": ["css/focal_point.css"]}

    def changeform_view(self, request, *args, **kwargs):
        response = super().changeform_view(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if request.method == "POST" and context.get("errors"):
            response.status_code = 400
        return response

    def focal_preview(self, obj, field_name: str):
        file = getattr(obj, field_name, None) if obj else None
        if not file:
            return _("Save the form with an image to choose its focal point.")
        field = type(obj)._meta.get_field(field_name)
        source = field.source(obj)
        url = file.url
        if source is not None and "article" in field.purposes:
            url = images.picture_context(source, "article")["src"]
        return format_html(
            '<div class="focal-point" data-focal-x="id_{}_focal_x" data-focal-y="id_{}_focal_y">'
            '<img src="{}" alt="{}"></div><p class="help">{}</p>',
            field_name,
            field_name,
            url,
            _("Preview"),
            _("Click the part of the picture that must stay in view when it is cropped."),
        )
