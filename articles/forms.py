from __future__ import annotations

from datetime import timedelta

from ckeditor.widgets import CKEditorWidget
from django import forms
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from articles.admin_tags import tag_form_field
from articles.jalali_forms import jalali_formfield
from articles.models import Article, Position
from articles.services import VisibilityChangeDenied, check_visibility_change


class ArticleAdminForm(TranslatableModelForm):
    """The article form in the admin. Knows who is editing, so an editor cannot publish or unpublish by
    editing the status or the publication time (articles.services.check_visibility_change)."""

    user = None  # set by ArticleAdmin.get_form
    # Editors think in the Solar Hijri calendar: they type a Jalali date and Tehran time.
    published_at = jalali_formfield(Article._meta.get_field("published_at"))
    # Not a model field: hidden until a save would take a live article off the site or move its time by
    # more than a day; then the form comes back with a warning and this box, and saves only when ticked.
    confirm_change = forms.BooleanField(label=_("Yes, I mean it"), required=False, widget=forms.HiddenInput)
    # Existing tags and typed names; not saved with the form's other relations: ArticleAdmin.save_related
    # hands them to articles.services.set_article_tags, which makes the new ones.
    tags = tag_form_field()

    class Meta:
        model = Article
        fields = "__all__"
        exclude = ["tags"]
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
        if "tags" in self.fields and self.instance.pk and "tags" not in self.initial:
            self.initial["tags"] = list(self.instance.tags.values_list("pk", flat=True))
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Leave empty to make it from the headline. Persian letters are kept."
            )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = slugify(cleaned["title"], allow_unicode=True)[:300] or "-"
        if self.instance.pk and "published_at" in cleaned and "published_at" not in self.changed_data:
            # The field shows whole seconds: an untouched time keeps its stored fraction of a second.
            cleaned["published_at"] = self.instance.published_at
        if cleaned.get("status") == Article.Status.PUBLISHED and not cleaned.get("published_at"):
            cleaned["published_at"] = timezone.now()
        if "status" in cleaned and "published_at" in cleaned:
            self._check_visibility(cleaned)
            if not self.errors:
                self._ask_confirmation(cleaned)
        return cleaned

    def _ask_confirmation(self, cleaned) -> None:
        """A slip in the status or the time can hide a live article: ask before saving such a change."""
        if not self.instance.pk or cleaned.get("confirm_change"):
            return
        warning = confirmation_needed(
            before=self.instance,
            after=Article(status=cleaned["status"], published_at=cleaned["published_at"]),
        )
        if warning:
            self.fields["confirm_change"].widget = forms.CheckboxInput()
            self.add_error("confirm_change", warning)

    def _check_visibility(self, cleaned) -> None:
        """Who may change what readers see is the publishing service's rule; the form only shows its
        refusal on the field that asked for the change, so nothing is saved."""
        after = Article(status=cleaned["status"], published_at=cleaned["published_at"])
        before = self.instance if self.instance.pk else None
        try:
            check_visibility_change(user=self.user, before=before, after=after)
        except VisibilityChangeDenied as refused:
            self.add_error(refused.field, str(refused))


# How far a live or scheduled article's time may move without asking: a day covers correcting the hour.
CONFIRM_MOVE_BEYOND = timedelta(days=1)


def confirmation_needed(*, before: Article, after: Article) -> str:
    """Why saving `after` over the stored `before` needs an explicit yes ("" when it does not)."""
    if before.is_published and not after.is_published:
        return _(
            "This change takes a live article off the site. Tick the box below to confirm, or correct the "
            "status or the publication time."
        )
    moved = (
        before.status == Article.Status.PUBLISHED
        and None not in (before.published_at, after.published_at)
        and abs(after.published_at - before.published_at) > CONFIRM_MOVE_BEYOND
    )
    if moved:
        return _(
            "This change moves the publication time by more than a day. Tick the box below to confirm, "
            "or correct the publication time."
        )
    return ""


class PositionForm(forms.ModelForm):
    """An official's position, its dates typed in the Jalali calendar."""

    start_date = jalali_formfield(Position._meta.get_field("start_date"))
    end_date = jalali_formfield(Position._meta.get_field("end_date"))

    class Meta:
        model = Position
        fields = ["official", "organization", "title", "start_date", "end_date"]
