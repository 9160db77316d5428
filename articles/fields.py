"""The article body field, defined once so that swapping the editor is one change."""

from ckeditor.fields import RichTextField

from articles.sanitize import clean_body_html


class SanitizedRichTextField(RichTextField):
    """CKEditor in the admin, and an nh3 allowlist on every save, wherever the save comes from."""

    def pre_save(self, model_instance, add):
        value = clean_body_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
