"""Tags in the admin: the tag list, and the article form's tag field, where an editor picks existing tags
with autocomplete (normalized: «الكترونيك» finds «الکترونیک») or types a new one without leaving the form.

The field is Django's autocomplete select (select2) in select2's "tags" mode, started by
static/js/tag_field.js: a chosen tag is sent as its id, a typed name as "+name". Names become tags only
when the article is saved (articles.services.set_article_tags), so a form refused for any other reason
writes no tag, and a name whose normalized key a tag already has is that tag, never a second one.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from articles import services
from articles.admin_display import PersianHistoryMixin
from articles.admin_search import NormalizedSearchMixin
from articles.models import Article, Tag
from articles.persian import persian_digits

NEW = "+"  # what static/js/tag_field.js puts before a typed name
_LONGEST_ID = 18  # digits of the largest id a bigint holds; more is no id


class TagsWidget(AutocompleteSelectMultiple):
    """Selected tags, and typed names kept as options when the form is shown again."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        # Our script starts this select, not Django's autocomplete.js (which knows no new names).
        attrs["class"] = attrs["class"].replace("admin-autocomplete", "admin-tag-field")
        attrs["data-new-label"] = _("New tag: %s")
        return attrs

    def optgroups(self, name, value, attr=None):
        ids = [item for item in value if _is_id(item)]
        groups = super().optgroups(name, ids, attr)
        options = groups[0][1]
        for item in value:
            if not _is_id(item) and item:
                label = item[len(NEW) :] if item.startswith(NEW) else item
                options.append(self.create_option(name, item, label, True, len(options)))
        return groups

    @property
    def media(self):
        # One list, so the merge keeps our script after jQuery and select2 (two lists added with `+`
        # constrain nothing between them).
        base = super().media
        return forms.Media(js=[*base._js, "js/tag_field.js"], css=base._css)


def _is_id(value) -> bool:
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= _LONGEST_ID


class TagChoiceField(forms.ModelMultipleChoiceField):
    """Cleans to existing tags (by id) and new names (str, cleaned by services.clean_tag_name). Without
    JavaScript a bare name is a name too."""

    def clean(self, value):
        value = self.prepare_value(value) or []
        if not isinstance(value, (list, tuple)):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        ids, names, errors = [], [], []
        for item in map(str, value):
            if _is_id(item):
                ids.append(item)
                continue
            try:
                names.append(services.clean_tag_name(item[len(NEW) :] if item.startswith(NEW) else item))
            except ValidationError as refused:
                errors.extend(refused.error_list)
        if errors:
            raise ValidationError(errors)
        tags = list(self._check_values(ids)) if ids else []
        self.run_validators(value)
        return [*tags, *names]


def tag_form_field(admin_site=admin.site) -> TagChoiceField:
    model_field = Article._meta.get_field("tags")
    return TagChoiceField(
        queryset=Tag.objects.prefetch_related("translations"),  # the chosen tags' names, in one query
        required=False,
        label=model_field.verbose_name,
        widget=TagsWidget(model_field, admin_site),
        help_text=_(
            "Type to find a tag. A name not in the list becomes a new tag: press Enter or type a comma. "
            "A name spelt another way (ي or ی, with or without a half-space) is the same tag. New tags "
            "are named in the language of the tab."
        ),
    )


@admin.register(Tag)
class TagAdmin(PersianHistoryMixin, NormalizedSearchMixin, TranslatableAdmin):
    list_display = ["__str__", "slug", "article_count"]
    search_fields = ["search_document"]  # names in every language and the slug, normalized
    # Autocomplete and the list page through a stable order.
    ordering = ["slug"]

    def get_queryset(self, request):
        # Names are parler translations: prefetched, or each row costs a query. The count is a subquery
        # per row shown, not a GROUP BY over every tagging (autocomplete reads this queryset too).
        tagged = (
            Article.tags.through.objects.filter(tag_id=OuterRef("pk"))
            .order_by()
            .values("tag_id")
            .annotate(count=Count("*"))
            .values("count")
        )
        return (
            super()
            .get_queryset(request)
            .prefetch_related("translations")
            .annotate(tagged_count=Subquery(tagged, output_field=IntegerField()))
        )

    def changeform_view(self, request, *args, **kwargs):
        response = super().changeform_view(request, *args, **kwargs)
        if request.method == "POST" and (getattr(response, "context_data", None) or {}).get("errors"):
            response.status_code = 400  # refused (a name another tag has): the form is shown again
        return response

    @admin.display(description=_("articles"), ordering="tagged_count")
    def article_count(self, obj):
        return persian_digits(obj.tagged_count or 0)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)  # parler saves the tab's translation here too
        if change:
            # Readers find articles by their tags' names: a new name must find them.
            services.refresh_articles_tagged(obj, changed=set(form.changed_data))

    # Deleting, one or many (Django's delete action asks first, then calls delete_queryset), goes through
    # the service: the articles that carried the tags are found by its names no more.
    def delete_model(self, request, obj):
        services.delete_tags(tags=Tag.objects.filter(pk=obj.pk), user=request.user)

    def delete_queryset(self, request, queryset):
        services.delete_tags(tags=queryset, user=request.user)
