"""Admin forms of the identity: the logo upload (checked like any photo, then made small), and the
footer page's text in the same editor as article bodies."""

from __future__ import annotations

from ckeditor.widgets import CKEditorWidget
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm
from PIL import Image

from articles import images
from articles.imagefields import SafeImageFormField
from identity.models import FooterPage, SiteIdentity

# Headers show the logo about 48 px high, print and cards a little larger: three times that is sharp on
# any phone and a few kilobytes, whatever the editor uploaded.
LOGO_BOX = (720, 240)


class LogoFormField(SafeImageFormField):
    """The upload checks of every photo (type, size, decompression bombs, EXIF dropped, random name),
    then fitted into LOGO_BOX, keeping transparency."""

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        upload.seek(0)
        with Image.open(upload) as picture:
            picture.load()
            if picture.width <= LOGO_BOX[0] and picture.height <= LOGO_BOX[1]:
                upload.seek(0)
                return upload
            picture.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
            extension = "." + upload.name.rsplit(".", 1)[-1]
            content = images.encode(picture, extension, quality=90)
        return SimpleUploadedFile(upload.name, content, upload.content_type)


class SiteIdentityForm(TranslatableModelForm):
    logo = LogoFormField(required=False, label=SiteIdentity._meta.get_field("logo").verbose_name)

    class Meta:
        model = SiteIdentity
        fields = ["name", "tagline", "logo", "social_image"]
        widgets = {
            "name": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "tagline": forms.TextInput(attrs={"class": "vLargeTextField"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].help_text = SiteIdentity._meta.get_field("logo").help_text


class FooterPageForm(TranslatableModelForm):
    class Meta:
        model = FooterPage
        fields = ["title", "slug", "body", "in_footer", "position"]
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField"}),
            # The article body's editor and its configuration (settings.CKEDITOR_CONFIGS): the same
            # allowlist, and the sanitizer on save (articles/fields.py) whatever the editor sends.
            "body": CKEditorWidget(config_name="default"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Leave empty to make it from the title. Persian letters are kept."
            )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = slugify(cleaned["title"], allow_unicode=True)[:200] or "-"
        return cleaned
