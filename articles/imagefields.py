"""The image field of articles, officials and organizations: checked uploads, random names, renditions.

A field named `image` keeps its original's size in `image_width`/`image_height` and its focal point in
`image_focal_x`/`image_focal_y` (0..1 from the left and the top) on the same row, so a page derives every
rendition's name from the row alone (articles/images.py).
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from articles import images


class SafeImageFormField(forms.ImageField):
    """Runs articles.images.check_upload and hands the model the re-encoded file under a random name."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        clean = images.check_upload(upload)
        content_type = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}[clean.extension]
        return SimpleUploadedFile(images.random_name(clean.extension), clean.content, content_type)


class FocalPointFormField(forms.FloatField):
    """One coordinate of the focal point, typed or set by a click (static/js/focal_point.js). Left
    empty, it is the middle: a form that does not show the point (an older script, a test) still saves."""

    def __init__(self, **kwargs):
        kwargs["required"] = False
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return 0.5 if value is None else value

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "step": "0.01"}


class FocalPointField(models.FloatField):
    """0..1 from the left (x) or from the top (y) of the picture; the middle by default."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": FocalPointFormField, **kwargs})


class RenditionImageField(models.ImageField):
    """An ImageField whose renditions are made when it is saved (articles/signal_handlers.py).

    `purposes` (which renditions; not stored in migrations) and `og` (also the 1200×630 social-card crop).
    """

    def __init__(self, *args, purposes: tuple[str, ...] = ("article", "thumb"), og: bool = False, **kwargs):
        self.purposes = purposes
        self.og = og
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, **kwargs):
        # The size columns are named after the field: image → image_width, image_height.
        self.width_field, self.height_field = f"{name}_width", f"{name}_height"
        super().contribute_to_class(cls, name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("width_field", None)
        kwargs.pop("height_field", None)
        return name, path, args, kwargs

    def generate_filename(self, instance, filename):
        # Whatever the name given (an upload's, or a script's), only its extension is kept.
        extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ".jpg"
        return super().generate_filename(instance, images.random_name(extension))

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Only when a new file is assigned: Django would otherwise open the file on every row loaded
        # without a stored size (a list page reading each photo), and fail on a missing one.
        if force:
            super().update_dimension_fields(instance, force, *args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def source(self, instance) -> images.Source | None:
        """The rendition source for this field on `instance`, or None when there is no usable image."""
        file = getattr(instance, self.attname)
        width = getattr(instance, self.width_field, None)
        height = getattr(instance, self.height_field, None)
        if not file or not width or not height:
            return None
        return images.Source(
            name=file.name,
            width=width,
            height=height,
            focal_x=getattr(instance, f"{self.name}_focal_x", 0.5),
            focal_y=getattr(instance, f"{self.name}_focal_y", 0.5),
        )


def rendition_fields(model) -> list[RenditionImageField]:
    return [field for field in model._meta.get_fields() if isinstance(field, RenditionImageField)]


def make_renditions_for(instance) -> list[str]:
    """Make the missing renditions of every image on `instance`; return the names created. Existing
    files are left alone, so this is cheap to call on every save."""
    created = []
    for field in rendition_fields(type(instance)):
        source = field.source(instance)
        if source is not None:
            created += images.make_renditions(source, field.purposes, og=field.og)
    return created
