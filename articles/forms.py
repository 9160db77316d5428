from __future__ import annotations

from ckeditor.widgets import CKEditorWidget
from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from articles.jalali_forms import jalali_formfield
from articles.models import Article, Position
from articles.services import can_publish


class ArticleAdminForm(TranslatableModelForm):
    """The article form in the admin. Knows who is editing, so an editor cannot publish by editing the
    status field (only the publishing right moves an article into or out of "published")."""

    user = None  # set by ArticleAdmin.get_form
    # Editors think in the Solar Hijri calendar: they type a Jalali date and Tehran time.
    published_at = jalali_formfield(Article._meta.get_field("published_at"))

    class Meta:
        model = Article
        fields = "__all__"
        # Headlines are long sentences in Persian news: give them the full width of the form.
        widgets = {
            "kicker": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "lead": forms.Textarea(attrs={"class": "vLargeTextField", "rows": 4}),
            "image_caption": forms.TextInput(attrs={"class": "vLargeTextField"}),
            # The editor is chosen here, not in the model: replacing it touches settings and the admin only.
            # ArticleAdmin.get_form switches a copy of this widget's config to LTR for the English tab.
            "body": CKEditorWidget(config_name="default"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Leave empty to make it from the headline. Persian letters are kept."
            )

    def clean_status(self):
        status = self.cleaned_data["status"]
        was = self.instance.status if self.instance.pk else None
        touches_published = Article.Status.PUBLISHED in {status, was} and status != was
        if touches_published and not can_publish(self.user):
            raise forms.ValidationError(
                _("Only a chief editor can publish or unpublish. Send the article to review instead.")
            )
        return status

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = slugify(cleaned["title"], allow_unicode=True)[:300] or "-"
        if cleaned.get("status") == Article.Status.PUBLISHED and not cleaned.get("published_at"):
            from django.utils import timezone

            cleaned["published_at"] = timezone.now()
        return cleaned


class PositionForm(forms.ModelForm):
    """An official's position, its dates typed in the Jalali calendar."""

    start_date = jalali_formfield(Position._meta.get_field("start_date"))
    end_date = jalali_formfield(Position._meta.get_field("end_date"))

    class Meta:
        model = Position
        fields = ["official", "organization", "title", "start_date", "end_date"]
