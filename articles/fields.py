"""The article body field, defined once: rich text that is sanitized wherever it is saved from.

The field knows nothing about the editor: the admin form chooses the widget (articles/forms.py) and
settings configure it, so replacing the editor touches neither the models nor the migrations.
"""

from django.db import models

from articles.sanitize import clean_body_html


class SanitizedRichTextField(models.TextField):
    """HTML kept to the nh3 allowlist (articles/sanitize.py) on every save, wherever the save comes from."""

    def pre_save(self, model_instance, add):
        value = clean_body_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
